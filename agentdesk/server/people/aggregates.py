"""The KPI inputs of a time window: totals per (operator, queue, channel), busy time, moods.

A month of a large centre is hundreds of thousands of interactions: turning each into an ORM
object, a ``datetime`` or a call of a Python function costs tens of seconds, and letting the
database aggregate is no cheaper (SQLite parses its text times again in every expression and
sorts to group; PostgreSQL probes an index per contact for repeats). The server reads the
window's contacts once, each column whole (from SQLite a JSON array, times as one string of
their stored text; from PostgreSQL an array, text joined into one string, times as one string
of their stored bytes; statuses and moods as small numbers; times read by numpy at once, see
:mod:`agentdesk.server.people.stored_times`), and applies the domain's rules to whole columns
(:mod:`agentdesk.server.people.contact_columns`). Reports for any scope then add up the cells.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Float,
    Integer,
    LargeBinary,
    String,
    case,
    cast,
    create_engine,
    func,
    literal_column,
    null,
    select,
    text,
    type_coerce,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.pool import NullPool
from sqlalchemy.sql import Select, Subquery
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType

from agentdesk.domain.fcr import REPEAT_WINDOW
from agentdesk.domain.kpis import (
    ABANDONED,
    KpiTotals,
    QueueCounts,
    ServiceLevelPolicy,
    micros,
)
from agentdesk.server.db.assist_models import ScriptProgressRow
from agentdesk.server.db.models import InteractionRow

if TYPE_CHECKING:
    from agentdesk.server.people import contact_columns as columns

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


def _sent(value: Any) -> ColumnElement[bytes]:
    """A stored ``timestamptz`` as PostgreSQL's own 8 bytes (see
    :mod:`agentdesk.server.people.stored_times`)."""
    from agentdesk.server.people import stored_times

    blank = literal_column(f"'\\x{stored_times.PG_BLANK.hex()}'::bytea", LargeBinary)
    return func.coalesce(func.timestamptz_send(value), blank)


def _read(conn: Connection, statements: Sequence[Select[Any]]) -> columns.Columns:
    """On SQLite, each statement's columns handed over whole (no tuple per contact to build
    and take apart again): a JSON array apiece, and each time column as one string of its
    stored times (parsed at once, see :mod:`agentdesk.server.people.stored_times`)."""
    from agentdesk.server.people import contact_columns as columns  # numpy: loaded on first use

    out = columns.Columns()
    for statement in statements:
        fields = _gather(conn, statement.subquery(), joined_times=True)
        if fields is None:  # a time stored in another shape: every value read as JSON
            fields = _gather(conn, statement.subquery(), joined_times=False)
        assert fields is not None
        out.add_columns(fields)
    return out


def _gather(conn: Connection, whole: Subquery, *, joined_times: bool) -> list[Any] | None:
    from agentdesk.server.people import contact_columns as columns
    from agentdesk.server.people import stored_times

    def joined(c: Any) -> bool:
        return joined_times and c.name in columns.TIMES

    row = conn.execute(
        select(
            *(
                func.group_concat(func.ifnull(c, stored_times.BLANK), "")
                if joined(c)
                else func.json_group_array(c)
                for c in whole.c
            )
        )
    ).one()
    fields: list[Any] = [
        None if joined(c) else json.loads(v) for c, v in zip(whole.c, row, strict=True)
    ]
    rows = len(fields[0])
    for i, c in enumerate(whole.c):
        if joined(c):
            fields[i] = stored_times.from_sqlite(row[i] or "", rows)
            if fields[i] is None:
                return None
    return fields


#: How PostgreSQL joins a text column: values apart, and what stands for a missing one.
_APART, _NONE = "\x1f", "\x1e"


async def _read_postgresql(
    session: AsyncSession, statements: Sequence[Select[Any]]
) -> columns.Columns:
    """Each statement's columns handed over whole, each statement on a connection of its own at
    the same time (PostgreSQL builds them on several cores): numbers as arrays, text joined
    into one string, times as one string of bytes (see
    :mod:`agentdesk.server.people.stored_times`). The driver decodes one value per column,
    not a row object, nor a Python object per value of a time."""
    from agentdesk.server.people import contact_columns as columns  # numpy: loaded on first use
    from agentdesk.server.people import stored_times

    engine = session.bind
    nothing = literal_column("''::bytea", LargeBinary)

    async def arrays(statement: Select[Any], *, joined_text: bool = True) -> list[Any]:
        whole = statement.subquery()
        texts = [c.name for c in whole.c if joined_text and c.name in columns.TEXT]
        gathered = select(
            *(
                type_coerce(func.string_agg(c, nothing), NullType())
                if c.name in columns.TIMES
                else type_coerce(func.string_agg(func.coalesce(c, _NONE), _APART), NullType())
                if c.name in texts
                else type_coerce(func.array_agg(c), NullType())
                for c in whole.c
            ),
            # a value that is the very mark of a missing one: that statement read as arrays
            *(func.count().filter(whole.c[name] == _NONE) for name in texts),
        )
        async with AsyncSession(engine) as own:
            # compiling these big scans to machine code costs more than running them
            await own.execute(text("SET LOCAL jit = off"))
            fields = list((await own.execute(gathered)).one())
        if any(fields[len(whole.c) :]):
            return await arrays(statement, joined_text=False)
        fields = fields[: len(whole.c)]
        if fields[0] is None:  # no contacts
            return fields
        rows = 0
        for i, c in enumerate(whole.c):
            if c.name in columns.TIMES:
                fields[i] = stored_times.from_postgresql(fields[i])
                rows = len(fields[i])
        for i, c in enumerate(whole.c):
            if c.name in texts:
                values = fields[i].split(_APART)
                if len(values) != rows:  # some value holds the separator
                    return await arrays(statement, joined_text=False)
                if values.count(_NONE):
                    values = [None if v == _NONE else v for v in values]
                fields[i] = values
        return fields

    out = columns.Columns()
    for fields in await asyncio.gather(*(arrays(s) for s in statements)):
        if fields[0] is not None:
            out.add_columns(fields)
    return out


_apart_engines: dict[str, Engine] = {}


def _apart(session: AsyncSession) -> Engine | None:
    """On a SQLite file, an engine of its own whose connections may run on a worker thread.

    The server's SQLite statements run on the event loop (see
    :mod:`agentdesk.server.db.inline_sqlite`); a month's read would stop every stream and
    request for a second or more. SQLite releases the interpreter while it steps through a
    query, so on a thread the loop keeps serving. An in-memory database is visible only to
    its own connection: read there."""
    bind = session.get_bind()
    url = bind.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    key = url.render_as_string(hide_password=False)
    engine = _apart_engines.get(key)
    if engine is None:
        engine = _apart_engines[key] = create_engine(
            url.set(drivername="sqlite"), poolclass=NullPool,
            connect_args={"check_same_thread": False},
        )  # fmt: skip
    return engine


def reads_apart(session: AsyncSession) -> bool:
    """Whether :func:`load_pass` reads on connections of its own (PostgreSQL, a SQLite file):
    then ``session`` stays free for other statements meanwhile."""
    return session.get_bind().dialect.name == "postgresql" or _apart(session) is not None


def _read_apart(engine: Engine, statements: Sequence[Select[Any]]) -> columns.Columns:
    with engine.connect() as conn:
        return _read(conn, statements)


async def load_pass(
    session: AsyncSession,
    since: datetime,
    until: datetime,
    now: datetime,
    queue_policy: Mapping[str, ServiceLevelPolicy],
) -> Pass:
    """The contacts queued in ``[since, until)``, summed per operator, queue and channel (a
    contact's repeat may come in the week after ``until``): one read of whole columns, the
    rules applied to them (:mod:`agentdesk.server.people.contact_columns`)."""
    from agentdesk.server.people import contact_columns as columns  # numpy: loaded on first use

    dialect = session.get_bind().dialect.name
    ir = InteractionRow

    def when(column: Any) -> Any:
        # SQLite's stored text and PostgreSQL's stored bytes, both read by numpy at once
        if dialect == "sqlite":
            return type_coerce(column, String)
        return _sent(column)

    transferred = case((ir.end_reason == "transferred", 1), else_=0)
    # statuses and moods as the small numbers the rules use (no text per contact)
    status = case(columns.STATUS_CODES, value=ir.status, else_=columns.OTHER_STATUS)
    mood = case(columns.MOOD_CODES, value=ir.mood, else_=columns.NO_MOOD)

    def named(*values: Any) -> Select[Any]:
        return select(*(v.label(n) for n, v in zip(columns.FIELDS, values, strict=True)))

    def window(start: datetime, end: datetime) -> Select[Any]:
        return (
            named(
                ir.agent_id, ir.queue_id, ir.channel, status, ir.customer_id, ir.disposition,
                transferred, ScriptProgressRow.adherence, mood, when(ir.created_at),
                when(ir.queued_at), when(ir.accepted_at), when(ir.ended_at), when(ir.wrapup_at),
            )
            .outerjoin(ScriptProgressRow, ScriptProgressRow.interaction_id == ir.id)
            .where(ir.queued_at >= start, ir.queued_at < end)
        )  # fmt: skip

    # the week after: only what the repeat rule needs of the customers' later touches (typed
    # blanks: PostgreSQL gathers each column into an array of its type)
    text_, time_ = cast(null(), String), when(cast(null(), ir.queued_at.type))
    after = named(
        text_, text_, text_, status, ir.customer_id, ir.disposition, literal_column("0", Integer),
        cast(null(), Float), literal_column(str(columns.NO_MOOD), Integer), when(ir.created_at),
        when(ir.queued_at), time_, time_, time_,
    ).where(
        ir.queued_at >= until, ir.queued_at < until + REPEAT_WINDOW,
        ir.customer_id.is_not(None), ir.status != ABANDONED,
    )  # fmt: skip
    apart = _apart(session)
    if dialect == "postgresql":
        # two halves of the window and the week after, built by the database at once
        middle = since + (until - since) / 2
        read = await _read_postgresql(
            session, (window(since, middle), window(middle, until), after)
        )
    elif apart is not None:
        read = await asyncio.to_thread(_read_apart, apart, (window(since, until), after))
    else:
        read = await (await session.connection()).run_sync(_read, (window(since, until), after))
    out = await asyncio.to_thread(
        columns.figures, read, micros(until), micros(now), queue_policy, MOOD_DEPTH
    )
    return Pass(
        cells=[Cell(a, q, ch, t, c) for (a, q, ch), (t, c) in out.cells.items()],
        busy_s=out.busy_s,
        moods_by_agent=out.moods_by_agent,
        moods_by_queue=out.moods_by_queue,
    )
