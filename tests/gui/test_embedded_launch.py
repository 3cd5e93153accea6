"""The embedded default's server starts as a child process at the first paint; a quit while
it is still starting stops it all the same (no process left, no server left listening)."""

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
    launch.stop()  # at once: the child is still importing the backend
    assert launch.process is not None
    assert launch.process.poll() is not None  # it has ended
    assert not launch.ready
    assert _bindable(port)


def test_the_started_server_answers_and_stops(tmp_path: Path) -> None:
    launch = EmbeddedLaunch(tmp_path / "server.sqlite3", free_port(0))
    try:
        server = asyncio.run(launch.wait())
        assert server.base_url == launch.base_url
        assert launch.ready
        answer = httpx.get(f"{launch.base_url}/api/v1/openapi.json", timeout=10)
        assert answer.status_code == 200
    finally:
        launch.stop()
    assert launch.process is not None
    assert launch.process.poll() is not None
    assert _bindable(launch.port)
