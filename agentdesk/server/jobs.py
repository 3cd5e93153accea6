"""Housekeeping: event retention, expired tokens, old idempotency keys."""

from __future__ import annotations

import asyncio
import logging

from agentdesk.protocol.base import utcnow
from agentdesk.server.context import ServerContext
from agentdesk.server.events import store
from agentdesk.server.services import idempotency
from agentdesk.server.services.auth import prune_tokens

log = logging.getLogger(__name__)


async def prune_once(ctx: ServerContext) -> int:
    """One retention pass; returns the number of events deleted."""
    now = utcnow()
    settings = ctx.settings
    async with ctx.db.write() as session:
        events = await store.prune(
            session, now, settings.event_retention_s, settings.event_retention_count
        )
        tokens = await prune_tokens(session, now)
    keys = await idempotency.prune(ctx, now)
    if events or tokens or keys:
        log.info(
            "retention: %d events, %d tokens, %d idempotency keys pruned", events, tokens, keys
        )
    return events


async def retention_loop(ctx: ServerContext) -> None:
    while True:
        try:
            await prune_once(ctx)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("retention pass failed")
        await asyncio.sleep(ctx.settings.retention_interval_s)
