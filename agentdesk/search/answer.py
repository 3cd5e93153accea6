"""``ArticleFinder``: the article that answers a customer's message, for hint rules.

A pure helper over :class:`KbIndex` for next-best-action ("an article answers the last
customer message"): it searches the message as a whole (no word is a prefix) and returns
the best article only when the message says enough (two telling words or more) and the
article covers most of it.
"""

from __future__ import annotations

from agentdesk.search.documents import Hit
from agentdesk.search.index import KbIndex


class ArticleFinder:
    """Finds one confident answer for a free-text message, or nothing."""

    def __init__(self, index: KbIndex, min_coverage: float = 0.5) -> None:
        self.index = index
        self.min_coverage = min_coverage

    def best(self, message: str, client_id: str | None = None) -> Hit | None:
        text = message.rstrip() + " "
        if len(self.index.parse(text).concepts) < 2:
            return None
        hits = self.index.search(text, client_id=client_id, limit=1)
        if hits and hits[0].coverage >= self.min_coverage:
            return hits[0]
        return None
