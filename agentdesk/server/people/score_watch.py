"""``score.updated``: an operator's season score or rank changed; they and their team leader
hear it.

What moves a score is a wrap-up, a survey answer, a penalty or a scored review. Every board
tick (while anyone is on the floor) the watch compares a cheap signature of those; when it
changes, it recomputes the season's leaderboard (no more often than every
:data:`MIN_INTERVAL_S` and a few times its own cost, so a busy floor is not recomputed on
every wrap-up, the chats on their way to an offer waiting behind it) and pushes one event
per operator whose score or rank moved, to the operator and to the team leaders of their
squad. The first look only records where everyone stands.
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.agents import Role
from agentdesk.protocol.competition import Leaderboard, ScoreUpdatedData
from agentdesk.protocol.events import EventType
from agentdesk.server.context import ServerContext, give_way
from agentdesk.server.db.models import AgentRow
from agentdesk.server.db.people_models import PenaltyRow, ReviewRow, SeasonRow
from agentdesk.server.people.competition import leaderboard, season_at
from agentdesk.server.people.window import load_window

#: Least time between two recomputations of the leaderboard, and how many times its own
#: cost to wait at least (a month of a large centre takes seconds).
MIN_INTERVAL_S = 3.0
COST_FACTOR = 4.0


class ScoreWatch:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self._signature: tuple[object, ...] | None = None
        self._standing: dict[str, tuple[float, int]] | None = None
        self._season: str | None = None
        self._not_before = 0.0

    async def _signature_now(
        self, season: SeasonRow, activity: tuple[int, ...]
    ) -> tuple[object, ...]:
        """What moves scores: today's wrap-ups and survey answers (``activity``, counted by
        the board's tick anyway), the season's penalties, scored reviews, the weights."""

        async def read(session: AsyncSession) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
            penalties = (
                await session.execute(
                    select(func.count(), func.sum(PenaltyRow.points)).where(
                        PenaltyRow.season_id == season.id
                    )
                )
            ).one()
            reviews = (
                await session.execute(
                    select(func.count(), func.max(ReviewRow.completed_at)).where(
                        ReviewRow.status == "done"
                    )
                )
            ).one()
            return tuple(penalties), tuple(reviews)

        penalties, reviews = await self.ctx.read(read)
        return (
            season.id, json.dumps(season.weights, sort_keys=True), season.starts_at,
            season.ends_at, activity, tuple(penalties), tuple(reviews),
        )  # fmt: skip

    async def check(self, now: datetime, activity: tuple[int, ...]) -> None:
        if time.monotonic() < self._not_before:
            return
        season = await self.ctx.read(lambda session: season_at(session, now))
        if season is None:
            return
        await give_way()
        signature = await self._signature_now(season, activity)
        if signature == self._signature:
            return
        threshold_s = self.ctx.settings.service_level_threshold_s

        async def standings(session: AsyncSession) -> Leaderboard:
            await give_way()
            w = await load_window(session, season.starts_at, season.ends_at, now, threshold_s)
            await give_way()
            return await leaderboard(session, season, w)

        started = time.monotonic()
        board = await self.ctx.read(standings)
        cost = time.monotonic() - started
        self._not_before = time.monotonic() + max(MIN_INTERVAL_S, COST_FACTOR * cost)
        self._signature = signature
        previous = self._standing if self._season == season.id else None
        self._standing = {e.agent_id: (e.score, e.rank) for e in board.individuals}
        self._season = season.id
        if previous is not None:
            await give_way()
            await self._push(board, previous)

    async def _push(self, board: Leaderboard, previous: dict[str, tuple[float, int]]) -> None:
        moved = [e for e in board.individuals if previous.get(e.agent_id) != (e.score, e.rank)]
        if not moved:
            return
        teams = {e.team_id for e in moved if e.team_id}
        async with self.ctx.db.read() as session:
            leaders: dict[str, set[str]] = {}
            for agent_id, team_id in await session.execute(
                select(AgentRow.id, AgentRow.team_id).where(
                    AgentRow.team_id.in_(teams), AgentRow.role == Role.TEAM_LEADER.value
                )
            ):
                leaders.setdefault(team_id or "", set()).add(agent_id)
        async with self.ctx.transaction() as uow:
            for entry in moved:
                data = ScoreUpdatedData(
                    season_id=board.season.id, score=entry.score, rank=entry.rank,
                    agent_id=entry.agent_id, name=entry.name, entry=entry,
                )  # fmt: skip
                for to in {entry.agent_id, *leaders.get(entry.team_id or "", ())}:
                    await uow.emit(to, EventType.SCORE_UPDATED, data)
