"""Keyboard first, end to end: a customer's chat from offer to wrap-up handled with keys only
(three shortcuts besides typing) on the real desktop against the real server."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from agentdesk.domain.agent_state import AgentState
from agentdesk.gui.shell.shortcuts import Action, shortcut
from agentdesk.protocol.interactions import InteractionStatus
from tests.e2e.conftest import GATEWAY_KEY, Backend
from tests.e2e.customer import Customer
from tests.e2e.test_workstation import Desktop, a_lario_customer, run, until


def test_a_whole_chat_by_keyboard_in_three_shortcuts(
    qloop: qasync.QEventLoop, qsettings: QSettings, backend: Backend, tmp_path: Path
) -> None:
    async def scenario() -> None:
        desk = Desktop(backend.base_url, tmp_path, qsettings)
        customer = Customer(backend.base_url, GATEWAY_KEY)
        w = desk.window
        used: list[Action] = []

        def focus() -> QWidget:
            return QApplication.focusWidget() or w

        def press(action: Action) -> None:
            combo = shortcut(action).sequences()[0][0]
            used.append(action)
            QTest.keyClick(focus(), combo.key(), combo.keyboardModifiers())

        try:
            await desk.session.start("mario", "demo")
            await customer.listen()
            customer_id, _name, handle = await a_lario_customer(desk.api)
            await desk.session.set_state(AgentState.READY)
            w.activateWindow()
            await until(lambda: QApplication.activeWindow() is w, what="active window")

            iid = await customer.open_chat(handle, "web-lario", "Vorrei comunicare la lettura.")
            await until(lambda: desk.status_of(iid) is InteractionStatus.OFFERED, what="offer")

            press(Action.ACCEPT)
            await until(lambda: desk.status_of(iid) is InteractionStatus.ACTIVE, what="accept")
            composer = w.center.chat.composer
            await until(composer.hasFocus, what="the reply box has the keyboard")

            QTest.keyClicks(focus(), "Buongiorno, mi dica pure la lettura.")
            QTest.keyClick(focus(), Qt.Key.Key_Return)
            await until(
                lambda: customer.operator_lines(iid) == ["Buongiorno, mi dica pure la lettura."],
                what="reply reached the customer",
            )

            press(Action.END)
            await until(lambda: desk.status_of(iid) is InteractionStatus.WRAP_UP, what="ended")
            form = w.center.wrapup
            await until(form.disposition.hasFocus, what="the disposition has the keyboard")

            QTest.keyClicks(focus(), "Autol")
            assert form.disposition.currentData() == "autolettura"
            press(Action.SUBMIT)
            await until(lambda: desk.status_of(iid) is None, what="wrapped up and removed")

            page = await desk.api.timeline(customer_id)
            item = next(i for i in page.items if i.interaction_id == iid)
            assert item.disposition in ("Autolettura", "autolettura")
            assert used == [Action.ACCEPT, Action.END, Action.SUBMIT]
        finally:
            await customer.close()
            await desk.close()

    run(qloop, scenario())
