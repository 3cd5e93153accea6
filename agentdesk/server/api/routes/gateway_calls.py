"""``/gateway/calls``: the customer's phone leg, from the channel gateway (API key)."""

from __future__ import annotations

from fastapi import APIRouter

from agentdesk.protocol.gateway import GatewayChatState
from agentdesk.protocol.voice import (
    GatewayAnswerRequest,
    GatewayCallCreated,
    GatewayCallRequest,
    GatewayDtmfRequest,
)
from agentdesk.server.api.deps import Ctx, Gateway
from agentdesk.server.services import calls as svc

router = APIRouter(prefix="/gateway/calls", tags=["gateway"])


@router.post("", response_model=GatewayCallCreated, status_code=201)
async def place_call(body: GatewayCallRequest, principal: Gateway, ctx: Ctx) -> GatewayCallCreated:
    """A customer calls a dialled number with their leg's complete offer; the answer comes
    back at once and the customer hears queue audio until an operator answers."""
    return await svc.place_call(ctx, body)


@router.post("/{interaction_id}/answer", response_model=GatewayCallCreated)
async def answer_outbound(
    interaction_id: str, body: GatewayAnswerRequest, principal: Gateway, ctx: Ctx
) -> GatewayCallCreated:
    """The customer picked up an outbound call (``call.outbound``): their leg's offer."""
    return await svc.answer_outbound(ctx, interaction_id, body.sdp)


@router.post("/{interaction_id}/dtmf", response_model=GatewayChatState)
async def customer_dtmf(
    interaction_id: str, body: GatewayDtmfRequest, principal: Gateway, ctx: Ctx
) -> GatewayChatState:
    """Digits the customer keyed; the operator sees them in the transcript."""
    async with ctx.transaction() as uow:
        return await svc.customer_dtmf(uow, interaction_id, body.digits)


@router.post("/{interaction_id}/hangup", response_model=GatewayChatState)
async def customer_hangup(interaction_id: str, principal: Gateway, ctx: Ctx) -> GatewayChatState:
    """The customer hung up: abandoned if nobody answered yet; every leg is closed.
    Hanging up a call that has ended changes nothing and answers its status."""
    async with ctx.transaction() as uow:
        return await svc.customer_hangup(uow, interaction_id)
