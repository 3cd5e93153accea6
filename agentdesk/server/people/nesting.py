"""Nesting: a trainee's contact goes to their tutor for review before the next one.

After each wrap-up the trainee is put in ``review_hold`` (nothing is offered there) and the
tutor gets ``review.requested``; the tutor's decision scores it, gives feedback, and either
releases the trainee (back to ready) or keeps them in hold to coach.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.agent_state import AgentState
from agentdesk.domain.nesting import graduation_status
from agentdesk.protocol import errors as codes
from agentdesk.protocol.competition import (
    Graduation,
    Review,
    ReviewDecision,
    ReviewEventData,
    TraineeView,
)
from agentdesk.protocol.events import EventType
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.assist_models import ScriptProgressRow
from agentdesk.server.db.models import AgentRow, InteractionRow, MessageRow
from agentdesk.server.db.people_models import NestingRow, ReviewRow
from agentdesk.server.errors import Conflict, Forbidden, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.services.views import message_view

PENDING = "pending"
DONE = "done"


async def enabled_queues(session: AsyncSession) -> dict[str, frozenset[str]]:
    """Trainee id -> the queues their tutor enabled (trainees still in nesting only)."""
    rows = await session.scalars(select(NestingRow).where(NestingRow.graduated_at.is_(None)))
    return {r.trainee_id: frozenset(r.queues) for r in rows}


async def review_view(session: AsyncSession, row: ReviewRow) -> Review:
    trainee = await session.get(AgentRow, row.trainee_id)
    interaction = await session.get(InteractionRow, row.interaction_id)
    assert interaction is not None
    messages = await session.scalars(
        select(MessageRow)
        .where(MessageRow.interaction_id == row.interaction_id)
        .order_by(MessageRow.pk)
    )
    # what the script player stored: the share of mandatory checkpoints confirmed
    progress = await session.get(ScriptProgressRow, row.interaction_id)
    recording = (
        f"/api/v1/interactions/{interaction.id}/recording"
        if interaction.channel == "voice"
        else None
    )
    return Review(
        id=row.id,
        status=row.status,
        trainee_id=row.trainee_id,
        trainee_name=trainee.name if trainee else row.trainee_id,
        tutor_id=row.tutor_id,
        interaction_id=row.interaction_id,
        channel=interaction.channel,
        client_id=interaction.client_id,
        transcript=[message_view(m) for m in messages],
        recording_url=recording,
        mood=interaction.mood,
        script_adherence=progress.adherence if progress is not None else None,
        score=row.score,
        feedback=row.feedback,
        released=row.released,
        created_at=row.created_at,
        completed_at=row.completed_at,
    )


async def hold_for_review(uow: UnitOfWork, agent: AgentRow, interaction: InteractionRow) -> None:
    """Called after a trainee's wrap-up: hold them and ask their tutor for a review."""
    from agentdesk.server.services.agents import apply_state

    nesting = await uow.session.get(NestingRow, agent.id)
    if agent.role != "trainee" or (nesting is not None and nesting.graduated_at is not None):
        return
    review = ReviewRow(
        id=new_id("rev"),
        trainee_id=agent.id,
        tutor_id=nesting.tutor_id if nesting else None,
        interaction_id=interaction.id,
        status=PENDING,
        created_at=uow.now,
    )
    uow.session.add(review)
    await apply_state(uow, agent, AgentState.REVIEW_HOLD, None)
    await uow.session.flush()
    if review.tutor_id is not None:
        view = await review_view(uow.session, review)
        await uow.emit(review.tutor_id, EventType.REVIEW_REQUESTED, ReviewEventData(review=view))


async def in_review_hold(session: AsyncSession, agent: AgentRow) -> bool:
    """A trainee held for a review cannot leave the hold on their own."""
    return agent.role == "trainee" and agent.state == AgentState.REVIEW_HOLD.value


def check_tutor(tutor: AgentRow, nesting: NestingRow | None) -> None:
    if tutor.role == "admin":
        return
    if nesting is None or nesting.tutor_id != tutor.id:
        raise Forbidden("you are not this trainee's tutor")


async def decide(
    uow: UnitOfWork, tutor: AgentRow, review_id: str, decision: ReviewDecision
) -> Review:
    from agentdesk.server.services.agents import apply_state

    review = await uow.session.get(ReviewRow, review_id)
    if review is None:
        raise NotFound(f"no review {review_id}")
    check_tutor(tutor, await uow.session.get(NestingRow, review.trainee_id))
    if review.status == DONE:
        raise Conflict("this review is already done", code=codes.CONFLICT)
    review.status = DONE
    review.score = decision.score
    review.feedback = decision.feedback
    review.released = decision.release
    review.completed_at = uow.now
    review.tutor_id = review.tutor_id or tutor.id
    trainee = await uow.session.get(AgentRow, review.trainee_id)
    assert trainee is not None
    if decision.release and trainee.state == AgentState.REVIEW_HOLD.value:
        await apply_state(uow, trainee, AgentState.READY, None)
    await uow.session.flush()
    view = await review_view(uow.session, review)
    await uow.emit(trainee.id, EventType.REVIEW_COMPLETED, ReviewEventData(review=view))
    return view


async def graduation(session: AsyncSession, trainee_id: str) -> Graduation:
    scores = list(
        await session.scalars(
            select(ReviewRow.score).where(
                ReviewRow.trainee_id == trainee_id,
                ReviewRow.status == DONE,
                ReviewRow.score.is_not(None),
            )
        )
    )
    status = graduation_status([int(s) for s in scores if s is not None])
    return Graduation(
        reviewed=status.reviewed,
        average=status.average,
        min_reviews=status.criteria.min_reviews,
        min_average=status.criteria.min_average,
        ready=status.ready,
    )


async def trainee_view(session: AsyncSession, agent: AgentRow) -> TraineeView:
    nesting = await session.get(NestingRow, agent.id)
    return TraineeView(
        agent_id=agent.id,
        name=agent.name,
        role=agent.role,
        state=agent.state,
        queues=list(nesting.queues) if nesting else [],
        graduation=await graduation(session, agent.id),
    )


async def graduate(uow: UnitOfWork, tutor: AgentRow, trainee_id: str) -> TraineeView:
    from agentdesk.server.services.agents import apply_state

    trainee = await uow.session.get(AgentRow, trainee_id)
    nesting = await uow.session.get(NestingRow, trainee_id)
    if trainee is None or trainee.role != "trainee":
        raise NotFound(f"no trainee {trainee_id}")
    check_tutor(tutor, nesting)
    if nesting is not None:
        nesting.graduated_at = uow.now
    trainee.role = "operator"
    if trainee.state == AgentState.REVIEW_HOLD.value:
        await apply_state(uow, trainee, AgentState.READY, None)
    await uow.session.flush()
    return await trainee_view(uow.session, trainee)
