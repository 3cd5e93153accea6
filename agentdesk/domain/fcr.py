"""First-contact resolution (One Call Solution): the repeat-contact rule in one place.

A contact is resolved at first contact when the same customer does not come back on the same
topic within the window (default 7 days) on any channel. A topic is the wrap-up disposition;
when either contact has none yet, it counts as the same topic (a conservative reading).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import itemgetter

REPEAT_WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Touch:
    """One contact of a customer: when, and on which topic (None when not known yet)."""

    customer_id: str
    at: datetime
    topic: str | None


def same_topic(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def is_repeat(earlier: Touch, later: Touch, window: timedelta = REPEAT_WINDOW) -> bool:
    """Is ``later`` a repeat of ``earlier`` (same customer and topic, within the window)?"""
    return (
        earlier.customer_id == later.customer_id
        and earlier.at < later.at <= earlier.at + window
        and same_topic(earlier.topic, later.topic)
    )


#: (customer, time, topic, ref): one touch, or one contact asking whether it was repeated;
#: ``ref`` names the contact itself, so a contact is never its own repeat.
Mark = tuple[str, float, str | None, object]


def resolved_marks(touches: Iterable[Mark], asked: Iterable[Mark], window: float) -> list[bool]:
    """For each of ``asked``, whether no touch followed it (later, within ``window``, same
    topic or either unknown, not itself): :func:`is_repeat`'s rule, over each customer's
    touches in time order. Times are any numbers (the server uses microseconds)."""
    by_customer: dict[str, list[tuple[float, str | None, object]]] = {}
    for customer, at, topic, ref in touches:
        by_customer.setdefault(customer, []).append((at, topic, ref))
    arrays: dict[str, tuple[list[float], list[tuple[float, str | None, object]]]] = {}
    for customer, marks in by_customer.items():
        marks.sort(key=_first)
        arrays[customer] = ([m[0] for m in marks], marks)
    out = []
    empty: tuple[list[float], list[tuple[float, str | None, object]]] = ([], [])
    for customer, at, topic, ref in asked:
        times, marks = arrays.get(customer, empty)
        i = bisect_right(times, at)
        limit = at + window
        resolved = True
        while i < len(times) and times[i] <= limit:
            _t, t_topic, t_ref = marks[i]
            if t_ref != ref and (topic is None or t_topic is None or t_topic == topic):
                resolved = False
                break
            i += 1
        out.append(resolved)
    return out


_first = itemgetter(0)


def resolved_first_time(
    contacts: Sequence[Touch], history: Iterable[Touch], window: timedelta = REPEAT_WINDOW
) -> list[bool]:
    """For each contact, whether no repeat followed within the window in ``history``.

    ``history`` holds every contact of the customers concerned (any channel, any operator).
    """
    marks: list[Mark] = [(t.customer_id, t.at.timestamp(), t.topic, None) for t in history]
    asked: list[Mark] = [(c.customer_id, c.at.timestamp(), c.topic, object()) for c in contacts]
    return resolved_marks(marks, asked, window.total_seconds())
