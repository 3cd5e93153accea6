"""Canned responses: a client's ready-made replies for chats and e-mails."""

from __future__ import annotations

from agentdesk.protocol.base import ResponseModel


class CannedResponse(ResponseModel):
    """``text`` may hold ``{agent}`` and ``{customer}``, filled in by the desktop."""

    id: str
    client_id: str
    code: str  # short, stable: "saluto", "attesa", ...
    title: str
    text: str


class CannedResponseList(ResponseModel):
    items: list[CannedResponse]
