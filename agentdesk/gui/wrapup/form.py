"""``WrapupPanel``: loads ``ui/wrapup.ui`` with QUiLoader and validates before submitting."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, Qt, Signal
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui.paths import ui_file
from agentdesk.protocol.interactions import Interaction

_W = TypeVar("_W", bound=QWidget)

NOTES_MAX = 4000  # the protocol's limit for wrap-up notes


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Load a Designer form from ``ui/``; raises ``RuntimeError`` if it cannot."""
    path = ui_file(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError(f"cannot open {path}")
    try:
        loader = QUiLoader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"cannot load {path}: {loader.errorString()}")
    return widget


def _child(form: QWidget, kind: type[_W], name: str) -> _W:
    child = form.findChild(kind, name)
    if not isinstance(child, kind):
        raise RuntimeError(f"ui/wrapup.ui has no {kind.__name__} named {name!r}")
    return child


class WrapupPanel(QWidget):
    """Disposition (required), notes, resolved? — then one submit per interaction."""

    submitted = Signal(str, str, str, bool)  # interaction id, disposition code, notes, resolved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WrapupPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.form = load_form("wrapup.ui", self)
        self.disposition = _child(self.form, QComboBox, "dispositionCombo")
        self.notes = _child(self.form, QPlainTextEdit, "notesEdit")
        self.resolved = _child(self.form, QCheckBox, "resolvedCheck")
        self.error = _child(self.form, QLabel, "errorLabel")
        self.submit_button = _child(self.form, QPushButton, "submitButton")
        self.title = _child(self.form, QLabel, "titleLabel")
        self.title.setObjectName("sectionTitle")
        self.error.setObjectName("errorText")
        self.notes.setFixedHeight(72)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self._interaction_id: str | None = None
        self._busy = False
        self.disposition.currentIndexChanged.connect(self._update_enabled)
        self.notes.textChanged.connect(self._update_enabled)
        self.submit_button.clicked.connect(self.submit)
        self._update_enabled()

    # ---- binding ----------------------------------------------------------------------

    def interaction_id(self) -> str | None:
        return self._interaction_id

    def set_interaction(self, interaction: Interaction | None) -> None:
        """Fill the dispositions of the interaction's client; keeps input for the same one."""
        new_id = interaction.id if interaction else None
        if new_id == self._interaction_id:
            return
        self._interaction_id = new_id
        self.disposition.clear()
        if interaction is not None:
            for item in interaction.dispositions:
                self.disposition.addItem(item.label, item.code)
        self.disposition.setCurrentIndex(-1)
        self.notes.clear()
        self.resolved.setChecked(False)
        self.show_error("")
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """While the wrap-up is being saved nothing can be submitted twice."""
        self._busy = busy
        self._update_enabled()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ---- validation and submit --------------------------------------------------------

    def problems(self) -> list[str]:
        """What stops the form from being submitted, as sentences for the operator."""
        found = []
        if self._interaction_id is None:
            found.append(self.tr("There is no conversation to wrap up."))
        if self.disposition.currentIndex() < 0:
            found.append(self.tr("Choose a disposition."))
        if len(self.notes.toPlainText()) > NOTES_MAX:
            found.append(
                self.tr("Notes are too long (at most %1 characters).").replace("%1", str(NOTES_MAX))
            )
        return found

    def can_submit(self) -> bool:
        return not self._busy and not self.problems()

    def submit(self) -> None:
        problems = self.problems()
        if problems:
            self.show_error(" ".join(problems))
            return
        if self._busy or self._interaction_id is None:
            return
        self.show_error("")
        self.submitted.emit(
            self._interaction_id,
            str(self.disposition.currentData()),
            self.notes.toPlainText().strip(),
            self.resolved.isChecked(),
        )

    def _update_enabled(self, *_args: object) -> None:
        self.submit_button.setEnabled(self.can_submit())
        if self.error.isVisible() and not self.problems():
            self.show_error("")
