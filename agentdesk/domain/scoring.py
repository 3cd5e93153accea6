"""The competition score: 70% quality, 30% quantity (configurable), minus penalties.

Every component is a 0..1 value; its points are ``value × component weight × group weight ×
MAX_POINTS``, so each point traces back to one figure. A group's components that have no data
(no surveys yet, no script) give their weight to the others in the same group, and the trace
says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

MAX_POINTS = 1000.0

QUALITY = "quality"
QUANTITY = "quantity"


@dataclass(frozen=True, slots=True)
class ScoreWeights:
    quality: float = 0.7
    quantity: float = 0.3
    #: weights inside the quality group (relative)
    quality_parts: Mapping[str, float] = field(
        default_factory=lambda: {"csat": 1.0, "nps": 1.0, "qa": 1.0, "fcr": 1.0, "adherence": 1.0}
    )
    #: weights inside the quantity group (relative)
    quantity_parts: Mapping[str, float] = field(
        default_factory=lambda: {"volume": 1.0, "schedule_adherence": 1.0}
    )

    def __post_init__(self) -> None:
        if self.quality < 0 or self.quantity < 0 or self.quality + self.quantity <= 0:
            raise ValueError("group weights must be non-negative and not both zero")
        for parts in (self.quality_parts, self.quantity_parts):
            if any(w < 0 for w in parts.values()):
                raise ValueError("component weights must be non-negative")


@dataclass(frozen=True, slots=True)
class Penalty:
    points: float
    reason: str
    by: str  # who entered it (QA or team leader)


@dataclass(frozen=True, slots=True)
class ScoreLine:
    """One component's contribution: its value and how it became points."""

    group: str
    name: str
    value: float | None  # 0..1, None = no data
    weight: float  # effective share of the total (0..1) after redistribution
    points: float


@dataclass(frozen=True, slots=True)
class Score:
    total: float
    quality_points: float
    quantity_points: float
    penalty_points: float
    lines: tuple[ScoreLine, ...]
    penalties: tuple[Penalty, ...]


def nps_to_unit(nps: float) -> float:
    """NPS (-100..100) onto 0..1."""
    return max(0.0, min(1.0, (nps + 100.0) / 200.0))


def volume_to_unit(handled: int, target: int) -> float:
    """Handled against a target volume, capped at 1 (more speed earns nothing beyond it)."""
    if target <= 0:
        return 0.0
    return min(1.0, handled / target)


def _group(
    group: str, group_weight: float, parts: Mapping[str, float], values: Mapping[str, float | None]
) -> list[ScoreLine]:
    present = {n: w for n, w in parts.items() if values.get(n) is not None and w > 0}
    total_w = sum(present.values())
    lines = []
    for name, w in parts.items():
        value = values.get(name)
        if name in present and total_w > 0 and value is not None:
            weight = group_weight * w / total_w
            lines.append(ScoreLine(group, name, value, weight, value * weight * MAX_POINTS))
        else:
            lines.append(ScoreLine(group, name, value, 0.0, 0.0))
    return lines


def score(
    values: Mapping[str, float | None],
    penalties: Sequence[Penalty] = (),
    weights: ScoreWeights | None = None,
) -> Score:
    """The season score from component values (0..1 each) and penalties (never below 0)."""
    w = weights or ScoreWeights()
    group_total = w.quality + w.quantity
    for name, value in values.items():
        if value is not None and not 0.0 <= value <= 1.0:
            raise ValueError(f"component {name} must be within 0..1, got {value}")
    lines = _group(QUALITY, w.quality / group_total, w.quality_parts, values) + _group(
        QUANTITY, w.quantity / group_total, w.quantity_parts, values
    )
    quality = sum(line.points for line in lines if line.group == QUALITY)
    quantity = sum(line.points for line in lines if line.group == QUANTITY)
    penalty = sum(p.points for p in penalties)
    return Score(
        total=max(0.0, quality + quantity - penalty),
        quality_points=quality,
        quantity_points=quantity,
        penalty_points=penalty,
        lines=tuple(lines),
        penalties=tuple(penalties),
    )


