"""Interactions (voice, chat, e-mail), their messages and wrap-up."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from agentdesk.protocol.agents import ClientRef
from agentdesk.protocol.base import IdempotencyKey, ResponseModel, UtcDateTime, WireModel
from agentdesk.protocol.mood import MoodView
from agentdesk.protocol.voice import CallState


class Channel(StrEnum):
    VOICE = "voice"
    CHAT = "chat"
    EMAIL = "email"


class InteractionStatus(StrEnum):
    QUEUED = "queued"  # waiting for an operator
    OFFERED = "offered"  # offered to one operator, not yet accepted
    ACTIVE = "active"  # the operator is handling it
    WRAP_UP = "wrap_up"  # the customer side ended; the operator still owes the wrap-up
    CLOSED = "closed"  # wrapped up
    ABANDONED = "abandoned"  # the customer left before anyone answered


class Direction(StrEnum):
    INBOUND = "inbound"  # from the customer
    OUTBOUND = "outbound"  # from the operator
    SYSTEM = "system"


class Attachment(ResponseModel):
    """A file that came with an e-mail: listed, never opened or rendered."""

    name: str
    content_type: str = "application/octet-stream"
    size: int = 0


class Message(ResponseModel):
    id: str
    interaction_id: str
    direction: Direction
    author: str
    text: str
    ts: UtcDateTime
    #: The reading of a customer's (inbound) message; None for the operator's own.
    mood: MoodView | None = None
    #: E-mail only: files listed by name, type and size.
    attachments: list[Attachment] = []


class Disposition(ResponseModel):
    """A wrap-up code the client (committente) defines."""

    code: str
    label: str


class Wrapup(ResponseModel):
    disposition: str
    notes: str = ""
    resolved: bool
    agent_id: str
    ts: UtcDateTime


class Interaction(ResponseModel):
    id: str
    channel: Channel
    status: InteractionStatus
    client: ClientRef
    queue: str
    entry_point: str
    from_address: str  # the customer's identity on the channel
    customer_id: str | None = None
    customer_name: str | None = None
    agent_id: str | None = None
    subject: str | None = None
    created_at: UtcDateTime
    offered_at: UtcDateTime | None = None
    accepted_at: UtcDateTime | None = None
    ended_at: UtcDateTime | None = None
    customer_typing: bool = False
    messages: list[Message] = []
    dispositions: list[Disposition] = []
    wrapup: Wrapup | None = None
    #: Voice only: hold, mute, parties, recording.
    call: CallState | None = None
    #: The mood of the customer's latest lines.
    mood: MoodView | None = None


class InteractionList(ResponseModel):
    items: list[Interaction]


class SendMessageRequest(WireModel):
    text: str = Field(min_length=1, max_length=4000)
    idempotency_key: IdempotencyKey


class WrapupRequest(WireModel):
    disposition: str = Field(min_length=1, max_length=64)
    notes: str = Field(default="", max_length=4000)
    resolved: bool
    idempotency_key: IdempotencyKey
