"""Each operator's season score and rank, for reports that show them beside other periods.

An operator's day (``/kpis/me?period=today``) shows their season score and rank; the rank needs
everyone's score, i.e. the whole season's contacts. Asked every few seconds by every desktop,
that would reload the season each time. The standing is kept per database and season, and
computed again when something that moves scores changed (a contact came in or was wrapped up, a
survey answer, a penalty, a scored review, the weights, a state change) or after
:data:`MAX_AGE_S` (the time elapsed moves the volume target and schedule adherence a little).
"""

from __future__ import annotations

import json
import time
import weakref
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.database import Database
from agentdesk.server.db.models import InteractionRow, SurveyRow
from agentdesk.server.db.people_models import PenaltyRow, ReviewRow, SeasonRow, StateLogRow
from agentdesk.server.people.competition import leaderboard
from agentdesk.server.people.window import Window, load_window

#: Longest a standing is reused while nothing that moves scores changed.
MAX_AGE_S = 10.0


@dataclass(frozen=True, slots=True)
class _Standing:
    signature: tuple[object, ...]
    at: float
    #: agent id -> (score, rank)
    places: dict[str, tuple[float, int]]


_kept: weakref.WeakKeyDictionary[Database, _Standing] = weakref.WeakKeyDictionary()


async def _signature(session: AsyncSession, season: SeasonRow) -> tuple[object, ...]:
    ir = InteractionRow
    since = season.starts_at
    counted = select(
        func.count(), func.count(ir.wrapup_at), func.max(ir.created_at), func.max(ir.wrapup_at)
    ).where(ir.queued_at >= since)
    contacts = (await session.execute(counted)).one()
    rows = []
    for query in (
        select(func.count(), func.max(SurveyRow.created_at)).where(SurveyRow.created_at >= since),
        select(func.count(), func.sum(PenaltyRow.points)).where(PenaltyRow.season_id == season.id),
        select(func.count(), func.max(ReviewRow.completed_at)).where(ReviewRow.status == "done"),
        select(func.count(), func.max(StateLogRow.started_at)).where(
            StateLogRow.started_at >= since
        ),
    ):
        rows.append(tuple((await session.execute(query)).one()))
    return (
        season.id, season.starts_at, season.ends_at, json.dumps(season.weights, sort_keys=True),
        tuple(contacts), *rows,
    )  # fmt: skip


async def places(
    db: Database,
    session: AsyncSession,
    season: SeasonRow,
    now: datetime,
    *,
    threshold_s: float,
    window: Window | None = None,
) -> dict[str, tuple[float, int]]:
    """Every operator's ``(score, rank)`` in ``season`` as of ``now``; ``window``: the
    season's window when the caller has loaded it already (then it is used)."""
    signature = await _signature(session, season)
    kept = _kept.get(db)
    fresh = kept is not None and time.monotonic() - kept.at < MAX_AGE_S
    if window is None and kept is not None and fresh and kept.signature == signature:
        return kept.places
    if window is None:
        window = await load_window(session, season.starts_at, season.ends_at, now, threshold_s)
    board = await leaderboard(session, season, window)
    result = {e.agent_id: (e.score, e.rank) for e in board.individuals}
    _kept[db] = _Standing(signature, time.monotonic(), result)
    return result
