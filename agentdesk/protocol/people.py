"""KPIs, surveys, staffing and the team leader's alerts on the wire."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from agentdesk.domain.surveys import SurveyType
from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel

__all__ = ["SurveyType"]


class Period(StrEnum):
    TODAY = "today"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"


class Scope(StrEnum):
    OPERATOR = "operator"
    SQUAD = "squad"
    CLIENT = "client"
    QUEUE = "queue"


class NpsFigures(ResponseModel):
    """One NPS kind: never summed with another."""

    type: SurveyType
    responses: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None


class KpiReport(ResponseModel):
    """``GET /kpis/me`` and ``/kpis/teams/{id}``: one scope over one period."""

    scope: Scope
    scope_id: str
    period: Period
    since: UtcDateTime
    until: UtcDateTime
    handled: int
    handled_by_channel: dict[str, int]
    aht_s: float | None
    aht_target_s: float
    #: the band drawn around the target (the mean is fine anywhere inside it)
    aht_band_s: tuple[float, float]
    wrapup_s: float | None
    fcr: float | None
    transfer_rate: float | None
    service_level: float | None
    service_level_target: float
    asa_s: float | None
    abandonment: float | None
    occupancy: float | None
    not_ready_s: float
    not_ready_budget_s: float
    csat: float | None
    csat_responses: int
    ces: float | None
    nps: list[NpsFigures]
    mood_trend: str
    mood_recent: float | None
    script_adherence: float | None
    score: float | None = None
    rank: int | None = None


class KpiUpdatedData(ResponseModel):
    report: KpiReport


class StaffingResult(ResponseModel):
    traffic_erlangs: float
    agents: int
    service_level: float
    asa_s: float
    occupancy: float
    scheduled: int


class SurveyRequest(WireModel):
    interaction_id: str | None = Field(default=None, max_length=40)
    customer_id: str = Field(min_length=1, max_length=40)
    type: SurveyType
    score: int
    comment: str = Field(default="", max_length=4000)


class SurveyRecorded(ResponseModel):
    id: str
    type: SurveyType
    score: int


class ScoreComments(ResponseModel):
    score: int
    count: int
    comments: list[str]


class SurveyFigures(ResponseModel):
    responses: int
    mean: float | None
    promoters: int | None = None
    passives: int | None = None
    detractors: int | None = None
    nps: float | None = None
    #: CSAT: share of 4-5; CES: share of 5-7
    satisfied_share: float | None = None
    comments: list[ScoreComments] = []


class SurveySummary(ResponseModel):
    """``GET /surveys/summary``: one survey type only (NPS kinds are never mixed)."""

    type: SurveyType
    scope: str
    all: SurveyFigures
    #: the same type asked after collection calls (disposition "pagamento")
    after_collection: SurveyFigures


class AlertKind(StrEnum):
    SERVICE_LEVEL = "service_level"
    LONG_WAIT = "long_wait"
    NOT_READY_OVER_BUDGET = "not_ready_over_budget"
    NEGATIVE_MOOD = "negative_mood"


class Alert(ResponseModel):
    key: str
    kind: AlertKind
    level: str = "warning"
    text: str
    agent_id: str | None = None
    queue: str | None = None
    since: UtcDateTime


class AgentMessageRequest(WireModel):
    text: str = Field(min_length=1, max_length=2000)


class AgentMessageData(ResponseModel):
    from_id: str
    from_name: str
    text: str
    ts: UtcDateTime
