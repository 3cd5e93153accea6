"""EventStream against a scripted real websocket peer: order, dedupe, resume, resync,
malformed frames, silence, bad tokens, backoff, stop."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection

from agentdesk.client.stream import Backoff, ConnectionStatus, EventStream
from agentdesk.protocol.events import Event
from tests.client.fake_stream_server import (
    FakeStreamServer,
    event,
    expect_resume,
    fake_stream_server,
    ready,
)
from tests.client.helpers import until

FAST = Backoff(initial=0.01, factor=2.0, cap=0.05)


class Handler:
    def __init__(self) -> None:
        self.applied: list[int] = []
        self.resyncs: list[int] = []
        self.statuses: list[tuple[ConnectionStatus, str]] = []

    async def apply_event(self, event: Event) -> None:
        self.applied.append(event.seq)

    async def resync(self, last_seq: int) -> None:
        self.resyncs.append(last_seq)

    def stream_status(self, status: ConnectionStatus, detail: str) -> None:
        self.statuses.append((status, detail))

    @property
    def status_values(self) -> list[ConnectionStatus]:
        return [s for s, _ in self.statuses]


class Positions:
    def __init__(self, start: int = 0) -> None:
        self.value = start
        self.saved: list[int] = []

    async def load(self) -> int:
        return self.value

    async def save(self, seq: int) -> None:
        self.value = seq
        self.saved.append(seq)


class Tokens:
    def __init__(self) -> None:
        self.forced = 0

    async def __call__(self, *, force_refresh: bool = False) -> str:
        if force_refresh:
            self.forced += 1
        return f"token-{self.forced}"


async def hold(ws: ServerConnection) -> None:
    """Keep the connection open until the client goes."""
    async for _ in ws:
        pass


def make(
    fake: FakeStreamServer, positions: Positions | None = None, **kw: Any
) -> tuple[EventStream, Handler, Positions]:
    handler = Handler()
    positions = positions or Positions()
    kw.setdefault("backoff", FAST)
    stream = EventStream(fake.url, Tokens(), positions, handler, **kw)
    return stream, handler, positions


@pytest.fixture
async def stopper() -> AsyncIterator[list[EventStream]]:
    streams: list[EventStream] = []
    yield streams
    for s in streams:
        await s.stop()


async def test_malformed_frames_are_logged_and_dropped(
    stopper: list[EventStream], caplog: pytest.LogCaptureFixture
) -> None:
    async def script(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(3))
        assert await expect_resume(ws) == 0
        await ws.send(event(1))
        await ws.send("this is not json {")
        await ws.send("[1, 2, 3]")
        await ws.send(json.dumps({"type": "mystery"}))
        await ws.send(event(2, "interaction.offered", bogus=True))  # payload does not parse
        await ws.send(json.dumps({"seq": "two", "type": "queue.stats"}))
        await ws.send(event(2, "queue.stats", queues=[]))
        await ws.send(event(1))  # already applied
        await ws.send(event(3))
        await hold(ws)

    async with fake_stream_server(script) as fake:
        stream, handler, positions = make(fake)
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [1, 2, 3], what="events applied")
        assert positions.saved == [1, 2, 3]
        assert stream.status is ConnectionStatus.CONNECTED
        assert fake.auths == [{"type": "auth", "token": "token-0"}]
        assert fake.connections == 1  # malformed frames did not cost the connection
        assert sum("malformed frame" in r.getMessage() for r in caplog.records) == 5


async def test_reconnect_resumes_after_the_last_applied_seq_and_drops_repeats(
    stopper: list[EventStream],
) -> None:
    resumed: list[int] = []

    async def first(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(2))
        resumed.append(await expect_resume(ws))
        await ws.send(event(1))
        await ws.send(event(2))
        # the connection drops here

    async def second(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(4))
        resumed.append(await expect_resume(ws))
        await ws.send(event(2))  # a server replaying too much must not double-apply
        await ws.send(event(3))
        await ws.send(event(4))
        await hold(ws)

    async with fake_stream_server(first, second) as fake:
        stream, handler, positions = make(fake)
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [1, 2, 3, 4], what="all events")
        assert resumed == [0, 2]
        assert positions.value == 4 == stream.last_seq
        assert ConnectionStatus.RECONNECTING in handler.status_values
        assert handler.status_values[-1] is ConnectionStatus.CONNECTED
        assert stream.connections == 2


async def test_starts_from_the_stored_position(stopper: list[EventStream]) -> None:
    resumed: list[int] = []

    async def script(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(12))
        resumed.append(await expect_resume(ws))
        await ws.send(event(11))
        await ws.send(event(12))
        await hold(ws)

    async with fake_stream_server(script) as fake:
        stream, handler, _ = make(fake, Positions(10))
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [11, 12])
        assert resumed == [10]


async def test_silence_counts_as_a_dead_connection(stopper: list[EventStream]) -> None:
    async def silent(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(0))
        await expect_resume(ws)
        await hold(ws)  # says nothing more

    async with fake_stream_server(silent) as fake:
        stream, handler, _ = make(fake, heartbeat_timeout=0.2)
        stopper.append(stream)
        await stream.start()
        await until(lambda: fake.connections >= 2, what="a reconnect after silence")
        lost = [d for s, d in handler.statuses if s is ConnectionStatus.RECONNECTING]
        assert any("no frame for 0.2 s" in d for d in lost)


async def test_heartbeats_keep_a_quiet_connection_alive(stopper: list[EventStream]) -> None:
    done = asyncio.Event()

    async def pinging(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(0))
        await expect_resume(ws)
        for _ in range(12):  # 0.6 s of pings, three times the silence limit
            await ws.send(json.dumps({"type": "ping", "ts": "2025-03-14T09:30:00Z"}))
            await asyncio.sleep(0.05)
        await ws.send(event(1))
        done.set()
        await hold(ws)

    async with fake_stream_server(pinging) as fake:
        stream, handler, _ = make(fake, heartbeat_timeout=0.2)
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [1])
        assert fake.connections == 1


async def test_resync_reloads_then_continues_from_the_servers_seq(
    stopper: list[EventStream],
) -> None:
    resumed: list[int] = []

    async def script(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(50))
        resumed.append(await expect_resume(ws))
        await ws.send(json.dumps({"type": "resync", "last_seq": 50}))
        resumed.append(await expect_resume(ws))
        await ws.send(event(51))
        await hold(ws)

    async with fake_stream_server(script) as fake:
        stream, handler, positions = make(fake, Positions(60))  # e.g. the server's DB was reset
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [51])
        assert handler.resyncs == [50]
        assert resumed == [60, 50]
        assert positions.saved == [50, 51]


async def test_a_gap_in_seq_reloads_before_applying(stopper: list[EventStream]) -> None:
    async def script(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(3))
        await expect_resume(ws)
        await ws.send(event(1))
        await ws.send(event(3))
        await hold(ws)

    async with fake_stream_server(script) as fake:
        stream, handler, _ = make(fake)
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [1, 3])
        assert handler.resyncs == [2]


async def test_a_refused_token_is_refreshed_once_then_the_stream_gives_up(
    stopper: list[EventStream],
) -> None:
    async def refuse(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.close(4401, "bad token")

    async with fake_stream_server(refuse) as fake:
        stream, handler, _ = make(fake)
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.status_values[-1:] == [ConnectionStatus.OFFLINE])
        assert [a["token"] for a in fake.auths] == ["token-0", "token-1"]
        assert not stream.running


async def test_a_refused_token_then_accepted_after_refresh(stopper: list[EventStream]) -> None:
    async def refuse(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.close(4401, "expired")

    async def accept(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(1))
        await expect_resume(ws)
        await ws.send(event(1))
        await hold(ws)

    async with fake_stream_server(refuse, accept) as fake:
        stream, handler, _ = make(fake)
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [1])
        assert [a["token"] for a in fake.auths] == ["token-0", "token-1"]


async def test_unreachable_server_keeps_retrying_and_stops_cleanly() -> None:
    handler, positions = Handler(), Positions()
    stream = EventStream(
        "ws://127.0.0.1:9/api/v1/events", Tokens(), positions, handler, backoff=FAST
    )
    await stream.start()
    await until(
        lambda: handler.status_values.count(ConnectionStatus.RECONNECTING) >= 3,
        what="several attempts",
    )
    assert handler.status_values[0] is ConnectionStatus.CONNECTING
    await stream.stop()
    assert not stream.running
    assert stream.status is ConnectionStatus.OFFLINE
    assert handler.status_values[-1] is ConnectionStatus.OFFLINE


async def test_stop_closes_a_live_connection() -> None:
    closed = asyncio.Event()

    async def script(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(0))
        await expect_resume(ws)
        await hold(ws)
        closed.set()

    async with fake_stream_server(script) as fake:
        stream, handler, _ = make(fake)
        await stream.start()
        await until(lambda: stream.status is ConnectionStatus.CONNECTED)
        await stream.stop()
        await asyncio.wait_for(closed.wait(), 5)
        assert fake.connections == 1
        assert handler.status_values[-1] is ConnectionStatus.OFFLINE


def test_backoff_is_exponential_capped_and_jittered() -> None:
    b = Backoff(initial=1.0, factor=2.0, cap=8.0, jitter=0.5)
    assert [b.delay(n, lambda: 1.0) for n in range(6)] == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert [b.delay(n, lambda: 0.0) for n in range(5)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    spread = {round(b.delay(2), 6) for _ in range(50)}
    assert len(spread) > 10 and all(2.0 <= d <= 4.0 for d in spread)


async def test_a_failing_reload_is_retried_on_the_next_connection(
    stopper: list[EventStream],
) -> None:
    resumed: list[int] = []

    async def script(ws: ServerConnection, auth: dict[str, Any]) -> None:
        await ws.send(ready(5))
        resumed.append(await expect_resume(ws))
        await ws.send(json.dumps({"type": "resync", "last_seq": 5}))
        resumed.append(await expect_resume(ws))
        await ws.send(event(6))
        await hold(ws)

    class FlakyReload(Handler):
        async def resync(self, last_seq: int) -> None:
            if not self.resyncs:
                self.resyncs.append(-1)
                raise RuntimeError("REST is not answering")  # like NetworkError
            await super().resync(last_seq)

    async with fake_stream_server(script) as fake:
        handler, positions = FlakyReload(), Positions()
        stream = EventStream(fake.url, Tokens(), positions, handler, backoff=FAST)
        stopper.append(stream)
        await stream.start()
        await until(lambda: handler.applied == [6], what="the event after the second reload")
        assert handler.resyncs == [-1, 5]
        assert resumed == [0, 0, 5]  # the failed reload did not move the position
        assert fake.connections == 2


def test_backoff_stays_capped_after_thousands_of_failed_attempts() -> None:
    """Found by the chaos test: after ~1,000 failed reconnects ``factor ** attempt``
    overflowed (OverflowError) and the event stream stopped for good."""
    from agentdesk.client.stream import Backoff as _Backoff

    backoff = _Backoff(initial=0.5, factor=2.0, cap=10.0)
    for attempt in (1023, 1100, 5000, 10**6):
        assert 5.0 <= backoff.delay(attempt, rnd=lambda: 0.5) <= 10.0
