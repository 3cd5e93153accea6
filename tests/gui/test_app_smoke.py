"""The whole desktop on its embedded default, headless, as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytest.importorskip("agentdesk.server.embedded")
pytest.importorskip("agentdesk.client.session")


def run_app(args: list[str]) -> subprocess.CompletedProcess[str]:
    """``agentdesk.app.main(args)`` in a fresh process, offscreen; its output captured."""
    code = f"import sys; from agentdesk.app import main; sys.exit(main({args!r}))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, timeout=90, env=env, check=False,
    )  # fmt: skip


def test_embedded_default_writes_a_populated_screenshot(tmp_path: Path, qapp: object) -> None:
    shot = tmp_path / "shot.png"
    result = run_app(
        ["--offscreen", "--screenshot", str(shot), "--quit-after", "12", "--demo-autopilot",
         "--data-dir", str(tmp_path / "data"), "--lang", "en"]
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert shot.exists()
    assert shot.stat().st_size > 50_000  # a real, busy window, not an empty frame
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)
    # many distinct colours: text, bubbles, brand colours — not a blank window
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)
    }
    assert len(colours) > 40


def test_a_warm_embedded_start_finds_the_operator_still_ready(tmp_path: Path, qapp: object) -> None:
    """The second start on the same data directory: the server remembers the operator as
    Ready from the first run, and the start-up does not fail asking for Ready again. The
    chat the first run accepted is on screen from the cache before the sign-in; its script
    and hints are asked for once signed in, not refused (401) and then never shown."""
    data = tmp_path / "data"
    args = ["--offscreen", "--screenshot", str(tmp_path / "s.png"), "--quit-after", "8",
            "--demo-autopilot", "--data-dir", str(data)]  # fmt: skip
    for run in ("first", "warm"):
        result = run_app(args)
        assert result.returncode == 0, f"{run} start: {result.stderr[-3000:]}"
        assert "401" not in result.stderr, f"{run} start: {result.stderr[-3000:]}"


def test_credentials_on_the_command_line_sign_in_once_while_the_desk_loads(
    tmp_path: Path, qapp: object, live_server: object
) -> None:
    """``--server --user --password``: the sign-in starts as soon as the HTTP client is
    loaded (before the panes are built) and the session applies it: one login, signed in."""
    from tests.conftest import LiveServer

    assert isinstance(live_server, LiveServer)
    result = run_app(
        ["--offscreen", "--server", live_server.base_url, "--user", "mario", "--password",
         "demo", "--quit-after", "3", "--log-level", "DEBUG", "--data-dir",
         str(tmp_path / "data")]
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    requests = [line for line in result.stderr.splitlines() if "HTTP Request:" in line]
    logins = [line for line in requests if "/auth/login" in line]
    assert len(logins) == 1, "\n".join(requests)
    assert "200 OK" in logins[0]
    assert any("/api/v1/me " in line for line in requests)
    assert "start-up failed" not in result.stderr


def test_a_desk_showing_its_cached_picture_asks_nothing_before_it_has_signed_in(
    tmp_path: Path, qapp: object, live_server: object
) -> None:
    """The second start against a running backend shows the cache's picture at once, before
    the sign-in: the knowledge base and urgent notes are asked for only once signed in (they
    were refused with a 401 and retried)."""
    from tests.conftest import LiveServer

    assert isinstance(live_server, LiveServer)
    args = ["--offscreen", "--server", live_server.base_url, "--user", "mario", "--password",
            "demo", "--quit-after", "4", "--data-dir", str(tmp_path / "data")]  # fmt: skip
    for run in ("first", "cached picture"):
        result = run_app(args)
        assert result.returncode == 0, f"{run}: {result.stderr[-3000:]}"
        assert "401" not in result.stderr, f"{run}: {result.stderr[-3000:]}"

