"""The team leader's board: the squad's members, queues, service level, alerts, actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from agentdesk.protocol.people import Alert, AlertKind
from agentdesk.protocol.teams import TeamLive, TeamMemberLive


class BoardWorkspace(QWidget):
    """The squad live: a member table, queues with SL now against target, alerts,
    a private message, monitoring buttons, urgent KB communications, the staffing calculator."""

    messageRequested = Signal(str, str)  # agent id, text
    monitorRequested = Signal(str, str)  # interaction id, mode (listen | whisper | barge)
    monitorStopRequested = Signal()

    MODES = ("listen", "whisper", "barge")

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
        # Room for a squad's queues and a burst's alerts without scrolling at once.
        rows = self.fontMetrics().lineSpacing() * 7 + 8
        for watched in (self.queues, self.alerts):
            watched.setMinimumHeight(rows)
        self.message = QLineEdit(self)
        self.message.setPlaceholderText(self.tr("Private message to the selected operator"))
        self.send = QPushButton(self.tr("Send"), self)
        self.send.clicked.connect(self._send)
        self.message.returnPressed.connect(self._send)
        self.live: TeamLive | None = None
        #: the call being monitored here and how (``None``: not monitoring)
        self.monitoring: str | None = None
        self.monitor_mode: str | None = None
        self.monitor_buttons: list[QPushButton] = []
        for mode, text in zip(
            self.MODES, (self.tr("Listen"), self.tr("Whisper"), self.tr("Barge")), strict=True
        ):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, m=mode: self._monitor(m))
            self.monitor_buttons.append(button)
        self.stop_monitor = QPushButton(self.tr("Stop monitoring"), self)
        self.stop_monitor.clicked.connect(self.monitorStopRequested)
        self.monitor_status = QLabel("", self)
        self.monitor_status.setObjectName("muted")
        self.monitor_status.setWordWrap(True)
        self.kb = QLabel(self.tr("Urgent KB communications: loading…"), self)
        self.kb.setObjectName("muted")
        self.kb.setWordWrap(True)
        self.kb_list = QListWidget(self)
        # Long titles and lists of names wrap instead of running off to the right.
        self.kb_list.setWordWrap(True)
        self.kb_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kb_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_monitor())
        self._update_monitor()
        self.calculator = ErlangCalculator(self)

        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.send)
        for b in self.monitor_buttons:
            actions.addWidget(b)
        actions.addWidget(self.stop_monitor)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.service)
        side = QVBoxLayout()
        # Queues and alerts are what a team leader watches: they get the height, the
        # urgent communications (a few lines) the rest.
        side.addWidget(_boxed(self.tr("Queues"), self.queues), 3)
        side.addWidget(_boxed(self.tr("Alerts"), self.alerts), 3)
        kb_box = QVBoxLayout()
        kb_box.addWidget(self.kb)
        kb_box.addWidget(self.kb_list)
        side.addWidget(_boxed(self.tr("Urgent KB communications"), _widget(kb_box)), 2)
        top = QHBoxLayout()
        top.addWidget(self.table, 3)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(top, 4)
        layout.addLayout(actions)
        layout.addWidget(self.monitor_status)
        layout.addWidget(_boxed(self.tr("Staffing (Erlang C)"), self.calculator), 2)

    def apply(self, live: TeamLive, *, trainees_only: bool = False) -> None:
        """Show the squad's contact handlers (a tutor: the trainees only)."""
        self.title.setText(self.tr("Squad board — %1").replace("%1", live.name))
        handlers = {"trainee"} if trainees_only else {"operator", "trainee"}
        selected = self.selected_agent()
        self.live = live
        self.model.set_members([m for m in live.members if m.role.value in handlers])
        self._reselect(selected)
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
            self.alerts.addItem(f"⚠ {self.alert_text(alert, live)}")
        if not live.alerts:
            self.alerts.addItem(self.tr("No thresholds crossed"))

    def alert_text(self, alert: Alert, live: TeamLive) -> str:
        """The alert in the board's language, from the live figures it is about (the
        server's ``text`` is English; it is shown as is only for a kind this version does
        not know, or when the queue or member it names is not on the board)."""
        queue = next((q for q in live.queues if q.queue == alert.queue), None)
        member = next((m for m in live.members if m.agent_id == alert.agent_id), None)
        if alert.kind == AlertKind.SERVICE_LEVEL and queue and queue.service_level is not None:
            return (
                self.tr("%1: SL %2, below the %3 target")
                .replace("%1", queue.queue).replace("%2", fmt.percent(queue.service_level))
                .replace("%3", fmt.percent(live.service_level_target))
            )  # fmt: skip
        if alert.kind == AlertKind.LONG_WAIT and queue is not None:
            return (
                self.tr("%1: a customer has waited %2")
                .replace("%1", queue.queue).replace("%2", fmt.duration(queue.oldest_wait_s))
            )  # fmt: skip
        if alert.kind == AlertKind.NOT_READY_OVER_BUDGET and member is not None:
            return (
                self.tr("%1: not ready for %2")
                .replace("%1", member.name).replace("%2", fmt.duration(member.time_in_state_s))
            )  # fmt: skip
        if alert.kind == AlertKind.NEGATIVE_MOOD and member is not None:
            return self.tr("%1: the customer is upset").replace("%1", member.name)
        return alert.text

    def selected_agent(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(TeamBoardModel.AGENT_ID_ROLE)
        return str(value) if value else None

    def selected_member(self) -> TeamMemberLive | None:
        agent = self.selected_agent()
        if agent is None or self.live is None:
            return None
        return next((m for m in self.live.members if m.agent_id == agent), None)

    def selected_call(self) -> str | None:
        """The call the selected operator is on, if they are on one."""
        member = self.selected_member()
        if member is None or member.current_channel != "voice":
            return None
        return member.current_interaction_id

    def _reselect(self, agent: str | None) -> None:
        if agent is None:
            self._update_monitor()
            return
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(TeamBoardModel.AGENT_ID_ROLE) == agent:
                self.table.selectRow(row)
                break
        self._update_monitor()

    def set_monitoring(self, interaction_id: str | None, mode: str | None) -> None:
        """What the controller has set up: the call monitored here and the mode, or nothing."""
        self.monitoring = interaction_id
        self.monitor_mode = mode if interaction_id else None
        self._update_monitor()

    def show_monitor_status(self, text: str) -> None:
        self.monitor_status.setText(text)

    def _monitor(self, mode: str) -> None:
        call = self.monitoring or self.selected_call()
        self._update_monitor()  # the checked state follows the controller, not the click
        if call is not None and mode != self.monitor_mode:
            self.monitorRequested.emit(call, mode)

    def _update_monitor(self) -> None:
        call = self.selected_call()
        if self.monitoring is not None:
            reason = self.tr("Monitoring a call: switch the mode or stop")
            enabled = True
        elif call is not None:
            reason = self.tr("Monitor the selected operator's call")
            enabled = True
        elif self.selected_agent() is None:
            reason = self.tr("Select an operator on a call to monitor it")
            enabled = False
        else:
            reason = self.tr("The selected operator is not on a call")
            enabled = False
        for mode, button in zip(self.MODES, self.monitor_buttons, strict=True):
            button.setEnabled(enabled)
            button.setToolTip(reason)
            button.setChecked(self.monitoring is not None and mode == self.monitor_mode)
        self.stop_monitor.setEnabled(self.monitoring is not None)

    def show_urgent(self, notes: list[tuple[str, list[str]]]) -> None:
        """Each urgent note in force: its title and the squad members who have not read it."""
        self.kb_list.clear()
        if not notes:
            self.kb.setText(self.tr("No urgent communications in force"))
            return
        self.kb.setText(
            self.tr("Urgent communications in force: %1").replace("%1", str(len(notes)))
        )
        for title, pending in notes:
            if pending:
                line = self.tr("%1 — not read by: %2").replace("%1", title)
                line = line.replace("%2", ", ".join(pending))
            else:
                line = self.tr("%1 — read by everyone").replace("%1", title)
            self.kb_list.addItem(line)

    def show_urgent_error(self, text: str) -> None:
        self.kb.setText(self.tr("Urgent KB communications not loaded: %1").replace("%1", text))

    def _send(self) -> None:
        agent = self.selected_agent()
        text = self.message.text().strip()
        if agent and text:
            self.messageRequested.emit(agent, text)
            self.message.clear()


def _widget(layout: QVBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return box
