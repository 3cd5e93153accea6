"""The operator's call control: ``/interactions/{id}/media|hold|resume|mute|unmute|dtmf|
transfer|conference`` and outbound ``/calls``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from agentdesk.protocol.interactions import Interaction
from agentdesk.protocol.voice import (
    ConferenceRequest,
    DtmfRequest,
    MediaSignal,
    OutboundCallRequest,
    TransferRequest,
)
from agentdesk.server.api.deps import Ctx, Handler, IdempotencyKeyHeader
from agentdesk.server.api.routes.interactions import Action, _mutate, control_route
from agentdesk.server.db.models import AgentRow
from agentdesk.server.errors import Unauthorized
from agentdesk.server.services import call_control as svc

router = APIRouter(tags=["voice"])

_CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"description": "Not your call, or not in a state that allows it"}
}


@router.post(
    "/interactions/{interaction_id}/media", response_model=MediaSignal, responses=_CONFLICT
)
async def media(
    interaction_id: str, body: MediaSignal, principal: Handler, ctx: Ctx
) -> MediaSignal:
    """Your leg of the call: send an offer, get the server's answer (non-trickle ICE).

    ``type: "answer"`` answers a renegotiation the server started with ``media.sdp``.
    """
    async with ctx.db.read() as session:
        agent = await session.get(AgentRow, principal.id)
    if agent is None:
        raise Unauthorized("the account no longer exists")
    return await svc.media(ctx, agent, interaction_id, body)


def _control(name: str, summary: str, action: Action) -> None:
    """``POST /interactions/{id}/<name>``: a call-control step without a body."""
    path = f"/interactions/{{interaction_id}}/{name}"
    control_route(router, path, name=name, summary=summary, action=action, responses=_CONFLICT)


_control(
    "hold",
    "Put the customer on hold: they hear hold audio, you hear nothing of them.",
    lambda u, a, i: svc.hold(u, a, i, True),
)
_control(
    "resume",
    "Take the customer off hold (ends a consultation in progress).",
    lambda u, a, i: svc.hold(u, a, i, False),
)
_control(
    "mute",
    "Your audio reaches no one until you unmute.",
    lambda u, a, i: svc.mute(u, a, i, True),
)
_control(
    "unmute",
    "Your audio reaches the call again.",
    lambda u, a, i: svc.mute(u, a, i, False),
)


@router.post("/interactions/{interaction_id}/dtmf", response_model=Interaction, responses=_CONFLICT)
async def dtmf(
    interaction_id: str, body: DtmfRequest, principal: Handler, ctx: Ctx, request: Request
) -> Response:
    """Send digits (0-9, *, #) to the customer's side as tones."""
    return await _mutate(
        ctx=ctx,
        principal=principal,
        request=request,
        key=None,
        body=body,
        action=lambda u, a: svc.dtmf(u, a, interaction_id, body.digits),
    )


@router.post(
    "/interactions/{interaction_id}/transfer", response_model=Interaction, responses=_CONFLICT
)
async def transfer(
    interaction_id: str,
    *,
    body: TransferRequest,
    principal: Handler,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """Blind: the call goes to the operator (offered) or the queue, and you leave it.
    Consult: the customer is held while you talk to the operator; hang up to hand over,
    resume to take the call back, or conference all three."""
    return await _mutate(
        ctx=ctx,
        principal=principal,
        request=request,
        key=key,
        body=body,
        action=lambda u, a: svc.transfer(u, a, interaction_id, body),
    )


@router.post(
    "/interactions/{interaction_id}/conference", response_model=Interaction, responses=_CONFLICT
)
async def conference(
    interaction_id: str,
    *,
    body: ConferenceRequest,
    principal: Handler,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """Customer, you and another operator all hear each other."""
    return await _mutate(
        ctx=ctx,
        principal=principal,
        request=request,
        key=key,
        body=body,
        action=lambda u, a: svc.conference(u, a, interaction_id, body),
    )


@router.post("/calls", response_model=Interaction, status_code=201, responses=_CONFLICT)
async def dial_out(
    body: OutboundCallRequest,
    principal: Handler,
    ctx: Ctx,
    request: Request,
    key: IdempotencyKeyHeader = None,
) -> Response:
    """Call a customer with the client's caller id; the gateway is asked to ring them
    (``call.outbound``). Send your leg with ``/media`` as for any call."""
    return await _mutate(
        ctx=ctx,
        principal=principal,
        request=request,
        key=key,
        body=body,
        action=lambda u, a: svc.dial_out(u, a, body),
        status=201,
    )
