"""Second operators on a call: consultation, conference, and the hand-over to the colleague."""

from __future__ import annotations

import asyncio

from agentdesk.server.media.tones import HOLD_NOTES_HZ
from tests.conftest import LiveServer
from tests.server.helpers import operator, stream
from tests.server.voice_helpers import (
    ANNA_HZ,
    CUSTOMER_HZ,
    MARIO_HZ,
    gateway_events,
    hear_all,
    phone_customer,
    softphone,
)
from tests.voicepeer import hears


async def test_consult_then_conference_then_the_customer_stays_with_the_colleague(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "anna") as anna,
        stream(live_server, mario.token) as mario_events,
        stream(live_server, anna.token) as anna_events,
        phone_customer(live_server) as customer,
        softphone(mario, MARIO_HZ) as mario_phone,
        softphone(anna, ANNA_HZ) as anna_phone,
        gateway_events(live_server) as gateway,
    ):
        await mario.ready()
        iid = await customer.call()
        await mario_events.event("interaction.offered", within=10)
        await mario_phone.answer(iid)
        await anna.ready()

        # Consultation: the customer is held while the two operators talk.
        r = await mario_phone.post(
            iid, "transfer", {"target_type": "agent", "target_id": anna.id, "mode": "consult"}
        )
        assert r.status_code == 200, r.text
        assert r.json()["call"]["on_hold"] is True
        assert [p["role"] for p in r.json()["call"]["parties"]] == ["consult"]
        asked = (await anna_events.event("interaction.offered"))["data"]["interaction"]
        assert asked["id"] == iid
        await anna_phone.answer(iid)
        c, m, a = await hear_all(customer.peer, mario_phone.peer, anna_phone.peer)
        assert any(hears(c, hz) for hz in HOLD_NOTES_HZ)
        assert not hears(c, MARIO_HZ) and not hears(c, ANNA_HZ)
        assert hears(m, ANNA_HZ) and not hears(m, CUSTOMER_HZ)
        assert hears(a, MARIO_HZ) and not hears(a, CUSTOMER_HZ)

        # Conference: all three hear each other.
        r = await mario_phone.post(
            iid, "conference", {"target_type": "agent", "target_id": anna.id}
        )
        assert r.status_code == 200, r.text
        assert r.json()["call"]["on_hold"] is False
        c, m, a = await hear_all(customer.peer, mario_phone.peer, anna_phone.peer)
        assert hears(c, MARIO_HZ) and hears(c, ANNA_HZ)
        assert hears(m, CUSTOMER_HZ) and hears(m, ANNA_HZ)
        assert hears(a, CUSTOMER_HZ) and hears(a, MARIO_HZ)

        # Mario hangs up: the customer stays on the line with Anna.
        r = await mario_phone.post(iid, "hangup")
        assert r.status_code == 200, r.text
        assert r.json()["agent_id"] == anna.id and r.json()["status"] == "active"
        ended = (await mario_events.event("interaction.ended"))["data"]
        assert ended["reason"] == "transferred"
        await asyncio.wait_for(mario_phone.peer.ended.wait(), 15)
        c, a = await hear_all(customer.peer, anna_phone.peer)
        assert hears(c, ANNA_HZ) and not hears(c, MARIO_HZ)
        assert hears(a, CUSTOMER_HZ) and not hears(a, MARIO_HZ)

        # Anna ends the call: every leg is closed, the gateway is told.
        assert (await anna_phone.post(iid, "hangup")).json()["status"] == "wrap_up"
        assert (await anna_events.event("interaction.ended"))["data"]["reason"] == "agent_hangup"
        await asyncio.wait_for(customer.peer.ended.wait(), 15)
        await asyncio.wait_for(anna_phone.peer.ended.wait(), 15)
        kinds = [f["type"] for f in gateway if f["interaction_id"] == iid]
        assert kinds.count("call.answered") == 1 and "call.held" in kinds
        assert kinds[-1] == "call.ended"


async def test_blind_transfer_to_a_queue_puts_the_customer_back_in_line(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "anna") as anna,
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
        await anna.ready()
        r = await mario_phone.post(
            iid, "transfer", {"target_type": "queue", "target_id": "voice-lario", "mode": "blind"}
        )
        assert r.status_code == 200, r.text
        assert (await mario_events.event("interaction.ended"))["data"]["reason"] == "transferred"
        offered = (await anna_events.event("interaction.offered", within=10))["data"]
        assert offered["interaction"]["id"] == iid
        await anna_phone.answer(iid)
        c, a = await hear_all(customer.peer, anna_phone.peer)
        assert hears(c, ANNA_HZ) and hears(a, CUSTOMER_HZ) and not hears(c, MARIO_HZ)
