"""GUI test fixtures: headless Qt, a qasync loop for async slots, client errors stubbed
only if the client package has not been installed yet."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from agentdesk.gui.gc_guard import GuiThreadCollector


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """The app's event loop as the desktop runs it: asyncio on Qt through qasync."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    collector = GuiThreadCollector()  # as the app: garbage collected on the GUI thread only
    collector.start()
    try:
        yield loop
    finally:
        collector.stop()
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def settings(tmp_path: object) -> QSettings:
    return QSettings(f"{tmp_path}/agentdesk.ini", QSettings.Format.IniFormat)
