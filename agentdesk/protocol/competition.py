"""The squad competition and nesting reviews on the wire."""

from __future__ import annotations

from pydantic import Field

from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel
from agentdesk.protocol.interactions import Message


class ScoreLineView(ResponseModel):
    group: str  # quality | quantity
    name: str
    value: float | None
    weight: float
    points: float


class PenaltyView(ResponseModel):
    id: str
    agent_id: str
    points: float
    reason: str
    by: str
    at: UtcDateTime


class SeasonView(ResponseModel):
    id: str
    name: str
    starts_at: UtcDateTime
    ends_at: UtcDateTime
    #: quality, quantity (fractions summing to 1) and volume_target
    weights: dict[str, float]
    #: each component's weight inside its group (fractions; each group sums to 1)
    parts: dict[str, float] = Field(default_factory=dict)
    winner_team_id: str | None = None


class IndividualEntry(ResponseModel):
    agent_id: str
    name: str
    team_id: str | None
    score: float
    rank: int
    badges: list[str]
    lines: list[ScoreLineView]
    penalties: list[PenaltyView]


class SquadEntry(ResponseModel):
    team_id: str
    name: str
    captain_id: str | None
    score: float
    rank: int
    members: int


class Leaderboard(ResponseModel):
    season: SeasonView
    squads: list[SquadEntry]
    individuals: list[IndividualEntry]
    #: set once the season has ended
    winner_team_id: str | None = None


class CompetitionMe(ResponseModel):
    season: SeasonView
    me: IndividualEntry
    squad: SquadEntry | None
    squads: int
    individuals: int
    #: the winning squad, once the season has ended
    winner: SquadEntry | None = None


class WeightsRequest(WireModel):
    """Score weights in percent: ``quality + quantity`` = 100; each group's components, when
    given, sum to 100 (csat, nps, qa, fcr, adherence; volume, schedule_adherence)."""

    quality: float = Field(ge=0, le=100)
    quantity: float = Field(ge=0, le=100)
    quality_parts: dict[str, float] | None = None
    quantity_parts: dict[str, float] | None = None
    #: contacts an operator is expected to handle in the whole season
    volume_target: int | None = Field(default=None, gt=0, le=1_000_000)


class SeasonRequest(WireModel):
    name: str = Field(min_length=1, max_length=120)
    starts_at: UtcDateTime
    ends_at: UtcDateTime
    weights: WeightsRequest | None = None


class SeasonList(ResponseModel):
    items: list[SeasonView]


class PenaltyRequest(WireModel):
    agent_id: str = Field(min_length=1, max_length=40)
    points: float = Field(gt=0, le=1000)
    reason: str = Field(min_length=3, max_length=500)
    season: str | None = None


class ScoreUpdatedData(ResponseModel):
    """An operator's season score or rank moved (to them and their squad's team leaders)."""

    season_id: str
    score: float
    rank: int
    agent_id: str | None = None
    name: str | None = None
    #: the whole entry: every line and penalty behind the score
    entry: IndividualEntry | None = None


class Review(ResponseModel):
    id: str
    status: str  # pending | done
    trainee_id: str
    trainee_name: str
    tutor_id: str | None
    interaction_id: str
    channel: str
    client_id: str
    transcript: list[Message]
    recording_url: str | None = None
    mood: str | None
    script_adherence: float | None
    score: int | None = None
    feedback: str | None = None
    released: bool | None = None
    created_at: UtcDateTime
    completed_at: UtcDateTime | None = None


class ReviewList(ResponseModel):
    items: list[Review]


class ReviewDecision(WireModel):
    score: int = Field(ge=1, le=5)
    feedback: str = Field(default="", max_length=4000)
    release: bool = True


class ReviewEventData(ResponseModel):
    """Payload of review.requested (to the tutor) and review.completed (to the trainee)."""

    review: Review


class Graduation(ResponseModel):
    reviewed: int
    average: float | None
    min_reviews: int
    min_average: float
    ready: bool


class TraineeView(ResponseModel):
    agent_id: str
    name: str
    role: str
    state: str
    queues: list[str]
    graduation: Graduation


class TraineeList(ResponseModel):
    items: list[TraineeView]


class NestingQueues(WireModel):
    queues: list[str] = Field(max_length=50)
