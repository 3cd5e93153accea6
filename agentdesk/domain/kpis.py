"""KPI formulas over contacts: one rule per contact, running totals, and ratios over them.

Times are seconds. A contact is *handled* once wrapped up; its handling time is talk + hold +
wrap-up, i.e. from acceptance to the end of wrap-up. AHT is the mean over a period, never a
per-contact countdown.

One contact enters the figures through :func:`tally` only (its times as whole microseconds,
so a wait of exactly the threshold is in time on every backend); the :class:`Contact`-based
helpers below go through it too. The server applies the same rules to a month's contacts as
whole columns at once, and its tests hold those figures to these functions. The ratios
(AHT, ASA, service level, abandonment, FCR, adherence) are properties of the totals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

CLOSED = "closed"
ABANDONED = "abandoned"
WAITING = ("queued", "offered")
MOOD_VALUE = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}
US = 1_000_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def micros(t: datetime) -> int:
    """A UTC time as whole microseconds since 1970 (exact)."""
    return (t - _EPOCH) // _MICROSECOND


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

    @property
    def handled(self) -> bool:
        return self.status == CLOSED and self.accepted_at is not None

    def talk_hold_s(self) -> float:
        """Talk plus hold: from acceptance to the end of the conversation."""
        acc, end = self.accepted_at, self.ended_at
        return max(0.0, (end - acc).total_seconds()) if acc and end else 0.0

    def wrapup_s(self) -> float:
        end, wrap = self.ended_at, self.wrapup_at
        return max(0.0, (wrap - end).total_seconds()) if end and wrap else 0.0

    def handle_s(self) -> float:
        return self.talk_hold_s() + self.wrapup_s()

    def wait_s(self, now: datetime) -> float:
        """Seconds in queue until answered, abandoned, or ``now`` while still waiting."""
        end = self.accepted_at or (self.ended_at if self.status == ABANDONED else None) or now
        return max(0.0, (end - self.queued_at).total_seconds())


@dataclass(frozen=True, slots=True)
class ServiceLevelPolicy:
    """A client's service-level rule: answered within ``threshold_s``; abandons within
    ``abandon_grace_s`` left out of offered (and of abandonment) when ``exclude_short_abandons``."""

    threshold_s: float = 20.0
    abandon_grace_s: float = 5.0
    exclude_short_abandons: bool = True


@dataclass(slots=True)
class QueueCounts:
    """A queue's contacts sorted by how they count for service level and abandonment."""

    answered: int = 0
    #: answered within the policy's threshold
    answered_in_time: int = 0
    #: left before being answered
    abandoned: int = 0
    #: of those, left within the policy's grace
    abandoned_short: int = 0
    #: still waiting and already past the threshold (cannot be answered in time any more)
    waiting_late: int = 0

    def merge(self, other: QueueCounts) -> None:
        self.answered += other.answered
        self.answered_in_time += other.answered_in_time
        self.abandoned += other.abandoned
        self.abandoned_short += other.abandoned_short
        self.waiting_late += other.waiting_late


@dataclass(slots=True)
class KpiTotals:
    """Running sums over a scope's contacts, updated one contact at a time (:func:`tally`);
    :meth:`merge` combines scopes (operators into a squad)."""

    handled: Counter[str] = field(default_factory=Counter)
    handle_s: float = 0.0
    wrapup_s: float = 0.0
    transferred: int = 0
    answered: int = 0
    wait_s: float = 0.0
    adherence_sum: float = 0.0
    adherence_n: int = 0
    #: handled contacts with a known customer, and those not followed by a repeat (FCR)
    fcr_contacts: int = 0
    fcr_resolved: int = 0

    def add_fcr(self, resolved: bool) -> None:
        """One handled contact's FCR verdict (:mod:`agentdesk.domain.fcr` decides it)."""
        self.fcr_contacts += 1
        self.fcr_resolved += resolved

    def add(
        self,
        c: Contact,
        counts: QueueCounts | None = None,
        policy: ServiceLevelPolicy | None = None,
        now: datetime | None = None,
    ) -> bool:
        """Add a :class:`Contact` (through :func:`tally`); True when it was handled."""
        return tally(
            self, counts if counts is not None else QueueCounts(),
            policy or ServiceLevelPolicy(), channel=c.channel, status=c.status,
            queued=micros(c.queued_at),
            accepted=micros(c.accepted_at) if c.accepted_at else None,
            ended=micros(c.ended_at) if c.ended_at else None,
            wrapped=micros(c.wrapup_at) if c.wrapup_at else None,
            transferred=c.transferred, adherence=c.adherence,
            now=micros(now) if now else micros(c.queued_at),
        )  # fmt: skip

    def merge(self, other: KpiTotals) -> None:
        self.handled.update(other.handled)
        self.handle_s += other.handle_s
        self.wrapup_s += other.wrapup_s
        self.transferred += other.transferred
        self.answered += other.answered
        self.wait_s += other.wait_s
        self.adherence_sum += other.adherence_sum
        self.adherence_n += other.adherence_n
        self.fcr_contacts += other.fcr_contacts
        self.fcr_resolved += other.fcr_resolved

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

    @property
    def fcr(self) -> float | None:
        return self.fcr_resolved / self.fcr_contacts if self.fcr_contacts else None


