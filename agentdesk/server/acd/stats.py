"""Queue statistics pushed to the operators who serve each queue (``queue.stats``).

Waiting count, oldest wait, and today's service level by the KPI engine's rule
(:func:`agentdesk.domain.kpis.service_level`) under the queue's client's policy: the share
of contacts answered within the threshold among those offered today, where "offered" counts
answered ones, abandoned ones (short abandons out when the policy says so) and those still
waiting past the threshold — the same figure the reports and the team leader's board show.
An operator gets an event when their figures change, and a refresh every
:data:`REFRESH_S` while customers wait (the oldest wait keeps growing).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain import kpis
from agentdesk.domain.agent_state import AgentState
from agentdesk.domain.kpis import Contact, ServiceLevelPolicy
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.events import EventType, QueueStat, QueueStatsData
from agentdesk.protocol.interactions import InteractionStatus
from agentdesk.server.config import ServerSettings
from agentdesk.server.context import ServerContext, give_way, giving_way
from agentdesk.server.db.models import AgentRow, InteractionRow, QueueRow
from agentdesk.server.db.people_models import ClientPolicyRow
from agentdesk.waiting import wait_event

log = logging.getLogger(__name__)

S = InteractionStatus
REFRESH_S = 15.0
#: What decides whether an operator needs a new event: (queue, waiting, service level).
Figures = tuple[tuple[str, int, float | None], ...]
#: Shortest gap between two computations when kicked repeatedly.
MIN_GAP_S = 0.5
#: How long a kicked computation lets the kicking commit's events reach the websockets
#: first: a computation reads on the event loop, and the offer it was kicked by must not
#: wait behind it.
KICK_SETTLE_S = 0.02
#: Today's contacts are read this many at a time.
TODAY_BATCH = 250


@dataclass(frozen=True, slots=True)
class QueueFigures:
    queue: QueueRow
    stat: QueueStat


async def compute(ctx: ServerContext, now: datetime) -> list[QueueFigures]:
    """Every queue's figures now."""
    return await ctx.read(lambda session: _compute(session, now, ctx.settings))


async def _compute(
    session: AsyncSession, now: datetime, settings: ServerSettings
) -> list[QueueFigures]:
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    queues = list(await session.scalars(select(QueueRow).order_by(QueueRow.id)))
    policies = {
        p.client_id: ServiceLevelPolicy(p.threshold_s, p.abandon_grace_s, p.exclude_short_abandons)
        for p in await session.scalars(select(ClientPolicyRow))
    }
    default = ServiceLevelPolicy(threshold_s=settings.service_level_threshold_s)
    ir = InteractionRow
    # A day's contacts, in batches: a busy day is thousands, and this read runs on the
    # event loop (a streamed read takes turns between batches; see inline_sqlite).
    today = await session.stream(
        select(
            ir.id, ir.channel, ir.queue_id, ir.status, ir.queued_at, ir.accepted_at, ir.ended_at
        ).where(ir.queued_at >= day_start)
    )
    by_queue: dict[str, list[Contact]] = {}
    async for batch in today.partitions(TODAY_BATCH):
        await give_way()
        for iid, channel, queue_id, status, queued_at, accepted_at, ended_at in batch:
            by_queue.setdefault(queue_id, []).append(
                Contact(iid, channel, queue_id, status, queued_at, accepted_at, ended_at)
            )
    waiting_rows = await session.execute(
        select(InteractionRow.queue_id, InteractionRow.queued_at).where(
            InteractionRow.status == S.QUEUED.value
        )
    )
    waiting: dict[str, list[datetime]] = {}
    for queue_id, queued_at in waiting_rows:
        waiting.setdefault(queue_id, []).append(queued_at)
    figures = []
    for queue in queues:
        waits = waiting.get(queue.id, [])
        oldest = (now - min(waits)).total_seconds() if waits else 0.0
        figures.append(
            QueueFigures(
                queue,
                QueueStat(
                    queue=queue.id,
                    client_id=queue.client_id,
                    waiting=len(waits),
                    oldest_wait_s=round(max(0.0, oldest), 1),
                    service_level=kpis.service_level(
                        by_queue.get(queue.id, []), policies.get(queue.client_id, default), now
                    ),
                ),
            )
        )
    return figures


def serves(agent: AgentRow, queue: QueueRow) -> bool:
    return queue.skill in agent.skills and queue.client_id in agent.clients


class QueueStatsJob:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        #: agent id -> (figures last sent, monotonic time sent)
        self._sent: dict[str, tuple[Figures, float]] = {}

    async def run(self) -> None:
        giving_way(self.ctx.right_of_way)
        while True:
            if await wait_event(self.ctx.stats_needed, self.ctx.settings.queue_stats_s):
                await asyncio.sleep(KICK_SETTLE_S)
            self.ctx.stats_needed.clear()
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("queue statistics failed")
            await asyncio.sleep(MIN_GAP_S)

    async def tick(self) -> None:
        now = utcnow()
        await give_way()
        figures = await compute(self.ctx, now)
        await give_way()
        async with self.ctx.db.read() as session:
            agents = list(
                await session.scalars(
                    select(AgentRow).where(
                        AgentRow.state != AgentState.OFFLINE.value, AgentRow.enabled.is_(True)
                    )
                )
            )
        reset, self.ctx.stats_reset = self.ctx.stats_reset, set()
        due: list[tuple[str, QueueStatsData, Figures]] = []
        clock = time.monotonic()
        for agent in agents:
            mine = [f.stat for f in figures if serves(agent, f.queue)]
            if not mine:
                continue
            key: Figures = tuple(
                (s.queue, s.waiting, None if s.service_level is None else round(s.service_level, 3))
                for s in mine
            )
            last = self._sent.get(agent.id)
            someone_waits = any(s.waiting for s in mine)
            if (
                agent.id in reset
                or last is None
                or last[0] != key
                or (someone_waits and clock - last[1] >= REFRESH_S)
            ):
                due.append((agent.id, QueueStatsData(queues=mine), key))
        if not due:
            return
        await give_way()
        async with self.ctx.transaction() as uow:
            for agent_id, data, _key in due:
                await uow.emit(agent_id, EventType.QUEUE_STATS, data)
        for agent_id, _data, key in due:
            self._sent[agent_id] = (key, clock)
