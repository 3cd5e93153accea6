"""Plain-text pieces of the e-mail view (no Qt): sizes, the thread, the quote preview."""

from __future__ import annotations

from collections.abc import Sequence

from agentdesk.domain.email_quote import Quoted, quote_history
from agentdesk.protocol.interactions import Attachment, Direction, Message


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover


def attachment_line(attachment: Attachment) -> str:
    return f"{attachment.name} · {attachment.content_type} · {human_size(attachment.size)}"


def mail_messages(messages: Sequence[Message]) -> list[Message]:
    """The customer's and the operator's messages (system notes left out)."""
    return [m for m in messages if m.direction is not Direction.SYSTEM]


def quote_preview(messages: Sequence[Message]) -> str:
    """What the server quotes under the operator's reply: the thread, newest first."""
    earlier = [Quoted(m.ts, m.author, m.text) for m in reversed(mail_messages(messages))]
    return quote_history("", earlier).lstrip("\n")
