"""The router: who gets offered what, and what happens when nobody takes it."""

from __future__ import annotations

from tests.conftest import LiveServer, ServerFactory
from tests.server.helpers import customer, operator, stream


async def test_offered_to_a_ready_operator_with_the_skill_and_client(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
    ):
        await mario.ready()
        iid = await c.open_chat(entry_point="web-energia", text="La bolletta è altissima")
        offered = await events.event("interaction.offered")
        interaction = offered["data"]["interaction"]
        assert interaction["id"] == iid
        assert interaction["status"] == "offered"
        assert interaction["agent_id"] == mario.id
        assert interaction["client"]["id"] == "energia"
        assert interaction["queue"] == "chat-energia"
        assert interaction["messages"][0]["text"] == "La bolletta è altissima"
        assert {d["code"] for d in interaction["dispositions"]} >= {"info_bolletta", "altro"}
        listed = (await mario.http.get("/interactions", params={"status": "active"})).json()
        assert [i["id"] for i in listed["items"]] == [iid]


async def test_not_offered_to_a_not_ready_operator(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "giulia") as giulia,
        customer(live_server) as c,
        stream(live_server, mario.token) as mario_events,
        stream(live_server, giulia.token) as giulia_events,
    ):
        assert (await mario.set_state("not_ready", "break")).status_code == 200
        iid = await c.open_chat(entry_point="web-lario")
        # Giulia (trainee, Lario chats) becomes ready: the waiting chat goes to her.
        await giulia.ready()
        offered = await giulia_events.event("interaction.offered")
        assert offered["data"]["interaction"]["id"] == iid
        # Mario then becomes ready: nothing is waiting for him any more.
        await mario.ready()
        state = await mario_events.event("agent.state")
        assert state["data"]["state"]["state"] == "not_ready"
        state = await mario_events.event("agent.state")
        assert state["data"]["state"]["state"] == "ready"
        listed = (await mario.http.get("/interactions")).json()
        assert listed["items"] == []


async def test_waits_in_queue_until_someone_with_the_skill_is_ready(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "giulia") as giulia,
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as mario_events,
    ):
        await giulia.ready()  # Giulia serves Lario only
        iid = await c.open_chat(entry_point="web-energia")
        await mario.ready()
        offered = await mario_events.event("interaction.offered")
        assert offered["data"]["interaction"]["id"] == iid
        assert (await giulia.http.get("/interactions")).json()["items"] == []


async def test_capacity_is_respected(live_server: LiveServer) -> None:
    # marta (second squad) takes two chats at a time; giulia the trainee is in nesting,
    # where a wrap-up leads to a review hold (tests/server/test_people.py)
    async with (
        operator(live_server, "marta") as marta,
        customer(live_server) as c,
        stream(live_server, marta.token) as events,
    ):
        await marta.ready()  # max_chats 2
        first = await c.open_chat(handle="uno", entry_point="web-lario")
        second = await c.open_chat(handle="due", entry_point="web-lario")
        third = await c.open_chat(handle="tre", entry_point="web-lario")
        offered = [
            (await events.event("interaction.offered"))["data"]["interaction"]["id"]
            for _ in range(2)
        ]
        assert offered == [first, second]
        await marta.accept(first)
        assert (await marta.wrapup(first, "altro")).status_code == 200
        # Capacity freed by the wrap-up: the third one is offered now.
        offered_next = await events.event("interaction.offered")
        assert offered_next["data"]["interaction"]["id"] == third


async def test_a_rejected_offer_goes_to_someone_else(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        operator(live_server, "giulia") as giulia,
        customer(live_server) as c,
        stream(live_server, mario.token) as mario_events,
        stream(live_server, giulia.token) as giulia_events,
    ):
        await mario.ready()
        iid = await c.open_chat(entry_point="web-lario")
        await mario_events.event("interaction.offered")
        await giulia.ready()
        r = await mario.http.post(f"/interactions/{iid}/reject")
        assert r.status_code == 200
        assert r.json()["status"] == "queued"
        ended = await mario_events.event("interaction.ended")
        assert ended["data"]["reason"] == "rejected"
        offered = await giulia_events.event("interaction.offered")
        assert offered["data"]["interaction"]["id"] == iid
        # Mario can no longer accept it.
        assert (await mario.accept(iid)).status_code == 409


