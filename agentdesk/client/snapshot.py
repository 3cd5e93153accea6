"""The desk's last known picture: profile, open interactions and their customers.

Saved after every full load and at sign-out, shown at the next start at once (marked as
refreshing) while the live data loads, then replaced in place by it. A snapshot that does not
parse (an older or damaged one) is ignored, never an error.
"""

from __future__ import annotations

import logging

from pydantic import ValidationError

from agentdesk.protocol.agents import AgentProfile
from agentdesk.protocol.base import ResponseModel, UtcDateTime
from agentdesk.protocol.customers import Customer
from agentdesk.protocol.interactions import Interaction

log = logging.getLogger(__name__)

#: Bumped when the shape changes; an older snapshot is then ignored.
VERSION = 1


class DeskSnapshot(ResponseModel):
    version: int = VERSION
    saved_at: UtcDateTime
    profile: AgentProfile
    interactions: list[Interaction] = []
    customers: dict[str, Customer] = {}


def decode(body: str | None) -> DeskSnapshot | None:
    """The snapshot in ``body``, or None when absent, unreadable or of another version."""
    if not body:
        return None
    try:
        snapshot = DeskSnapshot.model_validate_json(body)
    except (ValidationError, ValueError) as exc:
        log.info("ignoring an unreadable desk snapshot: %s", exc)
        return None
    return snapshot if snapshot.version == VERSION else None


def encode(snapshot: DeskSnapshot) -> str:
    return snapshot.model_dump_json()
