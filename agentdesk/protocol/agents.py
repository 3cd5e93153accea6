"""The operator: profile and presence state."""

from __future__ import annotations

from enum import StrEnum

from pydantic import model_validator

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel


class Role(StrEnum):
    OPERATOR = "operator"
    TRAINEE = "trainee"
    TUTOR = "tutor"
    TEAM_LEADER = "team_leader"
    ADMIN = "admin"


#: The roles that handle contacts (the others are refused the interactions list).
HANDLER_ROLES = (Role.OPERATOR, Role.TRAINEE)


class ClientRef(ResponseModel):
    """A client (committente) the operator speaks for, with its brand."""

    id: str
    name: str
    greeting: str = ""
    color: str = "#2f6f9f"  # brand colour, #rrggbb


class AgentStateView(ResponseModel):
    state: AgentState
    reason: NotReadyReason | None = None
    since: UtcDateTime


class AgentProfile(ResponseModel):
    id: str
    username: str
    name: str
    role: Role
    team_id: str | None = None
    team_name: str | None = None
    skills: list[str] = []
    clients: list[ClientRef] = []
    max_chats: int = 0
    max_calls: int = 0
    max_emails: int = 0
    state: AgentStateView | None = None
    #: ``GET /me`` only: the agent's event stream position when this profile was read. A
    #: desktop loading its state over REST resumes the stream from here: older events are
    #: already in what it loaded, and replaying them would make the screen flicker.
    last_seq: int | None = None


class AgentStateRequest(WireModel):
    """``PUT /me/state``. A reason is required for not_ready and refused otherwise."""

    state: AgentState
    reason: NotReadyReason | None = None

    @model_validator(mode="after")
    def _reason_matches_state(self) -> AgentStateRequest:
        if self.state is AgentState.NOT_READY and self.reason is None:
            raise ValueError("not_ready needs a reason code")
        if self.state is not AgentState.NOT_READY and self.reason is not None:
            raise ValueError("only not_ready takes a reason code")
        return self
