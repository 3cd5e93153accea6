"""Tutors and team leaders: reviews of trainees, nesting, private messages to operators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import select

from agentdesk.protocol.agents import Role
from agentdesk.protocol.competition import (
    NestingQueues,
    Review,
    ReviewDecision,
    ReviewList,
    TraineeList,
    TraineeView,
)
from agentdesk.protocol.events import EventType
from agentdesk.protocol.people import AgentMessageData, AgentMessageRequest
from agentdesk.server.api.deps import Ctx, Principal, RoleGuard, Supervisor
from agentdesk.server.api.routes.squads import check_squad
from agentdesk.server.db.models import AgentRow, QueueRow
from agentdesk.server.db.people_models import NestingRow, ReviewRow
from agentdesk.server.errors import Invalid, NotFound
from agentdesk.server.people import nesting

router = APIRouter(tags=["supervision"])
Tutor = Annotated[Principal, Depends(RoleGuard(Role.TUTOR, Role.ADMIN))]


@router.get("/reviews", response_model=ReviewList)
async def list_reviews(principal: Supervisor, ctx: Ctx, status: str = "pending") -> ReviewList:
    """Tutors see their trainees' reviews, team leaders their squad's, admins all."""
    if status not in ("pending", "done", "all"):
        raise Invalid("status is pending, done or all", details={"status": status})
    async with ctx.db.read() as session:
        query = select(ReviewRow).order_by(ReviewRow.created_at)
        if status != "all":
            query = query.where(ReviewRow.status == status)
        if principal.role is Role.TUTOR:
            query = query.where(ReviewRow.tutor_id == principal.id)
        elif principal.role is Role.TEAM_LEADER:
            squad = select(AgentRow.id).where(AgentRow.team_id == principal.agent.team_id)
            query = query.where(ReviewRow.trainee_id.in_(squad))
        rows = list(await session.scalars(query.limit(200)))
        return ReviewList(items=[await nesting.review_view(session, r) for r in rows])


@router.post("/reviews/{review_id}", response_model=Review)
async def decide_review(review_id: str, body: ReviewDecision, principal: Tutor, ctx: Ctx) -> Review:
    """Score, feedback, and release (back to ready) or keep in review hold to coach."""
    async with ctx.transaction() as uow:
        view = await nesting.decide(uow, principal.agent, review_id, body)
    ctx.kick_router()
    return view


@router.get("/nesting/trainees", response_model=TraineeList)
async def list_trainees(principal: Tutor, ctx: Ctx) -> TraineeList:
    async with ctx.db.read() as session:
        query = select(NestingRow).where(NestingRow.graduated_at.is_(None))
        if principal.role is Role.TUTOR:
            query = query.where(NestingRow.tutor_id == principal.id)
        items = []
        for row in await session.scalars(query):
            agent = await session.get(AgentRow, row.trainee_id)
            if agent is not None:
                items.append(await nesting.trainee_view(session, agent))
        return TraineeList(items=items)


@router.put("/nesting/trainees/{trainee_id}/queues", response_model=TraineeView)
async def enable_queues(
    trainee_id: str, body: NestingQueues, principal: Tutor, ctx: Ctx
) -> TraineeView:
    """The queues (and so channels) the trainee may be offered."""
    async with ctx.transaction() as uow:
        row = await uow.session.get(NestingRow, trainee_id)
        nesting.check_tutor(principal.agent, row)
        if row is None:
            raise NotFound(f"no trainee {trainee_id} in nesting")
        known = set(await uow.session.scalars(select(QueueRow.id)))
        unknown = sorted(set(body.queues) - known)
        if unknown:
            raise Invalid("unknown queues", details={"queues": unknown})
        row.queues = sorted(set(body.queues))
        agent = await uow.session.get(AgentRow, trainee_id)
        assert agent is not None
        await uow.session.flush()
        view = await nesting.trainee_view(uow.session, agent)
    ctx.kick_router()
    return view


@router.post("/nesting/trainees/{trainee_id}/graduate", response_model=TraineeView)
async def graduate(trainee_id: str, principal: Tutor, ctx: Ctx) -> TraineeView:
    """Make the trainee an operator (criteria are shown; the tutor decides)."""
    async with ctx.transaction() as uow:
        view = await nesting.graduate(uow, principal.agent, trainee_id)
    ctx.kick_router()
    return view


@router.post("/agents/{agent_id}/messages", response_model=AgentMessageData, status_code=201)
async def message_agent(
    agent_id: str, body: AgentMessageRequest, principal: Supervisor, ctx: Ctx
) -> AgentMessageData:
    """A private note to an operator of the sender's squad (``agent.message``)."""
    async with ctx.transaction() as uow:
        agent = await uow.session.get(AgentRow, agent_id)
        if agent is None:
            raise NotFound(f"no agent {agent_id}")
        check_squad(principal, agent.team_id, "message")
        data = AgentMessageData(
            from_id=principal.id, from_name=principal.agent.name, text=body.text, ts=uow.now
        )
        await uow.emit(agent.id, EventType.AGENT_MESSAGE, data)
    return data
