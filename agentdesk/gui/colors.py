"""The palette: calm neutrals for an eight-hour shift, one accent, muted state colours.

The stylesheet (``resources/themes/agentdesk.qss``) uses the same values; item delegates,
which stylesheets do not reach, take them from here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

WINDOW = "#eef1f4"
PANE = "#ffffff"
BORDER = "#d5dbe1"
TEXT = "#1d2733"
MUTED = "#5b6776"
ACCENT = "#2f6f9f"
SELECTION = "#e3eef8"

INBOUND_BUBBLE = "#f1f3f6"
INBOUND_BORDER = "#dde2e8"
OUTBOUND_BUBBLE = "#dcebf7"
OUTBOUND_BORDER = "#c3dcf0"

OFFERED_BG = "#fff6e3"
OFFERED_BORDER = "#e0a841"

OK = "#2e7d4f"
WARN = "#b7791f"
DANGER = "#b3413b"
INFO = "#3b72b8"
NEUTRAL = "#8a94a0"

STATE_COLORS = {
    "ready": OK,
    "not_ready": WARN,
    "wrap_up": INFO,
    "offline": NEUTRAL,
    "review_hold": "#7a5aa6",
}


def qcolor(value: str) -> QColor:
    return QColor(value)


def readable_on(background: str) -> str:
    """Black or white text, whichever reads better on ``background``."""
    c = QColor(background)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return TEXT if luminance > 150 else "#ffffff"
