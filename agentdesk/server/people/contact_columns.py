"""A window's contacts as numpy columns, and the KPI rules applied to whole columns at once.

A month of a large centre is hundreds of thousands of contacts. Neither a Python loop over
them (a function call per contact) nor the database's own aggregation (SQLite parses its text
times again for every expression and sorts to group; PostgreSQL probes an index per contact
for repeats) fits the time a report may take. The server reads the window's contacts once,
turns each field into a numpy column (times as whole microseconds), and applies the domain's
rules to the columns:

- :func:`agentdesk.domain.kpis.tally`: answered, answered within the queue's threshold,
  handled (talk + hold + wrap-up, never negative), transferred, script adherence, abandoned
  and abandoned within the grace, still waiting past the threshold;
- :func:`agentdesk.domain.fcr.is_repeat`: a handled contact is repeated when the same
  customer touched the centre again (not abandoned) later, within the window, on the same
  topic or with either topic unknown;
- :func:`agentdesk.domain.kpis.busy_span`: the union of each operator's handling spans;
- the latest moods per operator and per queue.

``tests/server/test_kpi_aggregates.py`` holds these figures to the domain's own functions over
whole contacts, on SQLite and PostgreSQL; ``tests/server/test_kpi_report_paths.py`` holds the
reports built from them to a plain pass over every cell and survey answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from agentdesk.domain.fcr import REPEAT_WINDOW
from agentdesk.domain.kpis import (
    ABANDONED,
    CLOSED,
    MOOD_VALUE,
    US,
    WAITING,
    KpiTotals,
    QueueCounts,
    ServiceLevelPolicy,
)

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]

#: The columns read per contact, in this order (times: microseconds or stored text).
FIELDS = (
    "agent_id", "queue_id", "channel", "status", "customer_id", "topic", "transferred",
    "adherence", "mood", "created", "queued", "accepted", "ended", "wrapped",
)  # fmt: skip
_WINDOW_US = REPEAT_WINDOW // timedelta(microseconds=1)
#: Moods in the order ties between two contacts at the same microsecond are broken; the
#: database sends each mood as its place here (:data:`NO_MOOD`: none or another word).
MOODS = sorted(MOOD_VALUE)
MOOD_CODES = {m: i for i, m in enumerate(MOODS)}
NO_MOOD = -1
#: Statuses as the database sends them: the ones the rules tell apart, and any other.
_CLOSED, _ABANDONED, _WAITING, OTHER_STATUS = range(4)
STATUS_CODES = {CLOSED: _CLOSED, ABANDONED: _ABANDONED, **dict.fromkeys(WAITING, _WAITING)}


@dataclass(frozen=True, slots=True)
class Codes:
    """A text column as integer codes; ``labels[code]`` is the value (None included)."""

    codes: Ints
    labels: list[Any]

    def of(self, value: Any) -> int:
        """The code of ``value`` (-1 when no row has it)."""
        try:
            return self.labels.index(value)
        except ValueError:
            return -1

    def present(self) -> Bools:
        known: Bools = self.codes != self.of(None)
        return known


#: The text columns (turned into codes).
TEXT = ("agent_id", "queue_id", "channel", "customer_id", "topic")
#: The time columns: text (SQLite) or microseconds (PostgreSQL), or parsed already.
TIMES = ("created", "queued", "accepted", "ended", "wrapped")
_NUMBERS = {"status": np.int64, "mood": np.int64, "transferred": np.float64,
            "adherence": np.float64}  # fmt: skip


class Columns:
    """The window's contacts as columns, built part by part as the database hands whole
    columns over: text becomes codes and times whole microseconds at once, so a month's
    strings are not kept."""

    def __init__(self) -> None:
        self._labels: dict[str, dict[Hashable, int]] = {name: {} for name in TEXT}
        self._parts: dict[str, list[npt.NDArray[Any]]] = {name: [] for name in FIELDS}
        self.size = 0

    def add_columns(self, fields: Sequence[Sequence[Any]]) -> None:
        """The same contacts' :data:`FIELDS`, one sequence per field."""
        if not fields[0]:
            return
        for name, values in zip(FIELDS, fields, strict=True):
            if name in TEXT:
                index = self._labels[name]
                # codes in order of first appearance (not a set's order, which changes with
                # the process's string hashing: the cells' order, and so the last digits of
                # their sums, would change from one run to the next)
                for value in dict.fromkeys(values):
                    if value not in index:
                        index[value] = len(index)
                part: npt.NDArray[Any] = np.fromiter(
                    map(index.__getitem__, values), dtype=np.int64, count=len(values)
                )
            elif name in TIMES:
                if isinstance(values, np.ndarray):  # microseconds, NaT as its integer
                    part = values.astype(np.int64, copy=False)
                else:
                    part = np.array(values, dtype="datetime64[us]").view(np.int64)
            else:
                part = np.array(values, dtype=_NUMBERS[name])
            self._parts[name].append(part)
        self.size += len(fields[0])

    def codes(self, name: str) -> Codes:
        return Codes(np.concatenate(self._parts[name]), list(self._labels[name]))

    def numbers(self, name: str) -> npt.NDArray[Any]:
        return np.concatenate(self._parts[name])

    def times(self, name: str) -> tuple[Ints, Bools]:
        """Whole microseconds since 1970; (values, known)."""
        t = np.concatenate(self._parts[name])
        known = t != np.iinfo(np.int64).min  # NaT
        return np.where(known, t, 0), known


