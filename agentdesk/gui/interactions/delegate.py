"""Paints one interaction as a card; offered ones get Accept / Reject buttons."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from agentdesk.gui import colors, fmt
from agentdesk.gui.interactions.model import Role
from agentdesk.gui.labels import channel_label, status_label

_Index = QModelIndex | QPersistentModelIndex

PAD = 10
ICON = 20
BUTTON_H = 28


class InteractionDelegate(QStyledItemDelegate):
    """Card painter and the click target for the offer buttons."""

    acceptClicked = Signal(str)
    rejectClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    # ---- geometry ---------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = QFontMetrics(option.font)
        line = fm.height()
        height = PAD + line + 4 + line + 4 + line + PAD
        if index.data(Role.STATUS) == "offered":
            height += BUTTON_H + 8
        return QSize(200, height + 6)

    def button_rects(self, rect: QRect) -> tuple[QRect, QRect]:
        """Accept and Reject button rectangles inside a card's rectangle."""
        card = rect.adjusted(4, 3, -4, -3)
        top = card.bottom() - PAD - BUTTON_H + 2
        half = (card.width() - 2 * PAD - 8) // 2
        accept = QRect(card.left() + PAD, top, half, BUTTON_H)
        reject = QRect(accept.right() + 9, top, half, BUTTON_H)
        return accept, reject

    # ---- painting ---------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect: QRect = option.rect
        state = option.state
        font: QFont = option.font
        selected = bool(state & QStyle.StateFlag.State_Selected)
        offered = index.data(Role.STATUS) == "offered"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(rect.adjusted(4, 3, -4, -3))
        if offered:
            bg, border = colors.OFFERED_BG, colors.OFFERED_BORDER
        elif selected:
            bg, border = colors.SELECTION, colors.ACCENT
        else:
            bg, border = colors.PANE, colors.BORDER
        painter.setPen(QPen(QColor(border), 1.5 if (selected or offered) else 1))
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(card, 6, 6)
        # client colour stripe: the operator "is" this client for this contact
        stripe = QRectF(card.left(), card.top() + 6, 4, card.height() - 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(index.data(Role.CLIENT_COLOR) or colors.ACCENT))
        painter.drawRoundedRect(stripe, 2, 2)

        fm = QFontMetrics(font)
        line = fm.height()
        left = int(card.left()) + PAD + 2
        right = int(card.right()) - PAD
        y = int(card.top()) + PAD

        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if icon is not None:
            icon.paint(painter, QRect(left, y + (line - ICON) // 2, ICON, ICON))
        text_left = left + ICON + 8

        # line 1: name ............ waiting time
        waiting = index.data(Role.WAITING)
        wait_text = fmt.duration(waiting) if waiting is not None else ""
        bold = QFont(font)
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        wait_w = bfm.horizontalAdvance(wait_text) + 4 if wait_text else 0
        painter.setFont(bold)
        painter.setPen(QColor(colors.TEXT))
        name = bfm.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            right - text_left - wait_w - 6,
        )
        painter.drawText(
            QRect(text_left, y, right - text_left, line), Qt.AlignmentFlag.AlignLeft, name
        )
        if wait_text:
            late = waiting is not None and waiting >= 60
            painter.setPen(QColor(colors.DANGER if late else colors.MUTED))
            painter.drawText(
                QRect(right - wait_w, y, wait_w, line), Qt.AlignmentFlag.AlignRight, wait_text
            )

        # line 2: channel · client · status ............ unread badge
        y += line + 4
        painter.setFont(font)
        painter.setPen(QColor(colors.MUTED))
        channel = index.data(Role.CHANNEL) or ""
        status = index.data(Role.STATUS) or ""
        client = index.data(Role.CLIENT_NAME) or ""
        meta = f"{channel_label(channel)} · {client} · {status_label(status)}"
        unread = int(index.data(Role.UNREAD) or 0)
        badge_w = 0
        if unread:
            badge_text = str(unread)
            badge_w = max(line, fm.horizontalAdvance(badge_text) + 10)
            badge = QRectF(right - badge_w, y, badge_w, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors.ACCENT))
            painter.drawRoundedRect(badge, line / 2, line / 2)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(bold)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
            painter.setFont(font)
            painter.setPen(QColor(colors.MUTED))
        meta = fm.elidedText(meta, Qt.TextElideMode.ElideRight, right - left - badge_w - 6)
        painter.drawText(QRect(left, y, right - left, line), Qt.AlignmentFlag.AlignLeft, meta)

        # line 3: typing / last message
        y += line + 4
        if index.data(Role.TYPING):
            italic = QFont(font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(QColor(colors.ACCENT))
            preview = self.tr("typing…")
        else:
            preview = str(index.data(Role.PREVIEW) or "")
            painter.setPen(QColor(colors.TEXT if unread else colors.MUTED))
        preview = QFontMetrics(painter.font()).elidedText(
            preview, Qt.TextElideMode.ElideRight, right - left
        )
        painter.drawText(QRect(left, y, right - left, line), Qt.AlignmentFlag.AlignLeft, preview)

        if offered:
            self._paint_buttons(painter, rect, font, busy=bool(index.data(Role.BUSY)))
        painter.restore()

    def _paint_buttons(self, painter: QPainter, rect: QRect, font: QFont, *, busy: bool) -> None:
        accept, reject = self.button_rects(rect)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colors.NEUTRAL if busy else colors.OK))
        painter.drawRoundedRect(QRectF(accept), 5, 5)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(accept, Qt.AlignmentFlag.AlignCenter, self.tr("Accept"))
        painter.setPen(QPen(QColor(colors.NEUTRAL if busy else colors.DANGER), 1.2))
        painter.setBrush(QColor(colors.PANE))
        painter.drawRoundedRect(QRectF(reject), 5, 5)
        painter.setPen(QColor(colors.NEUTRAL if busy else colors.DANGER))
        painter.drawText(reject, Qt.AlignmentFlag.AlignCenter, self.tr("Reject"))

    # ---- clicks -----------------------------------------------------------------------

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and index.data(Role.STATUS) == "offered"
            and not index.data(Role.BUSY)
        ):
            accept, reject = self.button_rects(option.rect)
            pos = event.position().toPoint()
            if accept.contains(pos):
                self.acceptClicked.emit(index.data(Role.ID))
                return True
            if reject.contains(pos):
                self.rejectClicked.emit(index.data(Role.ID))
                return True
        return super().editorEvent(event, model, option, index)
