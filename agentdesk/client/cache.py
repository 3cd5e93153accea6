"""``LocalCache``: the desktop's own SQLite (the standard library's ``sqlite3``): stream
positions, the outbox, and the last known picture of the desk (shown at start-up while live
data loads).

All database work runs on one worker thread owned by the cache, so SQLite sees a single
writer and the event loop (the GUI thread under qasync) never waits on the disk. Four small
tables need no ORM, and leaving SQLAlchemy out keeps it off the desktop's start-up path.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

log = logging.getLogger(__name__)

R = TypeVar("R")

APP_NAME = "AgentDesk"
CACHE_FILE = "client-cache.sqlite3"

#: The cache's tables (created when missing; the layout of the earlier ORM-made file).
SCHEMA = (
    # the last event seq applied for one agent on one server
    """CREATE TABLE IF NOT EXISTS stream_position (
        server_url VARCHAR(500) NOT NULL,
        agent_id VARCHAR(200) NOT NULL,
        last_seq INTEGER NOT NULL,
        updated_at DATETIME NOT NULL,
        PRIMARY KEY (server_url, agent_id))""",
    # mutations not yet acknowledged by the server
    """CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        server_url VARCHAR(500) NOT NULL,
        agent_id VARCHAR(200) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        target_id VARCHAR(200) NOT NULL,
        payload TEXT NOT NULL,
        idempotency_key VARCHAR(128) NOT NULL UNIQUE,
        created_at DATETIME NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT)""",
    "CREATE INDEX IF NOT EXISTS ix_outbox_server_url ON outbox (server_url)",
    "CREATE INDEX IF NOT EXISTS ix_outbox_agent_id ON outbox (agent_id)",
    # what the desk last showed for one account on one server (JSON, see client.snapshot)
    """CREATE TABLE IF NOT EXISTS snapshot (
        server_key VARCHAR(500) NOT NULL,
        username VARCHAR(200) NOT NULL,
        body TEXT NOT NULL,
        updated_at DATETIME NOT NULL,
        PRIMARY KEY (server_key, username))""",
)


def default_cache_path() -> Path:
    """``<user data dir>/AgentDesk/client-cache.sqlite3`` (platformdirs)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / CACHE_FILE


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _when(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    # files written by the earlier ORM layer kept no zone; we only ever store UTC
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class OutboxRecord:
    """One stored outbox row, as the outbox sees it."""

    id: int
    kind: str
    target_id: str
    payload: dict[str, Any]
    idempotency_key: str
    created_at: datetime
    attempts: int
    last_error: str | None


_OUTBOX_COLUMNS = "id, kind, target_id, payload, idempotency_key, created_at, attempts, last_error"


def _record(row: sqlite3.Row | tuple[Any, ...]) -> OutboxRecord:
    id_, kind, target_id, payload, key, created_at, attempts, last_error = row
    return OutboxRecord(
        id=int(id_),
        kind=kind,
        target_id=target_id,
        payload=json.loads(payload),
        idempotency_key=key,
        created_at=_when(created_at),
        attempts=int(attempts),
        last_error=last_error,
    )


class LocalCache:
    """The desktop's local SQLite; every method is a coroutine that runs on the cache thread."""

    def __init__(self, path: str | Path | None = None) -> None:
        """``path`` defaults to :func:`default_cache_path`; ``":memory:"`` for a scratch cache."""
        self.path: Path | None
        if path is None:
            path = default_cache_path()
        if str(path) == ":memory:":
            self.path = None
        else:
            self.path = Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="agentdesk-cache")
        self._db: sqlite3.Connection | None = None
        self._closed = False

    # ---- stream position --------------------------------------------------------------

    async def last_seq(self, server_url: str, agent_id: str) -> int:
        def work(db: sqlite3.Connection) -> int:
            row = db.execute(
                "SELECT last_seq FROM stream_position WHERE server_url = ? AND agent_id = ?",
                (server_url, agent_id),
            ).fetchone()
            return int(row[0]) if row is not None else 0

        return await self._run(work)

    async def set_last_seq(self, server_url: str, agent_id: str, seq: int) -> None:
        def work(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "INSERT INTO stream_position (server_url, agent_id, last_seq, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (server_url, agent_id) DO UPDATE "
                    "SET last_seq = excluded.last_seq, updated_at = excluded.updated_at",
                    (server_url, agent_id, seq, _now()),
                )

        await self._run(work)

    # ---- outbox -----------------------------------------------------------------------

    async def outbox_add(
        self,
        server_url: str,
        agent_id: str,
        *,
        kind: str,
        target_id: str,
        payload: dict[str, Any],
        idempotency_key: str,
    ) -> OutboxRecord:
        """Store a mutation (committed before this returns)."""

        def work(db: sqlite3.Connection) -> OutboxRecord:
            created = _now()
            body = json.dumps(payload)
            with db:
                cursor = db.execute(
                    "INSERT INTO outbox (server_url, agent_id, kind, target_id, payload, "
                    "idempotency_key, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                    (server_url, agent_id, kind, target_id, body, idempotency_key, created),
                )
            assert cursor.lastrowid is not None
            return _record(
                (cursor.lastrowid, kind, target_id, body, idempotency_key, created, 0, None)
            )

        return await self._run(work)

    async def outbox_pending(self, server_url: str, agent_id: str) -> list[OutboxRecord]:
        """Unacknowledged mutations of this agent on this server, oldest first."""

        def work(db: sqlite3.Connection) -> list[OutboxRecord]:
            rows = db.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM outbox "
                "WHERE server_url = ? AND agent_id = ? ORDER BY id",
                (server_url, agent_id),
            )
            return [_record(r) for r in rows]

        return await self._run(work)

    async def outbox_remove(self, entry_id: int) -> None:
        def work(db: sqlite3.Connection) -> None:
            with db:
                db.execute("DELETE FROM outbox WHERE id = ?", (entry_id,))

        await self._run(work)

    async def outbox_attempted(self, entry_id: int, error: str | None) -> None:
        """Count a failed delivery attempt and keep its reason."""

        def work(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                    (error, entry_id),
                )

        await self._run(work)

    # ---- the desk's last picture ------------------------------------------------------

    async def snapshot_save(self, server_key: str, username: str, body: str) -> None:
        def work(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "INSERT INTO snapshot (server_key, username, body, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (server_key, username) DO UPDATE "
                    "SET body = excluded.body, updated_at = excluded.updated_at",
                    (server_key, username, body, _now()),
                )

        await self._run(work)

    async def snapshot_load(self, server_key: str, username: str) -> str | None:
        def work(db: sqlite3.Connection) -> str | None:
            row = db.execute(
                "SELECT body FROM snapshot WHERE server_key = ? AND username = ?",
                (server_key, username),
            ).fetchone()
            return str(row[0]) if row is not None else None

        return await self._run(work)

    # ---- lifecycle --------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the database and stop the cache thread (idempotent)."""
        if self._closed:
            return
        self._closed = True
        future = self._executor.submit(self._dispose)
        await asyncio.wrap_future(future)
        self._executor.shutdown(wait=False)

    def _dispose(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # ---- plumbing ---------------------------------------------------------------------

    async def _run(self, work: Callable[[sqlite3.Connection], R]) -> R:
        if self._closed:
            raise RuntimeError("the local cache is closed")
        future = self._executor.submit(self._in_thread, work)
        return await asyncio.wrap_future(future)

    def _in_thread(self, work: Callable[[sqlite3.Connection], R]) -> R:
        if self._db is None:
            self._db = self._open()
        return work(self._db)

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            db = sqlite3.connect(":memory:")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path)
            db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives an application crash, which is what matters here.
        db.execute("PRAGMA synchronous=NORMAL")
        with db:
            for statement in SCHEMA:
                db.execute(statement)
        log.debug("local cache at %s", self.path or ":memory:")
        return db


class StreamPosition:
    """The stored stream position of one agent on one server (the stream's ``SeqStore``)."""

    def __init__(self, cache: LocalCache, server_url: str, agent_id: str) -> None:
        self._cache = cache
        self._server = server_url
        self._agent = agent_id

    async def load(self) -> int:
        return await self._cache.last_seq(self._server, self._agent)

    async def save(self, seq: int) -> None:
        await self._cache.set_last_seq(self._server, self._agent, seq)
