"""The call service's hold on the media bridge: leg names, recording files, tear-down."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from agentdesk.protocol.events import EventType
from agentdesk.protocol.voice import MediaSdpData, SdpType
from agentdesk.server.context import ServerContext, UnitOfWork
from agentdesk.server.db.voice_models import CallRow
from agentdesk.server.errors import ApiError
from agentdesk.server.media.bridge import MediaBridge, MediaError
from agentdesk.server.media.deferred import DeferredBridge

log = logging.getLogger(__name__)

CUSTOMER_LEG = "customer"
_background: set[asyncio.Task[Any]] = set()


class MediaUnavailable(ApiError):
    status = 503
    code = "media_unavailable"


def bridge(ctx: ServerContext) -> MediaBridge:
    if ctx.media is None:
        raise MediaUnavailable("this server has no media bridge")
    return ctx.media


def agent_leg(agent_id: str) -> str:
    return f"agent:{agent_id}"


def monitor_leg(agent_id: str) -> str:
    return f"monitor:{agent_id}"


def create_bridge(ctx: ServerContext) -> MediaBridge:
    """The in-process bridge, made with the first call; a lost leg ends what it was part of
    (see calls.leg_lost)."""
    from agentdesk.server.services.calls import leg_lost

    def make() -> MediaBridge:
        from agentdesk.server.media.aiortc_bridge import AiortcBridge

        return AiortcBridge(on_leg_lost, lost_after_s=ctx.settings.media_lost_after_s)

    async def on_leg_lost(call_id: str, leg_id: str, reason: str) -> None:
        await leg_lost(ctx, call_id, leg_id, reason)

    return DeferredBridge(make)


def recordings_dir(ctx: ServerContext) -> Path:
    settings = ctx.settings
    if settings.recordings_dir:
        return Path(settings.recordings_dir)
    if settings.is_sqlite:
        database = make_url(settings.database_url).database
        if database and database != ":memory:":
            return Path(database).resolve().parent / "recordings"
    return Path(tempfile.gettempdir()) / "agentdesk-recordings"


def spawn(coro: Coroutine[Any, Any, None]) -> None:
    """Run a bridge operation after a commit without losing track of it."""
    task = asyncio.ensure_future(coro)
    _background.add(task)
    task.add_done_callback(_background.discard)


async def end_media(ctx: ServerContext, interaction_id: str) -> None:
    """Close every leg of the call, then mark its recording as ready to fetch."""
    media = ctx.media
    if media is None:
        return
    path = await media.stop_recording(interaction_id)
    await media.end_call(interaction_id)
    if path is None:
        return
    async with ctx.transaction() as uow:
        call = await uow.session.get(CallRow, interaction_id)
        if call is not None:
            call.recording_done = True
    log.info("recording of %s written to %s", interaction_id, path)


def end_media_after_commit(ctx: ServerContext, interaction_id: str) -> None:
    spawn(end_media(ctx, interaction_id))


async def renegotiate(ctx: ServerContext, interaction_id: str, agent_ids: list[str]) -> None:
    """Offer each agent's leg anew: the offer goes to them as ``media.sdp``.

    What a leg hears is mixed on the bridge, so nothing in the SDP has to change; the offer
    tells the desktop that who is on the call changed, and a media server behind the bridge
    that needs to reshape a leg does it here. A leg not (or no longer) on the call is skipped.
    """
    media = ctx.media
    if media is None:
        return
    for agent_id in agent_ids:
        leg = agent_leg(agent_id)
        if leg not in media.legs(interaction_id):
            continue
        try:
            offer = await media.renegotiate(interaction_id, leg)
        except MediaError as exc:
            log.info("no renegotiation of %s on %s: %s", leg, interaction_id, exc)
            continue
        async with ctx.transaction() as uow:
            await uow.emit(
                agent_id,
                EventType.MEDIA_SDP,
                MediaSdpData(interaction_id=interaction_id, type=SdpType.OFFER, sdp=offer),
            )


def renegotiate_after_commit(uow: UnitOfWork, interaction_id: str, *agent_ids: str) -> None:
    """Start :func:`renegotiate` once the change that calls for it is committed."""
    ctx, who = uow.ctx, [a for a in agent_ids if a]
    uow.after_commit(lambda: spawn(renegotiate(ctx, interaction_id, who)))
