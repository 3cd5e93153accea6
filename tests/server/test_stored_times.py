"""Stored times read a whole column at once are the times numpy reads one by one."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from agentdesk.server.people import stored_times
from agentdesk.server.people.contact_columns import _count_between, _order_by


def _times(rng: random.Random, n: int) -> list[datetime | None]:
    start = datetime(1969, 12, 30, tzinfo=UTC)
    out: list[datetime | None] = [
        None if rng.random() < 0.1
        else start + timedelta(microseconds=rng.randrange(0, 80 * 365 * 86400 * 10**6))
        for _ in range(n)
    ]  # fmt: skip
    out += [datetime(2028, 2, 29, 23, 59, 59, 999999, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)]
    return out


def _expected(times: list[datetime | None]) -> list[int]:
    epoch, us = datetime(1970, 1, 1, tzinfo=UTC), timedelta(microseconds=1)
    return [stored_times.MISSING if t is None else (t - epoch) // us for t in times]


def test_sqlite_text_is_read_to_the_microsecond() -> None:
    times = _times(random.Random(3), 2000)
    # SQLAlchemy's own way of writing a time on SQLite
    joined = "".join(
        stored_times.BLANK if t is None else t.strftime("%Y-%m-%d %H:%M:%S.%f") for t in times
    )
    got = stored_times.from_sqlite(joined, len(times))
    assert got is not None and got.tolist() == _expected(times)
    assert stored_times.from_sqlite("", 0) is not None


@pytest.mark.parametrize(
    "value",
    ["2026-10-03 10:00:00", "2026-10-03T10:00:00.000000", "2026-10-03 10:00:00.00000Z",
     "2026-13-03 10:00:00.000000", "2026-10-03 10:00:00.00000à", "2026-02-30 10:00:00.000000"],
)  # fmt: skip
def test_sqlite_text_in_another_shape_is_refused(value: str) -> None:
    good = "2026-10-03 10:00:00.000000"
    assert stored_times.from_sqlite(good + value, 2) is None


def test_postgresql_bytes_are_read_to_the_microsecond() -> None:
    times = _times(random.Random(4), 2000)
    since_2000 = datetime(2000, 1, 1, tzinfo=UTC)
    joined = b"".join(
        stored_times.PG_BLANK if t is None
        else ((t - since_2000) // timedelta(microseconds=1)).to_bytes(8, "big", signed=True)
        for t in times
    )  # fmt: skip
    assert stored_times.from_postgresql(joined).tolist() == _expected(times)


@pytest.mark.parametrize("huge", [False, True])
def test_repeat_counts_and_mood_order_match_the_three_key_sorts(huge: bool) -> None:
    """The packed sorts give what the general ones give; keys too large to pack take the
    general ones."""
    rng = np.random.default_rng(5)
    n, m = 5000, 3000
    scale = 2**40 if huge else 1
    t_key = rng.integers(0, 50, n) * scale
    t_at = rng.integers(0, 10**6, n)
    q_key = rng.integers(0, 50, m) * scale
    lo = rng.integers(0, 10**6, m)
    lo[:100] = t_at[:100]  # bounds on a touch's very time
    hi = lo + rng.integers(0, 10**5, m)
    expected = [
        int(np.count_nonzero((t_key == k) & (t_at > a) & (t_at <= b)))
        for k, a, b in zip(q_key, lo, hi, strict=True)
    ]
    assert _count_between(t_key, t_at, q_key, lo, hi).tolist() == expected
    rank = rng.integers(0, 3, n)
    assert (
        _order_by(t_key, t_at // 1000, rank, 3).tolist()
        == np.lexsort((rank, t_at // 1000, t_key)).tolist()
    )