@dataclass(slots=True)
class Figures:
    """What the rules yield for a window, keyed by the read codes."""

    #: (operator, queue, channel) -> (totals, counts)
    cells: dict[tuple[str | None, str, str], tuple[KpiTotals, QueueCounts]]
    busy_s: dict[str, float]
    moods_by_agent: dict[str, list[tuple[int, str]]]
    moods_by_queue: dict[str, list[tuple[int, str]]]


def figures(
    col: Columns,
    until_us: int,
    now_us: int,
    queue_policy: Mapping[str, ServiceLevelPolicy],
    mood_depth: int,
) -> Figures:
    """The rules over the contacts queued from the window's start until a
    :data:`REPEAT_WINDOW` after ``until_us``: those queued before ``until_us`` are counted;
    the later ones only serve as repeats (only their customer, topic, status, creation and
    queueing times are needed)."""
    if not col.size:
        return Figures({}, {}, {}, {})
    agent, queue, channel = col.codes("agent_id"), col.codes("queue_id"), col.codes("channel")
    customer, topic = col.codes("customer_id"), col.codes("topic")
    mood, status = col.numbers("mood"), col.numbers("status")
    transferred, adherence = col.numbers("transferred"), col.numbers("adherence")
    created, _ = col.times("created")
    queued, _ = col.times("queued")
    accepted, answered = col.times("accepted")
    ended, has_end = col.times("ended")
    wrapped, has_wrap = col.times("wrapped")

    default = ServiceLevelPolicy()
    policies = [queue_policy.get(q, default) for q in queue.labels]
    threshold_us = np.array([p.threshold_s * US for p in policies])[queue.codes]
    grace_us = np.array([p.abandon_grace_s * US for p in policies])[queue.codes]

    inside = queued < until_us
    answered &= inside
    closed = status == _CLOSED
    handled = answered & closed
    answer = np.where(answered, accepted - queued, 0)
    in_time = answered & (np.maximum(answer, 0) <= threshold_us)
    talk = np.where(has_end, np.maximum(ended - accepted, 0), 0)
    wrap = np.where(has_end & has_wrap, np.maximum(wrapped - ended, 0), 0)
    handle = np.where(handled, talk + wrap, 0)
    wrap = np.where(handled, wrap, 0)
    scripted = handled & ~np.isnan(adherence)
    unanswered = inside & ~answered
    gone = unanswered & (status == _ABANDONED)
    left = np.where(has_end, ended, now_us)
    gone_short = gone & (left - queued <= grace_us)
    late = unanswered & (status == _WAITING) & (now_us - queued > threshold_us)

    asked = handled & customer.present()
    resolved = _not_repeated(
        asked, customer=customer, topic=topic, status=status, created=created, queued=queued
    )

    nq, nc = len(queue.labels), len(channel.labels)
    key = (agent.codes * nq + queue.codes) * nc + channel.codes
    cell_keys, cell_of = np.unique(key[inside], return_inverse=True)
    n = len(cell_keys)

    # the counted contacts are read first, the later ones after them: then a slice (no copy)
    # picks the counted ones out of each column
    counted = int(np.count_nonzero(inside))
    pick: Any = slice(0, counted) if inside[:counted].all() else inside

    def total(values: Any) -> list[Any]:
        """Each cell's sum, added in the contacts' order."""
        return np.bincount(cell_of, weights=values[pick], minlength=n).tolist()  # type: ignore[no-any-return]

    def count(flags: Bools) -> list[int]:
        """Each cell's contacts with the flag."""
        return np.bincount(cell_of[flags[pick]], minlength=n).tolist()  # type: ignore[no-any-return]

    sums = {
        name: total(np.asarray(v, dtype=np.float64))
        for name, v in (
            ("handle", handle), ("wrap", wrap), ("transferred", answered * transferred),
            ("wait", answer), ("adh_sum", np.where(scripted, adherence, 0.0)),
        )
    }  # fmt: skip
    sums |= {
        name: count(flags)
        for name, flags in (
            ("handled", handled), ("answered", answered), ("adh_n", scripted), ("fcr_n", asked),
            ("fcr_ok", asked & resolved), ("in_time", in_time), ("gone", gone),
            ("gone_short", gone_short), ("late", late),
        )
    }  # fmt: skip
    cells: dict[tuple[str | None, str, str], tuple[KpiTotals, QueueCounts]] = {}
    for i, k in enumerate(cell_keys.tolist()):
        rest, c = divmod(k, nc)
        a, q = divmod(rest, nq)
        ch = channel.labels[c]
        s = {name: v[i] for name, v in sums.items()}
        totals = KpiTotals(
            handled=Counter({ch: int(s["handled"])}) if s["handled"] else Counter(),
            handle_s=s["handle"] / US, wrapup_s=s["wrap"] / US,
            transferred=int(s["transferred"]), answered=int(s["answered"]),
            wait_s=s["wait"] / US, adherence_sum=s["adh_sum"], adherence_n=int(s["adh_n"]),
            fcr_contacts=int(s["fcr_n"]), fcr_resolved=int(s["fcr_ok"]),
        )  # fmt: skip
        counts = QueueCounts(
            answered=int(s["answered"]), answered_in_time=int(s["in_time"]),
            abandoned=int(s["gone"]), abandoned_short=int(s["gone_short"]),
            waiting_late=int(s["late"]),
        )  # fmt: skip
        cells[(agent.labels[a], queue.labels[q], ch)] = (totals, counts)

    stop = np.where(has_wrap, wrapped, np.where(has_end, ended, now_us))
    spans = answered & agent.present() & (stop > accepted)
    busy = _busy(agent.codes[spans], accepted[spans], stop[spans])
    mooded = handled & (mood != NO_MOOD)
    at = np.where(has_wrap, wrapped, queued)
    by_agent = mooded & agent.present()
    return Figures(
        cells=cells,
        busy_s={agent.labels[a]: us / US for a, us in busy.items()},
        moods_by_agent=_latest(agent, by_agent, at, mood, mood_depth),
        moods_by_queue=_latest(queue, mooded, at, mood, mood_depth),
    )


