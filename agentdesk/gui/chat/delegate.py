"""Paints messages as bubbles: the customer's on the left, ours on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from agentdesk.gui import colors, fmt
from agentdesk.gui.assist.mood_badge import mood_color
from agentdesk.gui.chat.model import Role

_Index = QModelIndex | QPersistentModelIndex

MARGIN = 12  # from the view's edge
PAD_X = 12
PAD_Y = 8
GAP = 8  # between bubbles
WIDTH_SHARE = 0.72
_WRAP = int(Qt.TextFlag.TextWordWrap)


class BubbleDelegate(QStyledItemDelegate):
    """Word-wrapped bubbles sized to the view's current width."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _small(self, font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(7.5, font.pointSizeF() - 1.5))
        return small

    def _text_width(self) -> int:
        return max(160, int(self._view.viewport().width() * WIDTH_SHARE) - 2 * PAD_X)

    def _text_rect(self, fm: QFontMetrics, text: str) -> QRect:
        return fm.boundingRect(QRect(0, 0, self._text_width(), 100_000), _WRAP, text)

    def _footer(self, index: _Index) -> str:
        ts = index.data(Role.TIME)
        stamp = fmt.time_of_day(ts) if ts is not None else ""
        if index.data(Role.PENDING):
            sending = self.tr("sending…")
            return f"{stamp} · {sending}"
        if index.data(Role.NOT_SENT):
            not_sent = self.tr("not sent: %1").replace("%1", str(index.data(Role.NOT_SENT)))
            return f"{stamp} · {not_sent}"
        return stamp

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        font: QFont = option.font
        fm = QFontMetrics(font)
        text = self._text_rect(fm, str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        footer = QFontMetrics(self._small(font)).height()
        return QSize(self._view.viewport().width(), text.height() + footer + 2 * PAD_Y + 2 + GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect: QRect = option.rect
        font: QFont = option.font
        direction = index.data(Role.DIRECTION)
        pending = bool(index.data(Role.PENDING))
        not_sent = bool(index.data(Role.NOT_SENT))
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        fm = QFontMetrics(font)
        small = self._small(font)
        sfm = QFontMetrics(small)
        footer = self._footer(index)
        text_rect = self._text_rect(fm, text)
        width = max(text_rect.width(), sfm.horizontalAdvance(footer)) + 2 * PAD_X
        height = text_rect.height() + sfm.height() + 2 * PAD_Y + 2

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = rect.top() + GAP // 2
        if direction == "system":
            painter.setFont(small)
            painter.setPen(QColor(colors.MUTED))
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignCenter) | _WRAP, f"{text}  ·  {footer}"
            )
            painter.restore()
            return
        if direction == "outbound":
            left = rect.right() - MARGIN - width
            fill, border = colors.OUTBOUND_BUBBLE, colors.OUTBOUND_BORDER
        else:
            left = rect.left() + MARGIN
            fill, border = colors.INBOUND_BUBBLE, colors.INBOUND_BORDER
        bubble = QRectF(left, top, width, height)
        pen = QPen(QColor(border), 1)
        if pending or not_sent:
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setColor(QColor(colors.DANGER if not_sent else colors.ACCENT))
        painter.setPen(pen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(bubble, 10, 10)

        painter.setFont(font)
        painter.setPen(QColor(colors.TEXT))
        body = QRect(int(left) + PAD_X, top + PAD_Y, text_rect.width() + 1, text_rect.height())
        painter.drawText(body, _WRAP, text)
        painter.setFont(small)
        painter.setPen(
            QColor(colors.DANGER if not_sent else colors.ACCENT if pending else colors.MUTED)
        )
        foot = QRect(int(left) + PAD_X, body.bottom() + 2, int(width) - 2 * PAD_X, sfm.height())
        painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight), footer)
        dot = mood_color(index.data(Role.MOOD))
        if dot is not None:  # the customer's mood: a quiet dot, the cues in the tooltip
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(dot))
            size = max(6, sfm.height() // 2)
            painter.drawEllipse(
                int(left) + PAD_X, foot.top() + (sfm.height() - size) // 2, size, size
            )
        painter.restore()
