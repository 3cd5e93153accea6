"""The Assist pane: the script player, next-best-action hints, the knowledge base, the
client's greeting, the customer's open invoices, the dispositions.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.invoices import falls_due_soon
from agentdesk.gui import colors, fmt
from agentdesk.gui.assist.hints import HintsPanel
from agentdesk.gui.assist.kb_panel import KbPanel
from agentdesk.gui.assist.script_player import ScriptPlayer
from agentdesk.gui.widgets import Card, Pill
from agentdesk.protocol.agents import AgentProfile, ClientRef
from agentdesk.protocol.customers import Accounts, InvoiceStatus, TimelineItem
from agentdesk.protocol.interactions import Interaction


@dataclass(frozen=True)
class InvoiceRow:
    """One line of the invoices card, from the accounts API or the timeline."""

    title: str
    detail: str
    amount: str = ""
    overdue: bool = False
    #: falls due soon: the same rule as the header's "invoice due" flag
    due_soon: bool = False


def rows_from_accounts(accounts: Accounts, today: date | None = None) -> list[InvoiceRow]:
    today = today or datetime.now(UTC).date()
    rows = []
    for inv in accounts.invoices:
        if inv.status is InvoiceStatus.PAID:
            continue
        overdue = inv.status is InvoiceStatus.OVERDUE
        due = QCoreApplication.translate("AssistPane", "due %1").replace(
            "%1", fmt.date_only(inv.due_on)
        )
        if overdue:
            due = QCoreApplication.translate("AssistPane", "overdue since %1").replace(
                "%1", fmt.date_only(inv.due_on)
            )
        try:
            due_soon = falls_due_soon(inv.status.value, date.fromisoformat(inv.due_on), today)
        except ValueError:
            due_soon = False
        rows.append(InvoiceRow(inv.number, due, fmt.money(inv.amount), overdue, due_soon))
    return rows


def rows_from_timeline(items: list[TimelineItem]) -> list[InvoiceRow]:
    """Invoice items of the timeline, when the accounts endpoint is not at hand."""
    return [
        InvoiceRow(item.summary, fmt.date_time(item.ts), "", "overdue" in item.summary.lower())
        for item in items
        if item.kind.value == "invoice"
    ]


#: Customer messages the knowledge base's suggestions read (the topic is often in the
#: first one, "it is the third time" in the last).
SUGGEST_FROM = 3


def last_customer_text(interaction: Interaction | None) -> str:
    """What the customer wrote lately (for the knowledge base's suggestions)."""
    if interaction is None:
        return ""
    inbound = [m.text for m in interaction.messages if m.direction.value == "inbound"]
    return "\n".join(inbound[-SUGGEST_FROM:])


def greeting_for(client: ClientRef, agent_name: str) -> str:
    """The client's greeting with the operator's first name filled in."""
    first = agent_name.split(maxsplit=1)[0] if agent_name else ""
    text = client.greeting.strip()
    if not text:
        text = (
            QCoreApplication.translate(
                "AssistPane", "%1, good morning, this is %2. How can I help you?"
            )
            .replace("%1", client.name)
            .replace("%2", first)
        )
    for placeholder in ("{agent}", "{operator}", "{name}"):
        text = text.replace(placeholder, first)
    return text


class AssistPane(QScrollArea):
    """Cards for the contact in focus; a summary of the operator's clients otherwise."""

    insertRequested = Signal(str)  # text to put into the reply box
    interactionShown = Signal(object)  # Interaction | None, for the assist controller
    articleRequested = Signal(str)  # a KB article id the operator wants to read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AssistPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # the cards wrap their text to the column's width: never a sideways scroll bar
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._agent_name = ""
        self._clients: list[ClientRef] = []
        self._interaction: Interaction | None = None
        body = QWidget(self)
        body.setObjectName("assistBody")
        self.cards = QVBoxLayout(body)
        self.cards.setContentsMargins(8, 8, 8, 8)
        self.cards.setSpacing(8)

        self.greeting_card = Card(self.tr("Greeting"), body)
        self.client_pill = Pill("", self.greeting_card)
        self.greeting = QLabel(self.greeting_card)
        self.greeting.setObjectName("greetingText")
        self.greeting.setWordWrap(True)
        self.greeting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.insert_button = QPushButton(self.tr("Insert in reply"), self.greeting_card)
        self.insert_button.setToolTip(self.tr("Put the greeting into the reply box"))
        self.insert_button.clicked.connect(self._insert_greeting)
        pill_row = QHBoxLayout()
        pill_row.addWidget(self.client_pill)
        pill_row.addStretch(1)
        self.greeting_card.body.addLayout(pill_row)
        self.greeting_card.body.addWidget(self.greeting)
        self.greeting_card.body.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.invoices_card = Card(self.tr("Open invoices"), body)
        self.invoices_box = QVBoxLayout()
        self.invoices_box.setSpacing(6)
        self.invoices_card.body.addLayout(self.invoices_box)

        self.dispositions_card = Card(self.tr("Outcomes for this client"), body)
        self.dispositions = QLabel(self.dispositions_card)
        self.dispositions.setWordWrap(True)
        self.dispositions.setObjectName("dispositionList")
        self.dispositions_card.body.addWidget(self.dispositions)

        self.script_player = ScriptPlayer(body)
        self.script_player.insertRequested.connect(self.insertRequested)
        self.script_player.articleRequested.connect(self.articleRequested)
        self.hints = HintsPanel(body)

        # During a contact what the operator works with comes first and fits the column at
        # the default window size: the script step, the hints with their reasons, the
        # knowledge base (suggestions for the customer's last words). The greeting (the
        # script's first step says it too), invoices and outcomes follow.
        self.kb = KbPanel(body)
        self.cards.addWidget(self.script_player)
        self.cards.addWidget(self.hints)
        self.cards.addWidget(self.kb, 1)
        self.cards.addWidget(self.greeting_card)
        self.cards.addWidget(self.invoices_card)
        self.cards.addWidget(self.dispositions_card)
        self.setWidget(body)
        self.show_interaction(None)

    # ---- binding ----------------------------------------------------------------------

    def set_profile(self, profile: AgentProfile) -> None:
        self._agent_name = profile.name
        self._clients = list(profile.clients)
        if self._interaction is None:
            self.show_interaction(None)

    def show_interaction(self, interaction: Interaction | None) -> None:
        same = (
            interaction is not None
            and self._interaction is not None
            and interaction.id == self._interaction.id
        )
        self._interaction = interaction
        # Between contacts the greeting card lists the operator's clients: it leads then.
        self.cards.removeWidget(self.greeting_card)
        self.cards.insertWidget(0 if interaction is None else 3, self.greeting_card)
        self.script_player.setVisible(interaction is not None)
        self.hints.setVisible(interaction is not None)
        self.interactionShown.emit(interaction)
        self.kb.set_context(
            interaction.client.id if interaction else None,
            interaction.id if interaction else None,
            last_customer_text(interaction),
        )
        if interaction is None:
            self._show_overview()
            return
        client = interaction.client
        self.greeting_card.title.setText(self.tr("Greeting"))
        self.client_pill.setText(client.name)
        self.client_pill.set_colors(client.color)
        self.client_pill.show()
        self.greeting.setText(f"“{greeting_for(client, self._agent_name)}”")
        self.insert_button.setVisible(interaction.status.value == "active")
        self.insert_button.setEnabled(True)
        labels = [d.label for d in interaction.dispositions]
        self.dispositions.setText(
            "\n".join(f"•  {label}" for label in labels)
            or self.tr("This client has no dispositions configured.")
        )
        self.dispositions_card.show()
        if not same:
            self.invoices_card.show()
            self.set_invoices(None)

    def set_invoices(self, rows: list[InvoiceRow] | None, note: str = "") -> None:
        """``None`` while loading; an empty list when nothing is open."""
        while self.invoices_box.count():
            item = self.invoices_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if rows is None:
            self._add_invoice_text(
                self.tr("Loading…")
                if self._interaction and self._interaction.customer_id
                else self.tr("No customer record: no invoices to show.")
            )
            return
        if not rows:
            self._add_invoice_text(self.tr("Nothing open. The customer is up to date."))
        for row in rows:
            self.invoices_box.addWidget(self._invoice_widget(row))
        if note:
            self._add_invoice_text(note)

    # ---- helpers ----------------------------------------------------------------------

    def _show_overview(self) -> None:
        self.greeting_card.title.setText(self.tr("Your clients"))
        self.client_pill.hide()
        self.insert_button.hide()
        if self._clients:
            lines = [
                f"<p><span style='color:{html.escape(c.color)}'>■</span> "
                f"<b>{html.escape(c.name)}</b><br>"
                f"<i>“{html.escape(greeting_for(c, self._agent_name))}”</i></p>"
                for c in self._clients
            ]
            self.greeting.setText("".join(lines))
        else:
            self.greeting.setText(self.tr("Your clients appear here once you are logged in."))
        self.invoices_card.hide()
        self.dispositions_card.hide()

    def _add_invoice_text(self, text: str) -> None:
        label = QLabel(text, self.invoices_card)
        label.setObjectName("muted")
        label.setWordWrap(True)
        self.invoices_box.addWidget(label)

    def _invoice_widget(self, row: InvoiceRow) -> QWidget:
        widget = QWidget(self.invoices_card)
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.setSpacing(0)
        title = QLabel(row.title, widget)
        title.setWordWrap(True)
        detail = QLabel(row.detail, widget)
        detail.setObjectName("muted")
        if row.overdue:
            detail.setStyleSheet(f"color: {colors.DANGER};")
        elif row.due_soon:
            detail.setStyleSheet(f"color: {colors.WARN};")
        left.addWidget(title)
        left.addWidget(detail)
        layout.addLayout(left, 1)
        if row.amount:
            amount = QLabel(row.amount, widget)
            amount.setObjectName("factValue")
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(amount)
        return widget

    def _insert_greeting(self) -> None:
        if self._interaction is not None:
            self.insertRequested.emit(greeting_for(self._interaction.client, self._agent_name))
