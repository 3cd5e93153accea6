"""Long reads kept off the request loop: a second event loop on its own thread.

The server's SQLite statements run on the request loop (:mod:`inline_sqlite`), which is right
for the short statements of a contact's life and wrong for what the background jobs read: a
day's or a season's contacts for the team leader's board, the leaderboard and the queue
statistics. Those take tens of milliseconds and more as the centre grows; run on the request
loop they would hold up every chat, offer and reply behind them. Here they run on a loop of
their own, on a worker thread with its own connections (WAL lets it read while the request
loop writes), and the caller awaits the answer without blocking anyone.

The worker thread still shares the interpreter lock, so the server asks Python to switch
threads more often (:data:`SWITCH_INTERVAL_S`): a request waiting for the lock waits a
fraction of a millisecond instead of the default five.

The worker also copies SQLite's write-ahead log back into the database file (a checkpoint),
which SQLite would otherwise do on whichever request's commit crossed 1,000 pages.

An in-memory SQLite database cannot be opened twice, so there the reads run on the request
loop as before; on PostgreSQL they get a small pool of their own.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.database import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
#: The interpreter's thread switch interval while an aside reader runs (default 5 ms).
SWITCH_INTERVAL_S = 0.0005
#: How often the worker copies the write-ahead log back into the database file.
CHECKPOINT_S = 1.0


def _separate_file(url: str) -> bool:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return True
    return parsed.database not in (None, "", ":memory:")


async def _checkpoints(db: Database) -> None:
    """Copy the write-ahead log back into the database now and then, off the request loop
    (whose connections do not: ``Database(checkpoints_aside=True)``). PASSIVE: it never
    waits for a reader or a writer, and what it cannot copy yet waits for the next round."""
    while True:
        await asyncio.sleep(CHECKPOINT_S)
        try:
            async with db.engine.connect() as conn:
                await conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception:
            log.exception("checkpoint of the write-ahead log failed")


async def _wind_down(db: Database | None) -> None:
    """On the worker loop: end the reads still running (their callers were cancelled), so
    each gives its connection back, then close the connections."""
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)
    if db is not None:
        await db.dispose()


class AsideReader:
    """Runs ``fn(session)`` on the worker loop with a read session of its own database."""

    def __init__(self, url: str, fallback: Database) -> None:
        self._url = url
        self._fallback = fallback
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._db: Database | None = None
        self._switch: float | None = None

    @property
    def separate(self) -> bool:
        """Whether reads run on the worker thread (not on an in-memory database)."""
        return self._loop is not None

    def start(self) -> None:
        if not _separate_file(self._url) or self._loop is not None:
            return
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=serve, name="agentdesk-aside-reads", daemon=True)
        self._thread.start()
        ready.wait()
        self._loop = loop
        self._db = Database(self._url)
        if self._db.is_sqlite:
            asyncio.run_coroutine_threadsafe(_checkpoints(self._db), loop)
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch, SWITCH_INTERVAL_S))

    async def run(self, fn: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Await ``fn`` given a read session, run where it holds nobody up."""
        if self._loop is None or self._db is None:
            async with self._fallback.read() as session:
                return await fn(session)
        db = self._db

        async def read() -> T:
            async with db.read() as session:
                return await fn(session)

        future = asyncio.run_coroutine_threadsafe(read(), self._loop)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise

    async def close(self) -> None:
        loop, thread, db = self._loop, self._thread, self._db
        self._loop = self._thread = self._db = None
        if loop is None or thread is None:
            return
        try:
            await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(_wind_down(db), loop))
        except Exception:
            log.exception("closing the aside reads' connections failed")
        loop.call_soon_threadsafe(loop.stop)
        await asyncio.to_thread(thread.join, 5)
        if self._switch is not None:
            sys.setswitchinterval(self._switch)
