"""Survey answers and their summaries: CSAT, CES, and three NPS kinds kept apart.

Transactional, relational and competitive NPS are different questions to different people at
different moments; a summary is always of one kind, and mixing kinds is refused, never averaged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class SurveyType(StrEnum):
    NPS_TRANSACTIONAL = "nps_transactional"
    NPS_RELATIONAL = "nps_relational"
    NPS_COMPETITIVE = "nps_competitive"
    CSAT = "csat"
    CES = "ces"

    @property
    def is_nps(self) -> bool:
        return self.value.startswith("nps_")


#: Inclusive score range per type: NPS 0-10, CSAT 1-5, CES 1-7 (7 = very easy).
SCALES: dict[SurveyType, tuple[int, int]] = {
    SurveyType.NPS_TRANSACTIONAL: (0, 10),
    SurveyType.NPS_RELATIONAL: (0, 10),
    SurveyType.NPS_COMPETITIVE: (0, 10),
    SurveyType.CSAT: (1, 5),
    SurveyType.CES: (1, 7),
}


class MixedSurveyTypes(ValueError):
    """A summary was asked over answers of more than one type."""


def valid_score(type_: SurveyType, score: int) -> bool:
    low, high = SCALES[type_]
    return low <= score <= high


def nps_band(score: int) -> str:
    """promoter (9-10), passive (7-8) or detractor (0-6)."""
    if score >= 9:
        return "promoter"
    if score >= 7:
        return "passive"
    return "detractor"


@dataclass(frozen=True, slots=True)
class Answer:
    type: SurveyType
    score: int
    comment: str = ""
    #: e.g. "collection" for NPS after a collection call
    context: str | None = None


@dataclass(slots=True)
class Summary:
    """One type's summary. For NPS: bands and the NPS (-100..100); for CSAT: share of 4-5;
    for CES: share of 5-7 ("easy"). ``mean`` for all. Comments grouped by score."""

    type: SurveyType
    responses: int = 0
    mean: float | None = None
    promoters: int = 0
    passives: int = 0
    detractors: int = 0
    nps: float | None = None
    satisfied_share: float | None = None
    comments_by_score: dict[int, list[str]] = field(default_factory=dict)


def net_promoter_score(promoters: int, detractors: int, responses: int) -> float | None:
    """% promoters minus % detractors, or None without responses."""
    if responses == 0:
        return None
    return 100.0 * (promoters - detractors) / responses


def summarize(type_: SurveyType, answers: Iterable[Answer]) -> Summary:
    """Summary of answers of exactly ``type_``; any other type raises :class:`MixedSurveyTypes`."""
    out = Summary(type=type_)
    total = 0
    scores: list[int] = []
    for answer in answers:
        if answer.type is not type_:
            raise MixedSurveyTypes(f"{answer.type.value} answer in a {type_.value} summary")
        out.responses += 1
        total += answer.score
        scores.append(answer.score)
        if type_.is_nps:
            band = nps_band(answer.score)
            if band == "promoter":
                out.promoters += 1
            elif band == "passive":
                out.passives += 1
            else:
                out.detractors += 1
        if answer.comment.strip():
            out.comments_by_score.setdefault(answer.score, []).append(answer.comment.strip())
    if out.responses:
        out.mean = total / out.responses
    if type_.is_nps:
        out.nps = net_promoter_score(out.promoters, out.detractors, out.responses)
    else:
        out.satisfied_share = satisfied_share(type_, scores)
    return out


def satisfied_share(type_: SurveyType, scores: Iterable[int]) -> float | None:
    """CSAT: share of 4-5 out of 5; CES: share of 5-7 out of 7 (top boxes)."""
    threshold = {SurveyType.CSAT: 4, SurveyType.CES: 5}.get(type_)
    if threshold is None:
        raise ValueError("top-box share is for csat and ces")
    values = list(scores)
    if not values:
        return None
    return sum(1 for s in values if s >= threshold) / len(values)
