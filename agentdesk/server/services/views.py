"""Rows -> wire models."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.domain.mood import MoodLabel, MoodReading, combine, read_mood
from agentdesk.protocol.agents import AgentProfile, AgentStateView, ClientRef, Role
from agentdesk.protocol.interactions import (
    Channel,
    Direction,
    Disposition,
    Interaction,
    InteractionStatus,
    Message,
    Wrapup,
)
from agentdesk.protocol.mood import MoodView
from agentdesk.protocol.voice import CallState
from agentdesk.server.db.assist_models import MessageMoodRow
from agentdesk.server.db.models import (
    AgentRow,
    ClientRow,
    CustomerRow,
    InteractionRow,
    MessageRow,
    TeamRow,
)
from agentdesk.server.services.call_views import call_state


def client_ref(client: ClientRow) -> ClientRef:
    return ClientRef(id=client.id, name=client.name, greeting=client.greeting, color=client.color)


def dispositions(client: ClientRow) -> list[Disposition]:
    return [Disposition(code=d["code"], label=d["label"]) for d in client.dispositions]


def disposition_label(client: ClientRow | None, code: str | None) -> str | None:
    if code is None:
        return None
    if client is not None:
        for d in client.dispositions:
            if d["code"] == code:
                return str(d["label"])
    return code


def state_view(agent: AgentRow) -> AgentStateView:
    reason = NotReadyReason(agent.state_reason) if agent.state_reason else None
    return AgentStateView(state=AgentState(agent.state), reason=reason, since=agent.state_since)


async def agent_profile(session: AsyncSession, agent: AgentRow) -> AgentProfile:
    team = await session.get(TeamRow, agent.team_id) if agent.team_id else None
    clients: list[ClientRow] = []
    if agent.clients:
        rows = await session.scalars(select(ClientRow).where(ClientRow.id.in_(agent.clients)))
        by_id = {c.id: c for c in rows}
        clients = [by_id[c] for c in agent.clients if c in by_id]
    return AgentProfile(
        id=agent.id,
        username=agent.username,
        name=agent.name,
        role=Role(agent.role),
        team_id=agent.team_id,
        team_name=team.name if team else None,
        skills=list(agent.skills),
        clients=[client_ref(c) for c in clients],
        max_chats=agent.max_chats,
        max_calls=agent.max_calls,
        max_emails=agent.max_emails,
        state=state_view(agent),
    )


def mood_view(reading: MoodReading) -> MoodView:
    return MoodView(label=reading.label, score=reading.score, cues=list(reading.cues))


def mood_row(message: MessageRow, reading: MoodReading) -> MessageMoodRow:
    """What is stored for a customer line: the reading as the wire carries it."""
    return MessageMoodRow(
        message_id=message.id,
        interaction_id=message.interaction_id,
        label=reading.label,
        score=reading.score,
        cues=list(reading.cues),
    )


async def stored_moods(session: AsyncSession, interaction_id: str) -> dict[str, MessageMoodRow]:
    """The stored readings of an interaction's customer lines, by message id."""
    rows = await session.scalars(
        select(MessageMoodRow).where(MessageMoodRow.interaction_id == interaction_id)
    )
    return {r.message_id: r for r in rows}


def message_reading(row: MessageRow, stored: MessageMoodRow | None = None) -> MoodReading | None:
    """The stored reading of a customer line (read now for lines stored before mood existed)."""
    if row.direction != Direction.INBOUND.value:
        return None
    if stored is not None and stored.label in ("negative", "neutral", "positive"):
        label: MoodLabel = stored.label  # type: ignore[assignment]
        return MoodReading(label, float(stored.score), tuple(str(c) for c in stored.cues or ()))
    return read_mood(row.text)


def conversation_reading(
    rows: list[MessageRow], stored: dict[str, MessageMoodRow] | None = None
) -> MoodReading | None:
    """The mood of the customer's latest three lines (newest weighing most)."""
    stored = stored or {}
    readings = [r for r in (message_reading(m, stored.get(m.id)) for m in rows) if r]
    return combine(readings[-3:])


def message_view(row: MessageRow, stored: MessageMoodRow | None = None) -> Message:
    reading = message_reading(row, stored)
    return Message(
        id=row.id,
        interaction_id=row.interaction_id,
        direction=Direction(row.direction),
        author=row.author,
        text=row.text,
        ts=row.created_at,
        mood=mood_view(reading) if reading else None,
    )


#: A transcript already in hand: its lines in order and their stored readings by message id.
Transcript = tuple[list[MessageRow], dict[str, MessageMoodRow]]


async def interaction_view(
    session: AsyncSession, row: InteractionRow, transcript: Transcript | None = None
) -> Interaction:
    """The whole interaction as the operator sees it: client, customer, transcript.

    ``transcript`` spares reading back lines the caller has just written (a new arrival)."""
    client = await session.get(ClientRow, row.client_id)
    assert client is not None
    customer = await session.get(CustomerRow, row.customer_id) if row.customer_id else None
    if transcript is None:
        messages = list(
            await session.scalars(
                select(MessageRow)
                .where(MessageRow.interaction_id == row.id)
                .order_by(MessageRow.pk)
            )
        )
        moods = await stored_moods(session, row.id)
    else:
        messages, moods = transcript
    views = [message_view(m, moods.get(m.id)) for m in messages]
    if row.channel == Channel.EMAIL.value:
        from agentdesk.server.services.email_attachments import with_attachments

        views = await with_attachments(session, views)
    call = await call_state(session, row.id) if row.channel == Channel.VOICE.value else None
    return build_interaction(
        row, client, customer.name if customer else None, (messages, moods), views=views, call=call
    )


def build_interaction(
    row: InteractionRow,
    client: ClientRow,
    customer_name: str | None,
    transcript: Transcript,
    *,
    views: list[Message] | None = None,
    call: CallState | None = None,
) -> Interaction:
    """:func:`interaction_view` from parts in hand (a new chat has them all: no reads).

    ``views``: the transcript's lines as the wire carries them (built here when omitted)."""
    messages, moods = transcript
    if views is None:
        views = [message_view(m, moods.get(m.id)) for m in messages]
    mood = conversation_reading(messages, moods)
    wrapup = None
    if row.disposition is not None and row.wrapup_at is not None:
        wrapup = Wrapup(
            disposition=row.disposition,
            notes=row.wrapup_notes or "",
            resolved=bool(row.resolved),
            agent_id=row.wrapup_agent_id or "",
            ts=row.wrapup_at,
        )
    return Interaction(
        id=row.id,
        channel=Channel(row.channel),
        status=InteractionStatus(row.status),
        client=client_ref(client),
        queue=row.queue_id,
        entry_point=row.entry_point,
        from_address=row.from_address,
        customer_id=row.customer_id,
        customer_name=customer_name,
        agent_id=row.agent_id,
        subject=row.subject,
        created_at=row.created_at,
        offered_at=row.offered_at,
        accepted_at=row.accepted_at,
        ended_at=row.ended_at,
        customer_typing=row.customer_typing,
        messages=views,
        dispositions=dispositions(client),
        wrapup=wrapup,
        mood=mood_view(mood) if mood else None,
        call=call,
    )
