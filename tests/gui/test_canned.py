"""Canned responses in the chat composer: the chat client's replies, filled in, by menu or key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from agentdesk.gui.chat.canned import CannedButton
from agentdesk.gui.chat.model import TranscriptModel
from agentdesk.gui.chat.pane import ChatPane
from agentdesk.protocol.canned import CannedResponse
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes

RESPONSES = [
    CannedResponse(
        id="1",
        client_id="lario",
        code="saluto",
        title="Saluto",
        text="Lario Acque, buongiorno, sono {agent}. Come posso aiutarla?",
    ),
    CannedResponse(
        id="2",
        client_id="lario",
        code="chiusura",
        title="Chiusura",
        text="Grazie {customer}, buona giornata!",
    ),
    CannedResponse(
        id="3",
        client_id="energia",
        code="saluto",
        title="Saluto Energia",
        text="Energia Nova, buongiorno.",
    ),
]


def test_the_menu_shows_the_chat_clients_replies_filled_in(qtbot: QtBot) -> None:
    button = CannedButton()
    qtbot.addWidget(button)
    assert not button.isEnabled()  # nothing loaded yet
    button.set_responses(RESPONSES)
    button.set_agent("Mario Bianchi")
    button.set_chat("lario", "Maria Rossi")
    menu = button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Saluto\tAlt+1", "Chiusura\tAlt+2"]
    with qtbot.waitSignal(button.insertRequested) as inserted:
        menu.actions()[1].trigger()
    assert inserted.args == ["Grazie Maria Rossi, buona giornata!"]
    button.set_chat("energia", "")
    assert [a.text() for a in menu.actions()] == ["Saluto Energia\tAlt+1"]


def test_alt_and_a_number_inserts_into_the_active_chats_composer(qtbot: QtBot) -> None:
    pane = ChatPane()
    qtbot.addWidget(pane)
    pane.canned.set_responses(RESPONSES)
    pane.canned.set_agent("Mario Bianchi")
    chat = fakes.interaction(InteractionStatus.ACTIVE, "c1")
    pane.set_interaction(chat, TranscriptModel("c1"))
    pane.show()
    pane.activateWindow()
    qtbot.waitExposed(pane)
    pane.composer.setFocus()
    # Through the window, as a real key press goes: the shortcut map sees it first.
    QTest.keyClick(pane.windowHandle(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert (
        pane.composer.toPlainText() == "Lario Acque, buongiorno, sono Mario. Come posso aiutarla?"
    )


def test_an_offered_chat_takes_no_canned_reply(qtbot: QtBot) -> None:
    pane = ChatPane()
    qtbot.addWidget(pane)
    pane.canned.set_responses(RESPONSES)
    pane.set_interaction(fakes.interaction(InteractionStatus.OFFERED, "c2"), TranscriptModel("c2"))
    pane.canned.keys[0].trigger()
    assert pane.composer.toPlainText() == ""
