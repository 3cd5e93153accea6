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
    """Base for every body and event: strict about unknown fields on requests.

    Validators are built on first use (``defer_build``): the desktop's start-up does not
    pay for the hundred-odd models it will not touch in its first second. The server builds
    them all before it declares a route (:func:`build_all`).
    """

    model_config = ConfigDict(populate_by_name=True, extra="forbid", frozen=False, defer_build=True)


class ResponseModel(BaseModel):
    """Base for server answers: tolerant of fields a newer server adds."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore", defer_build=True)


def build_all() -> int:
    """Build every wire model's validator now, and every model defined later at once: what a
    server wants (FastAPI wraps the models in adapters of its own when routes are declared,
    and those follow the model's ``defer_build``). Returns how many were built."""
    built = 0
    pending: list[type[BaseModel]] = [WireModel, ResponseModel]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        model.model_config["defer_build"] = False
        if not model.__pydantic_complete__:
            model.model_rebuild(force=True)
            built += 1
    return built