def _not_repeated(
    asked: Bools, *, customer: Codes, topic: Codes, status: npt.NDArray[Any], created: Ints,
    queued: Ints,
) -> Bools:  # fmt: skip
    """For each row, True unless it is asked and was repeated (:func:`is_repeat`'s rule:
    a touch by the same customer in ``(queued, queued + window]`` on the same topic, or with
    either topic unknown; the contact itself is no repeat of itself)."""
    touch = customer.present() & (status != _ABANDONED)
    unknown = topic.of(None)
    nt = len(topic.labels)
    by_topic = customer.codes * nt + topic.codes
    lo, hi = queued[asked], queued[asked] + _WINDOW_US
    cust_q, topic_q = customer.codes[asked], topic.codes[asked]
    found = np.zeros(len(lo), dtype=np.int64)
    # unknown topic: any later touch counts; a known one: the same topic or an unknown one
    loose = topic_q == unknown
    found[loose] = _count_between(
        customer.codes[touch], created[touch], cust_q[loose], lo[loose], hi[loose]
    )
    strict = ~loose
    found[strict] = _count_between(
        by_topic[touch], created[touch], by_topic[asked][strict], lo[strict], hi[strict]
    )
    blank = touch & (topic.codes == unknown)
    if blank.any():
        found[strict] += _count_between(
            customer.codes[blank], created[blank], cust_q[strict], lo[strict], hi[strict]
        )
    # an asked contact is a touch itself: it counts only if created after it was queued
    itself = (created[asked] > lo) & (created[asked] <= hi)
    out = np.ones(len(asked), dtype=np.bool_)
    out[asked] = found - itself == 0
    return out


