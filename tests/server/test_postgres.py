"""The core flow against a real PostgreSQL (``scripts/test`` starts one and sets
``AGENTDESK_TEST_POSTGRES_URL``): seed, auth, routing, concurrent idempotent duplicates,
wrap-up into the timeline, and the event stream across a restart."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import ServerFactory
from tests.server.helpers import customer, key, operator, stream

pytestmark = pytest.mark.postgres


async def test_core_flow_on_postgresql(pg_database: str, server_factory: ServerFactory) -> None:
    # pg_database first: it is dropped only after the server has stopped.
    server = server_factory(database_url=pg_database)
    async with (
        operator(server, "mario") as mario,
        customer(server) as c,
        stream(server, mario.token) as events,
    ):
        await mario.ready()
        found = [(await mario.http.get("/customers/cus-lario-004")).json()]
        handle = found[0]["chat_handle"]
        iid = await c.open_chat(handle=handle, entry_point="web-lario", text="Salve")
        offered = await events.event("interaction.offered")
        assert offered["data"]["interaction"]["customer_id"] == found[0]["id"]
        assert (await mario.accept(iid)).status_code == 200
        # Concurrent duplicates race on real row locks here: still applied once.
        idem = key()
        answers = await asyncio.gather(*(mario.send(iid, "Buongiorno!", idem) for _ in range(6)))
        assert {r.status_code for r in answers} == {201}
        assert len({r.json()["id"] for r in answers}) == 1
        await c.say(iid, "Grazie")
        done = await mario.wrapup(iid, "info_bolletta", "Spiegata la bolletta", True)
        assert done.status_code == 200
        timeline = (await mario.http.get(f"/customers/{found[0]['id']}/timeline")).json()
        assert timeline["items"][0]["disposition"] == "Informazioni bolletta"
        transcript = (await mario.http.get(f"/interactions/{iid}")).json()["messages"]
        assert [m["text"] for m in transcript if m["direction"] == "outbound"] == ["Buongiorno!"]
        seqs = []
        while True:
            event = await events.event()
            seqs.append(event["seq"])
            if event["type"] == "interaction.ended":
                break
        token = mario.token
    # Concurrent producers on PostgreSQL: every seq once, no gaps.
    async with operator(server, "mario") as mario:
        await asyncio.gather(
            *(mario.set_state("not_ready", r) for r in ("break", "lunch", "training", "meeting"))
        )
    await asyncio.to_thread(server.restart)
    async with stream(server, token) as events:
        last = events.ready["last_seq"]
        replay = [(await events.event())["seq"] for _ in range(last)]
        assert replay == list(range(1, last + 1))
        assert set(seqs) <= set(replay)
