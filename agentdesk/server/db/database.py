"""The engine, sessions and the write discipline that keeps SQLite and PostgreSQL consistent."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from agentdesk.server.db import inline_sqlite, schema

log = logging.getLogger(__name__)

#: Commits between two checkpoints of a SQLite file's write-ahead log (see :class:`_Checkpoints`).
CHECKPOINT_EVERY = 200


class Database:
    """One engine and its session factory.

    Writes go through :meth:`write`. On SQLite, one process owns the file, so writers are
    serialised by an asyncio lock (SQLite allows one writer anyway; the lock turns "database
    is locked" into orderly waiting). On PostgreSQL, writers run concurrently and rely on row
    locks (``UPDATE ... RETURNING`` for sequence numbers) and unique constraints.
    """

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {}
        self._checkpoints: _Checkpoints | None = None
        if self.is_sqlite:
            memory = parsed.database in (None, "", ":memory:")
            if not memory:
                self._checkpoints = _Checkpoints(str(parsed.database))
            if memory:
                kwargs["poolclass"] = StaticPool
            # Statements run on the event loop, not via aiosqlite's thread (see inline_sqlite).
            kwargs["async_creator"] = inline_sqlite.creator(
                ":memory:" if memory else str(parsed.database), timeout=30
            )
        else:
            kwargs["pool_pre_ping"] = True
            kwargs["pool_size"] = 10
            kwargs["max_overflow"] = 20
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock: asyncio.Lock | None = asyncio.Lock() if self.is_sqlite else None

    async def migrate(self, revision: str = "head") -> None:
        """Upgrade the schema through the Alembic migrations (a no-op when up to date).

        On SQLite, foreign keys are off while tables are rebuilt (batch mode copies them),
        and checked once the migration has committed. A database already at the shipped
        head is left alone without loading Alembic (see :func:`schema.at_shipped_head`).
        """
        if revision == "head":
            async with self.engine.connect() as conn:
                if await conn.run_sync(schema.at_shipped_head):
                    return
        if not self.is_sqlite:
            async with self.engine.begin() as conn:
                await conn.run_sync(schema.upgrade, revision)
            return
        async with self.engine.connect() as conn:
            await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            try:
                await conn.run_sync(schema.upgrade, revision)
                await conn.commit()
                broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).fetchall()
                if broken:
                    raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
            finally:
                await conn.exec_driver_sql("PRAGMA foreign_keys=ON")

    async def revision(self) -> str | None:
        """The migration the database is at (``None``: an empty database)."""
        async with self.engine.connect() as conn:
            return await conn.run_sync(schema.current)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A session for reading; nothing is committed. On SQLite its statements take turns
        with the rest of the event loop (:func:`inline_sqlite.taking_turns`) unless the
        caller said otherwise."""
        with inline_sqlite.taking_turns(unless_said=True):
            async with self._session() as session:
                yield session

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction: committed on success, rolled back on error. On
        SQLite it runs straight through (one writer at a time, under the write lock)."""
        if self._write_lock is None:
            async with self.sessions() as session, session.begin():
                yield session
            return
        with inline_sqlite.taking_turns(False):
            async with self._write_lock, self._session() as session, session.begin():
                yield session
        if self._checkpoints is not None:
            self._checkpoints.committed()

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[AsyncSession]:
        """A session, closed on the way out.

        ``AsyncSession``'s own ``async with`` closes it in a task of its own, shielded from
        cancellation: a turn of the loop before the caller goes on (a commit's events waited
        behind whatever else was ready). On SQLite closing never waits (the statements run
        on the loop: nothing to cancel midway), so it is closed here directly."""
        if not self.is_sqlite:
            async with self.sessions() as session:
                yield session
            return
        session = self.sessions()
        try:
            yield session
        finally:
            await session.close()

    async def dispose(self) -> None:
        if self._checkpoints is not None:
            await asyncio.to_thread(self._checkpoints.close)
        await self.engine.dispose()


class _Checkpoints:
    """Checkpoints a SQLite file's write-ahead log on a thread of their own.

    SQLite's automatic checkpoint runs inside the commit that takes the log past 1000 pages:
    it copies the log into the database and, with ``synchronous=NORMAL``, syncs both files
    to disk; 15-70 ms on the loop, landing on whichever request commits then (the offer
    bench's slowest chats). The server's connections have it off (``wal_autocheckpoint=0``);
    every :data:`CHECKPOINT_EVERY` commits a ``PASSIVE`` checkpoint runs here on a separate
    connection: it waits for no reader nor writer, and ``sqlite3`` lets go of the GIL while
    it copies and syncs, so the loop goes on serving. The log stays a few hundred pages.
    """

    def __init__(self, path: str) -> None:
        self._path = path
        self._commits = 0
        self._lock = threading.Lock()
        self._running: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._closed = False

    def committed(self) -> None:
        self._commits += 1
        if self._commits < CHECKPOINT_EVERY:
            return
        with self._lock:
            if self._closed or (self._running is not None and self._running.is_alive()):
                return  # the next commit asks again
            self._commits = 0
            self._running = threading.Thread(
                target=self._checkpoint, name="sqlite-checkpoint", daemon=True
            )
            self._running.start()

    def _checkpoint(self) -> None:
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(self._path, timeout=30, check_same_thread=False)
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:
            log.warning("checkpoint of %s failed (the next one retries)", self._path, exc_info=True)

    def close(self) -> None:
        """Wait for a running checkpoint and close the connection (disposal)."""
        with self._lock:
            self._closed = True
            running = self._running
        if running is not None:
            running.join()
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers (streams, boards, the router's snapshot) never wait for the writer, and a
    # commit appends to the log instead of rewriting pages. synchronous=NORMAL: in WAL mode
    # a commit is not fsynced, only checkpoints are; the database stays consistent through
    # a crash of the process, and a power cut can roll back the commits since the last
    # checkpoint. That suits the embedded, single-operator server; a centre's shared
    # server runs on PostgreSQL. FULL would fsync every commit, several milliseconds on
    # ordinary disks, on the path from a customer's chat to the operator's offer.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # No checkpoint inside a commit: they run off the loop (see _Checkpoints).
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
