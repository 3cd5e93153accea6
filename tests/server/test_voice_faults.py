"""Voice faults: bad input gets a clear 4xx and the call goes on; lost peers end calls."""

from __future__ import annotations

import asyncio

from tests.conftest import LiveServer, ServerFactory
from tests.server.helpers import error_code, operator, stream
from tests.server.voice_helpers import (
    CUSTOMER_HZ,
    MARIO_HZ,
    PhoneCustomer,
    hear_all,
    phone_customer,
    softphone,
)
from tests.voicepeer import VoicePeer, hears


async def test_bad_input_is_refused_clearly_and_the_call_in_progress_goes_on(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "anna") as anna,
        operator(live_server, "luca") as luca,
        stream(live_server, mario.token) as events,
        phone_customer(live_server) as customer,
        softphone(mario, MARIO_HZ) as phone,
    ):
        gw = customer.http
        probe = VoicePeer(440)
        try:
            good_sdp = await probe.offer()
            # Garbage SDP, an unknown number: 422, and no call is created.
            r = await gw.post(
                "/gateway/calls",
                json={"from": "+39 333", "to": "+39 031 555 0100", "sdp": "x" * 40},
            )
            assert r.status_code == 422 and error_code(r) == "validation_error"
            r = await gw.post(
                "/gateway/calls", json={"from": "+39 333", "to": "+39 099 1", "sdp": good_sdp}
            )
            assert r.status_code == 422 and "unknown dialled number" in r.json()["error"]["message"]
            assert (await gw.post("/gateway/calls/int-nope/hangup")).status_code == 404
            # The gateway key is the only way in: an operator token is refused there.
            r = await mario.http.post(
                "/gateway/calls", json={"from": "1", "to": "+39 031 555 0100", "sdp": good_sdp}
            )
            assert r.status_code in (401, 403)
        finally:
            await probe.close()

        await mario.ready()
        iid = await customer.call()
        await events.event("interaction.offered", within=10)
        await phone.answer(iid)

        # Media on someone else's call, a garbage SDP on one's own call.
        intruder = VoicePeer(440)
        try:
            r = await anna.http.post(
                f"/interactions/{iid}/media", json={"type": "offer", "sdp": await intruder.offer()}
            )
            assert r.status_code in (404, 409), r.text
            error_code(r)
        finally:
            await intruder.close()
        r = await phone.post(iid, "media", {"type": "offer", "sdp": "v=0 certainly not sdp"})
        assert r.status_code == 422 and error_code(r) == "validation_error"
        r = await phone.post(iid, "media", {"type": "answer", "sdp": "v=0 nothing was offered"})
        assert r.status_code == 409
        # DTMF outside 0-9*#; good DTMF is fine.
        for digits in ("12a", "", "1 2"):
            r = await phone.post(iid, "dtmf", {"digits": digits})
            assert r.status_code == 422 and error_code(r) == "validation_error"
        assert (await phone.post(iid, "dtmf", {"digits": "123#"})).status_code == 200
        # Transfer to an offline operator, to nobody, to a consult queue.
        r = await phone.post(
            iid, "transfer", {"target_type": "agent", "target_id": anna.id, "mode": "blind"}
        )
        assert r.status_code == 409 and error_code(r) == "agent_offline"
        r = await phone.post(
            iid, "transfer", {"target_type": "agent", "target_id": "a-nobody", "mode": "consult"}
        )
        assert r.status_code == 404
        r = await phone.post(
            iid, "transfer", {"target_type": "queue", "target_id": "voice-lario", "mode": "consult"}
        )
        assert r.status_code == 422
        r = await phone.post(iid, "transfer", {"target_type": "robot", "target_id": "x"})
        assert r.status_code == 422
        # Monitoring is for team leaders, tutors and admins; a garbage monitor SDP is a 422.
        r = await mario.http.post(
            f"/interactions/{iid}/monitor", json={"mode": "listen", "sdp": "x" * 20}
        )
        assert r.status_code == 403
        r = await luca.http.post(
            f"/interactions/{iid}/monitor", json={"mode": "listen", "sdp": "x" * 20}
        )
        assert r.status_code == 422
        r = await luca.http.put(f"/interactions/{iid}/monitor", json={"mode": "barge"})
        assert r.status_code == 409  # not monitoring (the failed attempt left nothing behind)

        # The call in progress was not lost.
        view = (await mario.http.get(f"/interactions/{iid}")).json()
        assert view["status"] == "active" and view["agent_id"] == mario.id
        c, m = await hear_all(customer.peer, phone.peer)
        assert hears(c, MARIO_HZ) and hears(m, CUSTOMER_HZ)

        # After the end, call control is refused with a 409, never a 5xx.
        await phone.post(iid, "hangup")
        for action in ("hold", "resume", "mute", "hangup"):
            r = await phone.post(iid, action)
            assert r.status_code == 409, (action, r.text)
        late = VoicePeer(440)
        try:
            r = await phone.post(iid, "media", {"type": "offer", "sdp": await late.offer()})
            assert r.status_code == 409
        finally:
            await late.close()


