"""``/teams``: the squad board for team leaders, tutors and admins."""

from __future__ import annotations

from fastapi import APIRouter

from agentdesk.protocol.agents import Role
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.teams import TeamLive
from agentdesk.server.api.deps import Ctx, Supervisor
from agentdesk.server.errors import Forbidden
from agentdesk.server.people.board import build_team_live

router = APIRouter(prefix="/teams", tags=["teams"])


@router.get("/{team_id}/live", response_model=TeamLive)
async def team_live(team_id: str, principal: Supervisor, ctx: Ctx) -> TeamLive:
    """Members with state and time in state, current contact, mood and today's KPIs; the
    queues the squad serves with service level; alerts for thresholds crossed now.

    Team leaders and tutors see their own team; admins any team.
    """
    if principal.role is not Role.ADMIN and principal.agent.team_id != team_id:
        raise Forbidden("you can watch only your own team", details={"team_id": team_id})
    return await build_team_live(ctx, team_id, utcnow())
