"""The ASGI application: routes, error shape, and the background tasks of a running server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from agentdesk.protocol import API_PREFIX
from agentdesk.server.acd.router import Router
from agentdesk.server.acd.stats import QueueStatsJob
from agentdesk.server.api.routes import (
    admin,
    auth,
    customers,
    gateway,
    interactions,
    me,
    streams,
    teams,
)
from agentdesk.server.config import ServerSettings
from agentdesk.server.context import ServerContext
from agentdesk.server.db import Database
from agentdesk.server.errors import install_error_handlers
from agentdesk.server.events.bus import InProcessBus
from agentdesk.server.jobs import retention_loop
from agentdesk.server.kb import admin_routes as kb_admin
from agentdesk.server.kb import routes as kb
from agentdesk.server.kb.engine import KbEngine, index_path
from agentdesk.server.seed import seed

log = logging.getLogger(__name__)


def create_app(settings: ServerSettings) -> FastAPI:
    """The reference backend; its state lives from lifespan start to stop."""
    settings = settings.resolved()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(settings.database_url)
        try:
            await db.create_all()
            async with db.write() as session:
                await seed(session, settings)
            ctx = ServerContext(settings, db, InProcessBus())
            app.state.ctx = ctx
            app.state.kb = KbEngine(db, index_path(settings.database_url))
            await app.state.kb.sync()
            tasks = [
                asyncio.create_task(Router(ctx).run(), name="router"),
                asyncio.create_task(QueueStatsJob(ctx).run(), name="queue-stats"),
                asyncio.create_task(retention_loop(ctx), name="retention"),
                asyncio.create_task(app.state.kb.run(), name="kb-index"),
            ]
            if settings.simulate:
                from agentdesk.server.simulator.runner import run_simulator

                tasks.append(asyncio.create_task(run_simulator(ctx), name="simulator"))
            ctx.kick_router()
            if settings.gateway_key is None:
                log.warning("no gateway key (AGENTDESK_GATEWAY_KEY): the gateway refuses all")
            try:
                yield
            finally:
                for task in tasks:
                    task.cancel()
                for task in tasks:
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
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
    install_error_handlers(app)
    for module in (auth, me, interactions, customers, teams, admin, gateway, streams, kb, kb_admin):
        app.include_router(module.router, prefix=API_PREFIX)
    return app
