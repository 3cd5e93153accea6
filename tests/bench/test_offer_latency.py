"""Latency from a gateway chat POST to ``interaction.offered`` on the operator's stream.

Baseline in the same run: a bare FastAPI app on uvicorn whose POST broadcasts one frame to a
websocket subscriber — the floor any HTTP-in / websocket-out path on this machine pays.
Run: .venv/bin/python -m pytest tests/bench/test_offer_latency.py -s -o addopts=""
"""

from __future__ import annotations

import asyncio
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


async def measure_offers(base_url: str) -> list[float]:
    samples = []
    ws_url = base_url.replace("http://", "ws://") + "/api/v1/events"
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as http:
        login = (
            await http.post("/api/v1/auth/login", json={"username": "mario", "password": "demo"})
        ).json()
        auth = {"Authorization": f"Bearer {login['access_token']}"}
        gw = {"X-Gateway-Key": KEY}
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
    try:
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
