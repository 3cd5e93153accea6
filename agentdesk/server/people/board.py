"""The team leader's live board (``GET /teams/{id}/live`` and ``team.live``) and its job.

The job looks at the floor every :data:`TICK_S` and pushes ``team.live`` to the squad's team
leader and tutors when anything on their board changed (states, loads, queues, alerts), and
``kpi.updated`` to an operator whose day changed (a contact wrapped up, a survey answered),
and lets :class:`ScoreWatch` push ``score.updated``. The boards and days are recomputed at
most every :data:`RECOMPUTE_MIN_S` (and a few times their own cost), giving way to the
mutations in flight (:class:`~agentdesk.server.context.RightOfWay`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.alerts import MemberNow, QueueNow, Thresholds, crossed
from agentdesk.protocol.agents import Role
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.events import EventType
from agentdesk.protocol.people import Alert, AlertKind, KpiUpdatedData, Period, Scope
from agentdesk.protocol.teams import TeamLive, TeamMemberLive
from agentdesk.server.acd.stats import QueueFigures, compute, serves
from agentdesk.server.context import ServerContext, give_way, giving_way
from agentdesk.server.db.models import AgentRow, InteractionRow, SurveyRow, TeamRow
from agentdesk.server.errors import NotFound
from agentdesk.server.people.periods import window_for
from agentdesk.server.people.reports import Selection, build_report
from agentdesk.server.people.score_watch import ScoreWatch
from agentdesk.server.people.window import Window
from agentdesk.server.services.agents import HELD
from agentdesk.server.services.views import state_view

log = logging.getLogger(__name__)
TICK_S = 0.5
#: A recomputation of the boards and the operators' days (a read of today's contacts and of
#: the floor) waits at least this long, and this many times its own duration, after the
#: previous one: it runs on the event loop, and on a busy floor (a wrap-up every tick) it
#: would otherwise take a fixed share of it, chats on their way to an offer waiting behind
#: its chunks. What changed meanwhile is pushed by the next one: a team leader's board and
#: an operator's day follow a change within about a second on a quiet floor.
RECOMPUTE_MIN_S = 1.0
RECOMPUTE_COST_FACTOR = 4.0
SUPERVISORS = (Role.TEAM_LEADER.value, Role.TUTOR.value)


async def build_team_live(
    ctx: ServerContext, team_id: str, now: datetime, today: Window | None = None,
    since: dict[str, datetime] | None = None, *, figures: list[QueueFigures] | None = None,
) -> TeamLive:  # fmt: skip
    """The squad now: members with state, current contact, mood and today's KPIs; queues;
    alerts for every threshold crossed (``since`` remembers when each alert began)."""
    async with ctx.db.read() as session:
        team = await session.get(TeamRow, team_id)
        if team is None:
            raise NotFound(f"no team {team_id}")
        members = list(
            await session.scalars(
                select(AgentRow)
                .where(AgentRow.team_id == team_id, AgentRow.enabled.is_(True))
                .order_by(AgentRow.name)
            )
        )
        held: dict[str, list[InteractionRow]] = {}
        if members:
            rows = await session.scalars(
                select(InteractionRow)
                .where(
                    InteractionRow.agent_id.in_([m.id for m in members]),
                    InteractionRow.status.in_(HELD),
                )
                .order_by(InteractionRow.created_at)
            )
            for row in rows:
                if row.agent_id is not None:
                    held.setdefault(row.agent_id, []).append(row)
        names: dict[str, str] = {}
        for rows_ in held.values():
            for r in rows_:
                if r.customer_id:
                    names[r.id] = r.from_address
    if today is None:
        today = await today_window(ctx, now)
    if figures is None:
        figures = await compute(ctx, now)
    queues = [f.stat for f in figures if any(serves(m, f.queue) for m in members)]
    live_members = []
    for m in members:
        await give_way()
        mine = held.get(m.id, [])
        current = mine[-1] if mine else None
        day = build_report(
            today, Selection(Scope.OPERATOR, m.id, agent_ids=frozenset({m.id})), Period.TODAY
        )
        live_members.append(
            TeamMemberLive(
                agent_id=m.id, name=m.name, role=Role(m.role), state=state_view(m),
                time_in_state_s=round(max(0.0, (now - m.state_since).total_seconds()), 1),
                interactions=len(mine),
                current_interaction_id=current.id if current else None,
                current_channel=current.channel if current else None,
                current_customer=names.get(current.id) if current else None,
                mood=current.mood if current else None,
                handled_today=day.handled, aht_today_s=day.aht_s, fcr_today=day.fcr,
            )
        )  # fmt: skip
    targets = {q.queue: today.policy(q.client_id).sl_target for q in queues}
    limits = Thresholds()
    found = crossed(
        [
            QueueNow(q.queue, q.waiting, q.oldest_wait_s, q.service_level, targets[q.queue])
            for q in queues
        ],
        [
            MemberNow(m.agent_id, m.name, m.state.state.value, m.time_in_state_s, m.mood)
            for m in live_members
        ],
        limits,
    )
    since = since if since is not None else {}
    alerts = [
        Alert(key=a.key, kind=AlertKind(a.kind), text=a.text, agent_id=a.agent_id,
              queue=a.queue, since=since.setdefault(a.key, now))
        for a in found
    ]  # fmt: skip
    for key in list(since):
        if key not in {a.key for a in found}:
            del since[key]
    return TeamLive(
        team_id=team.id, name=team.name, captain_id=team.captain_id, members=live_members,
        queues=queues, service_level_target=max(targets.values(), default=0.8), alerts=alerts,
    )  # fmt: skip


def board_key(board: TeamLive) -> str:
    """What decides a push: time in state and wait seconds grow every tick, so they count
    only in coarse steps (a new state, a wait past another 10 s)."""
    members = [m.model_copy(update={"time_in_state_s": 0}) for m in board.members]
    queues = [q.model_copy(update={"oldest_wait_s": q.oldest_wait_s // 10}) for q in board.queues]
    alerts = [a.model_copy(update={"text": ""}) for a in board.alerts]
    return board.model_copy(
        update={"members": members, "queues": queues, "alerts": alerts}
    ).model_dump_json()


async def today_window(ctx: ServerContext, now: datetime) -> Window:
    """Today's contacts for the KPI figures."""
    threshold_s = ctx.settings.service_level_threshold_s
    return await ctx.read(lambda session: window_for(session, Period.TODAY, now, threshold_s))


