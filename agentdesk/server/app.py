"""The ASGI application: routes, error shape, and the background tasks of a running server.

The start comes in two steps, so the desktop's sign-in is answered as early as possible
(the embedded default starts this server as it starts itself; every import here is time
the operator waits):

1. Before the server listens (the lifespan's start-up): the schema, the seed, the orphaned
   calls, and the routes the sign-in asks for (:data:`SIGN_IN`) with their modules.
2. Then (:func:`_warm_up`), as soon as a request needs it, or :data:`WARM_UP_AFTER_S` after
   the server listens when none does: the other routers' modules are imported on a worker
   thread, their routers included in their place, the knowledge base's index synchronised,
   the background jobs and the simulator started. A request for anything but
   :data:`SIGN_IN` waits for it (:class:`_WarmUpGate`): no request sees a half-started
   server, and the sign-in does not share the process with the rest of the start.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from types import ModuleType
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from agentdesk.protocol import API_PREFIX
from agentdesk.protocol.errors import INTERNAL
from agentdesk.server.api import openapi
from agentdesk.server.api.routes import auth, interactions, me, streams
from agentdesk.server.config import ServerSettings
from agentdesk.server.context import MutationsHoldTheWay, ServerContext
from agentdesk.server.db import Database, schema
from agentdesk.server.errors import error_body, install_error_handlers
from agentdesk.server.events.bus import InProcessBus
from agentdesk.server.seed import seed
from agentdesk.server.services.call_media import create_bridge
from agentdesk.server.services.calls import end_orphaned_calls

log = logging.getLogger(__name__)
#: How long stopping waits for the background jobs (and the media bridge) to end.
SHUTDOWN_WAIT_S = 5.0
#: The routers, in the order they are matched (``module`` under ``agentdesk.server``).
ROUTERS = (
    "api.routes.auth",
    "api.routes.me",
    "api.routes.interactions",
    "api.routes.customers",
    "api.routes.teams",
    "api.routes.admin",
    "api.routes.gateway",
    "api.routes.streams",
    "api.routes.assist",
    "kb.routes",
    "kb.admin_routes",
    "api.routes.calls",
    "api.routes.monitor",
    "api.routes.gateway_calls",
    "api.routes.kpis",
    "api.routes.competition",
    "api.routes.supervision",
    "api.routes.surveys",
    "api.routes.gateway_emails",
    "api.routes.canned",
)
#: Served as soon as the server listens: the desktop's sign-in (log in, the operator's
#: profile and interactions, the event stream, and the embedded demo's "start the day
#: Ready"), and the session's own upkeep (a token refreshed, a sign-out: a desktop quit
#: right after its start does not wait for the rest). Their modules are imported up front;
#: none needs the second step (a state change only wakes the router, which runs its first
#: pass when it starts).
SIGN_IN = frozenset(
    {
        ("POST", f"{API_PREFIX}/auth/login"),
        ("POST", f"{API_PREFIX}/auth/refresh"),
        ("POST", f"{API_PREFIX}/auth/logout"),
        ("GET", f"{API_PREFIX}/me"),
        ("GET", f"{API_PREFIX}/interactions"),
        ("WEBSOCKET", f"{API_PREFIX}/events"),
        ("PUT", f"{API_PREFIX}/me/state"),
    }
)
_EARLY_MODULES = {
    "api.routes.auth": auth,
    "api.routes.me": me,
    "api.routes.interactions": interactions,
    "api.routes.streams": streams,
}
#: When no request needs the second step of the start sooner, it begins this long after the
#: first (the jobs and the simulator start then). The desktop's sign-in takes less.
WARM_UP_AFTER_S = 1.0
#: The interpreter's switch interval while the second step imports on its thread: requests
#: on the loop get the interpreter back within this (not the default 5 ms) each time.
WARM_UP_SWITCH_S = 0.0005


def create_app(settings: ServerSettings, *, defer: bool = False) -> FastAPI:
    """The reference backend; its state lives from lifespan start to stop.

    ``defer``: include only the sign-in's routers now and the others in the start's
    second step (see the module's doc). Without it, every router is included now (the jobs
    still start in the second step).
    """
    settings = settings.resolved()
    warm = _WarmUp()

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
            # Before serving: the operator's interactions must not list calls that are gone.
            await end_orphaned_calls(ctx)
            app.state.ctx = ctx
            if settings.gateway_key is None:
                log.warning("no gateway key (AGENTDESK_GATEWAY_KEY): the gateway refuses all")
            warm.begin()
            tasks: list[asyncio.Task[Any]] = []
            warming = asyncio.create_task(_warm_up(app, ctx, warm, tasks), name="warm-up")
            try:
                yield
            finally:
                warming.cancel()
                await asyncio.wait([warming])
                for task in tasks:
                    task.cancel()
                # Bounded: a job stuck in its clean-up must not keep the server from stopping.
                ended, stuck = (
                    await asyncio.wait(tasks, timeout=SHUTDOWN_WAIT_S) if tasks else (set(), set())
                )
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
    app.add_middleware(_WarmUpGate, warm=warm)
    _include_routers(app, _EARLY_MODULES if defer else _import_routers())
    openapi.install(app, API_PREFIX)
    return app


def _import_routers() -> dict[str, ModuleType]:
    """Every router's module (the sign-in's are loaded already)."""
    return {name: importlib.import_module(f"agentdesk.server.{name}") for name in ROUTERS}


def _include_routers(app: FastAPI, modules: dict[str, ModuleType]) -> None:
    """Include the routers of ``modules`` not included yet, all in :data:`ROUTERS`' order
    (the order routes are matched in, whenever each was included)."""
    rank = {id(modules[name].router): i for i, name in enumerate(ROUTERS) if name in modules}
    included = {id(getattr(route, "original_router", None)) for route in app.router.routes}
    for name in ROUTERS:
        if name in modules and id(modules[name].router) not in included:
            app.include_router(modules[name].router, prefix=API_PREFIX)
    routes = app.router.routes

    def position(index: int) -> tuple[int, int]:
        router = getattr(routes[index], "original_router", None)
        return (rank.get(id(router), -1), index)  # the app's own routes (docs) first

    routes[:] = [routes[i] for i in sorted(range(len(routes)), key=position)]


def _import_the_rest(simulate: bool) -> dict[str, ModuleType]:
    """The second step's imports (on a worker thread): the routers' modules, the jobs'."""
    modules = _import_routers()
    for name in ("acd.router", "acd.stats", "jobs", "people.board", "kb.engine"):
        importlib.import_module(f"agentdesk.server.{name}")
    if simulate:
        importlib.import_module("agentdesk.server.simulator.runner")
        importlib.import_module("agentdesk.server.simulator.traffic")
    return modules


