"""The offer banner: a contact waits for the operator's yes or no."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.gui import fmt
from agentdesk.protocol.interactions import Channel, Interaction


class OfferBanner(QFrame):
    """Shown in the conversation area while the focused contact is only offered."""

    acceptRequested = Signal(str)
    rejectRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerBanner")
        self._interaction: Interaction | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("offerHeadline")
        self.detail = QLabel(self)
        self.detail.setObjectName("muted")
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("acceptButton")
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.setObjectName("rejectButton")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.headline)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(10)
        layout.addLayout(text, 1)
        layout.addWidget(self.reject_button)
        layout.addWidget(self.accept_button)
        self.accept_button.clicked.connect(self._accept)
        self.reject_button.clicked.connect(self._reject)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._refresh)

    def set_interaction(self, interaction: Interaction | None) -> None:
        self._interaction = interaction
        if interaction is None:
            self._timer.stop()
            return
        who = interaction.customer_name or interaction.from_address
        headlines = {
            Channel.CHAT: self.tr("New chat from %1"),
            Channel.VOICE: self.tr("Incoming call from %1"),
            Channel.EMAIL: self.tr("New e-mail from %1"),
        }
        self.headline.setText(headlines[interaction.channel].replace("%1", who))
        self._refresh()
        self._timer.start()

    def set_busy(self, busy: bool) -> None:
        self.accept_button.setEnabled(not busy)
        self.reject_button.setEnabled(not busy)

    def _refresh(self) -> None:
        it = self._interaction
        if it is None:
            return
        waited = fmt.duration(fmt.since(it.created_at, datetime.now(UTC)))
        self.detail.setText(
            self.tr("%1 · waiting %2").replace("%1", it.client.name).replace("%2", waited)
        )

    def _accept(self) -> None:
        if self._interaction is not None:
            self.acceptRequested.emit(self._interaction.id)

    def _reject(self) -> None:
        if self._interaction is not None:
            self.rejectRequested.emit(self._interaction.id)
