"""SQLite for SQLAlchemy's asyncio engine without a thread hop per call.

aiosqlite runs every cursor call on a worker thread and hands the result back to the event
loop: three or four thread round trips per statement (about 1 ms on a loaded 2-core
machine), which dominated the time from a customer's chat to the operator's offer. SQLite
is an in-process library answering a small indexed query in tens of microseconds, and the
server writes through one connection at a time (``Database.write``), so here the calls run
on the event loop itself: the same ``sqlite3`` module and transaction semantics, presented
with aiosqlite's coroutine surface so SQLAlchemy's ``sqlite+aiosqlite`` dialect drives it.

The price is that a statement blocks the loop while it runs. That is right for the short
statements of a contact's life; long reports must not run on this engine's loop.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

#: Whether the current task's statements first give the loop a turn (see :func:`taking_turns`);
#: None: not said (run at once).
_TAKE_TURNS: ContextVar[bool | None] = ContextVar("inline_sqlite_take_turns", default=None)


@contextmanager
def taking_turns(on: bool = True, *, unless_said: bool = False) -> Iterator[None]:
    """Within this block, the current task's statements each let the event loop run what is
    ready first (``on``), or run at once (``on=False``). ``unless_said``: only when no
    enclosing block has said either.

    Reads take turns: a background job's reads (queue statistics, the team board and the
    scores) then never hold the loop longer than one statement and its rows (or one batch
    of a streamed read), and a customer's chat arriving meanwhile is served between two of
    them. A write transaction runs straight through: it holds the single writer's lock, and
    the path from a chat to its offer must not wait behind anyone's reads. So does the
    router (its offers are on that path too)."""
    if unless_said and _TAKE_TURNS.get() is not None:
        yield
        return
    token = _TAKE_TURNS.set(on)
    try:
        yield
    finally:
        _TAKE_TURNS.reset(token)


class InlineCursor:
    """aiosqlite's Cursor surface over a ``sqlite3.Cursor``."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        if _TAKE_TURNS.get():
            await asyncio.sleep(0)
        if parameters is None:
            self._cursor.execute(sql)
        else:
            self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> InlineCursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        if _TAKE_TURNS.get():  # a streamed read takes turns between its batches
            await asyncio.sleep(0)
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _ImmediateQueue:
    """Stands in for aiosqlite's job queue, which SQLAlchemy uses to set isolation levels:
    the job runs at once and its future is resolved."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as exc:  # handed to the awaiting caller
            future.set_exception(exc)


class InlineConnection:
    """aiosqlite's Connection surface over a ``sqlite3.Connection``, run on the caller."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection
        self._connection: sqlite3.Connection | None = connection
        self._tx = _ImmediateQueue()

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._conn.cursor())

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        return await self.cursor().execute(sql, parameters)

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    def stop(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: Any) -> None:
        self._conn.isolation_level = value


def creator(database: str, timeout: float) -> Callable[[], Any]:
    """An ``async_creator`` for ``create_async_engine`` opening ``database`` inline."""

    async def connect() -> InlineConnection:
        # The pool may close a connection from another thread at disposal.
        raw = sqlite3.connect(database, timeout=timeout, check_same_thread=False)
        return InlineConnection(raw)

    return connect
