"""The Customer 360 header: who is in front of the operator, at a glance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from agentdesk.gui import colors, fmt
from agentdesk.gui.labels import channel_label, flag_label, mood_label, segment_label
from agentdesk.gui.widgets import Fact, Pill
from agentdesk.protocol.customers import Customer, Mood
from agentdesk.protocol.interactions import Interaction

_FLAG_COLORS = {
    "repeat_contact": ("#fde8c8", "#7a4a0b"),
    "vulnerable": ("#f6d5d3", "#7d2520"),
    "overdue": ("#f6d5d3", "#7d2520"),
    "invoice_due": ("#fdf0c8", "#6b5410"),
    "payment_plan": ("#dfe9f7", "#24446e"),
}


def nps_color(score: int | None) -> str | None:
    if score is None:
        return None
    if score <= 6:
        return colors.DANGER
    return colors.OK if score >= 9 else None


class CustomerHeader(QFrame):
    """Name, segment, client, contact details, balance, NPS, mood, open cases, flags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerHeader")
        self.name = QLabel(self)
        self.name.setObjectName("customerName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.segment = Pill("", self)
        self.client = Pill("", self)
        self.contact = QLabel(self)
        self.contact.setObjectName("muted")
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flags_row = QHBoxLayout()
        self.flags_row.setSpacing(6)
        self._flag_pills: list[Pill] = []

        self.balance = Fact(self.tr("Open balance"), self)
        self.nps = Fact(self.tr("Last NPS"), self)
        self.mood = Fact(self.tr("Mood"), self)
        self.cases = Fact(self.tr("Open cases"), self)
        self.channel = Fact(self.tr("Contact"), self)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.name)
        top.addWidget(self.segment)
        top.addWidget(self.client)
        top.addStretch(1)
        top.addLayout(self.flags_row)
        facts = QHBoxLayout()
        facts.setSpacing(28)
        for fact in (self.balance, self.nps, self.mood, self.cases, self.channel):
            facts.addWidget(fact)
        facts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.contact)
        layout.addLayout(facts)
        self.clear()

    # ---- binding ----------------------------------------------------------------------

    def clear(self) -> None:
        self.name.setText(self.tr("No customer in focus"))
        self.segment.hide()
        self.client.hide()
        self.contact.setText(self.tr("Select a conversation to see who you are talking to."))
        for fact in (self.balance, self.nps, self.mood, self.cases, self.channel):
            fact.set_value("–")
        self._set_flags([])
        self._set_brand(None)

    def show_interaction(self, interaction: Interaction) -> None:
        """What the interaction itself tells, before (or without) the customer record."""
        self.name.setText(interaction.customer_name or interaction.from_address)
        self.client.setText(interaction.client.name)
        self.client.set_colors(interaction.client.color)
        self.client.show()
        self.channel.set_value(f"{channel_label(interaction.channel)} · {interaction.from_address}")
        self._set_brand(interaction.client.color)
        if interaction.customer_id is None:
            self.segment.hide()
            self.contact.setText(self.tr("Not matched to a customer record."))
            for fact in (self.balance, self.nps, self.mood, self.cases):
                fact.set_value("–")
            self._set_flags([])
        else:
            self.contact.setText(self.tr("Loading the customer record…"))

    def show_customer(self, customer: Customer) -> None:
        """The screen pop: the matched customer's facts."""
        self.name.setText(customer.name)
        self.segment.setText(segment_label(customer.segment))
        self.segment.set_colors("#e8ecf1", colors.TEXT)
        self.segment.show()
        contact = [c for c in (customer.phone, customer.email, customer.chat_handle) if c]
        self.contact.setText("  ·  ".join(contact) or self.tr("No contact details on file"))
        balance = customer.open_balance
        self.balance.set_value(fmt.money(balance), colors.WARN if balance > 0 else None)
        self.nps.set_value(
            "–" if customer.last_nps is None else str(customer.last_nps),
            nps_color(customer.last_nps),
        )
        self.mood.set_value(
            mood_label(customer.mood),
            colors.DANGER if customer.mood is Mood.NEGATIVE else None,
        )
        self.cases.set_value(str(customer.open_cases), colors.WARN if customer.open_cases else None)
        flags = list(customer.flags)
        if customer.is_prospect and "prospect" not in flags:
            flags.insert(0, "prospect")
        self._set_flags(flags)

    # ---- helpers ----------------------------------------------------------------------

    def _set_flags(self, flags: list[str]) -> None:
        for pill in self._flag_pills:
            self.flags_row.removeWidget(pill)
            pill.deleteLater()
        self._flag_pills = []
        for flag in flags:
            pill = Pill(flag_label(flag), self)
            bg, fg = _FLAG_COLORS.get(flag, ("#e8ecf1", colors.TEXT))
            pill.set_colors(bg, fg)
            self.flags_row.addWidget(pill)
            self._flag_pills.append(pill)

    def flag_texts(self) -> list[str]:
        return [p.text() for p in self._flag_pills]

    def _set_brand(self, color: str | None) -> None:
        # A left border in the client's colour: on this contact the operator *is* the client.
        border = color or colors.BORDER
        self.setStyleSheet(f"QFrame#customerHeader {{ border-left: 5px solid {border}; }}")