async def _warm_up(
    app: FastAPI, ctx: ServerContext, warm: _WarmUp, tasks: list[asyncio.Task[Any]]
) -> None:
    """The start's second step, once the server listens (see the module's doc)."""
    try:
        with suppress(TimeoutError):
            await asyncio.wait_for(warm.wanted.wait(), WARM_UP_AFTER_S)
        settings = ctx.settings
        switch = sys.getswitchinterval()
        sys.setswitchinterval(min(switch, WARM_UP_SWITCH_S))
        try:
            modules = await asyncio.to_thread(_import_the_rest, settings.simulate)
        finally:
            sys.setswitchinterval(switch)
        _include_routers(app, modules)
        from agentdesk.server.acd.router import Router
        from agentdesk.server.acd.stats import QueueStatsJob
        from agentdesk.server.jobs import retention_loop
        from agentdesk.server.kb.engine import KbEngine, index_path
        from agentdesk.server.people.board import BoardJob

        kb = KbEngine(ctx.db, index_path(settings.database_url))
        app.state.kb = kb
        ctx.kb_index = kb.index
        await kb.sync()
        tasks += [
            asyncio.create_task(Router(ctx).run(), name="router"),
            asyncio.create_task(QueueStatsJob(ctx).run(), name="queue-stats"),
            asyncio.create_task(retention_loop(ctx), name="retention"),
            asyncio.create_task(BoardJob(ctx).run(), name="team-board"),
            asyncio.create_task(kb.run(), name="kb-index"),
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
        warm.finish(None)
    except asyncio.CancelledError:
        warm.finish(RuntimeError("the server stopped while starting"))
        raise
    except Exception as exc:
        log.exception("the server could not finish starting")
        warm.finish(exc)
    finally:
        # The desktop's child starts with the collector off (``agentdesk.server.cli``).
        gc.enable()


class _WarmUp:
    """Whether the start's second step is done, and how it ended."""

    def __init__(self) -> None:
        self.done = True  # until a lifespan begins: nothing to wait for
        self.error: BaseException | None = None
        self._event: asyncio.Event | None = None
        self.wanted = asyncio.Event()  # a request waits for it: start it now

    def begin(self) -> None:
        self.done, self.error, self._event = False, None, asyncio.Event()
        self.wanted = asyncio.Event()

    def finish(self, error: BaseException | None) -> None:
        self.done, self.error = True, error
        if self._event is not None:
            self._event.set()

    async def wait(self) -> None:
        if not self.done and self._event is not None:
            self.wanted.set()
            await self._event.wait()


class _WarmUpGate:
    """Holds every request but the sign-in's (:data:`SIGN_IN`) until the start's second
    step is done; answers 500 with the reason if it failed."""

    def __init__(self, app: ASGIApp, warm: _WarmUp) -> None:
        self.app = app
        self.warm = warm

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind in ("http", "websocket"):
            method = "WEBSOCKET" if kind == "websocket" else scope["method"]
            early = (method, scope["path"]) in SIGN_IN
            if not early:
                await self.warm.wait()
            if not early and self.warm.error is not None and kind == "http":
                message = f"the server could not finish starting: {self.warm.error}"
                await JSONResponse(error_body(INTERNAL, message), status_code=500)(
                    scope, receive, send
                )
                return
        await self.app(scope, receive, send)
