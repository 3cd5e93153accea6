"""``POST /gateway/emails``: an e-mail to one of the clients' mailboxes."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from agentdesk.protocol.email import GatewayEmailCreated, GatewayEmailRequest
from agentdesk.server.api.deps import Ctx, Gateway, IdempotencyKeyHeader
from agentdesk.server.context import UnitOfWork
from agentdesk.server.services import emails as svc
from agentdesk.server.services import idempotency

router = APIRouter(prefix="/gateway", tags=["gateway"])


@router.post("/emails", response_model=GatewayEmailCreated, status_code=201)
async def receive_email(
    body: GatewayEmailRequest,
    principal: Gateway,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """A customer's e-mail (plain text, attachments listed by name, type and size).

    It opens a queued e-mail interaction, or joins its thread's open one when it is a
    ``Re:`` from the same address.
    """

    async def operation(uow: UnitOfWork) -> GatewayEmailCreated:
        return await svc.receive(uow, body)

    return await idempotency.run_once(
        ctx,
        principal=principal,
        key=key,
        request_hash=idempotency.fingerprint("POST", request.url.path, body),
        operation=operation,
        status=201,
    )
