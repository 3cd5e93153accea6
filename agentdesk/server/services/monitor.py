"""A team leader (or tutor) on an operator's call: listen, whisper, barge.

One monitor per call. The monitor's leg hears what the operator hears plus the operator;
the mode decides who hears the monitor, and switching it never renegotiates.
"""

from __future__ import annotations

from agentdesk.protocol.events import EventType
from agentdesk.protocol.interactions import InteractionStatus
from agentdesk.protocol.voice import (
    MonitorAnswer,
    MonitorMode,
    MonitorModeRequest,
    MonitorRequest,
    MonitorStartedData,
)
from agentdesk.server.context import ServerContext, UnitOfWork
from agentdesk.server.db.models import AgentRow, InteractionRow
from agentdesk.server.db.voice_models import CallRow
from agentdesk.server.errors import Conflict, Invalid, NotFound
from agentdesk.server.media.bridge import MediaError
from agentdesk.server.media.mixing import MonitorMode as MixMode
from agentdesk.server.media.mixing import Role
from agentdesk.server.services.call_media import (
    bridge,
    monitor_leg,
    renegotiate_after_commit,
    spawn,
)
from agentdesk.server.services.calls import announce_call, voice_row


async def _watched(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str
) -> tuple[InteractionRow, CallRow]:
    row, call = await voice_row(uow, interaction_id)
    if agent.role != "admin" and row.client_id not in agent.clients:
        raise NotFound(f"no call {interaction_id}")
    if row.status != InteractionStatus.ACTIVE.value:
        raise Conflict(f"the call is {row.status}", details={"status": row.status})
    return row, call


def _mine(call: CallRow, agent: AgentRow) -> None:
    if call.monitor_agent_id != agent.id:
        raise Conflict(
            "you are not monitoring this call", details={"monitor": call.monitor_agent_id}
        )


async def start(
    ctx: ServerContext, agent: AgentRow, interaction_id: str, body: MonitorRequest
) -> MonitorAnswer:
    async with ctx.transaction() as uow:
        _row, call = await _watched(uow, agent, interaction_id)
        if call.monitor_agent_id is not None:
            raise Conflict(
                "the call already has a monitor",
                details={"monitor": call.monitor_agent_id},
            )
        call.monitor_agent_id = agent.id  # reserved while the leg is negotiated
        call.monitor_mode = None
    media = bridge(ctx)
    try:
        media.set_monitor_mode(interaction_id, MixMode(body.mode.value))
        answer = await media.add_leg(interaction_id, monitor_leg(agent.id), Role.MONITOR, body.sdp)
    except MediaError as exc:
        async with ctx.transaction() as uow:
            _row, call = await voice_row(uow, interaction_id)
            if call.monitor_agent_id == agent.id:
                call.monitor_agent_id = None
        raise Invalid(str(exc), details={"field": "sdp"}) from exc
    async with ctx.transaction() as uow:
        row, call = await voice_row(uow, interaction_id)
        if call.monitor_agent_id != agent.id or row.status != InteractionStatus.ACTIVE.value:
            await media.remove_leg(interaction_id, monitor_leg(agent.id))
            raise Conflict("the call ended meanwhile", details={"status": row.status})
        call.monitor_mode = body.mode.value
        if row.agent_id is not None:
            await uow.emit(
                row.agent_id,
                EventType.MONITOR_STARTED,
                MonitorStartedData(
                    interaction_id=row.id,
                    mode=body.mode,
                    monitor_id=agent.id,
                    monitor_name=agent.name,
                ),
            )
            renegotiate_after_commit(uow, row.id, row.agent_id)
        await announce_call(uow, row)
    return MonitorAnswer(sdp=answer)


async def switch(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str, mode: MonitorMode
) -> MonitorModeRequest:
    row, call = await _watched(uow, agent, interaction_id)
    _mine(call, agent)
    call.monitor_mode = mode.value
    bridge(uow.ctx).set_monitor_mode(row.id, MixMode(mode.value))
    await announce_call(uow, row)
    return MonitorModeRequest(mode=mode)


async def stop(uow: UnitOfWork, agent: AgentRow, interaction_id: str) -> None:
    row, call = await voice_row(uow, interaction_id)
    _mine(call, agent)
    call.monitor_agent_id = None
    call.monitor_mode = None
    media, leg = bridge(uow.ctx), monitor_leg(agent.id)
    if media.has_call(row.id):
        media.set_monitor_mode(row.id, MixMode.LISTEN)
    uow.after_commit(lambda: spawn(media.remove_leg(interaction_id, leg)))
    await announce_call(uow, row)
