"""Dependencies every route declares: the context, who is calling, and what they may do.

Each operator route depends on a :class:`RoleGuard` naming the roles allowed there; gateway
routes depend on :class:`GatewayGuard`. The test suite walks the app's routes and fails when
a route has neither, so no route can be added without a decision about who may call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from agentdesk.protocol.agents import HANDLER_ROLES, Role
from agentdesk.protocol.base import utcnow
from agentdesk.server.context import ServerContext
from agentdesk.server.db.models import AgentRow
from agentdesk.server.errors import Forbidden, Unauthorized
from agentdesk.server.security import keys_match
from agentdesk.server.services.auth import authenticate


async def get_ctx(request: Request) -> ServerContext:
    # async: FastAPI runs a plain ``def`` dependency on a worker thread, a hop there and
    # back (and a wait for the interpreter lock) before every request's handler could start
    ctx: ServerContext = request.app.state.ctx
    return ctx


Ctx = Annotated[ServerContext, Depends(get_ctx)]

_bearer = HTTPBearer(auto_error=False, description="An access token from /auth/login")
_gateway_key = APIKeyHeader(
    name="X-Gateway-Key", auto_error=False, description="The channel gateway's API key"
)


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in agent (a detached snapshot) and their sign-in session."""

    agent: AgentRow
    session_id: str

    @property
    def id(self) -> str:
        return self.agent.id

    @property
    def role(self) -> Role:
        return Role(self.agent.role)


class RoleGuard:
    """Require a valid access token of an agent whose role is in ``roles``."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    async def __call__(
        self,
        ctx: Ctx,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise Unauthorized("an access token is required (Authorization: Bearer ...)")
        async with ctx.db.read() as session:
            agent, session_id = await authenticate(session, credentials.credentials, utcnow())
        if Role(agent.role) not in self.roles:
            raise Forbidden(
                f"the {agent.role} role may not do this",
                details={"role": agent.role, "allowed": sorted(r.value for r in self.roles)},
            )
        return Principal(agent, session_id)


class GatewayGuard:
    """Require the channel gateway's API key; operator tokens are no key."""

    async def __call__(self, ctx: Ctx, key: Annotated[str | None, Depends(_gateway_key)]) -> str:
        if not keys_match(key, ctx.settings.gateway_key):
            raise Unauthorized("a valid X-Gateway-Key is required")
        return "gateway"


ALL_ROLES = tuple(Role)
#: Who handles contacts.
#: Who may look at customers.
CUSTOMER_ROLES = (Role.OPERATOR, Role.TRAINEE, Role.TUTOR, Role.TEAM_LEADER)
#: Who watches squads live.
SUPERVISOR_ROLES = (Role.TEAM_LEADER, Role.TUTOR, Role.ADMIN)

AnyAgent = Annotated[Principal, Depends(RoleGuard(*ALL_ROLES))]
Handler = Annotated[Principal, Depends(RoleGuard(*HANDLER_ROLES))]
CustomerViewer = Annotated[Principal, Depends(RoleGuard(*CUSTOMER_ROLES))]
Supervisor = Annotated[Principal, Depends(RoleGuard(*SUPERVISOR_ROLES))]
Admin = Annotated[Principal, Depends(RoleGuard(Role.ADMIN))]
Gateway = Annotated[str, Depends(GatewayGuard())]

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=8,
        max_length=128,
        description="Retries with the same key are applied once and get the first answer",
    ),
]
