"""Voice: WebRTC signalling bodies, call control, monitoring, and a call's live state.

Signalling is non-trickle: an SDP carries all its ICE candidates. The customer's leg comes
from the channel gateway (``POST /gateway/calls``), the operator's from
``POST /interactions/{id}/media``, a monitoring team leader's from ``/monitor``; each
terminates on the server's media bridge.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel

#: Long enough for any real audio SDP with host candidates; refuses megabyte junk.
Sdp = str
_SDP_MAX = 20_000

#: DTMF digits a keypad can send.
DTMF_PATTERN = r"^[0-9*#]{1,32}$"


class SdpType(StrEnum):
    OFFER = "offer"
    ANSWER = "answer"


class MediaSignal(WireModel):
    """``POST /interactions/{id}/media`` body and answer; also the ``media.sdp`` event."""

    type: SdpType
    sdp: Sdp = Field(min_length=10, max_length=_SDP_MAX)


class MediaSdpData(ResponseModel):
    """Payload of ``media.sdp``: a renegotiation the server starts (transfer, conference...)."""

    interaction_id: str
    type: SdpType
    sdp: Sdp


class DtmfRequest(WireModel):
    digits: str = Field(pattern=DTMF_PATTERN)


class TargetType(StrEnum):
    AGENT = "agent"
    QUEUE = "queue"


class TransferMode(StrEnum):
    BLIND = "blind"
    CONSULT = "consult"


class TransferRequest(WireModel):
    target_type: TargetType
    target_id: str = Field(min_length=1, max_length=100)
    mode: TransferMode = TransferMode.BLIND


class ConferenceRequest(WireModel):
    target_type: TargetType
    target_id: str = Field(min_length=1, max_length=100)


class OutboundCallRequest(WireModel):
    """``POST /calls``: ring ``to`` with the client's caller id."""

    to: str = Field(min_length=3, max_length=32)
    client_id: str = Field(min_length=1, max_length=40)


class MonitorMode(StrEnum):
    LISTEN = "listen"  # hears both sides, heard by none
    WHISPER = "whisper"  # heard by the operator only
    BARGE = "barge"  # heard by both


class MonitorRequest(WireModel):
    mode: MonitorMode
    sdp: Sdp = Field(min_length=10, max_length=_SDP_MAX)


class MonitorModeRequest(WireModel):
    mode: MonitorMode


class MonitorAnswer(ResponseModel):
    sdp: Sdp


class MonitorStartedData(ResponseModel):
    """Payload of ``monitor.started`` on the operator's stream."""

    interaction_id: str
    mode: MonitorMode
    monitor_id: str
    monitor_name: str


class CallParty(ResponseModel):
    """Someone on the call besides the customer: an operator consulted or conferenced in."""

    agent_id: str
    name: str
    role: Literal["consult", "conference", "transfer_target"]
    #: ``offered`` until they accept (their desktop rings), then ``active``.
    status: Literal["offered", "active"] = "active"


class CallState(ResponseModel):
    """The voice part of an interaction."""

    on_hold: bool = False
    muted: bool = False
    #: The number the customer called or is called from (the client's caller id outbound).
    dialled: str = ""
    direction: Literal["inbound", "outbound"] = "inbound"
    recording: bool = False
    #: Whether the customer was told the call is recorded (None: not recorded).
    recording_consent: bool | None = None
    talk_started_at: UtcDateTime | None = None
    parties: list[CallParty] = []
    monitored: MonitorMode | None = None


class GatewayCallRequest(WireModel):
    """``POST /gateway/calls``: a customer's call with its complete WebRTC offer."""

    from_: str = Field(alias="from", min_length=1, max_length=64)
    to: str = Field(min_length=1, max_length=64)
    sdp: Sdp = Field(min_length=10, max_length=_SDP_MAX)


class GatewayCallCreated(ResponseModel):
    interaction_id: str
    sdp: Sdp


class GatewayAnswerRequest(WireModel):
    """``POST /gateway/calls/{id}/answer``: the customer picked up an outbound call; their
    leg's complete WebRTC offer (the reply is a :class:`GatewayCallCreated` with the answer)."""

    sdp: Sdp = Field(min_length=10, max_length=_SDP_MAX)


class GatewayDtmfRequest(WireModel):
    """``POST /gateway/calls/{id}/dtmf``: digits the customer keyed."""

    digits: str = Field(pattern=DTMF_PATTERN)
