"""The operator's side of an interaction: accept, reject, write, hang up, wrap up."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.mood import read_mood
from agentdesk.protocol.events import (
    EventType,
    InteractionData,
    InteractionEndedData,
    MessageReceivedData,
)
from agentdesk.protocol.gateway import GatewayEventType
from agentdesk.protocol.interactions import (
    Channel,
    Direction,
    Interaction,
    InteractionStatus,
    Message,
    WrapupRequest,
)
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.assist_models import MessageMoodRow
from agentdesk.server.db.models import AgentRow, ClientRow, InteractionRow, MessageRow
from agentdesk.server.errors import Conflict, Invalid, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.people.nesting import hold_for_review
from agentdesk.server.services.agents import HELD
from agentdesk.server.services.offers import lock_interaction, requeue
from agentdesk.server.services.views import (
    conversation_reading,
    interaction_view,
    message_view,
    mood_row,
    stored_moods,
)

S = InteractionStatus


async def list_held(session: AsyncSession, agent: AgentRow) -> list[Interaction]:
    """The operator's current interactions (offered, active, in wrap-up), oldest first."""
    rows = await session.scalars(
        select(InteractionRow)
        .where(InteractionRow.agent_id == agent.id, InteractionRow.status.in_(HELD))
        .order_by(InteractionRow.created_at, InteractionRow.id)
    )
    return [await interaction_view(session, row) for row in rows]


async def list_recent(session: AsyncSession, agent: AgentRow, limit: int = 50) -> list[Interaction]:
    """The operator's most recent interactions in any status, newest first."""
    rows = await session.scalars(
        select(InteractionRow)
        .where(InteractionRow.agent_id == agent.id)
        .order_by(InteractionRow.created_at.desc(), InteractionRow.id.desc())
        .limit(limit)
    )
    return [await interaction_view(session, row) for row in rows]


def visible_to(agent: AgentRow, row: InteractionRow) -> bool:
    """Operators see their own interactions and any of the clients they serve."""
    return row.agent_id == agent.id or row.client_id in agent.clients


async def get_visible(session: AsyncSession, agent: AgentRow, interaction_id: str) -> Interaction:
    row = await session.get(InteractionRow, interaction_id)
    if row is None or not visible_to(agent, row):
        raise NotFound(f"no interaction {interaction_id}")
    return await interaction_view(session, row)


async def _mine(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str, *allowed: InteractionStatus
) -> InteractionRow:
    row = await lock_interaction(uow, interaction_id)
    if row is None or not visible_to(agent, row):
        raise NotFound(f"no interaction {interaction_id}")
    if row.agent_id != agent.id:
        raise Conflict(
            "this interaction is not assigned to you",
            details={"status": row.status, "interaction_id": row.id},
        )
    if row.status not in {s.value for s in allowed}:
        raise Conflict(
            f"not possible while the interaction is {row.status}",
            details={"status": row.status, "interaction_id": row.id},
        )
    return row


async def announce(uow: UnitOfWork, row: InteractionRow) -> Interaction:
    await uow.session.flush()
    view = await interaction_view(uow.session, row)
    if row.agent_id is not None:
        await uow.emit(
            row.agent_id, EventType.INTERACTION_UPDATED, InteractionData(interaction=view)
        )
    return view


def new_line(
    uow: UnitOfWork, row: InteractionRow, direction: Direction, author: str, text: str
) -> tuple[MessageRow, MessageMoodRow | None]:
    """A transcript line not yet stored, and for a customer's line its mood reading."""
    msg = MessageRow(
        id=new_id("msg"),
        interaction_id=row.id,
        direction=direction.value,
        author=author,
        text=text,
        created_at=uow.now,
    )
    stored = mood_row(msg, read_mood(text)) if direction is Direction.INBOUND else None
    return msg, stored


async def add_message(
    uow: UnitOfWork, row: InteractionRow, direction: Direction, author: str, text: str
) -> Message:
    """Store a transcript line and put it on the assigned operator's stream."""
    msg, stored = new_line(uow, row, direction, author, text)
    uow.session.add(msg)
    await uow.session.flush()
    if stored is not None:
        uow.session.add(stored)  # after its line: the unit of work cannot order them
        await uow.session.flush()
        # the interaction (and through it the customer header) keeps the latest reading
        row.mood = await _mood(uow.session, row.id)
    message = message_view(msg, stored)
    if row.agent_id is not None and row.status in HELD:
        await uow.emit(
            row.agent_id, EventType.MESSAGE_RECEIVED, MessageReceivedData(message=message)
        )
        if direction is Direction.INBOUND:
            from agentdesk.server.services import nba  # not on the server's start path

            await nba.refresh(uow, row)  # a new line may change the hints (mood, article)
    return message


