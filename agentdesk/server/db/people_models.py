"""Tables of the people features: seasons, penalties, reviews, nesting, state history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.server.db.models import Base


class SeasonRow(Base):
    """A competition season: dates, score weights, and its winner once closed."""

    __tablename__ = "seasons"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    #: {"quality": 0.7, "quantity": 0.3, "volume_target": 400}
    weights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    winner_team_id: Mapped[str | None] = mapped_column(String(40), nullable=True)


class PenaltyRow(Base):
    """Points taken from an operator for a serious error, with who and why."""

    __tablename__ = "penalties"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), index=True)
    points: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    by_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]


class ReviewRow(Base):
    """A tutor's review of one finished contact of a trainee."""

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_tutor_status", "tutor_id", "status"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    trainee_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), index=True)
    tutor_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"))
    status: Mapped[str] = mapped_column(String(10))  # pending | done
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    feedback: Mapped[str | None] = mapped_column(Text, nullable=True)
    released: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None] = mapped_column(nullable=True)


class NestingRow(Base):
    """A trainee in nesting: their tutor and the queues the tutor enabled."""

    __tablename__ = "nesting"

    trainee_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), primary_key=True)
    tutor_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), index=True)
    queues: Mapped[list[Any]] = mapped_column(JSON, default=list)
    graduated_at: Mapped[datetime | None] = mapped_column(nullable=True)


class StateLogRow(Base):
    """One stretch of an agent's presence (for occupancy and not-ready against budget)."""

    __tablename__ = "agent_state_log"
    __table_args__ = (Index("ix_state_log_agent_started", "agent_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agent_id: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(20), nullable=True)
    started_at: Mapped[datetime]


class ClientPolicyRow(Base):
    """A client's targets: service level rule, AHT target, daily not-ready budget."""

    __tablename__ = "client_policies"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    sl_target: Mapped[float] = mapped_column(Float, default=0.8)
    threshold_s: Mapped[float] = mapped_column(Float, default=20.0)
    abandon_grace_s: Mapped[float] = mapped_column(Float, default=5.0)
    exclude_short_abandons: Mapped[bool] = mapped_column(Boolean, default=True)
    aht_target_s: Mapped[float] = mapped_column(Float, default=300.0)
