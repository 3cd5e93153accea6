"""End-to-end fixtures: the real reference server on a loopback port, restartable on the same
port and database, and the real desktop (Desk + Session) on a qasync loop."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from agentdesk.gui.gc_guard import GuiThreadCollector

GATEWAY_KEY = "e2e-gateway-key"


@dataclass
class Backend:
    """The reference backend in its own thread; ``stop()``/``start()`` keep port and data."""

    database_url: str
    overrides: dict[str, Any] = field(default_factory=dict)
    port: int = 0
    server: Any = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        from agentdesk.server.config import ServerSettings
        from agentdesk.server.embedded import EmbeddedServer

        settings = ServerSettings(
            database_url=self.database_url,
            demo=True,
            simulate=False,
            gateway_key=GATEWAY_KEY,
            **self.overrides,
        )
        self.server = EmbeddedServer(settings, port=self.port)
        self.server.start()
        self.port = self.server.port

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[Backend]:
    server = Backend(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}",
        overrides={"heartbeat_s": 1.0},
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    # As the app does: garbage is collected on the GUI thread only (see gc_guard).
    collector = GuiThreadCollector()
    collector.start()
    try:
        yield loop
    finally:
        collector.stop()
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "agentdesk.ini"), QSettings.Format.IniFormat)
