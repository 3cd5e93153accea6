"""The operator's call control: accept, media, hold, mute, DTMF, hang up, wrap up, dial out.

Chats and e-mails go through :mod:`agentdesk.server.services.interactions` unchanged; these
functions add what a call needs (its legs on the bridge, the customer's side told).
"""

from __future__ import annotations

import re

from sqlalchemy import select

from agentdesk.protocol.gateway import GatewayEventType
from agentdesk.protocol.interactions import Channel, Interaction, InteractionStatus, WrapupRequest
from agentdesk.protocol.voice import (
    ConferenceRequest,
    MediaSignal,
    OutboundCallRequest,
    SdpType,
    TransferRequest,
)
from agentdesk.server.context import ServerContext, UnitOfWork
from agentdesk.server.db.models import AgentRow, EntryPointRow, InteractionRow
from agentdesk.server.db.voice_models import CallRow
from agentdesk.server.errors import Conflict, Forbidden, Invalid, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.media.bridge import MediaError
from agentdesk.server.media.mixing import Role
from agentdesk.server.services import call_transfer
from agentdesk.server.services import interactions as chat
from agentdesk.server.services.call_media import agent_leg, bridge
from agentdesk.server.services.call_transfer import complete_transfer, end_consultation, party_of
from agentdesk.server.services.calls import announce_call, finish_call, maybe_answered, voice_row
from agentdesk.server.services.gateway import match_customer
from agentdesk.server.services.interactions import visible_to
from agentdesk.server.services.offers import lock_interaction
from agentdesk.server.services.views import interaction_view

S = InteractionStatus


async def my_call(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str
) -> tuple[InteractionRow, CallRow]:
    """A call the operator is talking on (404 if not visible, 409 if not theirs or not live)."""
    row, call = await voice_row(uow, interaction_id)
    if not visible_to(agent, row):
        raise NotFound(f"no interaction {interaction_id}")
    if row.agent_id != agent.id:
        raise Conflict("this call is not assigned to you", details={"interaction_id": row.id})
    if row.status != S.ACTIVE.value:
        raise Conflict(
            f"not possible while the call is {row.status}",
            details={"status": row.status, "interaction_id": row.id},
        )
    return row, call


async def accept(uow: UnitOfWork, agent: AgentRow, interaction_id: str) -> Interaction:
    row = await uow.session.get(InteractionRow, interaction_id)
    if row is not None and row.channel == Channel.EMAIL.value:
        # The chat accept sends `chat.accepted` to the gateway; an e-mail's customer side
        # hears only the replies (`email.reply`), so that frame is dropped here.
        sent = len(uow.gateway_frames)
        view = await chat.accept(uow, agent, interaction_id)
        del uow.gateway_frames[sent:]
        return view
    if row is None or row.channel != Channel.VOICE.value:
        return await chat.accept(uow, agent, interaction_id)
    party = await party_of(uow, interaction_id, agent.id, "offered")
    if party is not None:  # a consultation or conference this operator is asked to join
        party.status = "active"
        return await announce_call(uow, row)
    row, _call = await voice_row(uow, interaction_id)
    if not visible_to(agent, row):
        raise NotFound(f"no interaction {interaction_id}")
    if row.agent_id != agent.id or row.status != S.OFFERED.value:
        raise Conflict(
            "this call is not offered to you",
            details={"status": row.status, "interaction_id": row.id},
        )
    row.status = S.ACTIVE.value
    row.accepted_at = uow.now
    uow.to_gateway(GatewayEventType.CALL_ANSWERED, row.id, {"agent_name": agent.name.split()[0]})
    uow.after_commit(uow.ctx.kick_stats)
    return await announce_call(uow, row)


