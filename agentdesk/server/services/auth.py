"""Sign-in, token refresh and sign-out; resolving a bearer token to its agent."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.agent_state import AgentState, IllegalTransition, check_transition
from agentdesk.protocol.auth import TokenResponse
from agentdesk.server.config import ServerSettings
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.models import AgentRow, AuthTokenRow
from agentdesk.server.errors import Unauthorized
from agentdesk.server.ids import new_id
from agentdesk.server.security import DUMMY_HASH, new_token, token_digest, verify_password
from agentdesk.server.services.agents import BUSY, apply_state, count_interactions
from agentdesk.server.services.offers import withdraw_offers
from agentdesk.server.services.views import agent_profile

ACCESS = "access"
REFRESH = "refresh"


async def check_credentials(session: AsyncSession, username: str, password: str) -> AgentRow:
    """The enabled agent with these credentials; :class:`Unauthorized` otherwise.

    scrypt runs in a worker thread (it is deliberately slow) and runs for unknown users too,
    so timing does not reveal which usernames exist.
    """
    agent = await session.scalar(select(AgentRow).where(AgentRow.username == username))
    stored = agent.password_hash if agent is not None else DUMMY_HASH
    ok = await asyncio.to_thread(verify_password, password, stored)
    if agent is None or not ok or not agent.enabled:
        raise Unauthorized("wrong username or password")
    return agent


async def issue_tokens(
    uow: UnitOfWork, agent: AgentRow, settings: ServerSettings, session_id: str | None = None
) -> TokenResponse:
    session_id = session_id or new_id("ses")
    access, refresh = new_token(), new_token()
    for token, kind, ttl in (
        (access, ACCESS, settings.access_token_ttl_s),
        (refresh, REFRESH, settings.refresh_token_ttl_s),
    ):
        uow.session.add(
            AuthTokenRow(
                token_hash=token_digest(token),
                kind=kind,
                session_id=session_id,
                agent_id=agent.id,
                created_at=uow.now,
                expires_at=uow.now + timedelta(seconds=ttl),
                revoked=False,
            )
        )
    await uow.session.flush()
    return TokenResponse(
        access_token=access,
        refresh_token=refresh,
        expires_in=settings.access_token_ttl_s,
        agent=await agent_profile(uow.session, agent),
    )


async def _live_token(
    session: AsyncSession, token: str, kind: str, now: datetime
) -> tuple[AuthTokenRow, AgentRow] | None:
    row = await session.get(AuthTokenRow, token_digest(token))
    if row is None or row.kind != kind or row.revoked or row.expires_at <= now:
        return None
    agent = await session.get(AgentRow, row.agent_id)
    if agent is None or not agent.enabled:
        return None
    return row, agent


async def authenticate(session: AsyncSession, token: str, now: datetime) -> tuple[AgentRow, str]:
    """The agent and sign-in session behind an access token; :class:`Unauthorized` if none."""
    found = await _live_token(session, token, ACCESS, now)
    if found is None:
        raise Unauthorized("missing, invalid or expired access token")
    row, agent = found
    return agent, row.session_id


async def refresh(uow: UnitOfWork, token: str, settings: ServerSettings) -> TokenResponse:
    """Rotate: the refresh token is spent, the old access token revoked, a new pair issued."""
    found = await _live_token(uow.session, token, REFRESH, uow.now)
    if found is None:
        raise Unauthorized("invalid or expired refresh token")
    row, agent = found
    await _revoke_session(uow.session, row.session_id)
    return await issue_tokens(uow, agent, settings, session_id=row.session_id)


async def logout(uow: UnitOfWork, agent: AgentRow, session_id: str) -> None:
    """Revoke the sign-in session; the operator goes offline unless a customer is still theirs."""
    await _revoke_session(uow.session, session_id)
    current = AgentState(agent.state)
    if current is AgentState.OFFLINE:
        return
    busy = await count_interactions(uow.session, agent.id, BUSY)
    try:
        check_transition(current, AgentState.OFFLINE, active_interactions=busy)
    except IllegalTransition:
        return
    await withdraw_offers(uow, agent.id, "agent_offline")
    await apply_state(uow, agent, AgentState.OFFLINE, None)


async def _revoke_session(session: AsyncSession, session_id: str) -> None:
    await session.execute(
        update(AuthTokenRow).where(AuthTokenRow.session_id == session_id).values(revoked=True)
    )


async def prune_tokens(session: AsyncSession, now: datetime) -> int:
    """Forget expired tokens and revoked ones older than a day."""
    result = await session.execute(
        delete(AuthTokenRow).where(
            or_(
                AuthTokenRow.expires_at < now,
                (AuthTokenRow.revoked.is_(True))
                & (AuthTokenRow.created_at < now - timedelta(days=1)),
            )
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
