"""Surveys (NPS kinds apart), the 70/30 score with penalties, invoice and nesting rules."""

from __future__ import annotations

from datetime import date

import pytest

from agentdesk.domain.invoices import falls_due_soon
from agentdesk.domain.nesting import GraduationCriteria, graduation_status
from agentdesk.domain.scoring import Penalty, ScoreWeights, badges, rank, score
from agentdesk.domain.surveys import (
    Answer,
    MixedSurveyTypes,
    SurveyType,
    nps_band,
    summarize,
    valid_score,
)

T = SurveyType


def test_nps_bands_and_score() -> None:
    answers = [
        Answer(T.NPS_TRANSACTIONAL, s, c)
        for s, c in [(10, "great"), (9, ""), (8, "ok"), (7, ""), (6, "slow"), (0, "awful")]
    ]
    summary = summarize(T.NPS_TRANSACTIONAL, answers)
    assert (summary.promoters, summary.passives, summary.detractors) == (2, 2, 2)
    assert summary.nps == pytest.approx(0.0)  # 33.3% - 33.3%
    assert summary.comments_by_score == {10: ["great"], 8: ["ok"], 6: ["slow"], 0: ["awful"]}
    assert [nps_band(s) for s in (10, 9, 8, 7, 6, 0)] == [
        "promoter",
        "promoter",
        "passive",
        "passive",
        "detractor",
        "detractor",
    ]


def test_nps_kinds_are_never_mixed() -> None:
    with pytest.raises(MixedSurveyTypes):
        summarize(T.NPS_RELATIONAL, [Answer(T.NPS_RELATIONAL, 9), Answer(T.NPS_COMPETITIVE, 9)])


def test_csat_and_ces_top_box_and_scales() -> None:
    csat = summarize(T.CSAT, [Answer(T.CSAT, s) for s in (5, 4, 3, 2)])
    assert csat.satisfied_share == 0.5 and csat.mean == 3.5 and csat.nps is None
    ces = summarize(T.CES, [Answer(T.CES, s) for s in (7, 5, 4)])
    assert ces.satisfied_share == pytest.approx(2 / 3)
    assert valid_score(T.CSAT, 5) and not valid_score(T.CSAT, 0)
    assert valid_score(T.NPS_COMPETITIVE, 0) and not valid_score(T.NPS_COMPETITIVE, 11)
    assert not valid_score(T.CES, 8)


def test_seventy_thirty_score_traces_every_point() -> None:
    values = {
        "csat": 0.9,
        "nps": 0.6,
        "qa": 0.8,
        "fcr": 0.7,
        "adherence": 1.0,
        "volume": 0.5,
        "schedule_adherence": 0.9,
    }
    result = score(values, [Penalty(50, "privacy breach", "a-luca")])
    # quality: 0.7 * mean(0.9, 0.6, 0.8, 0.7, 1.0) * 1000 = 560; quantity: 0.3 * 0.7 * 1000 = 210
    assert result.quality_points == pytest.approx(560.0)
    assert result.quantity_points == pytest.approx(210.0)
    assert result.total == pytest.approx(720.0)
    csat = next(line for line in result.lines if line.name == "csat")
    assert csat.weight == pytest.approx(0.14) and csat.points == pytest.approx(126.0)
    assert sum(line.points for line in result.lines) - result.penalty_points == result.total


def test_weights_are_configurable_and_missing_components_redistribute() -> None:
    values = {
        "csat": 1.0,
        "nps": None,
        "qa": None,
        "fcr": None,
        "adherence": None,
        "volume": 0.0,
        "schedule_adherence": 0.0,
    }
    result = score(values, weights=ScoreWeights(quality=0.5, quantity=0.5))
    assert result.total == pytest.approx(500.0)
    nps = next(line for line in result.lines if line.name == "nps")
    assert (nps.value, nps.weight, nps.points) == (None, 0.0, 0.0)
    assert score(values, [Penalty(900, "x", "qa")]).total == 0.0  # never below zero
    with pytest.raises(ValueError):
        score({"csat": 1.5})


def test_rank_and_badges() -> None:
    assert rank({"a": 10, "b": 30, "c": 10, "d": 5}) == {"b": 1, "a": 2, "c": 2, "d": 4}
    assert badges({"csat": 0.95, "fcr": 0.5, "nps": None}) == ["customer_heart"]


