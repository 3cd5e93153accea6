"""One load of everything the KPI formulas need for a time window (one query per kind).

Reports for many scopes (each operator, each squad) are then computed from the same window
in memory, so a board or a leaderboard costs one pass over the database, not one per person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.fcr import REPEAT_WINDOW, Touch
from agentdesk.domain.kpis import Contact, ServiceLevelPolicy
from agentdesk.domain.surveys import SurveyType
from agentdesk.server.db.models import AgentRow, InteractionRow, QueueRow, SurveyRow
from agentdesk.server.db.people_models import ClientPolicyRow, StateLogRow

#: Disposition of collection contacts (NPS after collection is reported on its own too).
COLLECTION_TOPICS = frozenset({"pagamento"})
#: Daily not-ready budget per operator (breaks and coaching included).
NOT_READY_BUDGET_S = 45 * 60.0
DEFAULT_AHT_TARGET_S = 300.0


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
    contacts: list[Contact] = field(default_factory=list)
    #: every contact of the window plus the FCR look-ahead, for the repeat rule
    touches: list[Touch] = field(default_factory=list)
    surveys: list[SurveyFact] = field(default_factory=list)
    #: agent id -> [(state, start, end)] clipped to the window
    states: dict[str, list[tuple[str, datetime, datetime]]] = field(default_factory=dict)
    queues: dict[str, QueueRow] = field(default_factory=dict)
    agents: dict[str, AgentRow] = field(default_factory=dict)
    policies: dict[str, Policy] = field(default_factory=dict)
    client_of: dict[str, str] = field(default_factory=dict)  # contact id -> client id

    _touch_times: dict[str, list[datetime]] | None = None
    _touch_topics: dict[str, list[str | None]] | None = None
    _by_queue: dict[str, list[Contact]] | None = None
    _fcr: dict[str, bool] = field(default_factory=dict)

    def by_queue(self) -> dict[str, list[Contact]]:
        """Contacts by queue (built once per window)."""
        if self._by_queue is None:
            index: dict[str, list[Contact]] = {}
            for c in self.contacts:
                index.setdefault(c.queue_id, []).append(c)
            self._by_queue = index
        return self._by_queue

    def touch_arrays(self) -> tuple[dict[str, list[datetime]], dict[str, list[str | None]]]:
        """For each customer, the times and topics of their touches in time order."""
        if self._touch_times is None or self._touch_topics is None:
            times: dict[str, list[datetime]] = {}
            topics: dict[str, list[str | None]] = {}
            for t in sorted(self.touches, key=lambda t: (t.customer_id, t.at)):
                times.setdefault(t.customer_id, []).append(t.at)
                topics.setdefault(t.customer_id, []).append(t.topic)
            self._touch_times, self._touch_topics = times, topics
        return self._touch_times, self._touch_topics

    def policy(self, client_id: str) -> Policy:
        return self.policies.get(client_id, Policy(ServiceLevelPolicy(), 0.8, DEFAULT_AHT_TARGET_S))


async def load_window(
    session: AsyncSession, since: datetime, until: datetime, now: datetime, threshold_s: float
) -> Window:
    w = Window(since=since, until=until, now=now)
    w.queues = {q.id: q for q in await session.scalars(select(QueueRow))}
    w.agents = {a.id: a for a in await session.scalars(select(AgentRow))}
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
    ir = InteractionRow
    rows = await session.execute(
        select(
            ir.id, ir.channel, ir.queue_id, ir.status, ir.queued_at, ir.accepted_at, ir.ended_at,
            ir.wrapup_at, ir.customer_id, ir.agent_id, ir.disposition, ir.end_reason, ir.mood,
            ir.client_id, ir.created_at,
        ).where(ir.queued_at >= since, ir.queued_at < until + REPEAT_WINDOW)
    )  # fmt: skip
    topics: dict[str, str | None] = {}
    for r in rows:
        if r.customer_id is not None and r.status != "abandoned":
            w.touches.append(Touch(r.customer_id, r.created_at, r.disposition))
        if r.queued_at >= until:
            continue
        topics[r.id] = r.disposition
        w.client_of[r.id] = r.client_id
        w.contacts.append(
            Contact(
                id=r.id, channel=r.channel, queue_id=r.queue_id, status=r.status,
                queued_at=r.queued_at, accepted_at=r.accepted_at, ended_at=r.ended_at,
                wrapup_at=r.wrapup_at, customer_id=r.customer_id, agent_id=r.agent_id,
                topic=r.disposition, transferred=r.end_reason == "transferred", mood=r.mood,
            )
        )  # fmt: skip
    survey_rows = await session.execute(
        select(
            SurveyRow.type, SurveyRow.score, SurveyRow.comment, SurveyRow.customer_id,
            SurveyRow.interaction_id, ir.agent_id, ir.client_id, ir.disposition,
        )
        .outerjoin(ir, ir.id == SurveyRow.interaction_id)
        .where(SurveyRow.created_at >= since, SurveyRow.created_at < until)
    )  # fmt: skip
    for s in survey_rows:
        try:
            kind = SurveyType(s.type)
        except ValueError:
            continue
        w.surveys.append(
            SurveyFact(
                kind, s.score, s.comment or "", s.customer_id, s.client_id, s.agent_id,
                s.disposition in COLLECTION_TOPICS, s.interaction_id,
            )
        )  # fmt: skip
    await _load_states(session, w)
    return w


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
