"""The call in the centre of the window when a call is in focus: who, what, for how long.

The controls stay in the softphone pane; this card says so, with the shortcuts.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from agentdesk.gui import colors
from agentdesk.gui.softphone.call_view import CallView, Phase, call_view, format_duration
from agentdesk.gui.softphone.pane import SHORTCUTS
from agentdesk.protocol.interactions import Interaction


class CallCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallCard")
        self._view: CallView | None = None
        self.caller = QLabel(self)
        self.caller.setObjectName("callCardCaller")
        self.caller.setTextFormat(Qt.TextFormat.PlainText)
        self.caller.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.caller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel(self)
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer = QLabel(self)
        self.timer.setObjectName("callCardTimer")
        self.timer.setStyleSheet("font-size: 34px; font-weight: 600;")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setText(
            self.tr("Call controls are in the softphone: hang up %1, hold %2, mute %3.")
            .replace("%1", SHORTCUTS["hangup"])
            .replace("%2", SHORTCUTS["hold"])
            .replace("%3", SHORTCUTS["mute"])
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.caller, self.state, self.timer, self.hint):
            layout.addWidget(widget)
        layout.addStretch(2)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    def show_call(self, interaction: Interaction | None) -> None:
        self._view = call_view(interaction) if interaction is not None else None
        view = self._view
        if view is None:
            self.caller.clear()
            self.state.clear()
            self.timer.clear()
            return
        self.caller.setText(view.caller)
        text = {
            Phase.RINGING: self.tr("Ringing: answer in the softphone or below"),
            Phase.TALKING: self.tr("On call for %1").replace("%1", view.client_name),
            Phase.HELD: self.tr("The customer is on hold"),
            Phase.WRAP_UP: self.tr("Call ended: complete the wrap-up below"),
            Phase.IDLE: "",
        }[view.phase]
        if view.muted and view.phase in (Phase.TALKING, Phase.HELD):
            text += " · " + self.tr("muted")
        color = {Phase.HELD: colors.INFO, Phase.RINGING: colors.WARN}.get(view.phase, colors.MUTED)
        self.state.setStyleSheet(f"color: {color};")
        self.state.setText(text)
        self._tick()

    def _tick(self) -> None:
        view = self._view
        live = view is not None and view.phase in (Phase.TALKING, Phase.HELD)
        if not live or view is None or view.talk_started_at is None:
            self.timer.setText("")
            return
        elapsed = (datetime.now(UTC) - view.talk_started_at).total_seconds()
        self.timer.setText(format_duration(elapsed))
