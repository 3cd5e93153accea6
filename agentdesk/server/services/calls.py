"""A call's life on the customer's side: it arrives, waits, is answered, ends.

Shared by the gateway routes, the operator's call control and the media bridge's
"leg lost" report: :func:`finish_call` is the one way a talking call ends.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import select

from agentdesk.protocol.events import EventType, InteractionData, InteractionEndedData
from agentdesk.protocol.gateway import GatewayChatState, GatewayEventType
from agentdesk.protocol.interactions import Channel, Direction, Interaction, InteractionStatus
from agentdesk.protocol.voice import GatewayCallCreated, GatewayCallRequest
from agentdesk.server.context import ServerContext, UnitOfWork
from agentdesk.server.db.models import EntryPointRow, InteractionRow
from agentdesk.server.db.voice_models import CallPartyRow, CallRow
from agentdesk.server.errors import Conflict, Invalid, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.media.bridge import MediaError
from agentdesk.server.media.mixing import Role
from agentdesk.server.services.call_media import (
    CUSTOMER_LEG,
    agent_leg,
    bridge,
    end_media_after_commit,
    recordings_dir,
)
from agentdesk.server.services.call_views import PRESENT
from agentdesk.server.services.gateway import match_customer
from agentdesk.server.services.interactions import add_message, end_conversation
from agentdesk.server.services.offers import lock_interaction
from agentdesk.server.services.views import interaction_view

log = logging.getLogger(__name__)
S = InteractionStatus

#: What the transcript says when a call ends, by reason.
END_NOTES = {
    "agent_hangup": "L'operatore ha chiuso la chiamata.",
    "customer_hangup": "Il cliente ha riattaccato.",
    "customer_lost": "Collegamento con il cliente perso.",
    "operator_lost": "Collegamento con l'operatore perso.",
    "agent_closed": "L'operatore ha chiuso la chiamata.",
    "no_answer": "Il cliente non ha risposto.",
    "media_lost": "La chiamata si è interrotta (riavvio del server).",
}


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)


async def voice_entry_point(ctx: ServerContext, dialled: str) -> EntryPointRow | None:
    """The voice entry point whose number is ``dialled`` (any formatting), or its id."""
    wanted = digits(dialled)
    async with ctx.db.read() as session:
        rows = await session.scalars(select(EntryPointRow).where(EntryPointRow.kind == "voice"))
        for ep in rows:
            if ep.id == dialled or (wanted and digits(ep.address) == wanted):
                return ep
    return None


async def voice_row(uow: UnitOfWork, interaction_id: str) -> tuple[InteractionRow, CallRow]:
    row = await lock_interaction(uow, interaction_id)
    call = await uow.session.get(CallRow, interaction_id) if row is not None else None
    if row is None or call is None or row.channel != Channel.VOICE.value:
        raise NotFound(f"no call {interaction_id}")
    return row, call


async def place_call(ctx: ServerContext, body: GatewayCallRequest) -> GatewayCallCreated:
    """A customer calls a dialled number: their leg joins the bridge and hears queue audio."""
    ep = await voice_entry_point(ctx, body.to)
    if ep is None:
        raise Invalid(f"unknown dialled number {body.to!r}", details={"to": body.to})
    media = bridge(ctx)
    interaction_id = new_id("int")
    media.create_call(interaction_id)
    try:
        answer = await media.add_leg(interaction_id, CUSTOMER_LEG, Role.CUSTOMER, body.sdp)
        async with ctx.transaction() as uow:
            customer = await match_customer(uow, ep.client_id, Channel.VOICE, body.from_)
            uow.session.add(
                InteractionRow(
                    id=interaction_id,
                    channel=Channel.VOICE.value,
                    status=S.QUEUED.value,
                    client_id=ep.client_id,
                    queue_id=ep.queue_id,
                    entry_point=ep.id,
                    from_address=body.from_,
                    customer_id=customer.id,
                    subject=f"Chiamata da {body.from_}",
                    created_at=uow.now,
                    queued_at=uow.now,
                    customer_typing=False,
                    excluded={},
                )
            )
            await uow.session.flush()
            uow.session.add(
                CallRow(
                    interaction_id=interaction_id,
                    direction="inbound",
                    dialled=ep.address,
                    customer_connected=True,
                    recording_consent=ctx.settings.recording_announced,
                )
            )
            uow.after_commit(ctx.kick_router)
    except MediaError as exc:
        await media.end_call(interaction_id)
        raise Invalid(str(exc), details={"field": "sdp"}) from exc
    except BaseException:
        await media.end_call(interaction_id)
        raise
    return GatewayCallCreated(interaction_id=interaction_id, sdp=answer)


async def announce_call(uow: UnitOfWork, row: InteractionRow) -> Interaction:
    """``interaction.updated`` to the operator and to every other operator on the call."""
    await uow.session.flush()
    view = await interaction_view(uow.session, row)
    for agent_id in await _people(uow, row):
        await uow.emit(agent_id, EventType.INTERACTION_UPDATED, InteractionData(interaction=view))
    return view


async def _people(uow: UnitOfWork, row: InteractionRow) -> list[str]:
    people = [row.agent_id] if row.agent_id else []
    parties = await uow.session.scalars(
        select(CallPartyRow.agent_id).where(
            CallPartyRow.interaction_id == row.id, CallPartyRow.status.in_(PRESENT)
        )
    )
    return people + [p for p in parties if p not in people]


async def end_parties(uow: UnitOfWork, row: InteractionRow, reason: str) -> None:
    """Every other operator leaves the call (their stream gets ``interaction.ended``)."""
    parties = list(
        await uow.session.scalars(
            select(CallPartyRow).where(
                CallPartyRow.interaction_id == row.id, CallPartyRow.status.in_(PRESENT)
            )
        )
    )
    for party in parties:
        party.status = "ended"
    await uow.session.flush()
    if parties:
        view = await interaction_view(uow.session, row)
        for party in parties:
            if party.agent_id != row.agent_id:
                await uow.emit(
                    party.agent_id,
                    EventType.INTERACTION_ENDED,
                    InteractionEndedData(interaction=view, reason=reason),
                )


async def finish_call(uow: UnitOfWork, row: InteractionRow, call: CallRow, reason: str) -> None:
    """A talking call ends (either side): every leg closes, the operator wraps up."""
    await end_conversation(uow, row, reason, END_NOTES.get(reason, "Chiamata terminata."))
    call.on_hold = False
    call.conference = False
    call.monitor_agent_id = None
    call.monitor_mode = None
    await end_parties(uow, row, reason)
    await uow.session.flush()
    view = await interaction_view(uow.session, row)
    if row.agent_id is not None:
        await uow.emit(
            row.agent_id,
            EventType.INTERACTION_ENDED,
            InteractionEndedData(interaction=view, reason=reason),
        )
    uow.to_gateway(GatewayEventType.CALL_ENDED, row.id, {"reason": reason})
    ctx, interaction_id = uow.ctx, row.id
    uow.after_commit(lambda: end_media_after_commit(ctx, interaction_id))
    uow.after_commit(ctx.kick_stats)


async def abandon(uow: UnitOfWork, row: InteractionRow, call: CallRow) -> None:
    """The customer left before anyone answered."""
    agent_id = row.agent_id
    row.status = S.ABANDONED.value
    row.agent_id = None
    row.ended_at = uow.now
    row.end_reason = "abandoned"
    await end_parties(uow, row, "abandoned")
    await uow.session.flush()
    if agent_id is not None:
        view = await interaction_view(uow.session, row)
        await uow.emit(
            agent_id,
            EventType.INTERACTION_ENDED,
            InteractionEndedData(interaction=view, reason="abandoned"),
        )
        uow.after_commit(uow.ctx.kick_router)
    uow.to_gateway(GatewayEventType.CALL_ENDED, row.id, {"reason": "abandoned"})
    ctx, interaction_id = uow.ctx, row.id
    uow.after_commit(lambda: end_media_after_commit(ctx, interaction_id))
    uow.after_commit(ctx.kick_stats)


async def customer_hangup(
    uow: UnitOfWork, interaction_id: str, reason: str = "customer_hangup"
) -> GatewayChatState:
    """The customer hung up: an abandon before an answer, else the end of the call."""
    row, call = await voice_row(uow, interaction_id)
    if row.status in (S.QUEUED.value, S.OFFERED.value):
        await abandon(uow, row, call)
    elif row.status == S.ACTIVE.value:
        if call.direction == "outbound" and not call.customer_connected:
            reason = "no_answer"
        await finish_call(uow, row, call, reason)
    return GatewayChatState(interaction_id=row.id, status=S(row.status))


async def customer_dtmf(uow: UnitOfWork, interaction_id: str, keyed: str) -> GatewayChatState:
    """Digits the customer keyed: a line in the transcript the operator sees."""
    row, _call = await voice_row(uow, interaction_id)
    if row.status in (S.QUEUED.value, S.OFFERED.value, S.ACTIVE.value):
        await add_message(
            uow, row, Direction.SYSTEM, "AgentDesk", f"Il cliente ha digitato {keyed}"
        )
    return GatewayChatState(interaction_id=row.id, status=S(row.status))


def maybe_answered(uow: UnitOfWork, row: InteractionRow, call: CallRow) -> bool:
    """Customer and operator both on the bridge: they talk, and the recording starts."""
    if call.talk_started_at is not None or row.agent_id is None or not call.customer_connected:
        return False
    media = bridge(uow.ctx)
    if agent_leg(row.agent_id) not in media.legs(row.id):
        return False
    media.set_answered(row.id, True)
    call.talk_started_at = uow.now
    if call.recording_consent and not call.recording:
        path = recordings_dir(uow.ctx) / f"{row.id}.wav"
        media.start_recording(row.id, path)
        call.recording = True
        call.recording_path = str(path)
    return True


async def leg_lost(ctx: ServerContext, interaction_id: str, leg_id: str, reason: str) -> None:
    """The bridge lost a leg's peer: end what that leg was part of, and record why."""
    log.info("call %s: leg %s lost (%s)", interaction_id, leg_id, reason)
    async with ctx.transaction() as uow:
        try:
            row, call = await voice_row(uow, interaction_id)
        except NotFound:
            return
        if leg_id == CUSTOMER_LEG:
            call.media_end_reason = f"customer:{reason}"
            if row.status in (S.QUEUED.value, S.OFFERED.value):
                await abandon(uow, row, call)
            elif row.status == S.ACTIVE.value:
                await finish_call(uow, row, call, "customer_lost")
        elif row.agent_id is not None and leg_id == agent_leg(row.agent_id):
            if row.status == S.ACTIVE.value:
                call.media_end_reason = f"operator:{reason}"
                await finish_call(uow, row, call, "operator_lost")
        elif leg_id.startswith("monitor:"):
            call.monitor_agent_id = None
            call.monitor_mode = None
            await announce_call(uow, row)
        else:
            party = await uow.session.scalar(
                select(CallPartyRow).where(
                    CallPartyRow.interaction_id == row.id,
                    CallPartyRow.status.in_(PRESENT),
                    CallPartyRow.agent_id == leg_id.removeprefix("agent:"),
                )
            )
            if party is not None:
                party.status = "ended"
                await announce_call(uow, row)


