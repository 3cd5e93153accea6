"""Routing's reads stay index look-ups as history grows (SQLite's own query plans)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.dialects import sqlite

from agentdesk.server.acd.router import _LAST_FREED
from tests.conftest import LiveServer


def test_when_operators_last_finished_is_an_index_search(live_server: LiveServer) -> None:
    """Asked on every arrival and routing pass: it must not scan every contact ever stored."""
    statement = _LAST_FREED.params(agents=["a-mario", "a-anna"])
    sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    path = live_server.settings.database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as db:
        plan = db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    details = " | ".join(str(row[-1]) for row in plan)
    assert "ix_interactions_wrapup_agent_closed" in details, details
    assert "SCAN interactions" not in details, details
