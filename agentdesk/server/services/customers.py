"""Customers: search, the 360 header facts, notes, accounts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.fcr import REPEAT_WINDOW, same_topic
from agentdesk.domain.invoices import falls_due_soon
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.customers import (
    Accounts,
    Customer,
    Invoice,
    InvoiceStatus,
    Mood,
)
from agentdesk.protocol.interactions import InteractionStatus
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.models import (
    AgentRow,
    CustomerRow,
    InteractionRow,
    InvoiceRow,
    NoteRow,
    SurveyRow,
)
from agentdesk.server.errors import Invalid, NotFound
from agentdesk.server.ids import new_id

#: Unresolved contacts this recent count as open cases.
CASE_WINDOW = timedelta(days=30)
UNPAID = (InvoiceStatus.OPEN.value, InvoiceStatus.OVERDUE.value)
S = InteractionStatus


def cents(amount: int) -> Decimal:
    return (Decimal(amount) / 100).quantize(Decimal("0.01"))


def digits(phone: str) -> str:
    """Digits of a phone number without the Italian country prefix."""
    only = re.sub(r"\D", "", phone)
    for prefix in ("0039", "39"):
        if only.startswith(prefix) and len(only) - len(prefix) >= 9:
            return only[len(prefix) :]
    return only


async def load_visible(session: AsyncSession, agent: AgentRow, customer_id: str) -> CustomerRow:
    """The customer, if they belong to a client the agent serves (else 404, nothing leaks)."""
    row = await session.get(CustomerRow, customer_id)
    if row is None or row.client_id not in agent.clients:
        raise NotFound(f"no customer {customer_id}")
    return row


async def search(
    session: AsyncSession,
    agent: AgentRow,
    *,
    phone: str | None,
    email: str | None,
    q: str | None,
    limit: int,
) -> list[Customer]:
    if not (phone or email or q):
        raise Invalid("give phone, email or q", details={"params": ["phone", "email", "q"]})
    stmt = select(CustomerRow).where(CustomerRow.client_id.in_(agent.clients))
    if phone:
        wanted = digits(phone)
        if not wanted:
            raise Invalid("phone has no digits", details={"phone": phone})
        stmt = stmt.where(CustomerRow.phone_digits == wanted)
    if email:
        stmt = stmt.where(func.lower(CustomerRow.email) == email.strip().lower())
    if q:
        pattern = f"%{_escape_like(q.strip().lower())}%"
        conditions = [
            func.lower(CustomerRow.name).like(pattern, escape="\\"),
            func.lower(CustomerRow.email).like(pattern, escape="\\"),
            func.lower(CustomerRow.chat_handle).like(pattern, escape="\\"),
            CustomerRow.id == q.strip(),
        ]
        if digits(q):
            conditions.append(CustomerRow.phone_digits.like(f"%{digits(q)}%"))
        stmt = stmt.where(or_(*conditions))
    rows = await session.scalars(stmt.order_by(CustomerRow.name, CustomerRow.id).limit(limit))
    return [await customer_view(session, row) for row in rows]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def customer_view(
    session: AsyncSession, row: CustomerRow, now: datetime | None = None
) -> Customer:
    """The customer with the header facts computed from their invoices and contacts."""
    now = now or utcnow()
    invoices = list(
        await session.scalars(
            select(InvoiceRow).where(
                InvoiceRow.customer_id == row.id, InvoiceRow.status.in_(UNPAID)
            )
        )
    )
    balance = sum((i.amount_cents for i in invoices), 0)
    last_nps = await session.scalar(
        select(SurveyRow.score)
        .where(SurveyRow.customer_id == row.id, SurveyRow.type == "nps_transactional")
        .order_by(SurveyRow.created_at.desc())
        .limit(1)
    )
    mood = await session.scalar(
        select(InteractionRow.mood)
        .where(InteractionRow.customer_id == row.id, InteractionRow.mood.is_not(None))
        .order_by(InteractionRow.created_at.desc())
        .limit(1)
    )
    recent = list(
        await session.execute(
            select(
                InteractionRow.created_at,
                InteractionRow.status,
                InteractionRow.disposition,
                InteractionRow.resolved,
            )
            .where(
                InteractionRow.customer_id == row.id,
                InteractionRow.created_at >= now - CASE_WINDOW,
                InteractionRow.status != S.ABANDONED.value,
            )
            .order_by(InteractionRow.created_at.desc())
        )
    )
    flags = list(row.flags)
    if repeat_contact(recent, now):
        flags.append("repeat_contact")
    if any(i.status == InvoiceStatus.OVERDUE.value for i in invoices):
        flags.append("overdue")
    if any(falls_due_soon(i.status, i.due_at.date(), now.date()) for i in invoices):
        flags.append("invoice_due")
    return Customer(
        id=row.id,
        name=row.name,
        client_id=row.client_id,
        segment=row.segment,
        phone=row.phone,
        email=row.email,
        chat_handle=row.chat_handle,
        is_prospect=row.is_prospect,
        open_balance=cents(balance),
        last_nps=last_nps,
        mood=Mood(mood) if mood else None,
        open_cases=open_cases(recent),
        flags=list(dict.fromkeys(flags)),
    )


def repeat_contact(
    recent: Sequence[tuple[datetime, str, str | None, bool | None]], now: datetime
) -> bool:
    """Two contacts within the window, on the same topic when both have one (FCR's rule)."""
    window = [r for r in recent if r[0] >= now - REPEAT_WINDOW]
    for i, (ts_a, _s, topic_a, _r) in enumerate(window):
        for ts_b, _s2, topic_b, _r2 in window[i + 1 :]:
            if same_topic(topic_a, topic_b) and ts_a - ts_b <= REPEAT_WINDOW:
                return True
    return False


def open_cases(recent: Sequence[tuple[datetime, str, str | None, bool | None]]) -> int:
    """Topics whose latest wrapped-up contact was not resolved (newest first input)."""
    latest: dict[str, bool] = {}
    for _ts, status, topic, resolved in recent:
        if status == S.CLOSED.value and topic is not None and topic not in latest:
            latest[topic] = bool(resolved)
    return sum(1 for ok in latest.values() if not ok)


async def add_note(uow: UnitOfWork, agent: AgentRow, customer_id: str, text: str) -> NoteRow:
    customer = await load_visible(uow.session, agent, customer_id)
    note = NoteRow(
        id=new_id("note"),
        customer_id=customer.id,
        agent_id=agent.id,
        author_name=agent.name,
        text=text,
        created_at=uow.now,
    )
    uow.session.add(note)
    await uow.session.flush()
    return note


async def accounts(session: AsyncSession, customer: CustomerRow) -> Accounts:
    rows = await session.scalars(
        select(InvoiceRow)
        .where(InvoiceRow.customer_id == customer.id)
        .order_by(InvoiceRow.issued_at.desc(), InvoiceRow.id.desc())
    )
    invoices = [
        Invoice(
            id=i.id,
            number=i.number,
            issued_on=i.issued_at.date().isoformat(),
            due_on=i.due_at.date().isoformat(),
            amount=cents(i.amount_cents),
            status=InvoiceStatus(i.status),
        )
        for i in rows
    ]
    balance = sum((i.amount for i in invoices if i.status.value in UNPAID), Decimal("0.00"))
    return Accounts(customer_id=customer.id, balance=balance, invoices=invoices)
