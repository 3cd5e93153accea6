"""The customer's unified timeline: contacts on every channel, notes, invoices, payments,
surveys, newest first, paged by an opaque cursor."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from agentdesk.protocol.customers import TimelineItem, TimelineKind, TimelinePage
from agentdesk.protocol.interactions import Channel, InteractionStatus
from agentdesk.server.db.models import (
    AgentRow,
    ClientRow,
    CustomerRow,
    InteractionRow,
    InvoiceRow,
    NoteRow,
    SurveyRow,
)
from agentdesk.server.errors import Invalid
from agentdesk.server.services.customers import cents
from agentdesk.server.services.views import disposition_label

Cursor = tuple[datetime, str]
K = TimelineKind

_PREFIX = {
    K.INTERACTION: "int:",
    K.NOTE: "note:",
    K.INVOICE: "inv:",
    K.PAYMENT: "pay:",
    K.SURVEY: "srv:",
}

#: Statuses of an interaction that is not wrapped up yet.
_IN_PROGRESS = frozenset({"queued", "offered", "active", "wrap_up"})


def encode_cursor(ts: datetime, item_id: str) -> str:
    raw = f"{ts.isoformat()}|{item_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Cursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        ts, item_id = raw.split("|", 1)
        parsed = datetime.fromisoformat(ts)
        if parsed.tzinfo is None:
            raise ValueError("naive")
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise Invalid("malformed cursor", details={"before": cursor}) from exc
    return parsed, item_id


def _before(
    ts_col: InstrumentedAttribute[Any],
    id_col: InstrumentedAttribute[str],
    kind: TimelineKind,
    cursor: Cursor | None,
) -> ColumnElement[bool]:
    """Rows strictly after the cursor in (ts desc, item id desc) order."""
    if cursor is None:
        return true()
    c_ts, c_id = cursor
    prefix = _PREFIX[kind]
    if c_id.startswith(prefix):
        tie: ColumnElement[bool] = id_col < c_id[len(prefix) :]
    else:
        tie = true() if prefix < c_id else false()
    return or_(ts_col < c_ts, and_(ts_col == c_ts, tie))


async def page(
    session: AsyncSession,
    customer: CustomerRow,
    *,
    before: str | None,
    limit: int,
    channels: Sequence[Channel] | None,
    kinds: Sequence[TimelineKind] | None,
) -> TimelinePage:
    cursor = decode_cursor(before) if before else None
    wanted = set(kinds) if kinds else ({K.INTERACTION} if channels else set(TimelineKind))
    n = limit + 1
    items: list[TimelineItem] = []
    client = await session.get(ClientRow, customer.client_id)
    if K.INTERACTION in wanted:
        stmt = (
            select(InteractionRow, AgentRow.name)
            .outerjoin(AgentRow, AgentRow.id == InteractionRow.agent_id)
            .where(
                InteractionRow.customer_id == customer.id,
                _before(InteractionRow.created_at, InteractionRow.id, K.INTERACTION, cursor),
            )
        )
        if channels:
            stmt = stmt.where(InteractionRow.channel.in_([c.value for c in channels]))
        rows = await session.execute(
            stmt.order_by(InteractionRow.created_at.desc(), InteractionRow.id.desc()).limit(n)
        )
        for row, agent_name in rows:
            items.append(
                TimelineItem(
                    id=_PREFIX[K.INTERACTION] + row.id,
                    ts=row.created_at,
                    kind=K.INTERACTION,
                    channel=Channel(row.channel),
                    summary=_interaction_summary(row),
                    interaction_id=row.id,
                    disposition=disposition_label(client, row.disposition),
                    resolved=row.resolved,
                    in_progress=row.status in _IN_PROGRESS,
                    agent_name=agent_name,
                    client_id=row.client_id,
                )
            )
    if K.NOTE in wanted:
        notes = await session.scalars(
            select(NoteRow)
            .where(
                NoteRow.customer_id == customer.id,
                _before(NoteRow.created_at, NoteRow.id, K.NOTE, cursor),
            )
            .order_by(NoteRow.created_at.desc(), NoteRow.id.desc())
            .limit(n)
        )
        items.extend(
            TimelineItem(
                id=_PREFIX[K.NOTE] + note.id,
                ts=note.created_at,
                kind=K.NOTE,
                summary=note.text,
                agent_name=note.author_name,
                client_id=customer.client_id,
            )
            for note in notes
        )
    if K.INVOICE in wanted:
        invoices = await session.scalars(
            select(InvoiceRow)
            .where(
                InvoiceRow.customer_id == customer.id,
                _before(InvoiceRow.issued_at, InvoiceRow.id, K.INVOICE, cursor),
            )
            .order_by(InvoiceRow.issued_at.desc(), InvoiceRow.id.desc())
            .limit(n)
        )
        items.extend(
            TimelineItem(
                id=_PREFIX[K.INVOICE] + inv.id,
                ts=inv.issued_at,
                kind=K.INVOICE,
                summary=(
                    f"Fattura {inv.number}: {euro(inv.amount_cents)}, scadenza "
                    f"{inv.due_at.date().strftime('%d/%m/%Y')} ({_INVOICE_STATUS[inv.status]})"
                ),
                client_id=customer.client_id,
            )
            for inv in invoices
        )
    if K.PAYMENT in wanted:
        payments = await session.scalars(
            select(InvoiceRow)
            .where(
                InvoiceRow.customer_id == customer.id,
                InvoiceRow.paid_at.is_not(None),
                _before(InvoiceRow.paid_at, InvoiceRow.id, K.PAYMENT, cursor),
            )
            .order_by(InvoiceRow.paid_at.desc(), InvoiceRow.id.desc())
            .limit(n)
        )
        items.extend(
            TimelineItem(
                id=_PREFIX[K.PAYMENT] + inv.id,
                ts=inv.paid_at,
                kind=K.PAYMENT,
                summary=f"Pagamento fattura {inv.number}: {euro(inv.amount_cents)}",
                client_id=customer.client_id,
            )
            for inv in payments
            if inv.paid_at is not None
        )
    if K.SURVEY in wanted:
        surveys = await session.scalars(
            select(SurveyRow)
            .where(
                SurveyRow.customer_id == customer.id,
                _before(SurveyRow.created_at, SurveyRow.id, K.SURVEY, cursor),
            )
            .order_by(SurveyRow.created_at.desc(), SurveyRow.id.desc())
            .limit(n)
        )
        items.extend(
            TimelineItem(
                id=_PREFIX[K.SURVEY] + s.id,
                ts=s.created_at,
                kind=K.SURVEY,
                summary=_survey_summary(s),
                interaction_id=s.interaction_id,
                client_id=customer.client_id,
            )
            for s in surveys
        )
    items.sort(key=lambda item: (item.ts, item.id), reverse=True)
    more = len(items) > limit
    items = items[:limit]
    next_cursor = encode_cursor(items[-1].ts, items[-1].id) if more and items else None
    return TimelinePage(items=items, next_cursor=next_cursor)


_INVOICE_STATUS = {"open": "da pagare", "paid": "pagata", "overdue": "scaduta"}
_SURVEY_LABEL = {
    "nps_transactional": "NPS transazionale",
    "nps_relational": "NPS relazionale",
    "nps_competitive": "NPS competitivo",
    "csat": "CSAT",
    "ces": "CES",
}


def euro(amount_cents: int) -> str:
    """Italian money: "€ 1.234,50"."""
    text = f"{cents(amount_cents):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


def _interaction_summary(row: InteractionRow) -> str:
    if row.status == InteractionStatus.ABANDONED.value:
        return f"Abbandonata in coda — {row.subject or ''}".rstrip(" —")
    if row.wrapup_notes:
        return row.wrapup_notes
    return row.subject or ""


def _survey_summary(s: SurveyRow) -> str:
    label = _SURVEY_LABEL.get(s.type, s.type)
    scale = "/10" if s.type.startswith("nps") else ""
    text = f"{label}: {s.score}{scale}"
    return f"{text} — “{s.comment}”" if s.comment else text
