"""``/competition``: season leaderboards, my score, penalties, seasons and their weights."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from agentdesk.domain.scoring import WeightsError, weights_from_percent
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.competition import (
    CompetitionMe,
    Leaderboard,
    PenaltyRequest,
    PenaltyView,
    SeasonList,
    SeasonRequest,
    SeasonView,
    WeightsRequest,
)
from agentdesk.protocol.errors import ErrorResponse
from agentdesk.server.api.deps import AnyAgent, Ctx
from agentdesk.server.api.routes.squads import TeamLead, check_squad
from agentdesk.server.db.models import AgentRow
from agentdesk.server.db.people_models import PenaltyRow, SeasonRow
from agentdesk.server.errors import Invalid, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.people.competition import (
    DEFAULT_VOLUME_TARGET,
    leaderboard,
    season_at,
    season_view,
)
from agentdesk.server.people.window import load_window

router = APIRouter(prefix="/competition", tags=["competition"])
#: QA is done by team leaders and admins in this centre.
Judge = TeamLead
NO_SEASON: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such season (or none is defined)", "model": ErrorResponse}
}
NOT_COMPETING: dict[int | str, dict[str, Any]] = {
    404: {
        "description": "No season is defined, or the caller is not in its competition",
        "model": ErrorResponse,
    }
}


async def _board(ctx: Ctx, season_id: str | None) -> Leaderboard:
    now = utcnow()
    async with ctx.db.read() as session:
        season = (
            await session.get(SeasonRow, season_id) if season_id else await season_at(session, now)
        )
        if season is None:
            raise NotFound(f"no season {season_id}" if season_id else "no season is defined")
        w = await load_window(
            session, season.starts_at, season.ends_at, now, ctx.settings.service_level_threshold_s
        )
        board = await leaderboard(session, season, w)
    if board.winner_team_id and season.winner_team_id is None:
        async with ctx.transaction() as uow:
            row = await uow.session.get(SeasonRow, season.id)
            if row is not None:
                row.winner_team_id = board.winner_team_id
    return board


@router.get("/leaderboard", response_model=Leaderboard, responses=NO_SEASON)
async def get_leaderboard(principal: AnyAgent, ctx: Ctx, season: str | None = None) -> Leaderboard:
    """Squad and individual leaderboards; each entry carries its score lines."""
    return await _board(ctx, season)


@router.get("/me", response_model=CompetitionMe, responses=NOT_COMPETING)
async def my_competition(principal: AnyAgent, ctx: Ctx) -> CompetitionMe:
    board = await _board(ctx, None)
    me = next((e for e in board.individuals if e.agent_id == principal.id), None)
    if me is None:
        raise NotFound("you are not in this season's competition")
    squad = next((s for s in board.squads if s.team_id == principal.agent.team_id), None)
    winner = next((s for s in board.squads if s.team_id == board.winner_team_id), None)
    return CompetitionMe(
        season=board.season,
        me=me,
        squad=squad,
        squads=len(board.squads),
        individuals=len(board.individuals),
        winner=winner,
    )


def stored_weights(body: WeightsRequest, previous: dict[str, object]) -> dict[str, object]:
    """Checked weights as the season keeps them (fractions); 422 says what is wrong."""
    try:
        w = weights_from_percent(
            body.quality, body.quantity, body.quality_parts, body.quantity_parts
        )
    except WeightsError as exc:
        raise Invalid(str(exc), details={"field": exc.field}) from exc
    volume = body.volume_target or previous.get("volume_target") or DEFAULT_VOLUME_TARGET
    return {
        "quality": w.quality,
        "quantity": w.quantity,
        "volume_target": volume,
        "parts": {**w.quality_parts, **w.quantity_parts},
    }


@router.get("/seasons", response_model=SeasonList)
async def list_seasons(principal: AnyAgent, ctx: Ctx) -> SeasonList:
    """Every season, latest first."""
    async with ctx.db.read() as session:
        rows = await session.scalars(select(SeasonRow).order_by(SeasonRow.starts_at.desc()))
        return SeasonList(items=[season_view(r) for r in rows])


@router.post("/seasons", response_model=SeasonView, status_code=201)
async def create_season(body: SeasonRequest, principal: Judge, ctx: Ctx) -> SeasonView:
    """A new season (team leaders and admins): a name, start and end, optional weights."""
    if body.ends_at <= body.starts_at:
        raise Invalid("a season must end after it starts", details={"field": "ends_at"})
    weights = stored_weights(body.weights or WeightsRequest(quality=70, quantity=30), {})
    async with ctx.transaction() as uow:
        row = SeasonRow(
            id=new_id("season"), name=body.name.strip() or body.name,
            starts_at=body.starts_at, ends_at=body.ends_at, weights=weights,
        )  # fmt: skip
        uow.session.add(row)
        await uow.session.flush()
    return season_view(row)


@router.put("/seasons/{season_id}/weights", response_model=SeasonView)
async def set_weights(
    season_id: str, body: WeightsRequest, principal: Judge, ctx: Ctx
) -> SeasonView:
    """Change a season's score weights (team leaders and admins); scores follow at once."""
    async with ctx.transaction() as uow:
        row = await uow.session.get(SeasonRow, season_id)
        if row is None:
            raise NotFound(f"no season {season_id}")
        row.weights = stored_weights(body, dict(row.weights))
        await uow.session.flush()
        return season_view(row)


@router.post("/penalties", response_model=PenaltyView, status_code=201)
async def add_penalty(body: PenaltyRequest, principal: Judge, ctx: Ctx) -> PenaltyView:
    """A penalty for a serious error, with its reason; team leaders only for their squad."""
    now = utcnow()
    async with ctx.transaction() as uow:
        agent = await uow.session.get(AgentRow, body.agent_id)
        if agent is None:
            raise NotFound(f"no agent {body.agent_id}")
        check_squad(principal, agent.team_id, "penalise")
        season = (
            await uow.session.get(SeasonRow, body.season)
            if body.season
            else await season_at(uow.session, now)
        )
        if season is None:
            raise NotFound("no season")
        row = PenaltyRow(
            id=new_id("pen"),
            season_id=season.id,
            agent_id=agent.id,
            points=body.points,
            reason=body.reason,
            by_id=principal.id,
            created_at=uow.now,
        )
        uow.session.add(row)
        await uow.session.flush()
    return PenaltyView(
        id=row.id,
        agent_id=row.agent_id,
        points=row.points,
        reason=row.reason,
        by=row.by_id,
        at=row.created_at,
    )
