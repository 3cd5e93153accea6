"""What a search keeps of the articles it read, for the next letter typed.

Typing a query searches each prefix in turn, and successive prefixes find mostly the same
candidates: an :class:`Article` holds what ranking and the hit need of one (its terms
counted once, see :func:`~agentdesk.search.scoring.count_terms`), and :class:`Lru` keeps
the most recently used ones, bounded. :class:`~agentdesk.search.index.KbIndex` forgets an
article whenever it is written or deleted, so a changed article is never ranked from its
old text.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar

from agentdesk.search.scoring import TermCounts

K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Article:
    """A candidate article as ranking and its hit read it (``rid``: its index rowid)."""

    rid: int
    id: str
    title: str
    kind: str
    area: str
    client_id: str | None
    lang: str
    valid_from: str | None
    valid_to: str | None
    terms: TermCounts
    #: Every term of the article was in the index's vocabulary when it was read (the
    #: vocabulary only loses the terms of articles no longer indexed).
    listed: bool

    def valid_at(self, now: str | None) -> bool:
        """Is the article in force at ``now`` (ISO UTC; None: always)?"""
        if not now:
            return True
        return not (
            (self.valid_from and self.valid_from > now) or (self.valid_to and self.valid_to <= now)
        )


class Lru(Generic[K, V]):
    """At most ``size`` values, the least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def peek(self, key: K) -> V | None:
        """The value without marking it used."""
        return self._items.get(key)

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        if len(self._items) > self.size:
            self._items.popitem(last=False)

    def discard(self, key: K) -> None:
        self._items.pop(key, None)

    def clear(self) -> None:
        self._items.clear()
