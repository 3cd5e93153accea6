"""The only bridge from the client session to the widgets.

:class:`Workstation` implements the session's ``SessionListener`` protocol by emitting one Qt
signal per callback. The session calls it on the event loop thread, which under qasync is the
GUI thread, so the signals are delivered directly; widgets and models never see the session.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agentdesk.protocol.agents import AgentProfile, AgentStateView
from agentdesk.protocol.events import QueueStatsData
from agentdesk.protocol.interactions import Interaction, Message
from agentdesk.protocol.nba import NbaSuggestedData
from agentdesk.protocol.voice import MediaSdpData


class Workstation(QObject):
    """SessionListener -> Qt signals."""

    profileChanged = Signal(object)  # AgentProfile
    stateChanged = Signal(object)  # AgentStateView
    interactionChanged = Signal(object)  # Interaction
    interactionRemoved = Signal(str)
    messageAdded = Signal(object, bool)  # Message, pending
    messageConfirmed = Signal(str, object)  # idempotency key, Message
    messageRefused = Signal(str, str, str)  # interaction id, idempotency key, the server's reason
    connectionChanged = Signal(str, str)  # ConnectionStatus value, detail
    queueStatsChanged = Signal(object)  # QueueStatsData
    noticeRaised = Signal(str, str)  # level, text
    errorRaised = Signal(str)
    hintsChanged = Signal(object)  # NbaSuggestedData
    peopleEvent = Signal(str, object)  # event type, payload (KpiUpdatedData, TeamLive dict...)
    mediaSdp = Signal(object)  # MediaSdpData: the server renegotiates a call's audio

    # ---- SessionListener --------------------------------------------------------------

    def profile_changed(self, profile: AgentProfile) -> None:
        self.profileChanged.emit(profile)

    def state_changed(self, state: AgentStateView) -> None:
        self.stateChanged.emit(state)

    def interaction_changed(self, interaction: Interaction) -> None:
        self.interactionChanged.emit(interaction)

    def interaction_removed(self, interaction_id: str) -> None:
        self.interactionRemoved.emit(interaction_id)

    def message_added(self, message: Message, pending: bool) -> None:
        self.messageAdded.emit(message, pending)

    def message_confirmed(self, idempotency_key: str, message: Message) -> None:
        self.messageConfirmed.emit(idempotency_key, message)

    def message_failed(self, interaction_id: str, idempotency_key: str, reason: str) -> None:
        self.messageRefused.emit(interaction_id, idempotency_key, reason)

    def connection_changed(self, status: object, detail: str) -> None:
        self.connectionChanged.emit(str(getattr(status, "value", status)), detail)

    def queue_stats(self, data: QueueStatsData) -> None:
        self.queueStatsChanged.emit(data)

    def notice(self, level: str, text: str) -> None:
        self.noticeRaised.emit(level, text)

    def hints_changed(self, data: NbaSuggestedData) -> None:
        self.hintsChanged.emit(data)

    def error(self, text: str) -> None:
        self.errorRaised.emit(text)

    def people_event(self, type_: str, data: object) -> None:
        self.peopleEvent.emit(type_, data)

    def media_sdp(self, data: MediaSdpData) -> None:
        self.mediaSdp.emit(data)
