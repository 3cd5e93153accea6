"""``/auth``: sign in, refresh, sign out."""

from __future__ import annotations

from fastapi import APIRouter, Response

from agentdesk.protocol.auth import LoginRequest, RefreshRequest, TokenResponse
from agentdesk.server.api.deps import AnyAgent, Ctx
from agentdesk.server.api.routes.common import agent_for_update
from agentdesk.server.services import auth

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=TokenResponse)
async def login(body: LoginRequest, ctx: Ctx) -> TokenResponse:
    """Exchange username and password for an access and a refresh token."""
    # The deliberately slow password check runs outside the write transaction.
    async with ctx.db.read() as session:
        checked = await auth.check_credentials(session, body.username, body.password)
    async with ctx.transaction() as uow:
        agent = await agent_for_update(uow, checked.id)
        return await auth.issue_tokens(uow, agent, ctx.settings)


@router.post("/refresh", response_model=TokenResponse)
async def refresh(body: RefreshRequest, ctx: Ctx) -> TokenResponse:
    """Spend a refresh token for a new pair (the old pair stops working)."""
    async with ctx.transaction() as uow:
        return await auth.refresh(uow, body.refresh_token, ctx.settings)


@router.post("/logout", status_code=204)
async def logout(principal: AnyAgent, ctx: Ctx) -> Response:
    """Revoke this sign-in; the operator goes offline if no customer is still theirs."""
    async with ctx.transaction() as uow:
        agent = await agent_for_update(uow, principal.id)
        await auth.logout(uow, agent, principal.session_id)
    return Response(status_code=204)
