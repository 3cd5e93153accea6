"""KPI formulas over contacts: pure functions and a running total the server keeps per scope.

Times are seconds. A contact is *handled* once wrapped up; its handling time is talk + hold +
wrap-up, i.e. from acceptance to the end of wrap-up. AHT is the mean over a period, never a
per-contact countdown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

CLOSED = "closed"
ABANDONED = "abandoned"
WAITING = ("queued", "offered")
MOOD_VALUE = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}


@dataclass(frozen=True, slots=True)
class Contact:
    """What the KPI formulas need to know about one contact."""

    id: str
    channel: str
    queue_id: str
    status: str
    queued_at: datetime
    accepted_at: datetime | None = None
    ended_at: datetime | None = None
    wrapup_at: datetime | None = None
    customer_id: str | None = None
    agent_id: str | None = None
    topic: str | None = None
    transferred: bool = False
    mood: str | None = None
    #: share of the script's required steps followed (None: no script)
    adherence: float | None = None
    # Durations computed once (a month's report reads each contact several times).
    handled: bool = field(init=False, default=False)
    _talk: float = field(init=False, default=0.0, repr=False)
    _wrap: float = field(init=False, default=0.0, repr=False)
    _answer_s: float | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        acc, end, wrap = self.accepted_at, self.ended_at, self.wrapup_at
        put = object.__setattr__
        put(self, "handled", self.status == CLOSED and acc is not None)
        if acc is not None:
            put(self, "_answer_s", (acc - self.queued_at).total_seconds())
            if end is not None:
                put(self, "_talk", max(0.0, (end - acc).total_seconds()))
        if end is not None and wrap is not None:
            put(self, "_wrap", max(0.0, (wrap - end).total_seconds()))

    def talk_hold_s(self) -> float:
        """Talk plus hold: from acceptance to the end of the conversation."""
        return self._talk

    def wrapup_s(self) -> float:
        return self._wrap

    def handle_s(self) -> float:
        return self._talk + self._wrap

    def wait_s(self, now: datetime) -> float:
        """Seconds in queue until answered, abandoned, or ``now`` while still waiting."""
        if self._answer_s is not None:
            return max(0.0, self._answer_s)
        end = self.accepted_at or (self.ended_at if self.status == ABANDONED else None) or now
        return max(0.0, (end - self.queued_at).total_seconds())


@dataclass(frozen=True, slots=True)
class ServiceLevelPolicy:
    """A client's service-level rule: answered within ``threshold_s``; abandons within
    ``abandon_grace_s`` left out of offered (and of abandonment) when ``exclude_short_abandons``."""

    threshold_s: float = 20.0
    abandon_grace_s: float = 5.0
    exclude_short_abandons: bool = True


def _counts_as_offered(c: Contact, policy: ServiceLevelPolicy, now: datetime) -> bool:
    if c.accepted_at is not None:
        return True
    if c.status == ABANDONED:
        return not (policy.exclude_short_abandons and c.wait_s(now) <= policy.abandon_grace_s)
    # still waiting: offered once past the threshold (it can no longer be answered in time)
    return c.status in WAITING and c.wait_s(now) > policy.threshold_s


def service_level_counts(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> tuple[int, int]:
    """(answered within the threshold, offered) under one client's policy."""
    in_time = offered = 0
    for c in contacts:
        if not _counts_as_offered(c, policy, now):
            continue
        offered += 1
        if c.accepted_at is not None and c.wait_s(now) <= policy.threshold_s:
            in_time += 1
    return in_time, offered


