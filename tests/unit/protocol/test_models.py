from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol.agents import AgentStateRequest
from agentdesk.protocol.events import (
    Event,
    EventType,
    MessageReceivedData,
    PingMessage,
    ResyncMessage,
    parse_server_message,
)
from agentdesk.protocol.gateway import GatewayChatRequest


def test_not_ready_needs_a_reason_and_ready_refuses_one() -> None:
    assert AgentStateRequest(state=AgentState.NOT_READY, reason=NotReadyReason.BREAK)
    with pytest.raises(ValidationError, match="needs a reason"):
        AgentStateRequest(state=AgentState.NOT_READY)
    with pytest.raises(ValidationError, match="only not_ready"):
        AgentStateRequest(state=AgentState.READY, reason=NotReadyReason.BREAK)


def test_gateway_chat_uses_from_on_the_wire() -> None:
    body = GatewayChatRequest.model_validate(
        {"from": "maria.rossi", "entry_point": "web-lario", "text": "Buongiorno"}
    )
    assert body.from_ == "maria.rossi"
    assert body.model_dump(by_alias=True)["from"] == "maria.rossi"
    with pytest.raises(ValidationError):
        GatewayChatRequest.model_validate({"from": "x", "entry_point": "e", "text": "t", "y": 1})


def test_times_go_out_as_utc_z() -> None:
    ping = PingMessage(ts=datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    assert json.loads(ping.model_dump_json())["ts"] == "2026-11-02T09:00:00Z"


def test_event_frames_parse_with_typed_payloads() -> None:
    frame = {
        "seq": 7,
        "type": "message.received",
        "ts": "2026-11-02T09:00:00Z",
        "data": {
            "message": {
                "id": "m1",
                "interaction_id": "i1",
                "direction": "inbound",
                "author": "Maria Rossi",
                "text": "Ciao",
                "ts": "2026-11-02T09:00:00Z",
            }
        },
    }
    event = parse_server_message(json.dumps(frame))
    assert isinstance(event, Event) and event.type is EventType.MESSAGE_RECEIVED
    payload = event.payload()
    assert isinstance(payload, MessageReceivedData) and payload.message.text == "Ciao"
    assert isinstance(parse_server_message('{"type":"resync","last_seq":4}'), ResyncMessage)


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[1,2]",
        '{"type":"mystery"}',
        '{"seq":0,"type":"agent.state","ts":"2026-11-02T09:00:00Z","data":{}}',
        '{"seq":3,"type":"no.such","ts":"2026-11-02T09:00:00Z","data":{}}',
        '{"seq":3,"type":"message.received","ts":"2026-11-02T09:00:00Z","data":{"x":1}}',
    ],
)
def test_malformed_frames_raise_value_errors(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_server_message(raw)