def rank(scores: Mapping[str, float]) -> dict[str, int]:
    """Competition ranking (1, 2, 2, 4) by score, highest first; ties share a rank."""
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    ranks: dict[str, int] = {}
    previous: float | None = None
    current = 0
    for position, (key, value) in enumerate(ordered, start=1):
        if previous is None or value != previous:
            current = position
            previous = value
        ranks[key] = current
    return ranks


#: Badges: (code, rule over component values) — earned, never lost within a season.
BADGES: tuple[tuple[str, str, float], ...] = (
    ("customer_heart", "csat", 0.9),
    ("first_time_right", "fcr", 0.85),
    ("by_the_book", "adherence", 0.95),
    ("promoter_magnet", "nps", 0.75),
)


def badges(values: Mapping[str, float | None]) -> list[str]:
    return [
        code
        for code, name, threshold in BADGES
        if (v := values.get(name)) is not None and v >= threshold
    ]


QUALITY_PARTS = ("csat", "nps", "qa", "fcr", "adherence")
QUANTITY_PARTS = ("volume", "schedule_adherence")


class WeightsError(ValueError):
    """Weights that cannot make a score (says which field and why)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _percent_parts(field: str, parts: Mapping[str, float], names: Sequence[str]) -> None:
    unknown = sorted(set(parts) - set(names))
    if unknown:
        raise WeightsError(field, f"unknown components {unknown}; known: {list(names)}")
    if not all(math.isfinite(v) for v in parts.values()):
        raise WeightsError(field, "component weights must be numbers")
    if any(v < 0 for v in parts.values()):
        raise WeightsError(field, "component weights cannot be negative")
    if parts and abs(sum(parts.values()) - 100.0) > 1e-6:
        raise WeightsError(field, f"component weights must sum to 100, not {sum(parts.values()):g}")


def weights_from_percent(
    quality: float,
    quantity: float,
    quality_parts: Mapping[str, float] | None = None,
    quantity_parts: Mapping[str, float] | None = None,
) -> ScoreWeights:
    """Weights as a person sets them, in percent: ``quality + quantity`` = 100, and each
    group's components (when given) sum to 100; missing components get no weight."""
    if not (math.isfinite(quality) and math.isfinite(quantity)):
        raise WeightsError("quality", "group weights must be numbers")
    if quality < 0 or quantity < 0:
        raise WeightsError("quality", "group weights cannot be negative")
    if abs(quality + quantity - 100.0) > 1e-6:
        raise WeightsError("quality", f"quality + quantity must be 100, not {quality + quantity:g}")
    _percent_parts("quality_parts", quality_parts or {}, QUALITY_PARTS)
    _percent_parts("quantity_parts", quantity_parts or {}, QUANTITY_PARTS)
    defaults = ScoreWeights()

    def share(parts: Mapping[str, float] | None, names: Sequence[str],
              default: Mapping[str, float]) -> dict[str, float]:  # fmt: skip
        if not parts:
            return dict(default)
        return {n: parts.get(n, 0.0) / 100.0 for n in names}

    return ScoreWeights(
        quality=quality / 100.0,
        quantity=quantity / 100.0,
        quality_parts=share(quality_parts, QUALITY_PARTS, defaults.quality_parts),
        quantity_parts=share(quantity_parts, QUANTITY_PARTS, defaults.quantity_parts),
    )


def season_winner(squads: Mapping[str, Sequence[float]]) -> str | None:
    """The squad with the best mean of its members' scores; on a tie, the larger total, then
    the squad id (so the result never depends on order). None without squads."""
    scored = {k: v for k, v in squads.items() if v}
    if not scored:
        return None
    return min(scored, key=lambda k: (-sum(scored[k]) / len(scored[k]), -sum(scored[k]), k))


#: Badges given when a season ends.
WINNING_SQUAD = "winning_squad"
SEASON_CHAMPION = "season_champion"
