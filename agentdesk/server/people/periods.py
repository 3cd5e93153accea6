"""Period bounds (today, week, month, season) and the on-demand report loader."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.people import KpiReport, Period
from agentdesk.server.errors import NotFound
from agentdesk.server.people.competition import season_at
from agentdesk.server.people.reports import Selection, build_report
from agentdesk.server.people.window import Window, load_window


async def bounds(session: AsyncSession, period: Period, now: datetime) -> tuple[datetime, datetime]:
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period is Period.TODAY:
        return day, day + timedelta(days=1)
    if period is Period.WEEK:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=7)
    if period is Period.MONTH:
        start = day.replace(day=1)
        return start, (start + timedelta(days=32)).replace(day=1)
    season = await season_at(session, now)
    if season is None:
        raise NotFound("no competition season is defined")
    return season.starts_at, season.ends_at


async def window_for(
    session: AsyncSession, period: Period, now: datetime, threshold_s: float
) -> Window:
    since, until = await bounds(session, period, now)
    return await load_window(session, since, until, now, threshold_s)


async def report(
    session: AsyncSession, sel: Selection, period: Period, now: datetime, threshold_s: float
) -> KpiReport:
    w = await window_for(session, period, now, threshold_s)
    return build_report(w, sel, period)
