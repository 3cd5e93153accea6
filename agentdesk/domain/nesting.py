"""Nesting: when a trainee is ready to graduate, from their tutor's reviews."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Review scores run from 1 (needs work) to 5 (excellent).
REVIEW_SCALE = (1, 5)


@dataclass(frozen=True, slots=True)
class GraduationCriteria:
    min_reviews: int = 10
    min_average: float = 4.0


@dataclass(frozen=True, slots=True)
class GraduationStatus:
    reviewed: int
    average: float | None
    criteria: GraduationCriteria
    ready: bool


def graduation_status(
    scores: Sequence[int], criteria: GraduationCriteria | None = None
) -> GraduationStatus:
    """Ready once enough contacts were reviewed with a high enough average score."""
    c = criteria or GraduationCriteria()
    average = sum(scores) / len(scores) if scores else None
    ready = len(scores) >= c.min_reviews and average is not None and average >= c.min_average
    return GraduationStatus(len(scores), average, c, ready)
