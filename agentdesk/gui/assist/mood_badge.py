"""A calm mood indicator for customer lines: a small dot, the cues on hover."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agentdesk.gui import colors
from agentdesk.protocol.mood import MoodView

#: Muted colours: the dot informs, it does not alarm.
_COLORS = {"negative": colors.WARN, "neutral": colors.NEUTRAL, "positive": colors.OK}


def mood_color(mood: MoodView | None) -> str | None:
    return _COLORS.get(mood.label) if mood is not None else None


def mood_tooltip(mood: MoodView | None) -> str:
    """ "Mood: negative (terza volta, !!)" for a line's tooltip; empty without a reading."""
    if mood is None:
        return ""
    names = {
        "negative": QCoreApplication.translate("MoodBadge", "negative"),
        "neutral": QCoreApplication.translate("MoodBadge", "neutral"),
        "positive": QCoreApplication.translate("MoodBadge", "positive"),
    }
    text = QCoreApplication.translate("MoodBadge", "Mood: %1").replace(
        "%1", names.get(mood.label, mood.label)
    )
    if mood.cues:
        cues = QCoreApplication.translate("MoodBadge", "because of: %1").replace(
            "%1", ", ".join(mood.cues)
        )
        text = f"{text}\n{cues}"
    return text
