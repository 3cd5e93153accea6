"""Routing calls: capacity per channel, a call keeps chats away, one offer per contact."""

from __future__ import annotations

import asyncio

from tests.conftest import LiveServer
from tests.server.helpers import customer, operator, stream
from tests.server.voice_helpers import PhoneCustomer


async def test_calls_and_chats_have_their_own_capacity_and_a_call_blocks_new_chats(
    live_server: LiveServer,
) -> None:
    callers = [PhoneCustomer(live_server) for _ in range(3)]
    try:
        async with (
            operator(live_server, "mario") as mario,
            operator(live_server, "anna") as anna,
            stream(live_server, mario.token) as mario_events,
            stream(live_server, anna.token) as anna_events,
            customer(live_server) as chatter,
        ):
            await mario.ready()
            chat = await chatter.open_chat(text="Buongiorno")
            assert (await mario_events.event("interaction.offered"))["data"]["interaction"][
                "id"
            ] == chat
            assert (await mario.accept(chat)).status_code == 200
            await anna.ready()

            # Three calls at once, two voice operators with one call slot each: Mario's chat
            # does not take his call slot; nobody gets two; the third waits.
            ids = await asyncio.gather(*(c.call() for c in callers))
            got = [
                (await mario_events.event("interaction.offered", within=10))["data"],
                (await anna_events.event("interaction.offered", within=10))["data"],
            ]
            offered = [g["interaction"]["id"] for g in got]
            assert len(set(offered)) == 2 and set(offered) <= set(ids)
            waiting = next(i for i in ids if i not in offered)
            view = (await mario.http.get(f"/interactions/{waiting}")).json()
            assert view["status"] == "queued"

            # Mario is on a call now: a new chat goes to nobody else either (Anna is on a
            # call too), and is not offered to Mario.
            second_chat = await chatter.open_chat(handle="altro.cliente", text="Salve")
            await asyncio.sleep(1.0)
            assert (await mario.http.get(f"/interactions/{second_chat}")).json()[
                "status"
            ] == "queued"

            # The waiting caller gives up: abandoned, never offered twice.
            assert (await callers[ids.index(waiting)].hangup()).json()["status"] == "abandoned"
    finally:
        for c in callers:
            await c.close()
