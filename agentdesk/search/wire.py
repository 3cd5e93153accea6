"""Articles from the wire contract as index documents (server and desktop alike)."""

from __future__ import annotations

from datetime import UTC, datetime

from agentdesk.protocol.kb import KbArticle
from agentdesk.search.documents import Doc


def doc_from_article(article: KbArticle) -> Doc:
    return Doc(
        id=article.id,
        title=article.title,
        body=article.body,
        area=article.area,
        kind=article.kind,
        client_id=article.client_id,
        tags=tuple(article.tags),
        valid_from=iso(article.valid_from),
        valid_to=iso(article.valid_to),
    )


def iso(value: datetime | None) -> str | None:
    """The form validity bounds take in the index (comparable as text)."""
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
