"""The error shape: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

from typing import Any

from agentdesk.protocol.base import ResponseModel


class ErrorBody(ResponseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(ResponseModel):
    error: ErrorBody


# Error codes used by the server; the desktop maps them to translated messages.
UNAUTHORIZED = "unauthorized"
FORBIDDEN = "forbidden"
NOT_FOUND = "not_found"
VALIDATION = "validation_error"
CONFLICT = "conflict"
ILLEGAL_TRANSITION = "illegal_transition"
BAD_REQUEST = "bad_request"
RATE_LIMITED = "rate_limited"
INTERNAL = "internal_error"