def test_invoice_due_rule() -> None:
    today = date(2026, 11, 30)
    assert falls_due_soon("open", date(2026, 12, 10), today)
    assert falls_due_soon("open", today, today)
    assert not falls_due_soon("open", date(2026, 12, 11), today)
    assert not falls_due_soon("overdue", date(2026, 12, 1), today)
    assert not falls_due_soon("paid", date(2026, 12, 1), today)


def test_graduation_criteria() -> None:
    criteria = GraduationCriteria(min_reviews=3, min_average=4.0)
    assert not graduation_status([5, 5], criteria).ready
    assert graduation_status([5, 4, 3], criteria).ready
    assert not graduation_status([4, 3, 3], criteria).ready
    assert graduation_status([], criteria).average is None


def test_alerts_fire_on_each_threshold() -> None:
    from agentdesk.domain.alerts import MemberNow, QueueNow, Thresholds, crossed

    queues = [QueueNow("chat-lario", 3, 61.0, 0.5, 0.8), QueueNow("voice-lario", 0, 0.0, 0.9, 0.8)]
    members = [
        MemberNow("a", "Anna", "not_ready", 1000.0, None),
        MemberNow("b", "Bea", "ready", 5000.0, "negative"),
        MemberNow("c", "Ciro", "not_ready", 100.0, "neutral"),
    ]
    kinds = {(a.kind, a.queue or a.agent_id) for a in crossed(queues, members, Thresholds())}
    assert kinds == {
        ("service_level", "chat-lario"),
        ("long_wait", "chat-lario"),
        ("not_ready_over_budget", "a"),
        ("negative_mood", "b"),
    }


def test_script_adherence_is_a_fifth_of_the_quality_share() -> None:
    values = {"csat": 1.0, "nps": 1.0, "qa": 1.0, "fcr": 1.0, "adherence": 1.0,
              "volume": 1.0, "schedule_adherence": 1.0}  # fmt: skip
    half = score({**values, "adherence": 0.5})
    # adherence weighs 0.7 / 5 = 14% of the score: half of it missing is 0.5 × 140 = 70 points
    assert score(values).total - half.total == pytest.approx(70.0)
    line = next(line for line in half.lines if line.name == "adherence")
    assert line.group == "quality"
    assert line.weight == pytest.approx(0.14) and line.points == pytest.approx(70.0)


def test_weights_set_in_percent_must_add_up() -> None:
    from agentdesk.domain.scoring import WeightsError, weights_from_percent

    w = weights_from_percent(60, 40, {"csat": 40, "fcr": 30, "adherence": 30}, None)
    values = {"csat": 1.0, "nps": 1.0, "qa": 1.0, "fcr": 0.5, "adherence": 0.0,
              "volume": 1.0, "schedule_adherence": 0.5}  # fmt: skip
    # quality 0.6 × (0.4 × 1 + 0.3 × 0.5 + 0.3 × 0) = 0.33; nps and qa weigh nothing
    # quantity 0.4 × (0.5 × 1 + 0.5 × 0.5) = 0.30 -> 630 points
    result = score(values, weights=w)
    assert result.quality_points == pytest.approx(330.0)
    assert result.quantity_points == pytest.approx(300.0)
    assert result.total == pytest.approx(630.0)
    for bad, field in (
        ((70, 40, None, None), "quality"),
        ((-10, 110, None, None), "quality"),
        ((70, 30, {"csat": 50, "fcr": 40}, None), "quality_parts"),
        ((70, 30, {"speed": 100}, None), "quality_parts"),
        ((70, 30, None, {"volume": 120, "schedule_adherence": -20}), "quantity_parts"),
        ((70, 30, {"csat": float("nan"), "fcr": 100}, None), "quality_parts"),
        ((float("inf"), 30, None, None), "quality"),
    ):
        with pytest.raises(WeightsError) as err:
            weights_from_percent(*bad)
        assert err.value.field == field


def test_the_winning_squad_has_the_best_mean() -> None:
    from agentdesk.domain.scoring import season_winner

    # aquile: (700 + 500) / 2 = 600; delfini: (650 + 620 + 560) / 3 = 610 -> delfini,
    # though aquile has the best operator
    assert season_winner({"aquile": [700, 500], "delfini": [650, 620, 560]}) == "delfini"
    # a tie on the mean goes to the larger total (more members scoring), then the id
    assert season_winner({"a": [600, 600], "b": [600]}) == "a"
    assert season_winner({"b": [500], "a": [500]}) == "a"
    assert season_winner({}) is None and season_winner({"empty": []}) is None
