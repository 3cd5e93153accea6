"""Voice tables: a call's live state beside its interaction, and the other operators on it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.server.db.models import Base


class CallRow(Base):
    """The voice part of an interaction (one row per call)."""

    __tablename__ = "calls"

    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # inbound | outbound
    #: The number the customer dialled (inbound) or the client's caller id (outbound).
    dialled: Mapped[str] = mapped_column(String(64))
    on_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    muted: Mapped[bool] = mapped_column(Boolean, default=False)
    conference: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The customer's leg is on the bridge (outbound: once the gateway answered).
    customer_connected: Mapped[bool] = mapped_column(Boolean, default=False)
    talk_started_at: Mapped[datetime | None] = mapped_column(nullable=True)
    recording: Mapped[bool] = mapped_column(Boolean, default=False)
    recording_consent: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    recording_path: Mapped[str | None] = mapped_column(String(500), nullable=True)
    #: The WAV is closed and can be fetched.
    recording_done: Mapped[bool] = mapped_column(Boolean, default=False)
    monitor_agent_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    monitor_mode: Mapped[str | None] = mapped_column(String(10), nullable=True)
    #: Why the media ended when a leg was lost (peer gone, media timeout, ICE failure).
    media_end_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)


class CallPartyRow(Base):
    """A second operator on a call: consulted, conferenced in, or a transfer's target."""

    __tablename__ = "call_parties"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), index=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # consult | conference
    status: Mapped[str] = mapped_column(String(10))  # offered | active | ended
    created_at: Mapped[datetime]
