"""The Interactions pane: list model (qtmodeltester), unread counts, offers, busy state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from agentdesk.gui.interactions.model import InteractionListModel, Role
from agentdesk.gui.interactions.pane import InteractionsPane
from agentdesk.protocol.interactions import Direction, InteractionStatus
from tests.gui import fakes


def _filled() -> InteractionListModel:
    model = InteractionListModel()
    model.upsert(fakes.interaction(InteractionStatus.ACTIVE, "a"))
    model.upsert(fakes.interaction(InteractionStatus.OFFERED, "b", name="Luca Ferrari"))
    model.upsert(fakes.interaction(InteractionStatus.WRAP_UP, "c", name=None))
    return model


def test_model_passes_qtmodeltester(qtmodeltester: Any) -> None:
    model = _filled()
    qtmodeltester.check(model, force_py=True)
    model.remove("b")
    model.upsert(fakes.interaction(InteractionStatus.OFFERED, "d"))
    qtmodeltester.check(model, force_py=True)


def test_rows_show_name_status_and_fall_back_to_address() -> None:
    model = _filled()
    assert model.rowCount() == 3
    assert model.index(0).data() == "Maria Rossi"
    assert model.index(1).data(Role.STATUS) == "offered"
    assert model.index(2).data() == "maria.rossi@chat"  # no customer name: the chat identity
    assert model.index(0).data(Role.CLIENT_COLOR) == "#1f6fb2"


def test_upsert_replaces_and_remove_drops(qtbot: QtBot) -> None:
    model = _filled()
    with qtbot.waitSignal(model.dataChanged):
        model.upsert(fakes.interaction(InteractionStatus.ACTIVE, "b", name="Luca Ferrari"))
    assert model.index(1).data(Role.STATUS) == "active"
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove("a")
    assert [it.id for it in model.interactions()] == ["b", "c"]
    model.remove("unknown")  # a withdrawn offer we never saw is not an error
    assert model.rowCount() == 2


def test_inbound_messages_count_as_unread_unless_in_focus() -> None:
    model = _filled()
    model.add_message(fakes.message("a", "ci sei?"))
    model.add_message(fakes.message("a", "pronto?"))
    model.add_message(fakes.message("a", "risposta", Direction.OUTBOUND))
    assert model.index(0).data(Role.UNREAD) == 2
    assert model.index(0).data(Role.PREVIEW) == "risposta"
    model.set_current("a")
    assert model.index(0).data(Role.UNREAD) == 0
    model.add_message(fakes.message("a", "grazie"))
    assert model.index(0).data(Role.UNREAD) == 0


def test_the_same_message_twice_counts_once() -> None:
    model = _filled()
    msg = fakes.message("a", "doppio")
    model.add_message(msg)
    model.add_message(msg)
    assert model.index(0).data(Role.UNREAD) == 1


def test_waiting_time_for_offers_and_unanswered_customers() -> None:
    model = _filled()
    assert model.index(1).data(Role.WAITING) >= 30  # offered 40 s ago
    model.add_message(fakes.message("a", "risposta", Direction.OUTBOUND))
    assert model.index(0).data(Role.WAITING) is None  # answered: nobody waits
    assert model.index(2).data(Role.WAITING) is None  # wrap-up


def test_offer_card_buttons_emit_accept_and_reject(qtbot: QtBot) -> None:
    model = _filled()
    pane = InteractionsPane(model)
    qtbot.addWidget(pane)
    pane.resize(320, 600)
    pane.show()
    qtbot.waitExposed(pane)
    index = model.index(1)
    rect = pane.view.visualRect(index)
    accept, reject = pane.delegate.button_rects(rect)
    for button, signal in ((accept, pane.acceptRequested), (reject, pane.rejectRequested)):
        with qtbot.waitSignal(signal) as blocker:
            qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=button.center())
        assert blocker.args == ["b"]


def test_busy_offer_ignores_clicks(qtbot: QtBot) -> None:
    model = _filled()
    pane = InteractionsPane(model)
    qtbot.addWidget(pane)
    pane.resize(320, 600)
    pane.show()
    model.set_busy("b", True)
    assert model.index(1).data(Role.BUSY) is True
    rect = pane.view.visualRect(model.index(1))
    accept, _ = pane.delegate.button_rects(rect)
    with qtbot.assertNotEmitted(pane.acceptRequested):
        event = QMouseEvent(
            QEvent.Type.MouseButtonRelease,
            QPointF(accept.center()),
            QPointF(accept.center()),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        option = QStyleOptionViewItem()
        option.rect = rect
        assert not pane.delegate.editorEvent(event, model, option, model.index(1))


def test_first_interaction_comes_into_focus(qtbot: QtBot) -> None:
    model = InteractionListModel()
    pane = InteractionsPane(model)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.currentChanged) as blocker:
        model.upsert(fakes.interaction(InteractionStatus.OFFERED, "x"))
    assert blocker.args == ["x"]
    # a second one does not steal the focus
    with qtbot.assertNotEmitted(pane.currentChanged):
        model.upsert(fakes.interaction(InteractionStatus.OFFERED, "y"))
    assert pane.current_id() == "x"
    with qtbot.waitSignal(pane.currentChanged):
        model.remove("x")
    assert pane.current_id() == "y"
    with qtbot.waitSignal(pane.currentChanged) as blocker:
        model.remove("y")
    assert blocker.args == [None]
