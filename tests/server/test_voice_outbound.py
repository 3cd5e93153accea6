"""Outbound: the operator dials, the gateway is asked to ring the customer, who answers."""

from __future__ import annotations

import asyncio

from tests.conftest import LiveServer
from tests.server.helpers import operator, stream
from tests.server.voice_helpers import (
    CUSTOMER_HZ,
    MARIO_HZ,
    gateway_events,
    hear_all,
    phone_customer,
    softphone,
)
from tests.voicepeer import hears


async def test_outbound_call_rings_the_gateway_and_talks_once_answered(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        stream(live_server, mario.token) as events,
        phone_customer(live_server) as customer,
        softphone(mario, MARIO_HZ) as phone,
        gateway_events(live_server) as gateway,
    ):
        r = await mario.http.post("/calls", json={"to": "+39 333 444 5555", "client_id": "nope"})
        assert r.status_code == 403
        r = await mario.http.post("/calls", json={"to": "+39 333 444 5555", "client_id": "lario"})
        assert r.status_code == 201, r.text
        call = r.json()
        iid = call["id"]
        assert call["status"] == "active" and call["call"]["direction"] == "outbound"
        assert call["call"]["dialled"] == "+39 031 555 0100"  # the client's caller id
        again = await mario.http.post("/calls", json={"to": "+39 333 1", "client_id": "lario"})
        assert again.status_code == 409  # one call at a time
        await phone.connect(iid)

        for _ in range(100):
            ring = [f for f in gateway if f["type"] == "call.outbound"]
            if ring:
                break
            await asyncio.sleep(0.05)
        assert ring[0]["interaction_id"] == iid
        assert ring[0]["data"]["to"] == "+39 333 444 5555"
        assert ring[0]["data"]["caller_id"] == "+39 031 555 0100"

        r = await customer.http.post(
            f"/gateway/calls/{iid}/answer", json={"sdp": await customer.peer.offer()}
        )
        assert r.status_code == 200, r.text
        await customer.peer.answer(r.json()["sdp"])
        customer.interaction_id = iid
        c, m = await hear_all(customer.peer, phone.peer)
        assert hears(c, MARIO_HZ) and hears(m, CUSTOMER_HZ)
        view = (await mario.http.get(f"/interactions/{iid}")).json()
        assert view["call"]["talk_started_at"] and view["call"]["recording"] is False

        await customer.hangup()
        assert (await events.event("interaction.ended"))["data"]["reason"] == "customer_hangup"
        await asyncio.wait_for(phone.peer.ended.wait(), 15)
