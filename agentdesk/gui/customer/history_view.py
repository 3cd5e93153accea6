"""The history list: one row per timeline item, with a channel filter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui import colors, fmt
from agentdesk.gui.customer.history_model import HistoryFilter, HistoryModel, Role
from agentdesk.gui.labels import channel_label, timeline_kind_label

_Index = QModelIndex | QPersistentModelIndex
PAD = 8
ICON = 18


class HistoryDelegate(QStyledItemDelegate):
    """When and how (with the outcome), then what was done and by whom, then the summary."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, PAD * 2 + fm.height() * 3 + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect: QRect = option.rect
        font: QFont = option.font
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(colors.SELECTION))
        painter.setPen(QPen(QColor(colors.BORDER), 1))
        painter.drawLine(rect.left() + PAD, rect.bottom(), rect.right() - PAD, rect.bottom())
        fm = QFontMetrics(font)
        line = fm.height()
        left = rect.left() + PAD
        right = rect.right() - PAD
        top = rect.top() + PAD
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if icon is not None:
            icon.paint(painter, QRect(left, top + (line - ICON) // 2, ICON, ICON))
        text_left = left + ICON + 6
        width = right - text_left

        # line 1: date · channel ...... resolved / not resolved / in progress
        ts = index.data(Role.TIME)
        channel = index.data(Role.CHANNEL)
        kind = index.data(Role.KIND) or ""
        what = channel_label(channel) if channel else timeline_kind_label(kind)
        head = f"{fmt.date_time(ts)} · {what}" if ts else what
        resolved = index.data(Role.RESOLVED)
        mark = ""
        if resolved is True:
            mark = self.tr("resolved")
        elif resolved is False:
            mark = self.tr("not resolved")
        elif index.data(Role.IN_PROGRESS):
            mark = self.tr("in progress")
        mark_w = fm.horizontalAdvance(mark) + 6 if mark else 0
        painter.setFont(font)
        painter.setPen(QColor(colors.MUTED))
        painter.drawText(
            QRect(text_left, top, width - mark_w, line),
            int(Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(head, Qt.TextElideMode.ElideRight, width - mark_w),
        )
        if mark:
            tone = colors.OK if resolved else colors.WARN if resolved is False else colors.MUTED
            painter.setPen(QColor(tone))
            painter.drawText(
                QRect(right - mark_w, top, mark_w, line), int(Qt.AlignmentFlag.AlignRight), mark
            )

        # line 2: disposition · agent (bold disposition: what the contact was about)
        y = top + line + 2
        disposition = index.data(Role.DISPOSITION)
        agent = index.data(Role.AGENT)
        bold = QFont(font)
        bold.setBold(True)
        summary = " ".join(str(index.data(Qt.ItemDataRole.DisplayRole) or "").split())
        if disposition or agent:
            painter.setFont(bold)
            painter.setPen(QColor(colors.TEXT))
            second = " · ".join(str(x) for x in (disposition, agent) if x)
            painter.drawText(
                QRect(text_left, y, width, line),
                int(Qt.AlignmentFlag.AlignLeft),
                QFontMetrics(bold).elidedText(second, Qt.TextElideMode.ElideRight, width),
            )
            y += line + 2
            painter.setFont(font)
            painter.setPen(QColor(colors.MUTED))
            painter.drawText(
                QRect(text_left, y, width, line),
                int(Qt.AlignmentFlag.AlignLeft),
                fm.elidedText(summary, Qt.TextElideMode.ElideRight, width),
            )
        else:
            painter.setPen(QColor(colors.TEXT))
            body = QRect(text_left, y, width, line * 2 + 2)
            painter.drawText(
                body, int(Qt.TextFlag.TextWordWrap), self._two_lines(fm, summary, width)
            )
        painter.restore()

    @staticmethod
    def _two_lines(fm: QFontMetrics, text: str, width: int) -> str:
        def fits(candidate: str) -> bool:
            box = fm.boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), candidate
            )
            return box.height() <= fm.height() * 2 + 2

        if fits(text):
            return text
        words = text.split()
        while words:
            words.pop()
            candidate = " ".join(words) + "…"
            if fits(candidate):
                return candidate
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)


class HistoryPane(QWidget):
    """The customer's contact history across channels, newest first."""

    def __init__(self, model: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryPane")
        self.model = model
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(model)
        self.title = QLabel(self.tr("History"), self)
        self.title.setObjectName("sectionTitle")
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("All"), "")
        self.filter.addItem(channel_label("chat"), "chat")
        self.filter.addItem(channel_label("voice"), "voice")
        self.filter.addItem(channel_label("email"), "email")
        self.filter.addItem(timeline_kind_label("note"), "note")
        self.filter.addItem(timeline_kind_label("invoice"), "invoice")
        self.filter.addItem(timeline_kind_label("payment"), "payment")
        self.filter.currentIndexChanged.connect(self._on_filter)
        self.view = QListView(self)
        self.view.setObjectName("historyList")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(HistoryDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(True)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        model.loadingChanged.connect(self._update_status)
        model.modelReset.connect(self._update_status)
        model.rowsInserted.connect(self._update_status)
        self._update_status()

    def _on_filter(self, _row: int) -> None:
        self.proxy.set_filter(str(self.filter.currentData() or ""))

    def _update_status(self, *_args: object) -> None:
        if self.model.loading:
            self.status.setText(self.tr("Loading history…"))
        elif self.model.customer_id is None:
            self.status.setText(
                self.tr("No customer record for this contact.") if self.model.bound else ""
            )
        elif self.model.rowCount() == 0:
            self.status.setText(self.tr("No earlier contacts."))
        else:
            count = self.model.rowCount()
            more = self.tr(" — scroll for more") if self.model.has_more else ""
            self.status.setText(self.tr("%n item(s)", "", count) + more)
