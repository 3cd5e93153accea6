"""Server-started renegotiation: when who is on a call changes (monitoring, conference, a
consultation handed over), the legs that stay get a ``media.sdp`` offer, answer it with
``POST /media {type: "answer"}``, and the audio goes on as before."""

from __future__ import annotations

from typing import Any

from tests.conftest import LiveServer
from tests.server.helpers import Stream, operator, stream
from tests.server.voice_helpers import (
    ANNA_HZ,
    CUSTOMER_HZ,
    MARIO_HZ,
    Softphone,
    hear_all,
    phone_customer,
    softphone,
)
from tests.voicepeer import VoicePeer, hears


async def answer_server_offer(phone: Softphone, events: Stream, iid: str) -> dict[str, Any]:
    """Wait for the server's offer on this stream, answer it on the phone's own leg."""
    data = (await events.event("media.sdp", within=10))["data"]
    assert data["interaction_id"] == iid and data["type"] == "offer"
    assert "m=audio" in data["sdp"] and "a=candidate" in data["sdp"]
    answer = await phone.peer.answer_offer(data["sdp"])
    r = await phone.post(iid, "media", {"type": "answer", "sdp": answer})
    assert r.status_code == 200, r.text
    return dict(data)


async def test_monitoring_conference_and_hand_over_renegotiate_the_legs_that_stay(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "anna") as anna,
        operator(live_server, "luca") as luca,
        stream(live_server, mario.token) as mario_events,
        stream(live_server, anna.token) as anna_events,
        phone_customer(live_server) as customer,
        softphone(mario, MARIO_HZ) as mario_phone,
        softphone(anna, ANNA_HZ) as anna_phone,
    ):
        await mario.ready()
        iid = await customer.call()
        await mario_events.event("interaction.offered", within=10)
        await mario_phone.answer(iid)
        # Nothing to answer yet: an answer out of the blue is refused.
        stray = await mario_phone.post(iid, "media", {"type": "answer", "sdp": "v=0 " * 5})
        assert stray.status_code == 409, stray.text

        # A team leader starts listening: Mario's leg is offered anew.
        ear = VoicePeer(None)
        try:
            r = await luca.http.post(
                f"/interactions/{iid}/monitor", json={"mode": "listen", "sdp": await ear.offer()}
            )
            assert r.status_code == 200, r.text
            await ear.answer(r.json()["sdp"])
            await answer_server_offer(mario_phone, mario_events, iid)
            c, m = await hear_all(customer.peer, mario_phone.peer)
            assert hears(c, MARIO_HZ) and hears(m, CUSTOMER_HZ)
            assert (await luca.http.delete(f"/interactions/{iid}/monitor")).status_code == 204
        finally:
            await ear.close()

        # Consultation, then a conference: both operators' legs are offered anew.
        await anna.ready()
        r = await mario_phone.post(
            iid, "transfer", {"target_type": "agent", "target_id": anna.id, "mode": "consult"}
        )
        assert r.status_code == 200, r.text
        await anna_events.event("interaction.offered", within=10)
        await anna_phone.answer(iid)
        r = await mario_phone.post(
            iid, "conference", {"target_type": "agent", "target_id": anna.id}
        )
        assert r.status_code == 200, r.text
        await answer_server_offer(mario_phone, mario_events, iid)
        await answer_server_offer(anna_phone, anna_events, iid)
        c, m, a = await hear_all(customer.peer, mario_phone.peer, anna_phone.peer)
        assert hears(c, MARIO_HZ) and hears(c, ANNA_HZ)
        assert hears(m, CUSTOMER_HZ) and hears(a, CUSTOMER_HZ)

        # Mario leaves: Anna's leg, now the operator's, is offered anew and carries on.
        assert (await mario_phone.post(iid, "hangup")).status_code == 200
        await answer_server_offer(anna_phone, anna_events, iid)
        c, a = await hear_all(customer.peer, anna_phone.peer)
        assert hears(c, ANNA_HZ) and not hears(c, MARIO_HZ)
        assert hears(a, CUSTOMER_HZ)
