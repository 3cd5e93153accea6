"""The event stream: auth, resume by seq without gaps or duplicates, resync, heartbeat,
tolerance of malformed frames, persistence across a restart.

Most tests drive the stream of ``admin``, whose every event is one of its own state changes
(an admin serves no queue, so no queue.stats arrive in between): counts are exact.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import websockets
from sqlalchemy import func, select

from agentdesk.server.db import Database
from agentdesk.server.db.models import EventRow
from tests.conftest import LiveServer, ServerFactory
from tests.server.helpers import Operator, Stream, customer, operator, stream


async def _toggle(op: Operator, n: int) -> None:
    """``n`` state changes (ready <-> not_ready), each one agent.state event."""
    current = (await op.http.get("/me")).json()["state"]["state"]
    for _ in range(n):
        if current == "ready":
            r = await op.set_state("not_ready", "break")
        else:
            r = await op.set_state("ready")
        assert r.status_code == 200, r.text
        current = r.json()["state"]


async def _seqs(events: Stream, count: int) -> list[int]:
    return [(await events.event())["seq"] for _ in range(count)]


async def _until_states(events: Stream, states: int) -> list[int]:
    """Seqs of every event received until ``states`` agent.state events have arrived
    (queue.stats events come in between)."""
    seqs: list[int] = []
    seen = 0
    while seen < states:
        event = await events.event()
        seqs.append(event["seq"])
        seen += event["type"] == "agent.state"
    return seqs


async def test_backlog_then_live_in_order_without_gaps(live_server: LiveServer) -> None:
    async with operator(live_server, "admin") as op:
        await _toggle(op, 5)
        async with stream(live_server, op.token) as events:
            assert events.ready["last_seq"] >= 5
            # Live events race the backlog read: still every seq exactly once, in order.
            producer = asyncio.create_task(_toggle(op, 7))
            seqs = await _until_states(events, 12)
            await producer
            assert seqs == list(range(1, len(seqs) + 1))
        last = seqs[-1]
        # Reconnect from the middle: exactly what follows.
        async with stream(live_server, op.token, since=last - 3) as events:
            assert events.ready["last_seq"] >= last
            assert await _seqs(events, 3) == [last - 2, last - 1, last]
            await _toggle(op, 1)
            assert (await events.event("agent.state"))["seq"] > last


async def test_concurrent_producers_never_leave_a_gap(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as op,
        customer(live_server) as c,
        stream(live_server, op.token) as events,
    ):
        seqs: list[int] = []

        async def until(type_: str) -> None:
            while True:
                event = await events.event()
                seqs.append(event["seq"])
                if event["type"] == type_:
                    return

        await op.ready()
        chats = [await c.open_chat(handle=f"cliente.{i}") for i in range(3)]
        for _ in chats:
            await until("interaction.offered")
        for iid in chats:
            assert (await op.accept(iid)).status_code == 200
        # Typing changes and messages from many requests at once.
        await asyncio.gather(
            *(c.typing(iid, flag) for iid in chats for flag in (True, False, True)),
            *(c.say(iid, f"messaggio {n}") for iid in chats for n in range(3)),
        )
        db = Database(live_server.settings.database_url)
        async with db.read() as session:
            last = int(
                await session.scalar(
                    select(func.max(EventRow.seq)).where(EventRow.agent_id == op.id)
                )
                or 0
            )
        await db.dispose()
        while not seqs or seqs[-1] < last:
            seqs.append((await events.event())["seq"])
        assert seqs == list(range(1, last + 1))
    # A second client replaying everything from the store sees the same sequence.
    async with operator(live_server, "mario") as op, stream(live_server, op.token) as replay:
        assert await _seqs(replay, last) == seqs


async def test_resync_when_since_is_ahead_of_the_server(live_server: LiveServer) -> None:
    async with operator(live_server, "admin") as op:
        await _toggle(op, 2)
        async with stream(live_server, op.token, since=500) as events:
            last = events.ready["last_seq"]
            frame = await events.frame()
            assert frame == {"type": "resync", "last_seq": last}
            # The client reloads over REST and resumes from the server's last seq.
            await events.resume(last)
            await _toggle(op, 1)
            assert (await events.event())["seq"] == last + 1


async def test_resync_when_since_is_older_than_retention(server_factory: ServerFactory) -> None:
    server = server_factory(event_retention_s=1, event_retention_count=2, retention_interval_s=0.2)
    async with operator(server, "admin") as op:
        await _toggle(op, 6)
        async with stream(server, op.token, since=None) as probe:
            last = probe.ready["last_seq"]
        db = Database(server.settings.database_url)
        try:
            # Wait for the retention job to prune (it runs on its own clock).
            for _ in range(100):
                async with db.read() as session:
                    first = await session.scalar(
                        select(func.min(EventRow.seq)).where(EventRow.agent_id == op.id)
                    )
                if first == last - 1:
                    break
                await asyncio.sleep(0.1)
            assert first == last - 1  # the newest two are kept
        finally:
            await db.dispose()
        async with stream(server, op.token, since=1) as events:
            assert await events.frame() == {"type": "resync", "last_seq": last}
        async with stream(server, op.token, since=last - 2) as events:
            assert await _seqs(events, 2) == [last - 1, last]


async def test_heartbeat_pings(server_factory: ServerFactory) -> None:
    server = server_factory(heartbeat_s=0.2)
    async with operator(server, "admin") as op, stream(server, op.token) as events:
        while events.pings < 3:
            raw = json.loads(await asyncio.wait_for(events.ws.recv(), 2))
            if raw["type"] == "ping":
                events.pings += 1
                assert raw["ts"].endswith("Z")


@pytest.mark.parametrize(
    "first_frame",
    [
        json.dumps({"type": "auth", "token": "not-a-token"}),
        json.dumps({"type": "resume", "since": 0}),
        "not json at all",
        json.dumps(["auth"]),
    ],
)
async def test_bad_auth_closes_with_4401(shared_server: LiveServer, first_frame: str) -> None:
    async with websockets.connect(shared_server.ws_url) as ws:
        await ws.send(first_frame)
        error = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert error["type"] == "error" and error["code"] == "unauthorized"
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401


async def test_silence_instead_of_auth_closes_with_4401(server_factory: ServerFactory) -> None:
    server = server_factory(auth_timeout_s=0.3)
    async with websockets.connect(server.ws_url) as ws:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:
                await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401


async def test_malformed_frames_get_an_error_frame_and_the_stream_goes_on(
    live_server: LiveServer,
) -> None:
    async with operator(live_server, "admin") as op, stream(live_server, op.token) as events:
        bad: list[Any] = [
            "{not json",
            "[1, 2]",
            json.dumps({"type": "dance"}),
            json.dumps({"type": "resume", "since": -1}),
            json.dumps({"type": "resume"}),
            json.dumps({"type": "auth", "token": op.token}),
            b"\xff\xfe",
        ]
        for frame in bad:
            await events.ws.send(frame)
            answer = await events.frame()
            assert answer["type"] == "error", (frame, answer)
            assert answer["code"] == "bad_frame"
        await _toggle(op, 1)
        assert (await events.event("agent.state"))["seq"] >= 1


async def test_events_and_seq_survive_a_restart(live_server: LiveServer) -> None:
    async with operator(live_server, "admin") as op:
        await _toggle(op, 3)
        token = op.token
        async with stream(live_server, token, since=None) as probe:
            last = probe.ready["last_seq"]
    await asyncio.to_thread(live_server.restart)
    async with operator(live_server, "admin") as op:
        # The old token still works: tokens live in the database.
        assert (await op.http.get("/me", headers={"Authorization": f"Bearer {token}"})).is_success
        async with stream(live_server, token, since=last - 2) as events:
            assert events.ready["last_seq"] == last
            assert await _seqs(events, 2) == [last - 1, last]
            await _toggle(op, 1)
            assert (await events.event("agent.state"))["seq"] > last


async def test_a_client_disconnected_by_a_restart_resumes_without_loss(
    live_server: LiveServer,
) -> None:
    async with operator(live_server, "admin") as op:
        token = op.token
        async with stream(live_server, token) as events:
            await _toggle(op, 2)
            seen = await _until_states(events, 2)
            await asyncio.to_thread(live_server.stop)
            with pytest.raises(websockets.ConnectionClosed):
                while True:
                    event = await asyncio.wait_for(events.ws.recv(), 5)
                    seen.append(json.loads(event).get("seq"))
        await asyncio.to_thread(live_server.start)
        await _toggle(op, 2)  # happens while the client is away
        last_applied = max(s for s in seen if s is not None)
        async with stream(live_server, token, since=last_applied) as events:
            after = await _until_states(events, 2)
            assert after[0] == last_applied + 1
            assert after == list(range(after[0], after[0] + len(after)))


async def test_gateway_websocket_refuses_a_wrong_key(shared_server: LiveServer) -> None:
    async with websockets.connect(
        shared_server.gateway_ws_url, additional_headers={"X-Gateway-Key": "wrong"}
    ) as ws:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:
                await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