async def _floor(
    session: AsyncSession, now: datetime
) -> tuple[list[AgentRow], set[str], Counter[str], Counter[str]]:
    """Who watches a board, who is on the floor, and each operator's wrap-ups and survey
    answers today (what decides whether their day changed)."""
    watchers = list(
        await session.scalars(
            select(AgentRow).where(
                AgentRow.role.in_(SUPERVISORS),
                AgentRow.state != "offline",
                AgentRow.team_id.is_not(None),
            )
        )
    )
    online = set(
        await session.scalars(
            select(AgentRow.id).where(
                AgentRow.state != "offline", AgentRow.role.in_(("operator", "trainee"))
            )
        )
    )
    if not watchers and not online:
        return watchers, online, Counter(), Counter()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    closed: Counter[str] = Counter(
        dict(
            (agent_id, int(n))
            for agent_id, n in await session.execute(
                select(InteractionRow.agent_id, func.count())
                .where(InteractionRow.wrapup_at >= day_start)
                .group_by(InteractionRow.agent_id)
            )
            if agent_id is not None
        )
    )
    surveys: Counter[str] = Counter(
        dict(
            (agent_id, int(n))
            for agent_id, n in await session.execute(
                select(InteractionRow.agent_id, func.count())
                .join(SurveyRow, SurveyRow.interaction_id == InteractionRow.id)
                .where(SurveyRow.created_at >= day_start)
                .group_by(InteractionRow.agent_id)
            )
            if agent_id is not None
        )
    )
    return watchers, online, closed, surveys


class BoardJob:
    """Pushes ``team.live`` and ``kpi.updated`` when what they show has changed."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self._boards: dict[str, str] = {}
        self._alert_since: dict[str, dict[str, datetime]] = {}
        self._days: dict[str, tuple[int, int]] = {}
        self.scores = ScoreWatch(ctx)
        self._not_before = 0.0

    async def run(self) -> None:
        giving_way(self.ctx.right_of_way)
        while True:
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("board update failed")
            await asyncio.sleep(TICK_S)

    async def tick(self) -> None:
        now = utcnow()
        watchers, online, closed, surveys = await self.ctx.read(
            lambda session: _floor(session, now)
        )
        if not watchers and not online:
            return  # nobody to tell: the floor is empty
        await give_way()
        try:
            await self.scores.check(now, (sum(closed.values()), sum(surveys.values())))
        except Exception:
            log.exception("score update failed")
        # an operator's day is pushed when we first see them on the floor (a contact may
        # have closed before the first look) and whenever it changes after that
        changed_days = [a for a in online if self._days.get(a) != (closed[a], surveys[a])]
        for a in online:
            self._days.setdefault(a, (closed[a], surveys[a]))
        teams = {w.team_id for w in watchers if w.team_id}
        if not teams and not changed_days:
            return
        if time.monotonic() < self._not_before:
            return  # too soon after the last recomputation: the next tick looks again
        started = time.monotonic()
        try:
            days = {a: (closed[a], surveys[a]) for a in changed_days}
            await self._recompute(now, watchers, teams, days)
        finally:
            cost = time.monotonic() - started
            wait = max(RECOMPUTE_MIN_S, RECOMPUTE_COST_FACTOR * cost)
            self._not_before = time.monotonic() + wait

    async def _recompute(
        self,
        now: datetime,
        watchers: list[AgentRow],
        teams: set[str],
        days: dict[str, tuple[int, int]],
    ) -> None:
        """Today's boards and the operators' changed ``days`` (wrap-ups, survey answers),
        pushed where they differ from what was pushed."""
        await give_way()
        today = await today_window(self.ctx, now)
        due: list[tuple[str, EventType, object]] = []
        await give_way()
        figures = await compute(self.ctx, now) if teams else []
        for team_id in teams:
            await give_way()
            board = await build_team_live(
                self.ctx,
                team_id,
                now,
                today,
                self._alert_since.setdefault(team_id, {}),
                figures=figures,
            )
            # time in state grows every tick; the board is pushed when anything else changes
            key = board_key(board)
            if self._boards.get(team_id) != key:
                self._boards[team_id] = key
                for w in watchers:
                    if w.team_id == team_id:
                        due.append((w.id, EventType.TEAM_LIVE, board))
        for agent_id in days:
            await give_way()
            sel = Selection(Scope.OPERATOR, agent_id, agent_ids=frozenset({agent_id}))
            report = build_report(today, sel, Period.TODAY)
            due.append((agent_id, EventType.KPI_UPDATED, KpiUpdatedData(report=report)))
        if not due:
            self._days.update(days)
            return
        await give_way()
        async with self.ctx.transaction() as uow:
            for agent_id, type_, data in due:
                assert hasattr(data, "model_dump")
                await uow.emit(agent_id, type_, data)  # type: ignore[arg-type]
        self._days.update(days)