async def hangup(uow: UnitOfWork, agent: AgentRow, interaction_id: str) -> Interaction:
    row = await uow.session.get(InteractionRow, interaction_id)
    if (email := await _open_email_of(uow, agent, interaction_id)) is not None:
        await _close_email(uow, email)
        return await chat.announce(uow, email)
    if row is None or row.channel != Channel.VOICE.value:
        return await chat.hangup(uow, agent, interaction_id)
    party = await party_of(uow, interaction_id, agent.id)
    if party is not None:  # the consulted or conferenced operator leaves
        row, call = await voice_row(uow, interaction_id)
        await end_consultation(uow, row, call, party, "left")
        return await interaction_view(uow.session, row)
    row, call = await my_call(uow, agent, interaction_id)
    consulted = await party_of(uow, interaction_id, None, "active")
    if consulted is not None:
        # The operator hangs up with a colleague on the line: the customer goes to them.
        return await complete_transfer(uow, row, call, consulted)
    await finish_call(uow, row, call, "agent_hangup")
    return await interaction_view(uow.session, row)


async def _open_email_of(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str
) -> InteractionRow | None:
    """The operator's e-mail still open (active), locked; None for anything else."""
    row = await uow.session.get(InteractionRow, interaction_id)
    if row is None or row.channel != Channel.EMAIL.value:
        return None
    row = await lock_interaction(uow, interaction_id)
    if row is None or row.agent_id != agent.id or row.status != S.ACTIVE.value:
        return None
    return row


async def _close_email(uow: UnitOfWork, row: InteractionRow) -> None:
    """An e-mail's conversation ends without a frame to the gateway: ``chat.ended`` is for
    chats; the customer's side of an e-mail hears only the replies (``email.reply``)."""
    await chat.end_conversation(uow, row, "agent_closed", "L'operatore ha chiuso l'e-mail.")


async def wrapup(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str, body: WrapupRequest
) -> Interaction:
    row = await uow.session.get(InteractionRow, interaction_id)
    if row is not None and row.channel == Channel.VOICE.value and row.status == S.ACTIVE.value:
        row, call = await my_call(uow, agent, interaction_id)
        await finish_call(uow, row, call, "agent_hangup")
    elif (email := await _open_email_of(uow, agent, interaction_id)) is not None:
        # One transaction: an unknown disposition below leaves the e-mail open as it was.
        await _close_email(uow, email)
    return await chat.wrapup(uow, agent, interaction_id, body)


async def hold(uow: UnitOfWork, agent: AgentRow, interaction_id: str, on: bool) -> Interaction:
    row, call = await my_call(uow, agent, interaction_id)
    if not on:
        consulted = await party_of(uow, interaction_id, None)
        if consulted is not None and consulted.role == "consult":
            await end_consultation(uow, row, call, consulted, "consult_ended")
    if call.on_hold != on:
        call.on_hold = on
        bridge(uow.ctx).set_hold(row.id, on)
        kind = GatewayEventType.CALL_HELD if on else GatewayEventType.CALL_RESUMED
        uow.to_gateway(kind, row.id)
    return await announce_call(uow, row)


async def mute(uow: UnitOfWork, agent: AgentRow, interaction_id: str, on: bool) -> Interaction:
    row, call = await my_call(uow, agent, interaction_id)
    call.muted = on
    bridge(uow.ctx).set_mute(row.id, agent_leg(agent.id), on)
    return await announce_call(uow, row)


async def dtmf(uow: UnitOfWork, agent: AgentRow, interaction_id: str, digits: str) -> Interaction:
    row, _call = await my_call(uow, agent, interaction_id)
    bridge(uow.ctx).send_dtmf(row.id, digits)
    uow.to_gateway(GatewayEventType.CALL_DTMF, row.id, {"digits": digits})
    return await interaction_view(uow.session, row)


