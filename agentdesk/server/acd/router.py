"""The router: offers waiting interactions to ready operators, takes back expired offers.

It runs as one task per server, woken by :meth:`ServerContext.kick_router` (a new chat, an
operator ready, capacity freed, a reject) and by its own next deadline (an offer expiring,
an exclusion lapsing). Decisions come from :mod:`agentdesk.domain.routing`; each offer is
applied in its own transaction with a compare-and-set on the interaction's status, so a
customer who left or a chat taken meanwhile is never offered.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from agentdesk.domain.agent_state import AgentState
from agentdesk.domain.routing import AgentCandidate, WaitingInteraction, plan_offers
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.interactions import Channel, InteractionStatus
from agentdesk.server.context import ServerContext, UnitOfWork
from agentdesk.server.db.inline_sqlite import taking_turns
from agentdesk.server.db.models import AgentRow, InteractionRow, QueueRow
from agentdesk.server.people.nesting import enabled_queues
from agentdesk.server.services.agents import apply_state
from agentdesk.server.services.offers import lock_interaction, offer, requeue
from agentdesk.waiting import wait_event

log = logging.getLogger(__name__)

S = InteractionStatus
#: (agent id, channel) -> contacts held
Loads = Counter[tuple[str, str]]
#: Longest the router sleeps without a kick (a safety net, not the mechanism).
MAX_IDLE_S = 30.0
#: Longest the router waits to notice a wrap-up reaching the maximum while contacts wait.
WRAP_UP_POLL_S = 1.0
#: How long a kicked router lets the kicking commit's events reach the websockets first.
KICK_SETTLE_S = 0.005
#: Roles that handle contacts (others may set a state but are never offered anything).
HANDLER_ROLES = ("operator", "trainee")


@dataclass(frozen=True, slots=True)
class ReadyAgent:
    """What routing reads of a ready operator (columns, not an ORM object: routing reads
    them on every arrival and pass)."""

    id: str
    role: str
    state: str
    skills: list[Any]
    clients: list[Any]
    max_chats: int
    max_calls: int
    max_emails: int
    idle_since: datetime


#: An operator as routing sees them: read for a pass, or locked in a transaction.
AgentLike = ReadyAgent | AgentRow
#: Where routing's reads run: a session, or a transaction's connection.
Reader = AsyncSession | AsyncConnection


def capacity(agent: AgentLike, channel: str) -> int:
    """The operator's limit for ``channel`` (defaults: 1 call, 3 chats, 2 e-mails)."""
    if channel == Channel.VOICE.value:
        return agent.max_calls
    if channel == Channel.EMAIL.value:
        return agent.max_emails
    return agent.max_chats


def trainee_capacity(agent: AgentLike, channel: str, nesting: dict[str, frozenset[str]]) -> int:
    """Trainees in nesting take one contact at a time (their load counts every channel)."""
    cap = capacity(agent, channel)
    return min(cap, 1) if agent.role == "trainee" and agent.id in nesting else cap


def free_capacity(agent: AgentLike, channel: str, loads: Loads, calls_block_chats: bool) -> int:
    """Slots for ``channel``: each channel has its own limit, and a call in progress keeps
    new chats away when the centre's policy says so."""
    if (
        calls_block_chats
        and channel == Channel.CHAT.value
        and loads[(agent.id, Channel.VOICE.value)] > 0
    ):
        return 0
    return capacity(agent, channel)


def wrap_up_cutoff(now: datetime, wrap_up_max_s: float) -> datetime:
    """Interactions that entered wrap-up before this no longer take capacity."""
    return now - timedelta(seconds=wrap_up_max_s)


