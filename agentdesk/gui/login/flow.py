"""Signing in through the dialog: try the session, show errors inline, remember via keyring."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from PySide6.QtCore import QSettings
from qasync import asyncSlot

from agentdesk.gui.errors import EXPECTED, login_error
from agentdesk.gui.login.dialog import LoginDialog
from agentdesk.gui.ports import DeskSession

log = logging.getLogger(__name__)
_LAST_USER = "login/last_username"


class Credentials(Protocol):
    """The part of ``agentdesk.client.credentials.CredentialStore`` the dialog uses."""

    def remember(self, server: str, username: str, password: str) -> bool: ...

    def recall(self, server: str, username: str) -> str | None: ...

    def forget(self, server: str, username: str) -> None: ...


class LoginFlow:
    """Runs the dialog until the session has started (True) or the operator quits (False).

    Only the username goes to QSettings; the password goes to the keyring or nowhere.
    """

    def __init__(
        self,
        dialog: LoginDialog,
        session: DeskSession,
        credentials: Credentials | None,
        server_url: str,
        settings: QSettings,
    ) -> None:
        self.dialog = dialog
        self._session = session
        self._credentials = credentials
        self._server = server_url
        self._settings = settings
        self._done: asyncio.Future[bool] = asyncio.get_event_loop().create_future()
        dialog.submitted.connect(self._try)
        dialog.usernameChosen.connect(self._recall)
        dialog.rejected.connect(self._cancelled)
        dialog.set_remember_available(credentials is not None)

    async def run(self, username: str = "", password: str = "") -> bool:
        last = username or str(self._settings.value(_LAST_USER, "") or "")
        self.dialog.prefill(last, password)
        self.dialog.open()
        if last and not password:
            await self._recall(last)
        return await self._done

    @asyncSlot(str)
    async def _recall(self, username: str) -> None:
        if self._credentials is None:
            return
        try:
            password = await asyncio.to_thread(self._credentials.recall, self._server, username)
        except Exception:  # a broken keyring must not stop a sign-in
            log.warning("keyring lookup failed", exc_info=True)
            return
        self.dialog.fill_remembered(username, password)

    @asyncSlot(str, str, bool)
    async def _try(self, username: str, password: str, remember: bool) -> None:
        self.dialog.set_busy(True)
        try:
            await self._session.start(username, password)
        except EXPECTED as exc:
            self.dialog.show_error(login_error(exc))
            return
        except Exception as exc:
            log.exception("sign-in failed")
            self.dialog.show_error(login_error(exc))
            return
        finally:
            self.dialog.set_busy(False)
        self._settings.setValue(_LAST_USER, username)
        await self._store(username, password, remember)
        self.dialog.done_ok()
        if not self._done.done():
            self._done.set_result(True)

    async def _store(self, username: str, password: str, remember: bool) -> None:
        store = self._credentials
        if store is None:
            return
        try:
            if remember:
                await asyncio.to_thread(store.remember, self._server, username, password)
            else:
                await asyncio.to_thread(store.forget, self._server, username)
        except Exception:
            log.warning("keyring update failed", exc_info=True)

    def _cancelled(self) -> None:
        if not self._done.done():
            self._done.set_result(False)
