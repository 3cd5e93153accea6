"""``/teams``: the squad board for team leaders, tutors and admins."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter
from sqlalchemy import func, select

from agentdesk.protocol.agents import Role
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.teams import TeamLive, TeamMemberLive
from agentdesk.server.acd.stats import compute, serves
from agentdesk.server.api.deps import Ctx, Supervisor
from agentdesk.server.db.models import AgentRow, InteractionRow, TeamRow
from agentdesk.server.errors import Forbidden, NotFound
from agentdesk.server.services.agents import HELD
from agentdesk.server.services.views import state_view

router = APIRouter(prefix="/teams", tags=["teams"])


@router.get("/{team_id}/live", response_model=TeamLive)
async def team_live(team_id: str, principal: Supervisor, ctx: Ctx) -> TeamLive:
    """Members with state and time in state, and the queues the squad serves.

    Team leaders and tutors see their own team; admins any team.
    """
    if principal.role is not Role.ADMIN and principal.agent.team_id != team_id:
        raise Forbidden("you can watch only your own team", details={"team_id": team_id})
    now = utcnow()
    async with ctx.db.read() as session:
        team = await session.get(TeamRow, team_id)
        if team is None:
            raise NotFound(f"no team {team_id}")
        members = list(
            await session.scalars(
                select(AgentRow)
                .where(AgentRow.team_id == team_id, AgentRow.enabled.is_(True))
                .order_by(AgentRow.name)
            )
        )
        loads: Counter[str] = Counter()
        if members:
            rows = await session.execute(
                select(InteractionRow.agent_id, func.count())
                .where(
                    InteractionRow.agent_id.in_([m.id for m in members]),
                    InteractionRow.status.in_(HELD),
                )
                .group_by(InteractionRow.agent_id)
            )
            for agent_id, count in rows:
                if agent_id is not None:
                    loads[agent_id] = int(count)
    figures = await compute(ctx, now)
    queues = [f.stat for f in figures if any(serves(m, f.queue) for m in members)]
    return TeamLive(
        team_id=team.id,
        name=team.name,
        captain_id=team.captain_id,
        members=[
            TeamMemberLive(
                agent_id=m.id,
                name=m.name,
                role=Role(m.role),
                state=state_view(m),
                time_in_state_s=round(max(0.0, (now - m.state_since).total_seconds()), 1),
                interactions=loads[m.id],
            )
            for m in members
        ],
        queues=queues,
    )
