"""``/me``: the signed-in operator's profile and presence state."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from agentdesk.protocol.agents import AgentProfile, AgentStateRequest, AgentStateView
from agentdesk.server.api.deps import AnyAgent, Ctx, IdempotencyKeyHeader
from agentdesk.server.api.routes.common import agent_for_update
from agentdesk.server.context import UnitOfWork
from agentdesk.server.events import store
from agentdesk.server.services import agents, idempotency
from agentdesk.server.services.views import agent_profile

router = APIRouter(prefix="/me", tags=["me"])


@router.get("", response_model=AgentProfile)
async def me(principal: AnyAgent, ctx: Ctx) -> AgentProfile:
    """Profile: name, role, team, skills, clients, concurrency limits and current state."""
    async with ctx.db.read() as session:
        position = await store.last_seq(session, principal.id)
        profile = await agent_profile(session, principal.agent)
    return profile.model_copy(update={"last_seq": position})


@router.put(
    "/state",
    response_model=AgentStateView,
    responses={409: {"description": "The state machine refuses this change"}},
)
async def set_state(
    body: AgentStateRequest,
    principal: AnyAgent,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """Change presence: ready, not_ready (with a reason), wrap_up or offline."""

    async def operation(uow: UnitOfWork) -> AgentStateView:
        agent = await agent_for_update(uow, principal.id)
        return await agents.set_state(uow, agent, body.state, body.reason)

    return await idempotency.run_once(
        ctx,
        principal=principal.id,
        key=key,
        request_hash=idempotency.fingerprint("PUT", request.url.path, body),
        operation=operation,
    )
