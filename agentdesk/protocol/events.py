"""The event stream: envelopes with a per-agent ``seq``, control messages, typed payloads.

Client -> server: ``{"type": "auth", "token": ...}`` then ``{"type": "resume", "since": N}``.
Server -> client: ``{"type": "ready", "last_seq": N}`` after auth, then events
``{"seq", "type", "ts", "data"}`` in order; ``{"type": "resync"}`` when ``since`` is older
than retention; ``{"type": "ping", "ts"}`` heartbeats; ``{"type": "error", ...}`` before close.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field, TypeAdapter

from agentdesk.protocol.agents import AgentStateView
from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel
from agentdesk.protocol.competition import ReviewEventData, ScoreUpdatedData
from agentdesk.protocol.customers import Customer
from agentdesk.protocol.interactions import Interaction, Message
from agentdesk.protocol.kb import KbUrgentData
from agentdesk.protocol.nba import NbaSuggestedData
from agentdesk.protocol.people import AgentMessageData, KpiUpdatedData
from agentdesk.protocol.voice import MediaSdpData, MonitorStartedData


class EventType(StrEnum):
    AGENT_STATE = "agent.state"
    INTERACTION_OFFERED = "interaction.offered"
    INTERACTION_UPDATED = "interaction.updated"
    INTERACTION_ENDED = "interaction.ended"
    MESSAGE_RECEIVED = "message.received"
    MEDIA_SDP = "media.sdp"
    CUSTOMER_UPDATED = "customer.updated"
    KB_URGENT = "kb.urgent"
    NBA_SUGGESTED = "nba.suggested"
    KPI_UPDATED = "kpi.updated"
    SCORE_UPDATED = "score.updated"
    REVIEW_REQUESTED = "review.requested"
    REVIEW_COMPLETED = "review.completed"
    MONITOR_STARTED = "monitor.started"
    AGENT_MESSAGE = "agent.message"
    TEAM_LIVE = "team.live"
    QUEUE_STATS = "queue.stats"
    SYSTEM_NOTICE = "system.notice"


# ---- control messages -------------------------------------------------------------------


class AuthMessage(WireModel):
    type: Literal["auth"] = "auth"
    token: str = Field(min_length=1)


class ResumeMessage(WireModel):
    type: Literal["resume"] = "resume"
    since: int = Field(ge=0)


class ReadyMessage(ResponseModel):
    type: Literal["ready"] = "ready"
    last_seq: int


class ResyncMessage(ResponseModel):
    type: Literal["resync"] = "resync"
    last_seq: int


class PingMessage(ResponseModel):
    type: Literal["ping"] = "ping"
    ts: UtcDateTime


class StreamError(ResponseModel):
    type: Literal["error"] = "error"
    code: str
    message: str


# ---- event payloads ---------------------------------------------------------------------


class AgentStateData(ResponseModel):
    agent_id: str
    state: AgentStateView


class InteractionData(ResponseModel):
    """Payload of interaction.offered and interaction.updated: the whole interaction."""

    interaction: Interaction


class InteractionEndedData(ResponseModel):
    interaction: Interaction
    #: customer_left | agent_closed | abandoned | offer_timeout | rejected | transferred
    reason: str


class MessageReceivedData(ResponseModel):
    message: Message


class CustomerUpdatedData(ResponseModel):
    customer: Customer


class QueueStat(ResponseModel):
    queue: str
    client_id: str
    waiting: int
    oldest_wait_s: float
    service_level: float | None  # share answered within threshold today, 0..1


class QueueStatsData(ResponseModel):
    queues: list[QueueStat]


class SystemNoticeData(ResponseModel):
    level: Literal["info", "warning", "urgent"] = "info"
    text: str


#: Typed payloads for the event types this version defines; others stay plain dicts.
PAYLOADS: dict[EventType, type[BaseModel]] = {
    EventType.AGENT_STATE: AgentStateData,
    EventType.INTERACTION_OFFERED: InteractionData,
    EventType.INTERACTION_UPDATED: InteractionData,
    EventType.INTERACTION_ENDED: InteractionEndedData,
    EventType.MESSAGE_RECEIVED: MessageReceivedData,
    EventType.CUSTOMER_UPDATED: CustomerUpdatedData,
    EventType.QUEUE_STATS: QueueStatsData,
    EventType.SYSTEM_NOTICE: SystemNoticeData,
    EventType.MEDIA_SDP: MediaSdpData,
    EventType.MONITOR_STARTED: MonitorStartedData,
    EventType.NBA_SUGGESTED: NbaSuggestedData,
    EventType.KPI_UPDATED: KpiUpdatedData,
    EventType.SCORE_UPDATED: ScoreUpdatedData,
    EventType.REVIEW_REQUESTED: ReviewEventData,
    EventType.REVIEW_COMPLETED: ReviewEventData,
    EventType.AGENT_MESSAGE: AgentMessageData,
    EventType.KB_URGENT: KbUrgentData,
}


class Event(ResponseModel):
    """One event of an agent's stream."""

    seq: int = Field(ge=1)
    type: EventType
    ts: UtcDateTime
    data: dict[str, Any]

    def payload(self) -> BaseModel | dict[str, Any]:
        """The typed payload; raises ``pydantic.ValidationError`` when malformed."""
        model = PAYLOADS.get(self.type)
        return model.model_validate(self.data) if model else self.data


ServerMessage = Event | ReadyMessage | ResyncMessage | PingMessage | StreamError

_CONTROL: dict[str, TypeAdapter[Any]] = {
    "ready": TypeAdapter(ReadyMessage),
    "resync": TypeAdapter(ResyncMessage),
    "ping": TypeAdapter(PingMessage),
    "error": TypeAdapter(StreamError),
}


def parse_server_message(raw: str | bytes) -> ServerMessage:
    """Parse one frame from the server; raises ``ValueError`` (pydantic's included) if malformed.

    Events are recognised by their ``seq``; control messages by ``type``.
    """
    obj = json.loads(raw)
    if not isinstance(obj, dict):
        raise ValueError("a frame must be a JSON object")
    if "seq" in obj:
        event = Event.model_validate(obj)
        event.payload()  # validate the payload now so a bad event is dropped whole
        return event
    adapter = _CONTROL.get(str(obj.get("type")))
    if adapter is None:
        raise ValueError(f"unknown frame type {obj.get('type')!r}")
    message: ServerMessage = adapter.validate_python(obj)
    return message
