"""Tables of the e-mail channel: threads, the interactions in them, listed attachments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.server.db.models import Base


class EmailThreadRow(Base):
    """A conversation by e-mail: one customer address, one subject, one client."""

    __tablename__ = "email_threads"
    __table_args__ = (Index("ix_email_threads_key", "client_id", "address", "subject_key"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    address: Mapped[str] = mapped_column(String(200))  # the customer's, lower case
    mailbox: Mapped[str] = mapped_column(String(200))  # the client's, as written to
    subject: Mapped[str] = mapped_column(String(200))  # as first written
    subject_key: Mapped[str] = mapped_column(String(200))  # normalised, no Re:
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class EmailInteractionRow(Base):
    """Which thread an e-mail interaction belongs to."""

    __tablename__ = "email_interactions"

    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), primary_key=True)
    thread_id: Mapped[str] = mapped_column(ForeignKey("email_threads.id"), index=True)


class EmailAttachmentRow(Base):
    """An attachment as listed by the gateway (name, type, size); the content is not kept."""

    __tablename__ = "email_attachments"

    pk: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    message_id: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(BigInteger)
