"""``/interactions``: the operator's contacts and what they do with them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from agentdesk.protocol.interactions import (
    Interaction,
    InteractionList,
    Message,
    SendMessageRequest,
    WrapupRequest,
)
from agentdesk.server.api.deps import Ctx, Handler, IdempotencyKeyHeader, Principal
from agentdesk.server.api.routes.common import agent_for_update
from agentdesk.server.context import ServerContext, UnitOfWork
from agentdesk.server.db.models import AgentRow
from agentdesk.server.services import call_control as calls
from agentdesk.server.services import idempotency
from agentdesk.server.services import interactions as svc

router = APIRouter(prefix="/interactions", tags=["interactions"])

_CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"description": "Not assigned to you, or not in a status that allows it"}
}


class StatusFilter(StrEnum):
    ACTIVE = "active"  # offered, active or in wrap-up
    RECENT = "recent"  # the last 50 in any status


@router.get("", response_model=InteractionList)
async def list_interactions(
    principal: Handler, ctx: Ctx, status: StatusFilter = StatusFilter.ACTIVE
) -> InteractionList:
    async with ctx.db.read() as session:
        if status is StatusFilter.ACTIVE:
            items = await svc.list_held(session, principal.agent)
        else:
            items = await svc.list_recent(session, principal.agent)
    return InteractionList(items=items)


@router.get("/{interaction_id}", response_model=Interaction)
async def get_interaction(interaction_id: str, principal: Handler, ctx: Ctx) -> Interaction:
    async with ctx.db.read() as session:
        return await svc.get_visible(session, principal.agent, interaction_id)


async def _mutate(
    *,
    ctx: ServerContext,
    principal: Principal,
    request: Request,
    key: str | None,
    body: BaseModel | None,
    action: Callable[[UnitOfWork, AgentRow], Awaitable[BaseModel]],
    status: int = 200,
) -> Response:
    async def operation(uow: UnitOfWork) -> BaseModel:
        agent = await agent_for_update(uow, principal.id)
        return await action(uow, agent)

    return await idempotency.run_once(
        ctx,
        principal=principal.id,
        key=key,
        request_hash=idempotency.fingerprint(request.method, request.url.path, body),
        operation=operation,
        status=status,
    )


#: A step on one interaction without a body: (unit of work, the agent, interaction id).
Action = Callable[[UnitOfWork, AgentRow, str], Awaitable[BaseModel]]


def control_route(
    on: APIRouter,
    path: str,
    *,
    name: str,
    summary: str,
    action: Action,
    responses: dict[int | str, dict[str, Any]],
) -> None:
    """``POST <path>`` (``path`` holds ``{interaction_id}``): a step without a body that
    answers the interaction, applied once per idempotency key."""

    async def endpoint(
        interaction_id: str,
        principal: Handler,
        ctx: Ctx,
        request: Request,
        key: IdempotencyKeyHeader = None,
    ) -> Response:
        return await _mutate(
            ctx=ctx,
            principal=principal,
            request=request,
            key=key,
            body=None,
            action=lambda u, a: action(u, a, interaction_id),
        )

    endpoint.__doc__ = summary
    endpoint.__name__ = name
    on.add_api_route(
        path,
        endpoint,
        methods=["POST"],
        response_model=Interaction,
        responses=responses,
        name=name,
    )


control_route(
    router,
    "/{interaction_id}/accept",
    name="accept",
    summary="Take an offered interaction.",
    action=calls.accept,
    responses=_CONFLICT,
)
control_route(
    router,
    "/{interaction_id}/reject",
    name="reject",
    summary="Decline an offer; it goes back to the queue for someone else.",
    action=svc.reject,
    responses=_CONFLICT,
)
control_route(
    router,
    "/{interaction_id}/hangup",
    name="hangup",
    summary="End the conversation (a call or a chat); the interaction moves to wrap-up.",
    action=calls.hangup,
    responses=_CONFLICT,
)


@router.post(
    "/{interaction_id}/messages", response_model=Message, status_code=201, responses=_CONFLICT
)
async def send_message(
    interaction_id: str,
    body: SendMessageRequest,
    principal: Handler,
    ctx: Ctx,
    request: Request,
) -> Response:
    """Write to the customer; a retry with the same idempotency_key is applied once."""
    return await _mutate(
        ctx=ctx,
        principal=principal,
        request=request,
        key=body.idempotency_key,
        body=body,
        action=lambda u, a: svc.send_message(u, a, interaction_id, body.text),
        status=201,
    )


@router.post("/{interaction_id}/wrapup", response_model=Interaction, responses=_CONFLICT)
async def wrapup(
    interaction_id: str,
    body: WrapupRequest,
    principal: Handler,
    ctx: Ctx,
    request: Request,
) -> Response:
    """Close with a disposition of the interaction's client, notes and resolved."""
    return await _mutate(
        ctx=ctx,
        principal=principal,
        request=request,
        key=body.idempotency_key,
        body=body,
        action=lambda u, a: calls.wrapup(u, a, interaction_id, body),
    )
