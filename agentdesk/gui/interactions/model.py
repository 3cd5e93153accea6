"""``InteractionListModel``: the session's interactions as a Qt list model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from agentdesk.gui import fmt
from agentdesk.gui.icons import channel_icon
from agentdesk.gui.labels import channel_label, status_label
from agentdesk.gui.shell.shortcuts import offer_keys_hint
from agentdesk.protocol.interactions import Direction, Interaction, InteractionStatus, Message

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    INTERACTION = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    STATUS = Qt.ItemDataRole.UserRole + 3
    CHANNEL = Qt.ItemDataRole.UserRole + 4
    UNREAD = Qt.ItemDataRole.UserRole + 5
    WAITING = Qt.ItemDataRole.UserRole + 6  # seconds the customer has waited, or None
    CLIENT_NAME = Qt.ItemDataRole.UserRole + 7
    CLIENT_COLOR = Qt.ItemDataRole.UserRole + 8
    BUSY = Qt.ItemDataRole.UserRole + 9  # an accept/reject/hangup is under way
    PREVIEW = Qt.ItemDataRole.UserRole + 10  # last message, one line
    TYPING = Qt.ItemDataRole.UserRole + 11


@dataclass
class _Row:
    interaction: Interaction
    unread: int = 0
    busy: bool = False
    seen_ids: set[str] = field(default_factory=set)
    last_in: datetime | None = None
    last_out: datetime | None = None
    preview: str = ""

    def note_message(self, message: Message) -> bool:
        """Record a message; False if it was already known."""
        if message.id in self.seen_ids:
            return False
        self.seen_ids.add(message.id)
        inbound = message.direction is Direction.INBOUND
        outbound = message.direction is Direction.OUTBOUND
        if inbound and (self.last_in is None or message.ts >= self.last_in):
            self.last_in = message.ts
            self.preview = message.text
        elif outbound and (self.last_out is None or message.ts >= self.last_out):
            self.last_out = message.ts
            if self.last_in is None or message.ts >= self.last_in:
                self.preview = message.text
        return True


def waiting_seconds(row: _Row, now: datetime) -> float | None:
    """How long the customer has been waiting on us, for display.

    Offered: since the contact arrived. Active: since their last message, if it is still
    unanswered. Otherwise nobody is waiting.
    """
    it = row.interaction
    if it.status in (InteractionStatus.QUEUED, InteractionStatus.OFFERED):
        return fmt.since(it.created_at, now)
    unanswered = row.last_in is not None and (row.last_out is None or row.last_out < row.last_in)
    if it.status is InteractionStatus.ACTIVE and unanswered and row.last_in is not None:
        return fmt.since(row.last_in, now)
    return None


class InteractionListModel(QAbstractListModel):
    """One row per interaction the session holds (offered, active, in wrap-up)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._current: str | None = None

    # ---- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        it = row.interaction
        if role == Qt.ItemDataRole.DisplayRole:
            return it.customer_name or it.from_address
        if role == Qt.ItemDataRole.DecorationRole:
            return channel_icon(it.channel)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{channel_label(it.channel)} {it.customer_name or it.from_address}"
        if role == Role.INTERACTION:
            return it
        if role == Role.ID:
            return it.id
        if role == Role.STATUS:
            return it.status.value
        if role == Role.CHANNEL:
            return it.channel.value
        if role == Role.UNREAD:
            return row.unread
        if role == Role.WAITING:
            return waiting_seconds(row, datetime.now(UTC))
        if role == Role.CLIENT_NAME:
            return it.client.name
        if role == Role.CLIENT_COLOR:
            return it.client.color
        if role == Role.BUSY:
            return row.busy
        if role == Role.PREVIEW:
            return " ".join(row.preview.split())
        if role == Role.TYPING:
            return it.customer_typing
        return None

    # ---- updates from the session -----------------------------------------------------

    def upsert(self, interaction: Interaction) -> None:
        """Add a new interaction or replace the stored one."""
        row_no = self.row_of(interaction.id)
        if row_no is None:
            row = _Row(interaction)
            for message in interaction.messages:
                row.note_message(message)
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(row)
            self.endInsertRows()
            return
        row = self._rows[row_no]
        row.interaction = interaction
        for message in interaction.messages:
            row.note_message(message)
        self._changed(row_no)

    def remove(self, interaction_id: str) -> None:
        row_no = self.row_of(interaction_id)
        if row_no is None:
            return
        self.beginRemoveRows(QModelIndex(), row_no, row_no)
        del self._rows[row_no]
        self.endRemoveRows()

    def add_message(self, message: Message) -> None:
        """A message arrived or was sent; inbound ones count as unread unless in focus."""
        row_no = self.row_of(message.interaction_id)
        if row_no is None:
            return
        row = self._rows[row_no]
        if not row.note_message(message):
            return
        if message.direction is Direction.INBOUND and message.interaction_id != self._current:
            row.unread += 1
        self._changed(row_no)

    def set_current(self, interaction_id: str | None) -> None:
        """The interaction the operator is looking at: its messages are read."""
        self._current = interaction_id
        row_no = self.row_of(interaction_id) if interaction_id else None
        if row_no is not None and self._rows[row_no].unread:
            self._rows[row_no].unread = 0
            self._changed(row_no)

    def set_busy(self, interaction_id: str, busy: bool) -> None:
        row_no = self.row_of(interaction_id)
        if row_no is not None and self._rows[row_no].busy != busy:
            self._rows[row_no].busy = busy
            self._changed(row_no)

    def tick(self) -> None:
        """Waiting times moved on: repaint them (called once a second)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [int(Role.WAITING)]
            )

    # ---- queries ----------------------------------------------------------------------

    def row_of(self, interaction_id: str | None) -> int | None:
        for i, row in enumerate(self._rows):
            if row.interaction.id == interaction_id:
                return i
        return None

    def interaction(self, interaction_id: str) -> Interaction | None:
        row_no = self.row_of(interaction_id)
        return None if row_no is None else self._rows[row_no].interaction

    def interactions(self) -> list[Interaction]:
        return [row.interaction for row in self._rows]

    def first_offered(self) -> Interaction | None:
        for row in self._rows:
            if row.interaction.status is InteractionStatus.OFFERED:
                return row.interaction
        return None

    # ---- helpers ----------------------------------------------------------------------

    def _changed(self, row_no: int) -> None:
        index = self.index(row_no)
        self.dataChanged.emit(index, index)

    def _tooltip(self, row: _Row) -> str:
        it = row.interaction
        lines = [
            f"{channel_label(it.channel)} · {it.client.name}",
            f"{it.customer_name or it.from_address} ({it.from_address})",
            QCoreApplication.translate("InteractionListModel", "Status: %1").replace(
                "%1", status_label(it.status)
            ),
        ]
        if it.status is InteractionStatus.OFFERED:
            lines.append(offer_keys_hint())
        return "\n".join(lines)
