"""Latency from a gateway chat POST to ``interaction.offered`` on the operator's stream.

Baseline in the same run: a bare FastAPI app on uvicorn whose POST broadcasts one frame to a
websocket subscriber — the floor any HTTP-in / websocket-out path on this machine pays.
Run: .venv/bin/python -m pytest tests/bench/test_offer_latency.py -s -o addopts=""

``OFFER_BENCH_TRACE=1`` also prints what overlapped the slowest chats: the garbage
collector's passes and the event loops' callbacks that ran longer than 2 ms (the figures are
then those of a traced run).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
import websockets
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

from agentdesk.server.config import ServerSettings
from agentdesk.server.embedded import EmbeddedServer
from tests.bench._figures import report

N = 200
KEY = "bench-gateway-key"
TRACE = bool(os.environ.get("OFFER_BENCH_TRACE"))
SLOW_CALLBACK_S = 0.002


class Trace:
    """What ran while each chat was timed (``OFFER_BENCH_TRACE``): collector passes and long
    event-loop callbacks, in any thread of the process (the server's runs here too)."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float, str]] = []
        self.windows: list[tuple[float, float]] = []
        self._gc_started: dict[int, float] = {}

    def __enter__(self) -> Trace:
        gc.callbacks.append(self._on_gc)
        run = self._run = asyncio.events.Handle._run
        spans = self.spans

        def timed(handle: asyncio.events.Handle) -> None:
            t = time.perf_counter()
            run(handle)
            if (d := time.perf_counter() - t) > SLOW_CALLBACK_S:
                cb = getattr(handle, "_callback", None)
                task = getattr(cb, "__self__", None)
                what = task.get_name() if isinstance(task, asyncio.Task) else repr(cb)[:60]
                spans.append((t, t + d, f"{threading.current_thread().name[:16]}: {what}"))

        asyncio.events.Handle._run = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._on_gc)
        asyncio.events.Handle._run = self._run  # type: ignore[method-assign]

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        me = threading.get_ident()
        if phase == "start":
            self._gc_started[me] = time.perf_counter()
        elif (t := self._gc_started.pop(me, None)) is not None:
            self.spans.append((t, time.perf_counter(), f"gc generation {info['generation']}"))

    def print_slowest(self, k: int = 6) -> None:
        ranked = sorted(self.windows, key=lambda w: w[0] - w[1])[:k]
        for start, end in ranked:
            print(f"\n{(end - start) * 1000:.1f} ms:")
            for s, e, what in sorted(self.spans):
                if s < end and e > start:
                    print(f"  +{(s - start) * 1000:6.1f} ms {(e - s) * 1000:6.1f} ms  {what}")


def bare_broadcast_app() -> FastAPI:
    app = FastAPI()
    subscribers: set[asyncio.Queue[str]] = set()

    @app.post("/push")
    async def push(body: dict[str, str]) -> dict[str, bool]:
        for queue in subscribers:
            queue.put_nowait(json.dumps(body))
        return {"ok": True}

    @app.websocket("/ws")
    async def ws(socket: WebSocket) -> None:
        await socket.accept()
        queue: asyncio.Queue[str] = asyncio.Queue()
        subscribers.add(queue)
        try:
            while True:
                await socket.send_text(await queue.get())
        except WebSocketDisconnect:
            pass
        finally:
            subscribers.discard(queue)

    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThreadedUvicorn:
    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadedUvicorn:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


async def measure_bare(port: int) -> list[float]:
    samples = []
    async with (
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http,
        websockets.connect(f"ws://127.0.0.1:{port}/ws") as ws,
    ):
        for i in range(N):
            t0 = time.perf_counter()
            post = asyncio.create_task(http.post("/push", json={"i": str(i)}))
            await ws.recv()
            samples.append((time.perf_counter() - t0) * 1000)
            await post
    return samples


async def measure_offers(base_url: str, trace: Trace | None = None) -> list[float]:
    samples = []
    ws_url = base_url.replace("http://", "ws://") + "/api/v1/events"
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as http:
        login = (
            await http.post("/api/v1/auth/login", json={"username": "mario", "password": "demo"})
        ).json()
        auth = {"Authorization": f"Bearer {login['access_token']}"}
        gw = {"X-Gateway-Key": KEY}
        # The server answers the sign-in before the rest of its start (routers, jobs) is
        # done; a request outside the sign-in waits for that. Wait here, so the timed chats
        # measure a started server (tests/bench/test_server_start.py times the start).
        r = await http.get("/api/v1/canned-responses", headers=auth)
        assert r.status_code == 200, r.text
        r = await http.put("/api/v1/me/state", json={"state": "ready"}, headers=auth)
        assert r.status_code == 200, r.text
        async with websockets.connect(ws_url) as ws:
            await ws.send(json.dumps({"type": "auth", "token": login["access_token"]}))
            ready = json.loads(await ws.recv())
            await ws.send(json.dumps({"type": "resume", "since": ready["last_seq"]}))
            for i in range(N):
                t0 = time.perf_counter()
                post = asyncio.create_task(
                    http.post(
                        "/api/v1/gateway/chats",
                        headers=gw,
                        json={
                            "from": f"bench.customer.{i}",
                            "entry_point": "web-lario",
                            "text": "Buongiorno, ho una domanda sulla bolletta.",
                        },
                    )
                )
                while True:
                    frame = json.loads(await ws.recv())
                    if frame.get("type") == "interaction.offered":
                        break
                samples.append((time.perf_counter() - t0) * 1000)
                if trace is not None:
                    trace.windows.append((t0, t0 + samples[-1] / 1000))
                iid = (await post).json()["interaction_id"]
                assert frame["data"]["interaction"]["id"] == iid
                # Free the slot as an operator would, outside the timed window.
                for step in ("accept", "hangup"):
                    r = await http.post(f"/api/v1/interactions/{iid}/{step}", headers=auth)
                    assert r.status_code == 200, r.text
                r = await http.post(
                    f"/api/v1/interactions/{iid}/wrapup",
                    headers=auth,
                    json={
                        "disposition": "altro",
                        "notes": "",
                        "resolved": True,
                        "idempotency_key": f"bench-wrapup-{iid}",
                    },
                )
                assert r.status_code == 200, r.text
    return samples


@pytest.mark.timeout(900)
def test_offer_latency(tmp_path: Path) -> None:
    load_before = os.getloadavg()[0]
    with ThreadedUvicorn(bare_broadcast_app()) as bare:
        baseline = asyncio.run(measure_bare(bare.port))
    server = EmbeddedServer(
        ServerSettings(
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'bench.sqlite3'}",
            demo=True,
            simulate=False,
            gateway_key=KEY,
        )
    )
    server.start()
    trace = Trace() if TRACE else None
    try:
        if trace is not None:
            with trace:
                offers = asyncio.run(measure_offers(server.base_url, trace))
        else:
            offers = asyncio.run(measure_offers(server.base_url))
    finally:
        server.stop()
    # the machine is shared: say how busy it was (1-minute load average, before and after)
    load = f"load {load_before:.1f} -> {os.getloadavg()[0]:.1f}"
    report(
        f"gateway chat POST -> event on the stream, {N} chats, {load}",
        {
            "bare FastAPI POST -> ws broadcast": baseline,
            "chat POST -> interaction.offered": offers,
        },
    )
    if trace is not None:
        trace.print_slowest()
