"""The customer's side of a chat, as the channel gateway reports it."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import bindparam, insert, select
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
from agentdesk.server.db.assist_models import MessageMoodRow
from agentdesk.server.db.models import (
    Base,
    ClientRow,
    CustomerRow,
    EntryPointRow,
    InteractionRow,
    MessageRow,
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
from agentdesk.server.services.offers import lock_interaction, mark_offered, send_offer
from agentdesk.server.services.views import (
    build_interaction,
    conversation_reading,
    interaction_view,
)

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
#: The same match for a new chat, as plain columns (see :func:`open_chat`).
_CHAT_CUSTOMER = _CUSTOMER_BY[Channel.CHAT].with_only_columns(CustomerRow.id, CustomerRow.name)
#: A chat entry point with what a new chat needs of its queue and client.
_CHAT_ENTRY = (
    select(
        EntryPointRow.id,
        EntryPointRow.kind,
        EntryPointRow.client_id,
        EntryPointRow.queue_id,
        QueueRow.skill,
        QueueRow.priority,
        ClientRow.name,
        ClientRow.color,
        ClientRow.greeting,
        ClientRow.dispositions,
    )
    .join(QueueRow, QueueRow.id == EntryPointRow.queue_id)
    .join(ClientRow, ClientRow.id == EntryPointRow.client_id)
    .where(EntryPointRow.id == bindparam("entry_point"))
)
_INSERT = {
    model.__tablename__: insert(model)
    for model in (CustomerRow, InteractionRow, MessageRow, MessageMoodRow)
}


def _identity(channel: Channel, address: str) -> str:
    """How a customer's address is matched on ``channel`` (phone numbers by their digits)."""
    return re.sub(r"\D", "", address) if channel is Channel.VOICE else address.strip()


def _prospect(
    uow: UnitOfWork, client_id: str, channel: Channel, address: str, value: str
) -> CustomerRow:
    return CustomerRow(
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


async def match_customer(
    uow: UnitOfWork, client_id: str, channel: Channel, address: str
) -> CustomerRow:
    """The client's customer with this identity on the channel, or a new prospect."""
    value = _identity(channel, address)
    found = await uow.session.scalar(_CUSTOMER_BY[channel], {"client": client_id, "address": value})
    if found is not None:
        return found
    prospect = _prospect(uow, client_id, channel, address, value)
    uow.session.add(prospect)
    await uow.session.flush()
    return prospect


def _column_values(obj: Base) -> dict[str, Any]:
    """The columns set on a new ``obj`` (the others take their defaults), for a plain INSERT."""
    given = obj.__dict__
    return {c.key: given[c.key] for c in obj.__table__.columns if c.key in given}


async def open_chat(uow: UnitOfWork, body: GatewayChatRequest) -> GatewayCreated:
    """A customer starts a chat: match them, queue the chat and, when someone is free and
    nobody waits before it, offer it in the same transaction (inserted already offered).

    The first thing every customer does, and the path to the operator's offer: it runs as
    plain statements on the transaction's connection, the rows built as the ORM would store
    them and inserted without the unit of work (which costs more than the statements), the
    offer's view built from what is in hand (:func:`build_interaction`, as
    :func:`interaction_view` builds it)."""
    conn = await uow.connection()
    ep = (await conn.execute(_CHAT_ENTRY, {"entry_point": body.entry_point})).first()
    if ep is None or ep.kind != EntryPointKind.CHAT.value:
        raise Invalid(
            f"unknown chat entry point {body.entry_point!r}",
            details={"entry_point": body.entry_point},
        )
    client = ClientRow(
        id=ep.client_id,
        name=ep.name,
        color=ep.color,
        greeting=ep.greeting,
        dispositions=ep.dispositions,
    )
    value = _identity(Channel.CHAT, body.from_)
    found = (await conn.execute(_CHAT_CUSTOMER, {"client": ep.client_id, "address": value})).first()
    if found is not None:
        customer_id, customer_name = str(found.id), str(found.name)
    else:
        prospect = _prospect(uow, ep.client_id, Channel.CHAT, body.from_, value)
        await conn.execute(_INSERT["customers"], _column_values(prospect))
        customer_id, customer_name = prospect.id, prospect.name
    row = InteractionRow(
        id=new_id("int"),
        channel=Channel.CHAT.value,
        status=S.QUEUED.value,
        client_id=ep.client_id,
        queue_id=ep.queue_id,
        entry_point=ep.id,
        from_address=body.from_,
        customer_id=customer_id,
        subject=_subject(body.text),
        created_at=uow.now,
        queued_at=uow.now,
        customer_typing=False,
        excluded={},
    )
    msg, stored = new_line(uow, row, Direction.INBOUND, customer_name, body.text)
    moods = {msg.id: stored} if stored is not None else {}
    reading = conversation_reading([msg], moods)
    row.mood = reading.label if reading else None
    agent_id = await arrival_agent(uow, row, ep.skill, priority=int(ep.priority or 0))
    if agent_id is not None:
        mark_offered(uow, row, agent_id)
    await conn.execute(_INSERT["interactions"], _column_values(row))
    await conn.execute(_INSERT["messages"], _column_values(msg))
    for mood in moods.values():
        await conn.execute(_INSERT["message_moods"], _column_values(mood))
    if agent_id is not None:
        await send_offer(
            uow, agent_id, build_interaction(row, client, customer_name, ([msg], moods))
        )
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
