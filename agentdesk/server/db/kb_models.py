"""Knowledge-base tables: articles (with tombstones), the KB version, feedback, reads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.server.db.models import Base


class KbArticleRow(Base):
    """An article; deleted ones stay as tombstones so ``/kb/changes`` can report them."""

    __tablename__ = "kb_articles"
    __table_args__ = (Index("ix_kb_articles_kb_version", "kb_version"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    #: The client (committente) the article is for; not a foreign key, so a knowledge
    #: manager can load a client's KB before the client is configured.
    client_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    area: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20), default="procedure")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[Any]] = mapped_column(default=list)
    #: The article's own revision.
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: The KB version of its last change.
    kb_version: Mapped[int] = mapped_column(Integer, default=0)
    valid_from: Mapped[datetime | None] = mapped_column(nullable=True)
    valid_to: Mapped[datetime | None] = mapped_column(nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]


class KbStateRow(Base):
    """One row: the KB version, raised by every change, and the id of this KB's history
    (a local index built from another database is recognised and rebuilt)."""

    __tablename__ = "kb_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    epoch: Mapped[str] = mapped_column(String(40))


class KbFeedbackRow(Base):
    """ "Was this helpful?" answers; with an interaction, the article is linked to it."""

    __tablename__ = "kb_feedback"
    __table_args__ = (Index("ix_kb_feedback_interaction", "interaction_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(40), index=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    interaction_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime]


class KbAckRow(Base):
    """An operator's acknowledgement of an urgent communication (of one revision)."""

    __tablename__ = "kb_acks"

    article_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    acknowledged_at: Mapped[datetime]
