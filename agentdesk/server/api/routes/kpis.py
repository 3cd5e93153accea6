"""``/kpis``, ``/surveys/summary`` and ``/staffing/erlang-c``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from agentdesk.domain.erlang_c import StaffingInputError, staff
from agentdesk.domain.surveys import Answer, SurveyType, summarize
from agentdesk.protocol.agents import Role
from agentdesk.protocol.base import utcnow
from agentdesk.protocol.errors import ErrorResponse
from agentdesk.protocol.people import (
    KpiReport,
    Period,
    Scope,
    ScoreComments,
    StaffingResult,
    SurveyFigures,
    SurveySummary,
)
from agentdesk.server.api.deps import AnyAgent, Ctx, Principal, RoleGuard
from agentdesk.server.api.routes.squads import TeamLead, check_squad
from agentdesk.server.db.models import AgentRow, ClientRow, QueueRow, TeamRow
from agentdesk.server.errors import Forbidden, Invalid, NotFound
from agentdesk.server.people.competition import season_at
from agentdesk.server.people.periods import bounds, report
from agentdesk.server.people.reports import Selection, build_report
from agentdesk.server.people.standings import places
from agentdesk.server.people.window import SurveyFact, load_surveys, load_window

router = APIRouter(tags=["kpis"])

Staffer = TeamLead
Analyst = Annotated[Principal, Depends(RoleGuard(Role.TEAM_LEADER, Role.TUTOR, Role.ADMIN))]
PeriodQuery = Annotated[Period, Query()]
#: ``period=season`` when no season is defined (or ``/competition/me`` outside the season).
NO_SEASON: dict[int | str, dict[str, Any]] = {
    404: {"description": "No competition season is defined", "model": ErrorResponse}
}


@router.get("/kpis/me", response_model=KpiReport, responses=NO_SEASON)
async def my_kpis(principal: AnyAgent, ctx: Ctx, period: PeriodQuery = Period.TODAY) -> KpiReport:
    """The caller's own KPIs, with their season score and rank (the season's standing is
    kept while nothing that moves scores changed: a day's report does not reload the
    season; a season's report loads it once for both)."""
    now = utcnow()
    threshold = ctx.settings.service_level_threshold_s
    sel = Selection(Scope.OPERATOR, principal.id, agent_ids=frozenset({principal.id}))
    async with ctx.db.read() as session:
        season = await season_at(session, now)
        if season is None:
            return await report(session, sel, period, now, threshold)
        w = None
        if period is Period.SEASON:
            w = await load_window(session, season.starts_at, season.ends_at, now, threshold)
            out = build_report(w, sel, period)
        else:
            out = await report(session, sel, period, now, threshold)
        mine = (await places(ctx.db, session, season, now, threshold_s=threshold, window=w)).get(
            principal.id
        )
    if mine is not None:
        out = out.model_copy(update={"score": mine[0], "rank": mine[1]})
    return out


async def team_members(ctx: Ctx, team_id: str) -> frozenset[str]:
    async with ctx.db.read() as session:
        if await session.get(TeamRow, team_id) is None:
            raise NotFound(f"no team {team_id}")
        ids = await session.scalars(
            select(AgentRow.id).where(AgentRow.team_id == team_id, AgentRow.enabled.is_(True))
        )
        return frozenset(ids)


def check_team_access(principal: Principal, team_id: str) -> None:
    """Admins see every squad; everyone else only their own."""
    check_squad(principal, team_id, "read")


@router.get("/kpis/teams/{team_id}", response_model=KpiReport)
async def team_kpis(
    team_id: str, principal: AnyAgent, ctx: Ctx, period: PeriodQuery = Period.TODAY
) -> KpiReport:
    """A squad's KPIs (its own members; admins any squad)."""
    members = await team_members(ctx, team_id)
    check_team_access(principal, team_id)
    async with ctx.db.read() as session:
        sel = Selection(Scope.SQUAD, team_id, agent_ids=members)
        return await report(session, sel, period, utcnow(), ctx.settings.service_level_threshold_s)


@router.get("/kpis/agents/{agent_id}", response_model=KpiReport)
async def agent_kpis(
    agent_id: str, principal: Analyst, ctx: Ctx, period: PeriodQuery = Period.TODAY
) -> KpiReport:
    """One operator's KPIs, for their team leader or tutor (or an admin)."""
    async with ctx.db.read() as session:
        agent = await session.get(AgentRow, agent_id)
        if agent is None:
            raise NotFound(f"no agent {agent_id}")
        check_team_access(principal, agent.team_id or "")
        sel = Selection(Scope.OPERATOR, agent_id, agent_ids=frozenset({agent_id}))
        return await report(session, sel, period, utcnow(), ctx.settings.service_level_threshold_s)


