"""The season's leaderboards: every operator's 70/30 score from the season window."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain import scoring
from agentdesk.domain.kpis import KpiTotals
from agentdesk.domain.scoring import Penalty, ScoreWeights
from agentdesk.domain.surveys import SurveyType
from agentdesk.protocol.competition import (
    IndividualEntry,
    Leaderboard,
    PenaltyView,
    ScoreLineView,
    SeasonView,
    SquadEntry,
)
from agentdesk.server.context import give_way
from agentdesk.server.db.models import TeamRow
from agentdesk.server.db.people_models import PenaltyRow, ReviewRow, SeasonRow
from agentdesk.server.people.window import NOT_READY_BUDGET_S, Window

HANDLERS = ("operator", "trainee")
#: Contacts an operator is expected to handle in a whole season (scaled to time elapsed).
DEFAULT_VOLUME_TARGET = 600


async def season_at(session: AsyncSession, now: datetime) -> SeasonRow | None:
    """The season running now, else the latest that started."""
    rows = list(
        await session.scalars(
            select(SeasonRow).where(SeasonRow.starts_at <= now).order_by(SeasonRow.starts_at.desc())
        )
    )
    for row in rows:
        if row.ends_at > now:
            return row
    return rows[0] if rows else None


def weights_of(row: SeasonRow) -> ScoreWeights:
    """The season's weights: ``quality``/``quantity`` and, when set, ``parts`` (each
    component's share of its group); the defaults (70/30, equal parts) otherwise."""
    parts = row.weights.get("parts") or {}
    defaults = ScoreWeights()
    quality_parts = {n: float(parts.get(n, 0.0)) for n in scoring.QUALITY_PARTS}
    quantity_parts = {n: float(parts.get(n, 0.0)) for n in scoring.QUANTITY_PARTS}
    return ScoreWeights(
        quality=float(row.weights.get("quality", 0.7)),
        quantity=float(row.weights.get("quantity", 0.3)),
        quality_parts=quality_parts if any(quality_parts.values()) else defaults.quality_parts,
        quantity_parts=quantity_parts if any(quantity_parts.values()) else defaults.quantity_parts,
    )


def season_view(row: SeasonRow) -> SeasonView:
    w = weights_of(row)
    return SeasonView(
        id=row.id,
        name=row.name,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        weights={k: float(v) for k, v in row.weights.items() if isinstance(v, int | float)},
        parts={**w.quality_parts, **w.quantity_parts},
        winner_team_id=row.winner_team_id,
    )


def component_values(
    w: Window, agent_id: str, totals: KpiTotals, reviews: list[int], *, elapsed: float,
    volume_target: float,
) -> dict[str, float | None]:  # fmt: skip
    # the CSAT share and the transactional NPS of the operator's answers (the window keeps
    # these summaries: the operator's own report shows the same ones)
    csat = w.summary("agent_id", agent_id, SurveyType.CSAT).satisfied_share
    nps = w.summary("agent_id", agent_id, SurveyType.NPS_TRANSACTIONAL).nps
    handled = totals.handled_total
    logged = not_ready = 0.0
    for state, start, end in w.states.get(agent_id, ()):
        seconds = (end - start).total_seconds()
        if state != "offline":
            logged += seconds
        if state == "not_ready":
            not_ready += seconds
    days = max(1.0, logged / 28800)
    overrun = max(0.0, not_ready - NOT_READY_BUDGET_S * days)
    return {
        "csat": csat,
        "nps": None if nps is None else scoring.nps_to_unit(nps),
        "qa": (sum(reviews) / len(reviews) - 1) / 4 if reviews else None,
        "fcr": totals.fcr,
        "adherence": totals.adherence,
        "volume": scoring.volume_to_unit(handled, max(1, round(volume_target * elapsed))),
        "schedule_adherence": 1.0 - overrun / logged if logged > 0 else None,
    }


