"""One load of everything the KPI formulas need for a time window.

The database sums the window's contacts per (operator, queue, channel) (see
:mod:`agentdesk.server.people.aggregates`); reports for many scopes (each operator, each squad,
a client, a queue) then add up those cells in memory, so a board or a leaderboard costs one
pass over the database, not one per person, and no contact becomes a Python object.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import NullType

from agentdesk.domain.kpis import KpiTotals, QueueCounts, ServiceLevelPolicy
from agentdesk.domain.surveys import Answer, Summary, SurveyType, summarize
from agentdesk.server.context import give_way
from agentdesk.server.db.models import AgentRow, InteractionRow, QueueRow, SurveyRow
from agentdesk.server.db.people_models import ClientPolicyRow, StateLogRow
from agentdesk.server.people.aggregates import Cell, load_pass, reads_apart

#: Disposition of collection contacts (NPS after collection is reported on its own too).
COLLECTION_TOPICS = frozenset({"pagamento"})
#: Daily not-ready budget per operator (breaks and coaching included).
NOT_READY_BUDGET_S = 45 * 60.0
DEFAULT_AHT_TARGET_S = 300.0
_SURVEY_TYPES = {t.value: t for t in SurveyType}


@dataclass(frozen=True, slots=True)
class SurveyFact:
    type: SurveyType
    score: int
    comment: str
    customer_id: str
    client_id: str | None
    agent_id: str | None
    collection: bool
    interaction_id: str | None
    queue_id: str | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    sl: ServiceLevelPolicy
    sl_target: float
    aht_target_s: float


@dataclass(slots=True)
class Window:
    since: datetime
    until: datetime
    now: datetime
    #: the window's contacts summed per (operator or None, queue, channel)
    cells: list[Cell] = field(default_factory=list)
    #: operator -> seconds handling contacts (concurrent chats counted once)
    busy_s: dict[str, float] = field(default_factory=dict)
    #: operator / queue -> their last moods [(time, mood)], oldest first
    moods_by_agent: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    moods_by_queue: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    surveys: list[SurveyFact] = field(default_factory=list)
    #: agent id -> [(state, start, end)] clipped to the window
    states: dict[str, list[tuple[str, datetime, datetime]]] = field(default_factory=dict)
    queues: dict[str, QueueRow] = field(default_factory=dict)
    agents: dict[str, AgentRow] = field(default_factory=dict)
    policies: dict[str, Policy] = field(default_factory=dict)

    _per_agent: dict[str, KpiTotals] | None = None
    _per_queue: dict[str, QueueCounts] | None = None
    _surveys_by: dict[str, dict[str | None, list[SurveyFact]]] = field(default_factory=dict)
    _answers_by: dict[str, dict[str | None, dict[SurveyType, list[Answer]]]] = field(
        default_factory=dict
    )
    _answers: list[Answer] | None = None
    _summaries: dict[tuple[str, str | None, SurveyType], Summary] = field(default_factory=dict)
    _cells_by: dict[str, dict[str | None, list[int]]] = field(default_factory=dict)

    def per_agent(self) -> dict[str, KpiTotals]:
        """Each operator's totals over all their queues (built once per window)."""
        if self._per_agent is None:
            out: dict[str, KpiTotals] = {}
            for cell in self.cells:
                if cell.agent_id is not None:
                    out.setdefault(cell.agent_id, KpiTotals()).merge(cell.totals)
            self._per_agent = out
        return self._per_agent

    def per_queue(self) -> dict[str, QueueCounts]:
        """Each queue's counts over all its operators (built once per window)."""
        if self._per_queue is None:
            out: dict[str, QueueCounts] = {}
            for cell in self.cells:
                out.setdefault(cell.queue_id, QueueCounts()).merge(cell.counts)
            self._per_queue = out
        return self._per_queue

    def surveys_by(self, key: str) -> dict[str | None, list[SurveyFact]]:
        """The window's survey answers by ``agent_id``, ``client_id`` or ``queue_id`` (built
        once per window and key)."""
        index = self._surveys_by.get(key)
        if index is None:
            index = self._surveys_by[key] = {}
            for fact in self.surveys:
                index.setdefault(getattr(fact, key), []).append(fact)
        return index

    def answers_by(self, key: str) -> dict[str | None, dict[SurveyType, list[Answer]]]:
        """The window's survey answers by ``agent_id``, ``client_id`` or ``queue_id``, then by
        type, in the order of :meth:`surveys_by` (built once per window and key)."""
        index = self._answers_by.get(key)
        if index is None:
            index = self._answers_by[key] = {}
            if self._answers is None:  # equal answers are one (immutable) object
                same: dict[tuple[SurveyType, int], Answer] = {}
                self._answers = [
                    same.get((f.type, f.score))
                    or same.setdefault((f.type, f.score), Answer(f.type, f.score))
                    for f in self.surveys
                ]
            for fact, answer in zip(self.surveys, self._answers, strict=True):
                index.setdefault(getattr(fact, key), {}).setdefault(fact.type, []).append(answer)
        return index

    def summary(self, key: str, value: str | None, kind: SurveyType) -> Summary:
        """:func:`summarize` of one operator's, client's or queue's answers of one type (kept
        for the window: an operator's report and the leaderboard both ask for it)."""
        out = self._summaries.get((key, value, kind))
        if out is None:
            answers = self.answers_by(key).get(value, {}).get(kind, [])
            out = self._summaries[(key, value, kind)] = summarize(kind, answers)
        return out

    def cells_by(self, key: str) -> dict[str | None, list[int]]:
        """Where in :attr:`cells` each ``agent_id`` or ``queue_id`` is (built once per window
        and key)."""
        index = self._cells_by.get(key)
        if index is None:
            index = self._cells_by[key] = {}
            for i, cell in enumerate(self.cells):
                index.setdefault(getattr(cell, key), []).append(i)
        return index

    def policy(self, client_id: str) -> Policy:
        return self.policies.get(client_id, Policy(ServiceLevelPolicy(), 0.8, DEFAULT_AHT_TARGET_S))

    def queue_policy(self, queue_id: str) -> Policy:
        queue = self.queues.get(queue_id)
        return self.policy(queue.client_id if queue is not None else "")


