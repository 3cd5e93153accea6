"""Desktop notification for a ringing call: a tray balloon where a tray exists, else an alert."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from agentdesk.gui.icons import app_icon


class CallNotifier:
    """``notify(title, text)``; remembers the last one (what the operator was told)."""

    def __init__(self, window: QWidget | None) -> None:
        self._window = window
        self._tray: QSystemTrayIcon | None = None
        self.last: tuple[str, str] | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(app_icon(), window)
            self._tray.show()

    def notify(self, title: str, text: str) -> None:
        self.last = (title, text)
        if self._tray is not None and QSystemTrayIcon.supportsMessages():
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        if self._window is not None and not self._window.isActiveWindow():
            QApplication.alert(self._window, 0)

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
