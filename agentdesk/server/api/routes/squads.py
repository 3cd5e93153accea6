"""Who may act on whose squad: the role guard and the scope check the people routes share.

Team leaders (and admins) judge, staff and read client or queue figures; a team leader, tutor
or operator acts only on their own squad, an admin on any.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from agentdesk.protocol.agents import Role
from agentdesk.server.api.deps import Principal, RoleGuard
from agentdesk.server.errors import Forbidden

#: Team leaders and admins: penalties, seasons and weights, staffing, client and queue KPIs.
TeamLead = Annotated[Principal, Depends(RoleGuard(Role.TEAM_LEADER, Role.ADMIN))]


def check_squad(principal: Principal, team_id: str | None, doing: str) -> None:
    """Admins act on every squad; everyone else only on their own (403 naming ``doing``)."""
    if principal.role is not Role.ADMIN and principal.agent.team_id != team_id:
        raise Forbidden(f"you can {doing} only your own squad", details={"team_id": team_id})
