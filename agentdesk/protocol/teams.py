"""Team leaders' and admins' views: the squad live, the account list."""

from __future__ import annotations

from agentdesk.protocol.agents import AgentProfile, AgentStateView, Role
from agentdesk.protocol.base import ResponseModel
from agentdesk.protocol.events import QueueStat


class TeamMemberLive(ResponseModel):
    agent_id: str
    name: str
    role: Role
    state: AgentStateView
    #: seconds in the current state when the answer was made
    time_in_state_s: float
    #: interactions offered, active or in wrap-up
    interactions: int


class TeamLive(ResponseModel):
    """``GET /teams/{id}/live``: the squad's agents, the queues they serve, service level."""

    team_id: str
    name: str
    captain_id: str | None = None
    members: list[TeamMemberLive]
    queues: list[QueueStat]


class AgentList(ResponseModel):
    items: list[AgentProfile]
