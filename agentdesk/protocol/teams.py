"""Team leaders' and admins' views: the squad live, the account list."""

from __future__ import annotations

from agentdesk.protocol.agents import AgentProfile, AgentStateView, Role
from agentdesk.protocol.base import ResponseModel
from agentdesk.protocol.events import QueueStat
from agentdesk.protocol.people import Alert


class TeamMemberLive(ResponseModel):
    agent_id: str
    name: str
    role: Role
    state: AgentStateView
    #: seconds in the current state when the answer was made
    time_in_state_s: float
    #: interactions offered, active or in wrap-up
    interactions: int
    #: the newest interaction they hold, its channel, customer and the customer's mood
    current_interaction_id: str | None = None
    current_channel: str | None = None
    current_customer: str | None = None
    mood: str | None = None
    handled_today: int = 0
    aht_today_s: float | None = None
    fcr_today: float | None = None


class TeamLive(ResponseModel):
    """``GET /teams/{id}/live``: the squad's agents, the queues they serve, service level."""

    team_id: str
    name: str
    captain_id: str | None = None
    members: list[TeamMemberLive]
    queues: list[QueueStat]
    service_level_target: float = 0.8
    #: thresholds crossed now (SL below target, long waits, not-ready over budget, mood)
    alerts: list[Alert] = []


class AgentList(ResponseModel):
    items: list[AgentProfile]
