"""Voice test parts: a phone customer through the gateway, an operator's softphone leg."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import websockets

from tests.conftest import LiveServer
from tests.server.helpers import Operator
from tests.voicepeer import VoicePeer

LARIO_NUMBER = "+39 031 555 0100"
#: Test tones: each party speaks its own frequency.
CUSTOMER_HZ, MARIO_HZ, ANNA_HZ, LUCA_HZ = 850.0, 1100.0, 1500.0, 1900.0
#: Time for a change on the bridge to reach every ear (jitter buffers, one mix tick).
SETTLE_S = 0.4


class PhoneCustomer:
    """The channel gateway with one customer's WebRTC leg."""

    def __init__(self, server: LiveServer, hz: float = CUSTOMER_HZ) -> None:
        self.http = httpx.AsyncClient(
            base_url=server.api_url,
            headers={"X-Gateway-Key": server.gateway_key or ""},
            timeout=15,
        )
        self.peer = VoicePeer(hz)
        self.interaction_id = ""

    async def call(self, to: str = LARIO_NUMBER, from_: str = "+39 333 000 1111") -> str:
        r = await self.http.post(
            "/gateway/calls", json={"from": from_, "to": to, "sdp": await self.peer.offer()}
        )
        assert r.status_code == 201, r.text
        body = r.json()
        await self.peer.answer(body["sdp"])
        self.interaction_id = str(body["interaction_id"])
        return self.interaction_id

    async def hangup(self) -> httpx.Response:
        return await self.http.post(f"/gateway/calls/{self.interaction_id}/hangup")

    async def close(self) -> None:
        await self.peer.close()
        await self.http.aclose()


class Softphone:
    """An operator's leg driven over REST, as the desktop does."""

    def __init__(self, op: Operator, hz: float) -> None:
        self.op = op
        self.peer = VoicePeer(hz)

    async def connect(self, interaction_id: str) -> None:
        r = await self.op.http.post(
            f"/interactions/{interaction_id}/media",
            json={"type": "offer", "sdp": await self.peer.offer()},
        )
        assert r.status_code == 200, r.text
        assert r.json()["type"] == "answer"
        await self.peer.answer(r.json()["sdp"])

    async def answer(self, interaction_id: str) -> None:
        r = await self.op.accept(interaction_id)
        assert r.status_code == 200, r.text
        await self.connect(interaction_id)

    async def post(self, interaction_id: str, action: str, body: Any = None) -> httpx.Response:
        return await self.op.http.post(f"/interactions/{interaction_id}/{action}", json=body)

    async def close(self) -> None:
        await self.peer.close()


@asynccontextmanager
async def phone_customer(server: LiveServer) -> AsyncIterator[PhoneCustomer]:
    c = PhoneCustomer(server)
    try:
        yield c
    finally:
        await c.close()


@asynccontextmanager
async def softphone(op: Operator, hz: float) -> AsyncIterator[Softphone]:
    s = Softphone(op, hz)
    try:
        yield s
    finally:
        await s.close()


async def hear_all(*peers: VoicePeer, seconds: float = 1.0) -> list[Any]:
    """What each peer hears over the same ``seconds`` (after letting a change settle)."""
    await asyncio.sleep(SETTLE_S)
    return list(await asyncio.gather(*(p.listen(seconds) for p in peers)))


@asynccontextmanager
async def gateway_events(server: LiveServer) -> AsyncIterator[list[dict[str, Any]]]:
    """Collect the gateway websocket's frames (pings left out)."""
    frames: list[dict[str, Any]] = []
    connected = asyncio.Event()

    async def listen() -> None:
        async with websockets.connect(
            server.gateway_ws_url,
            additional_headers={"X-Gateway-Key": server.gateway_key or ""},
        ) as ws:
            connected.set()
            async for raw in ws:
                frame = json.loads(raw)
                if frame.get("type") != "ping":
                    frames.append(frame)

    task = asyncio.create_task(listen())
    await asyncio.wait_for(connected.wait(), 5)
    try:
        yield frames
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
