"""The runner's life cycle with a fake session: sign-in, screenshot, orderly shutdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

pytest.importorskip("agentdesk.client.rest")

from agentdesk.gui.runner import DeskRunner, RunOptions
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes


class ScriptedSession(fakes.FakeSession):
    """Signs in and pushes a conversation to the workstation, like the real session."""

    def __init__(self, listener: Workstation) -> None:
        super().__init__()
        self.listener = listener

    async def start(self, username: str, password: str, early: Any = None) -> None:
        await super().start(username, password, early)
        self.listener.profile_changed(fakes.profile())
        self.listener.state_changed(fakes.state())
        self.listener.connection_changed("connected", "")
        self.listener.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "a"))


def test_server_mode_with_credentials_signs_in_and_writes_the_screenshot(
    qloop: qasync.QEventLoop, tmp_path: Path, settings: QSettings
) -> None:
    sessions: list[ScriptedSession] = []

    def factory(base_url: str, listener: Workstation) -> ScriptedSession:
        assert base_url == "http://127.0.0.1:8765"
        sessions.append(ScriptedSession(listener))
        return sessions[-1]

    shot = tmp_path / "shot.png"
    runner = DeskRunner(
        RunOptions(
            server="http://127.0.0.1:8765/",
            user="mario",
            password="demo",
            screenshot=shot,
            quit_after=0.5,
            data_dir=tmp_path,
        ),
        settings,
        factory,
    )
    assert qloop.run_until_complete(runner.run()) == 0
    session = sessions[0]
    assert session.calls[0] == ("start", ("mario", "demo"))
    assert session.calls[-1] == ("stop", ())  # the session said goodbye before the exit
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)
    assert runner.window.center.header.name.text() == "Maria Rossi"
    assert not runner.window.isVisible()


def test_quit_during_start_up_exits_cleanly(
    qloop: qasync.QEventLoop, tmp_path: Path, settings: QSettings
) -> None:
    class Hanging(fakes.FakeSession):
        async def start(self, username: str, password: str, early: Any = None) -> None:
            import asyncio

            await asyncio.Event().wait()  # a server that never answers

    runner = DeskRunner(
        RunOptions(
            server="http://127.0.0.1:9", user="u", password="p", quit_after=0.3, data_dir=tmp_path
        ),
        settings,
        lambda _url, _listener: Hanging(),
    )
    assert qloop.run_until_complete(runner.run()) == 0
