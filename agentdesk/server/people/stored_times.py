"""Stored times, a whole column at once, as whole microseconds since 1970.

SQLite keeps a time as text, ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLAlchemy writes every one of
them this way: always 26 characters, microseconds included). A month's column is handed over
as one string, the values one after another (:data:`BLANK` for a missing one), cut into
fixed-width values and parsed by numpy in one call, with no Python string per value. Text in
any other shape is refused (None): the caller then reads the column the general way.

PostgreSQL keeps a ``timestamptz`` as a whole number of microseconds since 2000-01-01, and
``timestamptz_send`` gives those 8 bytes as they are: a column handed over as one ``bytea`` of
them (:data:`PG_BLANK` for a missing one) is read by numpy at once, with no arithmetic in the
database and no Python number per value.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

#: Characters of one stored time.
WIDTH = 26
#: Stands for a missing time in the joined column (no stored time looks like it).
BLANK = "~" * WIDTH
#: Stands for a missing time in PostgreSQL's joined column: one more than the smallest 8-byte
#: number (``-infinity``), below any time PostgreSQL can store.
PG_BLANK = bytes.fromhex("8000000000000001")
_PG_EPOCH_US = 946_684_800 * 1_000_000  # 2000-01-01 in microseconds since 1970
#: What :func:`from_sqlite` and :func:`from_postgresql` give for a missing time (NaT as a number).
MISSING = int(np.iinfo(np.int64).min)

_SEPARATORS = {4: "-", 7: "-", 10: " ", 13: ":", 16: ":", 19: "."}
_DIGITS = [i for i in range(WIDTH) if i not in _SEPARATORS]


def from_sqlite(joined: str, rows: int) -> npt.NDArray[np.int64] | None:
    """``rows`` stored times joined without separator: whole microseconds since 1970
    (:data:`MISSING` for :data:`BLANK`), or None when the text is not in that shape."""
    try:
        raw = joined.encode("ascii")
    except UnicodeEncodeError:
        return None
    if len(raw) != rows * WIDTH:
        return None
    values = np.frombuffer(raw, dtype=f"S{WIDTH}").copy()
    chars = np.frombuffer(raw, dtype=np.uint8).reshape(rows, WIDTH)
    blank = values == BLANK.encode("ascii")
    digits = chars[:, _DIGITS]
    shaped = ((digits >= ord("0")) & (digits <= ord("9"))).all(axis=1)
    for i, sep in _SEPARATORS.items():
        shaped &= chars[:, i] == ord(sep)
    if not (shaped | blank).all():
        return None
    values[blank] = b"NaT"
    try:  # numpy's own parser: digits, ranges and calendar checked
        out: npt.NDArray[np.int64] = values.astype("datetime64[us]").view(np.int64)
    except ValueError:
        return None
    return out


def from_postgresql(joined: bytes) -> npt.NDArray[np.int64]:
    """``timestamptz_send`` values joined without separator: whole microseconds since 1970
    (:data:`MISSING` for :data:`PG_BLANK`)."""
    since_2000 = np.frombuffer(joined, dtype=">i8").astype(np.int64)
    blank = since_2000 == int.from_bytes(PG_BLANK, "big", signed=True)
    out: npt.NDArray[np.int64] = np.where(blank, MISSING, since_2000 + _PG_EPOCH_US)
    return out
