"""Offering an interaction to an operator and taking the offer back."""

from __future__ import annotations

from sqlalchemy import select

from agentdesk.protocol.events import EventType, InteractionData, InteractionEndedData
from agentdesk.protocol.interactions import Interaction, InteractionStatus
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.models import InteractionRow
from agentdesk.server.services.views import interaction_view

OFFERED = InteractionStatus.OFFERED.value
QUEUED = InteractionStatus.QUEUED.value


async def lock_interaction(uow: UnitOfWork, interaction_id: str) -> InteractionRow | None:
    """The row, locked for this transaction on PostgreSQL (SQLite has a single writer)."""
    return await uow.session.scalar(
        select(InteractionRow)
        .where(InteractionRow.id == interaction_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def mark_offered(uow: UnitOfWork, row: InteractionRow, agent_id: str) -> None:
    row.status = OFFERED
    row.agent_id = agent_id
    row.offered_at = uow.now


async def offer(uow: UnitOfWork, row: InteractionRow, agent_id: str) -> None:
    mark_offered(uow, row, agent_id)
    await uow.session.flush()
    await announce_offer(uow, row)


async def announce_offer(uow: UnitOfWork, row: InteractionRow) -> None:
    """Tell the operator of the offer (``row`` marked offered and flushed)."""
    assert row.agent_id is not None
    await send_offer(uow, row.agent_id, await interaction_view(uow.session, row))


async def send_offer(uow: UnitOfWork, agent_id: str, view: Interaction) -> None:
    """The offer's event to the operator, and the queue statistics refreshed after commit."""
    await uow.emit(agent_id, EventType.INTERACTION_OFFERED, InteractionData(interaction=view))
    uow.after_commit(uow.ctx.kick_stats)


async def requeue(uow: UnitOfWork, row: InteractionRow, reason: str) -> None:
    """Take an offer back (rejected, timed out, operator left) and queue it again.

    The operator is excluded from this interaction for a while so it goes to someone else.
    """
    agent_id = row.agent_id
    row.status = QUEUED
    row.agent_id = None
    row.offered_at = None
    if agent_id is not None:
        row.excluded = {**row.excluded, agent_id: uow.now.isoformat()}
    await uow.session.flush()
    if agent_id is not None:
        view = await interaction_view(uow.session, row)
        await uow.emit(
            agent_id,
            EventType.INTERACTION_ENDED,
            InteractionEndedData(interaction=view, reason=reason),
        )
    uow.after_commit(uow.ctx.kick_router)


async def withdraw_offers(uow: UnitOfWork, agent_id: str, reason: str) -> None:
    """Requeue every offer pending for an operator (they went offline or logged out)."""
    rows = await uow.session.scalars(
        select(InteractionRow)
        .where(InteractionRow.agent_id == agent_id, InteractionRow.status == OFFERED)
        .with_for_update()
    )
    for row in list(rows):
        await requeue(uow, row, reason)
