"""Operators' presence: the state machine applied, with its events."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.agent_state import (
    AgentState,
    IllegalTransition,
    NotReadyReason,
    check_transition,
)
from agentdesk.protocol import errors as codes
from agentdesk.protocol.agents import AgentStateView
from agentdesk.protocol.events import AgentStateData, EventType
from agentdesk.protocol.interactions import InteractionStatus
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.models import AgentRow, InteractionRow
from agentdesk.server.errors import Conflict
from agentdesk.server.people.state_log import log_state
from agentdesk.server.services.offers import withdraw_offers
from agentdesk.server.services.views import state_view

#: Interaction statuses that occupy an operator (count toward their load).
HELD = (
    InteractionStatus.OFFERED.value,
    InteractionStatus.ACTIVE.value,
    InteractionStatus.WRAP_UP.value,
)
#: Statuses that keep an operator from going offline: a customer is still theirs.
BUSY = (InteractionStatus.ACTIVE.value, InteractionStatus.WRAP_UP.value)


async def count_interactions(
    session: AsyncSession, agent_id: str, statuses: tuple[str, ...]
) -> int:
    value = await session.scalar(
        select(func.count())
        .select_from(InteractionRow)
        .where(InteractionRow.agent_id == agent_id, InteractionRow.status.in_(statuses))
    )
    return int(value or 0)


async def set_state(
    uow: UnitOfWork,
    agent: AgentRow,
    target: AgentState,
    reason: NotReadyReason | None = None,
) -> AgentStateView:
    """Apply an operator's request; :class:`Conflict` (409) when the machine refuses it."""
    current = AgentState(agent.state)
    if current is AgentState.REVIEW_HOLD and agent.role == "trainee":
        raise Conflict(
            "a trainee leaves review hold only when the tutor releases them",
            code=codes.ILLEGAL_TRANSITION,
            details={"current": current.value, "target": target.value, "why": "review_hold"},
        )
    busy = await count_interactions(uow.session, agent.id, BUSY)
    try:
        check_transition(current, target, reason, active_interactions=busy)
    except IllegalTransition as exc:
        raise Conflict(
            str(exc),
            code=codes.ILLEGAL_TRANSITION,
            details={"current": current.value, "target": target.value, "why": exc.why},
        ) from exc
    if target is AgentState.OFFLINE:
        await withdraw_offers(uow, agent.id, "agent_offline")
    return await apply_state(uow, agent, target, reason)


async def apply_state(
    uow: UnitOfWork, agent: AgentRow, target: AgentState, reason: NotReadyReason | None
) -> AgentStateView:
    """Record the state (no checks), announce it, and wake the router if it matters."""
    if target.value == agent.state and (reason.value if reason else None) == agent.state_reason:
        return state_view(agent)
    was = AgentState(agent.state)
    agent.state = target.value
    agent.state_reason = reason.value if reason else None
    agent.state_since = uow.now
    if target is AgentState.READY:
        agent.idle_since = uow.now
    log_state(uow.session, agent.id, target.value, agent.state_reason, uow.now)
    await uow.session.flush()
    view = state_view(agent)
    await uow.emit(agent.id, EventType.AGENT_STATE, AgentStateData(agent_id=agent.id, state=view))
    if target in (AgentState.READY, AgentState.WRAP_UP):
        # Ready: offers may be made; wrap-up: the router ends it after the maximum.
        uow.after_commit(uow.ctx.kick_router)
    if was is AgentState.OFFLINE:
        uow.ctx.stats_reset.add(agent.id)
        uow.after_commit(uow.ctx.kick_stats)
    return view
