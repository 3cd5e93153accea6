"""``--demo-autopilot``: for screenshots and demos only, never in normal use.

Accepts the first chat offered after start-up and sends the client's greeting, and answers
the first call offered (the softphone then brings up its audio), so a headless screenshot
shows a live conversation and a call in progress. Everything else stays the operator's call.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from agentdesk.gui.assist.pane import greeting_for
from agentdesk.gui.controller import DeskController
from agentdesk.gui.interactions.pane import InteractionsPane
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.agents import AgentProfile
from agentdesk.protocol.interactions import Channel, Interaction, InteractionStatus

#: Chats the demo operator takes at once (beside the first call).
CHATS = 2


class DemoAutopilot(QObject):
    """Answer the first call, accept the first two offered chats and greet each customer;
    the first chat stays in focus."""

    def __init__(
        self,
        workstation: Workstation,
        controller: DeskController,
        interactions: InteractionsPane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._pane = interactions
        self._agent_name = ""
        self._chats: list[str] = []
        self._greeted: set[str] = set()
        self._call: str | None = None
        workstation.profileChanged.connect(self._on_profile)
        workstation.interactionChanged.connect(self._on_interaction)

    def _on_profile(self, profile: AgentProfile) -> None:
        self._agent_name = profile.name

    def _on_interaction(self, interaction: Interaction) -> None:
        if interaction.channel is Channel.VOICE:
            if self._call is None and interaction.status is InteractionStatus.OFFERED:
                self._call = interaction.id
                self._controller.accept(interaction.id)
            return
        if interaction.channel is not Channel.CHAT:
            return
        if (
            len(self._chats) < CHATS
            and interaction.id not in self._chats
            and interaction.status is InteractionStatus.OFFERED
        ):
            self._chats.append(interaction.id)
            if len(self._chats) == 1:
                self._pane.select(interaction.id)
            self._controller.accept(interaction.id)
        elif (
            interaction.id in self._chats
            and interaction.status is InteractionStatus.ACTIVE
            and interaction.id not in self._greeted
        ):
            self._greeted.add(interaction.id)
            self._pane.select(self._chats[0])
            self._controller.send(
                interaction.id, greeting_for(interaction.client, self._agent_name)
            )
