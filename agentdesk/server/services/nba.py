"""Next best action on the server: context from the interaction, hints kept, outcomes reported."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from importlib import resources

import yaml
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.nba import (
    Hint,
    InvoiceFact,
    NbaContext,
    Offer,
    Rule,
    parse_policies,
    parse_rules,
    suggest,
)
from agentdesk.protocol.events import EventType
from agentdesk.protocol.interactions import Direction, InteractionStatus
from agentdesk.protocol.nba import (
    NbaAction,
    NbaReport,
    NbaRuleReport,
    NbaSuggestedData,
    NextBestAction,
    NextBestActionList,
)
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.assist_models import NbaHintRow
from agentdesk.server.db.models import CustomerRow, InteractionRow, InvoiceRow, MessageRow
from agentdesk.server.errors import Conflict, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.services.customers import customer_view
from agentdesk.server.services.nba_articles import load_finder
from agentdesk.server.services.views import message_reading, stored_moods

#: Hints are worked out while the operator holds the interaction.
LIVE = (InteractionStatus.OFFERED.value, InteractionStatus.ACTIVE.value)


@cache
def rulebook() -> tuple[tuple[Rule, ...], dict[str, tuple[Offer, ...]]]:
    """The shipped rules and client policies (``assist_data/nba_rules.yaml``), read once."""
    text = resources.files("agentdesk.server").joinpath("assist_data/nba_rules.yaml")
    data = yaml.safe_load(text.read_text("utf-8"))
    return tuple(parse_rules(data)), parse_policies(data)


async def context_for(session: AsyncSession, row: InteractionRow, now: datetime) -> NbaContext:
    customer = await session.get(CustomerRow, row.customer_id) if row.customer_id else None
    flags: frozenset[str] = frozenset()
    invoices: tuple[InvoiceFact, ...] = ()
    open_cases = 0
    segment = "residential"
    if customer is not None:
        header = await customer_view(session, customer, now)
        flags = frozenset(header.flags)
        open_cases = header.open_cases
        segment = customer.segment
        rows = await session.scalars(
            select(InvoiceRow).where(InvoiceRow.customer_id == customer.id)
        )
        invoices = tuple(InvoiceFact(i.number, i.amount_cents, i.due_at, i.status) for i in rows)
    lines = list(
        await session.scalars(
            select(MessageRow)
            .where(
                MessageRow.interaction_id == row.id,
                MessageRow.direction == Direction.INBOUND.value,
            )
            .order_by(MessageRow.pk)
        )
    )
    stored = await stored_moods(session, row.id)
    readings = [r for r in (message_reading(m, stored.get(m.id)) for m in lines) if r]
    _, policies = rulebook()
    return NbaContext(
        now=now,
        client_id=row.client_id,
        channel=row.channel,
        segment=segment,
        flags=flags,
        invoices=invoices,
        open_cases=open_cases,
        moods=tuple(r.label for r in readings),
        last_cues=readings[-1].cues if readings else (),
        last_customer_text=lines[-1].text if lines else "",
        offers=policies.get(row.client_id, ()),
    )


def hint_view(row: NbaHintRow) -> NextBestAction:
    return NextBestAction(
        id=row.id,
        interaction_id=row.interaction_id,
        rule=row.rule,
        title=row.title,
        reason=row.reason,
        priority=row.priority,
        action=NbaAction(kind=row.action_kind, target=row.action_target),
        outcome=row.outcome,
        created_at=row.created_at,
    )


async def _stored(session: AsyncSession, interaction_id: str) -> list[NbaHintRow]:
    return list(
        await session.scalars(
            select(NbaHintRow)
            .where(NbaHintRow.interaction_id == interaction_id)
            .order_by(NbaHintRow.created_at, NbaHintRow.id)
        )
    )


def _shown(rows: list[NbaHintRow]) -> list[NbaHintRow]:
    """Active, undecided hints in rank order (priority, then first shown)."""
    live = [r for r in rows if r.active and r.outcome is None]
    return sorted(live, key=lambda r: (-r.priority, r.created_at, r.id))


async def refresh(uow: UnitOfWork, row: InteractionRow) -> list[NextBestAction]:
    """Work the hints out again; store new ones, retire stale ones, and put
    ``nba.suggested`` on the operator's stream when what they see changed."""
    stored = await _stored(uow.session, row.id)
    before = [r.id for r in _shown(stored)]
    hints: list[Hint] = []
    if row.status in LIVE:
        rules, _ = rulebook()
        ctx = await context_for(uow.session, row, uow.now)
        hints = suggest(rules, ctx, await load_finder(uow.session, uow.ctx.kb_index))
    by_key = {(r.rule, r.action_target): r for r in stored}
    wanted = {h.key for h in hints}
    for r in stored:
        if r.outcome is None:
            r.active = (r.rule, r.action_target) in wanted
    for hint in hints:
        existing = by_key.get(hint.key)
        if existing is not None:
            if existing.outcome is None:
                existing.title, existing.reason = hint.title, hint.reason
            continue  # decided hints are not suggested again in the same interaction
        new = NbaHintRow(
            id=new_id("nba"),
            interaction_id=row.id,
            agent_id=row.agent_id,
            rule=hint.rule,
            title=hint.title,
            reason=hint.reason,
            priority=hint.priority,
            action_kind=hint.action_kind,
            action_target=hint.action_target,
            active=True,
            created_at=uow.now,
        )
        uow.session.add(new)
        stored.append(new)
    await uow.session.flush()
    shown = _shown(stored)
    items = [hint_view(r) for r in shown]
    if row.agent_id is not None and [r.id for r in shown] != before:
        await uow.emit(
            row.agent_id,
            EventType.NBA_SUGGESTED,
            NbaSuggestedData(interaction_id=row.id, items=items),
        )
    return items


