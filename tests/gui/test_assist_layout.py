"""The assist column at the default window size during a chat: the script step, two hints
with their reasons and the knowledge base's results with highlighted snippets are all on
screen at once, without scrolling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

pytest.importorskip("agentdesk.client.rest")

from agentdesk.domain.agent_state import AgentState
from agentdesk.gui.assist.kb_model import SNIPPET_ROLE
from agentdesk.gui.desk import Desk
from agentdesk.gui.shell.main_window import DEFAULT_SIZE
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes
from tests.gui.helpers import until
from tests.gui.test_assist_widgets import _hint, _progress, _script
from tests.gui.test_kb_panel import demo_service


@pytest.fixture
def desk(qtbot: QtBot, settings: QSettings) -> Iterator[tuple[Desk, Workstation]]:
    workstation = Workstation()
    d = Desk(workstation, settings)
    d.attach(fakes.FakeSession())
    qtbot.addWidget(d.window)
    d.window.resize(DEFAULT_SIZE)
    d.window.show()
    workstation.profile_changed(fakes.profile())
    workstation.state_changed(fakes.state(AgentState.READY))
    yield d, workstation
    d.window.close_now()


def _on_screen(widget: QWidget, viewport: QWidget) -> bool:
    """Shown, with a real size, and wholly inside the scroll area's visible part."""
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_script_two_hints_and_kb_snippets_show_together_during_a_chat(
    desk: tuple[Desk, Workstation], qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    d, ws = desk
    assist = d.window.assist
    assist.kb.bind(demo_service())
    chat = fakes.interaction(InteractionStatus.ACTIVE, "i1")
    ws.interaction_changed(chat)
    qloop.run_until_complete(until(lambda: assist.kb.model.rowCount() > 0))
    assist.script_player.show_script(_script(), _progress("greet", ["greet"]))
    hints = [
        _hint(1).model_copy(update={"reason": "L'umore del cliente è peggiorato: rallenta."}),
        _hint(2).model_copy(update={"reason": "Fattura in scadenza tra 3 giorni: ricordala."}),
    ]
    assist.hints.show_hints("i1", hints)
    qtbot.wait(50)  # layouts settle
    viewport = assist.viewport()

    player = assist.script_player
    assert _on_screen(player.text, viewport) and player.text.text()
    assert _on_screen(player.answer_box.itemAt(0).widget(), viewport)  # type: ignore[union-attr]

    reasons = [
        label
        for label in assist.hints.findChildren(QLabel, "hintReason")
        if label.text() in {h.reason for h in hints}
    ]
    assert len(reasons) == 2
    assert all(_on_screen(label, viewport) for label in reasons)

    kb = assist.kb
    assert _on_screen(kb.search, viewport)
    assert _on_screen(kb.results, viewport)
    first = kb.model.index(0, 0)
    row = kb.results.visualRect(first)
    assert row.height() > 20 and kb.results.viewport().rect().contains(row)
    assert "<b>" in str(first.data(SNIPPET_ROLE))
