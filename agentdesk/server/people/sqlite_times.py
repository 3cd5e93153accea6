"""SQLite's stored times, a whole column at once, as whole microseconds since 1970.

SQLite keeps a time as text, ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLAlchemy writes every one of
them this way: always 26 characters, microseconds included). A month's column is handed over
as one string, the values one after another (:data:`BLANK` for a missing one), cut into
fixed-width values and parsed by numpy in one call, with no Python string per value. Text in
any other shape is refused (None): the caller then reads the column the general way.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

#: Characters of one stored time.
WIDTH = 26
#: Stands for a missing time in the joined column (no stored time looks like it).
BLANK = "~" * WIDTH
#: What :func:`parse` gives for a missing time (numpy's NaT as an integer).
MISSING = int(np.iinfo(np.int64).min)

_SEPARATORS = {4: "-", 7: "-", 10: " ", 13: ":", 16: ":", 19: "."}


def parse(joined: str, rows: int) -> npt.NDArray[np.int64] | None:
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
    shaped = np.ones(rows, dtype=np.bool_)
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
