"""Canned responses the operator may use: those of the clients they serve."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.canned import CannedResponse
from agentdesk.server.db.canned_models import CannedResponseRow
from agentdesk.server.db.models import AgentRow
from agentdesk.server.errors import Forbidden


async def for_agent(
    session: AsyncSession, agent: AgentRow, client_id: str | None
) -> list[CannedResponse]:
    clients = list(agent.clients)
    if client_id is not None:
        if client_id not in clients and agent.role != "admin":
            raise Forbidden(f"you do not work for client {client_id!r}")
        clients = [client_id]
    stmt = select(CannedResponseRow).order_by(
        CannedResponseRow.client_id, CannedResponseRow.position, CannedResponseRow.code
    )
    if agent.role != "admin" or client_id is not None:
        stmt = stmt.where(CannedResponseRow.client_id.in_(clients))
    rows = await session.scalars(stmt)
    return [
        CannedResponse(id=r.id, client_id=r.client_id, code=r.code, title=r.title, text=r.text)
        for r in rows
    ]
