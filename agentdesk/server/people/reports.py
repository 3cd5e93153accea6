"""KPI reports for one scope, computed from a loaded :class:`Window` with the domain formulas."""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection
from dataclasses import dataclass

from agentdesk.domain import kpis
from agentdesk.domain.kpis import KpiTotals, QueueCounts
from agentdesk.domain.surveys import Answer, Summary, SurveyType, summarize
from agentdesk.protocol.people import KpiReport, NpsFigures, Period, Scope
from agentdesk.server.people.aggregates import MOOD_DEPTH, Cell
from agentdesk.server.people.window import NOT_READY_BUDGET_S, SurveyFact, Window

AVAILABLE_STATES = frozenset({"ready", "wrap_up", "review_hold"})
NPS_KINDS = (SurveyType.NPS_TRANSACTIONAL, SurveyType.NPS_RELATIONAL, SurveyType.NPS_COMPETITIVE)
AHT_BAND = 0.15


@dataclass(frozen=True, slots=True)
class Selection:
    """Which contacts, queues and people a report covers."""

    scope: Scope
    scope_id: str
    agent_ids: frozenset[str] | None = None
    client_id: str | None = None
    queue_id: str | None = None


def select_cells(w: Window, sel: Selection) -> list[Cell]:
    """The scope's cells, in the window's order (so sums add up in the same order)."""
    if sel.agent_ids is not None:
        keys: Collection[str | None] = sel.agent_ids
        by = w.cells_by("agent_id")
    else:
        if sel.client_id is not None:
            keys = {q.id for q in w.queues.values() if q.client_id == sel.client_id}
        else:
            keys = {sel.queue_id}
        by = w.cells_by("queue_id")
    places = [i for key in keys for i in by.get(key, ())]
    if len(keys) > 1:
        places.sort()
    return [w.cells[i] for i in places]


def totals_of(cells: Collection[Cell]) -> KpiTotals:
    out = KpiTotals()
    for cell in cells:
        out.merge(cell.totals)
    return out


def queues_of(w: Window, sel: Selection) -> set[str]:
    """The queues whose service level the scope answers for."""
    if sel.queue_id is not None:
        return {sel.queue_id}
    if sel.client_id is not None:
        return {q.id for q in w.queues.values() if q.client_id == sel.client_id}
    out: set[str] = set()
    for agent_id in sel.agent_ids or ():
        agent = w.agents.get(agent_id)
        if agent is None:
            continue
        out |= {
            q.id
            for q in w.queues.values()
            if q.skill in agent.skills and q.client_id in agent.clients
        }
    return out


def service_level(w: Window, queues: set[str]) -> tuple[float | None, float | None, float]:
    """(service level, abandonment, target) over the queues, each by its client's policy."""
    known = w.per_queue()
    per_queue = {q: known.get(q) or QueueCounts() for q in queues}
    in_time = offered = abandoned = ab_offered = 0
    for queue_id, counts in per_queue.items():
        policy = w.queue_policy(queue_id).sl
        ok, total = kpis.service_level_from(counts, policy)
        gone, total_ab = kpis.abandonment_from(counts, policy)
        in_time += ok
        offered += total
        abandoned += gone
        ab_offered += total_ab
    targets = [w.queue_policy(q).sl_target for q in queues if q in w.queues]
    target = max(targets) if targets else 0.8
    return (
        in_time / offered if offered else None,
        abandoned / ab_offered if ab_offered else None,
        target,
    )


def presence(w: Window, agent_ids: Collection[str]) -> tuple[float | None, float]:
    """(occupancy, not-ready seconds) of the agents in the window."""
    available = not_ready = busy = 0.0
    for agent_id in sorted(agent_ids):  # in one order: the same sums every run
        for state, start, end in w.states.get(agent_id, ()):
            seconds = (end - start).total_seconds()
            if state in AVAILABLE_STATES:
                available += seconds
            elif state == "not_ready":
                not_ready += seconds
        busy += w.busy_s.get(agent_id, 0.0)
    return kpis.occupancy(busy, available), not_ready


