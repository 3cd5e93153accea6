"""The backend's tables (SQLAlchemy 2 declarative, portable across SQLite and PostgreSQL).

Money is stored in integer cents; lists are JSON; times are aware UTC (:class:`UtcTimestamp`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from agentdesk.server.db.types import UtcTimestamp

#: Named constraints, so that migrations can find them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcTimestamp, dict[str, Any]: JSON, list[Any]: JSON}


# ---- organisation ------------------------------------------------------------------------


class ClientRow(Base):
    """A client (committente) the contact centre works for."""

    __tablename__ = "clients"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    color: Mapped[str] = mapped_column(String(7), default="#2f6f9f")
    greeting: Mapped[str] = mapped_column(Text, default="")
    #: [{"code": ..., "label": ...}] in display order
    dispositions: Mapped[list[Any]] = mapped_column(JSON, default=list)


class QueueRow(Base):
    __tablename__ = "queues"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    channel: Mapped[str] = mapped_column(String(10))
    skill: Mapped[str] = mapped_column(String(40))
    #: Higher first: when an operator frees up, a contact of a higher-priority queue is
    #: offered before an older one of a lower-priority queue.
    priority: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EntryPointRow(Base):
    """Where customers come in: a chat widget, a dialled number, a mailbox."""

    __tablename__ = "entry_points"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(String(200))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    queue_id: Mapped[str] = mapped_column(ForeignKey("queues.id"))


class TeamRow(Base):
    __tablename__ = "teams"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    captain_id: Mapped[str | None] = mapped_column(String(40), nullable=True)


class AgentRow(Base):
    """An account: operator, trainee, tutor, team leader or admin, with presence state."""

    __tablename__ = "agents"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), nullable=True)
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    clients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    max_chats: Mapped[int] = mapped_column(Integer, default=0)
    max_calls: Mapped[int] = mapped_column(Integer, default=0)
    max_emails: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(20), default="offline")
    state_reason: Mapped[str | None] = mapped_column(String(20), nullable=True)
    state_since: Mapped[datetime]
    #: When the operator last became free (longest idle is offered first).
    idle_since: Mapped[datetime]


class AuthTokenRow(Base):
    """An opaque bearer token, stored only as its SHA-256 digest."""

    __tablename__ = "auth_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # access | refresh
    session_id: Mapped[str] = mapped_column(String(40), index=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


# ---- customers ---------------------------------------------------------------------------


class CustomerRow(Base):
    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    name: Mapped[str] = mapped_column(String(160), index=True)
    segment: Mapped[str] = mapped_column(String(20), default="residential")
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    #: The phone's digits only, for matching "+39 333 ..." against "0039333...".
    phone_digits: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    email: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    chat_handle: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    is_prospect: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Standing flags set by the back office ("vulnerable", "vip", "payment_plan").
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]


class InvoiceRow(Base):
    __tablename__ = "invoices"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    issued_at: Mapped[datetime]
    due_at: Mapped[datetime]
    amount_cents: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))  # open | paid | overdue
    paid_at: Mapped[datetime | None] = mapped_column(nullable=True)


class NoteRow(Base):
    __tablename__ = "notes"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    author_name: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class SurveyRow(Base):
    __tablename__ = "surveys"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    interaction_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    type: Mapped[str] = mapped_column(String(30))  # nps_transactional, csat, ...
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


# KbArticleRow and the other knowledge-base tables live in kb_models.py.


# ---- contacts ----------------------------------------------------------------------------


class InteractionRow(Base):
    __tablename__ = "interactions"
    __table_args__ = (
        Index("ix_interactions_agent_status", "agent_id", "status"),
        Index("ix_interactions_status_queue", "status", "queue_id"),
        Index("ix_interactions_customer_created", "customer_id", "created_at"),
        # routing's "when did each ready operator last finish a contact" (longest idle)
        Index("ix_interactions_wrapup_agent_closed", "wrapup_agent_id", "closed_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    queue_id: Mapped[str] = mapped_column(String(40))
    entry_point: Mapped[str] = mapped_column(String(100))
    from_address: Mapped[str] = mapped_column(String(200))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), nullable=True)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"), nullable=True)
    subject: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime]
    queued_at: Mapped[datetime]
    offered_at: Mapped[datetime | None] = mapped_column(nullable=True)
    accepted_at: Mapped[datetime | None] = mapped_column(nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    end_reason: Mapped[str | None] = mapped_column(String(20), nullable=True)
    customer_typing: Mapped[bool] = mapped_column(Boolean, default=False)
    #: {agent_id: iso time} of operators who rejected or missed the offer
    excluded: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    mood: Mapped[str | None] = mapped_column(String(10), nullable=True)
    disposition: Mapped[str | None] = mapped_column(String(64), nullable=True)
    wrapup_notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    resolved: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    wrapup_agent_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    wrapup_at: Mapped[datetime | None] = mapped_column(nullable=True)


class MessageRow(Base):
    __tablename__ = "messages"

    #: Insertion order: the transcript's order.
    pk: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    id: Mapped[str] = mapped_column(String(40), unique=True)
    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), index=True)
    direction: Mapped[str] = mapped_column(String(10))
    author: Mapped[str] = mapped_column(String(160))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


# ---- event stream ------------------------------------------------------------------------


class EventStreamRow(Base):
    """The last seq handed out on one agent's stream (the row is the allocation lock)."""

    __tablename__ = "event_streams"

    agent_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class EventRow(Base):
    """One persisted event; ``frame`` is the exact JSON sent on the wire."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("agent_id", "seq", name="uq_events_agent_seq"),)

    pk: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    agent_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    type: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(index=True)
    frame: Mapped[str] = mapped_column(Text)


class IdempotencyRow(Base):
    """The stored answer to a mutation, keyed by who sent it and their idempotency key."""

    __tablename__ = "idempotency"

    principal: Mapped[str] = mapped_column(String(60), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(index=True)