_IR = InteractionRow
#: Built once (routing runs them on every arrival and pass; building costs more than running).
_HELD = _IR.status.in_((S.OFFERED.value, S.ACTIVE.value, S.WRAP_UP.value))
_HOLDING = (
    select(_IR.agent_id, _IR.channel, func.count())
    .where(_IR.agent_id.in_(bindparam("agents", expanding=True)), _HELD)
    .group_by(_IR.agent_id, _IR.channel)
)
#: Of what is held, a wrap-up counts only while it is younger than ``wrap_up_since``.
_NOT_PAST_WRAP_UP = or_(
    _IR.status != S.WRAP_UP.value,
    _IR.ended_at.is_(None),
    _IR.ended_at > bindparam("wrap_up_since"),
)
_HOLDING_SINCE = (
    select(_IR.agent_id, _IR.channel, func.count())
    .where(_IR.agent_id.in_(bindparam("agents", expanding=True)), _HELD, _NOT_PAST_WRAP_UP)
    .group_by(_IR.agent_id, _IR.channel)
)
# Lists of constants as ORs of equalities: an IN of literals is expanded into the SQL text
# on every execution (SQLite reads both the same way).
_READY_WHERE = (
    AgentRow.state == AgentState.READY.value,
    AgentRow.enabled.is_(True),
    or_(*(AgentRow.role == role for role in HANDLER_ROLES)),
)
_AHEAD = (
    select(_IR.id)
    .join(QueueRow, QueueRow.id == _IR.queue_id)
    .where(
        _IR.status == S.QUEUED.value,
        _IR.channel == bindparam("channel"),
        _IR.id != bindparam("self"),
        or_(_IR.queue_id == bindparam("queue"), QueueRow.priority > bindparam("priority")),
    )
    .limit(1)
)
#: The channels whose loads routing counts (one column each in :data:`_FLOOR`).
CHANNELS = tuple(c.value for c in Channel)


def _held_on(channel: str) -> Any:
    """What the operator of the outer row holds on ``channel`` (as :data:`_HOLDING_SINCE`)."""
    return (
        select(func.count())
        .where(
            _IR.agent_id == AgentRow.id,
            # the statuses as one list: an index search on (agent_id, status)
            or_(*(_IR.status == s.value for s in (S.OFFERED, S.ACTIVE, S.WRAP_UP))),
            _IR.channel == channel,
            _NOT_PAST_WRAP_UP,
        )
        .correlate(AgentRow)
        .scalar_subquery()
    )


#: Ready operators with, per row, their loads by channel (as :func:`holding` counts them)
#: and when they last finished a contact (their latest closed wrap-up): one statement, each
#: sub-select an index search (``ix_interactions_agent_status``,
#: ``ix_interactions_wrapup_agent_closed``; ``tests/server/test_routing_reads.py``).
_FLOOR = select(
    AgentRow.id,
    AgentRow.role,
    AgentRow.state,
    AgentRow.skills,
    AgentRow.clients,
    AgentRow.max_chats,
    AgentRow.max_calls,
    AgentRow.max_emails,
    AgentRow.idle_since,
    *(_held_on(channel) for channel in CHANNELS),
    select(func.max(_IR.closed_at))
    .where(_IR.wrapup_agent_id == AgentRow.id, _IR.closed_at.is_not(None))
    .correlate(AgentRow)
    .scalar_subquery(),
).where(*_READY_WHERE)
#: The same for an arrival, with whether someone waits before it (``ahead``, on every row;
#: no row when nobody is ready, and then it does not matter).
_ARRIVAL_FLOOR = _FLOOR.add_columns(_AHEAD.scalar_subquery())


def _floor(rows: Iterable[Sequence[Any]]) -> tuple[list[ReadyAgent], Loads, dict[str, datetime]]:
    """:data:`_FLOOR`'s rows as :func:`ready_agents` answers."""
    agents, loads, freed = [], Loads(), {}
    first_load = len(fields(ReadyAgent))
    for r in rows:
        agent = ReadyAgent(*r[:first_load])
        agents.append(agent)
        for i, channel in enumerate(CHANNELS):
            if count := r[first_load + i]:
                loads[(agent.id, channel)] = int(count)
        if (when := r[first_load + len(CHANNELS)]) is not None:
            freed[agent.id] = when
    return agents, loads, freed


async def holding(
    session: Reader, agent_ids: list[str], wrap_up_since: datetime | None = None
) -> Loads:
    """How many contacts each agent holds, by channel: offered, active, and in wrap-up
    (since ``wrap_up_since``: a wrap-up past the maximum no longer counts)."""
    loads: Loads = Counter()
    if not agent_ids:
        return loads
    if wrap_up_since is None:
        counts = await session.execute(_HOLDING, {"agents": agent_ids})
    else:
        counts = await session.execute(
            _HOLDING_SINCE, {"agents": agent_ids, "wrap_up_since": wrap_up_since}
        )
    for agent_id, channel, count in counts:
        if agent_id is not None:
            loads[(agent_id, str(channel))] = int(count)
    return loads


async def ready_agents(
    session: Reader, wrap_up_since: datetime
) -> tuple[list[ReadyAgent], Loads, dict[str, datetime]]:
    """Operators who may be offered something now, what each holds (a wrap-up that began
    before ``wrap_up_since`` no longer counts), and when each last finished a contact."""
    return _floor(await session.execute(_FLOOR, {"wrap_up_since": wrap_up_since}))


