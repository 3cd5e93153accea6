"""A voice interaction's ``call`` part (:class:`CallState`) from its rows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.voice import CallParty, CallState, MonitorMode
from agentdesk.server.db.models import AgentRow
from agentdesk.server.db.voice_models import CallPartyRow, CallRow

#: Party statuses that are still on the call.
PRESENT = ("offered", "active")


async def call_state(session: AsyncSession, interaction_id: str) -> CallState | None:
    call = await session.get(CallRow, interaction_id)
    if call is None:
        return None
    rows = await session.execute(
        select(CallPartyRow, AgentRow.name)
        .join(AgentRow, AgentRow.id == CallPartyRow.agent_id)
        .where(CallPartyRow.interaction_id == interaction_id, CallPartyRow.status.in_(PRESENT))
        .order_by(CallPartyRow.created_at, CallPartyRow.id)
    )
    parties = [
        CallParty(agent_id=party.agent_id, name=name, role=party.role, status=party.status)
        for party, name in rows
    ]
    return CallState(
        on_hold=call.on_hold,
        muted=call.muted,
        dialled=call.dialled,
        direction=call.direction,
        recording=call.recording,
        recording_consent=call.recording_consent,
        talk_started_at=call.talk_started_at,
        parties=parties,
        monitored=MonitorMode(call.monitor_mode) if call.monitor_mode else None,
    )
