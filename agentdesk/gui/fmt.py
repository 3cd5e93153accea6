"""Formatting for the screen: durations, clock times, money — in the UI's locale."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone


def duration(seconds: float) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` above; never negative."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def clock(seconds: float) -> str:
    """``hh:mm:ss`` always (time in state)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def since(ts: datetime, now: datetime | None = None) -> float:
    """Seconds from ``ts`` to now (0 if ``ts`` is in the future, e.g. clock skew)."""
    current = now or datetime.now(UTC)
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return max(0.0, (current - ts).total_seconds())


def _local(ts: datetime) -> QDateTime:
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    utc = QDateTime.fromMSecsSinceEpoch(int(ts.timestamp() * 1000), QTimeZone.utc())
    return utc.toLocalTime()


def time_of_day(ts: datetime) -> str:
    """Local ``HH:mm``."""
    return _local(ts).toString("HH:mm")


def date_time(ts: datetime, now: datetime | None = None) -> str:
    """Local time for today's items, local short date and time for older ones."""
    local = _local(ts)
    today = _local(now or datetime.now(UTC)).date()
    if local.date() == today:
        return QCoreApplication.translate("Format", "today %1").replace(
            "%1", local.toString("HH:mm")
        )
    return QLocale().toString(local, "dd/MM/yyyy HH:mm")


def date_only(iso: str) -> str:
    """An ISO date (``2024-05-01``) as ``01/05/2024``."""
    try:
        year, month, day = (int(p) for p in iso[:10].split("-"))
    except ValueError:
        return iso
    return f"{day:02d}/{month:02d}/{year:04d}"


def money(amount: Decimal | float, currency: str = "€") -> str:
    """Locale-aware money, e.g. ``€ 1.234,50`` in Italian."""
    return QLocale().toCurrencyString(float(amount), currency)


def percent(share: float | None) -> str:
    """A 0..1 share as ``93%``; ``–`` when unknown."""
    if share is None:
        return "–"
    return f"{round(share * 100):d}%"