def candidates_for(
    channel: str,
    agents: Sequence[AgentLike],
    loads: Loads,
    nesting: dict[str, frozenset[str]],
    calls_block_chats: bool,
    *,
    freed: dict[str, datetime] | None = None,
) -> list[AgentCandidate]:
    """Routing's view of ``agents`` for ``channel``: capacity per channel (a call may block
    chats); trainees in nesting only in their enabled queues, one contact at a time; idle
    since they became ready or finished their last contact (``freed``), the later."""
    found = []
    freed = freed or {}
    for a in agents:
        nested = a.role == "trainee" and a.id in nesting
        free = free_capacity(a, channel, loads, calls_block_chats)
        if nested:
            free = min(free, trainee_capacity(a, channel, nesting))
        if free <= 0:
            continue
        load = (
            sum(n for (who, _ch), n in loads.items() if who == a.id)
            if nested
            else loads[(a.id, channel)]
        )
        found.append(
            AgentCandidate(
                agent_id=a.id,
                state=AgentState(a.state),
                skills=frozenset(a.skills),
                clients=frozenset(a.clients),
                capacity=free,
                load=load,
                idle_since=max(a.idle_since, freed.get(a.id, a.idle_since)),
                queues=nesting.get(a.id) if a.role == "trainee" else None,
            )
        )
    return found


async def try_offer(uow: UnitOfWork, row: InteractionRow, agent_id: str) -> bool:
    """Offer ``row`` (locked by the caller) if it is still possible: the interaction still
    queued, the operator still ready with room on its channel. Whether it was offered."""
    if row.status != S.QUEUED.value or not await _still_free(uow, row.channel, agent_id):
        return False
    await offer(uow, row, agent_id)
    return True


async def arrival_agent(
    uow: UnitOfWork, row: InteractionRow, skill: str, *, priority: int | None = None
) -> str | None:
    """The operator to offer a new arrival to in the transaction that queues it, when nobody
    waits before it in its queue and someone is free: one commit and no router round-trip
    between the customer and the offer. ``None`` leaves it to the router as usual.

    ``row`` may not be stored yet (a chat is inserted already offered). ``priority``: its
    queue's, when the caller has read it. The reads run as plain statements on the
    transaction's connection (after flushing what the caller changed)."""
    if priority is None:
        queue = await uow.session.get(QueueRow, row.queue_id)
        priority = queue.priority if queue is not None else 0
    session = uow.session
    if session.new or session.dirty or session.deleted:
        await session.flush()
    conn = await uow.connection()
    rows = list(
        await conn.execute(
            _ARRIVAL_FLOOR,
            {
                "wrap_up_since": wrap_up_cutoff(uow.now, uow.ctx.settings.wrap_up_max_s),
                "channel": row.channel,
                "self": row.id,
                "queue": row.queue_id,
                "priority": priority,
            },
        )
    )
    # Someone waits before it: in its queue, or in a higher-priority queue of its channel.
    if not rows or rows[0][-1] is not None:
        return None
    agents, loads, freed = _floor(rows)
    trainees = any(a.role == "trainee" for a in agents)
    nesting = await enabled_queues(uow.session) if trainees else {}
    item = WaitingInteraction(
        row.id, skill, row.client_id, row.queued_at, queue_id=row.queue_id, priority=priority
    )
    block = uow.ctx.settings.calls_block_chats
    candidates = candidates_for(row.channel, agents, loads, nesting, block, freed=freed)
    for interaction_id, agent_id in plan_offers(candidates, [item]):
        if interaction_id != row.id:
            continue
        if uow.ctx.db.is_sqlite:
            # one writer at a time: what this transaction read is still true
            return agent_id
        return agent_id if await _still_free(uow, row.channel, agent_id) else None
    return None


