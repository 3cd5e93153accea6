"""How knowledge-base content is shown: hit rows with highlighted snippets, and an inert
article view (no images or other resources loaded, no scripts, links only between articles).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QWidget,
)

from agentdesk.gui.assist.kb_model import KIND_ROLE, SNIPPET_ROLE

_Index = QModelIndex | QPersistentModelIndex


def hit_html(title: str, kind_label: str, snippet: str) -> str:
    """A row's rich text; ``snippet`` is already escaped with ``<b>`` marks (from search)."""
    return (
        f"<div><b>{html.escape(title)}</b> "
        f"<span style='color:#6b7280'>· {html.escape(kind_label)}</span></div>"
        f"<div style='color:#374151'>{snippet}</div>"
    )


class KbHitDelegate(QStyledItemDelegate):
    """Paints a hit as its title, kind and snippet with the matched words in bold."""

    def __init__(self, kind_labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_labels = kind_labels

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        kind = str(index.data(KIND_ROLE) or "")
        doc.setHtml(
            hit_html(
                str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                self.kind_labels.get(kind, kind),
                str(index.data(SNIPPET_ROLE) or ""),
            )
        )
        doc.setTextWidth(max(80, option.rect.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter)
        doc = self._document(option, index)
        painter.save()
        rect = option.rect
        painter.translate(rect.left() + 4, rect.top() + 3)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.HighlightedText),
            )
        ctx.clip = QRectF(0, 0, rect.width() - 8, rect.height() - 6)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        # the rows are as wide as the visible part (scroll bar excluded), or the text laid
        # out for a wider row would be cut at the bottom
        viewport = view.viewport() if isinstance(view, QAbstractScrollArea) else view
        width = viewport.width() if viewport is not None else 300
        option.rect.setWidth(width - 4)
        doc = self._document(option, index)
        return QSize(width - 4, int(doc.size().height()) + 8)


class ArticleView(QTextBrowser):
    """Shows sanitised article HTML and loads nothing: no images, no files, no network.

    ``kb:<id>`` links ask for another article; every other link is ignored.
    """

    articleLinkClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbArticle")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)

    def loadResource(self, type_: int, name: QUrl | str) -> object:
        return None  # images and style sheets named by the content are never fetched

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "kb" and url.path():
            self.articleLinkClicked.emit(url.path())
