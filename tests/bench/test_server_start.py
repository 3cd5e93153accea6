"""Start-up of the embedded server's child process on a warm database, as the desktop runs it.

Each sample spawns ``python -m agentdesk.server --child ...`` with the command line the
desktop uses (:func:`agentdesk.gui.embedded_launch.server_command`: demo, simulator,
warning log) on a database an earlier, unmeasured start created and seeded, and times from
the spawn to (a) the ready line on its stdout and (b) the answers to the desktop's sign-in
round trips, one after the other: POST /auth/login (mario/demo), GET /me, GET
/interactions, and the event stream's ``auth`` frame answered by ``ready``.

Baseline in the same run, interleaved sample by sample: ``tests.bench.bare_server``, a
FastAPI app with constant answers to the same four requests on uvicorn, with SQLAlchemy's
asyncio layer imported, started and announced the same way: the floor of this architecture.
``AGENTDESK_BENCH_OTHER=/path/to/another/checkout`` adds that checkout's server as a third
row, interleaved too (an A/B of two versions in one run).
Run: .venv/bin/python -m pytest tests/bench/test_server_start.py -s -o addopts=""
"""

from __future__ import annotations

import compileall
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect

from agentdesk.gui.embedded_launch import READY, server_command
from tests.bench._figures import report

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7


@dataclass
class Sample:
    ready_ms: float
    signed_in_ms: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sign_in(base: str) -> None:
    """The desktop's sign-in round trips, in its order."""
    with httpx.Client(base_url=f"{base}/api/v1", timeout=30) as http:
        login = http.post("/auth/login", json={"username": "mario", "password": "demo"})
        assert login.status_code == 200, login.text
        token = login.json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        me = http.get("/me")
        assert me.status_code == 200, me.text
        mine = http.get("/interactions")
        assert mine.status_code == 200, mine.text
    with connect(f"ws://{base.removeprefix('http://')}/api/v1/events", open_timeout=30) as ws:
        ws.send(json.dumps({"type": "auth", "token": token}))
        answer = json.loads(ws.recv(30))
        assert answer["type"] == "ready", answer


def spawn(command: list[str], root: Path, *, signed_in: bool = True) -> Sample:
    """One start of ``command`` (cwd and first on the path: ``root``), stopped after."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        with subprocess.Popen(
            command, cwd=root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err
        ) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            try:
                line = proc.stdout.readline().decode()
                ready = time.perf_counter()
                if not line.startswith(READY):
                    err.seek(0)
                    log = err.read().decode()[-3000:]
                    raise AssertionError(f"no ready line: {line!r}\n{log}")
                if signed_in:
                    sign_in(line.split()[1])
                done = time.perf_counter()
            finally:
                proc.stdin.close()
                proc.wait(30)
    return Sample((ready - t0) * 1000, (done - t0) * 1000)


def server(database: Path, port: int) -> list[str]:
    return server_command(database, port, simulate=True, log_level="warning")


@pytest.mark.timeout(1800)
def test_server_start(tmp_path: Path) -> None:
    trees = {"agentdesk server (warm db)": ROOT}
    other = os.environ.get("AGENTDESK_BENCH_OTHER")
    if other:
        trees[f"other tree {other}"] = Path(other).resolve()
    for root in trees.values():
        # As installed: the modules compiled once, not at every start.
        compileall.compile_dir(root / "agentdesk", quiet=1)
        compileall.compile_dir(root / "tests" / "bench", quiet=1)
    databases = {name: tmp_path / f"server{i}.sqlite3" for i, name in enumerate(trees)}
    for name, root in trees.items():  # the first start creates and seeds (not measured)
        first = spawn(server(databases[name], free_port()), root, signed_in=False)
        print(f"\n{name}: first start (creates and seeds) ready in {first.ready_ms:.0f} ms")
    bare = [sys.executable, "-m", "tests.bench.bare_server", "--port"]
    samples: dict[str, list[Sample]] = {"bare FastAPI+uvicorn child": []}
    for _ in range(RUNS):
        samples["bare FastAPI+uvicorn child"].append(spawn([*bare, str(free_port())], ROOT))
        for name, root in trees.items():
            samples.setdefault(name, []).append(spawn(server(databases[name], free_port()), root))
    report(
        "spawn -> ready line on stdout",
        {name: [s.ready_ms for s in rows] for name, rows in samples.items()},
    )
    report(
        "spawn -> sign-in answered (login, /me, /interactions, stream auth)",
        {name: [s.signed_in_ms for s in rows] for name, rows in samples.items()},
    )
    print("\nsamples in run order (ready / signed in, ms):")
    for name, rows in samples.items():
        cells = "  ".join(f"{s.ready_ms:.0f}/{s.signed_in_ms:.0f}" for s in rows)
        print(f"  {name:34} {cells}")
