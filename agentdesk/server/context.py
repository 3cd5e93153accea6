"""The running server's shared objects and the unit of work every mutation goes through."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from agentdesk.protocol.base import utcnow
from agentdesk.protocol.events import EventType
from agentdesk.protocol.gateway import GatewayEvent, GatewayEventType
from agentdesk.server.config import ServerSettings
from agentdesk.server.db import Database
from agentdesk.server.events import store
from agentdesk.server.events.bus import GATEWAY_CHANNEL, EventBus, agent_channel
from agentdesk.server.media.bridge import MediaBridge

if TYPE_CHECKING:
    from agentdesk.search import KbIndex

T = TypeVar("T")


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
        """Run a mutation; once it has committed, publish its events and run its hooks."""
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
            # caller goes on to build and write its HTTP answer (an operator's offer is what
            # someone waits for; the gateway's "created" can follow).
            await asyncio.sleep(0)
