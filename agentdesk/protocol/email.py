"""E-mail as a channel: what the gateway posts, what it is told.

Bodies are plain text; attachments are listed by name, type and size and never opened,
stored or rendered. A reply from the same address whose subject is ``Re:`` a thread's
subject joins that thread.
"""

from __future__ import annotations

from pydantic import Field

from agentdesk.protocol.base import ResponseModel, WireModel

#: A mailbox as the gateway reports it: something@somewhere.tld, no display name.
EMAIL_PATTERN = r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"
BODY_MAX = 100_000


class AttachmentInfo(WireModel):
    """An attachment, listed only: its bytes never reach AgentDesk."""

    name: str = Field(min_length=1, max_length=255)
    content_type: str = Field(default="application/octet-stream", min_length=3, max_length=127)
    size: int = Field(default=0, ge=0, le=10**12)


class GatewayEmailRequest(WireModel):
    """``POST /gateway/emails``."""

    from_: str = Field(alias="from", min_length=3, max_length=200, pattern=EMAIL_PATTERN)
    to: str = Field(min_length=3, max_length=200)
    subject: str = Field(default="", max_length=200)
    body: str = Field(max_length=BODY_MAX)
    attachments: list[AttachmentInfo] = Field(default=[], max_length=50)


class GatewayEmailCreated(ResponseModel):
    """The answer: the interaction the e-mail went to, its thread, and whether it joined an
    interaction still open (``joined``) rather than opening a new one."""

    interaction_id: str
    thread_id: str
    joined: bool


class EmailReplyData(ResponseModel):
    """Data of the gateway event ``email.reply``: what the gateway sends to the customer."""

    message_id: str
    thread_id: str | None
    to: str
    from_: str = Field(alias="from")
    subject: str
    body: str  # the operator's text, then the quoted history
    author: str
