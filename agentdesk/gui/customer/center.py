"""Customer 360, the centre of the window: header, live conversation, history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from agentdesk.gui.chat.offer import OfferBanner
from agentdesk.gui.chat.pane import ChatPane
from agentdesk.gui.customer.header import CustomerHeader
from agentdesk.gui.customer.history_model import HistoryModel
from agentdesk.gui.customer.history_view import HistoryPane
from agentdesk.gui.email.view import EmailView
from agentdesk.gui.softphone.card import CallCard
from agentdesk.gui.wrapup.form import WrapupPanel
from agentdesk.protocol.interactions import Interaction, InteractionStatus


class Customer360(QWidget):
    """Composes the centre panes; shows the part that fits the contact's status."""

    def __init__(self, history: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Customer360")
        self.header = CustomerHeader(self)
        self.chat = ChatPane(self)
        self.offer = OfferBanner(self)
        self.wrapup = WrapupPanel(self)
        self.history = HistoryPane(history, self)
        self.email = EmailView(self)  # shown instead of the chat for e-mails (gui/email)
        self.call = CallCard(self)  # and this for calls (gui/softphone)

        # Below the transcript: the offer banner, the composer (inside ChatPane) or the
        # wrap-up form, by the contact's status. Hidden ones take no room.
        self.offer.hide()
        self.wrapup.hide()

        conversation = QWidget(self)
        conversation.setObjectName("conversation")
        column = QVBoxLayout(conversation)
        column.setContentsMargins(12, 8, 8, 8)
        column.setSpacing(6)
        column.addWidget(self.chat, 1)
        column.addWidget(self.email, 1)
        column.addWidget(self.call, 1)
        column.addWidget(self.offer)
        column.addWidget(self.wrapup)

        history_box = QWidget(self)
        history_box.setObjectName("historyBox")
        side = QVBoxLayout(history_box)
        side.setContentsMargins(8, 8, 12, 8)
        side.addWidget(self.history)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("centerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(conversation)
        self.splitter.addWidget(history_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 380])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.show_status(None)

    def show_status(self, interaction: Interaction | None) -> None:
        """Offer banner for offers, the wrap-up form in wrap-up, the composer otherwise."""
        status = interaction.status if interaction else None
        offered = status is InteractionStatus.OFFERED
        wrapping = status is InteractionStatus.WRAP_UP
        self.offer.set_interaction(interaction if offered else None)
        if wrapping:
            self.wrapup.set_interaction(interaction)
        self.offer.setVisible(offered)
        self.wrapup.setVisible(wrapping)

    def showing(self) -> str:
        """Which part is under the transcript: ``offer``, ``wrapup`` or ``composer``."""
        if not self.offer.isHidden():
            return "offer"
        if not self.wrapup.isHidden():
            return "wrapup"
        return "composer"