async def leaderboard(session: AsyncSession, season: SeasonRow, w: Window) -> Leaderboard:
    weights = weights_of(season)
    total_s = (season.ends_at - season.starts_at).total_seconds()
    elapsed = min(
        1.0, max(0.01, (min(w.now, season.ends_at) - season.starts_at).total_seconds() / total_s)
    )
    volume_target = float(season.weights.get("volume_target", DEFAULT_VOLUME_TARGET))
    by_agent = w.per_agent()
    await give_way()
    penalties: dict[str, list[PenaltyRow]] = {}
    for p in await session.scalars(select(PenaltyRow).where(PenaltyRow.season_id == season.id)):
        penalties.setdefault(p.agent_id, []).append(p)
    reviews: dict[str, list[int]] = {}
    for r in await session.scalars(
        select(ReviewRow).where(
            ReviewRow.status == "done", ReviewRow.completed_at >= season.starts_at
        )
    ):
        if r.score is not None:
            reviews.setdefault(r.trainee_id, []).append(r.score)
    await give_way()
    entries: list[IndividualEntry] = []
    scores: dict[str, float] = {}
    for agent in w.agents.values():
        if agent.role not in HANDLERS or not agent.enabled:
            continue
        mine = by_agent.get(agent.id) or KpiTotals()
        values = component_values(
            w,
            agent.id,
            mine,
            reviews.get(agent.id, []),
            elapsed=elapsed,
            volume_target=volume_target,
        )
        rows = penalties.get(agent.id, [])
        result = scoring.score(
            values, [Penalty(p.points, p.reason, p.by_id) for p in rows], weights
        )
        scores[agent.id] = round(result.total, 1)
        entries.append(
            IndividualEntry(
                agent_id=agent.id, name=agent.name, team_id=agent.team_id,
                score=round(result.total, 1), rank=0, badges=scoring.badges(values),
                lines=[ScoreLineView(group=line.group, name=line.name, value=line.value,
                                     weight=line.weight, points=round(line.points, 1))
                       for line in result.lines],
                penalties=[PenaltyView(id=p.id, agent_id=p.agent_id, points=p.points,
                                       reason=p.reason, by=p.by_id, at=p.created_at) for p in rows],
            )
        )  # fmt: skip
    ranks = scoring.rank(scores)
    entries = sorted(
        (e.model_copy(update={"rank": ranks[e.agent_id]}) for e in entries),
        key=lambda e: (e.rank, e.name),
    )
    teams = {t.id: t for t in await session.scalars(select(TeamRow))}
    squad_scores: dict[str, list[float]] = {}
    for e in entries:
        if e.team_id is not None:
            squad_scores.setdefault(e.team_id, []).append(e.score)
    squad_totals = {tid: round(sum(v) / len(v), 1) for tid, v in squad_scores.items()}
    squad_ranks = scoring.rank(squad_totals)
    squads = sorted(
        (
            SquadEntry(
                team_id=tid, name=teams[tid].name if tid in teams else tid,
                captain_id=teams[tid].captain_id if tid in teams else None,
                score=total, rank=squad_ranks[tid], members=len(squad_scores[tid]),
            )
            for tid, total in squad_totals.items()
        ),
        key=lambda s: (s.rank, -sum(squad_scores[s.team_id]), s.name),
    )  # fmt: skip
    ended = w.now >= season.ends_at
    winner = season.winner_team_id
    if winner is None and ended:
        winner = scoring.season_winner(squad_scores)
    if ended:
        entries = [season_badges(e, winner, e.rank == 1) for e in entries]
    view = season_view(season).model_copy(update={"winner_team_id": winner})
    return Leaderboard(season=view, squads=squads, individuals=entries, winner_team_id=winner)


def season_badges(entry: IndividualEntry, winner: str | None, champion: bool) -> IndividualEntry:
    """The badges a finished season gives: the winning squad's members, the top operator."""
    extra = [scoring.WINNING_SQUAD] if winner is not None and entry.team_id == winner else []
    extra += [scoring.SEASON_CHAMPION] if champion else []
    return entry.model_copy(update={"badges": [*entry.badges, *extra]}) if extra else entry
