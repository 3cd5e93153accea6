"""The embedded default's server is a child process of the desktop, and never outlives it.

Real processes throughout: the app (``agentdesk.app.main``) in a fresh process, offscreen,
starting its server the way ``scripts/run`` does; the server's pid and its liveness are read
from ``/proc`` (Linux).
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from agentdesk.gui.embedded_launch import READY, EmbeddedLaunch, EmbeddedServerError
from agentdesk.protocol import API_PREFIX

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads process state from /proc (Linux)"
)

STARTING = re.compile(r"embedded server starting as process (\d+) on port (\d+)")
SERVING = re.compile(r"embedded server ready on (http://127\.0\.0\.1:\d+) \(process (\d+)\)")
#: Generous bounds for a loaded 2-core machine: they stop a hung test, they time nothing.
START_LIMIT_S = 120.0


class RunningApp:
    """The desktop in a process of its own, its log (stderr) read line by line meanwhile."""

    def __init__(self, args: list[str]) -> None:
        # On its way out it prints which of the server's modules the desktop had loaded.
        loaded = "sorted(m for m in sys.modules if m.startswith('agentdesk.server'))"
        code = (
            f"import json, sys; from agentdesk.app import main; code = main({args!r}); "
            f"print(json.dumps({loaded})); sys.exit(code)"
        )
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_AUDIO": "null"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self._new: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))
            self._new.put(line)
        self._new.put(None)

    def wait_for(self, pattern: re.Pattern[str], limit_s: float = START_LIMIT_S) -> re.Match[str]:
        """The first log line matching ``pattern`` (from the start of the log)."""
        deadline = time.monotonic() + limit_s
        seen = 0
        while True:
            for line in self.lines[seen:]:
                if found := pattern.search(line):
                    return found
            seen = len(self.lines)
            try:
                if self._new.get(timeout=max(0.01, deadline - time.monotonic())) is None:
                    raise AssertionError(f"the app ended before {pattern.pattern!r}:\n{self.log}")
            except queue.Empty:
                raise AssertionError(
                    f"no {pattern.pattern!r} within {limit_s:g} s:\n{self.log}"
                ) from None

    def wait(self, limit_s: float = 60.0) -> int:
        return self.process.wait(limit_s)

    def server_modules(self) -> list[str]:
        """Once it has ended: the server's modules the desktop process had imported."""
        assert self.process.stdout is not None
        modules: list[str] = json.loads(self.process.stdout.read())
        return modules

    @property
    def log(self) -> str:
        return "\n".join(self.lines[-60:])

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(30)
        self._reader.join(30)
        for pipe in (self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def apps() -> Iterator[list[RunningApp]]:
    started: list[RunningApp] = []
    yield started
    for app in started:
        app.kill()


def status_field(pid: int, name: str) -> str | None:
    """A field of ``/proc/<pid>/status``; None when the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    for line in text.splitlines():
        if line.startswith(name + ":"):
            return line.split(":", 1)[1].strip()
    return None


def alive(pid: int) -> bool:
    """Running (a zombie nobody reaped yet has ended: its parent is gone too)."""
    state = status_field(pid, "State")
    return state is not None and not state.startswith("Z")


def wait_until_gone(pid: int, limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    while alive(pid):
        assert time.monotonic() < deadline, f"process {pid} still runs {limit_s:g} s later"
        time.sleep(0.05)


def test_the_embedded_default_serves_from_a_child_process_that_quitting_stops(
    tmp_path: Path, apps: list[RunningApp]
) -> None:
    app = RunningApp(["--offscreen", "--data-dir", str(tmp_path / "data"), "--log-level", "DEBUG"])
    apps.append(app)
    url, pid = app.wait_for(SERVING).groups()
    server_pid = int(pid)
    assert server_pid != app.process.pid
    assert status_field(server_pid, "PPid") == str(app.process.pid)  # the desktop's child
    # It serves the demo centre: another demo account signs in on it.
    with httpx.Client(base_url=url + API_PREFIX, timeout=30) as http:
        login = http.post("/auth/login", json={"username": "luca", "password": "demo"})
        assert login.status_code == 200, login.text
        token = login.json()["access_token"]
        me = http.get("/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200, me.text
        assert me.json()["username"] == "luca"
    # The desktop signed mario in against it, and the server's own log lines (at DEBUG:
    # uvicorn's access log) are in the desktop's log.
    app.wait_for(re.compile(r"event stream ready"))
    app.wait_for(re.compile(r"uvicorn\.access: .*POST /api/v1/auth/login"))

    app.process.send_signal(signal.SIGINT)  # Ctrl+C in the terminal: the desktop quits
    assert app.wait() == 0, app.log
    assert not alive(server_pid), "the server outlived the desktop"
    assert any(f"embedded server (process {server_pid}) stopped" in line for line in app.lines)
    assert app.server_modules() == []  # the desktop's memory holds the desk only


@pytest.mark.parametrize("moment", ["while it starts", "once it serves"])
def test_killing_the_desktop_stops_its_embedded_server(
    tmp_path: Path, apps: list[RunningApp], moment: str
) -> None:
    app = RunningApp(["--offscreen", "--data-dir", str(tmp_path / "data")])
    apps.append(app)
    server_pid = int(app.wait_for(STARTING).group(1))
    if moment == "once it serves":
        app.wait_for(SERVING)
    assert alive(server_pid)
    app.process.kill()  # SIGKILL: no clean-up of any kind in the desktop
    app.wait()
    wait_until_gone(server_pid)


def test_a_damaged_database_is_reported_with_the_servers_own_reason(
    tmp_path: Path, apps: list[RunningApp]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "server.sqlite3").write_bytes(b"not a database, " * 100)
    app = RunningApp(["--offscreen", "--data-dir", str(data), "--lang", "en"])
    apps.append(app)
    failed = app.wait_for(re.compile(r"the embedded server did not start \(exit code \d+\): (.*)"))
    assert "file is not a database" in failed.group(1)
    # What the status line tells the operator (the desk logs it too).
    shown = app.wait_for(re.compile(r"start-up failed: (The local demo server did not start: .*)"))
    assert "file is not a database" in shown.group(1)
    app.process.send_signal(signal.SIGINT)
    assert app.wait() == 1, app.log  # the start failed: the exit code says so


def test_a_taken_port_is_reported_with_the_servers_own_reason(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        launch = EmbeddedLaunch(tmp_path / "server.sqlite3", port, simulate=False)
        try:
            with pytest.raises(EmbeddedServerError) as failed:
                launch.wait_blocking(START_LIMIT_S)
        finally:
            launch.stop()
    assert f"cannot listen on 127.0.0.1:{port}" in failed.value.reason


def test_the_ready_line_is_the_one_the_server_prints() -> None:
    from agentdesk.server import cli

    assert READY == cli.READY
