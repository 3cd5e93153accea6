"""Translated words for channel and interaction-status codes, with Qt's core only.

The first paint (:mod:`agentdesk.gui.shell.preview`) shows them before the protocol's
models are imported; :mod:`agentdesk.gui.labels` answers with the same words for the
protocol's enums. Built on each call so they follow the installed translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def channel_word(channel: str) -> str:
    words = {
        "chat": QCoreApplication.translate("Labels", "Chat"),
        "voice": QCoreApplication.translate("Labels", "Call"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
    }
    return words.get(channel, channel)


def status_word(status: str) -> str:
    words = {
        "queued": QCoreApplication.translate("Labels", "Queued"),
        "offered": QCoreApplication.translate("Labels", "Offered"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "wrap_up": QCoreApplication.translate("Labels", "Wrap-up"),
        "closed": QCoreApplication.translate("Labels", "Closed"),
        "abandoned": QCoreApplication.translate("Labels", "Abandoned"),
    }
    return words.get(status, status)
