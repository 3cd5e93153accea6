"""``LocalCache``: the desktop's own SQLite (SQLAlchemy 2): stream positions, the outbox, and
the last known picture of the desk (shown at start-up while live data loads).

All database work runs on one worker thread owned by the cache, so SQLite sees a single
writer and the event loop (the GUI thread under qasync) never waits on the disk.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from sqlalchemy import (
    DateTime,
    Engine,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    select,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

log = logging.getLogger(__name__)

R = TypeVar("R")

APP_NAME = "AgentDesk"
CACHE_FILE = "client-cache.sqlite3"


def default_cache_path() -> Path:
    """``<user data dir>/AgentDesk/client-cache.sqlite3`` (platformdirs)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / CACHE_FILE


class _Base(DeclarativeBase):
    pass


class _StreamPosition(_Base):
    """The last event ``seq`` applied for one agent on one server."""

    __tablename__ = "stream_position"

    server_url: Mapped[str] = mapped_column(String(500), primary_key=True)
    agent_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class _OutboxRow(_Base):
    """A mutation not yet acknowledged by the server."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    server_url: Mapped[str] = mapped_column(String(500), index=True)
    agent_id: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)  # JSON object
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class _Snapshot(_Base):
    """What the desk last showed for one account on one server (JSON, see client.snapshot)."""

    __tablename__ = "snapshot"

    server_key: Mapped[str] = mapped_column(String(500), primary_key=True)
    username: Mapped[str] = mapped_column(String(200), primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


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


def _record(row: _OutboxRow) -> OutboxRecord:
    created = row.created_at
    if created.tzinfo is None:  # SQLite drops the zone; we only ever store UTC
        created = created.replace(tzinfo=UTC)
    return OutboxRecord(
        id=row.id,
        kind=row.kind,
        target_id=row.target_id,
        payload=json.loads(row.payload),
        idempotency_key=row.idempotency_key,
        created_at=created,
        attempts=row.attempts,
        last_error=row.last_error,
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
        self._engine: Engine | None = None
        self._closed = False

    # ---- stream position --------------------------------------------------------------

    async def last_seq(self, server_url: str, agent_id: str) -> int:
        def work(db: Session) -> int:
            row = db.get(_StreamPosition, (server_url, agent_id))
            return row.last_seq if row is not None else 0

        return await self._run(work)

    async def set_last_seq(self, server_url: str, agent_id: str, seq: int) -> None:
        def work(db: Session) -> None:
            row = db.get(_StreamPosition, (server_url, agent_id))
            now = datetime.now(UTC)
            if row is None:
                db.add(
                    _StreamPosition(
                        server_url=server_url, agent_id=agent_id, last_seq=seq, updated_at=now
                    )
                )
            else:
                row.last_seq = seq
                row.updated_at = now
            db.commit()

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

        def work(db: Session) -> OutboxRecord:
            row = _OutboxRow(
                server_url=server_url,
                agent_id=agent_id,
                kind=kind,
                target_id=target_id,
                payload=json.dumps(payload),
                idempotency_key=idempotency_key,
                created_at=datetime.now(UTC),
                attempts=0,
            )
            db.add(row)
            db.commit()
            return _record(row)

        return await self._run(work)

    async def outbox_pending(self, server_url: str, agent_id: str) -> list[OutboxRecord]:
        """Unacknowledged mutations of this agent on this server, oldest first."""

        def work(db: Session) -> list[OutboxRecord]:
            rows = db.scalars(
                select(_OutboxRow)
                .where(_OutboxRow.server_url == server_url, _OutboxRow.agent_id == agent_id)
                .order_by(_OutboxRow.id)
            )
            return [_record(r) for r in rows]

        return await self._run(work)

    async def outbox_remove(self, entry_id: int) -> None:
        def work(db: Session) -> None:
            db.execute(delete(_OutboxRow).where(_OutboxRow.id == entry_id))
            db.commit()

        await self._run(work)

    async def outbox_attempted(self, entry_id: int, error: str | None) -> None:
        """Count a failed delivery attempt and keep its reason."""

        def work(db: Session) -> None:
            db.execute(
                update(_OutboxRow)
                .where(_OutboxRow.id == entry_id)
                .values(attempts=_OutboxRow.attempts + 1, last_error=error)
            )
            db.commit()

        await self._run(work)

    # ---- the desk's last picture ------------------------------------------------------

    async def snapshot_save(self, server_key: str, username: str, body: str) -> None:
        def work(db: Session) -> None:
            db.merge(
                _Snapshot(
                    server_key=server_key,
                    username=username,
                    body=body,
                    updated_at=datetime.now(UTC),
                )
            )
            db.commit()

        await self._run(work)

    async def snapshot_load(self, server_key: str, username: str) -> str | None:
        def work(db: Session) -> str | None:
            row = db.get(_Snapshot, (server_key, username))
            return row.body if row is not None else None

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
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # ---- plumbing ---------------------------------------------------------------------

    async def _run(self, work: Callable[[Session], R]) -> R:
        if self._closed:
            raise RuntimeError("the local cache is closed")
        future = self._executor.submit(self._in_thread, work)
        return await asyncio.wrap_future(future)

    def _in_thread(self, work: Callable[[Session], R]) -> R:
        with Session(self._engine_or_open(), expire_on_commit=False) as db:
            return work(db)

    def _engine_or_open(self) -> Engine:
        if self._engine is None:
            self._engine = self._open()
        return self._engine

    def _open(self) -> Engine:
        if self.path is None:
            url = "sqlite://"
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{self.path}"
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            if self.path is not None:
                cursor.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives an application crash, which is what matters here.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        _Base.metadata.create_all(engine)
        log.debug("local cache at %s", self.path or ":memory:")
        return engine


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
