"""Soak fixtures: headless Qt on a qasync loop, as the desktop runs it."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from agentdesk.gui.gc_guard import GuiThreadCollector


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """asyncio on Qt through qasync, garbage collected on the GUI thread (as the app does)."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    collector = GuiThreadCollector()
    collector.start()
    try:
        yield loop
    finally:
        collector.stop()
        loop.close()
        asyncio.set_event_loop(None)
