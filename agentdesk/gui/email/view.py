"""``EmailView``: one e-mail conversation in the centre of the window.

Everything is plain text: bodies go through ``setPlainText`` and are never rendered as
HTML; attachments are listed by name, type and size and cannot be opened from here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui.chat.model import TranscriptModel
from agentdesk.gui.email.text import attachment_line, mail_messages, quote_preview
from agentdesk.gui.fmt import date_time
from agentdesk.protocol.interactions import Direction, Interaction, InteractionStatus


class EmailView(QWidget):
    sendRequested = Signal(str, str)  # interaction id, reply text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmailView")
        self._interaction: Interaction | None = None
        self._transcript: TranscriptModel | None = None

        self.subject = QLabel(self)
        self.subject.setObjectName("emailSubject")
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setWordWrap(True)
        font = self.subject.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.subject.setFont(font)
        self.addresses = QLabel(self)
        self.addresses.setObjectName("muted")
        self.addresses.setTextFormat(Qt.TextFormat.PlainText)

        self.conversation = QPlainTextEdit(self)
        self.conversation.setObjectName("emailThread")
        self.conversation.setReadOnly(True)
        self.conversation.setFrameShape(QFrame.Shape.StyledPanel)

        self.attachments_label = QLabel(self.tr("Attachments (listed only, never opened)"), self)
        self.attachments_label.setObjectName("muted")
        self.attachments = QListWidget(self)
        self.attachments.setObjectName("emailAttachments")
        self.attachments.setMaximumHeight(84)
        self.attachments.setToolTip(
            self.tr("AgentDesk lists attachments by name, type and size and never opens them.")
        )

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.subject)
        top_layout.addWidget(self.addresses)
        top_layout.addWidget(self.conversation, 1)
        top_layout.addWidget(self.attachments_label)
        top_layout.addWidget(self.attachments)

        self.reply = QPlainTextEdit(self)
        self.reply.setObjectName("emailReply")
        self.reply.setPlaceholderText(self.tr("Write your reply… (Ctrl+Enter to send)"))
        self.quote_toggle = QToolButton(self)
        self.quote_toggle.setText(self.tr("Quoted history"))
        self.quote_toggle.setCheckable(True)
        self.quote_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.quote_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.quote = QPlainTextEdit(self)
        self.quote.setObjectName("emailQuote")
        self.quote.setReadOnly(True)
        self.quote.setVisible(False)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.quote.setFont(mono)
        self.send = QPushButton(self.tr("Send reply"), self)
        self.send.setObjectName("emailSend")
        self.send.setToolTip(self.tr("Send the reply with the conversation quoted under it"))

        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.reply, 1)
        row = QHBoxLayout()
        row.addWidget(self.quote_toggle)
        row.addStretch(1)
        row.addWidget(self.send)
        bottom_layout.addLayout(row)
        bottom_layout.addWidget(self.quote, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.send.clicked.connect(self._send)
        self.reply.textChanged.connect(self._update_enabled)
        self.quote_toggle.toggled.connect(self._toggle_quote)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.reply)
        shortcut.activated.connect(self._send)
        self._update_enabled()

    # ---- inputs -----------------------------------------------------------------------

    @property
    def interaction(self) -> Interaction | None:
        return self._interaction

    def set_interaction(
        self, interaction: Interaction | None, transcript: TranscriptModel | None
    ) -> None:
        if self._transcript is not None:
            for signal in (
                self._transcript.rowsInserted,
                self._transcript.rowsRemoved,
                self._transcript.dataChanged,
                self._transcript.modelReset,
            ):
                signal.disconnect(self._render)
        changed = (self._interaction.id if self._interaction else None) != (
            interaction.id if interaction else None
        )
        self._interaction = interaction
        self._transcript = transcript
        if transcript is not None:
            transcript.rowsInserted.connect(self._render)
            transcript.rowsRemoved.connect(self._render)
            transcript.dataChanged.connect(self._render)
            transcript.modelReset.connect(self._render)
        if changed:
            self.reply.clear()
        self._render()

    def update_interaction(self, interaction: Interaction) -> None:
        if self._interaction is not None and self._interaction.id == interaction.id:
            self._interaction = interaction
            self._render()

    def restore_draft(self, interaction_id: str, text: str) -> None:
        same = self._interaction is not None and self._interaction.id == interaction_id
        if same and not self.reply.toPlainText().strip():
            self.reply.setPlainText(text)

    # ---- rendering --------------------------------------------------------------------

    def _render(self, *_args: object) -> None:
        interaction = self._interaction
        if interaction is None:
            self.subject.clear()
            self.addresses.clear()
            self.conversation.clear()
            self.attachments.clear()
            self.quote.clear()
            self._update_enabled()
            return
        self.subject.setText(interaction.subject or self.tr("(no subject)"))
        self.addresses.setText(
            self.tr("From %1 to %2")
            .replace("%1", interaction.from_address)
            .replace("%2", interaction.client.name)
        )
        messages = mail_messages(
            self._transcript.messages() if self._transcript else interaction.messages
        )
        blocks = []
        for message in messages:
            arrow = "→" if message.direction is Direction.OUTBOUND else "←"
            head = f"{arrow} {message.author} · {date_time(message.ts)}"
            blocks.append(f"{head}\n{'─' * 40}\n{message.text.rstrip()}")
        self.conversation.setPlainText("\n\n\n".join(blocks))
        bar = self.conversation.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.attachments.clear()
        for message in messages:
            for attachment in message.attachments:
                item = QListWidgetItem(attachment_line(attachment), self.attachments)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # listed, not selectable or openable
                item.setToolTip(self.tr("From %1 · not opened").replace("%1", message.author))
        has_files = self.attachments.count() > 0
        self.attachments.setVisible(has_files)
        self.attachments_label.setVisible(has_files)
        self.quote.setPlainText(quote_preview(messages))
        self._update_enabled()

    def _toggle_quote(self, shown: bool) -> None:
        self.quote.setVisible(shown)
        self.quote_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _update_enabled(self) -> None:
        active = (
            self._interaction is not None and self._interaction.status is InteractionStatus.ACTIVE
        )
        self.reply.setEnabled(active)
        self.send.setEnabled(active and bool(self.reply.toPlainText().strip()))

    # ---- intents ----------------------------------------------------------------------

    def _send(self) -> None:
        text = self.reply.toPlainText().strip()
        if self._interaction is None or not text or not self.send.isEnabled():
            return
        self.sendRequested.emit(self._interaction.id, text)
        self.reply.clear()
