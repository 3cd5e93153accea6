"""Tables of the assist column: script progress (with adherence), next-best-action hints,
and the mood readings of customer lines."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.server.db.models import Base


class ScriptProgressRow(Base):
    """Where an interaction is in its script; ``adherence`` is kept for quality reviews."""

    __tablename__ = "script_progress"

    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), primary_key=True)
    script_id: Mapped[str] = mapped_column(String(64))
    agent_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: agentdesk.domain.script_progress.ScriptProgress.to_json()
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    adherence: Mapped[float] = mapped_column(Float, default=0.0)
    updated_at: Mapped[datetime]


class NbaHintRow(Base):
    """A hint shown to an operator, and what they did with it."""

    __tablename__ = "nba_hints"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    rule: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    priority: Mapped[int] = mapped_column(Integer)
    action_kind: Mapped[str] = mapped_column(String(20))
    action_target: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: Still suggested (False once the context no longer fires the rule).
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: None (undecided), "accepted" or "dismissed".
    outcome: Mapped[str | None] = mapped_column(String(10), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None] = mapped_column(nullable=True)


class MessageMoodRow(Base):
    """The mood reading of one customer line (``Message.mood``), kept beside the message."""

    __tablename__ = "message_moods"

    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    interaction_id: Mapped[str] = mapped_column(String(40), index=True)
    label: Mapped[str] = mapped_column(String(10))
    score: Mapped[float] = mapped_column(Float)
    cues: Mapped[list[Any]] = mapped_column(JSON, default=list)
