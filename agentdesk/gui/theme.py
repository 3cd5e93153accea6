"""The look: Fusion style, a 10 pt UI font and ``resources/themes/agentdesk.qss``."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from agentdesk.gui import colors
from agentdesk.gui.paths import resource

log = logging.getLogger(__name__)
FONT_POINTS = 10.0


def stylesheet() -> str:
    path = resource("themes", "agentdesk.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("theme not found at %s; using the plain style", path)
        return ""


def apply(app: QApplication) -> None:
    """Style, palette, font and stylesheet for the whole application."""
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colors.WINDOW))
    palette.setColor(QPalette.ColorRole.Base, QColor(colors.PANE))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor(colors.TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colors.TEXT))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(colors.TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#f5f7f9"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(colors.ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7b8794"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fdfdfd"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(colors.TEXT))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(FONT_POINTS)
    app.setFont(font)
    app.setStyleSheet(stylesheet())