async def test_an_unanswered_offer_times_out_and_is_requeued(
    server_factory: ServerFactory,
) -> None:
    server = server_factory(offer_timeout_s=0.5, reoffer_after_s=0.5)
    async with (
        operator(server, "mario") as mario,
        customer(server) as c,
        stream(server, mario.token) as events,
    ):
        await mario.ready()
        iid = await c.open_chat()
        first = await events.event("interaction.offered")
        ended = await events.event("interaction.ended")
        assert ended["data"]["reason"] == "offer_timeout"
        assert ended["data"]["interaction"]["status"] == "queued"
        # Nobody else can take it: after the exclusion lapses, it comes back to Mario.
        again = await events.event("interaction.offered", within=5)
        assert again["data"]["interaction"]["id"] == iid
        assert again["seq"] > first["seq"]


async def test_a_customer_who_leaves_the_queue_is_an_abandon(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as mario, customer(live_server) as c:
        iid = await c.open_chat()
        r = await c.end(iid)
        assert r.status_code == 200
        assert r.json() == {"interaction_id": iid, "status": "abandoned"}
        assert (await c.say(iid, "ci siete?")).status_code == 409
        # Ending again changes nothing.
        assert (await c.end(iid)).json()["status"] == "abandoned"
        got = await mario.http.get(f"/interactions/{iid}")
        assert got.json()["status"] == "abandoned"


async def test_a_customer_who_leaves_an_offer_withdraws_it(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
    ):
        await mario.ready()
        iid = await c.open_chat()
        await events.event("interaction.offered")
        await c.end(iid)
        ended = await events.event("interaction.ended")
        assert ended["data"]["reason"] == "abandoned"
        assert ended["data"]["interaction"]["status"] == "abandoned"


async def test_customer_typing_reaches_the_operator(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
    ):
        await mario.ready()
        iid = await c.open_chat()
        await events.event("interaction.offered")
        await mario.accept(iid)
        await events.event("interaction.updated")  # accepted
        await c.typing(iid, True)
        updated = await events.event("interaction.updated")
        assert updated["data"]["interaction"]["customer_typing"] is True
        await c.say(iid, "Ecco il numero cliente")
        received = await events.event("message.received")
        assert received["data"]["message"]["text"] == "Ecco il numero cliente"
        updated = await events.event("interaction.updated")
        assert updated["data"]["interaction"]["customer_typing"] is False


async def test_queue_stats_reach_the_operators_of_the_queue(server_factory: ServerFactory) -> None:
    server = server_factory(queue_stats_s=0.2)
    async with (
        operator(server, "giulia") as giulia,
        customer(server) as c,
        stream(server, giulia.token) as events,
    ):
        assert (await giulia.set_state("not_ready", "training")).status_code == 200
        await c.open_chat(entry_point="web-lario")
        while True:
            stats = await events.event("queue.stats")
            queues = {q["queue"]: q for q in stats["data"]["queues"]}
            assert set(queues) == {"chat-lario"}  # giulia serves only Lario chats
            if queues["chat-lario"]["waiting"] == 1:
                break
        assert queues["chat-lario"]["oldest_wait_s"] >= 0


async def test_going_offline_withdraws_pending_offers(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
    ):
        await mario.ready()
        iid = await c.open_chat()
        await events.event("interaction.offered")
        assert (await mario.set_state("offline")).status_code == 200
        ended = await events.event("interaction.ended")
        assert ended["data"]["interaction"]["id"] == iid
        assert ended["data"]["reason"] == "agent_offline"
        got = await mario.http.get(f"/interactions/{iid}")
        assert got.json()["status"] == "queued"
