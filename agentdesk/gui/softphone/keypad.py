"""The DTMF keypad: twelve keys that send digits to the call in progress."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


class Keypad(QWidget):
    digitPressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dtmfPad")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(key, self)
            button.setObjectName(f"dtmf_{key}")
            button.setFixedHeight(28)
            button.setToolTip(self.tr("Send the tone %1").replace("%1", key))
            button.clicked.connect(lambda _=False, k=key: self.digitPressed.emit(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
