"""The KPI inputs of a time window: totals per (operator, queue, channel), busy time, moods.

A month of a large centre is hundreds of thousands of interactions: turning each into ORM
objects and ``datetime`` values costs tens of seconds. On SQLite the database returns one
narrow tuple per contact, its times as whole microseconds, and one pass adds each contact
through the domain's own rule (:func:`agentdesk.domain.kpis.tally`) to a cell per (operator,
queue, channel), collects each operator's busy spans and the latest moods, and gathers the
customers' touches for the repeat rule (:func:`agentdesk.domain.fcr.resolved_marks`). On
PostgreSQL the database aggregates the same rules itself (see :func:`pass_in_sql`). Reports
for any scope then add up cells.
"""

from __future__ import annotations

import asyncio
import heapq
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    Float,
    Integer,
    Interval,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from agentdesk.domain.fcr import REPEAT_WINDOW, Mark, resolved_marks
from agentdesk.domain.kpis import (
    ABANDONED,
    CLOSED,
    MOOD_VALUE,
    US,
    WAITING,
    KpiTotals,
    QueueCounts,
    ServiceLevelPolicy,
    busy_span,
    micros,
    tally,
)
from agentdesk.server.db.assist_models import ScriptProgressRow
from agentdesk.server.db.models import InteractionRow
from agentdesk.server.db.types import UtcTimestamp

_T = TypeVar("_T")
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


def _rows(result: Any) -> Iterator[Any]:
    """A result's rows in chunks (not one call per row, not every row object at once)."""
    for chunk in result.partitions(20_000):
        yield from chunk


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
    if d == "postgresql":
        return await pass_in_sql(session, since, until, now, queue_policy)
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
    for ref, row in enumerate(_rows(rows)):
        (agent_id, queue_id, channel, status, customer_id, topic, transferred, adherence, mood,
         created, queued, accepted, ended, wrapped) = row  # fmt: skip
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


# ---- PostgreSQL: the same figures aggregated by the database ---------------------------------
#
# On PostgreSQL, reading every row into Python costs more than the figures themselves: the
# server asks for them aggregated instead (hash aggregation, an indexed EXISTS for repeats,
# window functions for busy time and the latest moods), and only about a row per operator and
# queue comes back. The rules are :func:`tally`'s and :func:`resolved_marks`'s, written as SQL;
# ``tests/server/test_kpi_aggregates.py`` holds both paths to the domain's figures.


def _seconds(later: Any, earlier: Any) -> ColumnElement[Any]:
    # date_part is double precision (extract is numeric since PostgreSQL 14: much slower to
    # add up); differences of microsecond timestamps under a month are exact in a double
    return func.date_part("epoch", later - earlier)


def _positive(value: ColumnElement[Any]) -> ColumnElement[Any]:
    return func.greatest(value, 0)


def _per_queue(policies: Mapping[str, ServiceLevelPolicy], pick: str) -> ColumnElement[Any]:
    default = float(getattr(ServiceLevelPolicy(), pick))
    values = {q: float(getattr(p, pick)) for q, p in policies.items()}
    if not values:
        return literal(default, Float)
    return case(values, value=InteractionRow.queue_id, else_=default)


