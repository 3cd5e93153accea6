"""Shows the e-mail view instead of the chat transcript when an e-mail is in focus."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agentdesk.gui.chat.store import TranscriptStore
from agentdesk.gui.customer.center import Customer360
from agentdesk.gui.email.view import EmailView
from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.interactions.pane import InteractionsPane
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import Channel, Interaction


class EmailFocus(QObject):
    """Connected after the focus coordinator, so it has the last word on what shows."""

    def __init__(
        self,
        workstation: Workstation,
        *,
        model: InteractionListModel,
        transcripts: TranscriptStore,
        interactions: InteractionsPane,
        center: Customer360,
        view: EmailView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._transcripts = transcripts
        self._center = center
        self.view = view
        view.hide()
        interactions.currentChanged.connect(self.set_focus)
        workstation.interactionChanged.connect(self.on_interaction)

    def set_focus(self, interaction_id: str | None) -> None:
        interaction = self._model.interaction(interaction_id) if interaction_id else None
        email = interaction is not None and interaction.channel is Channel.EMAIL
        if email and interaction is not None:
            self.view.set_interaction(interaction, self._transcripts.model(interaction.id))
        else:
            self.view.set_interaction(None, None)
        self.view.setVisible(email)
        self._center.chat.setVisible(not email)

    def on_interaction(self, interaction: Interaction) -> None:
        self.view.update_interaction(interaction)
