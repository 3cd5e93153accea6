"""The chat pane: transcript model, bubbles in and out, pending own messages, composer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from agentdesk.gui.chat.delegate import BubbleDelegate
from agentdesk.gui.chat.model import Role, TranscriptModel
from agentdesk.gui.chat.pane import ChatPane
from agentdesk.gui.chat.store import TranscriptStore
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import Direction, InteractionStatus
from tests.gui import fakes

T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def _transcript() -> TranscriptModel:
    model = TranscriptModel("a")
    model.add(fakes.message("a", "Buongiorno", ts=T0, message_id="m1"))
    model.add(fakes.message("a", "Buongiorno, dica", Direction.OUTBOUND, T0 + timedelta(seconds=5)))
    return model


def test_transcript_passes_qtmodeltester(qtmodeltester: Any) -> None:
    model = _transcript()
    model.add(fakes.message("a", "in attesa", Direction.OUTBOUND, message_id="k1"), pending=True)
    qtmodeltester.check(model, force_py=True)
    model.confirm("k1", fakes.message("a", "in attesa", Direction.OUTBOUND, message_id="srv-9"))
    qtmodeltester.check(model, force_py=True)


def test_pending_message_is_confirmed_in_place() -> None:
    model = _transcript()
    model.add(fakes.message("a", "ok", Direction.OUTBOUND, message_id="key-1"), pending=True)
    assert model.index(2).data(Role.PENDING) is True
    assert model.pending_count() == 1
    model.confirm("key-1", fakes.message("a", "ok", Direction.OUTBOUND, message_id="srv-1"))
    assert model.rowCount() == 3
    assert model.index(2).data(Role.PENDING) is False
    assert model.index(2).data(Role.ID) == "srv-1"


def test_confirmation_after_the_stream_delivered_it_drops_the_copy() -> None:
    model = _transcript()
    model.add(fakes.message("a", "ok", Direction.OUTBOUND, message_id="key-1"), pending=True)
    stored = fakes.message("a", "ok", Direction.OUTBOUND, message_id="srv-1")
    model.add(stored)  # arrived on the event stream first
    model.confirm("key-1", stored)
    assert [m.id for m in model.messages()].count("srv-1") == 1
    assert model.pending_count() == 0
    assert model.rowCount() == 3


def test_stored_copy_arriving_before_the_confirmation_replaces_the_pending_one() -> None:
    model = _transcript()
    model.add(fakes.message("a", "arrivo", Direction.OUTBOUND, message_id="key-7"), pending=True)
    model.add(fakes.message("a", "arrivo", Direction.OUTBOUND, message_id="key-8"), pending=True)
    stored = fakes.message("a", "arrivo", Direction.OUTBOUND, message_id="srv-7")
    model.add(stored)  # the stream was faster than the outbox's answer
    assert model.rowCount() == 4
    assert model.pending_count() == 1  # the second, identical message is still on its way
    model.confirm("key-7", stored)
    assert model.rowCount() == 4
    assert [m.id for m in model.messages()].count("srv-7") == 1
    model.confirm("key-8", fakes.message("a", "arrivo", Direction.OUTBOUND, message_id="srv-8"))
    assert model.pending_count() == 0
    assert model.rowCount() == 4


def test_a_refused_message_stays_marked_not_sent(qtbot: QtBot) -> None:
    """The customer left before the reply reached the server: the bubble no longer says
    "sending…" forever, it says it was not sent and why."""
    workstation = Workstation()
    store = TranscriptStore(workstation)
    model = store.model("a")
    model.add(fakes.message("a", "Buongiorno", ts=T0, message_id="m1"))
    workstation.message_added(
        fakes.message("a", "le mando il modulo", Direction.OUTBOUND, message_id="key-3"), True
    )
    assert model.pending_count() == 1
    workstation.message_failed("a", "key-3", "the chat has ended")
    assert model.pending_count() == 0
    assert model.index(1).data(Role.NOT_SENT) == "the chat has ended"
    assert model.index(0).data(Role.NOT_SENT) is None
    pane = ChatPane()
    qtbot.addWidget(pane)
    pane.set_interaction(fakes.interaction(InteractionStatus.CLOSED, "a", messages=[]), model)
    delegate = pane.view.itemDelegate()
    assert isinstance(delegate, BubbleDelegate)
    assert "not sent: the chat has ended" in delegate._footer(model.index(1))


def test_messages_are_deduplicated_and_ordered_before_pending_ones() -> None:
    model = _transcript()
    model.add(fakes.message("a", "pending", Direction.OUTBOUND, message_id="k"), pending=True)
    late = fakes.message("a", "earlier", ts=T0 + timedelta(seconds=2), message_id="m-late")
    model.add(late)
    model.sync([late, fakes.message("a", "Buongiorno", ts=T0, message_id="m1")])
    texts = [model.index(r).data() for r in range(model.rowCount())]
    assert texts == ["Buongiorno", "earlier", "Buongiorno, dica", "pending"]


def test_pane_shows_inbound_outbound_and_pending(qtbot: QtBot) -> None:
    pane = ChatPane()
    qtbot.addWidget(pane)
    pane.resize(600, 500)
    model = _transcript()
    model.add(fakes.message("a", "sto inviando", Direction.OUTBOUND, message_id="k"), pending=True)
    interaction = fakes.interaction(InteractionStatus.ACTIVE, "a", messages=[])
    pane.set_interaction(interaction, model)
    pane.show()
    qtbot.waitExposed(pane)
    view = pane.view
    assert view.model() is model
    directions = [view.model().index(r, 0).data(Role.DIRECTION) for r in range(3)]
    assert directions == ["inbound", "outbound", "outbound"]
    inbound = view.visualRect(model.index(0))
    outbound = view.visualRect(model.index(1))
    assert inbound.height() > 0 and outbound.height() > 0
    delegate = view.itemDelegate()
    assert "sending" in delegate._footer(model.index(2))  # the pending marker
    assert "sending" not in delegate._footer(model.index(1))
    image = view.viewport().grab().toImage()
    # inbound bubbles sit on the left, outbound on the right: sample their fills
    assert image.pixelColor(20, inbound.center().y()).name() == "#f1f3f6"
    right_x = view.viewport().width() - 20
    assert image.pixelColor(right_x, outbound.center().y()).name() == "#dcebf7"


def test_enter_sends_and_shift_enter_adds_a_line(qtbot: QtBot) -> None:
    pane = ChatPane()
    qtbot.addWidget(pane)
    pane.set_interaction(fakes.interaction(InteractionStatus.ACTIVE, "a"), TranscriptModel("a"))
    qtbot.keyClicks(pane.composer, "Prima riga")
    qtbot.keyClick(pane.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(pane.composer, "seconda")
    assert pane.composer.toPlainText() == "Prima riga\nseconda"
    with qtbot.waitSignal(pane.sendRequested) as blocker:
        qtbot.keyClick(pane.composer, Qt.Key.Key_Return)
    assert blocker.args == ["a", "Prima riga\nseconda"]
    assert pane.composer.toPlainText() == ""


def test_blank_text_is_not_sent(qtbot: QtBot) -> None:
    pane = ChatPane()
    qtbot.addWidget(pane)
    pane.set_interaction(fakes.interaction(InteractionStatus.ACTIVE, "a"), TranscriptModel("a"))
    qtbot.keyClicks(pane.composer, "   ")
    with qtbot.assertNotEmitted(pane.sendRequested):
        qtbot.keyClick(pane.composer, Qt.Key.Key_Return)


def test_composer_only_while_active_and_drafts_survive_switching(qtbot: QtBot) -> None:
    pane = ChatPane()
    qtbot.addWidget(pane)
    active = fakes.interaction(InteractionStatus.ACTIVE, "a")
    offered = fakes.interaction(InteractionStatus.OFFERED, "b")
    pane.set_interaction(active, TranscriptModel("a"))
    assert pane.composer.isEnabled() and pane.end_button.isEnabled()
    qtbot.keyClicks(pane.composer, "bozza")
    pane.set_interaction(offered, TranscriptModel("b"))
    assert not pane.composer.isEnabled()
    pane.set_interaction(active, TranscriptModel("a"))
    assert pane.composer.toPlainText() == "bozza"
    with qtbot.waitSignal(pane.endRequested) as blocker:
        pane.end_button.click()
    assert blocker.args == ["a"]
    pane.update_interaction(active.model_copy(update={"status": InteractionStatus.WRAP_UP}))
    assert not pane.composer.isEnabled()


def test_typing_indicator_follows_the_workstation(qtbot: QtBot) -> None:
    workstation = Workstation()
    store = TranscriptStore(workstation)
    pane = ChatPane()
    qtbot.addWidget(pane)
    pane.show()
    interaction = fakes.interaction(InteractionStatus.ACTIVE, "a")
    workstation.interaction_changed(interaction)
    pane.set_interaction(interaction, store.model("a"))
    store.typingChanged.connect(lambda _iid, typing: pane.set_typing(typing))
    with qtbot.waitSignal(store.typingChanged):
        workstation.interaction_changed(interaction.model_copy(update={"customer_typing": True}))
    assert pane.typing.isVisible()
    assert "Maria Rossi" in pane.typing.text()
    with qtbot.waitSignal(store.typingChanged) as blocker:
        workstation.message_added(fakes.message("a", "eccomi"), False)
    assert blocker.args == ["a", False]
    assert not pane.typing.isVisible()
    assert store.model("a").rowCount() == 2


def test_store_confirms_pending_messages(qtbot: QtBot) -> None:
    workstation = Workstation()
    store = TranscriptStore(workstation)
    own = fakes.message("a", "ciao", Direction.OUTBOUND, message_id="idem-1")
    workstation.message_added(own, True)
    assert store.model("a").pending_count() == 1
    workstation.message_confirmed(
        "idem-1", fakes.message("a", "ciao", Direction.OUTBOUND, message_id="srv")
    )
    assert store.model("a").pending_count() == 0
