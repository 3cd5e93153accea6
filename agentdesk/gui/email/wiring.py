"""What the centre shows for the contact in focus: the chat transcript, the e-mail view, or
the call card."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agentdesk.gui.chat.store import TranscriptStore
from agentdesk.gui.customer.center import Customer360
from agentdesk.gui.email.view import EmailView
from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.interactions.pane import InteractionsPane
from agentdesk.gui.softphone.card import CallCard
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import Channel, Interaction


class ChannelFocus(QObject):
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
        call: CallCard,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._transcripts = transcripts
        self._center = center
        self._focus: str | None = None
        self.view = view
        self.call = call
        view.hide()
        call.hide()
        interactions.currentChanged.connect(self.set_focus)
        workstation.interactionChanged.connect(self.on_interaction)

    def set_focus(self, interaction_id: str | None) -> None:
        interaction = self._model.interaction(interaction_id) if interaction_id else None
        email = interaction is not None and interaction.channel is Channel.EMAIL
        if email and interaction is not None:
            self.view.set_interaction(interaction, self._transcripts.model(interaction.id))
        else:
            self.view.set_interaction(None, None)
        voice = interaction is not None and interaction.channel is Channel.VOICE
        self.call.show_call(interaction if voice else None)
        self._focus = interaction.id if interaction is not None else None
        self.view.setVisible(email)
        self.call.setVisible(voice)
        self._center.chat.setVisible(not email and not voice)

    def on_interaction(self, interaction: Interaction) -> None:
        self.view.update_interaction(interaction)
        if interaction.id == self._focus and interaction.channel is Channel.VOICE:
            self.call.show_call(interaction)
