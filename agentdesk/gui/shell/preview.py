"""The first paint: the desk's last known picture, read and drawn without the heavy stack.

At start-up the main window shows at once what the local cache kept (the operator, the open
interactions, the customer on screen), marked as refreshing, while the panes, the HTTP
client and the protocol models load behind it; the real panes then take its place in the
same window (see ``MainWindow.build_panes``). So this module imports only Qt widgets and the
standard library: the snapshot's JSON (``agentdesk.client.snapshot``) is read as plain data
with ``sqlite3`` and ``json``, and anything it does not understand shows nothing.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui import colors
from agentdesk.gui.code_words import channel_word, status_word

log = logging.getLogger(__name__)

#: ``agentdesk.client.snapshot.VERSION``: another version is ignored (a test keeps them equal).
SNAPSHOT_VERSION = 1
#: The cache's file name in the data directory (``DeskRunner`` opens the same one).
CACHE_FILE = "client-cache.sqlite3"
#: Statuses that are still the operator's business (the session drops the others).
_OPEN = ("offered", "active", "wrap_up")
_SHOWN_LINES = 8


@dataclass(frozen=True)
class Row:
    """One open interaction as the list shows it."""

    title: str
    channel: str
    status: str


@dataclass(frozen=True)
class Picture:
    """What the first paint shows: plain text, no protocol models."""

    operator: str
    team: str
    rows: list[Row] = field(default_factory=list)
    #: The interaction on screen: customer, how they reach us, subject, last lines.
    customer: str = ""
    contact: str = ""
    subject: str = ""
    lines: list[tuple[bool, str]] = field(default_factory=list)  # (inbound, text)


def read_picture(data_dir: Path, server_key: str, username: str) -> Picture | None:
    """The picture the cache kept for ``username`` on ``server_key``; None when there is none
    or it cannot be read (never an error: the live load follows anyway)."""
    path = data_dir / CACHE_FILE
    if not username or not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            row = db.execute(
                "SELECT body FROM snapshot WHERE server_key = ? AND username = ?",
                (server_key, username),
            ).fetchone()
        finally:
            db.close()
        return picture_of(json.loads(row[0])) if row else None
    except (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.info("no first picture from the cache: %s", exc)
        return None


def picture_of(body: dict[str, Any]) -> Picture | None:
    """The snapshot's JSON as a :class:`Picture` (None: another version)."""
    if body.get("version") != SNAPSHOT_VERSION:
        return None
    profile = body["profile"]
    open_ = [i for i in body.get("interactions", []) if i.get("status") in _OPEN]
    rows = [Row(_who(i), str(i.get("channel", "")), str(i["status"])) for i in open_]
    shown = next((i for i in open_ if i["status"] != "offered"), open_[0] if open_ else None)
    if shown is None:
        return Picture(str(profile["name"]), str(profile.get("team_name") or ""), rows)
    messages = shown.get("messages") or []
    return Picture(
        operator=str(profile["name"]),
        team=str(profile.get("team_name") or ""),
        rows=rows,
        customer=_who(shown),
        contact=str(shown.get("from_address") or ""),
        subject=str(shown.get("subject") or ""),
        lines=[
            (m.get("direction") == "inbound", str(m.get("text", "")))
            for m in messages[-_SHOWN_LINES:]
        ],
    )


def _who(interaction: dict[str, Any]) -> str:
    return str(interaction.get("customer_name") or interaction.get("from_address") or "")


class PictureReader:
    """Reads the picture on a worker thread while Qt builds the window (no IO on the GUI
    thread); :meth:`result` waits at most ``timeout`` seconds, then shows nothing."""

    def __init__(self, data_dir: Path, server_key: str, username: str) -> None:
        self._picture: Picture | None = None
        self._thread = threading.Thread(
            target=self._read, args=(data_dir, server_key, username), daemon=True
        )
        self._thread.start()

    def _read(self, data_dir: Path, server_key: str, username: str) -> None:
        self._picture = read_picture(data_dir, server_key, username)

    def result(self, timeout: float = 0.5) -> Picture | None:
        self._thread.join(timeout)
        return None if self._thread.is_alive() else self._picture


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeskPreview", text)


