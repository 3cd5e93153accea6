"""Shared fixtures: the real reference backend on a free loopback port.

``live_server`` is a started server with demo data and no simulator; ``server_factory``
makes more (with setting overrides) and each can ``stop()`` and ``restart()`` on the same
port and SQLite file, so tests can cut the connection under a client and bring the same
backend back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest

from agentdesk.protocol import API_PREFIX

TEST_GATEWAY_KEY = "test-gateway-key"

#: Fast clocks for tests; a test that needs others passes overrides.
TEST_SETTINGS: dict[str, Any] = {
    "heartbeat_s": 1.0,
    "offer_timeout_s": 10.0,
    "queue_stats_s": 0.5,
}


class LiveServer:
    """A running :class:`~agentdesk.server.embedded.EmbeddedServer` and how to reach it."""

    def __init__(self, database_url: str, overrides: dict[str, Any]) -> None:
        from agentdesk.server.config import ServerSettings

        values: dict[str, Any] = {
            "database_url": database_url,
            "demo": True,
            "simulate": False,
            "gateway_key": TEST_GATEWAY_KEY,
            **TEST_SETTINGS,
            **overrides,
        }
        self.settings = ServerSettings(**values)
        self.port = 0
        self._server: Any = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def ws_url(self) -> str:
        return self.api_url.replace("http://", "ws://", 1) + "/events"

    @property
    def gateway_ws_url(self) -> str:
        return self.api_url.replace("http://", "ws://", 1) + "/gateway/ws"

    @property
    def gateway_key(self) -> str | None:
        return self.settings.gateway_key

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        from agentdesk.server.embedded import EmbeddedServer

        server = EmbeddedServer(self.settings, port=self.port)
        server.start()
        self.port = server.port
        self._server = server

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.stop()

    def restart(self) -> None:
        """Stop and start again on the same port and database."""
        self.stop()
        self.start()


class ServerFactory(Protocol):
    def __call__(self, *, database_url: str | None = None, **overrides: Any) -> LiveServer: ...


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[ServerFactory]:
    """``server_factory(**settings)`` -> a started LiveServer (own SQLite file unless given)."""
    servers: list[LiveServer] = []

    def make(*, database_url: str | None = None, **overrides: Any) -> LiveServer:
        url = database_url or f"sqlite+aiosqlite:///{tmp_path / f'server{len(servers)}.sqlite3'}"
        server = LiveServer(url, overrides)
        servers.append(server)
        server.start()
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def live_server(server_factory: ServerFactory) -> LiveServer:
    """The demo backend on a free loopback port (no simulator), fresh for this test."""
    return server_factory()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One demo backend for a whole module, for tests that change nothing they depend on."""
    path = tmp_path_factory.mktemp("shared") / "server.sqlite3"
    server = LiveServer(f"sqlite+aiosqlite:///{path}", {})
    server.start()
    yield server
    server.stop()


def login(base_url: str, username: str, password: str = "demo") -> str:
    """An access token for a demo account (blocking; for set-up code)."""
    r = httpx.post(
        f"{base_url}{API_PREFIX}/auth/login",
        json={"username": username, "password": password},
        timeout=10,
    )
    r.raise_for_status()
    return str(r.json()["access_token"])


async def alogin(client: httpx.AsyncClient, username: str, password: str = "demo") -> str:
    """An access token for a demo account, with an async client already on the server."""
    r = await client.post(
        f"{API_PREFIX}/auth/login", json={"username": username, "password": password}
    )
    r.raise_for_status()
    return str(r.json()["access_token"])