@router.get("/kpis/clients/{client_id}", response_model=KpiReport)
async def client_kpis(
    client_id: str, principal: Staffer, ctx: Ctx, period: PeriodQuery = Period.TODAY
) -> KpiReport:
    """A client's KPIs (admins; team leaders for clients their squad serves)."""
    async with ctx.db.read() as session:
        if await session.get(ClientRow, client_id) is None:
            raise NotFound(f"no client {client_id}")
        if principal.role is not Role.ADMIN and client_id not in principal.agent.clients:
            raise Forbidden("your squad does not serve this client")
        sel = Selection(Scope.CLIENT, client_id, client_id=client_id)
        return await report(session, sel, period, utcnow(), ctx.settings.service_level_threshold_s)


@router.get("/kpis/queues/{queue_id}", response_model=KpiReport)
async def queue_kpis(
    queue_id: str, principal: Staffer, ctx: Ctx, period: PeriodQuery = Period.TODAY
) -> KpiReport:
    async with ctx.db.read() as session:
        queue = await session.get(QueueRow, queue_id)
        if queue is None:
            raise NotFound(f"no queue {queue_id}")
        if principal.role is not Role.ADMIN and queue.client_id not in principal.agent.clients:
            raise Forbidden("your squad does not serve this queue")
        sel = Selection(Scope.QUEUE, queue_id, queue_id=queue_id)
        return await report(session, sel, period, utcnow(), ctx.settings.service_level_threshold_s)


@router.get("/staffing/erlang-c", response_model=StaffingResult)
async def erlang_c(
    principal: Staffer,
    *,
    volume: float,
    aht: float,
    interval: float = 1800,
    target_sl: float = 0.8,
    target_time: float = 20,
    shrinkage: float = 0,
) -> StaffingResult:
    """The fewest agents meeting the service-level target (Erlang C), and scheduled heads."""
    try:
        result = staff(
            volume, aht, interval,
            target_sl=target_sl, target_time=target_time, shrinkage=shrinkage,
        )  # fmt: skip
    except StaffingInputError as exc:
        raise Invalid(str(exc), details={"field": exc.field}) from exc
    return StaffingResult(
        traffic_erlangs=result.traffic_erlangs,
        agents=result.agents,
        service_level=result.service_level,
        asa_s=result.asa_s,
        occupancy=result.occupancy,
        scheduled=result.scheduled,
    )


def _figures(type_: SurveyType, facts: list[SurveyFact]) -> SurveyFigures:
    s = summarize(type_, [Answer(f.type, f.score, f.comment) for f in facts])
    counts: dict[int, int] = {}
    for f in facts:
        counts[f.score] = counts.get(f.score, 0) + 1
    return SurveyFigures(
        responses=s.responses,
        mean=s.mean,
        promoters=s.promoters if type_.is_nps else None,
        passives=s.passives if type_.is_nps else None,
        detractors=s.detractors if type_.is_nps else None,
        nps=s.nps,
        satisfied_share=s.satisfied_share,
        comments=[
            ScoreComments(
                score=score, count=counts[score], comments=s.comments_by_score.get(score, [])
            )
            for score in sorted(counts, reverse=True)
        ],
    )


@router.get("/surveys/summary", response_model=SurveySummary)
async def survey_summary(
    principal: AnyAgent,
    ctx: Ctx,
    type: SurveyType,
    scope: str = "centre",
    period: PeriodQuery = Period.MONTH,
) -> SurveySummary:
    """One survey type's results: ``scope`` is ``centre``, ``me``, ``team:<id>`` or
    ``client:<id>``. NPS kinds are summarised only one at a time, never together."""
    now = utcnow()
    async with ctx.db.read() as session:
        since, until = await bounds(session, period, now)
        surveys = await load_surveys(session, since, until)
    facts = [f for f in surveys if f.type is type]
    if scope == "me":
        facts = [f for f in facts if f.agent_id == principal.id]
    elif scope.startswith("team:"):
        team_id = scope.removeprefix("team:")
        members = await team_members(ctx, team_id)
        check_team_access(principal, team_id)
        facts = [f for f in facts if f.agent_id in members]
    elif scope.startswith("client:"):
        client_id = scope.removeprefix("client:")
        if principal.role is not Role.ADMIN and client_id not in principal.agent.clients:
            raise Forbidden("you do not serve this client")
        facts = [f for f in facts if f.client_id == client_id]
    elif scope == "centre":
        if principal.role not in (Role.ADMIN, Role.TEAM_LEADER):
            raise Forbidden("the whole centre's surveys are for team leaders and admins")
    else:
        raise Invalid(f"unknown scope {scope!r}", details={"scope": scope})
    return SurveySummary(
        type=type,
        scope=scope,
        all=_figures(type, facts),
        after_collection=_figures(type, [f for f in facts if f.collection]),
    )
