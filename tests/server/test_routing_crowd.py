"""Routing under a crowd: many operators, calls, chats and e-mails arriving together.

Offers time out fast here, so contacts go round the room; nobody's event stream may ever
show a contact offered to them while it is still offered to (or held by) someone else, no
operator may hold more than their limit per channel (1 call, 3 or 2 chats, 2 e-mails), and a
customer who leaves is never offered again. Then the quieter rules: a higher-priority queue
goes first, the longest idle operator goes first, a wrap-up past the maximum frees the
operator, and not-ready needs a reason code.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Any

from tests.conftest import LiveServer, ServerFactory
from tests.server.helpers import Operator, Stream, customer, operator, stream
from tests.server.voice_helpers import PhoneCustomer

HANDLERS = ("mario", "anna", "elena", "paolo", "marta")
SKILLS = {
    "mario": ({"chat", "voice", "email"}, {"lario", "energia"}),
    "anna": ({"chat", "voice", "email"}, {"lario", "energia"}),
    "elena": ({"chat", "voice"}, {"lario", "energia"}),
    "paolo": ({"voice", "email"}, {"energia"}),
    "marta": ({"chat", "email"}, {"lario"}),
}
SKILL_OF = {"chat": "chat", "voice": "voice", "email": "email"}


@dataclass
class Seen:
    """One event as an operator's stream delivered it."""

    ts: str
    seq: int
    who: str
    type: str
    data: dict[str, Any]

    @property
    def interaction(self) -> dict[str, Any]:
        return dict(self.data.get("interaction") or {})


