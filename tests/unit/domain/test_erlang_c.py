"""Erlang C against an independent textbook formula computed in log space."""

from __future__ import annotations

import math

import pytest

from agentdesk.domain.erlang_c import StaffingInputError, curve, scheduled_heads, staff


def _reference(volume: float, aht: float, interval: float, target_sl: float, target_time: float):
    """The direct Erlang C formula: P(wait) = (A^N/N! · N/(N-A)) / (Σ_{k<N} A^k/k! + that)."""
    a = volume * aht / interval

    def log_term(k: int) -> float:
        return k * math.log(a) - math.lgamma(k + 1)

    def figures(n: int) -> tuple[float, float, float]:
        top = log_term(n) + math.log(n / (n - a))
        logs = [log_term(k) for k in range(n)] + [top]
        peak = max(logs)
        denominator = sum(math.exp(x - peak) for x in logs)
        pw = math.exp(top - peak) / denominator
        sl = 1 - pw * math.exp(-(n - a) * target_time / aht)
        return sl, pw * aht / (n - a), a / n

    n = math.floor(a) + 1
    while figures(n)[0] < target_sl:
        n += 1
    return a, n, *figures(n)


CASES = [
    (volume, aht, target)
    for volume in (1, 2, 5, 13, 40, 100, 250, 600, 1000, 1500, 2000)
    for aht in (60, 180, 300, 600)
    for target in (0.8, 0.95)
]


@pytest.mark.parametrize(("volume", "aht", "target"), CASES)
def test_matches_independent_formula(volume: int, aht: int, target: float) -> None:
    got = staff(volume, aht, 1800, target_sl=target, target_time=20)
    traffic, agents, sl, asa, occ = _reference(volume, aht, 1800, target, 20)
    assert got.traffic_erlangs == pytest.approx(traffic)
    assert got.agents == agents
    assert got.service_level == pytest.approx(sl, rel=0.005)
    assert got.asa_s == pytest.approx(asa, rel=0.005, abs=1e-9)
    assert got.occupancy == pytest.approx(occ, rel=0.005)
    assert got.service_level >= target


def test_hand_computed_textbook_case() -> None:
    # 100 calls in 30 min, AHT 180 s: 10 erlangs. With 13 agents P(wait) = 0.2882 and
    # SL = 1 - 0.2882·e^(-3·20/180) = 0.79 < 0.8; with 14, P(wait) = 0.1741 and
    # SL = 1 - 0.1741·e^(-4·20/180) = 0.8884, ASA = 0.1741·180/4 = 7.8 s; 30% shrinkage -> 20.
    got = staff(100, 180, 1800, target_sl=0.8, target_time=20, shrinkage=0.3)
    assert got.traffic_erlangs == 10.0
    assert got.agents == 14
    assert got.service_level == pytest.approx(0.8884, abs=5e-4)
    assert got.asa_s == pytest.approx(7.84, abs=0.01)
    assert got.occupancy == pytest.approx(10 / 14)
    assert got.scheduled == 20


def test_thousands_of_agents_stay_finite() -> None:
    got = staff(60_000, 300, 1800, target_sl=0.9, target_time=20)  # 10,000 erlangs
    assert 10_000 < got.agents < 10_200
    assert math.isfinite(got.asa_s) and 0.9 <= got.service_level <= 1


def test_shrinkage_scales_scheduled_heads() -> None:
    got = staff(100, 180, shrinkage=0.35)
    assert got.scheduled == math.ceil(14 / 0.65)
    # 7 agents at 30% shrinkage is 10 heads exactly, not 11 by float noise (7 / 0.7)
    assert scheduled_heads(7, 0.3) == 10
    assert scheduled_heads(7, 0.35) == 11


def test_zero_volume_needs_one_agent_and_no_wait() -> None:
    got = staff(0, 180)
    assert (got.agents, got.service_level, got.asa_s, got.occupancy) == (1, 1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"volume": -1}, "volume"),
        ({"aht": 0}, "aht"),
        ({"target_sl": 1.2}, "target_sl"),
        ({"target_sl": 0}, "target_sl"),
        ({"shrinkage": 1}, "shrinkage"),
        ({"interval": 0}, "interval"),
        ({"target_time": -5}, "target_time"),
    ],
)
def test_out_of_range_inputs_are_refused(kwargs: dict[str, float], field: str) -> None:
    args = {"volume": 100.0, "aht": 180.0} | kwargs
    with pytest.raises(StaffingInputError) as info:
        staff(**args)
    assert info.value.field == field


def test_curve_rises_with_agents_and_matches_staff() -> None:
    points = curve(10.0, 180, 20, range(11, 20))
    levels = [sl for _n, sl in points]
    assert levels == sorted(levels)
    assert dict(points)[14] == pytest.approx(staff(100, 180).service_level)