def _count_between(t_key: Ints, t_at: Ints, q_key: Ints, lo: Ints, hi: Ints) -> Ints:
    """For each query, the touches with its key and a time in ``(lo, hi]``.

    Key and time make one number (key, then time) when they fit in 62 bits: the touches are
    sorted once and each bound found by bisection. Otherwise touches and the queries' two
    bounds are sorted together by (key, time, touches first); the touches sorted before ``hi``
    but not before ``lo``."""
    nt, nq = len(t_key), len(q_key)
    if not nq:
        return np.zeros(0, dtype=np.int64)
    if not nt:
        return np.zeros(nq, dtype=np.int64)
    base = min(int(t_at.min()), int(lo.min()))
    span = max(int(t_at.max()), int(hi.max())) - base + 1
    keys = max(int(t_key.max()), int(q_key.max())) + 1
    if min(int(t_key.min()), int(q_key.min())) >= 0 and keys * span < 2**62:
        touches = np.sort(t_key * span + (t_at - base))
        at = q_key * span - base
        after_lo = np.searchsorted(touches, at + lo, side="right")
        counted: Ints = np.searchsorted(touches, at + hi, side="right") - after_lo
        return counted
    keys_ = np.concatenate([t_key, q_key, q_key])
    times = np.concatenate([t_at, lo, hi])
    kind = np.concatenate([np.zeros(nt, np.int8), np.ones(2 * nq, np.int8)])
    order = np.lexsort((kind, times, keys_))
    before = np.cumsum(kind[order] == 0)
    position = np.empty_like(order)
    position[order] = np.arange(len(order))
    result: Ints = before[position[nt + nq :]] - before[position[nt : nt + nq]]
    return result


def _busy(agent: Ints, start: Ints, stop: Ints) -> dict[int, int]:
    """:func:`busy_span` per operator, in microseconds: in (start, end) order, each span adds
    its part past the latest end before it. Each operator's times are lifted above the
    previous one's, so one running maximum serves them all."""
    if not len(agent):
        return {}
    base = int(start.min())
    lift = int(stop.max()) - base + 1
    order = np.lexsort((stop, start, agent))
    a, s, e = agent[order], start[order] - base, stop[order] - base
    level = np.cumsum(np.concatenate([[0], a[1:] != a[:-1]]))  # 0, 1, ... per operator
    s, e = s + level * lift, e + level * lift
    reach = np.maximum.accumulate(e)
    first = np.concatenate([[True], a[1:] != a[:-1]])
    before = np.concatenate([[0], reach[:-1]])
    gain = np.where(first | (before <= s), e - s, np.maximum(e - before, 0))
    totals = np.bincount(level, weights=gain.astype(np.float64))
    return {int(a[i]): int(totals[level[i]]) for i in np.flatnonzero(first)}


def _latest(
    key: Codes, rows: Bools, at: Ints, rank: Ints, depth: int
) -> dict[str, list[tuple[int, str]]]:
    """Each key's last ``depth`` moods [(time, mood)], oldest first (ties by mood name)."""
    k, t, r = key.codes[rows], at[rows], rank[rows]
    order = _order_by(k, t, r, len(MOODS))
    k, t, r = k[order], t[order], r[order]
    # the last ``depth`` rows of each key: fewer than ``depth`` rows to the next key's start
    first = np.concatenate([[True], k[1:] != k[:-1]]) if len(k) else np.zeros(0, np.bool_)
    group = np.cumsum(first) - 1
    ends = np.append(np.flatnonzero(first)[1:], len(k))  # each key's end, exclusive
    kept = np.flatnonzero(ends[group] - np.arange(len(k)) <= depth)
    out: dict[str, list[tuple[int, str]]] = {}
    for code, time_, mood in zip(k[kept].tolist(), t[kept].tolist(), r[kept].tolist(), strict=True):
        out.setdefault(key.labels[code], []).append((time_, MOODS[mood]))
    return out


def _order_by(key: Ints, at: Ints, rank: Ints, ranks: int) -> Ints:
    """The rows in (key, time, rank) order, ties in their own order (``rank`` in
    ``[0, ranks)``): one stable sort of the three as one number when it fits in 62 bits."""
    if not len(key):
        return np.zeros(0, dtype=np.int64)
    base = int(at.min())
    span = (int(at.max()) - base + 1) * ranks
    if int(key.min()) >= 0 and int(rank.min()) >= 0 and (int(key.max()) + 1) * span < 2**62:
        order: Ints = np.argsort(key * span + (at - base) * ranks + rank, kind="stable")
        return order
    return np.lexsort((rank, at, key))
