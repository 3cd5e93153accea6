"""Keyboard first: a whole contact from offer to wrap-up with keys only, shortcuts that never
steal typing from the reply box, the shortcuts overlay (F1 or ``?``), and keys in tooltips."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

pytest.importorskip("agentdesk.client.rest")

from agentdesk.domain.agent_state import AgentState
from agentdesk.gui import i18n
from agentdesk.gui.desk import Desk
from agentdesk.gui.shell.shortcuts import SHORTCUTS, Action, shortcut
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes
from tests.gui.helpers import until

Fixture = tuple[Desk, Workstation, fakes.FakeSession]


@pytest.fixture
def desk(qtbot: QtBot, settings: object) -> Iterator[Fixture]:
    workstation = Workstation()
    d = Desk(workstation, settings)  # type: ignore[arg-type]
    session = fakes.FakeSession()
    session.pages = {None: fakes.timeline_page(3)}  # one page: no "load more" in flight
    d.attach(session)
    qtbot.addWidget(d.window)
    d.window.show()
    d.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d.window)
    workstation.profile_changed(fakes.profile())
    workstation.state_changed(fakes.state(AgentState.READY))
    yield d, workstation, session
    d.window.close_now()


class Keyboard:
    """Presses keys where the keyboard focus is, like an operator; counts the shortcuts."""

    def __init__(self, qtbot: QtBot, window: QWidget) -> None:
        self._qtbot = qtbot
        self._window = window
        self.shortcuts: list[Action] = []

    def target(self) -> QWidget:
        return QApplication.focusWidget() or self._window

    def press(self, action: Action) -> None:
        combo = shortcut(action).sequences()[0][0]
        self.shortcuts.append(action)
        self._qtbot.keyClick(self.target(), combo.key(), combo.keyboardModifiers())

    def type(self, text: str) -> None:
        self._qtbot.keyClicks(self.target(), text)

    def enter(self) -> None:
        self._qtbot.keyClick(self.target(), Qt.Key.Key_Return)


def test_a_whole_contact_with_keys_only_in_three_shortcuts(
    desk: Fixture, qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    d, ws, session = desk
    w = d.window
    keys = Keyboard(qtbot, w)
    offer = fakes.interaction(InteractionStatus.OFFERED, "k1")
    ws.interaction_changed(offer)
    assert w.center.showing() == "offer"

    keys.press(Action.ACCEPT)
    qloop.run_until_complete(until(lambda: ("accept", ("k1",)) in session.calls))
    ws.interaction_changed(offer.model_copy(update={"status": InteractionStatus.ACTIVE}))
    assert w.center.chat.composer.hasFocus()  # the reply box is ready for typing

    keys.type("Buongiorno, controllo subito la bolletta")
    keys.enter()
    qloop.run_until_complete(until(lambda: session.calls[-1][0] == "send_message"))

    keys.press(Action.END)
    qloop.run_until_complete(until(lambda: ("hangup", ("k1",)) in session.calls))
    ws.interaction_changed(offer.model_copy(update={"status": InteractionStatus.WRAP_UP}))
    form = w.center.wrapup
    assert w.center.showing() == "wrapup"
    assert form.disposition.hasFocus()

    keys.type("Auto")  # type-to-select in the disposition list
    assert form.disposition.currentData() == "autolettura"

    keys.press(Action.SUBMIT)
    qloop.run_until_complete(until(lambda: session.calls[-1][0] == "wrapup"))

    assert [name for name, _ in session.calls if name not in {"customer", "timeline"}] == [
        "accept",
        "send_message",
        "hangup",
        "wrapup",
    ]
    assert session.calls[-1] == ("wrapup", ("k1", "autolettura", "", False))
    assert ("send_message", ("k1", "Buongiorno, controllo subito la bolletta")) in session.calls
    assert keys.shortcuts == [Action.ACCEPT, Action.END, Action.SUBMIT]
    assert len(keys.shortcuts) <= 3


def test_no_shortcut_steals_typing_from_the_reply_box(
    desk: Fixture, qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    d, ws, session = desk
    w = d.window
    keys = Keyboard(qtbot, w)
    ws.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "a1"))
    keys.press(Action.REPLY)
    composer = w.center.chat.composer
    assert composer.hasFocus()
    text = "Serve altro? Si: AERSDHL, ctrl s? 1/2 (ok)!"
    keys.type(text)
    assert composer.toPlainText() == text
    assert not d.keys.overlay.isVisible()
    # a new offer while the operator types: the focus and the draft stay where they are
    ws.interaction_changed(fakes.interaction(InteractionStatus.OFFERED, "a2"))
    assert composer.hasFocus()
    assert w.interactions.current_id() == "a1"
    keys.type(" grazie")
    assert composer.toPlainText() == text + " grazie"
    # every shortcut has a modifier or is a function key, except the guarded "?"
    for item in SHORTCUTS:
        for sequence in item.sequences():
            combo = sequence[0]
            modifiers = combo.keyboardModifiers()
            function_key = Qt.Key.Key_F1 <= combo.key() <= Qt.Key.Key_F35
            assert (
                modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                or function_key
                or sequence == QKeySequence("?")
            ), sequence.toString()
    assert not any(name == "send_message" for name, _ in session.calls)


def test_move_between_interactions_reject_and_history(
    desk: Fixture, qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    d, ws, session = desk
    w = d.window
    keys = Keyboard(qtbot, w)
    ws.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "b1"))
    ws.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "b2", name="Luca Neri"))
    ws.interaction_changed(fakes.interaction(InteractionStatus.OFFERED, "b3"))
    assert w.interactions.current_id() == "b1"
    keys.press(Action.NEXT)
    assert w.interactions.current_id() == "b2"
    assert w.center.chat.composer.hasFocus()  # an active chat: ready to type
    keys.press(Action.PREVIOUS)
    assert w.interactions.current_id() == "b1"
    keys.press(Action.PREVIOUS)  # wraps around
    assert w.interactions.current_id() == "b3"
    keys.press(Action.NEXT)
    assert w.interactions.current_id() == "b1"
    keys.press(Action.REJECT)  # acts on the waiting offer, bringing it into focus
    qloop.run_until_complete(until(lambda: ("reject", ("b3",)) in session.calls))
    assert w.interactions.current_id() == "b3"
    keys.press(Action.HISTORY)
    assert w.center.history.view.hasFocus()
    qloop.run_until_complete(until(lambda: d.history.rowCount() == 3))


def test_keys_with_nothing_to_act_on_say_so(desk: Fixture, qtbot: QtBot) -> None:
    d, _ws, session = desk
    keys = Keyboard(qtbot, d.window)
    keys.press(Action.ACCEPT)
    assert "No contact is waiting" in d.window.statusline.notice.text()
    keys.press(Action.SUBMIT)
    assert "no wrap-up" in d.window.statusline.notice.text()
    assert session.calls == []


def test_overlay_opens_on_f1_and_question_mark_and_lists_every_shortcut(
    desk: Fixture, qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    d, ws, _session = desk
    w = d.window
    overlay = d.keys.overlay
    ws.interaction_changed(fakes.interaction(InteractionStatus.OFFERED, "o1"))
    qloop.run_until_complete(until(lambda: d.history.rowCount() == 3))
    w.interactions.view.setFocus()
    qtbot.keyClick(w.interactions.view, Qt.Key.Key_F1)
    assert overlay.isVisible()
    assert set(overlay.rows) == {item.action.value for item in SHORTCUTS}
    for item in SHORTCUTS:
        keys, description = overlay.rows[item.action.value]
        assert item.key_text() in keys
        assert description == item.description()
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()
    assert w.interactions.view.hasFocus()  # the focus goes back where it was
    qtbot.keyClick(w.interactions.view, "?")
    assert overlay.isVisible()
    qtbot.keyClick(overlay, Qt.Key.Key_F1)
    assert not overlay.isVisible()
    # F1 works from the reply box too ("?" there is text)
    ws.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "o2"))
    w.interactions.select("o2")
    qloop.run_until_complete(until(lambda: d.history.rowCount() == 3))
    composer = w.center.chat.composer
    composer.setFocus()
    qtbot.keyClick(composer, Qt.Key.Key_F1)
    assert overlay.isVisible()
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert composer.hasFocus()


def test_tooltips_show_the_keys(desk: Fixture) -> None:
    d, _ws, _session = desk
    c = d.window.center
    native = QKeySequence.SequenceFormat.NativeText
    expected = {
        c.offer.accept_button: Action.ACCEPT,
        c.offer.reject_button: Action.REJECT,
        c.chat.end_button: Action.END,
        c.chat.composer: Action.REPLY,
        c.wrapup.disposition: Action.DISPOSITION,
        c.wrapup.submit_button: Action.SUBMIT,
        c.history.view: Action.HISTORY,
    }
    for widget, action in expected.items():
        key = QKeySequence(shortcut(action).keys[0]).toString(native)
        assert widget.toolTip().endswith(f"({key})"), widget.toolTip()
    assert c.offer.accept_button.toolTip().startswith("Accept")
    assert c.chat.end_button.toolTip().startswith("Close the conversation")
    assert d.keys.actions[Action.HELP].shortcuts()[0] == QKeySequence("F1")


def test_shortcuts_are_translated(qapp: QApplication) -> None:
    installed = i18n.install_translators(qapp, "it")
    try:
        assert shortcut(Action.SUBMIT).description() == "Salva l'esito"
        assert QCoreApplication.translate("Shortcuts", "Anywhere") == "Ovunque"
        assert all(item.description() != item.source for item in SHORTCUTS)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


def test_no_two_actions_of_the_window_share_a_key(desk: Fixture) -> None:
    d, _ws, _session = desk
    seen: dict[str, str] = {}
    for action in d.window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key}: {seen.get(key)} and {action.objectName()}"
            seen[key] = action.objectName() or action.text()
    for item in SHORTCUTS:
        for key in item.keys:
            assert QKeySequence(key).toString() in seen


def test_offer_cards_name_their_keys_and_the_disposition_key_opens_the_list(
    desk: Fixture, qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    d, ws, _session = desk
    w = d.window
    keys = Keyboard(qtbot, w)
    ws.interaction_changed(fakes.interaction(InteractionStatus.OFFERED, "c1"))
    tip = d.interactions.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert shortcut(Action.ACCEPT).key_text() in tip
    assert shortcut(Action.REJECT).key_text() in tip
    ws.interaction_changed(fakes.interaction(InteractionStatus.WRAP_UP, "c1"))
    qloop.run_until_complete(until(lambda: d.history.rowCount() == 3))
    tip = d.interactions.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert shortcut(Action.ACCEPT).key_text() not in tip
    keys.press(Action.DISPOSITION)
    combo = w.center.wrapup.disposition
    assert combo.view().isVisible()  # the list is open, keyboard in it
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert combo.currentIndex() >= 0
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert combo.hasFocus()


def test_shortcuts_take_no_standard_editing_key(qapp: QApplication) -> None:
    # The platform's standard keys (copy, undo, word moves, delete to end of line…) belong
    # to text boxes; ours may only share the ones that mean the same thing.
    same_meaning = {
        QKeySequence.StandardKey.HelpContents,  # F1: help
        QKeySequence.StandardKey.Save,  # Ctrl+S: save the wrap-up
        QKeySequence.StandardKey.NextChild,  # Ctrl+Tab: next interaction
        QKeySequence.StandardKey.PreviousChild,
    }
    ours = {QKeySequence(key).toString(): item.action for item in SHORTCUTS for key in item.keys}
    clashes = [
        (standard.name, binding.toString(), ours[binding.toString()])
        for standard in QKeySequence.StandardKey
        if standard not in same_meaning
        for binding in QKeySequence.keyBindings(standard)
        if binding.toString() in ours
    ]
    assert clashes == []


def test_after_the_wrap_up_the_keyboard_goes_to_the_next_chat(
    desk: Fixture, qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    d, ws, session = desk
    w = d.window
    keys = Keyboard(qtbot, w)
    ws.interaction_changed(fakes.interaction(InteractionStatus.WRAP_UP, "n1"))
    ws.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "n2", name="Luca Neri"))
    qloop.run_until_complete(until(lambda: d.history.rowCount() == 3))
    w.center.wrapup.disposition.setFocus()  # (the operator left the wrap-up for a while)
    keys.type("Info")
    keys.press(Action.SUBMIT)
    qloop.run_until_complete(until(lambda: session.calls[-1][0] == "wrapup"))
    ws.interaction_removed("n1")
    qloop.run_until_complete(until(lambda: d.history.rowCount() == 3))
    assert w.interactions.current_id() == "n2"
    assert w.center.chat.composer.hasFocus()
