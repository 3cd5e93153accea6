"""E-mail as a channel: receiving from the gateway, threads, the operator's quoted reply.

An e-mail to one of the client's mailboxes becomes a queued interaction in that mailbox's
queue, routed like a chat. A reply from the same address whose subject is ``Re:`` the
thread's subject joins the thread: the interaction still open gets it as a new message,
otherwise a new interaction opens in the same thread. The operator's reply goes to the
gateway as ``email.reply`` with the thread's history quoted under it.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, func, select

from agentdesk.domain.email_quote import Quoted, quote_history
from agentdesk.protocol.email import EmailReplyData, GatewayEmailCreated, GatewayEmailRequest
from agentdesk.protocol.events import EventType, MessageReceivedData
from agentdesk.protocol.gateway import EntryPointKind, GatewayEventType
from agentdesk.protocol.interactions import Channel, Direction, InteractionStatus, Message
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.email_models import EmailInteractionRow, EmailThreadRow
from agentdesk.server.db.models import EntryPointRow, InteractionRow, MessageRow
from agentdesk.server.errors import Invalid
from agentdesk.server.ids import new_id
from agentdesk.server.services.agents import HELD
from agentdesk.server.services.email_attachments import list_attachments
from agentdesk.server.services.gateway import match_customer
from agentdesk.server.services.offers import lock_interaction
from agentdesk.server.services.views import message_view

S = InteractionStatus
#: An interaction in these states takes a customer's reply as a new message.
JOINABLE = (S.QUEUED.value, S.OFFERED.value, S.ACTIVE.value)
NO_SUBJECT = "(senza oggetto)"

#: Reply prefixes in the languages the centre's customers write: Re, R, RIF, AW, SV.
_REPLY = re.compile(r"^\s*(?:(?:re|r|rif|aw|sv)(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)


def is_reply(subject: str) -> bool:
    return bool(_REPLY.match(subject))


def subject_key(subject: str) -> str:
    """The subject a thread is known by: no reply prefixes, spaces collapsed, case folded."""
    return " ".join(_REPLY.sub("", subject).split()).casefold()[:200]


def reply_subject(subject: str) -> str:
    return subject if is_reply(subject) else f"Re: {subject}"


async def receive(uow: UnitOfWork, body: GatewayEmailRequest) -> GatewayEmailCreated:
    mailbox = body.to.strip().lower()
    ep = await uow.session.scalar(
        select(EntryPointRow).where(
            EntryPointRow.kind == EntryPointKind.EMAIL.value,
            func.lower(EntryPointRow.address) == mailbox,
        )
    )
    if ep is None:
        raise Invalid(f"unknown mailbox {body.to!r}", details={"to": body.to})
    address = body.from_.strip().lower()
    subject = " ".join(body.subject.split()) or NO_SUBJECT
    key = subject_key(subject)
    thread = None
    if is_reply(subject) and key:
        thread = await uow.session.scalar(
            select(EmailThreadRow)
            .where(
                EmailThreadRow.client_id == ep.client_id,
                EmailThreadRow.address == address,
                EmailThreadRow.subject_key == key,
            )
            .order_by(EmailThreadRow.updated_at.desc())
            .limit(1)
        )
    customer = await match_customer(uow, ep.client_id, Channel.EMAIL, address)
    if thread is not None:
        thread.updated_at = uow.now
        open_row = await _open_interaction(uow, thread.id)
        if open_row is not None:
            await _add_email(uow, open_row, customer.name, body)
            return GatewayEmailCreated(interaction_id=open_row.id, thread_id=thread.id, joined=True)
    else:
        thread = EmailThreadRow(
            id=new_id("thr"),
            client_id=ep.client_id,
            address=address,
            mailbox=ep.address,
            subject=subject,
            subject_key=key,
            created_at=uow.now,
            updated_at=uow.now,
        )
        uow.session.add(thread)
    row = InteractionRow(
        id=new_id("int"),
        channel=Channel.EMAIL.value,
        status=S.QUEUED.value,
        client_id=ep.client_id,
        queue_id=ep.queue_id,
        entry_point=ep.id,
        from_address=address,
        customer_id=customer.id,
        subject=subject,
        created_at=uow.now,
        queued_at=uow.now,
        customer_typing=False,
        excluded={},
    )
    uow.session.add(row)
    await uow.session.flush()
    uow.session.add(EmailInteractionRow(interaction_id=row.id, thread_id=thread.id))
    await _add_email(uow, row, customer.name, body)
    uow.after_commit(uow.ctx.kick_router)
    uow.after_commit(uow.ctx.kick_stats)
    return GatewayEmailCreated(interaction_id=row.id, thread_id=thread.id, joined=False)


async def _open_interaction(uow: UnitOfWork, thread_id: str) -> InteractionRow | None:
    interaction_id = await uow.session.scalar(
        select(InteractionRow.id)
        .join(EmailInteractionRow, EmailInteractionRow.interaction_id == InteractionRow.id)
        .where(EmailInteractionRow.thread_id == thread_id, InteractionRow.status.in_(JOINABLE))
        .order_by(InteractionRow.created_at.desc())
        .limit(1)
    )
    return await lock_interaction(uow, interaction_id) if interaction_id else None


async def _add_email(
    uow: UnitOfWork, row: InteractionRow, author: str, body: GatewayEmailRequest
) -> Message:
    """The customer's e-mail as a message of ``row``, with its attachments listed."""
    msg = MessageRow(
        id=new_id("msg"),
        interaction_id=row.id,
        direction=Direction.INBOUND.value,
        author=author,
        text=body.body,
        created_at=uow.now,
    )
    uow.session.add(msg)
    await uow.session.flush()
    attachments = list_attachments(uow.session, msg.id, body.attachments)
    message = message_view(msg).model_copy(update={"attachments": attachments})
    if row.agent_id is not None and row.status in HELD:
        await uow.emit(
            row.agent_id, EventType.MESSAGE_RECEIVED, MessageReceivedData(message=message)
        )
    return message


async def send_reply(uow: UnitOfWork, row: InteractionRow, message: Message) -> None:
    """Tell the gateway to send the operator's reply, quoting the thread's history."""
    link = await uow.session.get(EmailInteractionRow, row.id)
    thread = await uow.session.get(EmailThreadRow, link.thread_id) if link else None
    history_filter: ColumnElement[bool]
    if link is not None:
        scope = select(EmailInteractionRow.interaction_id).where(
            EmailInteractionRow.thread_id == link.thread_id
        )
        history_filter = MessageRow.interaction_id.in_(scope)
    else:
        history_filter = MessageRow.interaction_id == row.id
    earlier = await uow.session.scalars(
        select(MessageRow)
        .where(
            history_filter,
            MessageRow.id != message.id,
            MessageRow.direction != Direction.SYSTEM.value,
        )
        .order_by(MessageRow.created_at.desc(), MessageRow.pk.desc())
    )
    subject = thread.subject if thread else (row.subject or NO_SUBJECT)
    data = EmailReplyData.model_validate(
        {
            "message_id": message.id,
            "thread_id": thread.id if thread else None,
            "to": row.from_address,
            "from": thread.mailbox if thread else "",
            "subject": reply_subject(subject),
            "body": quote_history(
                message.text, [Quoted(m.created_at, m.author, m.text) for m in earlier]
            ),
            "author": message.author,
        }
    )
    uow.to_gateway(
        GatewayEventType.EMAIL_REPLY, row.id, data.model_dump(mode="json", by_alias=True)
    )