async def _cells_in_sql(
    session: AsyncSession, since: datetime, until: datetime, now: datetime,
    policies: Mapping[str, ServiceLevelPolicy],
) -> list[Cell]:  # fmt: skip
    ir = InteractionRow
    later = aliased(InteractionRow)
    now_ = literal(now, UtcTimestamp())
    threshold = _per_queue(policies, "threshold_s")
    grace = _per_queue(policies, "abandon_grace_s")
    accepted = ir.accepted_at.is_not(None)
    handled = and_(ir.status == CLOSED, accepted)
    answer = _seconds(ir.accepted_at, ir.queued_at)
    talk = case((ir.ended_at.is_not(None), _positive(_seconds(ir.ended_at, ir.accepted_at))),
                else_=0)  # fmt: skip
    wrap = case(
        (and_(ir.ended_at.is_not(None), ir.wrapup_at.is_not(None)),
         _positive(_seconds(ir.wrapup_at, ir.ended_at))),
        else_=0,
    )  # fmt: skip
    repeat = exists().where(
        later.customer_id == ir.customer_id,
        later.id != ir.id,
        later.status != ABANDONED,
        later.created_at > ir.queued_at,
        later.created_at <= ir.queued_at + literal(REPEAT_WINDOW, Interval()),
        or_(ir.disposition.is_(None), later.disposition.is_(None),
            later.disposition == ir.disposition),
    )  # fmt: skip
    asked = and_(handled, ir.customer_id.is_not(None))
    gone = and_(ir.status == ABANDONED, ~accepted)
    one = literal(1)
    per = (
        select(
            ir.agent_id.label("agent_id"), ir.queue_id.label("queue_id"),
            ir.channel.label("channel"),
            case((handled, one), else_=0).label("handled"),
            case((accepted, one), else_=0).label("answered"),
            case((accepted, answer), else_=None).label("answer_s"),
            case((and_(accepted, answer <= threshold), one), else_=0).label("in_time"),
            case((handled, talk + wrap), else_=0).label("handle_s"),
            case((handled, wrap), else_=0).label("wrap_s"),
            case((and_(accepted, ir.end_reason == "transferred"), one), else_=0)
            .label("transferred"),
            case((handled, ScriptProgressRow.adherence), else_=None).label("adherence"),
            case((asked, one), else_=0).label("fcr_n"),
            case((and_(asked, ~repeat), one), else_=0).label("fcr_ok"),
            case((gone, one), else_=0).label("gone"),
            case((and_(gone, _seconds(func.coalesce(ir.ended_at, now_), ir.queued_at) <= grace),
                  one), else_=0).label("gone_short"),
            case((and_(ir.status.in_(WAITING), ~accepted,
                       _seconds(now_, ir.queued_at) > threshold), one), else_=0).label("late"),
        )
        .outerjoin(ScriptProgressRow, ScriptProgressRow.interaction_id == ir.id)
        .where(ir.queued_at >= since, ir.queued_at < until)
        .subquery()
    )  # fmt: skip
    c = per.c
    rows = await session.execute(
        select(
            c.agent_id, c.queue_id, c.channel, func.sum(c.handled), func.sum(c.answered),
            func.coalesce(func.sum(c.answer_s), 0), func.sum(c.in_time), func.sum(c.handle_s),
            func.sum(c.wrap_s), func.sum(c.transferred),
            func.coalesce(func.sum(c.adherence), 0), func.count(c.adherence),
            func.sum(c.fcr_n), func.sum(c.fcr_ok), func.sum(c.gone), func.sum(c.gone_short),
            func.sum(c.late),
        ).group_by(c.agent_id, c.queue_id, c.channel)
    )  # fmt: skip
    cells = []
    for (agent_id, queue_id, channel, n, answered, wait_s, in_time, handle_s, wrap_s,
         transferred, adh_sum, adh_n, fcr_n, fcr_ok, gone_n, short, late) in rows:  # fmt: skip
        totals = KpiTotals(
            handled=Counter({channel: int(n)}) if n else Counter(), handle_s=float(handle_s),
            wrapup_s=float(wrap_s), transferred=int(transferred), answered=int(answered),
            wait_s=float(wait_s), adherence_sum=float(adh_sum), adherence_n=int(adh_n),
            fcr_contacts=int(fcr_n), fcr_resolved=int(fcr_ok),
        )  # fmt: skip
        counts = QueueCounts(
            answered=int(answered), answered_in_time=int(in_time), abandoned=int(gone_n),
            abandoned_short=int(short), waiting_late=int(late),
        )  # fmt: skip
        cells.append(Cell(agent_id, queue_id, channel, totals, counts))
    return cells


