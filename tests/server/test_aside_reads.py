"""Long background reads run beside the request loop, not on it."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.aside import AsideReader
from agentdesk.server.db.database import Database

#: A read SQLite needs a while for (a recursive count to a few million).
SLOW = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
    "SELECT count(*) FROM n"
)


async def test_a_long_read_aside_does_not_hold_up_the_request_loop(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'aside.sqlite3'}"
    db = Database(url)
    async with db.write() as session:
        await session.execute(text("CREATE TABLE t (x INTEGER)"))
        await session.execute(text("INSERT INTO t VALUES (41)"))
    aside = AsideReader(url, db)
    aside.start()
    try:
        assert aside.separate
        order: list[str] = []
        where: list[str] = []

        async def slow(session: AsyncSession) -> int:
            where.append(threading.current_thread().name)
            n = int((await session.execute(text(SLOW))).scalar_one())
            order.append("report")
            return n

        async def request() -> None:
            await asyncio.sleep(0.05)  # the report has started
            for _ in range(5):
                async with db.write() as session:
                    await session.execute(text("UPDATE t SET x = x + 1"))
            order.append("requests")

        report, _ = await asyncio.gather(aside.run(slow), request())
        assert report == 3_000_000
        assert where == ["agentdesk-aside-reads"]
        # the writes committed on the request loop while the report was still reading
        assert order == ["requests", "report"]
        # and the worker reads what the request loop committed
        assert await aside.run(_value) == 46
    finally:
        await aside.close()
        await db.dispose()
    assert not aside.separate


async def _value(session: AsyncSession) -> int:
    return int((await session.execute(text("SELECT x FROM t"))).scalar_one())


async def test_an_in_memory_database_is_read_on_the_request_loop() -> None:
    db = Database("sqlite+aiosqlite:///:memory:")
    aside = AsideReader("sqlite+aiosqlite:///:memory:", db)
    aside.start()
    try:
        assert not aside.separate
        where = await aside.run(lambda _s: _thread_name())
        assert where == threading.current_thread().name
    finally:
        await aside.close()
        await db.dispose()


async def _thread_name() -> str:
    return threading.current_thread().name


async def test_the_write_ahead_log_is_copied_back_by_the_worker_not_by_a_commit(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wal.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    db = Database(url, checkpoints_aside=True)
    async with db.write() as session:
        await session.execute(text("CREATE TABLE blobs (b BLOB)"))
    for _ in range(8):  # 8 MB in 2,000 pages: past SQLite's automatic checkpoint
        async with db.write() as session:
            await session.execute(text("INSERT INTO blobs VALUES (randomblob(1048576))"))
    # no commit copied the log back: the pages are only in the write-ahead log
    assert size(path) < 1_000_000
    assert size(path.with_name(path.name + "-wal")) > 8_000_000
    aside = AsideReader(url, db)
    aside.start()
    try:
        for _ in range(100):
            if size(path) > 8_000_000:
                break
            await asyncio.sleep(0.1)
        assert size(path) > 8_000_000, "the worker never checkpointed"
    finally:
        await aside.close()
        await db.dispose()


def size(path: Path) -> int:
    return os.path.getsize(path)
