"""Acceptance: a phone call through the real server's media bridge, answered on the desktop.

The real reference server on loopback; the customer is an aiortc peer through the channel
gateway; each operator is the desktop's own client stack (Session, CallsApi, OperatorLeg on
the file/null audio backend with a test tone for a microphone). Every party speaks its own
tone, so what each one hears says who reaches whom: the call is answered, audio flows both
ways, hold silences the operator to the customer, a consultative transfer leaves the
customer with the colleague, a conference carries all three, and the recording holds the
customer and the operators.
"""

from __future__ import annotations

import asyncio
import io
import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt

from agentdesk.media.audio_format import dominant_frequency
from agentdesk.protocol.interactions import InteractionStatus
from agentdesk.protocol.voice import TargetType, TransferMode
from agentdesk.server.media.tones import HOLD_NOTES_HZ
from tests.client.helpers import until
from tests.conftest import LiveServer
from tests.deskphone import DeskPhone, hear_together
from tests.server.helpers import operator
from tests.server.voice_helpers import ANNA_HZ, CUSTOMER_HZ, MARIO_HZ, PhoneCustomer
from tests.voicepeer import energy_at, hears, rms

#: The test tones are sent at 0.3 of full scale (0.21 RMS); the customer's test peer sends
#: its tone mono, which aiortc's Opus encoder upmixes 3 dB down (0.15 RMS), and the band
#: energy reads about 0.7 of the RMS: a clear voice reads 0.1 or more, a leak under 0.02.
CLEAR = 0.08


def clearly(pcm: npt.NDArray[np.int16], hz: float) -> bool:
    """``hz`` is the loudest thing heard, and loud: a voice, not a leak."""
    return abs(dominant_frequency(pcm) - hz) < 15 and energy_at(pcm, hz) > CLEAR


async def recording(server: LiveServer, iid: str) -> npt.NDArray[np.int16]:
    async with operator(server, "luca") as luca:
        for _ in range(100):
            r = await luca.http.get(f"/interactions/{iid}/recording")
            if r.status_code == 200:
                with wave.open(io.BytesIO(r.content)) as w:
                    assert w.getsampwidth() == 2 and w.getnchannels() == 2
                    pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
                return pcm.reshape(-1, 2)
            assert r.status_code == 202, r.text
            await asyncio.sleep(0.1)
    raise AssertionError("the recording never became available")


async def test_a_call_answered_on_the_desktop_held_transferred_conferenced_and_recorded(
    live_server: LiveServer, tmp_path: Path
) -> None:
    mario = DeskPhone(live_server.base_url, tmp_path / "mario.sqlite3", MARIO_HZ)
    anna = DeskPhone(live_server.base_url, tmp_path / "anna.sqlite3", ANNA_HZ)
    customer = PhoneCustomer(live_server)
    try:
        await mario.start("mario")
        await anna.start("anna")
        await mario.ready()

        # A gateway call reaches the ready operator and is answered on the desktop.
        iid = await customer.call()
        offered = await mario.offered(iid)
        assert offered.status is InteractionStatus.OFFERED and offered.agent_id == mario.id
        answered = await mario.answer(iid)
        assert answered.status is InteractionStatus.ACTIVE

        # Audio both ways, a different tone each way.
        c, m = await hear_together(customer.peer, mario)
        assert clearly(c, MARIO_HZ), (dominant_frequency(c), energy_at(c, MARIO_HZ))
        assert clearly(m, CUSTOMER_HZ), (dominant_frequency(m), energy_at(m, CUSTOMER_HZ))

        # Hold: the customer hears hold audio and nothing of Mario; Mario hears nothing.
        held = await mario.calls.hold(iid)
        assert held is not None and held.call is not None and held.call.on_hold
        c, m = await hear_together(customer.peer, mario)
        assert not hears(c, MARIO_HZ) and any(hears(c, hz) for hz in HOLD_NOTES_HZ)
        assert rms(m) < 0.01
        await mario.calls.resume(iid)
        c, m = await hear_together(customer.peer, mario)
        assert clearly(c, MARIO_HZ) and clearly(m, CUSTOMER_HZ)

        # Consultative transfer: Anna is asked on her desktop, the two operators talk while
        # the customer waits on hold, then Mario hangs up and the customer has Anna.
        await anna.ready()
        await mario.calls.transfer(iid, TargetType.AGENT, anna.id, TransferMode.CONSULT)
        await anna.offered(iid)
        await anna.answer(iid)
        c, m, a = await hear_together(customer.peer, mario, anna)
        assert clearly(m, ANNA_HZ) and clearly(a, MARIO_HZ)
        assert not hears(c, MARIO_HZ) and not hears(c, ANNA_HZ)
        assert not hears(m, CUSTOMER_HZ) and not hears(a, CUSTOMER_HZ)
        await mario.calls.hangup(iid)
        await until(lambda: mario.held(iid) is None, what="the call leaves Mario's desk")
        # Anna's desk hears it on her own stream, which may come a moment after Mario's.
        await until(
            lambda: (held := anna.held(iid)) is not None and held.agent_id == anna.id,
            what="Anna's desk shows the call as hers",
        )
        taken = anna.held(iid)
        assert taken is not None and taken.agent_id == anna.id
        # The server renegotiated Anna's leg (it now carries the customer); her desk answered.
        await until(lambda: iid in anna.renegotiated, what="Anna's desk answers media.sdp")
        c, a = await hear_together(customer.peer, anna)
        assert clearly(c, ANNA_HZ) and not hears(c, MARIO_HZ)
        assert clearly(a, CUSTOMER_HZ) and not hears(a, MARIO_HZ)

        # Conference: Anna brings Mario back; all three hear each other.
        await anna.calls.conference(iid, TargetType.AGENT, mario.id)
        await mario.offered(iid)
        await mario.answer(iid)
        c, m, a = await hear_together(customer.peer, mario, anna)
        assert hears(c, MARIO_HZ) and hears(c, ANNA_HZ)
        assert hears(m, CUSTOMER_HZ) and hears(m, ANNA_HZ)
        assert hears(a, CUSTOMER_HZ) and hears(a, MARIO_HZ)

        # Mario leaves the conference, Anna ends the call: it waits for her wrap-up.
        await mario.calls.hangup(iid)
        await until(lambda: mario.held(iid) is None, what="Mario leaves the conference")
        await anna.calls.hangup(iid)
        await until(
            lambda: (i := anna.held(iid)) is not None and i.status is InteractionStatus.WRAP_UP,
            what="the call in wrap-up on Anna's desk",
        )
        await asyncio.wait_for(customer.peer.ended.wait(), 15)

        # The recording: the customer on the left, both operators on the right.
        pcm = await recording(live_server, iid)
        left, right = pcm[:, 0].copy(), pcm[:, 1].copy()
        assert hears(left, CUSTOMER_HZ)
        assert hears(right, MARIO_HZ) and hears(right, ANNA_HZ)
        assert not any(hears(right, hz) for hz in HOLD_NOTES_HZ)
    finally:
        await customer.close()
        await anna.close()
        await mario.close()
