"""The shortcuts overlay: a calm card over the window listing every key (F1 or ``?``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui.shell.shortcuts import SHORTCUTS, Context, Shortcut, context_title

_DIM = QColor(29, 39, 51, 130)


class ShortcutsOverlay(QWidget):
    """Covers its parent window with a dimmed veil and a card of shortcuts; Esc, F1, ``?``
    or a click outside the card closes it and gives focus back where it was."""

    def __init__(self, parent: QWidget, shortcuts: tuple[Shortcut, ...] = SHORTCUTS) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._return_focus: QWidget | None = None
        self.rows: dict[str, tuple[str, str]] = {}  # action id -> (keys, description)

        self.card = QFrame(self)
        self.card.setObjectName("shortcutsCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        title = QLabel(self.tr("Keyboard shortcuts"), self.card)
        title.setObjectName("shortcutsTitle")
        hint = QLabel(
            self.tr(
                "Every desk action has a key; none of them is a plain letter, so typing a "
                "reply never triggers one."
            ),
            self.card,
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(5)
        row = 0
        for context in Context:
            items = [s for s in shortcuts if s.context is context]
            if not items:
                continue
            heading = QLabel(context_title(context), self.card)
            heading.setObjectName("shortcutsSection")
            grid.addWidget(heading, row, 0, 1, 2)
            row += 1
            for item in items:
                keys = self.tr(" or ").join(item.all_key_texts())
                key = QLabel(keys, self.card)
                key.setObjectName("shortcutKey")
                key.setTextFormat(Qt.TextFormat.PlainText)
                text = QLabel(item.description(), self.card)
                text.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignLeft)
                grid.addWidget(text, row, 1)
                self.rows[item.action.value] = (keys, item.description())
                row += 1
        self.close_button = QPushButton(self.tr("Close"), self.card)
        self.close_button.setObjectName("primaryButton")
        self.close_button.clicked.connect(self.dismiss)
        column = QVBoxLayout(self.card)
        column.setContentsMargins(22, 18, 22, 16)
        column.setSpacing(10)
        column.addWidget(title)
        column.addWidget(hint)
        column.addLayout(grid)
        column.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.hide()
        parent.installEventFilter(self)

    # ---- showing ----------------------------------------------------------------------

    def open(self) -> None:
        """Show over the window; remember who had the focus to give it back."""
        focus = QApplication.focusWidget()
        self._return_focus = focus if focus is not None and focus is not self else None
        self._fit()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle(self) -> None:
        if self.isVisible():
            self.dismiss()
        else:
            self.open()

    def dismiss(self) -> None:
        self.hide()
        target = self._return_focus
        self._return_focus = None
        if target is not None and target.isVisible() and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        self.card.adjustSize()
        size = self.card.sizeHint()
        width = min(size.width(), max(320, self.width() - 40))
        self.card.resize(
            width,
            self.card.heightForWidth(width) if self.card.hasHeightForWidth() else size.height(),
        )
        self.card.move(
            (self.width() - self.card.width()) // 2,
            max(20, (self.height() - self.card.height()) // 3),
        )

    # ---- events -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = watched is self.parentWidget() and event.type() == QEvent.Type.Resize
        if resized and self.isVisible():
            self._fit()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _DIM)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_Question):
            self.dismiss()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.card.geometry().contains(event.position().toPoint()):
            self.dismiss()
            return
        super().mousePressEvent(event)
