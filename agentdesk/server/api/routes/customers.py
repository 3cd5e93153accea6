"""``/customers``: search (screen pop), the 360 header, timeline, notes, accounts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from agentdesk.protocol.customers import (
    Accounts,
    Customer,
    CustomerList,
    CustomerNoteRequest,
    TimelineItem,
    TimelineKind,
    TimelinePage,
)
from agentdesk.protocol.interactions import Channel
from agentdesk.server.api.deps import Ctx, CustomerViewer
from agentdesk.server.context import UnitOfWork
from agentdesk.server.errors import Invalid
from agentdesk.server.services import customers as svc
from agentdesk.server.services import idempotency, timeline

router = APIRouter(prefix="/customers", tags=["customers"])


def _split(raw: str | None, kind: type[Channel] | type[TimelineKind], name: str) -> list[str]:
    if not raw:
        return []
    values = [v.strip() for v in raw.split(",") if v.strip()]
    allowed = {m.value for m in kind}
    bad = [v for v in values if v not in allowed]
    if bad:
        raise Invalid(
            f"unknown {name}: {', '.join(bad)}", details={name: bad, "allowed": sorted(allowed)}
        )
    return values


@router.get("", response_model=CustomerList)
async def search_customers(
    *,
    principal: CustomerViewer,
    ctx: Ctx,
    phone: Annotated[str | None, Query(max_length=40)] = None,
    email: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> CustomerList:
    """Screen pop by phone or e-mail, or a free search on name, contacts and id."""
    async with ctx.db.read() as session:
        items = await svc.search(
            session, principal.agent, phone=phone, email=email, q=q, limit=limit
        )
    return CustomerList(items=items)


@router.get("/{customer_id}", response_model=Customer)
async def get_customer(customer_id: str, principal: CustomerViewer, ctx: Ctx) -> Customer:
    """The customer with header facts: open balance, last NPS, mood, open cases, flags."""
    async with ctx.db.read() as session:
        row = await svc.load_visible(session, principal.agent, customer_id)
        return await svc.customer_view(session, row)


@router.get("/{customer_id}/timeline", response_model=TimelinePage)
async def get_timeline(
    customer_id: str,
    *,
    principal: CustomerViewer,
    ctx: Ctx,
    before: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    channels: Annotated[str | None, Query(description="e.g. chat,voice")] = None,
    kinds: Annotated[str | None, Query(description="e.g. interaction,note,invoice")] = None,
) -> TimelinePage:
    """Newest first across channels and systems; pass ``next_cursor`` as ``before``."""
    channel_list = [Channel(c) for c in _split(channels, Channel, "channels")]
    kind_list = [TimelineKind(k) for k in _split(kinds, TimelineKind, "kinds")]
    async with ctx.db.read() as session:
        row = await svc.load_visible(session, principal.agent, customer_id)
        return await timeline.page(
            session,
            row,
            before=before,
            limit=limit,
            channels=channel_list or None,
            kinds=kind_list or None,
        )


@router.post("/{customer_id}/notes", response_model=TimelineItem, status_code=201)
async def add_note(
    customer_id: str,
    body: CustomerNoteRequest,
    principal: CustomerViewer,
    ctx: Ctx,
    request: Request,
) -> Response:
    """A note on the customer, shown in their timeline; applied once per idempotency_key."""

    async def operation(uow: UnitOfWork) -> TimelineItem:
        note = await svc.add_note(uow, principal.agent, customer_id, body.text)
        return TimelineItem(
            id=f"note:{note.id}",
            ts=note.created_at,
            kind=TimelineKind.NOTE,
            summary=note.text,
            agent_name=note.author_name,
        )

    return await idempotency.run_once(
        ctx,
        principal=principal.id,
        key=body.idempotency_key,
        request_hash=idempotency.fingerprint("POST", request.url.path, body),
        operation=operation,
        status=201,
    )


@router.get("/{customer_id}/accounts", response_model=Accounts)
async def get_accounts(customer_id: str, principal: CustomerViewer, ctx: Ctx) -> Accounts:
    """Invoices (open, paid, overdue) and the open balance."""
    async with ctx.db.read() as session:
        row = await svc.load_visible(session, principal.agent, customer_id)
        return await svc.accounts(session, row)