async def media(
    ctx: ServerContext, agent: AgentRow, interaction_id: str, signal: MediaSignal
) -> MediaSignal:
    """The operator's (or a second operator's) leg: an offer gets the bridge's answer."""
    async with ctx.transaction() as uow:
        row, _call = await voice_row(uow, interaction_id)
        if not visible_to(agent, row):
            raise NotFound(f"no interaction {interaction_id}")
        party = await party_of(uow, interaction_id, agent.id, "active")
        if party is None:
            await my_call(uow, agent, interaction_id)
    leg, role = agent_leg(agent.id), Role.OPERATOR if party is None else Role.PARTY
    media_bridge = bridge(ctx)
    if signal.type is SdpType.ANSWER:
        try:
            await media_bridge.apply_answer(interaction_id, leg, signal.sdp)
        except MediaError as exc:
            raise Conflict(str(exc), details={"interaction_id": interaction_id}) from exc
        return signal
    try:
        answer = await media_bridge.add_leg(interaction_id, leg, role, signal.sdp)
    except MediaError as exc:
        raise Invalid(str(exc), details={"field": "sdp"}) from exc
    async with ctx.transaction() as uow:
        row, call = await voice_row(uow, interaction_id)
        live = row.status == S.ACTIVE.value and (
            row.agent_id == agent.id or await party_of(uow, row.id, agent.id, "active")
        )
        if not live:
            await media_bridge.remove_leg(interaction_id, leg)
            raise Conflict("the call ended meanwhile", details={"status": row.status})
        if row.agent_id == agent.id and call.muted:
            media_bridge.set_mute(row.id, leg, True)
        if maybe_answered(uow, row, call):
            await announce_call(uow, row)
    return MediaSignal(type=SdpType.ANSWER, sdp=answer)


async def dial_out(uow: UnitOfWork, agent: AgentRow, body: OutboundCallRequest) -> Interaction:
    """Ring a customer with the client's caller id; the gateway is told to place the call."""
    if body.client_id not in agent.clients or "voice" not in agent.skills:
        raise Forbidden(
            "you do not make calls for this client", details={"client_id": body.client_id}
        )
    number = re.sub(r"\D", "", body.to)
    if len(number) < 3:
        raise Invalid(f"not a phone number: {body.to!r}", details={"to": body.to})
    busy = await uow.session.scalar(
        select(InteractionRow.id).where(
            InteractionRow.agent_id == agent.id,
            InteractionRow.channel == Channel.VOICE.value,
            InteractionRow.status.in_((S.OFFERED.value, S.ACTIVE.value)),
        )
    )
    if busy is not None:
        raise Conflict("you are already on a call", details={"interaction_id": busy})
    ep = await uow.session.scalar(
        select(EntryPointRow)
        .where(EntryPointRow.client_id == body.client_id, EntryPointRow.kind == "voice")
        .order_by(EntryPointRow.id)
        .limit(1)
    )
    if ep is None:
        raise Invalid("the client has no telephone number", details={"client_id": body.client_id})
    customer = await match_customer(uow, body.client_id, Channel.VOICE, body.to)
    row = InteractionRow(
        id=new_id("int"),
        channel=Channel.VOICE.value,
        status=S.ACTIVE.value,
        client_id=body.client_id,
        queue_id=ep.queue_id,
        entry_point=ep.id,
        from_address=body.to,
        customer_id=customer.id,
        agent_id=agent.id,
        subject=f"Chiamata a {body.to}",
        created_at=uow.now,
        queued_at=uow.now,
        offered_at=uow.now,
        accepted_at=uow.now,
        customer_typing=False,
        excluded={},
    )
    uow.session.add(row)
    await uow.session.flush()
    uow.session.add(CallRow(interaction_id=row.id, direction="outbound", dialled=ep.address))
    bridge(uow.ctx).create_call(row.id)
    uow.to_gateway(
        GatewayEventType.CALL_OUTBOUND,
        row.id,
        {"to": body.to, "caller_id": ep.address, "client_id": body.client_id},
    )
    return await announce_call(uow, row)


async def transfer(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str, body: TransferRequest
) -> Interaction:
    row, call = await my_call(uow, agent, interaction_id)
    return await call_transfer.transfer(uow, row, call, agent, body)


async def conference(
    uow: UnitOfWork, agent: AgentRow, interaction_id: str, body: ConferenceRequest
) -> Interaction:
    row, call = await my_call(uow, agent, interaction_id)
    return await call_transfer.conference(uow, row, call, agent, body)
