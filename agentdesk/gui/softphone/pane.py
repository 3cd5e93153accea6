"""The softphone pane: the call in front of the operator, its controls, dialling, devices.

It holds no rules: it shows a :class:`CallView` and emits what the operator asks for; the
softphone controller talks to the server and the media leg.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui import colors
from agentdesk.gui.softphone.call_view import CallView, Phase, call_view, format_duration
from agentdesk.gui.softphone.keypad import Keypad
from agentdesk.gui.softphone.meter import LevelBar
from agentdesk.gui.softphone.transfer import TransferDialog
from agentdesk.media.devices import AudioDevice
from agentdesk.protocol.agents import AgentProfile
from agentdesk.protocol.interactions import Interaction

#: The softphone's keyboard shortcuts (window-wide).
SHORTCUTS = {
    "answer": "Ctrl+Shift+P",
    "hangup": "Ctrl+Shift+X",
    "hold": "Ctrl+Shift+O",
    "mute": "Ctrl+Shift+M",
}


class SoftphonePane(QWidget):
    """Signals carry the interaction id first."""

    answerRequested = Signal(str)
    rejectRequested = Signal(str)
    hangupRequested = Signal(str)
    holdRequested = Signal(str, bool)  # id, hold (False: resume)
    muteRequested = Signal(str, bool)  # id, mute (False: unmute)
    dtmfRequested = Signal(str, str)  # id, digits
    dialRequested = Signal(str, str)  # number, client id
    transferRequested = Signal(str, str, str, str)  # id, target type, target id, mode
    conferenceRequested = Signal(str, str, str)  # id, target type, target id
    inputChosen = Signal(str)
    outputChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SoftphonePane")
        self._view: CallView | None = None
        self._busy = False
        self._online = True
        self._queues: list[str] = []
        self._dialog: TransferDialog | None = None
        self._silent_inputs: set[str] = set()
        self._build()
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._render()

    # ---- construction -----------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)

        head = QHBoxLayout()
        self.phase = QLabel(self)
        self.phase.setObjectName("callPhase")
        self.timer = QLabel("", self)
        self.timer.setObjectName("callTimer")
        timer_font = QFont(self.timer.font())
        timer_font.setPixelSize(16)
        timer_font.setWeight(QFont.Weight.DemiBold)
        self.timer.setFont(timer_font)
        # Wide enough for an hour-long call from the start: the clock never gets clipped.
        self.timer.setMinimumWidth(QFontMetrics(timer_font).horizontalAdvance("0:00:00") + 4)
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.phase)
        head.addStretch(1)
        head.addWidget(self.timer)
        layout.addLayout(head)

        self.caller = QLabel(self)
        self.caller.setObjectName("callCaller")
        self.caller.setStyleSheet("font-weight: 600;")
        self.caller.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        layout.addWidget(self.caller)
        layout.addWidget(self.detail)

        self.offline = QLabel(self)
        self.offline.setObjectName("callOffline")
        self.offline.setWordWrap(True)
        self.offline.setStyleSheet(
            f"background: {colors.OFFERED_BG}; border: 1px solid {colors.OFFERED_BORDER};"
            " border-radius: 4px; padding: 4px;"
        )
        self.offline.setText(
            self.tr("Server connection lost. The call goes on; controls return when it is back.")
        )
        layout.addWidget(self.offline)

        self.actions_ = {name: self._action(name) for name in SHORTCUTS}
        grid = QGridLayout()
        grid.setSpacing(4)
        self.answer = self._button(self.tr("Answer"), "answer", colors.OK)
        self.reject = self._button(self.tr("Reject"), None, None)
        self.hangup = self._button(self.tr("Hang up"), "hangup", colors.DANGER)
        self.hold = self._button(self.tr("Hold"), "hold", None, checkable=True)
        self.mute = self._button(self.tr("Mute"), "mute", None, checkable=True)
        self.keys = self._button(self.tr("Keypad"), None, None, checkable=True)
        self.transfer = self._button(self.tr("Transfer…"), None, None)
        self.conference = self._button(self.tr("Conference…"), None, None)
        self.complete = self._button(self.tr("Complete transfer"), None, None)
        self.complete.setToolTip(
            self.tr("Leave the call: the customer stays with the colleague you consulted.")
        )
        for row, buttons in enumerate(
            (
                (self.answer, self.reject),
                (self.hold, self.mute, self.keys),
                (self.transfer, self.conference, self.hangup),
                (self.complete,),
            )
        ):
            for column, button in enumerate(buttons):
                grid.addWidget(button, row, column)
        layout.addLayout(grid)

        self.keypad = Keypad(self)
        self.keypad.setVisible(False)
        layout.addWidget(self.keypad)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {colors.BORDER};")
        layout.addWidget(line)

        dial = QHBoxLayout()
        self.number = QLineEdit(self)
        self.number.setObjectName("dialNumber")
        self.number.setPlaceholderText(self.tr("Number to call"))
        self.caller_id = QComboBox(self)
        self.caller_id.setObjectName("callerId")
        self.caller_id.setToolTip(self.tr("The client whose caller id the customer sees"))
        self.call = QPushButton(self.tr("Call"), self)
        self.call.setObjectName("dialButton")
        self.caller_id.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        dial.addWidget(self.number, 1)
        dial.addWidget(self.call)
        layout.addLayout(dial)
        # On a row of its own: a client's full name must not be clipped ("Lario Acc...").
        layout.addWidget(self.caller_id)

        devices = QGridLayout()
        devices.setSpacing(4)
        self.microphone = QComboBox(self)
        self.microphone.setObjectName("inputDevice")
        self.speaker = QComboBox(self)
        self.speaker.setObjectName("outputDevice")
        self.level = LevelBar(self)
        devices.addWidget(QLabel(self.tr("Mic"), self), 0, 0)
        devices.addWidget(self.microphone, 0, 1)
        devices.addWidget(self.level, 1, 1)
        devices.addWidget(QLabel(self.tr("Speaker"), self), 2, 0)
        devices.addWidget(self.speaker, 2, 1)
        devices.setColumnStretch(1, 1)
        layout.addLayout(devices)
        layout.addStretch(1)

        self.answer.clicked.connect(self._answer)
        self.reject.clicked.connect(self._reject)
        self.hangup.clicked.connect(self._hangup)
        self.hold.clicked.connect(self._hold)
        self.mute.clicked.connect(self._mute)
        self.keys.toggled.connect(self.keypad.setVisible)
        self.keypad.digitPressed.connect(self._dtmf)
        self.transfer.clicked.connect(lambda: self._open_dialog(conference=False))
        self.conference.clicked.connect(lambda: self._open_dialog(conference=True))
        self.complete.clicked.connect(self._hangup)
        self.call.clicked.connect(self._dial)
        self.number.returnPressed.connect(self._dial)
        self.microphone.activated.connect(
            lambda i: self.inputChosen.emit(str(self.microphone.itemData(i)))
        )
        self.microphone.activated.connect(self._meter_input)
        self.speaker.activated.connect(
            lambda i: self.outputChosen.emit(str(self.speaker.itemData(i)))
        )
        self.actions_["answer"].triggered.connect(self._answer)
        self.actions_["hangup"].triggered.connect(self._hangup)
        self.actions_["hold"].triggered.connect(lambda: self._hold(not self.hold.isChecked()))
        self.actions_["mute"].triggered.connect(lambda: self._mute(not self.mute.isChecked()))

    def _action(self, name: str) -> QAction:
        action = QAction(self)
        action.setObjectName(f"softphone_{name}")
        action.setShortcut(QKeySequence(SHORTCUTS[name]))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _button(
        self, text: str, shortcut: str | None, color: str | None, *, checkable: bool = False
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(checkable)
        button.setMinimumHeight(28)
        if shortcut is not None:
            keys = QKeySequence(SHORTCUTS[shortcut]).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            button.setToolTip(f"{text} ({keys})")
        if color is not None:
            button.setStyleSheet(
                f"QPushButton:enabled {{ background: {color}; color: white; font-weight: 600;"
                " border-radius: 4px; padding: 4px 10px; }"
            )
        return button

    # ---- inputs -----------------------------------------------------------------------

    def set_profile(self, profile: AgentProfile) -> None:
        self.caller_id.clear()
        for client in profile.clients:
            self.caller_id.addItem(client.name, client.id)

    def set_devices(self, inputs: list[AudioDevice], outputs: list[AudioDevice]) -> None:
        # The null backend's own names are English (the media package has no Qt).
        names = {
            "No microphone (silence)": self.tr("No microphone (silence)"),
            "No speaker": self.tr("No speaker"),
        }
        for combo, devices in ((self.microphone, inputs), (self.speaker, outputs)):
            combo.clear()
            for device in devices:
                combo.addItem(names.get(device.name, device.name), device.id)
                if device.default:
                    combo.setCurrentIndex(combo.count() - 1)
            combo.setEnabled(bool(devices))
        self._silent_inputs = {d.id for d in inputs if d.silent}
        self._meter_input(self.microphone.currentIndex())

    def _meter_input(self, index: int) -> None:
        """A calm "no microphone" in the meter for an input that gives only silence."""
        silent = index >= 0 and self.microphone.itemData(index) in self._silent_inputs
        self.level.set_placeholder(self.tr("No microphone") if silent else None)

    def set_queues(self, queues: list[str]) -> None:
        self._queues = sorted(set(queues))

    def show_call(self, interaction: Interaction | None) -> None:
        self._view = call_view(interaction) if interaction is not None else None
        self._render()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._render()

    def set_connection(self, status: str, _detail: str = "") -> None:
        self._online = status == "connected"
        self._render()

    def set_level(self, rms_dbfs: float, peak_dbfs: float) -> None:
        self.level.set_level(rms_dbfs, peak_dbfs)

    @property
    def view(self) -> CallView | None:
        return self._view

    # ---- rendering --------------------------------------------------------------------

    def _render(self) -> None:
        view = self._view
        phase = view.phase if view else Phase.IDLE
        labels = {
            Phase.IDLE: (self.tr("No call"), colors.NEUTRAL),
            Phase.RINGING: (self.tr("Incoming call"), colors.WARN),
            Phase.TALKING: (self.tr("On call"), colors.OK),
            Phase.HELD: (self.tr("On hold"), colors.INFO),
            Phase.WRAP_UP: (self.tr("Call ended: wrap-up"), colors.NEUTRAL),
        }
        if view is not None and view.outbound:
            labels[Phase.TALKING] = (self.tr("Outbound call"), colors.OK)
            labels[Phase.RINGING] = (self.tr("Calling…"), colors.WARN)
        text, color = labels[phase]
        self.phase.setText(f"<span style='color:{color}'>●</span> <b>{text}</b>")
        if view is None:
            self.caller.setText(self.tr("Ready for calls"))
            self.detail.setText(self.tr("Dial a number below, or wait for a call."))
        else:
            self.caller.setText(view.caller)
            extra = [view.client_name]
            if view.parties:
                extra.append(self.tr("with %1").replace("%1", ", ".join(view.parties)))
            if view.recording:
                extra.append(self.tr("recorded"))
            self.detail.setText(" · ".join(extra))
        live = phase in (Phase.TALKING, Phase.HELD)
        can = not self._busy and self._online
        self.offline.setVisible(not self._online and view is not None)
        self.answer.setVisible(phase is Phase.RINGING)
        self.reject.setVisible(phase is Phase.RINGING)
        self.answer.setEnabled(can)
        self.reject.setEnabled(can)
        for button in (self.hold, self.mute, self.keys, self.transfer, self.conference):
            button.setEnabled(live and can)
        self.keypad.setEnabled(live and can)
        self.hangup.setEnabled(live and can)
        self.complete.setVisible(bool(view and view.consulting and live))
        self.complete.setEnabled(can)
        self.hold.setChecked(phase is Phase.HELD)
        self.hold.setText(self.tr("Resume") if phase is Phase.HELD else self.tr("Hold"))
        self.mute.setChecked(bool(view and view.muted))
        self.mute.setText(self.tr("Unmute") if view and view.muted else self.tr("Mute"))
        self.call.setEnabled(view is None and can)
        self.actions_["answer"].setEnabled(phase is Phase.RINGING and can)
        for name in ("hangup", "hold", "mute"):
            self.actions_[name].setEnabled(live and can)
        self._tick()

    def _tick(self) -> None:
        view = self._view
        if view is None or view.phase in (Phase.IDLE, Phase.RINGING):
            self.timer.setText("")
            return
        if view.talk_started_at is None:
            self.timer.setText("0:00")
            return
        elapsed = (datetime.now(UTC) - view.talk_started_at).total_seconds()
        self.timer.setText(format_duration(elapsed))

    # ---- intents ----------------------------------------------------------------------

    def _current(self, *phases: Phase) -> str | None:
        view = self._view
        if view is None or view.phase not in phases or self._busy or not self._online:
            return None
        return view.interaction_id

    def _answer(self) -> None:
        if (iid := self._current(Phase.RINGING)) is not None:
            self.answerRequested.emit(iid)

    def _reject(self) -> None:
        if (iid := self._current(Phase.RINGING)) is not None:
            self.rejectRequested.emit(iid)

    def _hangup(self) -> None:
        if (iid := self._current(Phase.TALKING, Phase.HELD)) is not None:
            self.hangupRequested.emit(iid)

    def _hold(self, hold: bool) -> None:
        if (iid := self._current(Phase.TALKING, Phase.HELD)) is not None:
            self.holdRequested.emit(iid, hold)
        self._render()  # the button shows the server's state, not the click

    def _mute(self, mute: bool) -> None:
        if (iid := self._current(Phase.TALKING, Phase.HELD)) is not None:
            self.muteRequested.emit(iid, mute)
        self._render()

    def _dtmf(self, digit: str) -> None:
        if (iid := self._current(Phase.TALKING, Phase.HELD)) is not None:
            self.dtmfRequested.emit(iid, digit)

    def _dial(self) -> None:
        number = self.number.text().strip()
        client_id = self.caller_id.currentData()
        if not number or not client_id or self._view is not None:
            return
        self.dialRequested.emit(number, str(client_id))

    def _open_dialog(self, conference: bool) -> None:
        if (iid := self._current(Phase.TALKING, Phase.HELD)) is None:
            return
        dialog = TransferDialog(conference, self._queues, self)
        dialog.chosen.connect(lambda kind, target, mode: self._chosen(iid, kind, target, mode))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def _chosen(self, iid: str, kind: str, target: str, mode: str) -> None:
        if mode == "conference":
            self.conferenceRequested.emit(iid, kind, target)
        else:
            self.transferRequested.emit(iid, kind, target, mode)

    def clear_dial(self) -> None:
        self.number.clear()
