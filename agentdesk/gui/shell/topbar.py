"""The top bar: client brand, state and time in state, queues, squad, operator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from agentdesk.gui import colors, fmt
from agentdesk.gui.state.selector import StateSelector
from agentdesk.gui.widgets import Pill
from agentdesk.protocol.agents import AgentProfile, ClientRef
from agentdesk.protocol.events import QueueStatsData


def queue_summary(data: QueueStatsData) -> tuple[str, str]:
    """A one-line summary and a per-queue tooltip."""
    waiting = sum(q.waiting for q in data.queues)
    oldest = max((q.oldest_wait_s for q in data.queues if q.waiting), default=0.0)
    levels = [q.service_level for q in data.queues if q.service_level is not None]
    parts = [
        QCoreApplication.translate("TopBar", "Queues: %n waiting", "", waiting),
    ]
    if waiting:
        parts.append(
            QCoreApplication.translate("TopBar", "oldest %1").replace("%1", fmt.duration(oldest))
        )
    if levels:
        parts.append(
            QCoreApplication.translate("TopBar", "SL %1").replace(
                "%1", fmt.percent(sum(levels) / len(levels))
            )
        )
    line = QCoreApplication.translate("TopBar", "%1: %2 waiting · oldest %3 · SL %4")
    tip = "\n".join(
        line.replace("%1", q.queue).replace("%2", str(q.waiting))
        .replace("%3", fmt.duration(q.oldest_wait_s)).replace("%4", fmt.percent(q.service_level))
        for q in data.queues
    )  # fmt: skip
    return " · ".join(parts), tip


class TopBar(QFrame):
    """Brand of the active contact's client (the operator speaks as them), state, queues."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.brand = Pill("AgentDesk", self)
        self.brand.setObjectName("pill")
        self.brand.setMinimumWidth(140)
        self.brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = StateSelector(self)
        self.queues = QLabel(self.tr("Queues: –"), self)
        self.queues.setObjectName("topBarText")
        self.squad = QLabel(self)
        self.squad.setObjectName("topBarText")
        self.agent = QLabel(self)
        self.agent.setObjectName("topBarAgent")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(18)
        layout.addWidget(self.brand)
        layout.addWidget(self._separator())
        layout.addWidget(self.state)
        layout.addWidget(self._separator())
        layout.addWidget(self.queues)
        layout.addStretch(1)
        layout.addWidget(self.squad)
        layout.addWidget(self._separator())
        layout.addWidget(self.agent)
        self.set_brand(None)

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setObjectName("topBarSeparator")
        line.setFrameShape(QFrame.Shape.VLine)
        return line

    def set_brand(self, client: ClientRef | None) -> None:
        if client is None:
            self.brand.setText("AgentDesk")
            self.brand.set_colors(colors.ACCENT)
            self.brand.setToolTip(self.tr("No contact in focus"))
        else:
            self.brand.setText(client.name)
            self.brand.set_colors(client.color)
            self.brand.setToolTip(self.tr("You are answering for %1").replace("%1", client.name))

    def set_profile(self, profile: AgentProfile) -> None:
        self.agent.setText(profile.name)
        self.agent.setToolTip(f"{profile.username} · {profile.role.value}")
        if profile.team_name:
            self.squad.setText(self.tr("Squad: %1").replace("%1", profile.team_name))
        self.squad.setVisible(bool(profile.team_name))

    def set_queue_stats(self, data: QueueStatsData) -> None:
        text, tip = queue_summary(data)
        self.queues.setText(text)
        self.queues.setToolTip(tip)
