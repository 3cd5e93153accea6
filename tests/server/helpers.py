"""Clients for server tests: an operator over REST, the event stream, the customer's side."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import websockets
from websockets.asyncio.client import ClientConnection

from agentdesk.protocol import API_PREFIX
from tests.conftest import LiveServer


def key() -> str:
    """A fresh idempotency key."""
    return secrets.token_hex(8)


def error_code(response: httpx.Response) -> str:
    """The ``error.code`` of an error answer, checking the error shape on the way."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "details"}, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return str(body["error"]["code"])


class Operator:
    """A signed-in account speaking REST."""

    def __init__(self, server: LiveServer, username: str) -> None:
        self.server = server
        self.username = username
        self.http = httpx.AsyncClient(base_url=server.api_url, timeout=10)
        self.token = ""
        self.profile: dict[str, Any] = {}

    async def login(self, password: str = "demo") -> Operator:
        r = await self.http.post(
            "/auth/login", json={"username": self.username, "password": password}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        self.token = body["access_token"]
        self.profile = body["agent"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"
        return self

    @property
    def id(self) -> str:
        return str(self.profile["id"])

    async def set_state(self, state: str, reason: str | None = None) -> httpx.Response:
        body: dict[str, Any] = {"state": state}
        if reason is not None:
            body["reason"] = reason
        return await self.http.put("/me/state", json=body)

    async def ready(self) -> None:
        r = await self.set_state("ready")
        assert r.status_code == 200, r.text

    async def accept(self, interaction_id: str) -> httpx.Response:
        return await self.http.post(f"/interactions/{interaction_id}/accept")

    async def send(self, interaction_id: str, text: str, idem: str | None = None) -> httpx.Response:
        return await self.http.post(
            f"/interactions/{interaction_id}/messages",
            json={"text": text, "idempotency_key": idem or key()},
        )

    async def wrapup(
        self, interaction_id: str, disposition: str, notes: str = "", resolved: bool = True
    ) -> httpx.Response:
        return await self.http.post(
            f"/interactions/{interaction_id}/wrapup",
            json={
                "disposition": disposition,
                "notes": notes,
                "resolved": resolved,
                "idempotency_key": key(),
            },
        )

    async def close(self) -> None:
        await self.http.aclose()


class Customer:
    """The channel gateway's side of chats."""

    def __init__(self, server: LiveServer) -> None:
        self.http = httpx.AsyncClient(
            base_url=server.api_url,
            headers={"X-Gateway-Key": server.gateway_key or ""},
            timeout=10,
        )

    async def open_chat(
        self, handle: str = "cliente.prova", entry_point: str = "web-lario", text: str = "Salve"
    ) -> str:
        r = await self.http.post(
            "/gateway/chats", json={"from": handle, "entry_point": entry_point, "text": text}
        )
        assert r.status_code == 201, r.text
        return str(r.json()["interaction_id"])

    async def say(self, interaction_id: str, text: str) -> httpx.Response:
        return await self.http.post(
            f"/gateway/chats/{interaction_id}/messages", json={"text": text}
        )

    async def typing(self, interaction_id: str, typing: bool) -> httpx.Response:
        return await self.http.post(
            f"/gateway/chats/{interaction_id}/typing", json={"typing": typing}
        )

    async def end(self, interaction_id: str) -> httpx.Response:
        return await self.http.post(f"/gateway/chats/{interaction_id}/end")

    async def close(self) -> None:
        await self.http.aclose()


class Stream:
    """One authenticated event-stream connection; pings are counted, not returned."""

    def __init__(self, ws: ClientConnection, ready: dict[str, Any]) -> None:
        self.ws = ws
        self.ready = ready
        self.pings = 0

    async def frame(self, within: float = 5.0) -> dict[str, Any]:
        """The next frame that is not a ping (TimeoutError after ``within`` seconds)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - loop.time()))
            obj: dict[str, Any] = json.loads(raw)
            if obj.get("type") == "ping":
                self.pings += 1
                continue
            return obj

    async def event(self, type_: str | None = None, within: float = 5.0) -> dict[str, Any]:
        """The next event (of ``type_`` if given); other events are skipped."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            obj = await self.frame(max(0.01, deadline - loop.time()))
            assert "seq" in obj, obj
            if type_ is None or obj["type"] == type_:
                return obj

    async def resume(self, since: int) -> None:
        await self.ws.send(json.dumps({"type": "resume", "since": since}))


@asynccontextmanager
async def stream(server: LiveServer, token: str, since: int | None = 0) -> AsyncIterator[Stream]:
    """Connect, authenticate, read ``ready``, and resume from ``since`` (None: don't)."""
    async with websockets.connect(server.ws_url, open_timeout=5) as ws:
        await ws.send(json.dumps({"type": "auth", "token": token}))
        ready = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert ready["type"] == "ready", ready
        s = Stream(ws, ready)
        if since is not None:
            await s.resume(since)
        yield s


@asynccontextmanager
async def operator(server: LiveServer, username: str) -> AsyncIterator[Operator]:
    op = await Operator(server, username).login()
    try:
        yield op
    finally:
        await op.close()


@asynccontextmanager
async def customer(server: LiveServer) -> AsyncIterator[Customer]:
    c = Customer(server)
    try:
        yield c
    finally:
        await c.close()


def api(path: str) -> str:
    return API_PREFIX + path


@asynccontextmanager
async def ready_desk(server: LiveServer) -> AsyncIterator[tuple[Operator, Customer, Stream, Any]]:
    """Mario signed in, Ready and on his stream, a customer's side, and the demo's known
    Lario customer (``cus-lario-001``, whose chat handle opens a chat as them)."""
    async with (
        operator(server, "mario") as mario,
        customer(server) as c,
        stream(server, mario.token) as events,
    ):
        known = (await mario.http.get("/customers/cus-lario-001")).json()
        await mario.ready()
        yield mario, c, events, known