async def test_a_customer_who_hangs_up_while_waiting_has_abandoned(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        stream(live_server, mario.token) as events,
        phone_customer(live_server) as first,
        phone_customer(live_server) as second,
    ):
        # Nobody ready: the call waits (the customer hears the queue), then gives up.
        iid = await first.call()
        await first.peer.listen(0.5)  # connected: the server's close reaches the peer
        r = await first.hangup()
        assert r.status_code == 200 and r.json()["status"] == "abandoned"
        await asyncio.wait_for(first.peer.ended.wait(), 15)
        # Offered to Mario, then abandoned: Mario's stream says so.
        await mario.ready()
        iid = await second.call()
        await events.event("interaction.offered", within=10)
        assert (await second.hangup()).json()["status"] == "abandoned"
        ended = (await events.event("interaction.ended"))["data"]
        assert ended["reason"] == "abandoned" and ended["interaction"]["id"] == iid


async def test_a_leg_whose_peer_is_gone_ends_the_call_with_the_reason(
    server_factory: ServerFactory,
) -> None:
    server = server_factory(media_lost_after_s=1.5)
    async with (
        operator(server, "mario") as mario,
        stream(server, mario.token) as events,
        softphone(mario, MARIO_HZ) as phone,
    ):
        await mario.ready()
        # A customer who closes their connection without hanging up.
        customer = PhoneCustomer(server)
        try:
            iid = await customer.call()
            await customer.peer.listen(0.5)  # connected, hearing the queue
            await events.event("interaction.offered", within=10)
            await phone.answer(iid)
            await phone.peer.listen(0.5)  # both legs up and talking
            await customer.peer.pc.close()
            ended = (await events.event("interaction.ended", within=15))["data"]
            assert ended["reason"] == "customer_lost"
            await asyncio.wait_for(phone.peer.ended.wait(), 15)
        finally:
            await customer.close()
        r = await mario.http.post(
            f"/interactions/{iid}/wrapup",
            json={
                "disposition": "info_bolletta",
                "notes": "",
                "resolved": True,
                "idempotency_key": "wrapup-lost-1",
            },
        )
        assert r.status_code == 200, r.text
        last_seq = (await events.event("interaction.ended"))["seq"]

    async with (
        operator(server, "mario") as mario,
        stream(server, mario.token, since=last_seq) as events,
        phone_customer(server) as customer,
        softphone(mario, MARIO_HZ) as phone,
    ):
        # An operator whose audio stops without a goodbye (a dead network).
        iid = await customer.call()
        await events.event("interaction.offered", within=10)
        await phone.answer(iid)
        phone.peer.tone.sending.clear()
        ended = (await events.event("interaction.ended", within=15))["data"]
        assert ended["reason"] == "operator_lost"
        assert ended["interaction"]["status"] == "wrap_up"
        await asyncio.wait_for(customer.peer.ended.wait(), 15)


async def test_a_call_cut_by_a_server_restart_is_ended_not_left_dangling(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        stream(live_server, mario.token) as events,
        phone_customer(live_server) as customer,
        softphone(mario, MARIO_HZ) as phone,
    ):
        await mario.ready()
        iid = await customer.call()
        await events.event("interaction.offered", within=10)
        await phone.answer(iid)
    live_server.restart()
    async with operator(live_server, "mario") as mario:
        view = (await mario.http.get(f"/interactions/{iid}")).json()
        assert view["status"] == "wrap_up"
        r = await mario.http.post(f"/interactions/{iid}/hold")
        assert r.status_code == 409
