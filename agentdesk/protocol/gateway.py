"""The channel gateway: the customer's side (simulator, tests, real integrations)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel
from agentdesk.protocol.interactions import InteractionStatus


class EntryPointKind(StrEnum):
    CHAT = "chat"
    VOICE = "voice"
    EMAIL = "email"


class EntryPoint(ResponseModel):
    id: str  # for chats, the value to pass as ``entry_point``
    kind: EntryPointKind
    address: str  # chat widget id, dialled number or mailbox
    client_id: str
    client_name: str
    queue: str


class EntryPointList(ResponseModel):
    items: list[EntryPoint]


class GatewayChatRequest(WireModel):
    from_: str = Field(alias="from", min_length=1, max_length=200)
    entry_point: str = Field(min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=4000)


class GatewayChatMessageRequest(WireModel):
    text: str = Field(min_length=1, max_length=4000)


class GatewayTypingRequest(WireModel):
    typing: bool


class GatewayCreated(ResponseModel):
    interaction_id: str


class GatewayEventType(StrEnum):
    """Events on ``/gateway/ws``: what the customer's side needs to know."""

    ACCEPTED = "chat.accepted"  # an operator picked the chat up
    MESSAGE = "chat.message"  # the operator wrote
    ENDED = "chat.ended"  # the operator closed the chat
    CALL_ANSWERED = "call.answered"  # an operator answered the customer's call
    CALL_HELD = "call.held"  # the customer now hears hold audio
    CALL_RESUMED = "call.resumed"
    CALL_DTMF = "call.dtmf"  # the operator sent digits
    CALL_ENDED = "call.ended"  # every leg of the call is closed (data.reason)
    CALL_OUTBOUND = "call.outbound"  # ring the customer: data {to, caller_id}
    EMAIL_REPLY = "email.reply"  # the operator replied: data {to, subject, body}


class GatewayEvent(ResponseModel):
    type: GatewayEventType
    ts: UtcDateTime
    interaction_id: str
    data: dict[str, object] = {}


class GatewayChatState(ResponseModel):
    """The answer to ``POST /gateway/chats/{id}/end`` and ``/typing``."""

    interaction_id: str
    status: InteractionStatus
