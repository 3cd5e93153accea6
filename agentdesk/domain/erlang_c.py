"""Erlang C staffing: the fewest agents that answer ``target_sl`` of contacts within
``target_time`` seconds, given a volume per interval and an average handling time.

Numerically stable for thousands of agents: the Erlang C probability is derived from the
Erlang B recursion ``B(n) = A·B(n-1) / (n + A·B(n-1))``, which never forms ``A**n`` or ``n!``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Beyond this many agents above the traffic the search gives up (a target of 100% can
#: otherwise only be met where floating point rounds the waiting probability to zero).
MAX_EXTRA_AGENTS = 100_000


class StaffingInputError(ValueError):
    """An input out of range; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Staffing:
    traffic_erlangs: float
    agents: int
    service_level: float
    asa_s: float
    occupancy: float
    scheduled: int


def validate(
    volume: float,
    aht: float,
    interval: float,
    *,
    target_sl: float,
    target_time: float,
    shrinkage: float,
) -> None:
    checks = [
        ("volume", math.isfinite(volume) and volume >= 0, "volume must be 0 or more"),
        ("aht", math.isfinite(aht) and aht > 0, "aht must be more than 0 seconds"),
        ("interval", math.isfinite(interval) and interval > 0, "interval must be positive"),
        (
            "target_sl",
            math.isfinite(target_sl) and 0 < target_sl <= 1,
            "target_sl is a fraction in (0, 1]",
        ),
        (
            "target_time",
            math.isfinite(target_time) and target_time >= 0,
            "target_time must be 0 or more seconds",
        ),
        (
            "shrinkage",
            math.isfinite(shrinkage) and 0 <= shrinkage < 1,
            "shrinkage is a fraction in [0, 1)",
        ),
    ]
    for field, ok, message in checks:
        if not ok:
            raise StaffingInputError(field, message)


def erlang_c_probability(agents: int, traffic: float, erlang_b: float) -> float:
    """Probability that a contact waits, from the Erlang B value for the same agents."""
    if agents <= traffic:
        return 1.0
    return agents * erlang_b / (agents - traffic * (1.0 - erlang_b))


def service_level_for(agents: int, traffic: float, aht: float, target_time: float) -> float:
    """Service level with ``agents`` (1.0 when there is no traffic, 0 when overloaded)."""
    if traffic <= 0:
        return 1.0
    b = 1.0
    for n in range(1, agents + 1):
        b = traffic * b / (n + traffic * b)
    return _sl(agents, traffic, aht, target_time, b)


def _sl(agents: int, traffic: float, aht: float, target_time: float, b: float) -> float:
    if agents <= traffic:
        return 0.0
    c = erlang_c_probability(agents, traffic, b)
    return max(0.0, 1.0 - c * math.exp(-(agents - traffic) * target_time / aht))


def staff(
    volume: float,
    aht: float,
    interval: float = 1800,
    *,
    target_sl: float = 0.8,
    target_time: float = 20,
    shrinkage: float = 0.0,
) -> Staffing:
    """The fewest agents meeting the target, their SL, ASA, occupancy, and scheduled heads."""
    validate(
        volume, aht, interval, target_sl=target_sl, target_time=target_time, shrinkage=shrinkage
    )
    traffic = volume * aht / interval
    b = 1.0  # Erlang B with 0 agents
    n = 0
    while True:
        n += 1
        b = traffic * b / (n + traffic * b)
        if n > traffic:
            sl = _sl(n, traffic, aht, target_time, b)
            if sl >= target_sl or n > traffic + MAX_EXTRA_AGENTS:
                break
    c = erlang_c_probability(n, traffic, b) if traffic > 0 else 0.0
    asa = c * aht / (n - traffic) if traffic > 0 else 0.0
    return Staffing(
        traffic_erlangs=traffic,
        agents=n,
        service_level=sl,
        asa_s=asa,
        occupancy=traffic / n,
        scheduled=scheduled_heads(n, shrinkage),
    )


def scheduled_heads(agents: int, shrinkage: float) -> int:
    """Agents / (1 - shrinkage), rounded up (ignoring float noise such as 7/0.7 = 10.000...2)."""
    return math.ceil(agents / (1.0 - shrinkage) - 1e-9)


def curve(traffic: float, aht: float, target_time: float, agents: range) -> list[tuple[int, float]]:
    """(agents, service level) for a chart; one Erlang B pass over the range."""
    points: list[tuple[int, float]] = []
    b = 1.0
    wanted = set(agents)
    top = max(wanted, default=0)
    for n in range(1, top + 1):
        b = traffic * b / (n + traffic * b) if traffic > 0 else 0.0
        if n in wanted:
            points.append((n, 1.0 if traffic <= 0 else _sl(n, traffic, aht, target_time, b)))
    return points
