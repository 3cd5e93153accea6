"""Pub/sub between the parts of the server that produce events and the open websockets.

Messages are JSON text on named channels (``agent:<id>``, ``gateway``), so a Redis
implementation of :class:`EventBus` can replace :class:`InProcessBus` for several server
instances without touching producers or consumers. The bus is only a wake-up: the event store
is the truth, and a consumer that overflows or sees a gap reads it from the store.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol


def agent_channel(agent_id: str) -> str:
    return f"agent:{agent_id}"


GATEWAY_CHANNEL = "gateway"


class Subscription(Protocol):
    """Messages of one channel, in publication order, for one consumer."""

    @property
    def overflowed(self) -> bool:
        """True when messages were dropped since the last :meth:`clear_overflow`."""
        ...

    def clear_overflow(self) -> None: ...

    async def get(self) -> str:
        """The next message (waits)."""
        ...


class EventBus(Protocol):
    async def publish(self, channel: str, message: str) -> None: ...

    def subscribe(self, channel: str) -> AbstractAsyncContextManager[Subscription]: ...


class _QueueSubscription:
    def __init__(self, maxsize: int) -> None:
        self._queue: asyncio.Queue[str] = asyncio.Queue(maxsize)
        self._overflowed = False

    @property
    def overflowed(self) -> bool:
        return self._overflowed

    def clear_overflow(self) -> None:
        self._overflowed = False

    def put(self, message: str) -> None:
        try:
            self._queue.put_nowait(message)
        except asyncio.QueueFull:
            self._overflowed = True

    async def get(self) -> str:
        return await self._queue.get()


class InProcessBus:
    """The bus for one server process. Slow consumers are marked overflowed, never block."""

    def __init__(self, queue_size: int = 1000) -> None:
        self._queue_size = queue_size
        self._subscribers: dict[str, set[_QueueSubscription]] = {}

    async def publish(self, channel: str, message: str) -> None:
        for sub in tuple(self._subscribers.get(channel, ())):
            sub.put(message)

    def subscribe(self, channel: str) -> AbstractAsyncContextManager[Subscription]:
        return self._subscription(channel)

    @asynccontextmanager
    async def _subscription(self, channel: str) -> AsyncIterator[Subscription]:
        sub = _QueueSubscription(self._queue_size)
        self._subscribers.setdefault(channel, set()).add(sub)
        try:
            yield sub
        finally:
            subs = self._subscribers.get(channel)
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._subscribers[channel]

    def subscriber_count(self, channel: str) -> int:
        return len(self._subscribers.get(channel, ()))
