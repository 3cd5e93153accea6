"""Demo voice: a second voice operator, so calls can be transferred and conferenced."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.models import AgentRow
from agentdesk.server.events.store import ensure_stream
from agentdesk.server.seed.org import TEAM_ID, _demo_hash

#: (id, username, name, skills, clients, max_chats, max_calls)
VOICE_OPERATORS = [
    ("a-anna", "anna", "Anna Russo", ["chat", "voice", "email"], ["lario", "energia"], 3, 1),
]


async def seed_voice(session: AsyncSession, now: datetime) -> None:
    """Idempotent: adds only the accounts that are missing."""
    for agent_id, username, name, skills, clients, max_chats, max_calls in VOICE_OPERATORS:
        if await session.get(AgentRow, agent_id) is not None:
            continue
        session.add(
            AgentRow(
                id=agent_id,
                username=username,
                name=name,
                role="operator",
                password_hash=_demo_hash(username),
                team_id=TEAM_ID,
                skills=skills,
                clients=clients,
                max_chats=max_chats,
                max_calls=max_calls,
                enabled=True,
                state="offline",
                state_reason=None,
                state_since=now,
                idle_since=now,
            )
        )
        await session.flush()
        await ensure_stream(session, agent_id)
