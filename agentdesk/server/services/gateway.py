"""The customer's side of a chat, as the channel gateway reports it."""

from __future__ import annotations

import re

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.events import EventType, InteractionEndedData
from agentdesk.protocol.gateway import (
    EntryPoint,
    EntryPointKind,
    GatewayChatRequest,
    GatewayChatState,
    GatewayCreated,
)
from agentdesk.protocol.interactions import Channel, Direction, InteractionStatus, Message
from agentdesk.server.acd.router import arrival_agent
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.models import (
    ClientRow,
    CustomerRow,
    EntryPointRow,
    InteractionRow,
    QueueRow,
)
from agentdesk.server.errors import Conflict, Invalid, NotFound
from agentdesk.server.ids import new_id
from agentdesk.server.services.interactions import (
    add_message,
    announce,
    end_conversation,
    new_line,
)
from agentdesk.server.services.offers import announce_offer, lock_interaction, mark_offered
from agentdesk.server.services.views import conversation_reading, interaction_view

S = InteractionStatus
OPEN = (S.QUEUED.value, S.OFFERED.value, S.ACTIVE.value)


async def entry_points(session: AsyncSession) -> list[EntryPoint]:
    rows = await session.execute(
        select(EntryPointRow, ClientRow)
        .join(ClientRow, ClientRow.id == EntryPointRow.client_id)
        .order_by(EntryPointRow.id)
    )
    return [
        EntryPoint(
            id=ep.id,
            kind=EntryPointKind(ep.kind),
            address=ep.address,
            client_id=ep.client_id,
            client_name=client.name,
            queue=ep.queue_id,
        )
        for ep, client in rows
    ]


#: Built once: a customer's first line runs them (see ``tests/bench/test_offer_latency.py``).
_CUSTOMER_BY = {
    channel: select(CustomerRow)
    .where(CustomerRow.client_id == bindparam("client"), column == bindparam("address"))
    .order_by(CustomerRow.is_prospect, CustomerRow.created_at)
    .limit(1)
    for channel, column in (
        (Channel.CHAT, CustomerRow.chat_handle),
        (Channel.EMAIL, CustomerRow.email),
        (Channel.VOICE, CustomerRow.phone_digits),
    )
}
_ENTRY_POINT = (
    select(EntryPointRow, QueueRow, ClientRow)
    .join(QueueRow, QueueRow.id == EntryPointRow.queue_id)
    .join(ClientRow, ClientRow.id == EntryPointRow.client_id)
    .where(EntryPointRow.id == bindparam("entry_point"))
)


async def match_customer(
    uow: UnitOfWork, client_id: str, channel: Channel, address: str
) -> CustomerRow:
    """The client's customer with this identity on the channel, or a new prospect."""
    value = re.sub(r"\D", "", address) if channel is Channel.VOICE else address.strip()
    found = await uow.session.scalar(_CUSTOMER_BY[channel], {"client": client_id, "address": value})
    if found is not None:
        return found
    prospect = CustomerRow(
        id=new_id("cus"),
        client_id=client_id,
        name=address.strip()[:160],
        segment="residential",
        is_prospect=True,
        flags=[],
        created_at=uow.now,
        chat_handle=value if channel is Channel.CHAT else None,
        email=value if channel is Channel.EMAIL else None,
        phone=address if channel is Channel.VOICE else None,
        phone_digits=value if channel is Channel.VOICE else None,
    )
    uow.session.add(prospect)
    await uow.session.flush()
    return prospect


