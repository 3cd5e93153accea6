"""KPI reports for one scope, computed from a loaded :class:`Window` with the domain formulas."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass

from agentdesk.domain import kpis
from agentdesk.domain.fcr import REPEAT_WINDOW, same_topic
from agentdesk.domain.kpis import Contact, KpiTotals
from agentdesk.domain.surveys import Answer, SurveyType, summarize
from agentdesk.protocol.people import KpiReport, NpsFigures, Period, Scope
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


def select_contacts(w: Window, sel: Selection) -> list[Contact]:
    if sel.agent_ids is not None:
        return [c for c in w.contacts if c.agent_id in sel.agent_ids]
    by_queue = w.by_queue()
    if sel.client_id is not None:
        queues = [q.id for q in w.queues.values() if q.client_id == sel.client_id]
        return [c for q in queues for c in by_queue.get(q, [])]
    return list(by_queue.get(sel.queue_id or "", []))


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


def fcr_flags(w: Window, contacts: Collection[Contact]) -> list[bool]:
    """FCR of each handled contact with a customer: no later touch by the same customer on
    the same topic within the window (:func:`agentdesk.domain.fcr.is_repeat`, unrolled over
    sorted arrays for speed; memoised per window so reports share it)."""
    times, topics = w.touch_arrays()
    memo = w._fcr
    flags = []
    for c in contacts:
        if not c.handled or c.customer_id is None:
            continue
        known = memo.get(c.id)
        if known is None:
            at = times.get(c.customer_id, [])
            tops = topics.get(c.customer_id, [])
            i = bisect_right(at, c.queued_at)
            limit = c.queued_at + REPEAT_WINDOW
            known = True
            while i < len(at) and at[i] <= limit:
                if same_topic(c.topic, tops[i]):
                    known = False
                    break
                i += 1
            memo[c.id] = known
        flags.append(known)
    return flags


def service_level(w: Window, queues: set[str]) -> tuple[float | None, float | None, float]:
    """(service level, abandonment, target) over the queues, each client by its own policy."""
    by_client: dict[str, list[Contact]] = {}
    by_queue = w.by_queue()
    for queue_id in queues:
        client_id = w.queues[queue_id].client_id if queue_id in w.queues else ""
        by_client.setdefault(client_id, []).extend(by_queue.get(queue_id, []))
    in_time = offered = abandoned = ab_offered = 0
    targets = []
    for client_id, contacts in by_client.items():
        policy = w.policy(client_id)
        ok, total = kpis.service_level_counts(contacts, policy.sl, w.now)
        gone, total_ab = kpis.abandonment_counts(contacts, policy.sl, w.now)
        in_time += ok
        offered += total
        abandoned += gone
        ab_offered += total_ab
        targets.append(policy.sl_target)
    if not targets:
        targets = [w.policy(w.queues[q].client_id).sl_target for q in queues if q in w.queues]
    target = max(targets) if targets else 0.8
    return (
        in_time / offered if offered else None,
        abandoned / ab_offered if ab_offered else None,
        target,
    )


def presence(
    w: Window, agent_ids: Collection[str], contacts: list[Contact]
) -> tuple[float | None, float]:
    """(occupancy, not-ready seconds) of the agents in the window."""
    available = not_ready = busy = 0.0
    by_agent: dict[str, list[Contact]] = {}
    for c in contacts:
        if c.agent_id is not None and c.accepted_at is not None:
            by_agent.setdefault(c.agent_id, []).append(c)
    for agent_id in agent_ids:
        for state, start, end in w.states.get(agent_id, ()):
            seconds = (end - start).total_seconds()
            if state in AVAILABLE_STATES:
                available += seconds
            elif state == "not_ready":
                not_ready += seconds
        intervals = []
        for c in by_agent.get(agent_id, ()):
            assert c.accepted_at is not None
            stop = c.wrapup_at or c.ended_at or w.now
            if stop > c.accepted_at:
                intervals.append((c.accepted_at, stop))
        busy += kpis.busy_seconds(intervals)
    return kpis.occupancy(busy, available), not_ready


def survey_facts(w: Window, sel: Selection, contact_ids: set[str]) -> list[SurveyFact]:
    if sel.agent_ids is not None:
        return [s for s in w.surveys if s.agent_id in sel.agent_ids]
    if sel.client_id is not None:
        return [s for s in w.surveys if s.client_id == sel.client_id]
    return [s for s in w.surveys if s.interaction_id in contact_ids]


def days_in(w: Window) -> int:
    end = min(w.until, w.now)
    return max(1, math.ceil((end - w.since).total_seconds() / 86400))


def build_report(w: Window, sel: Selection, period: Period) -> KpiReport:
    contacts = select_contacts(w, sel)
    totals = KpiTotals()
    for c in contacts:
        totals.add(c)
    sl, abandonment, sl_target = service_level(w, queues_of(w, sel))
    people = sel.agent_ids or frozenset()
    occupancy, not_ready = presence(w, people, contacts)
    facts = survey_facts(w, sel, {c.id for c in contacts} if sel.queue_id else set())
    csat = summarize(
        SurveyType.CSAT, [Answer(f.type, f.score) for f in facts if f.type is SurveyType.CSAT]
    )
    ces = summarize(
        SurveyType.CES, [Answer(f.type, f.score) for f in facts if f.type is SurveyType.CES]
    )
    nps = []
    for kind in NPS_KINDS:
        s = summarize(kind, [Answer(f.type, f.score) for f in facts if f.type is kind])
        nps.append(NpsFigures(type=kind, responses=s.responses, promoters=s.promoters,
                              passives=s.passives, detractors=s.detractors, nps=s.nps))  # fmt: skip
    handled = sorted((c for c in contacts if c.handled), key=lambda c: c.wrapup_at or c.queued_at)
    trend = kpis.mood_trend([c.mood for c in handled])
    clients = {w.client_of.get(c.id, "") for c in contacts} or {
        w.queues[q].client_id for q in queues_of(w, sel) if q in w.queues
    }
    targets = [w.policy(cl).aht_target_s for cl in clients if cl]
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
        fcr=kpis.share(fcr_flags(w, contacts)),
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
