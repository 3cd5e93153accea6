"""Icons from ``resources/icons`` (SVG), loaded once."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

from agentdesk.gui.paths import resource

if TYPE_CHECKING:
    from agentdesk.protocol.interactions import Channel


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as a QIcon (empty if missing)."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def channel_icon(channel: Channel | str) -> QIcon:
    return icon(str(channel))


def app_icon() -> QIcon:
    return icon("agentdesk")