async def _still_free(uow: UnitOfWork, channel: str, agent_id: str) -> bool:
    """Lock the operator's row and check again that they are ready with room on ``channel``
    (another server process may have offered them something meanwhile)."""
    agent = await uow.session.scalar(
        select(AgentRow)
        .where(AgentRow.id == agent_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if agent is None or agent.state != AgentState.READY.value:
        return False
    loads = await holding(
        uow.session, [agent_id], wrap_up_cutoff(uow.now, uow.ctx.settings.wrap_up_max_s)
    )
    nesting = await enabled_queues(uow.session) if agent.role == "trainee" else {}
    return bool(
        candidates_for(channel, [agent], loads, nesting, uow.ctx.settings.calls_block_chats)
    )


async def route_arrival(uow: UnitOfWork, row: InteractionRow, skill: str) -> bool:
    """Offer a stored new arrival now when :func:`arrival_agent` finds someone. Whether it
    was offered (if not, the router takes it from the queue as usual)."""
    agent_id = await arrival_agent(uow, row, skill)
    return agent_id is not None and await try_offer(uow, row, agent_id)


#: Statuses the router looks at on every pass.
LIVE = (S.QUEUED.value, S.OFFERED.value, S.ACTIVE.value, S.WRAP_UP.value)


_LIVE_CONTACTS = select(_IR.id, _IR.status, _IR.offered_at, _IR.ended_at, _IR.excluded).where(
    _IR.status.in_(LIVE)
)
_IN_WRAP_UP = select(AgentRow.id, AgentRow.state_since).where(
    AgentRow.state == AgentState.WRAP_UP.value
)


@dataclass(slots=True)
class LiveFloor:
    """One read of what the router's next pass and deadline depend on."""

    waiting: bool = False
    #: a contact is offered or in progress (one may end and free capacity any time)
    talking: bool = False
    expired_offers: list[str] = field(default_factory=list)
    overdue_wrap_ups: list[str] = field(default_factory=list)
    offered_at: list[datetime] = field(default_factory=list)
    #: when wrap-ups still under the maximum started (contacts' ends, operators' states)
    wrap_up_started: list[datetime] = field(default_factory=list)
    #: when operators were excluded from waiting contacts (ISO times)
    exclusions: list[str] = field(default_factory=list)


class Router:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    async def run(self) -> None:
        """Route until cancelled."""
        while True:
            self.ctx.routing_needed.clear()
            try:
                # Straight through: its offers are what operators wait for (see inline_sqlite).
                with taking_turns(False):
                    delay = await self.route_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("routing pass failed; retrying shortly")
                delay = 1.0
            if await wait_event(self.ctx.routing_needed, delay):
                # A kick comes from a commit whose events are on their way to the operators'
                # websockets (a few task hops); they go first, and the kicks of a burst of
                # commits share one pass.
                await asyncio.sleep(KICK_SETTLE_S)

    async def route_once(self) -> float:
        """Expire offers, make new ones; return seconds until the next deadline.

        A pass with nothing to do (the common case: it is woken by every accept, hang-up and
        wrap-up) costs two small reads, so it never holds up the requests around it."""
        now = utcnow()
        live = await self._live(now)
        if live.expired_offers or live.overdue_wrap_ups:
            await self._expire_offers(now, live.expired_offers)
            await self._end_long_wrap_ups(now, live.overdue_wrap_ups)
            live = await self._live(now)
        if live.waiting and await self._route_waiting(now):
            live = await self._live(now)
        return self._next_deadline(now, live)

    async def _live(self, now: datetime) -> LiveFloor:
        """What routing's deadlines depend on: contacts queued, offered, in progress or in
        wrap-up, and operators in the wrap-up state."""
        settings = self.ctx.settings
        offer_cutoff = now - timedelta(seconds=settings.offer_timeout_s)
        wrap_cutoff = wrap_up_cutoff(now, settings.wrap_up_max_s)
        live = LiveFloor()
        async with self.ctx.db.read() as session:
            rows = await session.execute(_LIVE_CONTACTS)
            for interaction_id, status, offered_at, ended_at, excluded in rows:
                if status == S.QUEUED.value:
                    live.waiting = True
                    live.exclusions.extend((excluded or {}).values())
                elif status == S.OFFERED.value:
                    live.talking = True
                    if offered_at is not None:
                        if offered_at <= offer_cutoff:
                            live.expired_offers.append(interaction_id)
                        live.offered_at.append(offered_at)
                elif status == S.ACTIVE.value:
                    live.talking = True
                elif ended_at is not None and ended_at > wrap_cutoff:
                    live.wrap_up_started.append(ended_at)
            for agent_id, since in await session.execute(_IN_WRAP_UP):
                if since is None:
                    continue
                if since <= wrap_cutoff:
                    live.overdue_wrap_ups.append(agent_id)
                else:
                    live.wrap_up_started.append(since)
        return live

    async def _route_waiting(self, now: datetime) -> bool:
        """Offer waiting contacts to free operators. Whether anything was offered."""
        waiting, agents, loads, freed = await self._snapshot(now)
        if not agents:
            return False
        async with self.ctx.db.read() as session:
            nesting = await enabled_queues(session)
        reoffer = timedelta(seconds=self.ctx.settings.reoffer_after_s)
        by_channel: dict[str, list[WaitingInteraction]] = {}
        for row, skill, priority in waiting:
            excluded = frozenset(
                agent_id
                for agent_id, when in row.excluded.items()
                if datetime.fromisoformat(when) + reoffer > now
            )
            item = WaitingInteraction(
                row.id,
                skill,
                row.client_id,
                row.queued_at,
                excluded,
                queue_id=row.queue_id,
                priority=priority,
            )
            by_channel.setdefault(row.channel, []).append(item)
        block = self.ctx.settings.calls_block_chats
        offered = False
        for channel, items in by_channel.items():
            candidates = candidates_for(channel, agents, loads, nesting, block, freed=freed)
            for interaction_id, agent_id in plan_offers(candidates, items):
                offered = await self._offer(interaction_id, agent_id, channel) or offered
        return offered

    async def _snapshot(
        self, now: datetime
    ) -> tuple[list[tuple[InteractionRow, str, int]], list[ReadyAgent], Loads, dict[str, datetime]]:
        cutoff = wrap_up_cutoff(now, self.ctx.settings.wrap_up_max_s)
        async with self.ctx.db.read() as session:
            result = await session.execute(
                select(InteractionRow, QueueRow.skill, QueueRow.priority)
                .join(QueueRow, QueueRow.id == InteractionRow.queue_id)
                .where(InteractionRow.status == S.QUEUED.value)
                .order_by(InteractionRow.queued_at, InteractionRow.id)
            )
            waiting = [(row, str(skill), int(priority or 0)) for row, skill, priority in result]
            if not waiting:
                return waiting, [], Counter(), {}
            agents, loads, freed = await ready_agents(session, cutoff)
        return waiting, agents, loads, freed

    async def _end_long_wrap_ups(self, now: datetime, overdue: list[str]) -> None:
        """Operators in the ``wrap_up`` state past the maximum are made ready again."""
        cutoff = wrap_up_cutoff(now, self.ctx.settings.wrap_up_max_s)
        for agent_id in overdue:
            async with self.ctx.transaction() as uow:
                agent = await uow.session.scalar(
                    select(AgentRow)
                    .where(AgentRow.id == agent_id)
                    .with_for_update()
                    .execution_options(populate_existing=True)
                )
                if (
                    agent is not None
                    and agent.state == AgentState.WRAP_UP.value
                    and agent.state_since <= cutoff
                ):
                    log.info("%s left wrap-up after the maximum", agent.id)
                    await apply_state(uow, agent, AgentState.READY, None)

    async def _offer(self, interaction_id: str, agent_id: str, channel: str) -> bool:
        async with self.ctx.transaction() as uow:
            row = await lock_interaction(uow, interaction_id)
            return (
                row is not None and row.channel == channel and await try_offer(uow, row, agent_id)
            )

    async def _expire_offers(self, now: datetime, expired: list[str]) -> None:
        cutoff = now - timedelta(seconds=self.ctx.settings.offer_timeout_s)
        for interaction_id in expired:
            async with self.ctx.transaction() as uow:
                row = await lock_interaction(uow, interaction_id)
                if (
                    row is not None
                    and row.status == S.OFFERED.value
                    and row.offered_at is not None
                    and row.offered_at <= cutoff
                ):
                    log.info("offer of %s to %s timed out", row.id, row.agent_id)
                    await requeue(uow, row, "offer_timeout")

    def _next_deadline(self, now: datetime, live: LiveFloor) -> float:
        """Seconds until an offer expires, a wrap-up reaches its maximum or an exclusion
        lapses (capped)."""
        settings = self.ctx.settings
        deadlines: list[datetime] = []
        if live.offered_at:
            deadlines.append(min(live.offered_at) + timedelta(seconds=settings.offer_timeout_s))
        # A wrap-up reaching the maximum frees capacity, or makes an operator ready.
        wrap_up = timedelta(seconds=settings.wrap_up_max_s)
        deadlines.extend(s + wrap_up for s in live.wrap_up_started if s + wrap_up > now)
        # A conversation that ends starts a wrap-up without waking the router: while
        # contacts wait and others are offered or in progress, look again now and then.
        if live.waiting and live.talking:
            poll = min(WRAP_UP_POLL_S, settings.wrap_up_max_s / 10)
            deadlines.append(now + timedelta(seconds=poll))
        reoffer = timedelta(seconds=settings.reoffer_after_s)
        for when in live.exclusions:
            lapse = datetime.fromisoformat(when) + reoffer
            if lapse > now:
                deadlines.append(lapse)
        if not deadlines:
            return MAX_IDLE_S
        seconds = (min(deadlines) - now).total_seconds() + 0.01
        return min(MAX_IDLE_S, max(0.01, seconds))