def _label(text: str, parent: QWidget, style: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class PreviewPane(QWidget):
    """The whole window's content until the panes are built: top strip, the open
    interactions on the left, the customer on screen in the middle, a refreshing line."""

    def __init__(self, picture: Picture | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskPreview")
        self.picture = picture
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top(picture))
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(1)
        body.addWidget(self._list(picture), 0)
        body.addWidget(self._customer(picture), 1)
        assist = QFrame(self)
        assist.setFixedWidth(360)
        assist.setStyleSheet(f"background: {colors.PANE};")
        body.addWidget(assist, 0)
        outer.addLayout(body, 1)
        self.status = _label(
            f"<span style='color:{colors.WARN}'>●</span> "
            + (_tr("Refreshing — showing the last known picture") if picture else _tr("Starting…")),
            self,
        )
        self.status.setObjectName("previewStatus")
        self.status.setContentsMargins(8, 4, 8, 4)
        outer.addWidget(self.status)

    def _top(self, picture: Picture | None) -> QWidget:
        top = QFrame(self)
        top.setObjectName("previewTop")
        top.setStyleSheet(
            f"#previewTop {{ background: {colors.PANE};"
            f" border-bottom: 1px solid {colors.BORDER}; }}"
        )
        row = QHBoxLayout(top)
        row.setContentsMargins(12, 8, 12, 8)
        self.operator = _label(picture.operator if picture else "", top, "font-weight: 600;")
        row.addWidget(self.operator)
        if picture and picture.team:
            row.addWidget(_label(picture.team, top, f"color: {colors.MUTED};"))
        row.addStretch(1)
        return top

    def _list(self, picture: Picture | None) -> QWidget:
        pane = QFrame(self)
        pane.setFixedWidth(330)
        pane.setStyleSheet(f"background: {colors.PANE};")
        column = QVBoxLayout(pane)
        column.setContentsMargins(8, 8, 8, 8)
        title = _tr("Interactions")
        rows = picture.rows if picture else []
        column.addWidget(
            _label(f"{title} ({len(rows)})" if rows else title, pane, "font-weight: 600;")
        )
        self.rows: list[QLabel] = []
        for r in rows:
            label = _label(
                f"<b>{_escape(r.title)}</b><br><span style='color:{colors.MUTED}'>"
                f"{_escape(channel_word(r.channel))} · {_escape(status_word(r.status))}</span>",
                pane,
                f"padding: 6px; border-bottom: 1px solid {colors.BORDER};",
            )
            self.rows.append(label)
            column.addWidget(label)
        column.addStretch(1)
        return pane

    def _customer(self, picture: Picture | None) -> QWidget:
        pane = QFrame(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(16, 12, 16, 12)
        self.customer = _label(picture.customer if picture else "", pane)
        self.customer.setStyleSheet("font-size: 18px; font-weight: 600;")
        column.addWidget(self.customer)
        if picture and picture.contact:
            column.addWidget(_label(picture.contact, pane, f"color: {colors.MUTED};"))
        if picture and picture.subject and picture.subject not in (t for _, t in picture.lines):
            column.addWidget(_label(picture.subject, pane, "font-weight: 600;"))
        for inbound, text in picture.lines if picture else []:
            line = _label(
                text,
                pane,
                "padding: 6px 10px; border-radius: 8px; background: "
                + (colors.INBOUND_BUBBLE if inbound else colors.OUTBOUND_BUBBLE)
                + ";",
            )
            row = QHBoxLayout()
            if not inbound:  # the operator's own lines on the right, as in the chat
                row.addStretch(1)
            row.addWidget(line, 2)
            if inbound:
                row.addStretch(1)
            column.addLayout(row)
        column.addStretch(1)
        return pane


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_picture(window: QMainWindow, picture: Picture | None) -> PreviewPane:
    """Put the picture (or an empty, starting desk) in ``window`` and show it."""
    pane = PreviewPane(picture, window)
    window.setCentralWidget(pane)
    if picture is not None:
        window.setWindowTitle(f"AgentDesk — {picture.operator}")
    window.show()
    return pane
