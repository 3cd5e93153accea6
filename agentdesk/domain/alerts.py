"""The team leader's alerts: which thresholds are crossed right now."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    sl_target: float = 0.8
    max_wait_s: float = 50.0
    not_ready_budget_s: float = 15 * 60.0


@dataclass(frozen=True, slots=True)
class QueueNow:
    queue: str
    waiting: int
    oldest_wait_s: float
    service_level: float | None
    sl_target: float


@dataclass(frozen=True, slots=True)
class MemberNow:
    agent_id: str
    name: str
    state: str
    time_in_state_s: float
    mood: str | None


@dataclass(frozen=True, slots=True)
class AlertNow:
    key: str  # stable while the condition lasts
    kind: str
    text: str
    agent_id: str | None = None
    queue: str | None = None


def crossed(
    queues: Iterable[QueueNow], members: Iterable[MemberNow], limits: Thresholds
) -> list[AlertNow]:
    out: list[AlertNow] = []
    for q in queues:
        if q.service_level is not None and q.service_level < q.sl_target:
            out.append(
                AlertNow(f"sl:{q.queue}", "service_level",
                         f"{q.queue}: SL {q.service_level:.0%} < {q.sl_target:.0%}", queue=q.queue)
            )  # fmt: skip
        if q.waiting and q.oldest_wait_s > limits.max_wait_s:
            out.append(
                AlertNow(f"wait:{q.queue}", "long_wait",
                         f"{q.queue}: {q.oldest_wait_s:.0f} s", queue=q.queue)
            )  # fmt: skip
    for m in members:
        if m.state == "not_ready" and m.time_in_state_s > limits.not_ready_budget_s:
            out.append(
                AlertNow(f"nr:{m.agent_id}", "not_ready_over_budget",
                         f"{m.name}: {m.time_in_state_s / 60:.0f} min", agent_id=m.agent_id)
            )  # fmt: skip
        if m.mood == "negative":
            out.append(AlertNow(f"mood:{m.agent_id}", "negative_mood", m.name, agent_id=m.agent_id))
    return out