def recent_moods(w: Window, sel: Selection) -> list[str]:
    """The scope's last moods, oldest first (merged from its operators' or queues')."""
    if sel.agent_ids is not None:
        lists = [w.moods_by_agent.get(a, []) for a in sel.agent_ids]
    else:
        lists = [w.moods_by_queue.get(q, []) for q in queues_of(w, sel)]
    merged = list(heapq.merge(*lists))
    return [mood for _at, mood in merged[-MOOD_DEPTH:]]


def survey_facts(w: Window, sel: Selection) -> list[SurveyFact]:
    if sel.agent_ids is not None:
        by_agent = w.surveys_by("agent_id")
        return [s for a in sorted(sel.agent_ids) for s in by_agent.get(a, ())]
    if sel.client_id is not None:
        return list(w.surveys_by("client_id").get(sel.client_id, ()))
    return list(w.surveys_by("queue_id").get(sel.queue_id, ()))


def survey_summary(w: Window, sel: Selection, kind: SurveyType) -> Summary:
    """:func:`summarize` of the scope's answers of one type (an operator's, client's or
    queue's kept by the window; a squad's from its members' in the order of their ids)."""
    if sel.agent_ids is None:
        key, value = (
            ("client_id", sel.client_id)
            if sel.client_id is not None
            else ("queue_id", sel.queue_id)
        )
        return w.summary(key, value, kind)
    if len(sel.agent_ids) == 1:
        return w.summary("agent_id", next(iter(sel.agent_ids)), kind)
    by_agent = w.answers_by("agent_id")
    empty: dict[SurveyType, list[Answer]] = {}
    return summarize(
        kind,
        [a for agent in sorted(sel.agent_ids) for a in by_agent.get(agent, empty).get(kind, ())],
    )


def days_in(w: Window) -> int:
    end = min(w.until, w.now)
    return max(1, math.ceil((end - w.since).total_seconds() / 86400))


def build_report(w: Window, sel: Selection, period: Period) -> KpiReport:
    cells = select_cells(w, sel)
    totals = totals_of(cells)
    sl, abandonment, sl_target = service_level(w, queues_of(w, sel))
    people = sel.agent_ids or frozenset()
    occupancy, not_ready = presence(w, people)
    csat = survey_summary(w, sel, SurveyType.CSAT)
    ces = survey_summary(w, sel, SurveyType.CES)
    nps = []
    for kind in NPS_KINDS:
        s = survey_summary(w, sel, kind)
        nps.append(NpsFigures(type=kind, responses=s.responses, promoters=s.promoters,
                              passives=s.passives, detractors=s.detractors, nps=s.nps))  # fmt: skip
    trend = kpis.mood_trend(recent_moods(w, sel))
    clients = {w.queues[c.queue_id].client_id for c in cells if c.queue_id in w.queues} or {
        w.queues[q].client_id for q in queues_of(w, sel) if q in w.queues
    }
    targets = [w.policy(cl).aht_target_s for cl in sorted(clients) if cl]
    aht_target = sum(targets) / len(targets) if targets else 300.0
    return KpiReport(
        scope=sel.scope,
        scope_id=sel.scope_id,
        period=period,
        since=w.since,
        until=w.until,
        handled=totals.handled_total,
        handled_by_channel=dict(totals.handled),
        aht_s=totals.aht_s,
        aht_target_s=aht_target,
        aht_band_s=(aht_target * (1 - AHT_BAND), aht_target * (1 + AHT_BAND)),
        wrapup_s=totals.wrapup_mean_s,
        fcr=totals.fcr,
        transfer_rate=totals.transfer_rate,
        service_level=sl,
        service_level_target=sl_target,
        asa_s=totals.asa_s,
        abandonment=abandonment,
        occupancy=occupancy,
        not_ready_s=not_ready,
        not_ready_budget_s=NOT_READY_BUDGET_S * days_in(w) * max(1, len(people)),
        csat=csat.satisfied_share,
        csat_responses=csat.responses,
        ces=ces.mean,
        nps=nps,
        mood_trend=trend.label,
        mood_recent=trend.recent,
        script_adherence=totals.adherence,
    )
