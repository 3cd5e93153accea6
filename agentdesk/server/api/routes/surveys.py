"""``POST /gateway/surveys``: the customer's survey answers, recorded by the channel gateway."""

from __future__ import annotations

from fastapi import APIRouter

from agentdesk.domain.surveys import SCALES, valid_score
from agentdesk.protocol.people import SurveyRecorded, SurveyRequest
from agentdesk.server.api.deps import Ctx, Gateway
from agentdesk.server.db.models import CustomerRow, InteractionRow, SurveyRow
from agentdesk.server.errors import Invalid, NotFound
from agentdesk.server.ids import new_id

router = APIRouter(prefix="/gateway", tags=["gateway"])


@router.post(
    "/surveys",
    response_model=SurveyRecorded,
    status_code=201,
    responses={404: {"description": "No such customer or interaction"}},
)
async def record_survey(body: SurveyRequest, principal: Gateway, ctx: Ctx) -> SurveyRecorded:
    """Store one answer (score and open comment) linked to its customer and interaction."""
    if not valid_score(body.type, body.score):
        low, high = SCALES[body.type]
        raise Invalid(
            f"a {body.type.value} score runs from {low} to {high}",
            details={"score": body.score, "min": low, "max": high},
        )
    async with ctx.transaction() as uow:
        customer = await uow.session.get(CustomerRow, body.customer_id)
        if customer is None:
            raise NotFound(f"no customer {body.customer_id}")
        if body.interaction_id is not None:
            interaction = await uow.session.get(InteractionRow, body.interaction_id)
            if interaction is None or interaction.customer_id != customer.id:
                raise NotFound(f"no interaction {body.interaction_id} of this customer")
        row = SurveyRow(
            id=new_id("srv"),
            customer_id=customer.id,
            interaction_id=body.interaction_id,
            type=body.type.value,
            score=body.score,
            comment=body.comment,
            created_at=uow.now,
        )
        uow.session.add(row)
        await uow.session.flush()
    ctx.kick_stats()
    return SurveyRecorded(id=row.id, type=body.type, score=body.score)
