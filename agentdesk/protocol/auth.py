"""Auth bodies."""

from __future__ import annotations

from pydantic import Field

from agentdesk.protocol.agents import AgentProfile
from agentdesk.protocol.base import ResponseModel, WireModel


class LoginRequest(WireModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class RefreshRequest(WireModel):
    refresh_token: str = Field(min_length=1, max_length=256)


class TokenResponse(ResponseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int  # seconds until access_token expires
    agent: AgentProfile
