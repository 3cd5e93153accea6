"""The embedded default's server starts on its own thread at the first paint; a quit while it
is still starting stops it all the same (no server left listening)."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import httpx
import pytest

pytest.importorskip("agentdesk.server.embedded")

from agentdesk.gui.embedded_launch import EmbeddedLaunch, free_port


def _bindable(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def test_a_quit_while_the_server_is_starting_still_stops_it(tmp_path: Path) -> None:
    port = free_port(0)
    launch = EmbeddedLaunch(tmp_path / "server.sqlite3", port)
    launch.stop()  # at once: the start is still importing the backend
    assert launch.server is None
    assert _bindable(port)


def test_the_started_server_answers_and_stops(tmp_path: Path) -> None:
    launch = EmbeddedLaunch(tmp_path / "server.sqlite3", free_port(0))
    try:
        server = asyncio.run(launch.wait())
        assert server.base_url == launch.base_url
        answer = httpx.get(f"{launch.base_url}/api/v1/openapi.json", timeout=10)
        assert answer.status_code == 200
    finally:
        launch.stop()
    assert _bindable(launch.port)
