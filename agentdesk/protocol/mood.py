"""The mood of a customer's words as it travels on the wire (see ``domain.mood``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from agentdesk.protocol.base import ResponseModel


class MoodView(ResponseModel):
    """``{label, score, cues}``: score in [-1, 1]; cues are the words or signs that decided."""

    label: Literal["negative", "neutral", "positive"]
    score: float = Field(ge=-1.0, le=1.0)
    cues: list[str] = []
