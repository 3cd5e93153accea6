"""Seeding: the bootstrap admin, and the demo contact centre with ``--demo``.

Idempotent: running it on a database that already has the data changes nothing.
"""

from __future__ import annotations

import logging

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.base import utcnow
from agentdesk.server.config import ServerSettings
from agentdesk.server.db.canned_models import CannedResponseRow
from agentdesk.server.db.models import AgentRow, ClientRow
from agentdesk.server.events.store import ensure_stream
from agentdesk.server.security import hash_password
from agentdesk.server.seed.canned import seed_canned
from agentdesk.server.seed.voice import VOICE_OPERATORS, seed_voice

log = logging.getLogger(__name__)

#: Operators who appear as handlers of past contacts in the demo history.
HISTORY_AGENTS = [("a-mario", "Mario Bianchi"), ("a-giulia", "Giulia Verdi")]


async def seed(session: AsyncSession, settings: ServerSettings) -> None:
    now = utcnow()
    # Most starts: one query finds the demo centre complete, and nothing else runs.
    if settings.demo and not await _demo_complete(session):
        if await session.get(ClientRow, "lario") is None:
            log.info("seeding the demo contact centre")
            # Loaded only to seed (the articles' text, the history): not at every start.
            from agentdesk.server.seed.history import seed_history
            from agentdesk.server.seed.kb import seed_kb
            from agentdesk.server.seed.org import seed_organisation
            from agentdesk.server.seed.people import seed_people

            await seed_organisation(session, now)
            await seed_history(session, now, HISTORY_AGENTS)
            await seed_kb(session, now)
            await seed_people(session, now)
        await seed_voice(session, now)
        await seed_canned(session)  # idempotent: also fills a demo database seeded before
    if settings.admin_password:
        await _bootstrap_admin(session, settings.admin_password)


async def _demo_complete(session: AsyncSession) -> bool:
    """Whether the demo centre and what later versions added to it (the voice operators,
    every client's canned responses) are all there: one statement, instead of the
    idempotent steps' own look-ups at every start."""
    voice_ids = {operator[0] for operator in VOICE_OPERATORS}
    counts = (
        await session.execute(
            select(
                select(func.count())
                .select_from(ClientRow)
                .where(ClientRow.id == "lario")
                .scalar_subquery(),
                select(func.count())
                .select_from(AgentRow)
                .where(AgentRow.id.in_(voice_ids))
                .scalar_subquery(),
                select(func.count())
                .select_from(ClientRow)
                .where(~exists().where(CannedResponseRow.client_id == ClientRow.id))
                .scalar_subquery(),
            )
        )
    ).one()
    return tuple(counts) == (1, len(voice_ids), 0)


async def _bootstrap_admin(session: AsyncSession, password: str) -> None:
    exists = await session.scalar(select(AgentRow.id).where(AgentRow.role == "admin").limit(1))
    if exists is not None:
        return
    taken = await session.scalar(select(AgentRow.id).where(AgentRow.username == "admin"))
    if taken is not None:
        return
    now = utcnow()
    session.add(
        AgentRow(
            id="a-admin",
            username="admin",
            name="Amministratore",
            role="admin",
            password_hash=hash_password(password),
            team_id=None,
            skills=[],
            clients=[],
            max_chats=0,
            max_calls=0,
            enabled=True,
            state="offline",
            state_since=now,
            idle_since=now,
        )
    )
    await session.flush()
    await ensure_stream(session, "a-admin")
    log.info("created the bootstrap admin account 'admin'")
