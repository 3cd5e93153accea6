"""Attachments listed with e-mail messages (name, type, size; never the content)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.email import AttachmentInfo
from agentdesk.protocol.interactions import Attachment, Message
from agentdesk.server.db.email_models import EmailAttachmentRow


def list_attachments(
    session: AsyncSession, message_id: str, attachments: Sequence[AttachmentInfo]
) -> list[Attachment]:
    """Record the listed attachments of ``message_id``; returns them as the wire shows them."""
    for item in attachments:
        session.add(
            EmailAttachmentRow(
                message_id=message_id,
                name=item.name,
                content_type=item.content_type,
                size=item.size,
            )
        )
    return [Attachment(name=a.name, content_type=a.content_type, size=a.size) for a in attachments]


async def with_attachments(session: AsyncSession, messages: list[Message]) -> list[Message]:
    """``messages`` with their listed attachments filled in."""
    if not messages:
        return messages
    rows = await session.scalars(
        select(EmailAttachmentRow)
        .where(EmailAttachmentRow.message_id.in_([m.id for m in messages]))
        .order_by(EmailAttachmentRow.pk)
    )
    found: dict[str, list[Attachment]] = {}
    for row in rows:
        found.setdefault(row.message_id, []).append(
            Attachment(name=row.name, content_type=row.content_type, size=row.size)
        )
    if not found:
        return messages
    return [
        m.model_copy(update={"attachments": found[m.id]}) if m.id in found else m for m in messages
    ]
