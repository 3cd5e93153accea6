"""``StateSelector``: Ready / Not ready (reason) / Wrap-up / Offline, and time in state."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from agentdesk.domain.agent_state import (
    AgentState,
    IllegalTransition,
    NotReadyReason,
    allowed_targets,
    check_transition,
)
from agentdesk.gui import colors, fmt
from agentdesk.gui.labels import reason_label, state_label
from agentdesk.protocol.agents import AgentStateView

_MENU_STATES = (AgentState.READY, AgentState.WRAP_UP, AgentState.OFFLINE)


def state_dot(state: AgentState, size: int = 12) -> QIcon:
    """A filled circle in the state's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colors.STATE_COLORS.get(state.value, colors.NEUTRAL)))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def describe(view: AgentStateView | None) -> str:
    """ "Ready", "Not ready · Lunch", ..."""
    if view is None:
        return state_label(AgentState.OFFLINE)
    if view.state is AgentState.NOT_READY and view.reason is not None:
        return f"{state_label(view.state)} · {reason_label(view.reason)}"
    return state_label(view.state)


class StateSelector(QWidget):
    """Shows the current state and time in it; asks for a new state through a menu.

    The menu only offers what the state machine allows from here (``allowed_targets``);
    the server has the last word and a refusal comes back as a message, never a crash.
    """

    stateRequested = Signal(object, object)  # AgentState, NotReadyReason | None
    refused = Signal(str)  # a request the state machine does not allow, as a sentence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StateSelector")
        self._view: AgentStateView | None = None
        self._open_interactions = 0
        self._pending = False

        self.button = QToolButton(self)
        self.button.setObjectName("stateButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setIconSize(QSize(12, 12))
        self.button.setToolTip(self.tr("Change your state"))
        self.elapsed = QLabel(self)
        self.elapsed.setObjectName("timeInState")
        self.elapsed.setToolTip(self.tr("Time in this state"))
        self.menu = QMenu(self.button)
        self.actions_by_state: dict[AgentState, QAction] = {}
        self.reason_actions: dict[NotReadyReason, QAction] = {}
        self._build_menu()
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._update_menu)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.button)
        layout.addWidget(self.elapsed)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._refresh()

    # ---- binding ----------------------------------------------------------------------

    def set_state(self, view: AgentStateView | None) -> None:
        self._view = view
        self._pending = False
        self._refresh()

    def state(self) -> AgentState:
        return self._view.state if self._view else AgentState.OFFLINE

    def set_open_interactions(self, count: int) -> None:
        """How many interactions the operator still holds (nobody goes offline mid-chat)."""
        self._open_interactions = count

    def set_pending(self, pending: bool) -> None:
        """A change is on its way to the server: no second request meanwhile."""
        self._pending = pending
        self.button.setEnabled(not pending)

    def elapsed_text(self, now: datetime | None = None) -> str:
        if self._view is None:
            return fmt.clock(0)
        return fmt.clock(fmt.since(self._view.since, now or datetime.now(UTC)))

    # ---- requests ---------------------------------------------------------------------

    def request(self, state: AgentState, reason: NotReadyReason | None = None) -> None:
        """Ask for ``state``; refused locally when the state machine forbids it."""
        try:
            check_transition(
                self.state(), state, reason, active_interactions=self._open_interactions
            )
        except IllegalTransition as exc:
            self.refused.emit(self._explain(exc))
            return
        self.stateRequested.emit(state, reason)

    def _explain(self, exc: IllegalTransition) -> str:
        if exc.target is AgentState.OFFLINE and self._open_interactions:
            return self.tr(
                "You cannot go offline while you still hold %n conversation(s).",
                "",
                self._open_interactions,
            )
        return (
            self.tr("You cannot switch from %1 to %2.")
            .replace("%1", state_label(exc.current))
            .replace("%2", state_label(exc.target))
        )

    # ---- internals --------------------------------------------------------------------

    def _build_menu(self) -> None:
        ready = self.menu.addAction(state_dot(AgentState.READY), state_label(AgentState.READY))
        ready.triggered.connect(lambda: self.request(AgentState.READY))
        self.actions_by_state[AgentState.READY] = ready
        not_ready = self.menu.addMenu(
            state_dot(AgentState.NOT_READY), state_label(AgentState.NOT_READY)
        )
        self.not_ready_menu = not_ready
        self.actions_by_state[AgentState.NOT_READY] = not_ready.menuAction()
        for reason in NotReadyReason:
            action = not_ready.addAction(reason_label(reason))
            action.triggered.connect(
                lambda _checked=False, r=reason: self.request(AgentState.NOT_READY, r)
            )
            self.reason_actions[reason] = action
        for state in (AgentState.WRAP_UP, AgentState.OFFLINE):
            action = self.menu.addAction(state_dot(state), state_label(state))
            action.triggered.connect(lambda _checked=False, s=state: self.request(s))
            self.actions_by_state[state] = action

    def _update_menu(self) -> None:
        allowed = allowed_targets(self.state())
        for state, action in self.actions_by_state.items():
            action.setEnabled(state in allowed and state != self.state())
        self.actions_by_state[AgentState.NOT_READY].setEnabled(AgentState.NOT_READY in allowed)
        current_reason = self._view.reason if self._view else None
        for reason, action in self.reason_actions.items():
            action.setEnabled(
                not (self.state() is AgentState.NOT_READY and reason == current_reason)
            )
        if self._open_interactions:
            self.actions_by_state[AgentState.OFFLINE].setEnabled(False)

    def _refresh(self) -> None:
        state = self.state()
        self.button.setIcon(state_dot(state))
        self.button.setText(describe(self._view))
        self.button.setProperty("state", state.value)
        self.button.setEnabled(not self._pending)
        self._tick()

    def _tick(self) -> None:
        self.elapsed.setText(self.elapsed_text())
