"""Time from process start to the main window ready with data.

Baseline in the same run: a bare PySide6 main window in a fresh process. Measured: the
desktop signing in to a running backend (live data on screen), its next start painting the
picture the local cache kept (first paint), and the embedded default (backend in-process,
demo seed on a fresh data directory, then a warm start on the same one). Goals as ratios to
the bare window: first paint <= 1.5x, live data <= 3x, embedded warm <= 5x.
Run: .venv/bin/python -m pytest tests/bench/test_startup.py -s -o addopts=""
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from agentdesk.server.config import ServerSettings
from agentdesk.server.embedded import EmbeddedServer
from tests.bench._figures import report

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5


def time_to_ready(args: list[str], marker: str = "READY") -> float:
    t0 = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-m", "tests.bench.startup_probe", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(marker):
                elapsed = (time.perf_counter() - t0) * 1000
                assert "failed" not in line, line
                break
        else:
            raise AssertionError("the probe never got ready")
        proc.stdout.read()
        proc.wait(60)
    return elapsed


@pytest.mark.timeout(1800)
def test_startup(tmp_path: Path) -> None:
    server = EmbeddedServer(
        ServerSettings(
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}",
            demo=True,
            simulate=False,
        )
    )
    server.start()
    try:
        rows = {
            "bare PySide6 window": [time_to_ready(["bare"]) for _ in range(RUNS)],
            "desktop, running backend": [
                time_to_ready(
                    [
                        "desk",
                        "--offscreen",
                        "--server",
                        server.base_url,
                        "--user",
                        "mario",
                        "--password",
                        "demo",
                        "--data-dir",
                        str(tmp_path / f"desk{i}"),
                    ]
                )
                for i in range(RUNS)
            ],
        }
        # A second start with the same data directory paints the cached picture first.
        first = []
        for i in range(RUNS):
            args = ["desk", "--offscreen", "--server", server.base_url, "--user", "mario",
                    "--password", "demo", "--data-dir", str(tmp_path / f"desk{i}")]
            first.append(time_to_ready(args, marker="FIRST"))
        rows["first paint with cached data"] = first
    finally:
        server.stop()
    cold, warm = [], []
    for i in range(RUNS):
        data = tmp_path / f"embedded{i}"
        cold.append(time_to_ready(["desk", "--offscreen", "--data-dir", str(data)]))
        warm.append(time_to_ready(["desk", "--offscreen", "--data-dir", str(data)]))
    rows["embedded default, first run"] = cold
    rows["embedded default, warm"] = warm
    report("process start -> main window ready with data", rows)
