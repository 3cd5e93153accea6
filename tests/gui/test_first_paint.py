"""The first paint: the window shows the cache's picture before the heavy stack is loaded,
then the real panes take its place in the same window."""

from __future__ import annotations

import asyncio
import json
import textwrap
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from agentdesk.client import snapshot
from agentdesk.client.cache import LocalCache
from agentdesk.gui.customer.center import Customer360
from agentdesk.gui.desk import Desk
from agentdesk.gui.shell import preview
from agentdesk.gui.shell.main_window import MainWindow
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes
from tests.gui.helpers import run_python


def _save_picture(data_dir: Path, key: str = "embedded") -> None:
    """A picture as the session saves it: one active chat, one offer, one closed contact."""
    active = fakes.interaction(
        InteractionStatus.ACTIVE,
        "i-active",
        messages=[fakes.message("i-active", "Buongiorno, la bolletta è sbagliata")],
    )
    offered = fakes.interaction(InteractionStatus.OFFERED, "i-offered", name="Luigi Verdi")
    closed = fakes.interaction(InteractionStatus.CLOSED, "i-closed", name="Anna Neri")
    body = snapshot.encode(
        snapshot.DeskSnapshot(
            saved_at=utcnow(), profile=fakes.profile(), interactions=[offered, active, closed]
        )
    )

    async def save() -> None:
        cache = LocalCache(data_dir / preview.CACHE_FILE)
        await cache.snapshot_save(key, "mario", body)
        await cache.aclose()

    asyncio.run(save())


def test_the_picture_is_read_from_the_sessions_own_snapshot(tmp_path: Path) -> None:
    assert preview.SNAPSHOT_VERSION == snapshot.VERSION
    _save_picture(tmp_path)
    picture = preview.read_picture(tmp_path, "embedded", "mario")
    assert picture is not None
    assert (picture.operator, picture.team) == ("Mario Bianchi", "Squadra Delfini")
    # the open interactions only, in the session's order; the customer on screen is the
    # conversation in progress, not the offer
    assert [(r.title, r.status) for r in picture.rows] == [
        ("Luigi Verdi", "offered"),
        ("Maria Rossi", "active"),
    ]
    assert picture.customer == "Maria Rossi"
    assert (True, "Buongiorno, la bolletta è sbagliata") in picture.lines
    # another account, another server, no cache at all: nothing
    assert preview.read_picture(tmp_path, "embedded", "luca") is None
    assert preview.read_picture(tmp_path, "http://elsewhere", "mario") is None
    assert preview.read_picture(tmp_path / "none", "embedded", "mario") is None


def test_a_damaged_or_older_picture_shows_nothing(tmp_path: Path) -> None:
    _save_picture(tmp_path)
    assert preview.picture_of({"version": 0, "profile": {"name": "x"}}) is None

    async def damage() -> None:
        cache = LocalCache(tmp_path / preview.CACHE_FILE)
        await cache.snapshot_save("embedded", "mario", '{"version": 1, "prof')
        await cache.snapshot_save("embedded", "luca", json.dumps({"version": 1}))
        await cache.aclose()

    asyncio.run(damage())
    assert preview.read_picture(tmp_path, "embedded", "mario") is None
    assert preview.read_picture(tmp_path, "embedded", "luca") is None


def test_the_panes_take_the_pictures_place_in_the_same_window(
    qapp: QApplication, tmp_path: Path, settings: QSettings
) -> None:
    _save_picture(tmp_path)
    window = MainWindow.shell(settings)
    pane = preview.show_picture(window, preview.read_picture(tmp_path, "embedded", "mario"))
    assert window.isVisible() and window.centralWidget() is pane
    assert [label.text() for label in pane.rows][1].startswith("<b>Maria Rossi</b>")
    assert window.windowTitle() == "AgentDesk — Mario Bianchi"

    workstation = Workstation()
    desk = Desk(workstation, settings, window)
    assert desk.window is window
    assert isinstance(window.centralWidget(), Customer360)
    # empty panes are not painted over the picture until the session has filled them
    assert not window.updatesEnabled()
    workstation.profile_changed(fakes.profile())
    window.reveal()
    assert window.updatesEnabled()
    assert window.isVisible()
    window.close_now()


def test_the_first_paint_loads_no_protocol_client_or_pane(tmp_path: Path) -> None:
    """What makes the first paint fast: Qt widgets and the standard library only."""
    _save_picture(tmp_path)
    code = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from agentdesk import app
        from agentdesk.gui.shell import preview

        def shown(window, picture):
            assert picture is not None and len(picture.rows) == 2
            heavy = sorted(
                m for m in sys.modules
                if m.split(".")[0] in ("pydantic", "httpx", "qasync", "sqlalchemy")
                or m.startswith(("agentdesk.protocol", "agentdesk.client", "agentdesk.server"))
                or m.startswith(("agentdesk.gui.interactions", "agentdesk.gui.customer"))
            )
            print("HEAVY", heavy, flush=True)
            raise SystemExit(0)

        preview.show_picture = shown
        app.main(["--offscreen", "--data-dir", {str(tmp_path)!r}, "--lang", "en"])
        """
    )
    result = run_python(code, timeout=60)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr[-2000:]
