"""The KPI inputs of a time window in one pass over plain rows (SQLite or PostgreSQL).

A month of a large centre is hundreds of thousands of interactions: turning each into ORM
objects and ``datetime`` values costs tens of seconds. Here the database returns one narrow
tuple per contact, its times as whole microseconds, and one pass adds each contact through
the domain's own rule (:func:`agentdesk.domain.kpis.tally`) to a cell per (operator, queue,
channel), collects each operator's busy spans and the latest moods, and indexes the customers'
touches for the repeat rule (:func:`agentdesk.domain.fcr.resolved_marks`). Reports for any scope
then add up cells.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from agentdesk.domain.fcr import REPEAT_WINDOW, Mark, resolved_marks
from agentdesk.domain.kpis import (
    ABANDONED,
    MOOD_VALUE,
    US,
    KpiTotals,
    QueueCounts,
    ServiceLevelPolicy,
    busy_span,
    micros,
    tally,
)
from agentdesk.server.db.assist_models import ScriptProgressRow
from agentdesk.server.db.models import InteractionRow

#: Moods kept per operator and per queue: twice the mood trend's window.
MOOD_DEPTH = 10


@dataclass(slots=True)
class Cell:
    """The contacts of one operator (None: not answered) in one queue and channel."""

    agent_id: str | None
    queue_id: str
    channel: str
    totals: KpiTotals = field(default_factory=KpiTotals)
    counts: QueueCounts = field(default_factory=QueueCounts)


@dataclass(slots=True)
class Pass:
    """Everything one pass over a window's contacts yields."""

    cells: list[Cell] = field(default_factory=list)
    #: operator -> seconds handling contacts (concurrent chats counted once)
    busy_s: dict[str, float] = field(default_factory=dict)
    #: operator / queue -> their last :data:`MOOD_DEPTH` moods [(time, mood)], oldest first
    moods_by_agent: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    moods_by_queue: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def microseconds(dialect: str, value: Any) -> ColumnElement[int]:
    """A stored UTC time as whole microseconds since 1970, computed by the database.

    SQLite keeps ``YYYY-MM-DD HH:MM:SS.ffffff`` text: whole seconds from ``strftime('%s')``
    and the six fraction digits as they are (exact). PostgreSQL keeps microseconds.
    """
    if dialect == "sqlite":
        whole = cast(func.strftime("%s", value), Integer) * US
        return whole + cast(func.substr(value, 21, 6), Integer)
    return cast(func.round(func.extract("epoch", value) * US), BigInteger)


def _latest(moods: dict[str, list[tuple[int, str]]]) -> dict[str, list[tuple[int, str]]]:
    return {k: sorted(heapq.nlargest(MOOD_DEPTH, v)) for k, v in moods.items()}


async def load_pass(
    session: AsyncSession,
    since: datetime,
    until: datetime,
    now: datetime,
    queue_policy: Mapping[str, ServiceLevelPolicy],
) -> Pass:
    """The contacts queued in ``[since, until)``, summed per operator, queue and channel; the
    week after ``until`` is read too, for the contacts customers came back with."""
    d = session.get_bind().dialect.name
    ir = InteractionRow
    us = {name: microseconds(d, getattr(ir, name)) for name in
          ("created_at", "queued_at", "accepted_at", "ended_at", "wrapup_at")}  # fmt: skip
    conn = await session.connection()
    rows = await conn.execute(
        select(
            ir.agent_id, ir.queue_id, ir.channel, ir.status, ir.customer_id, ir.disposition,
            case((ir.end_reason == "transferred", 1), else_=0), ScriptProgressRow.adherence,
            ir.mood, us["created_at"], us["queued_at"], us["accepted_at"], us["ended_at"],
            us["wrapup_at"],
        )
        .outerjoin(ScriptProgressRow, ScriptProgressRow.interaction_id == ir.id)
        .where(ir.queued_at >= since, ir.queued_at < until + REPEAT_WINDOW)
    )  # fmt: skip
    window_end = micros(until)
    now_us = micros(now)
    default = ServiceLevelPolicy()
    cells: dict[tuple[str | None, str, str], Cell] = {}
    touches: list[Mark] = []
    asked: list[Mark] = []
    asked_cells: list[KpiTotals] = []
    spans: dict[str, list[tuple[float, float]]] = {}
    by_agent: dict[str, list[tuple[int, str]]] = {}
    by_queue: dict[str, list[tuple[int, str]]] = {}
    for ref, (agent_id, queue_id, channel, status, customer_id, topic, transferred, adherence,
              mood, created, queued, accepted, ended, wrapped) in enumerate(rows.all()):  # fmt: skip  # noqa: E501
        if customer_id is not None and status != ABANDONED:
            touches.append((customer_id, created, topic, ref))
        if queued >= window_end:
            continue
        key = (agent_id, queue_id, channel)
        cell = cells.get(key)
        if cell is None:
            cell = cells[key] = Cell(agent_id, queue_id, channel)
        handled = tally(
            cell.totals, cell.counts, queue_policy.get(queue_id, default), channel, status,
            queued, accepted, ended, wrapped, bool(transferred), adherence, now_us,
        )  # fmt: skip
        if accepted is None:
            continue
        stop = wrapped if wrapped is not None else ended if ended is not None else now_us
        if agent_id is not None and stop > accepted:
            spans.setdefault(agent_id, []).append((accepted / US, stop / US))
        if not handled:
            continue
        if customer_id is not None:
            asked.append((customer_id, queued, topic, ref))
            asked_cells.append(cell.totals)
        if mood in MOOD_VALUE:
            at = wrapped if wrapped is not None else queued
            by_queue.setdefault(queue_id, []).append((at, mood))
            if agent_id is not None:
                by_agent.setdefault(agent_id, []).append((at, mood))
    window = REPEAT_WINDOW.total_seconds() * US
    for totals, resolved in zip(asked_cells, resolved_marks(touches, asked, window), strict=True):
        totals.add_fcr(resolved)
    return Pass(
        cells=list(cells.values()),
        busy_s={a: busy_span(v) for a, v in spans.items()},
        moods_by_agent=_latest(by_agent),
        moods_by_queue=_latest(by_queue),
    )
