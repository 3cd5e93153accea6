"""Next-best-action hints: each with its reason, accepted or dismissed in one click or key.

Keys (while the workstation has focus): Alt+Y accepts the first hint, Alt+N dismisses it.
The panel only emits the operator's decision; the controller sends it to the server.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.gui import colors
from agentdesk.gui.widgets import Card
from agentdesk.protocol.nba import NextBestAction

ACCEPT_KEY = "Alt+Y"
DISMISS_KEY = "Alt+N"


class HintsPanel(Card):
    """The interaction's hints, best first."""

    #: hint id, accepted
    decided = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Next best actions"), parent)
        self._hints: list[NextBestAction] = []
        self._interaction_id: str | None = None
        self._pending: set[str] = set()
        #: Every hint shown for this interaction, decided or not (by id).
        self._seen: dict[str, NextBestAction] = {}
        self.rows = QVBoxLayout()
        self.rows.setSpacing(8)
        self.body.addLayout(self.rows)
        self.empty = QLabel(self.tr("No suggestions right now."), self)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        self.body.addWidget(self.empty)
        keys = QLabel(f"{ACCEPT_KEY} · {DISMISS_KEY}", self)
        keys.setToolTip(
            self.tr("%1 accept the first · %2 dismiss it")
            .replace("%1", ACCEPT_KEY)
            .replace("%2", DISMISS_KEY)
        )
        keys.setObjectName("muted")
        self.keys = keys
        # the keys sit on the title's line: one line less for a column that is short of room
        card = self.layout()
        assert isinstance(card, QVBoxLayout)
        card.removeWidget(self.title)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(keys, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        card.insertLayout(0, head)
        self.accept_shortcut = QShortcut(QKeySequence(ACCEPT_KEY), self)
        self.accept_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.accept_shortcut.activated.connect(lambda: self.decide_first(True))
        self.dismiss_shortcut = QShortcut(QKeySequence(DISMISS_KEY), self)
        self.dismiss_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.dismiss_shortcut.activated.connect(lambda: self.decide_first(False))
        self.show_hints(None, [])

    def interaction_id(self) -> str | None:
        return self._interaction_id

    def hints(self) -> list[NextBestAction]:
        return list(self._hints)

    def hints_seen(self) -> list[NextBestAction]:
        """Hints shown for this interaction so far, including those already decided."""
        return list(self._seen.values())

    def show_hints(self, interaction_id: str | None, hints: list[NextBestAction]) -> None:
        """Replace the list (hints already decided are left out)."""
        if interaction_id != self._interaction_id:
            self._seen = {}
        self._interaction_id = interaction_id
        self._seen.update({h.id: h for h in hints})
        self._hints = [h for h in hints if h.outcome is None and h.id not in self._pending]
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for n, hint in enumerate(self._hints):
            self.rows.addWidget(self._row(hint, first=n == 0))
        self.empty.setVisible(not self._hints)
        self.empty.setText(
            self.tr("No suggestions right now.")
            if interaction_id
            else self.tr("Hints appear here during a contact.")
        )
        self.keys.setVisible(bool(self._hints))

    def decide_first(self, accepted: bool) -> None:
        if self._hints:
            self.decide(self._hints[0].id, accepted)

    def decide(self, hint_id: str, accepted: bool) -> None:
        """Take the hint off the list at once; the controller tells the server."""
        if hint_id in self._pending:
            return
        self._pending.add(hint_id)
        remaining = [h for h in self._hints if h.id != hint_id]
        self.show_hints(self._interaction_id, remaining)
        self.decided.emit(hint_id, accepted)

    def undecided(self, hint_id: str) -> None:
        """The server refused the decision: the hint may come back with the next list."""
        self._pending.discard(hint_id)

    def _row(self, hint: NextBestAction, first: bool) -> QWidget:
        """A compact hint: its title with the two buttons beside it, the reason below."""
        row = QWidget(self)
        row.setObjectName("hintRow")
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        head = QHBoxLayout()
        head.setSpacing(4)
        title = QLabel(hint.title, row)
        title.setWordWrap(True)
        title.setStyleSheet(f"font-weight: 600; color: {colors.TEXT};")
        reason = QLabel(hint.reason, row)
        reason.setObjectName("hintReason")
        reason.setWordWrap(True)
        reason.setStyleSheet(f"color: {colors.MUTED};")
        accept = QPushButton(self.tr("Accept"), row)
        dismiss = QPushButton(self.tr("Dismiss"), row)
        for button in (accept, dismiss):
            button.setObjectName("hintButton")
            button.setStyleSheet("padding: 1px 8px;")
        if first:
            accept.setToolTip(ACCEPT_KEY)
            dismiss.setToolTip(DISMISS_KEY)
        accept.clicked.connect(lambda _=False, i=hint.id: self.decide(i, True))
        dismiss.clicked.connect(lambda _=False, i=hint.id: self.decide(i, False))
        head.addWidget(title, 1)
        head.addWidget(accept, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        layout.addWidget(reason)
        return row
