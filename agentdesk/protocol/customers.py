"""Customers: the 360 header, the unified timeline, accounts."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from agentdesk.protocol.base import IdempotencyKey, ResponseModel, UtcDateTime, WireModel
from agentdesk.protocol.interactions import Channel


class Mood(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class Customer(ResponseModel):
    id: str
    name: str
    client_id: str
    segment: str = "residential"
    phone: str | None = None
    email: str | None = None
    chat_handle: str | None = None
    is_prospect: bool = False
    open_balance: Decimal = Decimal("0")
    last_nps: int | None = None
    mood: Mood | None = None
    open_cases: int = 0
    #: e.g. "repeat_contact", "vulnerable", "payment_plan", "invoice_due"
    flags: list[str] = []


class CustomerList(ResponseModel):
    items: list[Customer]


class TimelineKind(StrEnum):
    INTERACTION = "interaction"
    NOTE = "note"
    INVOICE = "invoice"
    PAYMENT = "payment"
    SURVEY = "survey"


class TimelineItem(ResponseModel):
    id: str
    ts: UtcDateTime
    kind: TimelineKind
    channel: Channel | None = None
    summary: str
    interaction_id: str | None = None
    disposition: str | None = None
    resolved: bool | None = None
    #: An interaction not wrapped up yet (queued, offered, being handled or in wrap-up).
    in_progress: bool = False
    agent_name: str | None = None
    client_id: str | None = None


class TimelinePage(ResponseModel):
    items: list[TimelineItem]
    next_cursor: str | None = None


class CustomerNoteRequest(WireModel):
    text: str = Field(min_length=1, max_length=4000)
    idempotency_key: IdempotencyKey


class InvoiceStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    OVERDUE = "overdue"


class Invoice(ResponseModel):
    id: str
    number: str
    issued_on: str  # ISO date
    due_on: str  # ISO date
    amount: Decimal
    status: InvoiceStatus


class Accounts(ResponseModel):
    customer_id: str
    balance: Decimal
    invoices: list[Invoice]
