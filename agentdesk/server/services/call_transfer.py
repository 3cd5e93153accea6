"""Second operators on a call: blind and consultative transfer, three-way conference.

A consultation holds the customer (hold audio) while the two operators talk; the
consulting operator then hangs up (or transfers blind to the same operator) to hand the
customer over, resumes to take the call back, or conferences all three. Someone asked to
join gets ``interaction.offered`` for the same interaction, accepts it, and brings their own
leg with ``/media`` like any operator.
"""

from __future__ import annotations

from sqlalchemy import select

from agentdesk.domain.agent_state import AgentState
from agentdesk.protocol.events import EventType, InteractionData, InteractionEndedData
from agentdesk.protocol.gateway import GatewayEventType
from agentdesk.protocol.interactions import Channel, Interaction, InteractionStatus
from agentdesk.protocol.voice import ConferenceRequest, TargetType, TransferMode, TransferRequest
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.models import AgentRow, InteractionRow, QueueRow
from agentdesk.server.db.voice_models import CallPartyRow, CallRow
from agentdesk.server.errors import Conflict, Invalid, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.media.mixing import Role
from agentdesk.server.services.call_media import (
    agent_leg,
    bridge,
    renegotiate_after_commit,
    spawn,
)
from agentdesk.server.services.call_views import PRESENT
from agentdesk.server.services.calls import announce_call
from agentdesk.server.services.views import interaction_view

S = InteractionStatus
HANDLERS = ("operator", "trainee")


async def party_of(
    uow: UnitOfWork, interaction_id: str, agent_id: str | None, status: str | None = None
) -> CallPartyRow | None:
    """A second operator still on the call (any, or this one; in ``status`` if given)."""
    query = select(CallPartyRow).where(CallPartyRow.interaction_id == interaction_id)
    query = query.where(
        CallPartyRow.status == status if status else CallPartyRow.status.in_(PRESENT)
    )
    if agent_id is not None:
        query = query.where(CallPartyRow.agent_id == agent_id)
    return await uow.session.scalar(query.order_by(CallPartyRow.created_at).limit(1))


def _drop_leg(uow: UnitOfWork, interaction_id: str, agent_id: str) -> None:
    media, leg = bridge(uow.ctx), agent_leg(agent_id)
    uow.after_commit(lambda: spawn(media.remove_leg(interaction_id, leg)))


async def _ended_for(uow: UnitOfWork, agent_id: str, row: InteractionRow, reason: str) -> None:
    view = await interaction_view(uow.session, row)
    await uow.emit(
        agent_id, EventType.INTERACTION_ENDED, InteractionEndedData(interaction=view, reason=reason)
    )


async def _target_agent(
    uow: UnitOfWork, row: InteractionRow, me: AgentRow, target_id: str
) -> AgentRow:
    target = await uow.session.get(AgentRow, target_id)
    if target is None or target.role not in HANDLERS or not target.enabled:
        raise NotFound(f"no operator {target_id}", details={"target_id": target_id})
    if target.id == me.id:
        raise Invalid("you are already on this call", details={"target_id": target_id})
    if target.state == AgentState.OFFLINE.value:
        raise Conflict(
            f"{target.name} is offline", code="agent_offline", details={"target_id": target_id}
        )
    if row.client_id not in target.clients or "voice" not in target.skills:
        raise Invalid(
            f"{target.name} does not take calls for this client",
            details={"target_id": target_id},
        )
    on_call = await uow.session.scalar(
        select(InteractionRow.id).where(
            InteractionRow.agent_id == target.id,
            InteractionRow.channel == Channel.VOICE.value,
            InteractionRow.status.in_((S.OFFERED.value, S.ACTIVE.value)),
        )
    )
    if on_call is not None:
        raise Conflict(f"{target.name} is on another call", details={"target_id": target_id})
    return target


async def transfer(
    uow: UnitOfWork, row: InteractionRow, call: CallRow, me: AgentRow, body: TransferRequest
) -> Interaction:
    consulted = await party_of(uow, row.id, None, "active")
    if (
        consulted is not None
        and body.target_type is TargetType.AGENT
        and consulted.agent_id == body.target_id
    ):
        return await complete_transfer(uow, row, call, consulted)
    if await party_of(uow, row.id, None) is not None:
        raise Conflict(
            "another operator is already on the call", details={"interaction_id": row.id}
        )
    if body.target_type is TargetType.QUEUE:
        if body.mode is TransferMode.CONSULT:
            raise Invalid("a consultation needs an operator, not a queue")
        queue = await uow.session.get(QueueRow, body.target_id)
        if queue is None or queue.channel != Channel.VOICE.value:
            raise NotFound(
                f"no voice queue {body.target_id}", details={"target_id": body.target_id}
            )
        if queue.client_id != row.client_id:
            raise Invalid("that queue serves another client", details={"target_id": queue.id})
        await _hand_back(uow, row, call, me, queue_id=queue.id)
        return await interaction_view(uow.session, row)
    target = await _target_agent(uow, row, me, body.target_id)
    if body.mode is TransferMode.BLIND:
        await _hand_back(uow, row, call, me, agent_id=target.id)
        return await interaction_view(uow.session, row)
    uow.session.add(
        CallPartyRow(
            id=new_id("pty"),
            interaction_id=row.id,
            agent_id=target.id,
            role="consult",
            status="offered",
            created_at=uow.now,
        )
    )
    if not call.on_hold:
        call.on_hold = True
        bridge(uow.ctx).set_hold(row.id, True)
        uow.to_gateway(GatewayEventType.CALL_HELD, row.id)
    view = await announce_call(uow, row)
    await uow.emit(target.id, EventType.INTERACTION_OFFERED, InteractionData(interaction=view))
    return view


