"""The team leader's board: the squad's members, queues, service level, alerts, actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui import colors, fmt
from agentdesk.gui.people.board_model import TeamBoardModel
from agentdesk.gui.people.erlang import ErlangCalculator
from agentdesk.protocol.teams import TeamLive


class BoardWorkspace(QWidget):
    """The squad live: a member table, queues with SL now against target, alerts,
    a private message, monitoring buttons, urgent KB communications, the staffing calculator."""

    messageRequested = Signal(str, str)  # agent id, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TeamBoardModel(self)
        self.title = QLabel(self.tr("Squad board"), self)
        self.title.setObjectName("sectionTitle")
        self.service = QLabel("–", self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.queues = QListWidget(self)
        self.alerts = QListWidget(self)
        self.message = QLineEdit(self)
        self.message.setPlaceholderText(self.tr("Private message to the selected operator"))
        self.send = QPushButton(self.tr("Send"), self)
        self.send.clicked.connect(self._send)
        self.message.returnPressed.connect(self._send)
        reason = self.tr("Available when voice calls land in AgentDesk (media bridge)")
        self.monitor_buttons = []
        for text in (self.tr("Listen"), self.tr("Whisper"), self.tr("Barge")):
            button = QPushButton(text, self)
            button.setEnabled(False)
            button.setToolTip(reason)
            self.monitor_buttons.append(button)
        self.kb = QLabel(
            self.tr("Urgent KB communications: not available yet (the knowledge base API is "
                    "not on this server)"),
            self,
        )  # fmt: skip
        self.kb.setObjectName("muted")
        self.kb.setWordWrap(True)
        self.calculator = ErlangCalculator(self)

        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.send)
        for b in self.monitor_buttons:
            actions.addWidget(b)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.service)
        side = QVBoxLayout()
        side.addWidget(_boxed(self.tr("Queues"), self.queues))
        side.addWidget(_boxed(self.tr("Alerts"), self.alerts))
        side.addWidget(self.kb)
        top = QHBoxLayout()
        top.addWidget(self.table, 3)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(top, 3)
        layout.addLayout(actions)
        layout.addWidget(_boxed(self.tr("Staffing (Erlang C)"), self.calculator), 2)

    def apply(self, live: TeamLive, *, trainees_only: bool = False) -> None:
        """Show the squad's contact handlers (a tutor: the trainees only)."""
        self.title.setText(self.tr("Squad board — %1").replace("%1", live.name))
        handlers = {"trainee"} if trainees_only else {"operator", "trainee"}
        self.model.set_members([m for m in live.members if m.role.value in handlers])
        self.queues.clear()
        for q in live.queues:
            sl = fmt.percent(q.service_level) if q.service_level is not None else "–"
            self.queues.addItem(
                self.tr("%1: %2 waiting, longest %3, SL %4")
                .replace("%1", q.queue).replace("%2", str(q.waiting))
                .replace("%3", fmt.duration(q.oldest_wait_s)).replace("%4", sl)
            )  # fmt: skip
        levels = [q.service_level for q in live.queues if q.service_level is not None]
        now = min(levels) if levels else None
        below = now is not None and now < live.service_level_target
        self.service.setText(
            self.tr("SL now %1 · target %2")
            .replace("%1", fmt.percent(now) if now is not None else "–")
            .replace("%2", fmt.percent(live.service_level_target))
        )
        self.service.setStyleSheet(
            f"color: {colors.WARN if below else colors.OK}; font-weight: 600;"
        )
        self.alerts.clear()
        for alert in live.alerts:
            self.alerts.addItem(f"⚠ {alert.text}")
        if not live.alerts:
            self.alerts.addItem(self.tr("No thresholds crossed"))

    def selected_agent(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(TeamBoardModel.AGENT_ID_ROLE)
        return str(value) if value else None

    def _send(self) -> None:
        agent = self.selected_agent()
        text = self.message.text().strip()
        if agent and text:
            self.messageRequested.emit(agent, text)
            self.message.clear()


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return box
