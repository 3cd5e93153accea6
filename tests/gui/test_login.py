"""The login dialog: errors inline, "remember me" only through the credential store (the
OS keyring), never a file — the password is looked for in every file the run leaves."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

pytest.importorskip("agentdesk.client.rest")

from agentdesk.client.rest import ApiError
from agentdesk.gui.login.dialog import LoginDialog
from agentdesk.gui.login.flow import LoginFlow
from tests.gui import fakes
from tests.gui.helpers import until

SERVER = "http://127.0.0.1:8765"
SECRET = "s3cret-Passw0rd-xyz"


class MemoryCredentials:
    """Stands in for the keyring."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}
        self.forgotten: list[tuple[str, str]] = []

    def remember(self, server: str, username: str, password: str) -> bool:
        self.saved[(server, username)] = password
        return True

    def recall(self, server: str, username: str) -> str | None:
        return self.saved.get((server, username))

    def forget(self, server: str, username: str) -> None:
        self.forgotten.append((server, username))
        self.saved.pop((server, username), None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every place a careless implementation could write to is inside tmp_path."""
    for var, sub in (
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (tmp_path / sub).mkdir()
        monkeypatch.setenv(var, str(tmp_path / sub))
    return tmp_path


def _files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def test_sign_in_with_remember_uses_the_store_and_writes_no_file(
    qtbot: QtBot, qloop: qasync.QEventLoop, home: Path
) -> None:
    settings = QSettings(str(home / "config" / "agentdesk.ini"), QSettings.Format.IniFormat)
    session = fakes.FakeSession()
    store = MemoryCredentials()
    dialog = LoginDialog(SERVER)
    qtbot.addWidget(dialog)
    flow = LoginFlow(dialog, session, store, SERVER, settings)

    async def scenario() -> bool:
        result = asyncio.ensure_future(flow.run())
        await until(dialog.isVisible)
        dialog.username.setText("mario")
        dialog.password.setText(SECRET)
        dialog.remember.setChecked(True)
        dialog.sign_in.click()
        return await result

    assert qloop.run_until_complete(scenario()) is True
    assert session.calls == [("start", ("mario", SECRET))]
    assert store.saved == {(SERVER, "mario"): SECRET}
    settings.sync()
    assert settings.value("login/last_username") == "mario"
    assert _files_containing(home, SECRET) == []


def test_wrong_password_is_shown_inline_and_can_be_retried(
    qtbot: QtBot, qloop: qasync.QEventLoop, home: Path
) -> None:
    settings = QSettings(str(home / "config" / "agentdesk.ini"), QSettings.Format.IniFormat)
    session = fakes.FakeSession()
    session.fail = ApiError(401, "unauthorized", "bad credentials")
    store = MemoryCredentials()
    dialog = LoginDialog(SERVER)
    qtbot.addWidget(dialog)
    flow = LoginFlow(dialog, session, store, SERVER, settings)

    async def scenario() -> bool:
        result = asyncio.ensure_future(flow.run("mario"))
        await until(dialog.isVisible)
        dialog.password.setText("wrong")
        dialog.sign_in.click()
        await until(dialog.error.isVisible)
        assert dialog.error.text() == "Wrong username or password."
        assert dialog.isVisible() and dialog.sign_in.text() == "Sign in"
        session.fail = None
        dialog.password.setText(SECRET)
        dialog.sign_in.click()
        return await result

    assert qloop.run_until_complete(scenario()) is True
    assert store.saved == {}  # "remember me" was not ticked
    assert store.forgotten == [(SERVER, "mario")]
    assert _files_containing(home, SECRET) == []


def test_remembered_password_is_filled_from_the_store(
    qtbot: QtBot, qloop: qasync.QEventLoop, home: Path
) -> None:
    settings = QSettings(str(home / "config" / "agentdesk.ini"), QSettings.Format.IniFormat)
    store = MemoryCredentials()
    store.remember(SERVER, "mario", SECRET)
    dialog = LoginDialog(SERVER)
    qtbot.addWidget(dialog)
    flow = LoginFlow(dialog, fakes.FakeSession(), store, SERVER, settings)

    async def scenario() -> bool:
        result = asyncio.ensure_future(flow.run("mario"))
        await until(lambda: dialog.password.text() == SECRET)
        assert dialog.remember.isChecked()
        dialog.reject()
        return await result

    assert qloop.run_until_complete(scenario()) is False


def test_without_a_keyring_there_is_no_remember_me(
    qtbot: QtBot, qloop: qasync.QEventLoop, home: Path
) -> None:
    settings = QSettings(str(home / "config" / "agentdesk.ini"), QSettings.Format.IniFormat)
    dialog = LoginDialog(SERVER)
    qtbot.addWidget(dialog)
    LoginFlow(dialog, fakes.FakeSession(), None, SERVER, settings)
    assert not dialog.remember.isEnabled()
    assert not dialog.remember.isChecked()
    dialog.set_busy(True)
    dialog.set_busy(False)
    assert not dialog.remember.isEnabled()