async def _hand_back(
    uow: UnitOfWork,
    row: InteractionRow,
    call: CallRow,
    me: AgentRow,
    *,
    agent_id: str | None = None,
    queue_id: str | None = None,
) -> None:
    """Blind transfer: this operator leaves; the customer waits with queue audio again."""
    media = bridge(uow.ctx)
    media.set_answered(row.id, False)
    media.set_hold(row.id, False)
    call.on_hold = call.muted = call.conference = False
    call.talk_started_at = None
    _drop_leg(uow, row.id, me.id)
    await _ended_for(uow, me.id, row, "transferred")
    row.accepted_at = None
    # The one who transferred it away is not offered it straight back.
    row.excluded = {**row.excluded, me.id: uow.now.isoformat()}
    if agent_id is not None:
        row.status, row.agent_id, row.offered_at = S.OFFERED.value, agent_id, uow.now
        await uow.session.flush()
        view = await interaction_view(uow.session, row)
        await uow.emit(agent_id, EventType.INTERACTION_OFFERED, InteractionData(interaction=view))
    else:
        row.status, row.agent_id, row.offered_at = S.QUEUED.value, None, None
        row.queue_id = queue_id or row.queue_id
        row.queued_at = uow.now
        uow.after_commit(uow.ctx.kick_router)
    uow.after_commit(uow.ctx.kick_stats)


async def complete_transfer(
    uow: UnitOfWork, row: InteractionRow, call: CallRow, party: CallPartyRow
) -> Interaction:
    """The consulted (or conferenced) operator takes the customer over."""
    old = row.agent_id
    row.agent_id = party.agent_id
    party.status = "ended"
    media = bridge(uow.ctx)
    media.set_role(row.id, agent_leg(party.agent_id), Role.OPERATOR)
    if call.on_hold:
        media.set_hold(row.id, False)
        uow.to_gateway(GatewayEventType.CALL_RESUMED, row.id)
    media.set_conference(row.id, False)
    call.on_hold = call.conference = call.muted = False
    if old is not None:
        media.set_mute(row.id, agent_leg(old), False)
        _drop_leg(uow, row.id, old)
        await uow.session.flush()
        await _ended_for(uow, old, row, "transferred")
    # The colleague's leg now carries the customer.
    renegotiate_after_commit(uow, row.id, party.agent_id)
    return await announce_call(uow, row)


async def end_consultation(
    uow: UnitOfWork, row: InteractionRow, call: CallRow, party: CallPartyRow, reason: str
) -> None:
    """The second operator leaves; a held customer stays held until the operator resumes."""
    party.status = "ended"
    _drop_leg(uow, row.id, party.agent_id)
    if call.conference and await party_of(uow, row.id, None) is None:
        call.conference = False
        bridge(uow.ctx).set_conference(row.id, False)
    await uow.session.flush()
    await _ended_for(uow, party.agent_id, row, reason)
    await announce_call(uow, row)


async def conference(
    uow: UnitOfWork, row: InteractionRow, call: CallRow, me: AgentRow, body: ConferenceRequest
) -> Interaction:
    """All three talk: the operator being consulted, or a new one asked to join."""
    if body.target_type is not TargetType.AGENT:
        raise Invalid("a conference adds an operator, not a queue")
    media = bridge(uow.ctx)
    party = await party_of(uow, row.id, body.target_id)
    fresh = party is None
    if party is None:
        if await party_of(uow, row.id, None) is not None:
            raise Conflict("another operator is already on the call")
        target = await _target_agent(uow, row, me, body.target_id)
        party = CallPartyRow(
            id=new_id("pty"),
            interaction_id=row.id,
            agent_id=target.id,
            role="conference",
            status="offered",
            created_at=uow.now,
        )
        uow.session.add(party)
    party.role = "conference"
    call.conference = True
    media.set_conference(row.id, True)
    if call.on_hold:
        call.on_hold = False
        media.set_hold(row.id, False)
        uow.to_gateway(GatewayEventType.CALL_RESUMED, row.id)
    view = await announce_call(uow, row)
    if fresh:
        await uow.emit(
            party.agent_id, EventType.INTERACTION_OFFERED, InteractionData(interaction=view)
        )
    # Everyone already on the call now hears a third voice (a fresh party offers its own).
    renegotiate_after_commit(uow, row.id, me.id, "" if fresh else party.agent_id)
    return view
