"""``DeskKeys``: binds :data:`~agentdesk.gui.shell.shortcuts.SHORTCUTS` to the main window.

Each key does what the matching button does (it clicks it, so the busy states and the
controller's path are the same as with the mouse). The keyboard flow needs three shortcuts
for a whole contact: accepting moves the focus to the reply box once the chat is active,
ending it moves the focus to the wrap-up's disposition (type-to-select) once in wrap-up, and
the submit key saves. Focus only moves to follow the operator's own action, never because
a new offer arrived.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.shell.main_window import MainWindow
from agentdesk.gui.shell.shortcuts import SHORTCUTS, Action, shortcut, with_key
from agentdesk.gui.shell.shortcuts_overlay import ShortcutsOverlay
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import Interaction, InteractionStatus


def is_text_input(widget: QWidget | None) -> bool:
    """Whether printable keys typed into ``widget`` are text (so ``?`` must stay a character)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox)


class DeskKeys(QObject):
    """Window-wide actions for the desk's shortcuts, the overlay, and focus that follows."""

    def __init__(
        self,
        workstation: Workstation,
        model: InteractionListModel,
        window: MainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._window = window
        self._center = window.center
        self._pane = window.interactions
        # interaction id -> the status after which the focus moves (the operator asked)
        self._follow: dict[str, InteractionStatus] = {}
        self._overlay: ShortcutsOverlay | None = None  # built when first opened
        handlers = {
            Action.ACCEPT: self.accept,
            Action.REJECT: self.reject,
            Action.NEXT: lambda: self.step(1),
            Action.PREVIOUS: lambda: self.step(-1),
            Action.REPLY: self.focus_reply,
            Action.END: self.end_chat,
            Action.DISPOSITION: self.choose_disposition,
            Action.SUBMIT: self.submit_wrapup,
            Action.HISTORY: self.focus_history,
            Action.HELP: self.help,
        }
        self.actions: dict[Action, QAction] = {}
        for item in SHORTCUTS:
            sequences = item.sequences()
            if item.action is Action.HELP:
                # "?" only outside text fields: its own action with a guard; F1 always.
                sequences = [s for s in sequences if s != QKeySequence("?")]
                self.question_mark = self._bind("shortcut_help_question", [QKeySequence("?")])
                self.question_mark.triggered.connect(self.help_by_question_mark)
            action = self._bind(f"shortcut_{item.action.value}", sequences, item.description())
            action.triggered.connect(handlers[item.action])
            self.actions[item.action] = action
        self._tooltips()
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.actions[Action.HELP])
        self.actions[Action.HELP].setText(self.tr("Keyboard shortcuts"))

        center = self._center
        center.offer.acceptRequested.connect(self._follow_accept)
        self._pane.acceptRequested.connect(self._follow_accept)
        center.chat.endRequested.connect(self._follow_end)
        center.wrapup.submitted.connect(self._follow_submit)
        # After the desk's own handlers: the panes already show the new status.
        workstation.interactionChanged.connect(self._on_interaction)
        workstation.interactionRemoved.connect(self._on_removed)

    def _bind(self, name: str, sequences: list[QKeySequence], text: str = "") -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._window.addAction(action)
        return action

    def _tooltips(self) -> None:
        c = self._center
        self._with_keys(
            [
                (c.offer.accept_button, Action.ACCEPT),
                (c.offer.reject_button, Action.REJECT),
                (c.chat.end_button, Action.END),
                (c.chat.composer, Action.REPLY),
                (c.history.view, Action.HISTORY),
                (self._pane.view, Action.NEXT),
            ]
        )
        # The wrap-up form loads when first needed: its tooltips come with it.
        if c.wrapup.built:
            self._wrapup_tooltips()
        else:
            c.wrapup.formBuilt.connect(self._wrapup_tooltips)

    def _wrapup_tooltips(self) -> None:
        w = self._center.wrapup
        self._with_keys([(w.disposition, Action.DISPOSITION), (w.submit_button, Action.SUBMIT)])

    @staticmethod
    def _with_keys(pairs: list[tuple[QWidget, Action]]) -> None:
        for widget, action in pairs:
            base = widget.toolTip()
            if not base and isinstance(widget, QAbstractButton):
                base = widget.text().replace("&", "")
            elif not base:
                base = shortcut(action).description()
            widget.setToolTip(with_key(base, shortcut(action)))

    # ---- the actions ------------------------------------------------------------------

    def _focused(self) -> Interaction | None:
        iid = self._pane.current_id()
        return self._model.interaction(iid) if iid else None

    def _offer(self) -> Interaction | None:
        """The offer the keys act on: the one in focus, else the oldest in the list."""
        focused = self._focused()
        if focused is not None and focused.status is InteractionStatus.OFFERED:
            return focused
        offered = self._model.first_offered()
        if offered is not None:
            self._pane.select(offered.id)
        return offered

    def accept(self) -> None:
        if self._offer() is None:
            self._hint(self.tr("No contact is waiting to be accepted."))
            return
        self._center.offer.accept_button.click()

    def reject(self) -> None:
        if self._offer() is None:
            self._hint(self.tr("No contact is waiting to be rejected."))
            return
        self._center.offer.reject_button.click()

    def step(self, delta: int) -> None:
        """Move the focus to the next (``1``) or previous (``-1``) interaction, wrapping."""
        count = self._model.rowCount()
        if count == 0:
            return
        current = self._model.row_of(self._pane.current_id())
        row = 0 if current is None else (current + delta) % count
        iid = self._model.interactions()[row].id
        self._pane.select(iid)
        self._pane.view.scrollTo(self._model.index(row))
        self._settle_focus()

    def focus_reply(self) -> None:
        composer = self._center.chat.composer
        if composer.isEnabled() and composer.isVisibleTo(self._window):
            composer.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self._hint(self.tr("There is no active conversation to reply to."))

    def end_chat(self) -> None:
        button = self._center.chat.end_button
        if button.isEnabled() and button.isVisibleTo(self._window):
            button.click()
        else:
            self._hint(self.tr("There is no active conversation to end."))

    def choose_disposition(self) -> None:
        combo = self._center.wrapup.disposition
        if self._center.showing() != "wrapup":
            self._hint(self.tr("There is no wrap-up to fill in."))
            return
        combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        combo.showPopup()

    def submit_wrapup(self) -> None:
        if self._center.showing() != "wrapup":
            self._hint(self.tr("There is no wrap-up to save."))
            return
        self._center.wrapup.submit()

    def focus_history(self) -> None:
        view = self._center.history.view
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not view.currentIndex().isValid() and view.model().rowCount() > 0:
            view.setCurrentIndex(view.model().index(0, 0))

    @property
    def overlay(self) -> ShortcutsOverlay:
        """The shortcuts overlay (its fifty-odd labels are built when first asked for)."""
        if self._overlay is None:
            self._overlay = ShortcutsOverlay(self._window)
            self._overlay.setStyleSheet(_OVERLAY_QSS)
        return self._overlay

    def help(self) -> None:
        self.overlay.toggle()

    def help_by_question_mark(self) -> None:
        # A text box claims printable keys (ShortcutOverride) before shortcuts see them;
        # this guard covers any text input that would not.
        if not is_text_input(QApplication.focusWidget()):
            self.overlay.toggle()

    def _hint(self, text: str) -> None:
        self._window.statusline.show_notice("info", text)

    # ---- focus that follows the operator's own actions --------------------------------

    def _follow_accept(self, interaction_id: str) -> None:
        self._follow[interaction_id] = InteractionStatus.ACTIVE

    def _follow_end(self, interaction_id: str) -> None:
        self._follow[interaction_id] = InteractionStatus.WRAP_UP

    def _follow_submit(self, interaction_id: str, *_args: object) -> None:
        self._follow[interaction_id] = InteractionStatus.CLOSED

    def _on_interaction(self, interaction: Interaction) -> None:
        wanted = self._follow.get(interaction.id)
        if wanted is None:
            return
        status = interaction.status
        if status is wanted and wanted is not InteractionStatus.CLOSED:
            del self._follow[interaction.id]
            focused = self._focused()
            if focused is not None and focused.id == interaction.id:
                self._settle_focus()
        elif (
            status in (InteractionStatus.CLOSED, InteractionStatus.ABANDONED)
            and wanted is not InteractionStatus.CLOSED
        ):
            # Rejected or gone; a wrap-up is followed when its row leaves the list.
            del self._follow[interaction.id]

    def _on_removed(self, interaction_id: str) -> None:
        # The wrapped-up contact left the list; the next one is in focus now.
        if self._follow.pop(interaction_id, None) is InteractionStatus.CLOSED:
            self._settle_focus()

    def _settle_focus(self) -> None:
        """Put the keyboard where the focused contact needs it next."""
        showing = self._center.showing()
        if showing == "wrapup":
            self._center.wrapup.disposition.setFocus(Qt.FocusReason.OtherFocusReason)
        elif showing == "composer" and self._center.chat.composer.isEnabled():
            self._center.chat.composer.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._pane.view.setFocus(Qt.FocusReason.OtherFocusReason)


_OVERLAY_QSS = """
QFrame#shortcutsCard { background: #ffffff; border: 1px solid #d5dbe1; border-radius: 10px; }
QLabel#shortcutsTitle { font-size: 13pt; font-weight: 600; color: #1d2733; }
QLabel#shortcutsSection { font-weight: 600; color: #3d4a59; padding-top: 6px; }
QLabel#shortcutKey { font-family: "DejaVu Sans Mono", monospace; color: #1d2733;
                     background: #eef1f4; border: 1px solid #d5dbe1; border-radius: 4px;
                     padding: 1px 6px; }
"""
