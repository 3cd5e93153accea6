"""Urgent communications: who they concern, the push, acknowledgements and who is missing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.events import EventType
from agentdesk.protocol.kb import KbReader, KbReads, KbUrgentData, KbUrgentNote
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.kb_models import KbAckRow, KbArticleRow
from agentdesk.server.db.models import AgentRow
from agentdesk.server.kb.articles import to_note

#: Roles an urgent communication is pushed to.
READER_ROLES = ("operator", "trainee")


def concerns(article: KbArticleRow, agent: AgentRow) -> bool:
    """Is ``agent`` one of the operators ``article`` is for (its client, or everyone)?"""
    if agent.role not in READER_ROLES or not agent.enabled:
        return False
    return article.client_id is None or article.client_id in (agent.clients or [])


def in_force(article: KbArticleRow, now: datetime) -> bool:
    if article.deleted or article.kind != "urgent":
        return False
    if article.valid_from is not None and article.valid_from > now:
        return False
    return article.valid_to is None or article.valid_to > now


async def readers(session: AsyncSession, article: KbArticleRow) -> list[AgentRow]:
    agents = await session.scalars(
        select(AgentRow).where(AgentRow.role.in_(READER_ROLES)).order_by(AgentRow.name)
    )
    return [a for a in agents if concerns(article, a)]


async def push(uow: UnitOfWork, articles: list[KbArticleRow]) -> None:
    """Send ``kb.urgent`` for each urgent article in force to the operators it concerns."""
    for article in articles:
        if not in_force(article, uow.now):
            continue
        data = KbUrgentData(article=to_note(article))
        for agent in await readers(uow.session, article):
            await uow.emit(agent.id, EventType.KB_URGENT, data)


async def acknowledge(
    session: AsyncSession, article: KbArticleRow, agent_id: str, now: datetime
) -> KbAckRow:
    ack = await session.get(KbAckRow, (article.id, agent_id))
    if ack is None:
        ack = KbAckRow(
            article_id=article.id,
            agent_id=agent_id,
            version=article.version,
            acknowledged_at=now,
        )
        session.add(ack)
    elif ack.version < article.version:
        ack.version = article.version
        ack.acknowledged_at = now
    await session.flush()
    return ack


async def pending_for(session: AsyncSession, agent: AgentRow, now: datetime) -> list[KbUrgentNote]:
    """Urgent communications in force for ``agent`` not yet acknowledged (this revision)."""
    rows = await session.scalars(
        select(KbArticleRow)
        .where(KbArticleRow.kind == "urgent", KbArticleRow.deleted.is_(False))
        .order_by(KbArticleRow.updated_at.desc())
    )
    acks = {
        a.article_id: a.version
        for a in await session.scalars(select(KbAckRow).where(KbAckRow.agent_id == agent.id))
    }
    return [
        to_note(r)
        for r in rows
        if in_force(r, now) and concerns(r, agent) and acks.get(r.id, 0) < r.version
    ]


async def reads(session: AsyncSession, article: KbArticleRow) -> KbReads:
    acks = {
        a.agent_id: a
        for a in await session.scalars(select(KbAckRow).where(KbAckRow.article_id == article.id))
    }
    done, pending = [], []
    for agent in await readers(session, article):
        ack = acks.get(agent.id)
        if ack is not None and ack.version >= article.version:
            done.append(
                KbReader(agent_id=agent.id, name=agent.name, acknowledged_at=ack.acknowledged_at)
            )
        else:
            pending.append(KbReader(agent_id=agent.id, name=agent.name))
    return KbReads(article_id=article.id, acknowledged=done, pending=pending)
