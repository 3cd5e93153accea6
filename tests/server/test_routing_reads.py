"""Routing's reads stay index look-ups as history grows (SQLite's own query plans)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from sqlalchemy.dialects import sqlite

from agentdesk.server.acd.router import _ARRIVAL_FLOOR, _FLOOR
from tests.conftest import LiveServer


def _plan(live_server: LiveServer, statement: object, params: dict[str, object]) -> str:
    compiled = statement.compile(dialect=sqlite.dialect())  # type: ignore[attr-defined]
    expanded = compiled.construct_expanded_state(params)
    args = [expanded.parameters[name] for name in expanded.positiontup]
    args = [v.replace(tzinfo=None) if isinstance(v, datetime) else v for v in args]
    path = live_server.settings.database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as db:
        plan = db.execute("EXPLAIN QUERY PLAN " + expanded.statement, args).fetchall()
    return " | ".join(str(row[-1]) for row in plan)


def test_ready_operators_loads_and_last_finish_are_index_searches(live_server: LiveServer) -> None:
    """Asked on every arrival and routing pass: what each ready operator holds and when they
    last finished a contact must not scan every contact ever stored."""
    since = datetime(2026, 1, 1, tzinfo=UTC)
    details = _plan(live_server, _FLOOR, {"wrap_up_since": since})
    assert "ix_interactions_wrapup_agent_closed" in details, details
    # by operator *and* status: not every contact the operator ever had
    assert "ix_interactions_agent_status (agent_id=? AND status=?)" in details, details
    assert "SCAN interactions" not in details, details
    arrival = {
        "wrap_up_since": since,
        "channel": "chat",
        "self": "int-new",
        "queue": "q-lario-chat",
        "priority": 0,
    }
    details = _plan(live_server, _ARRIVAL_FLOOR, arrival)
    assert "SCAN interactions" not in details, details