def tally(  # noqa: PLR0917 (positional: called once per contact of a month)
    totals: KpiTotals, counts: QueueCounts, policy: ServiceLevelPolicy, channel: str,
    status: str, queued: int, accepted: int | None, ended: int | None, wrapped: int | None,
    transferred: bool, adherence: float | None, now: int,
) -> bool:  # fmt: skip
    """Add one contact to its scope's totals and its queue's counts; True when handled.

    Times are whole microseconds (None: not happened yet). Answered: accepted (its wait is the
    answer time). Handled: answered and closed (talk + hold + wrap-up, never negative).
    Abandoned: left unanswered, a short abandon within the policy's grace. Still waiting past
    the threshold: offered already, it can no longer be answered in time.
    """
    if accepted is not None:
        answer = accepted - queued
        totals.answered += 1
        totals.wait_s += answer / US
        totals.transferred += transferred
        counts.answered += 1
        counts.answered_in_time += max(0, answer) <= policy.threshold_s * US
        if status != CLOSED:
            return False
        talk = max(0, ended - accepted) if ended is not None else 0
        wrap = max(0, wrapped - ended) if ended is not None and wrapped is not None else 0
        totals.handled[channel] += 1
        totals.handle_s += (talk + wrap) / US
        totals.wrapup_s += wrap / US
        if adherence is not None:
            totals.adherence_sum += adherence
            totals.adherence_n += 1
        return True
    if status == ABANDONED:
        counts.abandoned += 1
        left = ended if ended is not None else now
        counts.abandoned_short += left - queued <= policy.abandon_grace_s * US
    elif status in WAITING and now - queued > policy.threshold_s * US:
        counts.waiting_late += 1
    return False


def counted_abandons(q: QueueCounts, policy: ServiceLevelPolicy) -> int:
    """Abandons that count as offered (short ones out when the policy says so)."""
    return q.abandoned - (q.abandoned_short if policy.exclude_short_abandons else 0)


def service_level_from(q: QueueCounts, policy: ServiceLevelPolicy) -> tuple[int, int]:
    """(answered within the threshold, offered): offered is answered, counted abandons, and
    contacts still waiting past the threshold."""
    return q.answered_in_time, q.answered + counted_abandons(q, policy) + q.waiting_late


def abandonment_from(q: QueueCounts, policy: ServiceLevelPolicy) -> tuple[int, int]:
    """(counted abandons, answered + counted abandons): those still waiting are not decided."""
    gone = counted_abandons(q, policy)
    return gone, q.answered + gone


def totals_of(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy | None = None,
    now: datetime | None = None,
) -> tuple[KpiTotals, QueueCounts]:  # fmt: skip
    totals, counts = KpiTotals(), QueueCounts()
    for c in contacts:
        totals.add(c, counts, policy, now)
    return totals, counts


def service_level_counts(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> tuple[int, int]:
    """(answered within the threshold, offered) under one client's policy."""
    return service_level_from(totals_of(contacts, policy, now)[1], policy)


def service_level(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> float | None:
    """Answered within the threshold / offered, under the client's abandon policy."""
    in_time, offered = service_level_counts(contacts, policy, now)
    return in_time / offered if offered else None


def abandonment_counts(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> tuple[int, int]:
    return abandonment_from(totals_of(contacts, policy, now)[1], policy)


def abandonment_rate(
    contacts: Iterable[Contact], policy: ServiceLevelPolicy, now: datetime
) -> float | None:
    """Abandoned / offered (short abandons out of both when the policy says so)."""
    abandoned, offered = abandonment_counts(contacts, policy, now)
    return abandoned / offered if offered else None


def asa(contacts: Iterable[Contact]) -> float | None:
    """Average speed of answer over answered contacts, in seconds."""
    return totals_of(contacts)[0].asa_s


def handled_by_channel(contacts: Iterable[Contact]) -> dict[str, int]:
    return dict(totals_of(contacts)[0].handled)


def aht(contacts: Iterable[Contact]) -> float | None:
    """Mean of talk + hold + wrap-up over handled contacts."""
    return totals_of(contacts)[0].aht_s


def average_wrapup(contacts: Iterable[Contact]) -> float | None:
    return totals_of(contacts)[0].wrapup_mean_s


def transfer_rate(contacts: Iterable[Contact]) -> float | None:
    """Transferred / answered."""
    return totals_of(contacts)[0].transfer_rate


def script_adherence(contacts: Iterable[Contact]) -> float | None:
    """Mean share of the mandatory checkpoints confirmed, over handled contacts with a script."""
    return totals_of(contacts)[0].adherence


def share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return sum(values) / len(values) if values else None


def busy_seconds(intervals: Iterable[tuple[datetime, datetime]]) -> float:
    """Length of the union of intervals (concurrent chats count once)."""
    return busy_span((micros(a) / US, micros(b) / US) for a, b in intervals)


def busy_span(intervals: Iterable[tuple[float, float]]) -> float:
    """:func:`busy_seconds` over (start, end) in seconds: each interval, in start order,
    adds the part of it past the latest end seen so far."""
    total = 0.0
    reach: float | None = None
    for start, end in sorted(intervals):
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
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
