"""``ArticleFinder``: the article that answers a customer's message, for hint rules.

A pure helper over :class:`KbIndex` for next-best-action ("an article answers the last
customer message"): it searches the message as a whole (no word is a prefix) and returns
the best article only when it covers enough of what was asked.
"""

from __future__ import annotations

from agentdesk.search.documents import Hit
from agentdesk.search.index import KbIndex


class ArticleFinder:
    """Finds one confident answer for a free-text message, or nothing."""

    def __init__(self, index: KbIndex, min_score: float = 1.6) -> None:
        self.index = index
        self.min_score = min_score

    def best(self, message: str, client_id: str | None = None) -> Hit | None:
        hits = self.index.search(message.rstrip() + " ", client_id=client_id, limit=1)
        if hits and hits[0].score >= self.min_score:
            return hits[0]
        return None
