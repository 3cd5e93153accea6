"""``/interactions/{id}/monitor`` and ``/recording``: team leaders, tutors and admins."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import FileResponse, JSONResponse

from agentdesk.protocol.voice import MonitorAnswer, MonitorModeRequest, MonitorRequest
from agentdesk.server.api.deps import Ctx, Supervisor
from agentdesk.server.api.routes.common import agent_for_update
from agentdesk.server.db.models import AgentRow
from agentdesk.server.db.voice_models import CallRow
from agentdesk.server.errors import NotFound, Unauthorized
from agentdesk.server.services import monitor as svc

router = APIRouter(prefix="/interactions", tags=["voice"])

_CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"description": "The call has a monitor already, or is not live"}
}


@router.post("/{interaction_id}/monitor", response_model=MonitorAnswer, responses=_CONFLICT)
async def start_monitor(
    interaction_id: str, body: MonitorRequest, principal: Supervisor, ctx: Ctx
) -> MonitorAnswer:
    """Join a live call as its monitor with an own WebRTC leg (listen, whisper or barge)."""
    async with ctx.db.read() as session:
        agent = await session.get(AgentRow, principal.id)
    if agent is None:
        raise Unauthorized("the account no longer exists")
    return await svc.start(ctx, agent, interaction_id, body)


@router.put("/{interaction_id}/monitor", response_model=MonitorModeRequest, responses=_CONFLICT)
async def switch_monitor(
    interaction_id: str, body: MonitorModeRequest, principal: Supervisor, ctx: Ctx
) -> MonitorModeRequest:
    """Switch the mode; the monitor's leg stays as it is (no renegotiation)."""
    async with ctx.transaction() as uow:
        agent = await agent_for_update(uow, principal.id)
        return await svc.switch(uow, agent, interaction_id, body.mode)


@router.delete("/{interaction_id}/monitor", status_code=204, responses=_CONFLICT)
async def stop_monitor(interaction_id: str, principal: Supervisor, ctx: Ctx) -> Response:
    """Leave the call; the monitor's leg is closed."""
    async with ctx.transaction() as uow:
        agent = await agent_for_update(uow, principal.id)
        await svc.stop(uow, agent, interaction_id)
    return Response(status_code=204)


@router.get(
    "/{interaction_id}/recording",
    response_class=FileResponse,
    responses={
        200: {"content": {"audio/wav": {}}, "description": "16-bit PCM, customer left"},
        202: {"description": "The call is still being recorded"},
    },
)
async def recording(interaction_id: str, principal: Supervisor, ctx: Ctx) -> Response:
    """The call's WAV once it has ended (202 while it is still being written)."""
    async with ctx.db.read() as session:
        call = await session.get(CallRow, interaction_id)
    if call is None or not call.recording or not call.recording_path:
        raise NotFound(f"no recording of {interaction_id}")
    if not call.recording_done:
        return JSONResponse(
            {"interaction_id": interaction_id, "status": "recording"}, status_code=202
        )
    path = Path(call.recording_path)
    if not await asyncio.to_thread(path.is_file):
        raise NotFound(f"the recording of {interaction_id} is gone")
    return FileResponse(path, media_type="audio/wav", filename=f"{interaction_id}.wav")
