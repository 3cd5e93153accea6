"""The running server's shared objects and the unit of work every mutation goes through."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from starlette.types import ASGIApp, Receive, Scope, Send

from agentdesk.protocol.base import utcnow
from agentdesk.protocol.events import EventType
from agentdesk.protocol.gateway import GatewayEvent, GatewayEventType
from agentdesk.server.config import ServerSettings
from agentdesk.server.db import Database
from agentdesk.server.events import store
from agentdesk.server.events.bus import GATEWAY_CHANNEL, EventBus, agent_channel
from agentdesk.server.media.bridge import MediaBridge
from agentdesk.waiting import wait_event

if TYPE_CHECKING:
    from agentdesk.search import KbIndex

T = TypeVar("T")

#: Longest a background job's chunk waits for the mutations in flight to finish.
GIVE_WAY_MAX_S = 0.25


class UnitOfWork:
    """One transaction plus what to announce once it has committed.

    Events are written to the store inside the transaction (so their seq commits or rolls
    back with the change they describe) and published on the bus only after the commit.
    """

    def __init__(self, ctx: ServerContext, session: AsyncSession, now: datetime) -> None:
        self.ctx = ctx
        self.session = session
        self.now = now
        self.events: list[store.StoredEvent] = []
        self.gateway_frames: list[str] = []
        self.hooks: list[Callable[[], None]] = []
        self._conn: AsyncConnection | None = None

    async def connection(self) -> AsyncConnection:
        """The transaction's connection, for plain statements (asked for once)."""
        if self._conn is None:
            self._conn = await self.session.connection()
        return self._conn

    async def emit(
        self, agent_id: str, type_: EventType, data: BaseModel | dict[str, Any]
    ) -> store.StoredEvent:
        event = await store.append(
            self.session, agent_id, type_, data, self.now, conn=await self.connection()
        )
        self.events.append(event)
        return event

    def to_gateway(
        self, type_: GatewayEventType, interaction_id: str, data: dict[str, object] | None = None
    ) -> None:
        frame = GatewayEvent(
            type=type_, ts=self.now, interaction_id=interaction_id, data=data or {}
        )
        self.gateway_frames.append(json.dumps(frame.model_dump(mode="json"), ensure_ascii=False))

    def after_commit(self, hook: Callable[[], None]) -> None:
        if hook not in self.hooks:
            self.hooks.append(hook)


class RightOfWay:
    """Whether a mutation is in flight (a customer's chat on its way to an operator's offer,
    an accept, a wrap-up): the background jobs' recomputations give way to it.

    A job's recomputation (the team board, the scores, the queue statistics) runs on the
    event loop in chunks; a chat arriving meanwhile was served between two of them, and
    waited for every chunk that ran while it went from its transaction to the operator's
    stream. A job that calls :meth:`give_way` between its chunks stops there while a
    transaction is open or its events are being delivered: the mutation meets the chunk
    under way when it began, not the ones after. (The request's arrival, before its
    transaction, is not covered: a chunk may run then.)"""

    def __init__(self) -> None:
        self._holders = 0
        self._clear = asyncio.Event()
        self._clear.set()

    @property
    def held(self) -> bool:
        return self._holders > 0

    @asynccontextmanager
    async def holding(self) -> AsyncIterator[None]:
        self._holders += 1
        self._clear.clear()
        try:
            yield
        finally:
            self._holders -= 1
            if self._holders == 0:
                self._clear.set()

    async def give_way(self, at_most_s: float = GIVE_WAY_MAX_S) -> None:
        """Let what is ready run, then wait while a mutation is in flight (at most
        ``at_most_s``: under a steady stream of them a job still gets its turns)."""
        await asyncio.sleep(0)
        if self._holders:
            await wait_event(self._clear, at_most_s)


class MutationsHoldTheWay:
    """ASGI middleware: a request that may change something (any method but GET, HEAD and
    OPTIONS) holds the server's :class:`RightOfWay` from the moment it is handed to the app,
    so the background jobs also give way while it is read, checked and routed to its
    handler, not only during its transaction."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ctx = None
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            ctx = getattr(scope["app"].state, "ctx", None)
        if not isinstance(ctx, ServerContext):
            await self.app(scope, receive, send)
            return
        async with ctx.right_of_way.holding():
            await self.app(scope, receive, send)


#: The right of way the current task's background work gives way to (see :func:`giving_way`).
_GIVES_WAY_TO: ContextVar[RightOfWay | None] = ContextVar("gives_way_to", default=None)


def giving_way(right_of_way: RightOfWay) -> None:
    """The current task (a background job) gives way at every :func:`give_way`."""
    _GIVES_WAY_TO.set(right_of_way)


async def give_way() -> None:
    """Between two chunks of a recomputation: in a background job, wait while a mutation is
    in flight (:meth:`RightOfWay.give_way`); elsewhere (a request's report) go on."""
    right_of_way = _GIVES_WAY_TO.get()
    if right_of_way is not None:
        await right_of_way.give_way()


class ServerContext:
    """What routes, jobs and websockets share: settings, database, bus, wake-up signals."""

    def __init__(self, settings: ServerSettings, db: Database, bus: EventBus) -> None:
        self.settings = settings
        self.db = db
        self.bus = bus
        #: Set when routing may have something to do (new chat, ready agent, freed capacity).
        self.routing_needed = asyncio.Event()
        #: Set when queue statistics may have changed.
        self.stats_needed = asyncio.Event()
        #: Agents whose queue statistics must be sent again (they came back from offline).
        self.stats_reset: set[str] = set()
        #: Voice: where every call's legs terminate (set at start-up).
        self.media: MediaBridge | None = None
        #: The knowledge base's search index (set at start-up): next-best-action asks it
        #: which article answers a customer's line.
        self.kb_index: KbIndex | None = None
        #: Mutations in flight, which the background jobs' recomputations give way to.
        self.right_of_way = RightOfWay()

    async def read(self, fn: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """``fn`` given a read session (the background jobs' reads go through here)."""
        async with self.db.read() as session:
            return await fn(session)

    def kick_router(self) -> None:
        self.routing_needed.set()
        self.stats_needed.set()

    def kick_stats(self) -> None:
        self.stats_needed.set()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[UnitOfWork]:
        """Run a mutation; once it has committed, publish its events and run its hooks.

        The background jobs give way to it until its events are on their streams."""
        async with self.right_of_way.holding():
            async with self.db.write() as session:
                uow = UnitOfWork(self, session, utcnow())
                yield uow
            for event in uow.events:
                await self.bus.publish(agent_channel(event.agent_id), event.frame)
            for frame in uow.gateway_frames:
                await self.bus.publish(GATEWAY_CHANNEL, frame)
            for hook in uow.hooks:
                hook()
            if uow.events or uow.gateway_frames:
                # One turn of the loop: the streams woken by the publications send before the
                # caller goes on to build and write its HTTP answer (an operator's offer is
                # what someone waits for; the gateway's "created" can follow).
                await asyncio.sleep(0)
