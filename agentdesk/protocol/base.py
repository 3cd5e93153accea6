"""Common base for wire models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

#: Times on the wire are ISO 8601 UTC ("...Z").
UtcDateTime = Annotated[
    datetime,
    PlainSerializer(
        lambda d: d.astimezone(UTC).isoformat().replace("+00:00", "Z"), return_type=str
    ),
]

IdempotencyKey = Annotated[str, Field(min_length=8, max_length=128)]


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class WireModel(BaseModel):
    """Base for every body and event: strict about unknown fields on requests."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid", frozen=False)


class ResponseModel(BaseModel):
    """Base for server answers: tolerant of fields a newer server adds."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore")
