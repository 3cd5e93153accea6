"""Knowledge-base search shared by the server and the desktop: the same analysis, the same
SQLite FTS5 index and the same ranking on both sides.

Pure Python on ``sqlite3``, PyStemmer and rapidfuzz: no Qt, no network, no server code.
"""

from agentdesk.search.analysis import Analyzer
from agentdesk.search.answer import ArticleFinder
from agentdesk.search.documents import Doc, Hit
from agentdesk.search.index import KbIndex

__all__ = ["Analyzer", "ArticleFinder", "Doc", "Hit", "KbIndex"]
