"""The operator's day as far as this session has seen it (pure Python, no Qt).

Handled = interactions accepted and wrapped up in this session. AHT = the mean from accept
to the end of wrap-up, shown against a target band, never as a per-contact countdown. FCR is
the share wrapped up as resolved whose customer was not flagged as a repeat contact — the
server's 7-day rule will replace this session-local estimate when its KPI feed exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class AhtTarget:
    """The AHT target as a band around a mean, in seconds."""

    low_s: float = 240.0
    high_s: float = 420.0

    def position(self, value: float) -> str:
        """``below``, ``within`` or ``above`` the band."""
        if value < self.low_s:
            return "below"
        return "within" if value <= self.high_s else "above"


@dataclass
class Handled:
    interaction_id: str
    handle_s: float
    resolved: bool | None
    repeat_contact: bool


@dataclass
class DayStats:
    """What the session has seen today."""

    target: AhtTarget = field(default_factory=AhtTarget)
    handled: list[Handled] = field(default_factory=list)

    def record(
        self,
        interaction_id: str,
        accepted_at: datetime,
        finished_at: datetime,
        resolved: bool | None,
        repeat_contact: bool = False,
    ) -> bool:
        """Count one finished interaction once; False if it was already counted."""
        if any(h.interaction_id == interaction_id for h in self.handled):
            return False
        seconds = max(0.0, (finished_at - accepted_at).total_seconds())
        self.handled.append(Handled(interaction_id, seconds, resolved, repeat_contact))
        return True

    @property
    def count(self) -> int:
        return len(self.handled)

    @property
    def aht_s(self) -> float | None:
        if not self.handled:
            return None
        return sum(h.handle_s for h in self.handled) / len(self.handled)

    @property
    def fcr(self) -> float | None:
        """Resolved-first-time share among handled contacts with a known outcome."""
        known = [h for h in self.handled if h.resolved is not None]
        if not known:
            return None
        first_time = [h for h in known if h.resolved and not h.repeat_contact]
        return len(first_time) / len(known)
