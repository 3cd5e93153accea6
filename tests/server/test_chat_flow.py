"""A whole chat: offered, accepted, messages both ways, ended, wrapped up, in the history."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

from tests.conftest import LiveServer
from tests.server.helpers import customer, error_code, operator, ready_desk, stream


async def _gateway_frames(
    server: LiveServer, into: list[dict[str, Any]], ready: asyncio.Event
) -> None:
    async with websockets.connect(
        server.gateway_ws_url, additional_headers={"X-Gateway-Key": server.gateway_key or ""}
    ) as ws:
        ready.set()
        async for raw in ws:
            frame = json.loads(raw)
            if frame.get("type") != "ping":
                into.append(frame)


async def _until(condition: Any, within: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_chat_from_offer_to_wrap_up_and_into_the_timeline(live_server: LiveServer) -> None:
    heard: list[dict[str, Any]] = []
    connected = asyncio.Event()
    listener = asyncio.create_task(_gateway_frames(live_server, heard, connected))
    try:
        await asyncio.wait_for(connected.wait(), 5)
        async with ready_desk(live_server) as (mario, c, events, known):
            iid = await c.open_chat(
                handle=known["chat_handle"], entry_point="web-lario", text="Buongiorno"
            )
            offered = (await events.event("interaction.offered"))["data"]["interaction"]
            # Screen pop: the chat handle is matched to the known customer.
            assert offered["customer_id"] == known["id"]
            assert offered["customer_name"] == known["name"]

            accepted = await mario.accept(iid)
            assert accepted.json()["status"] == "active"
            assert (await events.event("interaction.updated"))["data"]["interaction"][
                "status"
            ] == "active"
            await _until(lambda: any(f["type"] == "chat.accepted" for f in heard))

            sent = await mario.send(iid, "Buongiorno, come posso aiutarla?")
            assert sent.status_code == 201
            mine = (await events.event("message.received"))["data"]["message"]
            assert mine["direction"] == "outbound" and mine["id"] == sent.json()["id"]
            await _until(lambda: any(f["type"] == "chat.message" for f in heard))
            line = next(f for f in heard if f["type"] == "chat.message")
            assert line["interaction_id"] == iid
            assert line["data"]["text"] == "Buongiorno, come posso aiutarla?"

            await c.say(iid, "Vorrei comunicare la lettura del contatore.")
            theirs = (await events.event("message.received"))["data"]["message"]
            assert theirs["direction"] == "inbound"

            hung = await mario.http.post(f"/interactions/{iid}/hangup")
            assert hung.json()["status"] == "wrap_up"
            await _until(lambda: any(f["type"] == "chat.ended" for f in heard))
            # The customer can no longer write; the operator can no longer answer.
            assert (await c.say(iid, "pronto?")).status_code == 409
            late = await mario.send(iid, "ancora lì?")
            assert late.status_code == 409 and error_code(late) == "conflict"

            # Until it is wrapped up, the contact reads "in progress" in the history.
            during = (await mario.http.get(f"/customers/{known['id']}/timeline")).json()
            assert during["items"][0]["interaction_id"] == iid
            assert during["items"][0]["in_progress"] is True
            assert during["items"][0]["resolved"] is None

            bad = await mario.wrapup(iid, "no_such_code")
            assert bad.status_code == 422
            done = await mario.wrapup(iid, "autolettura", "Lettura comunicata: 01234", True)
            assert done.status_code == 200
            body = done.json()
            assert body["status"] == "closed"
            assert body["wrapup"]["disposition"] == "autolettura"
            ended = await events.event("interaction.ended")
            assert ended["data"]["reason"] == "wrapped_up"
            assert (await mario.http.get("/interactions")).json()["items"] == []
            again = await mario.wrapup(iid, "altro")
            assert again.status_code == 409

            timeline = await mario.http.get(f"/customers/{known['id']}/timeline")
            top = timeline.json()["items"][0]
            assert top["interaction_id"] == iid
            assert top["disposition"] == "Autolettura"
            assert top["resolved"] is True
            assert top["in_progress"] is False
            assert top["summary"] == "Lettura comunicata: 01234"
            assert top["agent_name"] == "Mario Bianchi"
            assert top["channel"] == "chat"

            transcript = (await mario.http.get(f"/interactions/{iid}")).json()["messages"]
            assert [m["direction"] for m in transcript] == [
                "inbound",
                "outbound",
                "inbound",
                "system",
            ]
    finally:
        listener.cancel()
        await asyncio.gather(listener, return_exceptions=True)


async def test_a_customer_who_leaves_puts_the_chat_in_wrap_up(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
    ):
        await mario.ready()
        iid = await c.open_chat(handle="nuovo.cliente")
        offered = (await events.event("interaction.offered"))["data"]["interaction"]
        assert offered["customer_name"] == "nuovo.cliente"  # a prospect
        await mario.accept(iid)
        r = await c.end(iid)
        assert r.json()["status"] == "wrap_up"
        while True:
            updated = (await events.event("interaction.updated"))["data"]["interaction"]
            if updated["status"] == "wrap_up":
                break
        assert updated["messages"][-1]["direction"] == "system"
        assert (await mario.wrapup(iid, "altro", "", False)).status_code == 200
        customer_view = await mario.http.get(f"/customers/{offered['customer_id']}")
        assert customer_view.json()["is_prospect"] is True


async def test_only_the_assigned_operator_acts_on_an_interaction(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "giulia") as giulia,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
    ):
        await mario.ready()
        iid = await c.open_chat(entry_point="web-lario")
        await events.event("interaction.offered")
        r = await giulia.accept(iid)
        assert r.status_code == 409
        assert "not assigned to you" in r.json()["error"]["message"]
        energia = await c.open_chat(handle="x.y", entry_point="web-energia")
        await events.event("interaction.offered")
        # Giulia serves only Lario: an Energia interaction does not exist for her.
        assert (await giulia.http.get(f"/interactions/{energia}")).status_code == 404
