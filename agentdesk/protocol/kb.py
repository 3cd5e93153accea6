"""Knowledge base on the wire: articles, import, search, changes, feedback, urgent notes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel

KbKind = Literal["procedure", "faq", "news", "urgent"]
#: Articles in one import call.
MAX_IMPORT = 5000

Title = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
Tag = Annotated[str, Field(min_length=1, max_length=60)]


class KbArticleIn(WireModel):
    """An article as a knowledge manager writes it; ``body`` is Markdown (a safe subset is
    rendered: headings, lists, tables, emphasis, links ``kb:<id>`` to other articles)."""

    title: Title
    body: str = Field(default="", max_length=100_000)
    area: str = Field(default="generale", min_length=1, max_length=40)
    kind: KbKind
    client_id: str | None = Field(default=None, max_length=40)
    tags: list[Tag] = Field(default_factory=list, max_length=30)
    valid_from: UtcDateTime | None = None
    valid_to: UtcDateTime | None = None


class KbImportRequest(WireModel):
    articles: list[KbArticleIn] = Field(min_length=1, max_length=MAX_IMPORT)


class KbImportResult(ResponseModel):
    ids: list[str]


class KbArticle(ResponseModel):
    """An article as read: the Markdown source and its sanitised HTML rendering."""

    id: str
    title: str
    body: str
    html: str
    area: str
    kind: KbKind
    client_id: str | None
    tags: list[str]
    #: The article's own revision: 1 when created, +1 on every edit.
    version: int
    #: The KB version of the article's last change (see ``/kb/changes``).
    kb_version: int
    valid_from: UtcDateTime | None
    valid_to: UtcDateTime | None
    updated_at: UtcDateTime


class KbSearchHit(ResponseModel):
    id: str
    title: str
    #: HTML-escaped text with the matched words in ``<b>``.
    snippet: str
    kind: KbKind
    area: str
    client_id: str | None
    score: float


class KbSearchResult(ResponseModel):
    items: list[KbSearchHit]
    took_ms: float


class KbChanges(ResponseModel):
    """Articles changed after ``since``; ask again with ``since=version`` while ``more``."""

    version: int
    articles: list[KbArticle]
    deleted: list[str]
    more: bool = False


class KbFeedbackRequest(WireModel):
    helpful: bool
    interaction_id: str | None = Field(default=None, max_length=40)


class KbFeedbackResult(ResponseModel):
    article_id: str
    helpful: bool
    interaction_id: str | None


class KbAckResult(ResponseModel):
    article_id: str
    acknowledged_at: UtcDateTime


class KbUrgentNote(ResponseModel):
    """An urgent communication as pushed and as listed until acknowledged."""

    id: str
    title: str
    body: str
    html: str
    client_id: str | None
    area: str
    version: int
    updated_at: UtcDateTime


class KbUrgentData(ResponseModel):
    """Payload of ``kb.urgent``."""

    article: KbUrgentNote


class KbUrgentList(ResponseModel):
    items: list[KbUrgentNote]


class KbReader(ResponseModel):
    agent_id: str
    name: str
    acknowledged_at: UtcDateTime | None = None


class KbReads(ResponseModel):
    """Who an urgent communication concerns, who has acknowledged it and who has not."""

    article_id: str
    acknowledged: list[KbReader]
    pending: list[KbReader]


class KbInteractionArticles(ResponseModel):
    """Articles linked to an interaction by feedback, with the latest verdict."""

    interaction_id: str
    items: list[KbFeedbackResult]
