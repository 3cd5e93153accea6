"""The agents' presence history (occupancy, not-ready against budget, schedule adherence)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.people_models import StateLogRow


def log_state(
    session: AsyncSession, agent_id: str, state: str, reason: str | None, at: datetime
) -> None:
    """Record that ``agent_id`` entered ``state`` at ``at`` (the stretch ends at the next)."""
    session.add(StateLogRow(agent_id=agent_id, state=state, reason=reason, started_at=at))