def service_level(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> float | None:
    """Answered within the threshold / offered, under the client's abandon policy."""
    in_time, offered = service_level_counts(contacts, policy, now)
    return in_time / offered if offered else None


def abandonment_rate(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> float | None:
    """Abandoned / offered (short abandons out of both when the policy says so)."""
    abandoned, offered = abandonment_counts(contacts, policy, now)
    return abandoned / offered if offered else None


def abandonment_counts(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> tuple[int, int]:
    abandoned = offered = 0
    for c in contacts:
        if c.status in WAITING:
            continue
        if not _counts_as_offered(c, policy, now):
            continue
        offered += 1
        abandoned += c.status == ABANDONED
    return abandoned, offered


def asa(contacts: Iterable[Contact]) -> float | None:
    """Average speed of answer over answered contacts, in seconds."""
    waits = [
        (c.accepted_at - c.queued_at).total_seconds() for c in contacts if c.accepted_at is not None
    ]
    return sum(waits) / len(waits) if waits else None


def handled_by_channel(contacts: Iterable[Contact]) -> dict[str, int]:
    return dict(Counter(c.channel for c in contacts if c.handled))


def aht(contacts: Iterable[Contact]) -> float | None:
    """Mean of talk + hold + wrap-up over handled contacts."""
    times = [c.handle_s() for c in contacts if c.handled]
    return sum(times) / len(times) if times else None


def average_wrapup(contacts: Iterable[Contact]) -> float | None:
    times = [c.wrapup_s() for c in contacts if c.handled]
    return sum(times) / len(times) if times else None


def transfer_rate(contacts: Iterable[Contact]) -> float | None:
    """Transferred / answered."""
    answered = [c for c in contacts if c.accepted_at is not None]
    return sum(c.transferred for c in answered) / len(answered) if answered else None


def share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return sum(values) / len(values) if values else None


def busy_seconds(intervals: Iterable[tuple[datetime, datetime]]) -> float:
    """Length of the union of intervals (concurrent chats count once)."""
    total = 0.0
    current: tuple[datetime, datetime] | None = None
    for start, end in sorted(intervals):
        if current is None or start > current[1]:
            if current is not None:
                total += (current[1] - current[0]).total_seconds()
            current = (start, end)
        elif end > current[1]:
            current = (current[0], end)
    if current is not None:
        total += (current[1] - current[0]).total_seconds()
    return total


def occupancy(busy_s: float, available_s: float) -> float | None:
    """Time handling contacts / time available for them (logged in, not on not-ready)."""
    if available_s <= 0:
        return None
    return min(1.0, busy_s / available_s)


@dataclass(frozen=True, slots=True)
class NotReadyUsage:
    used_s: float
    budget_s: float
    #: used / budget (1.0 = the whole budget)
    share: float | None
    over: bool


def not_ready_vs_budget(used_s: float, budget_s: float) -> NotReadyUsage:
    return NotReadyUsage(
        used_s=used_s,
        budget_s=budget_s,
        share=used_s / budget_s if budget_s > 0 else None,
        over=used_s > budget_s,
    )


@dataclass(frozen=True, slots=True)
class MoodTrend:
    label: str  # improving | steady | worsening | unknown
    recent: float | None
    previous: float | None


def mood_trend(moods: Sequence[str | None], window: int = 5, tolerance: float = 0.2) -> MoodTrend:
    """Mean mood (-1..1) of the last ``window`` contacts against the ``window`` before."""
    values = [MOOD_VALUE[m] for m in moods if m in MOOD_VALUE]
    recent = values[-window:]
    previous = values[-2 * window : -window]
    r = sum(recent) / len(recent) if recent else None
    p = sum(previous) / len(previous) if previous else None
    if r is None or p is None:
        return MoodTrend("unknown" if r is None else "steady", r, p)
    if r - p > tolerance:
        label = "improving"
    elif p - r > tolerance:
        label = "worsening"
    else:
        label = "steady"
    return MoodTrend(label, r, p)


def script_adherence(contacts: Iterable[Contact]) -> float | None:
    values = [c.adherence for c in contacts if c.adherence is not None]
    return sum(values) / len(values) if values else None


@dataclass(slots=True)
class KpiTotals:
    """Running sums over handled contacts, kept per scope and period and updated one contact
    at a time (incremental); :meth:`merge` combines scopes (operators into a squad)."""

    handled: Counter[str] = field(default_factory=Counter)
    handle_s: float = 0.0
    wrapup_s: float = 0.0
    transferred: int = 0
    answered: int = 0
    wait_s: float = 0.0
    adherence_sum: float = 0.0
    adherence_n: int = 0

    def add(self, c: Contact) -> None:
        answer = c._answer_s
        if answer is None:
            return
        self.answered += 1
        self.wait_s += answer
        if c.transferred:
            self.transferred += 1
        if not c.handled:
            return
        self.handled[c.channel] += 1
        self.handle_s += c._talk + c._wrap
        self.wrapup_s += c._wrap
        if c.adherence is not None:
            self.adherence_sum += c.adherence
            self.adherence_n += 1

    def merge(self, other: KpiTotals) -> None:
        self.handled.update(other.handled)
        self.handle_s += other.handle_s
        self.wrapup_s += other.wrapup_s
        self.transferred += other.transferred
        self.answered += other.answered
        self.wait_s += other.wait_s
        self.adherence_sum += other.adherence_sum
        self.adherence_n += other.adherence_n

    @property
    def handled_total(self) -> int:
        return sum(self.handled.values())

    @property
    def aht_s(self) -> float | None:
        n = self.handled_total
        return self.handle_s / n if n else None

    @property
    def wrapup_mean_s(self) -> float | None:
        n = self.handled_total
        return self.wrapup_s / n if n else None

    @property
    def asa_s(self) -> float | None:
        return self.wait_s / self.answered if self.answered else None

    @property
    def transfer_rate(self) -> float | None:
        return self.transferred / self.answered if self.answered else None

    @property
    def adherence(self) -> float | None:
        return self.adherence_sum / self.adherence_n if self.adherence_n else None
