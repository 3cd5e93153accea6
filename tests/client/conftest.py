"""Client test fixtures: the real reference server on a loopback port (restartable on the
same port and database), a gateway for the customer's side, an in-memory keyring."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest

from agentdesk.client.cache import LocalCache
from agentdesk.client.rest import ApiClient
from agentdesk.client.stream import Backoff
from tests.client.helpers import MemoryKeyring


class LiveServer:
    """The shared ``tests.conftest.LiveServer`` driven from async tests.

    Starting and stopping run in a worker thread, so the test's event loop (and the client
    on it) keeps running while uvicorn starts or drains its connections. ``stop`` and
    ``start`` keep the port and the database.
    """

    def __init__(self, database_url: str, overrides: dict[str, Any]) -> None:
        from tests.conftest import LiveServer as SharedLiveServer

        self.shared = SharedLiveServer(database_url, overrides)

    @property
    def port(self) -> int:
        return self.shared.port

    @property
    def base_url(self) -> str:
        return self.shared.base_url

    @property
    def gateway_key(self) -> str:
        return self.shared.gateway_key or ""

    @property
    def running(self) -> bool:
        return self.shared.running

    async def start(self) -> None:
        await asyncio.to_thread(self.shared.start)

    async def stop(self) -> None:
        await asyncio.to_thread(self.shared.stop)


@pytest.fixture
async def live_factory(tmp_path: Path) -> AsyncIterator[Any]:
    """``await live_factory(**settings)`` -> a started LiveServer, stopped at teardown."""
    pytest.importorskip("agentdesk.server.embedded")
    servers: list[LiveServer] = []

    async def make(**overrides: Any) -> LiveServer:
        db = tmp_path / f"server{len(servers)}.sqlite3"
        live = LiveServer(f"sqlite+aiosqlite:///{db}", overrides)
        servers.append(live)
        await live.start()
        return live

    yield make
    for live in servers:
        await live.stop()


@pytest.fixture
async def live(live_factory: Any) -> LiveServer:
    server: LiveServer = await live_factory()
    return server


@pytest.fixture
async def api(live: LiveServer) -> AsyncIterator[ApiClient]:
    client = ApiClient(live.base_url, timeout=5.0, retries=2, retry_wait=0.05)
    yield client
    await client.aclose()


@pytest.fixture
async def cache(tmp_path: Path) -> AsyncIterator[LocalCache]:
    local = LocalCache(tmp_path / "client-cache.sqlite3")
    yield local
    await local.aclose()


@pytest.fixture
def fast_backoff() -> Backoff:
    return Backoff(initial=0.05, factor=2.0, cap=0.5)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """No OS secret service here: the real CredentialStore runs on an in-memory backend."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class Gateway:
    """The customer's side, through the real gateway API."""

    def __init__(self, base_url: str, key: str) -> None:
        self.http = httpx.AsyncClient(
            base_url=f"{base_url}/api/v1/gateway",
            headers={"X-Gateway-Key": key},
            timeout=10.0,
        )

    async def open_chat(
        self, text: str, handle: str = "test.cliente@chat", entry_point: str = "web-lario"
    ) -> str:
        r = await self.http.post(
            "/chats", json={"from": handle, "entry_point": entry_point, "text": text}
        )
        assert r.status_code < 300, r.text
        return str(r.json()["interaction_id"])

    async def say(self, interaction_id: str, text: str) -> None:
        r = await self.http.post(f"/chats/{interaction_id}/messages", json={"text": text})
        assert r.status_code < 300, r.text

    async def end(self, interaction_id: str) -> None:
        r = await self.http.post(f"/chats/{interaction_id}/end")
        assert r.status_code < 300, r.text

    async def aclose(self) -> None:
        await self.http.aclose()


@pytest.fixture
async def gateway(live: LiveServer) -> AsyncIterator[Gateway]:
    g = Gateway(live.base_url, live.gateway_key)
    yield g
    await g.aclose()


@dataclass
class Desk:
    """One desktop: its own ApiClient, LocalCache file and Session, with a Recorder."""

    api: ApiClient
    cache: LocalCache
    session: Any
    recorder: Any

    async def close(self) -> None:
        await self.session.stop()
        await self.api.aclose()
        await self.cache.aclose()


@pytest.fixture
async def desk_factory(tmp_path: Path, fast_backoff: Backoff) -> AsyncIterator[Any]:
    """``await desk_factory(live, cache_path=None, **session_kw)`` -> a Desk (not started)."""
    from agentdesk.client.session import Session
    from tests.client.helpers import Recorder

    desks: list[Desk] = []

    async def make(live: LiveServer, cache_path: Path | None = None, **kw: Any) -> Desk:
        kw.setdefault("backoff", fast_backoff)
        api = ApiClient(live.base_url, timeout=5.0, retries=2, retry_wait=0.05)
        cache = LocalCache(cache_path or tmp_path / "client-cache.sqlite3")
        recorder = Recorder()
        desk = Desk(api, cache, Session(api, cache, recorder, **kw), recorder)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        await desk.close()
