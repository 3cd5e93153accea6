"""The ASGI application: routes, error shape, and the background tasks of a running server."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from agentdesk.protocol import API_PREFIX
from agentdesk.server.acd.router import Router
from agentdesk.server.acd.stats import QueueStatsJob
from agentdesk.server.api import openapi
from agentdesk.server.api.routes import (
    admin,
    assist,
    auth,
    calls,
    canned,
    competition,
    customers,
    gateway,
    gateway_calls,
    gateway_emails,
    interactions,
    kpis,
    me,
    monitor,
    streams,
    supervision,
    surveys,
    teams,
)
from agentdesk.server.config import ServerSettings
from agentdesk.server.context import MutationsHoldTheWay, ServerContext
from agentdesk.server.db import Database, schema
from agentdesk.server.errors import install_error_handlers
from agentdesk.server.events.bus import InProcessBus
from agentdesk.server.jobs import retention_loop
from agentdesk.server.kb import admin_routes as kb_admin
from agentdesk.server.kb import routes as kb
from agentdesk.server.kb.engine import KbEngine, index_path
from agentdesk.server.people.board import BoardJob
from agentdesk.server.seed import seed
from agentdesk.server.services.call_media import create_bridge
from agentdesk.server.services.calls import end_orphaned_calls

log = logging.getLogger(__name__)
#: How long stopping waits for the background jobs (and the media bridge) to end.
SHUTDOWN_WAIT_S = 5.0


def create_app(settings: ServerSettings) -> FastAPI:
    """The reference backend; its state lives from lifespan start to stop."""
    settings = settings.resolved()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(settings.database_url)
        try:
            if settings.migrate_on_start:
                await db.migrate()
            elif (found := await db.revision()) != schema.head():
                raise RuntimeError(
                    f"the database is at migration {found}, this server needs {schema.head()}:"
                    " run `agentdesk-server migrate --database URL` first"
                )
            async with db.write() as session:
                await seed(session, settings)
            ctx = ServerContext(settings, db, InProcessBus())
            ctx.media = create_bridge(ctx)
            await end_orphaned_calls(ctx)
            app.state.ctx = ctx
            app.state.kb = KbEngine(db, index_path(settings.database_url))
            ctx.kb_index = app.state.kb.index
            await app.state.kb.sync()
            tasks = [
                asyncio.create_task(Router(ctx).run(), name="router"),
                asyncio.create_task(QueueStatsJob(ctx).run(), name="queue-stats"),
                asyncio.create_task(retention_loop(ctx), name="retention"),
                asyncio.create_task(BoardJob(ctx).run(), name="team-board"),
                asyncio.create_task(app.state.kb.run(), name="kb-index"),
            ]
            if settings.simulate:
                from agentdesk.server.simulator.runner import run_simulator

                tasks.append(asyncio.create_task(run_simulator(ctx), name="simulator"))
            ctx.kick_router()
            # Everything built so far (modules, routes, the seed's and the index's objects)
            # lives as long as the server: out of the collector's sight, a full collection
            # walks only what serving creates (measured on the offer bench: 190-230 ms -> about
            # 45 ms), instead of stalling every request behind it.
            gc.freeze()
            if settings.gateway_key is None:
                log.warning("no gateway key (AGENTDESK_GATEWAY_KEY): the gateway refuses all")
            try:
                yield
            finally:
                for task in tasks:
                    task.cancel()
                # Bounded: a job stuck in its clean-up must not keep the server from stopping.
                ended, stuck = await asyncio.wait(tasks, timeout=SHUTDOWN_WAIT_S)
                for task in ended:
                    if not task.cancelled() and task.exception() is not None:
                        log.error("%s failed", task.get_name(), exc_info=task.exception())
                for task in stuck:
                    log.error("%s did not stop within %g s:", task.get_name(), SHUTDOWN_WAIT_S)
                    task.print_stack(file=sys.stderr)
                await asyncio.wait_for(ctx.media.close(), timeout=SHUTDOWN_WAIT_S)
        finally:
            await db.dispose()

    app = FastAPI(
        title="AgentDesk reference backend",
        version="1",
        description="The AgentDesk wire contract (v1): REST, the event stream, the gateway.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(MutationsHoldTheWay)
    install_error_handlers(app)
    core = (auth, me, interactions, customers, teams, admin, gateway, streams)
    voice = (calls, monitor, gateway_calls)
    people = (kpis, competition, supervision, surveys)
    for module in (*core, assist, kb, kb_admin, *voice, *people, gateway_emails, canned):
        app.include_router(module.router, prefix=API_PREFIX)
    openapi.install(app, API_PREFIX)
    return app
