"""``/gateway``: the customer's side, authenticated by the gateway's API key."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from agentdesk.protocol.gateway import (
    EntryPointList,
    GatewayChatMessageRequest,
    GatewayChatRequest,
    GatewayChatState,
    GatewayCreated,
    GatewayTypingRequest,
)
from agentdesk.protocol.interactions import Message
from agentdesk.server.api.deps import Ctx, Gateway, IdempotencyKeyHeader
from agentdesk.server.context import UnitOfWork
from agentdesk.server.services import gateway as svc
from agentdesk.server.services import idempotency

router = APIRouter(prefix="/gateway", tags=["gateway"])


@router.get("/entry-points", response_model=EntryPointList)
async def entry_points(principal: Gateway, ctx: Ctx) -> EntryPointList:
    """Chat entry points, dialled numbers and mailboxes, each with its client and queue."""
    async with ctx.db.read() as session:
        return EntryPointList(items=await svc.entry_points(session))


@router.post("/chats", response_model=GatewayCreated, status_code=201)
async def open_chat(
    body: GatewayChatRequest,
    principal: Gateway,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """A customer opens a chat with a first message; it is queued and routed."""

    async def operation(uow: UnitOfWork) -> GatewayCreated:
        return await svc.open_chat(uow, body)

    return await idempotency.run_once(
        ctx,
        principal=principal,
        key=key,
        request_hash=idempotency.fingerprint("POST", request.url.path, body),
        operation=operation,
        status=201,
    )


@router.post("/chats/{interaction_id}/messages", response_model=Message, status_code=201)
async def customer_message(
    interaction_id: str,
    *,
    body: GatewayChatMessageRequest,
    principal: Gateway,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """The customer writes."""

    async def operation(uow: UnitOfWork) -> Message:
        return await svc.customer_message(uow, interaction_id, body.text)

    return await idempotency.run_once(
        ctx,
        principal=principal,
        key=key,
        request_hash=idempotency.fingerprint("POST", request.url.path, body),
        operation=operation,
        status=201,
    )


@router.post("/chats/{interaction_id}/typing", response_model=GatewayChatState)
async def customer_typing(
    interaction_id: str, body: GatewayTypingRequest, principal: Gateway, ctx: Ctx
) -> GatewayChatState:
    """The customer started or stopped typing (shown to the operator)."""
    async with ctx.transaction() as uow:
        return await svc.customer_typing(uow, interaction_id, body.typing)


@router.post("/chats/{interaction_id}/end", response_model=GatewayChatState)
async def end_chat(
    interaction_id: str,
    principal: Gateway,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """The customer left: abandoned if nobody answered yet, else the operator wraps up.

    Ending a chat that has already ended changes nothing and answers its status.
    """

    async def operation(uow: UnitOfWork) -> GatewayChatState:
        return await svc.customer_end(uow, interaction_id)

    return await idempotency.run_once(
        ctx,
        principal=principal,
        key=key,
        request_hash=idempotency.fingerprint("POST", request.url.path, None),
        operation=operation,
    )
