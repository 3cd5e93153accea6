"""``TranscriptModel``: one conversation's messages, with optimistic (pending) own messages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from agentdesk.gui.assist.mood_badge import mood_tooltip
from agentdesk.protocol.interactions import Direction, Message

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    MESSAGE = Qt.ItemDataRole.UserRole + 1
    DIRECTION = Qt.ItemDataRole.UserRole + 2
    TIME = Qt.ItemDataRole.UserRole + 3
    PENDING = Qt.ItemDataRole.UserRole + 4
    AUTHOR = Qt.ItemDataRole.UserRole + 5
    ID = Qt.ItemDataRole.UserRole + 6
    MOOD = Qt.ItemDataRole.UserRole + 7
    #: why the server refused an own message (None: not refused)
    NOT_SENT = Qt.ItemDataRole.UserRole + 8


@dataclass
class _Entry:
    message: Message
    pending: bool
    key: str | None  # the idempotency key of an own message until the server confirms it
    not_sent: str | None = None  # the server refused it, and why


class TranscriptModel(QAbstractListModel):
    """Messages in time order; a pending own message is replaced when confirmed."""

    def __init__(self, interaction_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.interaction_id = interaction_id
        self._entries: list[_Entry] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        message = entry.message
        if role == Qt.ItemDataRole.DisplayRole:
            return message.text
        if role == Role.MESSAGE:
            return message
        if role == Role.DIRECTION:
            return message.direction.value
        if role == Role.TIME:
            return message.ts
        if role == Role.PENDING:
            return entry.pending
        if role == Role.AUTHOR:
            return message.author
        if role == Role.ID:
            return message.id
        if role == Role.MOOD:
            return message.mood
        if role == Role.NOT_SENT:
            return entry.not_sent
        if role == Qt.ItemDataRole.ToolTipRole:
            return mood_tooltip(message.mood) or None
        return None

    # ---- updates ----------------------------------------------------------------------

    def add(self, message: Message, pending: bool = False, key: str | None = None) -> None:
        """Append a message unless it is already shown (events may repeat a REST load).

        A stored own message that arrives (from the stream or a reload) before the outbox's
        confirmation takes the place of its pending copy, so it is never shown twice.
        """
        if self._find_id(message.id) is not None:
            return
        entry = _Entry(message, pending, key or (message.id if pending else None))
        if not pending and message.direction is Direction.OUTBOUND:
            stand_in = self._pending_copy_of(message)
            if stand_in is not None:
                entry.key = self._entries[stand_in].key  # so the confirmation finds it
                self._remove(stand_in)
        self._insert(entry)

    def confirm(self, key: str, message: Message) -> None:
        """The server stored our message: the pending bubble becomes the real one."""
        row = self._find_key(key)
        confirmed = self._find_id(message.id)
        if row is None:
            if confirmed is None:
                self.add(message)
            return
        if confirmed is not None:
            if confirmed != row:
                self._remove(row)  # the stored message is shown already: drop the copy
            else:
                self._entries[row].key = None
            return
        # Re-inserted rather than edited: the server's time decides its place.
        self._remove(row)
        self._insert(_Entry(message, False, None))

    def refuse(self, key: str, reason: str) -> None:
        """The server refused our message (the customer had left): its bubble stays, marked
        as not sent, so the operator knows the customer never read it."""
        row = self._find_key(key)
        if row is None:
            return
        entry = self._entries[row]
        entry.pending, entry.key, entry.not_sent = False, None, reason
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Role.PENDING, Role.NOT_SENT])

    def sync(self, messages: list[Message]) -> None:
        """Merge a full list (from a REST load or an updated interaction)."""
        for message in messages:
            self.add(message)

    def pending_count(self) -> int:
        return sum(1 for e in self._entries if e.pending)

    def messages(self) -> list[Message]:
        return [e.message for e in self._entries]

    # ---- helpers ----------------------------------------------------------------------

    def _find_id(self, message_id: str) -> int | None:
        for i, entry in enumerate(self._entries):
            if entry.message.id == message_id:
                return i
        return None

    def _pending_copy_of(self, message: Message) -> int | None:
        """The oldest pending own message with the same text (the outbox sends in order)."""
        for i, entry in enumerate(self._entries):
            if entry.pending and entry.message.text == message.text:
                return i
        return None

    def _insert(self, entry: _Entry) -> None:
        row = self._insertion_row(entry)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, entry)
        self.endInsertRows()

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        self.endRemoveRows()

    def _find_key(self, key: str) -> int | None:
        for i, entry in enumerate(self._entries):
            if entry.key == key or (entry.pending and entry.message.id == key):
                return i
        return None

    def _insertion_row(self, entry: _Entry) -> int:
        # Pending messages stay at the end (they were written last); confirmed ones go in
        # time order before any pending ones.
        if entry.pending:
            return len(self._entries)
        row = len(self._entries)
        while row > 0:
            before = self._entries[row - 1]
            if before.pending or before.message.ts > entry.message.ts:
                row -= 1
                continue
            break
        return row