async def open_chat(uow: UnitOfWork, body: GatewayChatRequest) -> GatewayCreated:
    """A customer starts a chat: match them, queue the chat and, when someone is free and
    nobody waits before it, offer it in the same transaction (inserted already offered)."""
    found = (await uow.session.execute(_ENTRY_POINT, {"entry_point": body.entry_point})).first()
    if found is None or found[0].kind != EntryPointKind.CHAT.value:
        raise Invalid(
            f"unknown chat entry point {body.entry_point!r}",
            details={"entry_point": body.entry_point},
        )
    ep, queue = found[0], found[1]
    customer = await match_customer(uow, ep.client_id, Channel.CHAT, body.from_)
    row = InteractionRow(
        id=new_id("int"),
        channel=Channel.CHAT.value,
        status=S.QUEUED.value,
        client_id=ep.client_id,
        queue_id=ep.queue_id,
        entry_point=ep.id,
        from_address=body.from_,
        customer_id=customer.id,
        subject=_subject(body.text),
        created_at=uow.now,
        queued_at=uow.now,
        customer_typing=False,
        excluded={},
    )
    msg, stored = new_line(uow, row, Direction.INBOUND, customer.name, body.text)
    moods = {msg.id: stored} if stored is not None else {}
    reading = conversation_reading([msg], moods)
    row.mood = reading.label if reading else None
    agent_id = await arrival_agent(uow, row, queue.skill)
    if agent_id is not None:
        mark_offered(uow, row, agent_id)
    uow.session.add_all([row, msg])
    await uow.session.flush()
    uow.session.add_all(moods.values())  # after its line: the unit of work cannot order them
    if agent_id is not None:
        await announce_offer(uow, row, ([msg], moods))
    # Also after an offer made here: the router keeps the offer's deadline.
    uow.after_commit(uow.ctx.kick_router)
    return GatewayCreated(interaction_id=row.id)


async def _chat(uow: UnitOfWork, interaction_id: str) -> InteractionRow:
    row = await lock_interaction(uow, interaction_id)
    if row is None or row.channel != Channel.CHAT.value:
        raise NotFound(f"no chat {interaction_id}")
    return row


async def customer_message(uow: UnitOfWork, interaction_id: str, text: str) -> Message:
    row = await _chat(uow, interaction_id)
    if row.status not in OPEN:
        raise Conflict("the chat has ended", details={"status": row.status})
    customer = await uow.session.get(CustomerRow, row.customer_id) if row.customer_id else None
    was_typing = row.customer_typing
    row.customer_typing = False
    message = await add_message(
        uow, row, Direction.INBOUND, customer.name if customer else row.from_address, text
    )
    if was_typing:
        await announce(uow, row)
    return message


async def customer_typing(uow: UnitOfWork, interaction_id: str, typing: bool) -> GatewayChatState:
    row = await _chat(uow, interaction_id)
    if row.status not in OPEN:
        raise Conflict("the chat has ended", details={"status": row.status})
    if row.customer_typing != typing:
        row.customer_typing = typing
        await announce(uow, row)
    return GatewayChatState(interaction_id=row.id, status=S(row.status))


async def customer_end(uow: UnitOfWork, interaction_id: str) -> GatewayChatState:
    """The customer left. Before an answer that is an abandon; after, the operator wraps up."""
    row = await _chat(uow, interaction_id)
    if row.status in (S.QUEUED.value, S.OFFERED.value):
        agent_id = row.agent_id
        row.status = S.ABANDONED.value
        row.agent_id = None
        row.ended_at = uow.now
        row.end_reason = "abandoned"
        row.customer_typing = False
        await uow.session.flush()
        if agent_id is not None:
            view = await interaction_view(uow.session, row)
            await uow.emit(
                agent_id,
                EventType.INTERACTION_ENDED,
                InteractionEndedData(interaction=view, reason="abandoned"),
            )
            uow.after_commit(uow.ctx.kick_router)
        uow.after_commit(uow.ctx.kick_stats)
    elif row.status == S.ACTIVE.value:
        await end_conversation(uow, row, "customer_left", "Il cliente ha lasciato la chat.")
        await announce(uow, row)
    return GatewayChatState(interaction_id=row.id, status=S(row.status))


def _subject(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 80 else line[:79] + "…"