async def accept(uow: UnitOfWork, agent: AgentRow, interaction_id: str) -> Interaction:
    row = await _mine(uow, agent, interaction_id, S.OFFERED)
    row.status = S.ACTIVE.value
    row.accepted_at = uow.now
    view = await announce(uow, row)
    from agentdesk.server.services import nba  # not on the server's start path

    await nba.refresh(uow, row)
    uow.to_gateway(GatewayEventType.ACCEPTED, row.id, {"agent_name": _first_name(agent)})
    uow.after_commit(uow.ctx.kick_stats)
    return view


async def reject(uow: UnitOfWork, agent: AgentRow, interaction_id: str) -> Interaction:
    row = await _mine(uow, agent, interaction_id, S.OFFERED)
    await requeue(uow, row, "rejected")
    return await interaction_view(uow.session, row)


async def send_message(uow: UnitOfWork, agent: AgentRow, interaction_id: str, text: str) -> Message:
    row = await _mine(uow, agent, interaction_id, S.ACTIVE)
    message = await add_message(uow, row, Direction.OUTBOUND, agent.name, text)
    if row.channel == Channel.EMAIL.value:
        from agentdesk.server.services.emails import send_reply

        await send_reply(uow, row, message)
        return message
    uow.to_gateway(
        GatewayEventType.MESSAGE,
        row.id,
        {"message_id": message.id, "text": text, "author": _first_name(agent)},
    )
    return message


async def end_conversation(uow: UnitOfWork, row: InteractionRow, reason: str, note: str) -> None:
    """The conversation is over (either side): the interaction waits for its wrap-up."""
    row.status = S.WRAP_UP.value
    row.ended_at = uow.now
    row.end_reason = reason
    row.customer_typing = False
    await add_message(uow, row, Direction.SYSTEM, "AgentDesk", note)
    row.mood = await _mood(uow.session, row.id)


async def hangup(uow: UnitOfWork, agent: AgentRow, interaction_id: str) -> Interaction:
    row = await _mine(uow, agent, interaction_id, S.ACTIVE)
    await end_conversation(uow, row, "agent_closed", "L'operatore ha chiuso la conversazione.")
    uow.to_gateway(GatewayEventType.ENDED, row.id, {"reason": "agent_closed"})
    return await announce(uow, row)


async def wrapup(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str, body: WrapupRequest
) -> Interaction:
    """Close the interaction with its disposition; ends the conversation first if needed."""
    row = await _mine(uow, agent, interaction_id, S.ACTIVE, S.WRAP_UP)
    client = await uow.session.get(ClientRow, row.client_id)
    codes = {d["code"] for d in (client.dispositions if client else [])}
    if body.disposition not in codes:
        raise Invalid(
            f"unknown disposition {body.disposition!r}",
            details={"disposition": body.disposition, "allowed": sorted(codes)},
        )
    if row.status == S.ACTIVE.value:
        await end_conversation(uow, row, "agent_closed", "L'operatore ha chiuso la conversazione.")
        uow.to_gateway(GatewayEventType.ENDED, row.id, {"reason": "agent_closed"})
    row.status = S.CLOSED.value
    row.closed_at = uow.now
    row.disposition = body.disposition
    row.wrapup_notes = body.notes
    row.resolved = body.resolved
    row.wrapup_agent_id = agent.id
    row.wrapup_at = uow.now
    if row.mood is None:
        row.mood = await _mood(uow.session, row.id)
    await uow.session.flush()
    view = await interaction_view(uow.session, row)
    await uow.emit(
        agent.id,
        EventType.INTERACTION_ENDED,
        InteractionEndedData(interaction=view, reason="wrapped_up"),
    )
    await hold_for_review(uow, agent, row)  # trainees: the tutor reviews before the next one
    uow.after_commit(uow.ctx.kick_router)
    return view


async def _mood(session: AsyncSession, interaction_id: str) -> str | None:
    rows = await session.scalars(
        select(MessageRow)
        .where(
            MessageRow.interaction_id == interaction_id,
            MessageRow.direction == Direction.INBOUND.value,
        )
        .order_by(MessageRow.pk.desc())
        .limit(3)
    )
    reading = conversation_reading(
        list(reversed(list(rows))), await stored_moods(session, interaction_id)
    )
    return reading.label if reading else None


def _first_name(agent: AgentRow) -> str:
    return agent.name.split()[0] if agent.name.strip() else agent.username