async def listed(uow: UnitOfWork, row: InteractionRow) -> NextBestActionList:
    return NextBestActionList(interaction_id=row.id, items=await refresh(uow, row))


async def decide(
    uow: UnitOfWork, hint_id: str, agent_id: str, accepted: bool, note: str | None
) -> NextBestAction:
    hint = await uow.session.get(NbaHintRow, hint_id)
    interaction = await uow.session.get(InteractionRow, hint.interaction_id) if hint else None
    if hint is None or interaction is None or interaction.agent_id != agent_id:
        raise NotFound(f"no next best action {hint_id}")
    if hint.outcome is not None:
        raise Conflict(f"this hint was already {hint.outcome}", details={"outcome": hint.outcome})
    hint.outcome = "accepted" if accepted else "dismissed"
    hint.note = note
    hint.decided_at = uow.now
    await uow.session.flush()
    remaining = [hint_view(r) for r in _shown(await _stored(uow.session, interaction.id))]
    await uow.emit(
        agent_id,
        EventType.NBA_SUGGESTED,
        NbaSuggestedData(interaction_id=interaction.id, items=remaining),
    )
    return hint_view(hint)


async def report(session: AsyncSession, since: datetime | None) -> NbaReport:
    """Per rule: shown, accepted, dismissed, and accepted hints whose contact was resolved."""
    query = (
        select(
            NbaHintRow.rule,
            NbaHintRow.outcome,
            InteractionRow.status,
            InteractionRow.resolved,
            func.count(),
        )
        .join(InteractionRow, InteractionRow.id == NbaHintRow.interaction_id)
        .group_by(
            NbaHintRow.rule, NbaHintRow.outcome, InteractionRow.status, InteractionRow.resolved
        )
    )
    if since is not None:
        query = query.where(NbaHintRow.created_at >= since)
    totals: dict[str, dict[str, int]] = {}
    for rule, outcome, status, resolved, count in await session.execute(query):
        t = totals.setdefault(
            rule, {"shown": 0, "accepted": 0, "dismissed": 0, "closed": 0, "succeeded": 0}
        )
        t["shown"] += count
        if outcome in ("accepted", "dismissed"):
            t[outcome] += count
        if outcome == "accepted" and status == InteractionStatus.CLOSED.value:
            t["closed"] += count
            if resolved:
                t["succeeded"] += count
    rules = [
        NbaRuleReport(
            rule=rule,
            shown=t["shown"],
            accepted=t["accepted"],
            dismissed=t["dismissed"],
            acceptance_rate=(
                round(t["accepted"] / (t["accepted"] + t["dismissed"]), 3)
                if t["accepted"] + t["dismissed"]
                else None
            ),
            succeeded=t["succeeded"],
            success_rate=round(t["succeeded"] / t["closed"], 3) if t["closed"] else None,
        )
        for rule, t in sorted(totals.items())
    ]
    return NbaReport(since=since, rules=rules)