async def answer_outbound(
    ctx: ServerContext, interaction_id: str, offer_sdp: str
) -> GatewayCallCreated:
    """The customer answered an outbound call: their leg joins and the talk starts."""
    async with ctx.transaction() as uow:
        row, call = await voice_row(uow, interaction_id)
        if call.direction != "outbound" or row.status != S.ACTIVE.value:
            raise Conflict("this call is not ringing a customer", details={"status": row.status})
        if call.customer_connected:
            raise Conflict("the customer already answered", details={"interaction_id": row.id})
    media = bridge(ctx)
    try:
        answer = await media.add_leg(interaction_id, CUSTOMER_LEG, Role.CUSTOMER, offer_sdp)
    except MediaError as exc:
        raise Invalid(str(exc), details={"field": "sdp"}) from exc
    async with ctx.transaction() as uow:
        row, call = await voice_row(uow, interaction_id)
        if row.status != S.ACTIVE.value:
            await media.remove_leg(interaction_id, CUSTOMER_LEG)
            raise Conflict("the call ended meanwhile", details={"status": row.status})
        call.customer_connected = True
        maybe_answered(uow, row, call)
        uow.to_gateway(GatewayEventType.CALL_ANSWERED, row.id)
        await announce_call(uow, row)
    return GatewayCallCreated(interaction_id=interaction_id, sdp=answer)


async def end_orphaned_calls(ctx: ServerContext) -> None:
    """At start-up: calls left open by a previous run have no legs any more; end them."""
    async with ctx.db.read() as session:
        ids = list(
            await session.scalars(
                select(InteractionRow.id).where(
                    InteractionRow.channel == Channel.VOICE.value,
                    InteractionRow.status.in_((S.QUEUED.value, S.OFFERED.value, S.ACTIVE.value)),
                )
            )
        )
    for interaction_id in ids:
        async with ctx.transaction() as uow:
            row, call = await voice_row(uow, interaction_id)
            call.media_end_reason = "server_restart"
            if row.status == S.ACTIVE.value:
                await finish_call(uow, row, call, "media_lost")
            elif row.status in (S.QUEUED.value, S.OFFERED.value):
                await abandon(uow, row, call)
    if ids:
        log.info("ended %d calls left open by the previous run", len(ids))
