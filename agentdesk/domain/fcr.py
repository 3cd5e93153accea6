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


class TouchIndex:
    """Every touch of the customers concerned, by customer in time order, for asking fast
    whether a contact was followed by a repeat (:func:`is_repeat`'s rule). Times are any
    sortable numbers (the server uses microseconds); ``ref`` names the touch's own contact so
    a contact is never its own repeat."""

    def __init__(self, window: float) -> None:
        self.window = window
        self._raw: dict[str, list[tuple[float, str | None, object]]] = {}
        self._sorted: dict[str, tuple[list[float], list[str | None], list[object]]] = {}

    def add(self, customer_id: str, at: float, topic: str | None, ref: object = None) -> None:
        self._raw.setdefault(customer_id, []).append((at, topic, ref))
        if self._sorted:
            self._sorted.pop(customer_id, None)

    def _arrays(self, customer_id: str) -> tuple[list[float], list[str | None], list[object]]:
        got = self._sorted.get(customer_id)
        if got is None:
            touches = sorted(self._raw.get(customer_id, ()), key=itemgetter(0))
            got = ([t[0] for t in touches], [t[1] for t in touches], [t[2] for t in touches])
            self._sorted[customer_id] = got
        return got

    def resolved(self, customer_id: str, at: float, topic: str | None, ref: object = None) -> bool:
        """No later touch (after ``at``, within the window) on the same topic."""
        return self.resolved_many([(customer_id, at, topic, ref)])[0]

    def resolved_many(self, asked: Iterable[tuple[str, float, str | None, object]]) -> list[bool]:
        """:meth:`resolved` for many (customer, at, topic, ref) at once."""
        out = []
        window = self.window
        for customer_id, at, topic, ref in asked:
            times, topics, refs = self._arrays(customer_id)
            i = bisect_right(times, at)
            limit = at + window
            resolved = True
            while i < len(times) and times[i] <= limit:
                if (ref is None or refs[i] != ref) and same_topic(topic, topics[i]):
                    resolved = False
                    break
                i += 1
            out.append(resolved)
        return out


def resolved_first_time(
    contacts: Sequence[Touch], history: Iterable[Touch], window: timedelta = REPEAT_WINDOW
) -> list[bool]:
    """For each contact, whether no repeat followed within the window in ``history``.

    ``history`` holds every contact of the customers concerned (any channel, any operator).
    """
    index = TouchIndex(window.total_seconds())
    for touch in history:
        index.add(touch.customer_id, touch.at.timestamp(), touch.topic)
    return [index.resolved(c.customer_id, c.at.timestamp(), c.topic) for c in contacts]
