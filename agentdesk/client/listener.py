"""What the desktop hears from a :class:`~agentdesk.client.session.Session`."""

from __future__ import annotations

from typing import Protocol

from agentdesk.client.stream import ConnectionStatus
from agentdesk.protocol.agents import AgentProfile, AgentStateView
from agentdesk.protocol.events import QueueStatsData
from agentdesk.protocol.interactions import Interaction, Message


class SessionListener(Protocol):
    """What the desktop hears from the session; every method is sync, on the loop thread.

    Optional extras: a listener that also defines
    ``message_failed(interaction_id, idempotency_key, text)``
    is told when an own message was refused (its pending bubble will never be confirmed);
    one that defines ``hints_changed(NbaSuggestedData)`` hears ``nba.suggested``.
    """

    def profile_changed(self, profile: AgentProfile) -> None: ...

    def state_changed(self, state: AgentStateView) -> None: ...

    def interaction_changed(self, interaction: Interaction) -> None:
        """New or updated (offered, active, wrap_up ...)."""

    def interaction_removed(self, interaction_id: str) -> None:
        """Closed (wrapped up), or the offer was withdrawn."""

    def message_added(self, message: Message, pending: bool) -> None:
        """``pending=True`` for an optimistic own message (its id is the idempotency key)."""

    def message_confirmed(self, idempotency_key: str, message: Message) -> None: ...

    def connection_changed(self, status: ConnectionStatus, detail: str) -> None: ...

    def queue_stats(self, data: QueueStatsData) -> None: ...

    def notice(self, level: str, text: str) -> None: ...

    def error(self, text: str) -> None: ...
