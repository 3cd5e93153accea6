"""Rows -> wire models."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.agent_state import AgentState, NotReadyReason
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
from agentdesk.server.db.models import (
    AgentRow,
    ClientRow,
    CustomerRow,
    InteractionRow,
    MessageRow,
    TeamRow,
)


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
        state=state_view(agent),
    )


def message_view(row: MessageRow) -> Message:
    return Message(
        id=row.id,
        interaction_id=row.interaction_id,
        direction=Direction(row.direction),
        author=row.author,
        text=row.text,
        ts=row.created_at,
    )


async def interaction_view(session: AsyncSession, row: InteractionRow) -> Interaction:
    """The whole interaction as the operator sees it: client, customer, transcript."""
    client = await session.get(ClientRow, row.client_id)
    assert client is not None
    customer = await session.get(CustomerRow, row.customer_id) if row.customer_id else None
    messages = await session.scalars(
        select(MessageRow).where(MessageRow.interaction_id == row.id).order_by(MessageRow.pk)
    )
    wrapup = None
    if row.disposition is not None and row.wrapup_at is not None:
        wrapup = Wrapup(
            disposition=row.disposition,
            notes=row.wrapup_notes or "",
            resolved=bool(row.resolved),
            agent_id=row.wrapup_agent_id or "",
            ts=row.wrapup_at,
        )
    views = [message_view(m) for m in messages]
    if row.channel == Channel.EMAIL.value:
        from agentdesk.server.services.email_attachments import with_attachments

        views = await with_attachments(session, views)
    return Interaction(
        id=row.id,
        channel=Channel(row.channel),
        status=InteractionStatus(row.status),
        client=client_ref(client),
        queue=row.queue_id,
        entry_point=row.entry_point,
        from_address=row.from_address,
        customer_id=row.customer_id,
        customer_name=customer.name if customer else None,
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
    )
