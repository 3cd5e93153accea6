"""``KbPanel``: the knowledge base in the Assist pane.

Search as you type (local, instant), kind filter, the interaction's client first, hits with
highlighted snippets, the article read inertly, "Was this helpful?", and a banner for each
urgent communication until the operator acknowledges it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from agentdesk.gui.assist.kb_model import ID_ROLE, KbHitsModel
from agentdesk.gui.assist.kb_view import ArticleView, KbHitDelegate
from agentdesk.gui.widgets import Card
from agentdesk.protocol.kb import KbUrgentNote

if TYPE_CHECKING:  # the search engine loads with the service, after the desk is up
    from agentdesk.gui.assist.kb_service import KbService


class UrgentBanner(QFrame):
    """The oldest unacknowledged urgent communication, and how many more there are."""

    readRequested = Signal(str)
    ackRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbUrgentBanner")
        self.setStyleSheet(
            "#kbUrgentBanner { background: #fdecea; border: 1px solid #d93025;"
            " border-radius: 6px; }"
        )
        self.note: KbUrgentNote | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        self.read_button = QPushButton(self.tr("Read"), self)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.ack_button.setToolTip(self.tr("I have read this urgent communication"))
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.ack_button)
        buttons.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.read_button.clicked.connect(lambda: self._emit(self.readRequested))
        self.ack_button.clicked.connect(lambda: self._emit(self.ackRequested))
        self.set_notes([])

    def _emit(self, signal: SignalInstance) -> None:
        if self.note is not None:
            signal.emit(self.note.id)

    def set_notes(self, notes: list[KbUrgentNote]) -> None:
        self.note = notes[0] if notes else None
        if self.note is None:
            self.hide()
            return
        text = self.tr("URGENT: %1").replace("%1", self.note.title)
        if len(notes) > 1:
            text += "  " + self.tr("(+%1 more)").replace("%1", str(len(notes) - 1))
        self.label.setText(text)
        self.ack_button.setEnabled(True)
        self.show()


class KbPanel(Card):
    """Knowledge-base search and reading; binds to a :class:`KbService`."""

    articleOpened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Knowledge base"), parent)
        self.setProperty("kbPanel", True)  # keeps the "card" object name the theme styles
        self.service: KbService | None = None
        self.client_id: str | None = None
        self.interaction_id: str | None = None
        self.current_id: str | None = None
        self.customer_text = ""

        self.banner = UrgentBanner(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("kbSearch")
        self.search.setPlaceholderText(self.tr("Search procedures, FAQs, news…"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kbKind")
        self.kind_labels = {
            "procedure": self.tr("Procedure"),
            "faq": self.tr("FAQ"),
            "news": self.tr("News"),
            "urgent": self.tr("Urgent"),
        }
        self.kind.addItem(self.tr("All kinds"), None)
        for key, label in self.kind_labels.items():
            self.kind.addItem(label, key)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.kind)

        self.model = KbHitsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("kbResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(KbHitDelegate(self.kind_labels, self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setMinimumHeight(110)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)

        self.article_page = QWidget(self)
        page = QVBoxLayout(self.article_page)
        page.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(self.tr("← Results"), self.article_page)
        self.article = ArticleView(self.article_page)
        self.article.setMinimumHeight(160)
        feedback = QHBoxLayout()
        self.helpful_label = QLabel(self.tr("Was this helpful?"), self.article_page)
        self.yes_button = QPushButton(self.tr("Yes"), self.article_page)
        self.no_button = QPushButton(self.tr("No"), self.article_page)
        feedback.addWidget(self.helpful_label)
        feedback.addWidget(self.yes_button)
        feedback.addWidget(self.no_button)
        feedback.addStretch(1)
        page.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        page.addWidget(self.article, 1)
        page.addLayout(feedback)

        self.stack = QStackedWidget(self)
        results_page = QWidget(self)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results, 1)
        results_layout.addWidget(self.status)
        self.stack.addWidget(results_page)
        self.stack.addWidget(self.article_page)

        self.body.addWidget(self.banner)
        self.body.addLayout(row)
        self.body.addWidget(self.stack)

        self.search.textChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.article.articleLinkClicked.connect(self.open_article)
        self.banner.readRequested.connect(self.open_article)
        self.banner.ackRequested.connect(self._acknowledge)
        self.yes_button.clicked.connect(lambda: self._feedback(True))
        self.no_button.clicked.connect(lambda: self._feedback(False))
        self.refresh()

    # ---- binding ------------------------------------------------------------------------

    def bind(self, service: KbService) -> None:
        self.service = service
        service.urgentChanged.connect(self.banner.set_notes)
        service.synced.connect(lambda _n: self.refresh())
        self.banner.set_notes(service.urgent)
        self.refresh()

    def set_context(
        self, client_id: str | None, interaction_id: str | None, customer_text: str = ""
    ) -> None:
        """The contact in focus: its client's articles come first, feedback links to it, and
        with an empty search box the panel suggests articles for the customer's last words."""
        changed = client_id != self.client_id or customer_text != self.customer_text
        self.client_id = client_id
        self.interaction_id = interaction_id
        self.customer_text = customer_text
        if changed:
            self.refresh()

    # ---- search -------------------------------------------------------------------------

    def refresh(self) -> None:
        text = self.search.text()
        if self.service is None:
            self.model.set_hits([])
            self.status.setText(self.tr("The knowledge base is not available yet."))
            self.status.show()
            return
        if not text.strip():
            suggested = (
                self.service.search(self.customer_text + " ", client_id=self.client_id, limit=3)
                if self.customer_text.strip()
                else []
            )
            self.model.set_hits(suggested)
            # what the list holds is said in the empty search box: no extra line
            self.search.setPlaceholderText(
                self.tr("Suggested · type to search")
                if suggested
                else self.tr("Search procedures, FAQs, news…")
            )
            self.status.setText("" if suggested else self.tr("Type to search the knowledge base."))
            self.status.setVisible(not suggested)
            return
        hits = self.service.search(text, client_id=self.client_id, kind=self.kind.currentData())
        self.model.set_hits(hits)
        self.status.setText("" if hits else self.tr("No article matches."))
        self.status.setVisible(not hits)
        self.stack.setCurrentIndex(0)

    def _open_index(self, index: QModelIndex) -> None:
        article_id = index.data(ID_ROLE)
        if article_id:
            self.open_article(str(article_id))

    def open_article(self, article_id: str) -> None:
        if self.service is None:
            return
        found = self.service.article_html(article_id)
        if found is None:
            self.status.setText(self.tr("This article is not in the local copy yet."))
            self.status.show()
            return
        title, body = found
        self.current_id = article_id
        self.article.setHtml(f"<h3>{html.escape(title)}</h3>{body}")
        self.helpful_label.setText(self.tr("Was this helpful?"))
        self.yes_button.setEnabled(True)
        self.no_button.setEnabled(True)
        self.stack.setCurrentIndex(1)
        self.articleOpened.emit(article_id)

    # ---- actions ------------------------------------------------------------------------

    @asyncSlot(bool)
    async def _feedback(self, helpful: bool) -> None:
        if self.service is None or self.current_id is None:
            return
        self.yes_button.setEnabled(False)
        self.no_button.setEnabled(False)
        ok = await self.service.feedback(self.current_id, helpful, self.interaction_id)
        if ok:
            self.helpful_label.setText(self.tr("Thank you for the feedback."))
        else:
            self.helpful_label.setText(self.tr("Feedback not sent; try again."))
            self.yes_button.setEnabled(True)
            self.no_button.setEnabled(True)

    @asyncSlot(str)
    async def _acknowledge(self, article_id: str) -> None:
        if self.service is None:
            return
        self.banner.ack_button.setEnabled(False)
        if not await self.service.acknowledge(article_id):
            self.banner.ack_button.setEnabled(True)
