"""First-contact resolution (One Call Solution): the repeat-contact rule in one place.

A contact is resolved at first contact when the same customer does not come back on the same
topic within the window (default 7 days) on any channel. A topic is the wrap-up disposition;
when either contact has none yet, it counts as the same topic (a conservative reading).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

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


def resolved_first_time(
    contacts: Sequence[Touch], history: Iterable[Touch], window: timedelta = REPEAT_WINDOW
) -> list[bool]:
    """For each contact, whether no repeat followed within the window in ``history``.

    ``history`` holds every contact of the customers concerned (any channel, any operator).
    """
    by_customer: dict[str, list[Touch]] = {}
    for touch in history:
        by_customer.setdefault(touch.customer_id, []).append(touch)
    for touches in by_customer.values():
        touches.sort(key=lambda t: t.at)
    out: list[bool] = []
    for contact in contacts:
        later = by_customer.get(contact.customer_id, [])
        out.append(not any(is_repeat(contact, t, window) for t in later if t.at > contact.at))
    return out
