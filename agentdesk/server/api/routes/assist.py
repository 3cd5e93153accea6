"""The assist column: client scripts, script progress, next-best-action hints and their report."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from agentdesk.protocol.nba import NbaOutcomeRequest, NbaReport, NextBestAction, NextBestActionList
from agentdesk.protocol.scripts import (
    ScriptList,
    ScriptProgressRequest,
    ScriptProgressView,
    ScriptView,
)
from agentdesk.server.api.deps import AnyAgent, Ctx, Handler, Supervisor
from agentdesk.server.db.models import AgentRow, InteractionRow
from agentdesk.server.errors import Conflict, Invalid, NotFound
from agentdesk.server.services import nba, scripts
from agentdesk.server.services.interactions import visible_to

router = APIRouter(tags=["assist"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such interaction, script or hint (or not yours to see)"},
    409: {"description": "Not assigned to you, or already decided"},
}


def _visible(row: InteractionRow | None, agent: AgentRow, interaction_id: str) -> InteractionRow:
    if row is None or not visible_to(agent, row):
        raise NotFound(f"no interaction {interaction_id}")
    return row


def _held(row: InteractionRow | None, agent: AgentRow, interaction_id: str) -> InteractionRow:
    row = _visible(row, agent, interaction_id)
    if row.agent_id != agent.id:
        raise Conflict(
            "this interaction is not assigned to you",
            details={"status": row.status, "interaction_id": row.id},
        )
    return row


@router.get("/scripts", response_model=ScriptList)
async def list_scripts(principal: AnyAgent, client_id: str | None = None) -> ScriptList:
    """The scripts of the clients the caller serves (all of them for an admin)."""
    agent = principal.agent
    library = scripts.script_library()
    items = [
        scripts.summary(s)
        for s in sorted(library.scripts.values(), key=lambda s: s.id)
        if (client_id is None or s.client_id == client_id)
        and (agent.role == "admin" or s.client_id in agent.clients)
    ]
    return ScriptList(items=items)


@router.get("/scripts/{script_id}", response_model=ScriptView, responses=_ERRORS)
async def get_script(script_id: str, principal: AnyAgent) -> ScriptView:
    return scripts.script_view(scripts.get_script(script_id, principal.agent))


@router.get(
    "/interactions/{interaction_id}/script-progress",
    response_model=ScriptProgressView,
    responses=_ERRORS,
)
async def get_progress(interaction_id: str, principal: Handler, ctx: Ctx) -> ScriptProgressView:
    async with ctx.db.read() as session:
        row = _visible(
            await session.get(InteractionRow, interaction_id), principal.agent, interaction_id
        )
        return await scripts.progress_view(session, row, principal.agent)


@router.post(
    "/interactions/{interaction_id}/script-progress",
    response_model=ScriptProgressView,
    responses=_ERRORS,
)
async def post_progress(
    interaction_id: str, body: ScriptProgressRequest, principal: Handler, ctx: Ctx
) -> ScriptProgressView:
    """Record an answer (or a line said) on the interaction's script; adherence is stored."""
    async with ctx.transaction() as uow:
        row = _held(
            await uow.session.get(InteractionRow, interaction_id), principal.agent, interaction_id
        )
        return await scripts.record_progress(uow, row, principal.agent, body)


@router.get(
    "/interactions/{interaction_id}/next-best-actions",
    response_model=NextBestActionList,
    responses=_ERRORS,
)
async def get_hints(interaction_id: str, principal: Handler, ctx: Ctx) -> NextBestActionList:
    """The hints for this interaction now, best first, each with its reason."""
    async with ctx.transaction() as uow:
        row = _held(
            await uow.session.get(InteractionRow, interaction_id), principal.agent, interaction_id
        )
        return await nba.listed(uow, row)


@router.post(
    "/next-best-actions/{hint_id}/outcome", response_model=NextBestAction, responses=_ERRORS
)
async def post_outcome(
    hint_id: str, body: NbaOutcomeRequest, principal: Handler, ctx: Ctx
) -> NextBestAction:
    async with ctx.transaction() as uow:
        return await nba.decide(uow, hint_id, principal.id, body.accepted, body.note)


@router.get("/reports/next-best-actions", response_model=NbaReport)
async def hint_report(
    principal: Supervisor,
    ctx: Ctx,
    since: Annotated[datetime | None, Query(description="ISO 8601; hints shown since")] = None,
) -> NbaReport:
    """Per rule: how often shown, accepted, dismissed, and how often an accepted hint's
    contact ended resolved (team leaders, tutors, admins)."""
    if since is not None and since.tzinfo is None:
        raise Invalid("'since' needs a time zone (e.g. 2026-01-01T00:00:00Z)")
    async with ctx.db.read() as session:
        return await nba.report(session, since)
