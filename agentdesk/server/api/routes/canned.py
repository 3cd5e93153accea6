"""``/canned-responses``: the ready-made replies of the operator's clients."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from agentdesk.protocol.canned import CannedResponseList
from agentdesk.server.api.deps import AnyAgent, Ctx
from agentdesk.server.services import canned

router = APIRouter(prefix="/canned-responses", tags=["chat"])


@router.get("", response_model=CannedResponseList)
async def list_canned(
    principal: AnyAgent,
    ctx: Ctx,
    client_id: Annotated[str | None, Query(max_length=40)] = None,
) -> CannedResponseList:
    """Each client's canned responses (all the operator's clients, or one)."""
    async with ctx.db.read() as session:
        return CannedResponseList(items=await canned.for_agent(session, principal.agent, client_id))