class Collector:
    """Reads every operator's stream in the background, keeping interaction events."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self._tasks: list[asyncio.Task[None]] = []

    def follow(self, who: str, events: Stream) -> None:
        async def read() -> None:
            while True:
                try:
                    e = await events.event(within=3600)
                except Exception:
                    return
                if e["type"].startswith("interaction."):
                    self.seen.append(Seen(e["ts"], e["seq"], who, e["type"], e["data"]))

        self._tasks.append(asyncio.create_task(read()))

    def offers(self, who: str | None = None) -> list[Seen]:
        return [
            s
            for s in self.seen
            if s.type == "interaction.offered" and (who is None or s.who == who)
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def replay(seen: list[Seen]) -> tuple[list[str], dict[str, dict[str, int]]]:
    """Walk every stream in server time: double offers found, and each operator's peak
    number of contacts held per channel."""
    # Within one instant an ending is applied before an offer (the stream order).
    order = sorted(seen, key=lambda s: (s.ts, s.type == "interaction.offered", s.seq))
    holder: dict[str, str] = {}
    held: dict[str, dict[str, set[str]]] = {}
    peak: dict[str, dict[str, int]] = {}
    doubles: list[str] = []
    for s in order:
        iid, channel = s.interaction.get("id", ""), s.interaction.get("channel", "")
        mine = held.setdefault(s.who, {}).setdefault(channel, set())
        if s.type == "interaction.offered":
            if holder.get(iid, s.who) != s.who:
                doubles.append(f"{iid} offered to {s.who} while {holder[iid]} held it")
            holder[iid] = s.who
            mine.add(iid)
        elif s.type == "interaction.ended":
            if holder.get(iid) == s.who:
                del holder[iid]
            mine.discard(iid)
        top = peak.setdefault(s.who, {})
        top[channel] = max(top.get(channel, 0), len(mine))
    return doubles, peak


@asynccontextmanager
async def signed_in(
    server: LiveServer, names: tuple[str, ...]
) -> AsyncIterator[tuple[dict[str, Operator], Collector]]:
    collector = Collector()
    async with AsyncExitStack() as stack:
        ops: dict[str, Operator] = {}
        for name in names:
            op = await stack.enter_async_context(operator(server, name))
            collector.follow(name, await stack.enter_async_context(stream(server, op.token)))
            ops[name] = op
        try:
            yield ops, collector
        finally:
            await collector.stop()


async def test_a_crowd_of_contacts_never_double_offered_and_never_over_the_limits(
    server_factory: ServerFactory,
) -> None:
    server = server_factory(offer_timeout_s=1.5, reoffer_after_s=60.0)
    callers = [PhoneCustomer(server) for _ in range(3)]
    try:
        async with signed_in(server, HANDLERS) as (ops, seen), customer(server) as gw:
            await asyncio.gather(*(op.ready() for op in ops.values()))
            limits = {
                name: {
                    "chat": op.profile["max_chats"],
                    "voice": op.profile["max_calls"],
                    "email": op.profile["max_emails"],
                }
                for name, op in ops.items()
            }
            assert limits["mario"] == {"chat": 3, "voice": 1, "email": 2}
            by_name = {op.id: name for name, op in ops.items()}

            async def email(n: int) -> str:
                mailbox = (
                    "clienti@lario-acque.example" if n % 2 else "assistenza@energianova.example"
                )
                r = await gw.http.post(
                    "/gateway/emails",
                    json={"from": f"c{n}@posta.example", "to": mailbox, "subject": f"n. {n}",
                          "body": "Salve"},
                )  # fmt: skip
                assert r.status_code == 201, r.text
                return str(r.json()["interaction_id"])

            # Everyone at once: 14 chats, 12 e-mails, 3 calls.
            arrivals = await asyncio.gather(
                *(
                    gw.open_chat(
                        handle=f"chat{n}", entry_point="web-lario" if n % 2 else "web-energia"
                    )
                    for n in range(14)
                ),
                *(email(n) for n in range(12)),
                *(c.call() for c in callers),
            )
            chats, emails, calls = arrivals[:14], arrivals[14:26], arrivals[26:]
            await asyncio.sleep(1.0)

            # Two chatters and a caller give up while waiting or offered.
            gone = [chats[0], chats[1], calls[2]]
            assert (await gw.end(chats[0])).json()["status"] == "abandoned"
            assert (await gw.end(chats[1])).json()["status"] == "abandoned"
            assert (await callers[2].hangup()).json()["status"] == "abandoned"
            await asyncio.sleep(0.3)  # offers made before the customers left have arrived
            left_at = len(seen.seen)

            # Offers time out (1.5 s) and go round the room for a while.
            await asyncio.sleep(4.0)
            # Then everyone takes what they are offered, and the rest keeps routing.
            for _ in range(3):
                for name, op in ops.items():
                    for s in seen.offers(name):
                        await op.accept(s.interaction["id"])
                await asyncio.sleep(1.0)

            doubles, peak = replay(seen.seen)
            assert not doubles, doubles
            offers = seen.offers()
            assert len(offers) > len(arrivals), "offers did not go round the room"
            for s in offers:
                name, item = s.who, s.interaction
                skills, clients = SKILLS[name]
                assert SKILL_OF[item["channel"]] in skills and item["client"]["id"] in clients
            for name, channels in peak.items():
                for channel, most in channels.items():
                    assert most <= limits[name][channel], (name, channel, most)
            # The e-mail limit is its own (2), not the chat limit (3): with 12 e-mails and
            # four e-mail operators, Mario and Anna each held two at some point, never three.
            assert peak["mario"]["email"] == 2 and peak["anna"]["email"] == 2
            late = [s for s in seen.seen[left_at:] if s.type == "interaction.offered"]
            assert not [s for s in late if s.interaction["id"] in gone], "offered after leaving"
            for iid in gone:
                r = await ops["mario"].http.get(f"/interactions/{iid}")
                assert r.json()["status"] == "abandoned"
            assert {by_name[s.interaction["agent_id"]] for s in offers} <= set(HANDLERS)
            assert calls and emails
    finally:
        for c in callers:
            await c.close()


def set_priority(server: LiveServer, queue_id: str, priority: int) -> None:
    path = server.settings.database_url.split("///", 1)[1]
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE queues SET priority = ? WHERE id = ?", (priority, queue_id))
        db.commit()


async def test_a_higher_priority_queue_is_offered_first_when_the_operator_frees_up(
    live_server: LiveServer,
) -> None:
    set_priority(live_server, "chat-energia", 5)
    async with signed_in(live_server, ("elena",)) as (ops, seen), customer(live_server) as gw:
        elena = ops["elena"]
        # Not ready needs a reason code.
        refused = await elena.set_state("not_ready")
        assert refused.status_code == 422, refused.text
        assert "reason" in refused.text
        assert (await elena.set_state("not_ready", "break")).status_code == 200
        older = [await gw.open_chat(handle=f"l{n}", entry_point="web-lario") for n in range(2)]
        urgent = await gw.open_chat(handle="e1", entry_point="web-energia")
        await asyncio.sleep(0.3)
        assert not seen.offers()
        await elena.ready()
        for _ in range(50):
            if len(seen.offers()) >= 2:
                break
            await asyncio.sleep(0.1)
        offered = [s.interaction["id"] for s in seen.offers()]
        # Two chat slots: the energia chat first, though younger, then the oldest lario one.
        assert offered == [urgent, older[0]]


async def test_the_longest_idle_operator_is_offered_first(live_server: LiveServer) -> None:
    async with (
        signed_in(live_server, ("mario", "anna")) as (ops, seen),
        customer(live_server) as gw,
    ):
        mario, anna = ops["mario"], ops["anna"]
        await anna.ready()
        await asyncio.sleep(0.2)
        await mario.ready()
        first = await gw.open_chat(handle="primo")
        await _offered(seen, first)
        assert seen.offers()[-1].who == "anna"  # ready the longest
        await anna.accept(first)
        assert (await anna.wrapup(first, "info_bolletta")).status_code == 200
        # Anna just finished a contact; Mario has been free since before.
        second = await gw.open_chat(handle="secondo")
        await _offered(seen, second)
        assert seen.offers()[-1].who == "mario"


async def _offered(seen: Collector, iid: str) -> None:
    for _ in range(100):
        if any(s.interaction["id"] == iid for s in seen.offers()):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{iid} was never offered")


async def test_a_wrap_up_past_the_maximum_frees_the_operator(
    server_factory: ServerFactory,
) -> None:
    server = server_factory(wrap_up_max_s=1.5)
    async with signed_in(server, ("mario",)) as (ops, seen), customer(server) as gw:
        mario = ops["mario"]
        await mario.ready()
        chats = [await gw.open_chat(handle=f"w{n}") for n in range(4)]
        for iid in chats[:3]:
            await _offered(seen, iid)
            assert (await mario.accept(iid)).status_code == 200
        # Full (3 chats); ending one leaves it in wrap-up, still taking its slot...
        assert (await mario.http.post(f"/interactions/{chats[0]}/hangup")).status_code == 200
        await asyncio.sleep(0.8)
        assert all(s.interaction["id"] != chats[3] for s in seen.offers())
        # ...until the wrap-up has lasted the maximum: then the fourth chat comes.
        await _offered(seen, chats[3])
        r = await mario.http.get(f"/interactions/{chats[0]}")
        assert r.json()["status"] == "wrap_up"  # still his to wrap up: nothing lost

        # The wrap_up state ends by itself after the maximum, too.
        assert (await mario.set_state("wrap_up")).status_code == 200
        for _ in range(60):
            me = (await mario.http.get("/me")).json()
            if me["state"]["state"] == "ready":
                break
            await asyncio.sleep(0.1)
        assert me["state"]["state"] == "ready"
