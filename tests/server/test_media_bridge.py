"""The media bridge alone, real aiortc peers on loopback (Opus one side, PCMU the other)."""

from __future__ import annotations

import asyncio

import pytest

from agentdesk.server.media import MediaError
from agentdesk.server.media.aiortc_bridge import AiortcBridge
from agentdesk.server.media.mixing import Role
from agentdesk.server.media.tones import HOLD_NOTES_HZ, QUEUE_HZ
from tests.voicepeer import VoicePeer, energy_at, hears


async def test_queue_audio_then_both_ways_then_hold_across_opus_and_pcmu() -> None:
    lost: list[tuple[str, str, str]] = []
    gone = asyncio.Event()

    async def on_lost(call: str, leg: str, reason: str) -> None:
        lost.append((call, leg, reason))
        gone.set()

    bridge = AiortcBridge(on_lost)
    customer, operator = VoicePeer(850), VoicePeer(1100, codec="audio/PCMU")
    try:
        bridge.create_call("c1")
        sdp = await bridge.add_leg("c1", "cust", Role.CUSTOMER, await customer.offer())
        await customer.answer(sdp)
        assert "a=candidate" in sdp and "opus" in sdp.lower()
        waiting = await customer.listen(2.2)
        assert hears(waiting, QUEUE_HZ)

        answer = await bridge.add_leg("c1", "op", Role.OPERATOR, await operator.offer())
        assert "PCMU" in answer
        await operator.answer(answer)
        bridge.set_answered("c1", True)
        await asyncio.sleep(0.6)
        heard_by_customer, heard_by_operator = await asyncio.gather(
            customer.listen(1.0), operator.listen(1.0)
        )
        assert hears(heard_by_customer, 1100) and not hears(heard_by_customer, QUEUE_HZ)
        assert hears(heard_by_operator, 850)
        assert energy_at(heard_by_customer, 850) < 0.01  # no echo of one's own voice
        # Both codecs were decoded and encoded on the event loop, not through aiortc's
        # decoder thread and thread pool (the bridge's CPU per call; see MEDIA_BRIDGE.md).
        for leg in bridge._rooms["c1"].legs.values():
            assert leg.decoding is not None and leg.decoding.decoded > 20, leg.id
            assert leg.out.encoder.encoded > 20, leg.id

        bridge.set_hold("c1", True)
        await asyncio.sleep(0.3)
        heard_by_customer, heard_by_operator = await asyncio.gather(
            customer.listen(1.2), operator.listen(1.2)
        )
        assert any(hears(heard_by_customer, hz) for hz in HOLD_NOTES_HZ)
        assert not hears(heard_by_customer, 1100)
        assert not hears(heard_by_operator, 850)

        await operator.close()
        await asyncio.wait_for(gone.wait(), 15)
        assert lost[0][:2] == ("c1", "op")
    finally:
        await bridge.close()
        await customer.close()
        await operator.close()
    assert customer.pc.connectionState == "closed" or customer.ended.is_set()


@pytest.mark.parametrize(
    "sdp",
    ["garbage that is not an sdp at all", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"],
)
async def test_an_unusable_offer_is_refused_and_the_call_is_unchanged(sdp: str) -> None:
    bridge = AiortcBridge()
    try:
        bridge.create_call("c1")
        with pytest.raises(MediaError):
            await bridge.add_leg("c1", "cust", Role.CUSTOMER, sdp)
        assert bridge.has_call("c1") and bridge.legs("c1") == {}
    finally:
        await bridge.close()
