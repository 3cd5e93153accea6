"""One :class:`TranscriptModel` per interaction, fed by the workstation's signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agentdesk.gui.chat.model import TranscriptModel
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import Interaction, Message


class TranscriptStore(QObject):
    """Keeps the transcripts of the interactions the session holds."""

    typingChanged = Signal(str, bool)  # interaction id, customer is typing

    def __init__(self, workstation: Workstation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._models: dict[str, TranscriptModel] = {}
        self._typing: dict[str, bool] = {}
        workstation.interactionChanged.connect(self.on_interaction)
        workstation.interactionRemoved.connect(self.on_removed)
        workstation.messageAdded.connect(self.on_message)
        workstation.messageConfirmed.connect(self.on_confirmed)
        workstation.messageRefused.connect(self.on_refused)

    def model(self, interaction_id: str) -> TranscriptModel:
        model = self._models.get(interaction_id)
        if model is None:
            model = TranscriptModel(interaction_id, self)
            self._models[interaction_id] = model
        return model

    def is_typing(self, interaction_id: str) -> bool:
        return self._typing.get(interaction_id, False)

    def on_interaction(self, interaction: Interaction) -> None:
        self.model(interaction.id).sync(interaction.messages)
        typing = interaction.customer_typing
        if self._typing.get(interaction.id) != typing:
            self._typing[interaction.id] = typing
            self.typingChanged.emit(interaction.id, typing)

    def on_removed(self, interaction_id: str) -> None:
        model = self._models.pop(interaction_id, None)
        self._typing.pop(interaction_id, None)
        if model is not None:
            model.deleteLater()

    def on_message(self, message: Message, pending: bool) -> None:
        self.model(message.interaction_id).add(message, pending)
        # A message from the customer ends their typing.
        inbound = message.direction.value == "inbound"
        if not pending and inbound and self._typing.get(message.interaction_id):
            self._typing[message.interaction_id] = False
            self.typingChanged.emit(message.interaction_id, False)

    def on_confirmed(self, key: str, message: Message) -> None:
        self.model(message.interaction_id).confirm(key, message)

    def on_refused(self, interaction_id: str, key: str, reason: str) -> None:
        if interaction_id in self._models:
            self._models[interaction_id].refuse(key, reason)
