"""The live conversation: transcript, "customer is typing…", composer, End chat."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui.chat.canned import CannedButton
from agentdesk.gui.chat.composer import ComposerEdit
from agentdesk.gui.chat.delegate import BubbleDelegate
from agentdesk.gui.chat.model import TranscriptModel
from agentdesk.gui.widgets import PlaceholderListView
from agentdesk.protocol.interactions import Interaction, InteractionStatus


class ChatPane(QWidget):
    """Shows one interaction's transcript and lets the operator reply while it is active."""

    sendRequested = Signal(str, str)  # interaction id, text
    endRequested = Signal(str)  # interaction id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChatPane")
        self._interaction: Interaction | None = None
        self._drafts: dict[str, str] = {}
        self._empty = TranscriptModel("", self)

        self.view = PlaceholderListView(self)
        self.view.setObjectName("transcript")
        self.view.setModel(self._empty)
        self._empty.rowsInserted.connect(self._scroll_to_end)
        self.view.setItemDelegate(BubbleDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.set_placeholder(self.tr("Select a conversation to see it here."))

        self.typing = QLabel(self)
        self.typing.setObjectName("typingIndicator")
        self.typing.setVisible(False)

        self.composer = ComposerEdit(self)
        self.composer.setPlaceholderText(
            self.tr("Write a reply… (Enter to send, Shift+Enter for a new line)")
        )
        self.composer.setFixedHeight(78)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("primaryButton")
        self.end_button = QPushButton(self.tr("End chat"), self)
        self.end_button.setObjectName("dangerButton")
        self.end_button.setToolTip(self.tr("Close the conversation and go to the wrap-up"))

        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.end_button)
        self.canned = CannedButton(self)
        buttons.addWidget(self.canned)
        buttons.addStretch(1)
        self.composer_row = QWidget(self)
        row = QHBoxLayout(self.composer_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.composer, 1)
        row.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.typing)
        layout.addWidget(self.composer_row)

        self.composer.submitted.connect(self._send)
        self.send_button.clicked.connect(self.composer.submit)
        self.end_button.clicked.connect(self._end)
        self.canned.insertRequested.connect(self.insert_text)
        self._update_enabled()

    # ---- binding ----------------------------------------------------------------------

    def interaction(self) -> Interaction | None:
        return self._interaction

    def set_interaction(
        self, interaction: Interaction | None, transcript: TranscriptModel | None
    ) -> None:
        """Show ``interaction`` (or nothing); keeps each conversation's unsent draft."""
        previous = self._interaction
        if previous is not None and (interaction is None or interaction.id != previous.id):
            self._drafts[previous.id] = self.composer.toPlainText()
        switched = interaction is None or previous is None or interaction.id != previous.id
        self._interaction = interaction
        model = transcript or self._empty
        if self.view.model() is not model:
            old = self.view.model()
            if isinstance(old, TranscriptModel):
                old.rowsInserted.disconnect(self._scroll_to_end)
            self.view.setModel(model)
            model.rowsInserted.connect(self._scroll_to_end)
            QTimer.singleShot(0, self.view, self.view.scrollToBottom)
        if interaction is not None:
            self.canned.set_chat(interaction.client.id, interaction.customer_name or "")
        if switched:
            self.composer.setPlainText(self._drafts.pop(interaction.id, "") if interaction else "")
            self.set_typing(interaction.customer_typing if interaction else False)
        self._update_enabled()

    def update_interaction(self, interaction: Interaction) -> None:
        """The shown interaction changed status (e.g. the customer left)."""
        if self._interaction is not None and interaction.id == self._interaction.id:
            self._interaction = interaction
            self._update_enabled()

    def set_typing(self, typing: bool) -> None:
        it = self._interaction
        if typing and it is not None:
            who = it.customer_name or it.from_address
            self.typing.setText(self.tr("%1 is typing…").replace("%1", who))
        self.typing.setVisible(typing and it is not None)

    def insert_text(self, text: str) -> None:
        """Put ``text`` into the composer (e.g. the client's greeting) for the operator."""
        if self.composer.isEnabled():
            self.composer.insertPlainText(text)
            self.composer.setFocus()

    def restore_draft(self, interaction_id: str, text: str) -> None:
        """A send failed before it was queued: give the operator their text back."""
        if self._interaction is not None and self._interaction.id == interaction_id:
            if not self.composer.toPlainText().strip():
                self.composer.setPlainText(text)
        else:
            self._drafts[interaction_id] = text

    # ---- actions ----------------------------------------------------------------------

    def _send(self, text: str) -> None:
        it = self._interaction
        if it is None or it.status is not InteractionStatus.ACTIVE:
            return
        self.composer.clear()
        self.sendRequested.emit(it.id, text)

    def _end(self) -> None:
        if self._interaction is not None:
            self.endRequested.emit(self._interaction.id)

    def _update_enabled(self) -> None:
        it = self._interaction
        active = it is not None and it.status is InteractionStatus.ACTIVE
        self.composer.setEnabled(active)
        self.send_button.setEnabled(active)
        self.end_button.setEnabled(active)
        self.composer_row.setVisible(active)
        if it is not None and it.status is InteractionStatus.OFFERED:
            self.composer.setPlaceholderText(self.tr("Accept the chat to reply."))
        elif active:
            self.composer.setPlaceholderText(
                self.tr("Write a reply… (Enter to send, Shift+Enter for a new line)")
            )

    def _scroll_to_end(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        QTimer.singleShot(0, self.view, self.view.scrollToBottom)
