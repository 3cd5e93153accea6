"""The desktop's voice client: signalling with a real aiortc leg, call control, media.sdp."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from agentdesk.client.cache import LocalCache
from agentdesk.client.calls import CallsApi
from agentdesk.client.rest import ApiClient, ApiError
from agentdesk.client.session import Session
from agentdesk.media.audio_format import SAMPLE_RATE, dominant_frequency
from agentdesk.media.devices import AudioDevices
from agentdesk.media.file_backend import FileBackend
from agentdesk.media.leg import OperatorLeg
from agentdesk.protocol.events import Event
from agentdesk.protocol.voice import MediaSdpData, TargetType, TransferMode
from tests.client.voice_standin import VoiceStandIn
from tests.unit.media.peers import TonePeer, wait_for
from tests.unit.media.test_leg import played_samples


@pytest.fixture
async def standin() -> AsyncIterator[VoiceStandIn]:
    server = VoiceStandIn()
    yield server
    await server.close()


@pytest.fixture
async def calls(standin: VoiceStandIn) -> AsyncIterator[CallsApi]:
    api = ApiClient("http://desk.test", transport=httpx.ASGITransport(app=standin.app))
    yield CallsApi(api)
    await api.aclose()


async def test_offer_and_answer_carry_audio_both_ways(
    standin: VoiceStandIn, calls: CallsApi
) -> None:
    backend = FileBackend(tone_hz=440.0)
    leg = OperatorLeg(AudioDevices(backend))
    try:
        answer = await calls.send_offer("call-1", await leg.create_offer())
        await leg.apply_answer(answer)
        peer = standin.peers[0]
        await wait_for(lambda: sum(a.size for a in peer.heard) > SAMPLE_RATE)
        assert abs(dominant_frequency(peer.last(0.5)) - 440.0) < 15.0
        await wait_for(lambda: played_samples(backend) > SAMPLE_RATE)
        assert abs(dominant_frequency(backend.playbacks[0].samples()[-24000:]) - 660.0) < 15.0
    finally:
        await leg.close()
    assert standin.requests[0][1] == "media"
    assert standin.requests[0][2]["type"] == "offer"


async def test_call_control_sends_the_contract_bodies(
    standin: VoiceStandIn, calls: CallsApi
) -> None:
    held = await calls.hold("call-1")
    assert held is not None and held.call is not None and held.call.on_hold
    resumed = await calls.resume("call-1")
    assert resumed is not None and resumed.call is not None and not resumed.call.on_hold
    muted = await calls.mute("call-1")
    assert muted is not None and muted.call is not None and muted.call.muted
    await calls.dtmf("call-1", "12#")
    await calls.transfer("call-1", TargetType.QUEUE, "lario-voice", TransferMode.CONSULT)
    await calls.conference("call-1", TargetType.AGENT, "agent-2")
    placed = await calls.dial("+39 333 765 4321", "lario")
    assert placed is not None and placed.call is not None
    assert placed.call.direction == "outbound"
    bodies = {action: body for _iid, action, body in standin.requests}
    assert bodies["dtmf"] == {"digits": "12#"}
    assert bodies["transfer"] == {
        "target_type": "queue",
        "target_id": "lario-voice",
        "mode": "consult",
    }
    assert bodies["conference"] == {"target_type": "agent", "target_id": "agent-2"}
    assert bodies["calls"] == {"to": "+39 333 765 4321", "client_id": "lario"}


async def test_bad_values_fail_before_the_wire_and_server_errors_are_api_errors(
    standin: VoiceStandIn, calls: CallsApi
) -> None:
    with pytest.raises(ApiError) as bad_digit:
        await calls.dtmf("call-1", "12A")
    assert bad_digit.value.status == 422
    with pytest.raises(ApiError) as unknown:
        await calls.hold("no-such-call")
    assert unknown.value.status == 404
    assert all(action != "dtmf" for _i, action, _b in standin.requests)


class _Listener:
    def __init__(self) -> None:
        self.sdp: list[MediaSdpData] = []

    def media_sdp(self, data: MediaSdpData) -> None:
        self.sdp.append(data)

    def __getattr__(self, name: str) -> Any:
        return lambda *args: None


async def test_media_sdp_events_reach_the_listener_and_the_leg_answers_them(
    calls: CallsApi,
) -> None:
    listener = _Listener()
    api = ApiClient("http://unused.test")
    session = Session(api, LocalCache(":memory:"), listener)  # type: ignore[arg-type]
    peer = TonePeer(tone_hz=900.0)
    leg = OperatorLeg(AudioDevices(FileBackend(tone_hz=440.0)))
    try:
        event = Event.model_validate(
            {
                "seq": 7,
                "type": "media.sdp",
                "ts": "2026-11-30T10:00:00Z",
                "data": {"interaction_id": "call-1", "type": "offer", "sdp": await peer.offer()},
            }
        )
        await session.apply_event(event)
        (received,) = listener.sdp
        assert received.interaction_id == "call-1"
        await peer.apply_answer(await leg.answer_offer(received.sdp))
        await wait_for(lambda: sum(a.size for a in peer.heard) > SAMPLE_RATE // 2)
        assert abs(dominant_frequency(peer.last(0.4)) - 440.0) < 15.0
    finally:
        await leg.close()
        await peer.close()
        await api.aclose()
