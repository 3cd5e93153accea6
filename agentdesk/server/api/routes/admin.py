"""``/admin``: configuration for administrators."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from agentdesk.protocol.teams import AgentList
from agentdesk.server.api.deps import Admin, Ctx
from agentdesk.server.db.models import AgentRow
from agentdesk.server.services.views import agent_profile

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/agents", response_model=AgentList)
async def list_agents(principal: Admin, ctx: Ctx) -> AgentList:
    """Every account with role, team, skills, clients, limits and current state."""
    async with ctx.db.read() as session:
        rows = await session.scalars(select(AgentRow).order_by(AgentRow.username))
        return AgentList(items=[await agent_profile(session, row) for row in rows])
