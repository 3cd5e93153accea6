"""The start in two steps: the sign-in is served first, everything else once the rest of the
start (the other routers, the knowledge base, the jobs) is done, and never half-started."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import websockets

from agentdesk.server import app as server_app
from agentdesk.server.config import ServerSettings
from tests.conftest import LiveServer, ServerFactory
from tests.server.helpers import customer, stream

HOLD_S = 0.5  # how long a request is given to (wrongly) get through while the start is held


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The start's second step waits for this event (its imports run on a worker thread)."""
    release = threading.Event()
    original = server_app._import_the_rest

    def waiting(simulate: bool) -> Any:
        release.wait(30)
        return original(simulate)

    monkeypatch.setattr(server_app, "_import_the_rest", waiting)
    yield release
    release.set()


async def sign_in(server: LiveServer) -> tuple[httpx.AsyncClient, dict[str, Any]]:
    """The desktop's sign-in: log in, the profile, the interactions, the event stream, and
    the embedded demo's "start the day Ready"."""
    http = httpx.AsyncClient(base_url=server.api_url, timeout=10)
    r = await http.post("/auth/login", json={"username": "mario", "password": "demo"})
    assert r.status_code == 200, r.text
    http.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    me = await http.get("/me")
    assert me.status_code == 200 and me.json()["username"] == "mario", me.text
    mine = await http.get("/interactions")
    assert mine.status_code == 200 and "items" in mine.json(), mine.text
    async with websockets.connect(server.ws_url, open_timeout=5) as ws:
        token = http.headers["Authorization"].removeprefix("Bearer ")
        await ws.send(json.dumps({"type": "auth", "token": token}))
        ready = json.loads(await asyncio.wait_for(ws.recv(), 5))
    assert ready["type"] == "ready", ready
    state = await http.put(
        "/me/state", json={"state": "ready"}, headers={"Idempotency-Key": "start-the-day"}
    )
    assert state.status_code == 200 and state.json()["state"] == "ready", state.text
    return http, me.json()


async def test_the_sign_in_is_answered_while_the_rest_starts_and_the_rest_waits_for_it(
    server_factory: ServerFactory, held: threading.Event
) -> None:
    server = server_factory()
    http, _ = await sign_in(server)  # answered with the rest of the start held
    try:
        # A route of a router not included yet: held until it is, never a 404.
        kpis = asyncio.create_task(http.get("/kpis/me"))
        canned = asyncio.create_task(http.get("/canned-responses"))
        done, _pending = await asyncio.wait([kpis, canned], timeout=HOLD_S)
        assert not done, [t.result() for t in done]
        token = http.headers["Authorization"].removeprefix("Bearer ")
        async with stream(server, token) as events, customer(server) as side:
            chat = asyncio.create_task(side.open_chat())
            held.set()
            assert (await kpis).status_code == 200, (await kpis).text
            assert (await canned).status_code == 200, (await canned).text
            # Ready since the first step: the router, started in the second, offers him
            # the new chat.
            offered = await events.event("interaction.offered", within=10)
            assert offered["data"]["interaction"]["id"] == await chat, offered
    finally:
        await http.aclose()


async def test_a_failed_start_is_answered_with_its_reason_and_the_sign_in_still_works(
    server_factory: ServerFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(simulate: bool) -> Any:
        raise RuntimeError("the knowledge base's index is unreadable")

    monkeypatch.setattr(server_app, "_import_the_rest", broken)
    server = server_factory()
    http, _ = await sign_in(server)
    try:
        r = await http.get("/kpis/me")
        assert r.status_code == 500, r.text
        error = r.json()["error"]
        assert error["code"] == "internal_error"
        assert "the knowledge base's index is unreadable" in error["message"]
    finally:
        await http.aclose()


async def test_the_routers_included_later_are_in_the_place_they_always_had(
    server_factory: ServerFactory,
) -> None:
    # The OpenAPI schema lists the routes in the order they are matched: the served app's
    # (routers included once it listened) is the one of an app built with all of them.
    server = server_factory()
    async with httpx.AsyncClient(base_url=server.api_url, timeout=10) as http:
        served = (await http.get("/openapi.json")).json()
    whole = server_app.create_app(ServerSettings(database_url="sqlite+aiosqlite://")).openapi()
    assert list(served["paths"]) == list(whole["paths"])
    assert served == whole