async def _busy_in_sql(
    session: AsyncSession, since: datetime, until: datetime, now: datetime
) -> dict[str, float]:
    """:func:`busy_span` per operator: in start order, each span adds its part past the
    latest end before it."""
    ir = InteractionRow
    stop = func.coalesce(ir.wrapup_at, ir.ended_at, literal(now, UtcTimestamp()))
    spans = (
        select(ir.agent_id.label("agent_id"),
               func.date_part("epoch", ir.accepted_at).label("s"),
               func.date_part("epoch", stop).label("e"))
        .where(ir.queued_at >= since, ir.queued_at < until, ir.agent_id.is_not(None),
               ir.accepted_at.is_not(None), stop > ir.accepted_at)
        .subquery()
    )  # fmt: skip
    reach = func.max(spans.c.e).over(
        partition_by=spans.c.agent_id, order_by=(spans.c.s, spans.c.e), rows=(None, -1)
    )
    ordered = select(spans.c.agent_id, spans.c.s, spans.c.e, reach.label("reach")).subquery()
    o = ordered.c
    gain = case(
        (or_(o.reach.is_(None), o.reach <= o.s), o.e - o.s),
        (o.reach < o.e, o.e - o.reach),
        else_=0,
    )
    rows = await session.execute(select(o.agent_id, func.sum(gain)).group_by(o.agent_id))
    return {agent_id: float(busy or 0) for agent_id, busy in rows}


async def _moods_in_sql(
    session: AsyncSession, since: datetime, until: datetime, key: str
) -> dict[str, list[tuple[int, str]]]:
    ir = InteractionRow
    column = ir.agent_id if key == "agent_id" else ir.queue_id
    at = func.coalesce(ir.wrapup_at, ir.queued_at)
    number = func.row_number().over(partition_by=column, order_by=(at.desc(), ir.id.desc()))
    recent = (
        select(column.label("k"), microseconds("postgresql", at).label("at"),
               ir.mood.label("mood"), number.label("n"))
        .where(ir.queued_at >= since, ir.queued_at < until, column.is_not(None),
               ir.status == CLOSED, ir.accepted_at.is_not(None),
               ir.mood.in_(tuple(MOOD_VALUE)))
        .subquery()
    )  # fmt: skip
    out: dict[str, list[tuple[int, str]]] = {}
    rows = await session.execute(
        select(recent.c.k, recent.c.at, recent.c.mood)
        .where(recent.c.n <= MOOD_DEPTH)
        .order_by(recent.c.k, recent.c.at)
    )
    for k, at_us, mood in rows:
        out.setdefault(k, []).append((int(at_us), mood))
    return out


async def pass_in_sql(
    session: AsyncSession, since: datetime, until: datetime, now: datetime,
    queue_policy: Mapping[str, ServiceLevelPolicy],
) -> Pass:  # fmt: skip
    """:func:`load_pass`'s figures, aggregated by PostgreSQL: the totals on ``session``, busy
    time and moods at the same time on connections of their own (the database runs them on
    other cores)."""
    engine = session.bind

    async def apart(work: Callable[[AsyncSession], Awaitable[_T]]) -> _T:
        async with AsyncSession(engine) as own:
            await own.execute(text("SET LOCAL jit = off"))
            return await work(own)

    # compiling these few big queries to machine code costs more than running them
    await session.execute(text("SET LOCAL jit = off"))
    cells, busy, by_agent, by_queue = await asyncio.gather(
        _cells_in_sql(session, since, until, now, queue_policy),
        apart(lambda s: _busy_in_sql(s, since, until, now)),
        apart(lambda s: _moods_in_sql(s, since, until, "agent_id")),
        apart(lambda s: _moods_in_sql(s, since, until, "queue_id")),
    )
    return Pass(cells=cells, busy_s=busy, moods_by_agent=by_agent, moods_by_queue=by_queue)
