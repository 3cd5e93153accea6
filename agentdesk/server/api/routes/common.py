"""Small helpers shared by the routers."""

from __future__ import annotations

from sqlalchemy import select

from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.models import AgentRow
from agentdesk.server.errors import Unauthorized


async def agent_for_update(uow: UnitOfWork, agent_id: str) -> AgentRow:
    """The caller's own row inside the transaction (locked on PostgreSQL)."""
    agent = await uow.session.scalar(
        select(AgentRow).where(AgentRow.id == agent_id).with_for_update()
    )
    if agent is None:
        raise Unauthorized("the account no longer exists")
    return agent
