"""How the server's SQLite file is kept: checkpoints off the loop, reads that take turns."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from agentdesk.server.db import Database, database


def _frames_in_log(path: Path) -> int:
    """How many frames the write-ahead log has grown to (from its size: asking SQLite would
    checkpoint it)."""
    wal = path.with_name(path.name + "-wal")
    with sqlite3.connect(path) as db:
        page = int(db.execute("PRAGMA page_size").fetchone()[0])
    return (wal.stat().st_size - 32) // (page + 24) if wal.exists() else 0


async def test_the_log_is_checkpointed_though_commits_never_do_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commits leave checkpoints to a thread of their own: the log is still copied into the
    database and starts over, instead of growing with every commit."""
    monkeypatch.setattr(database, "CHECKPOINT_EVERY", 5)
    path = tmp_path / "upkeep.sqlite3"
    db = Database(f"sqlite+aiosqlite:///{path}")
    try:
        async with db.write() as session:
            await session.execute(text("CREATE TABLE notes (n INTEGER, body TEXT)"))
        for n in range(60):
            async with db.write() as session:
                await session.execute(
                    text("INSERT INTO notes VALUES (:n, :body)"), {"n": n, "body": "x" * 3000}
                )
            await asyncio.sleep(0.01)  # the checkpoint thread runs meanwhile
        async with db.read() as session:
            autocheckpoint = (await session.execute(text("PRAGMA wal_autocheckpoint"))).scalar()
            count = (await session.execute(text("SELECT count(*) FROM notes"))).scalar()
        frames = _frames_in_log(path)
    finally:
        await db.dispose()
    assert autocheckpoint == 0
    assert count == 60
    # Sixty commits of a page or more each, yet the log was restarted along the way.
    assert 0 < frames < 60
    with sqlite3.connect(path) as plain:  # and the database holds every row
        assert plain.execute("SELECT count(*) FROM notes").fetchone()[0] == 60


async def test_reads_take_turns_and_writes_run_straight(tmp_path: Path) -> None:
    """A read's statement lets a task that is ready run first; a write's does not."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'turns.sqlite3'}")
    try:
        async with db.write() as session:
            await session.execute(text("CREATE TABLE t (n INTEGER)"))
        order: list[str] = []

        async def other() -> None:
            order.append("other task")

        async with db.read() as session:
            task = asyncio.create_task(other())
            await session.execute(text("SELECT count(*) FROM t"))
            order.append("read statement")
            await task
        async with db.write() as session:
            task = asyncio.create_task(other())
            await session.execute(text("INSERT INTO t VALUES (1)"))
            order.append("write statement")
            await task
    finally:
        await db.dispose()
    assert order == ["other task", "read statement", "write statement", "other task"]
