"""Reports read from the window's indexes agree with a straightforward pass over everything.

:func:`build_report` and the leaderboard take an operator's, a squad's, a client's or a queue's
cells and survey summaries from indexes the window builds once (a month of a large centre has
hundreds of operators: scanning every cell and answer per report made the whole quadratic).
Here a small random centre, with surveys and a presence log, is written to a real database and
every scope's figures are held to a plain filter over all cells and answers, summed in the
window's order, to the last digit. The contacts' text and times take each backend's bulk path,
and the general path when a value does not fit it (a time stored without microseconds on
SQLite, a text holding PostgreSQL's separator or missing-mark): the figures are the same.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import insert, text

from agentdesk.domain.kpis import KpiTotals
from agentdesk.domain.surveys import Answer, SurveyType, summarize
from agentdesk.protocol.people import KpiReport, Period, Scope
from agentdesk.server.db.database import Database
from agentdesk.server.db.models import SurveyRow
from agentdesk.server.db.people_models import SeasonRow, StateLogRow
from agentdesk.server.people.competition import leaderboard
from agentdesk.server.people.reports import NPS_KINDS, Selection, build_report
from agentdesk.server.people.window import Window, load_window
from tests.server.conftest import pg_database  # noqa: F401  (the PostgreSQL fixture)
from tests.server.test_kpi_aggregates import AGENTS, NOW, QUEUES, SINCE, UNTIL, _fill, _month

KINDS = (SurveyType.CSAT, SurveyType.CES, *NPS_KINDS)
SCALE = {SurveyType.CSAT: (1, 5), SurveyType.CES: (1, 7)}


def _extras(rows: list[dict[str, Any]], rng: random.Random) -> dict[Any, list[dict[str, Any]]]:
    surveys = [
        {"id": f"s{n}", "customer_id": r["customer_id"], "interaction_id": r["id"],
         "type": kind.value, "score": rng.randint(*SCALE.get(kind, (0, 10))), "comment": "",
         "created_at": r["wrapup_at"]}
        for n, r in enumerate(rows)
        if r["status"] == "closed" and r["customer_id"] and r["wrapup_at"] < UNTIL
        and rng.random() < 0.4
        for kind in [rng.choice(KINDS)]
    ]  # fmt: skip
    states = [
        {"agent_id": a, "state": state, "started_at": SINCE + timedelta(days=d, hours=h)}
        for a in AGENTS
        for d in range(10)
        for h, state in ((8, "ready"), (12, "not_ready"), (13, rng.choice(("ready", "break"))),
                         (17, "offline"))
    ]  # fmt: skip
    season = {"id": "s1", "name": "S", "starts_at": SINCE, "ends_at": UNTIL,
              "weights": {"quality": 0.7, "quantity": 0.3}, "winner_team_id": None}  # fmt: skip
    return {SurveyRow: surveys, StateLogRow: states, SeasonRow: [season]}


async def _centre(url: str, odd: str = "") -> Database:
    db = Database(url)
    await db.migrate()
    rng = random.Random(11)
    rows, adherence = _month(rng)
    # texts that PostgreSQL's joined columns cannot carry as they are
    if odd == "separator":
        for r in rows[::7]:
            if r["customer_id"]:
                r["customer_id"] += "\x1f"
    elif odd == "mark":  # a topic that is the missing-mark: not an unknown topic
        for r in rows[3::5]:
            r["disposition"] = "\x1e"
    await _fill(db, rows, adherence)
    async with db.engine.begin() as conn:
        for model, values in _extras(rows, rng).items():
            await conn.execute(insert(model), values)
    return db


def _plain_totals(w: Window, sel: Selection) -> KpiTotals:
    if sel.agent_ids is not None:
        cells = [c for c in w.cells if c.agent_id in sel.agent_ids]
    elif sel.client_id is not None:
        queues = {q.id for q in w.queues.values() if q.client_id == sel.client_id}
        cells = [c for c in w.cells if c.queue_id in queues]
    else:
        cells = [c for c in w.cells if c.queue_id == sel.queue_id]
    out = KpiTotals()
    for c in cells:
        out.merge(c.totals)
    return out


def _plain_answers(w: Window, sel: Selection, kind: SurveyType) -> list[Answer]:
    if sel.agent_ids is not None:
        facts = [f for a in sorted(sel.agent_ids) for f in w.surveys if f.agent_id == a]
    elif sel.client_id is not None:
        facts = [f for f in w.surveys if f.client_id == sel.client_id]
    else:
        facts = [f for f in w.surveys if f.queue_id == sel.queue_id]
    return [Answer(f.type, f.score) for f in facts if f.type is kind]


def _held_to_plain(w: Window, sel: Selection, got: KpiReport) -> None:
    totals = _plain_totals(w, sel)
    assert got.handled == totals.handled_total
    assert got.handled_by_channel == dict(totals.handled)
    assert (got.aht_s, got.wrapup_s, got.asa_s) == (totals.aht_s, totals.wrapup_mean_s,
                                                    totals.asa_s)  # fmt: skip
    assert (got.fcr, got.transfer_rate, got.script_adherence) == (
        totals.fcr,
        totals.transfer_rate,
        totals.adherence,
    )
    csat = summarize(SurveyType.CSAT, _plain_answers(w, sel, SurveyType.CSAT))
    ces = summarize(SurveyType.CES, _plain_answers(w, sel, SurveyType.CES))
    assert (got.csat, got.csat_responses, got.ces) == (csat.satisfied_share, csat.responses,
                                                       ces.mean)  # fmt: skip
    for figures in got.nps:
        s = summarize(figures.type, _plain_answers(w, sel, figures.type))
        assert (figures.responses, figures.promoters, figures.detractors, figures.nps) == (
            s.responses,
            s.promoters,
            s.detractors,
            s.nps,
        )


def _selections(w: Window) -> list[Selection]:
    return [
        *(Selection(Scope.OPERATOR, a, agent_ids=frozenset({a})) for a in [*AGENTS, "nobody"]),
        Selection(Scope.SQUAD, "t", agent_ids=frozenset(AGENTS[:4])),
        Selection(Scope.SQUAD, "u", agent_ids=frozenset({AGENTS[5], AGENTS[1], "nobody"})),
        *(Selection(Scope.QUEUE, q, queue_id=q) for q in [*QUEUES, "none"]),
        *(Selection(Scope.CLIENT, c, client_id=c) for c in ("x", "y", "none")),
    ]


async def _reports(db: Database) -> tuple[Window, list[KpiReport], dict[str, Any]]:
    async with db.read() as session:
        w = await load_window(session, SINCE, UNTIL, NOW, 20.0)
        reports = [build_report(w, sel, Period.MONTH) for sel in _selections(w)]
        season = await session.get(SeasonRow, "s1")
        assert season is not None
        board = await leaderboard(session, season, w)
    return w, reports, {e.agent_id: e.lines for e in board.individuals}


async def _paths_agree(url: str) -> None:
    db = await _centre(url)
    try:
        w, reports, board = await _reports(db)
    finally:
        await db.dispose()
    assert sum(r.handled for r in reports[: len(AGENTS)]) > 500
    assert sum(r.csat_responses for r in reports[: len(AGENTS)]) > 20
    for sel, got in zip(_selections(w), reports, strict=True):
        _held_to_plain(w, sel, got)
    for agent, lines in board.items():  # the leaderboard's CSAT and NPS: the same summaries
        values = {line.name: line.value for line in lines}
        csat = summarize(SurveyType.CSAT, _plain_answers(
            w, Selection(Scope.OPERATOR, agent, agent_ids=frozenset({agent})), SurveyType.CSAT
        ))  # fmt: skip
        assert values["csat"] == csat.satisfied_share


async def test_reports_from_indexes_agree_with_a_plain_pass_on_sqlite(tmp_path: Any) -> None:
    await _paths_agree(f"sqlite+aiosqlite:///{tmp_path / 'kpi.sqlite3'}")


@pytest.mark.postgres
async def test_reports_from_indexes_agree_with_a_plain_pass_on_postgresql(
    pg_database: str,  # noqa: F811
) -> None:
    await _paths_agree(pg_database)


async def test_a_time_stored_in_another_shape_gives_the_same_figures(tmp_path: Any) -> None:
    """SQLite: times written without microseconds (as another writer may) are read the
    general way; the figures are those of the same times written in full."""
    db = await _centre(f"sqlite+aiosqlite:///{tmp_path / 'kpi.sqlite3'}")
    try:
        async with db.engine.begin() as conn:  # whole seconds, written both ways
            for column in ("created_at", "queued_at", "accepted_at", "ended_at", "wrapup_at"):
                await conn.execute(text(
                    f"UPDATE interactions SET {column} = substr({column}, 1, 19) || '.000000'"
                    f" WHERE {column} IS NOT NULL"
                ))  # fmt: skip
        _, full, _ = await _reports(db)
        async with db.engine.begin() as conn:
            await conn.execute(text(
                "UPDATE interactions SET accepted_at = substr(accepted_at, 1, 19)"
                " WHERE accepted_at IS NOT NULL AND rowid % 5 = 0"
            ))  # fmt: skip
        _, short, _ = await _reports(db)
    finally:
        await db.dispose()
    assert [r.model_dump() for r in short] == [r.model_dump() for r in full]


@pytest.mark.postgres
@pytest.mark.parametrize("odd", ["separator", "mark"])
async def test_texts_postgresql_cannot_join_give_the_same_figures(
    tmp_path: Any,
    pg_database: str,  # noqa: F811
    odd: str,
) -> None:
    """Customer ids holding the separator, or topics that are the missing-mark: PostgreSQL
    reads those statements as arrays, and every figure is SQLite's."""
    figures = []
    for url in (f"sqlite+aiosqlite:///{tmp_path / 'kpi.sqlite3'}", pg_database):
        db = await _centre(url, odd=odd)
        try:
            figures.append([r.model_dump() for r in (await _reports(db))[1]])
        finally:
            await db.dispose()
    sqlite, postgresql = figures
    assert _close(postgresql, sqlite)


def _close(a: Any, b: Any) -> bool:
    """Equal, floats to 12 digits (the backends add the same numbers in another order)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == pytest.approx(b, rel=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
