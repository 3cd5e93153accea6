"""The wrap-up form: loaded from ui/wrapup.ui, validated before it can be submitted."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from agentdesk.gui.paths import ui_file
from agentdesk.gui.wrapup.form import NOTES_MAX, WrapupPanel
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes


def _panel(qtbot: QtBot) -> WrapupPanel:
    panel = WrapupPanel()
    qtbot.addWidget(panel)
    panel.set_interaction(fakes.interaction(InteractionStatus.WRAP_UP, "w1"))
    return panel


def test_form_comes_from_the_designer_file(qtbot: QtBot) -> None:
    assert ui_file("wrapup.ui").exists()
    panel = _panel(qtbot)
    assert panel.form.objectName() == "WrapupForm"
    assert panel.findChild(QComboBox, "dispositionCombo") is panel.disposition


def test_dispositions_come_from_the_interaction(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    labels = [panel.disposition.itemText(i) for i in range(panel.disposition.count())]
    codes = [panel.disposition.itemData(i) for i in range(panel.disposition.count())]
    assert labels[0] == "Informazioni bolletta"
    assert codes == [d.code for d in fakes.DISPOSITIONS]
    assert panel.disposition.currentIndex() == -1


def test_no_disposition_cannot_submit(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert not panel.submit_button.isEnabled()
    assert not panel.can_submit()
    with qtbot.assertNotEmitted(panel.submitted):
        panel.submit()
    assert panel.error.isVisibleTo(panel)
    assert "disposition" in panel.error.text()


def test_valid_form_submits_once_while_busy(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.disposition.setCurrentIndex(2)
    assert not panel.error.isVisibleTo(panel)
    panel.notes.setPlainText("  Guasto al contatore segnalato  ")
    panel.resolved.setChecked(True)
    assert panel.submit_button.isEnabled()
    with qtbot.waitSignal(panel.submitted) as blocker:
        panel.submit_button.click()
    assert blocker.args == ["w1", "guasto", "Guasto al contatore segnalato", True]
    panel.set_busy(True)
    assert not panel.submit_button.isEnabled()
    with qtbot.assertNotEmitted(panel.submitted):
        panel.submit()


def test_notes_over_the_limit_are_refused(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.disposition.setCurrentIndex(0)
    panel.notes.setPlainText("x" * (NOTES_MAX + 1))
    assert not panel.submit_button.isEnabled()
    panel.notes.setPlainText("ok")
    assert panel.submit_button.isEnabled()


def test_another_interaction_resets_the_form(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.disposition.setCurrentIndex(1)
    panel.notes.setPlainText("note")
    panel.set_interaction(fakes.interaction(InteractionStatus.WRAP_UP, "w2"))
    assert panel.interaction_id() == "w2"
    assert panel.disposition.currentIndex() == -1
    assert panel.notes.toPlainText() == ""
