"""A phone call end to end: real server on loopback, real aiortc peers on every side.

Each party sends its own tone; what each one hears is checked by frequency and energy.
"""

from __future__ import annotations

import asyncio
import io
import wave

import httpx
import numpy as np
import numpy.typing as npt

from agentdesk.server.media.tones import HOLD_NOTES_HZ, QUEUE_HZ
from tests.conftest import LiveServer
from tests.server.helpers import operator, stream
from tests.server.voice_helpers import (
    CUSTOMER_HZ,
    LUCA_HZ,
    MARIO_HZ,
    hear_all,
    phone_customer,
    softphone,
)
from tests.voicepeer import VoicePeer, hears


def _hears_hold(pcm: npt.NDArray[np.int16]) -> bool:
    return any(hears(pcm, hz) for hz in HOLD_NOTES_HZ)


async def test_call_answered_hold_mute_monitor_hangup_and_recording(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "luca") as luca,
        stream(live_server, mario.token) as events,
        phone_customer(live_server) as customer,
        softphone(mario, MARIO_HZ) as phone,
    ):
        await mario.ready()
        iid = await customer.call()
        offered = (await events.event("interaction.offered", within=10))["data"]["interaction"]
        assert offered["id"] == iid and offered["channel"] == "voice"
        assert offered["call"]["dialled"] == "+39 031 555 0100"
        # Before the answer: queue audio, not silence.
        (waiting,) = await hear_all(customer.peer, seconds=2.2)
        assert hears(waiting, QUEUE_HZ)

        await phone.answer(iid)
        c, m = await hear_all(customer.peer, phone.peer)
        assert hears(c, MARIO_HZ) and not hears(c, QUEUE_HZ)
        assert hears(m, CUSTOMER_HZ)
        view = (await mario.http.get(f"/interactions/{iid}")).json()
        assert view["status"] == "active" and view["call"]["talk_started_at"]
        assert view["call"]["recording"] is True and view["call"]["recording_consent"] is True

        # Hold: hold audio to the customer, nothing of the operator; nothing of them back.
        held = await phone.post(iid, "hold")
        assert held.status_code == 200 and held.json()["call"]["on_hold"] is True
        c, m = await hear_all(customer.peer, phone.peer)
        assert _hears_hold(c) and not hears(c, MARIO_HZ)
        assert not hears(m, CUSTOMER_HZ)
        assert (await phone.post(iid, "resume")).json()["call"]["on_hold"] is False
        c, m = await hear_all(customer.peer, phone.peer)
        assert hears(c, MARIO_HZ) and not _hears_hold(c) and hears(m, CUSTOMER_HZ)

        # Mute: the operator reaches no one (and still hears the customer).
        assert (await phone.post(iid, "mute")).json()["call"]["muted"] is True
        c, m = await hear_all(customer.peer, phone.peer)
        assert not hears(c, MARIO_HZ) and hears(m, CUSTOMER_HZ)
        await phone.post(iid, "unmute")

        # Monitoring by the team leader: listen, barge, whisper; one monitor at a time.
        ear = VoicePeer(LUCA_HZ)
        try:
            r = await luca.http.post(
                f"/interactions/{iid}/monitor", json={"mode": "listen", "sdp": await ear.offer()}
            )
            assert r.status_code == 200, r.text
            await ear.answer(r.json()["sdp"])
            started = (await events.event("monitor.started"))["data"]
            assert started["mode"] == "listen" and started["monitor_id"] == luca.id
            c, m, t = await hear_all(customer.peer, phone.peer, ear)
            assert hears(t, CUSTOMER_HZ) and hears(t, MARIO_HZ)
            assert not hears(c, LUCA_HZ) and not hears(m, LUCA_HZ)

            second = VoicePeer(LUCA_HZ)
            try:
                dup = await luca.http.post(
                    f"/interactions/{iid}/monitor",
                    json={"mode": "listen", "sdp": await second.offer()},
                )
                assert dup.status_code == 409
            finally:
                await second.close()

            r = await luca.http.put(f"/interactions/{iid}/monitor", json={"mode": "barge"})
            assert r.status_code == 200
            c, m, t = await hear_all(customer.peer, phone.peer, ear)
            assert hears(c, LUCA_HZ) and hears(m, LUCA_HZ)
            assert hears(c, MARIO_HZ) and hears(t, CUSTOMER_HZ) and hears(t, MARIO_HZ)

            await luca.http.put(f"/interactions/{iid}/monitor", json={"mode": "whisper"})
            c, m, t = await hear_all(customer.peer, phone.peer, ear)
            assert hears(m, LUCA_HZ) and not hears(c, LUCA_HZ)
            assert hears(t, CUSTOMER_HZ) and hears(t, MARIO_HZ)
            view = (await mario.http.get(f"/interactions/{iid}")).json()
            assert view["call"]["monitored"] == "whisper"

            # The customer hangs up: every leg closes, the operator's stream is told.
            assert (await customer.hangup()).status_code == 200
            ended = await events.event("interaction.ended", within=10)
            assert ended["data"]["reason"] == "customer_hangup"
            assert ended["data"]["interaction"]["status"] == "wrap_up"
            for peer in (phone.peer, ear, customer.peer):
                await asyncio.wait_for(peer.ended.wait(), 15)
        finally:
            await ear.close()

        # The recording: both voices, never the whisper, never hold audio.
        assert (await mario.http.get(f"/interactions/{iid}/recording")).status_code == 403
        wav = await _recording(luca.http, iid)
        with wave.open(io.BytesIO(wav)) as w:
            assert w.getsampwidth() == 2 and w.getnchannels() == 2
            rate = w.getframerate()
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").reshape(-1, 2)
        left, right = pcm[:, 0].copy(), pcm[:, 1].copy()
        assert hears(left, CUSTOMER_HZ) and hears(right, MARIO_HZ)
        assert not _hears_hold(right) and not _hears_hold(left)
        # The last second before the hang-up was whispered: not in the recording.
        tail = right[-int(1.2 * rate) : -int(0.2 * rate)]
        assert hears(tail, MARIO_HZ) and not hears(tail, LUCA_HZ)


async def _recording(http: httpx.AsyncClient, iid: str) -> bytes:
    for _ in range(100):
        r = await http.get(f"/interactions/{iid}/recording")
        if r.status_code == 200:
            assert r.headers["content-type"] == "audio/wav"
            return r.content
        assert r.status_code == 202, r.text
        await asyncio.sleep(0.1)
    raise AssertionError("the recording never became available")