async def load_window(
    session: AsyncSession, since: datetime, until: datetime, now: datetime, threshold_s: float
) -> Window:
    w = Window(since=since, until=until, now=now)
    w.queues = {q.id: q for q in await session.scalars(select(QueueRow))}
    await give_way()
    w.agents = {a.id: a for a in await session.scalars(select(AgentRow))}
    await give_way()
    for p in await session.scalars(select(ClientPolicyRow)):
        w.policies[p.client_id] = Policy(
            ServiceLevelPolicy(p.threshold_s, p.abandon_grace_s, p.exclude_short_abandons),
            p.sl_target,
            p.aht_target_s,
        )
    for client_id in {q.client_id for q in w.queues.values()} - set(w.policies):
        w.policies[client_id] = Policy(
            ServiceLevelPolicy(threshold_s=threshold_s), 0.8, DEFAULT_AHT_TARGET_S
        )
    sl = {q: w.queue_policy(q).sl for q in w.queues}
    if not reads_apart(session):
        await give_way()
        contacts = await load_pass(session, since, until, now, sl)
        await give_way()
        w.surveys = await load_surveys(session, since, until)
        await give_way()
        await _load_states(session, w)
    else:
        # the contacts are read on connections of their own: the surveys and the presence log
        # are read meanwhile on this one (the databases step through them at the same time)
        pending = asyncio.ensure_future(load_pass(session, since, until, now, sl))
        try:
            # let it start (SQLite statements on this loop never wait, so never let it run)
            await asyncio.sleep(0)
            await give_way()
            w.surveys = await load_surveys(session, since, until)
            await give_way()
            await _load_states(session, w)
        except BaseException:
            pending.cancel()
            raise
        contacts = await pending
    w.cells, w.busy_s = contacts.cells, contacts.busy_s
    w.moods_by_agent, w.moods_by_queue = contacts.moods_by_agent, contacts.moods_by_queue
    return w


async def load_surveys(session: AsyncSession, since: datetime, until: datetime) -> list[SurveyFact]:
    """The survey answers given in ``[since, until)``, with their contact's operator and queue.

    A month has tens of thousands: the database hands each column over whole (a JSON array
    from SQLite, an array from PostgreSQL), not a row object per answer."""
    ir = InteractionRow
    answers = (
        select(
            SurveyRow.type, SurveyRow.score, SurveyRow.comment, SurveyRow.customer_id,
            SurveyRow.interaction_id, ir.agent_id, ir.client_id, ir.disposition, ir.queue_id,
        )
        .outerjoin(ir, ir.id == SurveyRow.interaction_id)
        .where(SurveyRow.created_at >= since, SurveyRow.created_at < until)
    )  # fmt: skip
    dialect = session.get_bind().dialect.name
    rows: Iterable[Sequence[Any]]
    if dialect in ("sqlite", "postgresql"):
        whole = answers.subquery()
        gather = func.json_group_array if dialect == "sqlite" else func.array_agg
        gathered = (await session.execute(
            select(*(type_coerce(gather(c), NullType()) for c in whole.c))
        )).one()  # fmt: skip
        columns: list[Any] = list(gathered)
        if dialect == "sqlite":
            columns = [json.loads(c) for c in columns]
        rows = zip(*columns, strict=True) if columns[0] is not None else ()  # None: no rows
    else:
        rows = await session.execute(answers)
    out = []
    for (
        kind_,
        score,
        comment,
        customer_id,
        interaction_id,
        agent_id,
        client_id,
        topic,
        queue_id,
    ) in rows:
        kind = _SURVEY_TYPES.get(kind_)
        if kind is None:
            continue
        out.append(
            SurveyFact(
                kind, score, comment or "", customer_id, client_id, agent_id,
                topic in COLLECTION_TOPICS, interaction_id, queue_id,
            )
        )  # fmt: skip
    return out


async def _load_states(session: AsyncSession, w: Window) -> None:
    end = min(w.until, w.now)
    rows = await session.execute(
        select(StateLogRow.agent_id, StateLogRow.state, StateLogRow.started_at)
        .where(StateLogRow.started_at < end, StateLogRow.started_at >= w.since - timedelta(days=1))
        .order_by(StateLogRow.agent_id, StateLogRow.started_at)
    )
    by_agent: dict[str, list[tuple[str, datetime]]] = {}
    for agent_id, state, started in rows:
        by_agent.setdefault(agent_id, []).append((state, started))
    for agent_id, marks in by_agent.items():
        stretches = []
        for i, (state, start) in enumerate(marks):
            stop = marks[i + 1][1] if i + 1 < len(marks) else end
            a, b = max(start, w.since), min(stop, end)
            if b > a:
                stretches.append((state, a, b))
        w.states[agent_id] = stretches
