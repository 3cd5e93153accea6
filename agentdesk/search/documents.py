"""What goes into the index and what comes out of a search."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("procedure", "faq", "news", "urgent")


@dataclass(frozen=True, slots=True)
class Doc:
    """An article as the index needs it; ``body`` is the Markdown source."""

    id: str
    title: str
    body: str
    area: str
    kind: str
    client_id: str | None = None
    tags: tuple[str, ...] = ()
    #: ISO 8601 UTC bounds of validity, or None for open ends.
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, best first; ``snippet`` is HTML-escaped text with ``<b>`` marks."""

    id: str
    title: str
    snippet: str
    kind: str
    area: str
    client_id: str | None
    score: float
    #: Share of the query (weighted by rarity) the article answers, 0..1.
    coverage: float = 0.0
