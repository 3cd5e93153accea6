"""``WrapupPanel``: loads ``ui/wrapup.ui`` with QUiLoader and validates before submitting.

The form is loaded when it is first needed (an interaction to wrap up, the panel shown, or a
part of it asked for): the panel is hidden at start, and loading a Designer file takes a few
dozen milliseconds the desk's start-up does not need to spend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, Qt, Signal
from PySide6.QtGui import QShowEvent
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
    from PySide6.QtUiTools import QUiLoader  # with the first form, not at start-up

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


@dataclass(frozen=True, slots=True)
class _Parts:
    """The loaded form and the widgets of it the panel drives."""

    form: QWidget
    disposition: QComboBox
    notes: QPlainTextEdit
    resolved: QCheckBox
    error: QLabel
    submit_button: QPushButton
    title: QLabel


def _child(form: QWidget, kind: type[_W], name: str) -> _W:
    child = form.findChild(kind, name)
    if not isinstance(child, kind):
        raise RuntimeError(f"ui/wrapup.ui has no {kind.__name__} named {name!r}")
    return child


class WrapupPanel(QWidget):
    """Disposition (required), notes, resolved? — then one submit per interaction."""

    submitted = Signal(str, str, str, bool)  # interaction id, disposition code, notes, resolved

    #: The form has been loaded (its parts exist from now on).
    formBuilt = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WrapupPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._parts: _Parts | None = None
        self._interaction_id: str | None = None
        self._busy = False

    @property
    def built(self) -> bool:
        return self._parts is not None

    def _build(self) -> _Parts:
        if self._parts is not None:
            return self._parts
        form = load_form("wrapup.ui", self)
        parts = _Parts(
            form=form,
            disposition=_child(form, QComboBox, "dispositionCombo"),
            notes=_child(form, QPlainTextEdit, "notesEdit"),
            resolved=_child(form, QCheckBox, "resolvedCheck"),
            error=_child(form, QLabel, "errorLabel"),
            submit_button=_child(form, QPushButton, "submitButton"),
            title=_child(form, QLabel, "titleLabel"),
        )
        parts.title.setObjectName("sectionTitle")
        parts.error.setObjectName("errorText")
        parts.notes.setFixedHeight(72)
        self._layout.addWidget(form)
        self._parts = parts
        parts.disposition.currentIndexChanged.connect(self._update_enabled)
        parts.notes.textChanged.connect(self._update_enabled)
        parts.submit_button.clicked.connect(self.submit)
        self._update_enabled()
        self.formBuilt.emit()
        return parts

    def showEvent(self, event: QShowEvent) -> None:
        self._build()
        super().showEvent(event)

    @property
    def form(self) -> QWidget:
        return self._build().form

    @property
    def disposition(self) -> QComboBox:
        return self._build().disposition

    @property
    def notes(self) -> QPlainTextEdit:
        return self._build().notes

    @property
    def resolved(self) -> QCheckBox:
        return self._build().resolved

    @property
    def error(self) -> QLabel:
        return self._build().error

    @property
    def submit_button(self) -> QPushButton:
        return self._build().submit_button

    @property
    def title(self) -> QLabel:
        return self._build().title

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
