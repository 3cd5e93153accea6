"""``HistoryModel``: a customer's unified timeline, paged with Qt's fetchMore."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from agentdesk.gui.icons import channel_icon, icon
from agentdesk.protocol.customers import TimelineItem, TimelineKind, TimelinePage

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ITEM = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    CHANNEL = Qt.ItemDataRole.UserRole + 3
    TIME = Qt.ItemDataRole.UserRole + 4
    DISPOSITION = Qt.ItemDataRole.UserRole + 5
    RESOLVED = Qt.ItemDataRole.UserRole + 6
    AGENT = Qt.ItemDataRole.UserRole + 7
    IN_PROGRESS = Qt.ItemDataRole.UserRole + 8


class HistoryModel(QAbstractListModel):
    """Timeline items newest first; asks for the next page when the view scrolls down."""

    #: customer id, cursor: the view wants the page after ``cursor``
    moreRequested = Signal(str, str)
    loadingChanged = Signal(bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[TimelineItem] = []
        self._customer_id: str | None = None
        self._cursor: str | None = None
        self._loading = False
        self._bound = False

    @property
    def bound(self) -> bool:
        """A contact is in focus (with or without a customer record)."""
        return self._bound

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.summary
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.summary
        if role == Qt.ItemDataRole.DecorationRole:
            return channel_icon(item.channel) if item.channel else icon(item.kind.value)
        if role == Role.ITEM:
            return item
        if role == Role.KIND:
            return item.kind.value
        if role == Role.CHANNEL:
            return item.channel.value if item.channel else None
        if role == Role.TIME:
            return item.ts
        if role == Role.DISPOSITION:
            return item.disposition
        if role == Role.RESOLVED:
            return item.resolved
        if role == Role.AGENT:
            return item.agent_name
        if role == Role.IN_PROGRESS:
            return item.in_progress
        return None

    # ---- paging -----------------------------------------------------------------------

    def canFetchMore(self, parent: _Index) -> bool:
        if parent.isValid():
            return False
        return self._customer_id is not None and self._cursor is not None and not self._loading

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        assert self._customer_id is not None and self._cursor is not None
        self.set_loading(True)
        self.moreRequested.emit(self._customer_id, self._cursor)

    def set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        return self._cursor is not None

    # ---- content ----------------------------------------------------------------------

    def reset_for(self, customer_id: str | None, *, bound: bool = True) -> None:
        """Empty the list for another customer (the first page comes with ``append_page``).

        ``bound=False`` when no contact is in focus at all.
        """
        self.beginResetModel()
        self._bound = bound
        self._items = []
        self._customer_id = customer_id
        self._cursor = None
        self._loading = False
        self.endResetModel()

    def append_page(self, customer_id: str, page: TimelinePage) -> None:
        """Add a page; ignored if the operator has moved on to another customer."""
        if customer_id != self._customer_id:
            return
        known = {item.id for item in self._items}
        fresh = [item for item in page.items if item.id not in known]
        if fresh:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._items.extend(fresh)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self.set_loading(False)


class HistoryFilter(QSortFilterProxyModel):
    """Shows one kind of item (contacts of one channel, notes, invoices...) or all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter: str = ""

    def set_filter(self, value: str) -> None:
        """``""`` for all, a channel value (``chat``), or a kind value (``note``)."""
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._filter = value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._filter = value
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._filter:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._filter in (k.value for k in TimelineKind):
            return bool(index.data(Role.KIND) == self._filter)
        return bool(index.data(Role.CHANNEL) == self._filter)
