"""Canned responses in the chat composer: a menu of the client's replies and Alt+1…9.

The responses of every client the operator serves are loaded once after sign-in; the
menu shows those of the client the focused chat belongs to, with ``{agent}`` and
``{customer}`` filled in. Choosing one (or pressing its key) puts it into the composer.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget
from qasync import asyncSlot

from agentdesk.client.canned import CannedApi
from agentdesk.gui.errors import EXPECTED
from agentdesk.protocol.canned import CannedResponse

log = logging.getLogger(__name__)

#: Keys 1..9 with Alt insert the first nine responses of the chat's client.
MAX_KEYED = 9


def fill(text: str, agent_name: str, customer_name: str) -> str:
    first = agent_name.split(maxsplit=1)[0] if agent_name else ""
    return text.replace("{agent}", first).replace("{customer}", customer_name).strip()


class CannedButton(QToolButton):
    """The composer's "Quick replies" menu; emits the filled-in text to insert."""

    insertRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cannedButton")
        self.setText(self.tr("Quick replies"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._by_client: dict[str, list[CannedResponse]] = {}
        self._client_id: str | None = None
        self._agent = ""
        self._customer = ""
        self.keys: list[QAction] = []
        for n in range(1, MAX_KEYED + 1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{n}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, i=n - 1: self._insert(i))
            self.addAction(action)
            self.keys.append(action)
        self._rebuild()

    def set_responses(self, responses: list[CannedResponse]) -> None:
        self._by_client = {}
        for response in responses:
            self._by_client.setdefault(response.client_id, []).append(response)
        self._rebuild()

    def set_agent(self, name: str) -> None:
        self._agent = name
        self._rebuild()

    def set_chat(self, client_id: str | None, customer_name: str) -> None:
        self._client_id = client_id
        self._customer = customer_name
        self._rebuild()

    def responses(self) -> list[CannedResponse]:
        return self._by_client.get(self._client_id or "", [])

    def _rebuild(self) -> None:
        self._menu.clear()
        responses = self.responses()
        for index, response in enumerate(responses):
            text = fill(response.text, self._agent, self._customer)
            # The key is shown in the menu's shortcut column, not bound on the menu's
            # action: the button's own actions hold the keys (one binding per key).
            label = f"{response.title}\tAlt+{index + 1}" if index < MAX_KEYED else response.title
            action = self._menu.addAction(label)
            action.setToolTip(text)
            action.triggered.connect(lambda _=False, i=index: self._insert(i))
        self._menu.setToolTipsVisible(True)
        self.setEnabled(bool(responses))
        self.setToolTip(
            self.tr("Insert one of the client's ready-made replies (Alt+1…Alt+9)")
            if responses
            else self.tr("No ready-made replies for this client")
        )

    def _insert(self, index: int) -> None:
        responses = self.responses()
        if not self.isEnabled() or not 0 <= index < len(responses):
            return
        self.insertRequested.emit(fill(responses[index].text, self._agent, self._customer))


class CannedLoader(QObject):
    """Loads the canned responses once a session is signed in."""

    loaded = Signal(object)  # list[CannedResponse]

    def __init__(self, api: CannedApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._api = api

    @asyncSlot()
    async def load(self) -> None:
        try:
            self.loaded.emit(await self._api.list())
        except EXPECTED as exc:
            log.info("canned responses not loaded: %s", exc)
        except Exception:
            log.exception("loading canned responses failed")
