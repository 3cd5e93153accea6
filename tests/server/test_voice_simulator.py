"""``--simulate`` places calls: a caller who speaks reaches a ready operator."""

from __future__ import annotations

import asyncio
import contextlib

from agentdesk.server.simulator.voice import VoiceSimulator
from tests.conftest import LiveServer, ServerFactory
from tests.server.helpers import operator, stream
from tests.server.voice_helpers import hear_all, softphone
from tests.voicepeer import rms


async def test_a_simulated_caller_speaks_to_the_operator(server_factory: ServerFactory) -> None:
    server = server_factory(
        simulate=True,
        simulate_rate=0.01,
        simulate_call_rate=30.0,
        simulate_first_call_s=0.5,
        simulate_seed=3,
    )
    async with (
        operator(server, "mario") as mario,
        stream(server, mario.token) as events,
        softphone(mario, 1100.0) as phone,
    ):
        await mario.ready()
        while True:
            offered = (await events.event("interaction.offered", within=30))["data"]
            if offered["interaction"]["channel"] == "voice":
                break
        iid = offered["interaction"]["id"]
        assert offered["interaction"]["entry_point"] in ("tel-lario", "tel-energia")
        await phone.answer(iid)
        (heard,) = await hear_all(phone.peer, seconds=6.0)
        # Speech: clearly audible over the six seconds, with pauses (not a steady tone).
        frames = heard[: len(heard) // 960 * 960].reshape(-1, 960)
        levels = [rms(f) for f in frames]
        assert max(levels) > 0.02
        assert sum(level < 0.002 for level in levels) > 5


async def test_a_waiting_caller_hears_the_queue_audio(live_server: LiveServer) -> None:
    """Nobody is ready: the caller waits in the queue and hears its audio. Every frame the
    caller's leg receives is read (aiortc would otherwise keep unread frames in memory for
    good: about 1 MB a second per call in the embedded demo before this)."""
    assert live_server.gateway_key is not None
    callers = VoiceSimulator(
        live_server.base_url, live_server.gateway_key, seed=7, first_call_s=0.0
    )
    running = asyncio.create_task(callers.run())
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while callers.heard_frames < 100:  # two seconds of queue audio, 20 ms a frame
            assert not running.done(), running.exception()
            assert loop.time() < deadline, f"heard {callers.heard_frames} frames"
            await asyncio.sleep(0.2)
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
