"""Small reusable widgets: pills, facts (caption over value), section cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QListView, QVBoxLayout, QWidget

from agentdesk.gui import colors


class Pill(QLabel):
    """A rounded label in a given colour (flags, segment, client chip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("pill")
        self.set_colors(colors.SELECTION, colors.TEXT)

    def set_colors(self, background: str, foreground: str | None = None) -> None:
        fg = foreground or colors.readable_on(background)
        self.setStyleSheet(
            f"QLabel#pill {{ background: {background}; color: {fg}; border-radius: 9px;"
            " padding: 2px 9px; font-weight: 600; }"
        )


class Fact(QWidget):
    """A caption over a value, e.g. "Open balance" / "€ 84,20"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("factCaption")
        self.value = QLabel("–", self)
        self.value.setObjectName("factValue")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str, color: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {color};" if color else "")


class Card(QFrame):
    """A titled white card for the side panes."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel(title, self)
        self.title.setObjectName("cardTitle")
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(self.body)


class PlaceholderListView(QListView):
    """A list view that says what to expect while it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = ""

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(colors.MUTED))
            rect = self.viewport().rect().adjusted(16, 24, -16, -16)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                self.placeholder,
            )
