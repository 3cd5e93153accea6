"""The status line: connection state (connected / reconnecting / offline), server, notices."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from agentdesk.gui import colors
from agentdesk.gui.labels import connection_label

_DOT = {
    "connected": colors.OK,
    "connecting": colors.WARN,
    "reconnecting": colors.WARN,
    "offline": colors.DANGER,
}
NOTICE_MS = 12_000


class StatusLine(QStatusBar):
    """Bottom status bar of the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLine")
        self.setSizeGripEnabled(False)
        self.notice = QLabel(self)
        self.notice.setObjectName("statusNotice")
        self.connection = QLabel(self)
        self.connection.setObjectName("connectionState")
        self.server = QLabel(self)
        self.server.setObjectName("muted")
        self.addWidget(self.notice, 1)
        self.addPermanentWidget(self.connection)
        self.addPermanentWidget(self.server)
        self._status = "connecting"
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(lambda: self.notice.setText(""))
        self.set_connection("connecting", "")

    @property
    def status(self) -> str:
        return self._status

    def set_server(self, url: str, embedded: bool = False) -> None:
        text = self.tr("local demo server %1").replace("%1", url) if embedded else url
        self.server.setText(text)

    def set_connection(self, status: str, detail: str) -> None:
        """``detail`` is the session's own words, e.g. "retry in 4 s"."""
        self._status = status
        color = _DOT.get(status, colors.NEUTRAL)
        label = connection_label(status)
        text = f"<span style='color:{color}'>●</span> {label}"
        if detail and status != "connected":
            text += f" <span style='color:{colors.MUTED}'>({detail})</span>"
        self.connection.setText(text)
        self.connection.setToolTip(detail)

    def show_notice(self, level: str, text: str) -> None:
        """Notices and errors; they fade after a while but stay in the log."""
        color = {"error": colors.DANGER, "warning": colors.WARN, "urgent": colors.DANGER}.get(
            level, colors.TEXT
        )
        stamp = datetime.now().strftime("%H:%M")
        self.notice.setStyleSheet(f"color: {color};")
        self.notice.setText(f"{stamp}  {text}")
        self.notice.setToolTip(text)
        self._clear.start(NOTICE_MS if level not in ("error", "urgent") else NOTICE_MS * 3)
