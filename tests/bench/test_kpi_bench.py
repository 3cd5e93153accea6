"""KPI recomputation for a month of a 200-operator centre (~300,000 interactions).

The month is written to a real, migrated SQLite database (and to PostgreSQL when
``AGENTDESK_TEST_POSTGRES_URL`` is set); the timed part is what the server does for it: load
the window (:func:`load_window`) and report the centre, each client, every queue, a squad,
each operator, and the season's leaderboard. Peak memory is measured in a second run under
``tracemalloc``. Baseline, same run, same database: one bare query reading the month's
contacts as plain tuples (what any computation over the rows must at least pay). Run on
purpose: ``python -m pytest tests/bench/test_kpi_bench.py -s -o addopts=""``.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import select, text

from agentdesk.protocol.people import Period, Scope
from agentdesk.server.db.database import Database
from agentdesk.server.db.models import InteractionRow
from agentdesk.server.db.people_models import SeasonRow
from agentdesk.server.people.competition import leaderboard
from agentdesk.server.people.reports import Selection, build_report
from agentdesk.server.people.window import load_window
from tests.bench.kpi_centre import (
    CLIENTS,
    OPERATORS,
    SINCE,
    SQUAD_SIZE,
    UNTIL,
    build_centre,
)
from tests.conftest import ServerFactory
from tests.server.conftest import pg_database  # noqa: F401  (the PostgreSQL fixture)
from tests.server.helpers import operator, stream


async def _recompute(db: Database) -> int:
    """The server's work for the month: one window, then every scope's report."""
    reports = 0
    async with db.read() as session:
        w = await load_window(session, SINCE, UNTIL, UNTIL, 20.0)
        for client in CLIENTS:
            build_report(w, Selection(Scope.CLIENT, client, client_id=client), Period.MONTH)
            reports += 1
        for queue in w.queues:
            build_report(w, Selection(Scope.QUEUE, queue, queue_id=queue), Period.MONTH)
            reports += 1
        squad = frozenset(f"a{n}" for n in range(SQUAD_SIZE))
        build_report(w, Selection(Scope.SQUAD, "t0", agent_ids=squad), Period.MONTH)
        for n in range(OPERATORS):
            a = frozenset({f"a{n}"})
            build_report(w, Selection(Scope.OPERATOR, f"a{n}", agent_ids=a), Period.MONTH)
        reports += 1 + OPERATORS
        season = await session.get(SeasonRow, "s1")
        assert season is not None
        board = await leaderboard(session, season, w)
        assert len(board.individuals) == OPERATORS
    return reports


async def _bare_read(db: Database) -> int:
    ir = InteractionRow
    async with db.read() as session:
        conn = await session.connection()
        rows = await conn.execute(
            select(ir.agent_id, ir.queue_id, ir.status, ir.customer_id, ir.disposition,
                   ir.mood).where(ir.queued_at >= SINCE, ir.queued_at < UNTIL)
        )  # fmt: skip
        return sum(1 for _ in rows)


async def _measure(url: str, label: str) -> None:
    db = Database(url)
    try:
        await db.migrate()
        start = time.perf_counter()
        await build_centre(db)
        built = time.perf_counter() - start
        async with db.read() as session:
            count = (await session.execute(text("SELECT count(*) FROM interactions"))).scalar()
        bare, full = [], []
        for _ in range(3):
            start = time.perf_counter()
            assert await _bare_read(db) == count
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            reports = await _recompute(db)
            full.append(time.perf_counter() - start)
        tracemalloc.start()
        await _recompute(db)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        await db.dispose()
    print(
        f"\nKPI recomputation on {label}, {count:,} interactions, {OPERATORS} operators, "
        f"{reports} reports + the season leaderboard: median {statistics.median(full):.2f} s "
        f"(runs {', '.join(f'{x:.2f}' for x in full)}; goal < 5 s), peak memory "
        f"{peak / 1e6:.1f} MB; baseline bare read of the month's rows as tuples "
        f"{statistics.median(bare):.2f} s (database filled in {built:.0f} s)"
    )


@pytest.mark.timeout(1800)
async def test_month_of_a_200_operator_centre_on_sqlite(tmp_path: Path) -> None:
    await _measure(f"sqlite+aiosqlite:///{tmp_path / 'centre.sqlite3'}", "SQLite")


@pytest.mark.timeout(1800)
async def test_month_of_a_200_operator_centre_on_postgresql(pg_database: str) -> None:  # noqa: F811
    await _measure(pg_database, "PostgreSQL")


@pytest.mark.timeout(300)
async def test_board_update_latency_from_a_state_change(server_factory: ServerFactory) -> None:
    """Time from mario's state change to the team leader's ``team.live`` showing it, against
    the same change reaching mario's own stream (a bare event delivery) in the same run."""
    server = server_factory()
    board: list[float] = []
    bare: list[float] = []
    async with operator(server, "luca") as luca, operator(server, "mario") as mario:
        await luca.ready()
        async with stream(server, luca.token) as ls, stream(server, mario.token) as ms:
            await ls.event("team.live")
            for n in range(10):
                target, reason = ("not_ready", "break") if n % 2 == 0 else ("ready", None)
                start = time.perf_counter()
                await mario.set_state(target, reason)
                await ms.event("agent.state")
                bare.append(time.perf_counter() - start)
                while True:
                    ev = await ls.event("team.live", within=10)
                    states = {m["agent_id"]: m["state"]["state"] for m in ev["data"]["members"]}
                    if states["a-mario"] == target:
                        break
                board.append(time.perf_counter() - start)
    print(
        f"\nboard update latency (state change -> team.live): median "
        f"{statistics.median(board) * 1000:.0f} ms, max {max(board) * 1000:.0f} ms; "
        f"baseline own agent.state event median {statistics.median(bare) * 1000:.0f} ms"
    )
