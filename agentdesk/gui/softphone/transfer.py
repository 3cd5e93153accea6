"""The transfer / conference form: an operator or a queue, blind or consultative."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from agentdesk.protocol.voice import TargetType, TransferMode


class TransferDialog(QDialog):
    """Shown with ``open()`` (never ``exec()``: the GUI loop keeps running).

    Emits ``chosen(target_type, target_id, mode)``; ``mode`` is ``"conference"`` for a
    conference, else a transfer mode.
    """

    chosen = Signal(str, str, str)

    def __init__(self, conference: bool, queues: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self._conference = conference
        self.setWindowTitle(self.tr("Add to the call") if conference else self.tr("Transfer"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Operator"), TargetType.AGENT.value)
        self.kind.addItem(self.tr("Queue"), TargetType.QUEUE.value)
        self.target = QComboBox(self)
        self.target.setEditable(True)
        self.target.setObjectName("transferTarget")
        editor = self.target.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Operator id or queue"))
        self._queues = queues
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("Blind (hand over now)"), TransferMode.BLIND.value)
        self.mode.addItem(self.tr("Consultative (talk first)"), TransferMode.CONSULT.value)
        form.addRow(self.tr("To"), self.kind)
        form.addRow(self.tr("Who"), self.target)
        if not conference:
            form.addRow(self.tr("How"), self.mode)
        else:
            form.addRow(QLabel(self.tr("The customer stays on the line."), self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._fill_targets)
        self._fill_targets()

    def _fill_targets(self) -> None:
        self.target.clear()
        if self.kind.currentData() == TargetType.QUEUE.value:
            self.target.addItems(self._queues)

    def _submit(self) -> None:
        target = self.target.currentText().strip()
        if not target:
            self.target.setFocus()
            return
        mode = "conference" if self._conference else str(self.mode.currentData())
        self.chosen.emit(str(self.kind.currentData()), target, mode)
        self.accept()
