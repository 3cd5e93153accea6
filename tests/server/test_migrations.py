"""Upgrades keep data: the schema changes only through migrations, on SQLite and PostgreSQL.

A database frozen at the first migration, filled through the API
(``tests/data/migrations/0001.*``, made by ``tests.server.migration_fixture``), is upgraded
to head by the server on start; everything the API wrote is still there and served. The
models and the migrations must agree (what ``alembic check`` asserts), or this fails.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from agentdesk.server.db import Database, schema
from tests.conftest import ServerFactory
from tests.server.helpers import operator

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "migrations"
SUMMARY: dict[str, Any] = json.loads((FIXTURES / "0001.json").read_text())


def _load_fixture(path: Path) -> None:
    con = sqlite3.connect(path)
    with gzip.open(FIXTURES / "0001.sql.gz", "rt", encoding="utf-8") as dump:
        con.executescript(dump.read())
    con.close()


async def _differences(url: str) -> list[Any]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(schema.differences)
    finally:
        await engine.dispose()


async def _revision(url: str) -> str | None:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(schema.current)
    finally:
        await engine.dispose()


async def _what_the_api_wrote_is_served(server: Any) -> None:
    async with operator(server, "mario") as mario:
        iid = SUMMARY["interaction_id"]
        detail = (await mario.http.get(f"/customers/{SUMMARY['customer_id']}/timeline")).json()
        mine = [i for i in detail["items"] if i.get("interaction_id") == iid]
        assert mine and mine[0]["summary"] == SUMMARY["wrapup_notes"]
        assert any(i.get("summary") == SUMMARY["note"] for i in detail["items"])


def _aware(row: Any) -> dict[str, Any]:
    """A SQLite row as PostgreSQL takes it: its naive UTC times made aware."""
    return {
        k: v.replace(tzinfo=UTC) if isinstance(v, datetime) and v.tzinfo is None else v
        for k, v in row.items()
    }


def _counts(sync_url: str) -> dict[str, int]:
    engine = create_engine(sync_url)
    try:
        with engine.connect() as conn:
            return {
                t: conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one()
                for t in SUMMARY["counts"]
                if t != "alembic_version"
            }
    finally:
        engine.dispose()


async def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
    db = Database(url)
    await db.migrate()
    await db.migrate()  # a second start finds nothing to do
    await db.dispose()
    assert await _revision(url) == schema.head()
    assert await _differences(url) == []


async def test_a_database_at_the_first_migration_upgrades_without_loss(
    tmp_path: Path, server_factory: ServerFactory
) -> None:
    path = tmp_path / "old.sqlite3"
    _load_fixture(path)
    url = f"sqlite+aiosqlite:///{path}"
    assert await _revision(url) == "0001"

    server = server_factory(database_url=url)  # upgrades to head on start
    assert await _revision(url) == schema.head()
    assert await _differences(url) == []
    await _what_the_api_wrote_is_served(server)
    server.stop()

    after = _counts(f"sqlite:///{path}")
    for table, before in SUMMARY["counts"].items():
        # Nothing lost (a newer demo seed may add its own rows, sign-ins add tokens).
        if table != "alembic_version":
            assert after[table] >= before, table
    con = sqlite3.connect(path)
    texts = [
        r[0]
        for r in con.execute(
            "SELECT text FROM messages WHERE interaction_id = ? ORDER BY pk",
            (SUMMARY["interaction_id"],),
        )
    ]
    con.close()
    assert texts == SUMMARY["transcript"]


async def test_a_database_made_before_migrations_is_adopted(tmp_path: Path) -> None:
    """An embedded user's file from before Alembic: stamped at the baseline, then upgraded."""
    path = tmp_path / "legacy.sqlite3"
    _load_fixture(path)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE alembic_version")
    con.commit()
    con.close()
    url = f"sqlite+aiosqlite:///{path}"
    db = Database(url)
    await db.migrate()
    await db.dispose()
    assert await _revision(url) == schema.head()
    assert _counts(f"sqlite:///{path}")["messages"] == SUMMARY["counts"]["messages"]


@pytest.mark.postgres
async def test_postgresql_upgrades_from_the_first_migration_without_loss(
    pg_database: str, tmp_path: Path, server_factory: ServerFactory
) -> None:
    # The same rows, written at revision 0001 through the API, moved into PostgreSQL at 0001.
    path = tmp_path / "old.sqlite3"
    _load_fixture(path)
    db = Database(pg_database)
    await db.migrate("0001")
    await db.dispose()
    source = create_engine(f"sqlite:///{path}")
    target = create_async_engine(pg_database)
    old = MetaData()
    with source.connect() as conn:
        old.reflect(conn)
        rows = {
            t.name: [_aware(r._mapping) for r in conn.execute(select(t))] for t in old.sorted_tables
        }
    source.dispose()
    at_first = MetaData()  # the tables as the first migration made them in PostgreSQL
    async with target.begin() as conn:
        await conn.run_sync(at_first.reflect)
        for table in at_first.sorted_tables:
            if rows.get(table.name) and table.name != "alembic_version":
                await conn.execute(table.insert(), rows[table.name])
    await target.dispose()

    server = server_factory(database_url=pg_database)
    assert await _revision(pg_database) == schema.head()
    assert await _differences(pg_database) == []
    await _what_the_api_wrote_is_served(server)
    server.stop()


def test_the_migrate_command_and_a_server_that_refuses_an_old_schema(tmp_path: Path) -> None:
    from agentdesk.server import cli
    from agentdesk.server.config import ServerSettings
    from agentdesk.server.embedded import EmbeddedServer

    path = tmp_path / "old.sqlite3"
    _load_fixture(path)
    url = f"sqlite+aiosqlite:///{path}"
    # A shared database is upgraded by command, not by whichever server starts first.
    if schema.head() != "0001":
        refused = EmbeddedServer(ServerSettings(database_url=url, migrate_on_start=False))
        with pytest.raises(RuntimeError):
            refused.start()
    assert cli.main(["migrate", "--database", url]) == 0
    server = EmbeddedServer(ServerSettings(database_url=url, migrate_on_start=False))
    server.start()
    server.stop()
    empty = EmbeddedServer(
        ServerSettings(
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}", migrate_on_start=False
        )
    )
    with pytest.raises(RuntimeError):
        empty.start()


def test_the_cheap_head_read_at_start_is_alembics_head() -> None:
    # A start skips Alembic when alembic_version equals shipped_head(): if the two ever
    # disagreed, a database behind head would start without its upgrade.
    assert schema.shipped_head() == schema.head()


async def test_a_database_behind_head_is_still_upgraded_by_a_start(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'behind.sqlite3'}"
    db = Database(url)
    await db.migrate("0001")
    await db.migrate()  # the shortcut must not take a database at 0001 for one at head
    await db.dispose()
    assert await _revision(url) == schema.head()
    assert await _differences(url) == []
