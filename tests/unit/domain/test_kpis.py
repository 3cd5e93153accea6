"""KPI formulas against hand-computed cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agentdesk.domain import kpis
from agentdesk.domain.fcr import Touch, resolved_first_time
from agentdesk.domain.kpis import Contact, KpiTotals, ServiceLevelPolicy

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def at(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


def handled(id_: str, channel: str, wait: float, talk: float, wrap: float, **kw: object) -> Contact:
    return Contact(
        id=id_,
        channel=channel,
        queue_id="q",
        status="closed",
        queued_at=at(0),
        accepted_at=at(wait),
        ended_at=at(wait + talk),
        wrapup_at=at(wait + talk + wrap),
        **kw,  # type: ignore[arg-type]
    )


def abandoned(id_: str, after: float) -> Contact:
    return Contact(
        id=id_,
        channel="voice",
        queue_id="q",
        status="abandoned",
        queued_at=at(0),
        ended_at=at(after),
    )


CONTACTS = [
    handled("a", "voice", wait=10, talk=200, wrap=40, transferred=True),
    handled("b", "chat", wait=30, talk=400, wrap=20, adherence=0.5),
    handled("c", "voice", wait=5, talk=100, wrap=60, adherence=1.0),
    abandoned("d", 3),  # short abandon: inside the 5 s grace
    abandoned("e", 45),
]
NOW = at(3600)


def test_handled_by_channel_and_aht_is_a_mean_of_talk_hold_and_wrap() -> None:
    assert kpis.handled_by_channel(CONTACTS) == {"voice": 2, "chat": 1}
    # (240 + 420 + 160) / 3
    assert kpis.aht(CONTACTS) == pytest.approx(820 / 3)
    assert kpis.average_wrapup(CONTACTS) == pytest.approx(40.0)


def test_service_level_follows_the_clients_abandon_policy() -> None:
    excluding = ServiceLevelPolicy(threshold_s=20, abandon_grace_s=5, exclude_short_abandons=True)
    including = ServiceLevelPolicy(threshold_s=20, abandon_grace_s=5, exclude_short_abandons=False)
    # in time: a (10 s), c (5 s); offered: a, b, c, e (d left within the grace)
    assert kpis.service_level(CONTACTS, excluding, NOW) == pytest.approx(2 / 4)
    assert kpis.service_level(CONTACTS, including, NOW) == pytest.approx(2 / 5)
    assert kpis.abandonment_rate(CONTACTS, excluding, NOW) == pytest.approx(1 / 4)
    assert kpis.abandonment_rate(CONTACTS, including, NOW) == pytest.approx(2 / 5)


def test_a_contact_still_waiting_counts_once_past_the_threshold() -> None:
    waiting = Contact(id="w", channel="chat", queue_id="q", status="queued", queued_at=at(0))
    policy = ServiceLevelPolicy()
    assert kpis.service_level([waiting], policy, at(10)) is None
    assert kpis.service_level([waiting], policy, at(25)) == 0.0


def test_asa_transfer_rate_and_adherence() -> None:
    assert kpis.asa(CONTACTS) == pytest.approx(15.0)  # (10 + 30 + 5) / 3
    assert kpis.transfer_rate(CONTACTS) == pytest.approx(1 / 3)
    assert kpis.script_adherence(CONTACTS) == pytest.approx(0.75)


def test_running_totals_agree_with_the_formulas_and_merge() -> None:
    mine, theirs = KpiTotals(), KpiTotals()
    for c in CONTACTS[:2]:
        mine.add(c)
    for c in CONTACTS[2:]:
        theirs.add(c)
    mine.merge(theirs)
    assert mine.handled_total == 3
    assert mine.aht_s == pytest.approx(kpis.aht(CONTACTS))
    assert mine.wrapup_mean_s == pytest.approx(40.0)
    assert mine.asa_s == pytest.approx(15.0)
    assert mine.transfer_rate == pytest.approx(1 / 3)
    assert mine.adherence == pytest.approx(0.75)


def test_fcr_uses_the_seven_day_same_topic_rule() -> None:
    day = timedelta(days=1)
    first = Touch("cust1", T0, "billing")
    history = [
        first,
        Touch("cust1", T0 + 3 * day, "billing"),  # repeat: same topic within 7 days
        Touch("cust2", T0, "fault"),
        Touch("cust2", T0 + 2 * day, "contract"),  # other topic: not a repeat
        Touch("cust3", T0, "billing"),
        Touch("cust3", T0 + 8 * day, "billing"),  # after the window: not a repeat
    ]
    contacts = [first, history[2], history[4]]
    assert resolved_first_time(contacts, history) == [False, True, True]
    assert kpis.share(resolved_first_time(contacts, history)) == pytest.approx(2 / 3)


def test_occupancy_counts_concurrent_chats_once() -> None:
    busy = kpis.busy_seconds([(at(0), at(100)), (at(50), at(150)), (at(300), at(400))])
    assert busy == 250.0
    assert kpis.occupancy(busy, 500.0) == pytest.approx(0.5)
    assert kpis.occupancy(busy, 0.0) is None


def test_not_ready_against_budget() -> None:
    usage = kpis.not_ready_vs_budget(used_s=2700, budget_s=1800)
    assert usage.over and usage.share == pytest.approx(1.5)
    assert not kpis.not_ready_vs_budget(600, 1800).over


def test_mood_trend_compares_recent_with_previous_contacts() -> None:
    worse = kpis.mood_trend(["positive"] * 3 + ["negative"] * 3, window=3)
    assert (worse.label, worse.recent, worse.previous) == ("worsening", -1.0, 1.0)
    assert kpis.mood_trend(["neutral"] * 6, window=3).label == "steady"
    assert kpis.mood_trend(["negative"] * 3 + ["positive"] * 3, window=3).label == "improving"
    assert kpis.mood_trend([], window=3).label == "unknown"


def test_exactly_the_threshold_is_in_time_and_exactly_the_grace_is_a_short_abandon() -> None:
    policy = ServiceLevelPolicy(threshold_s=20, abandon_grace_s=5, exclude_short_abandons=True)
    on_time = handled("t", "chat", wait=20, talk=60, wrap=10)
    late = handled("l", "chat", wait=20.001, talk=60, wrap=10)
    # in time: t; offered: t, l (the 5 s abandon is left out)
    assert kpis.service_level([on_time, late, abandoned("g", 5)], policy, NOW) == 0.5
    # a 5.001 s abandon counts: offered t, l, and it
    assert kpis.service_level([on_time, late, abandoned("g", 5.001)], policy, NOW) == (
        pytest.approx(1 / 3)
    )


def test_fcr_never_counts_a_contact_as_its_own_repeat() -> None:
    from agentdesk.domain.fcr import resolved_marks

    week = 7 * 86400
    # the contact was queued at 99 and its own touch created at 100 (a moment later)
    touches = [("c", 100.0, "bill", 1)]
    assert resolved_marks(list(touches), [("c", 99.0, "bill", 1)], week) == [True]
    # another contact with an unknown topic, at 200: the same topic for the rule
    touches.append(("c", 200.0, None, 2))
    assert resolved_marks(list(touches), [("c", 99.0, "bill", 1)], week) == [False]
    # touches more than seven days later are not repeats; other customers never count
    assert resolved_marks(list(touches), [("c", 100.0 - week - 1, "bill", 3)], week) == [True]
    assert resolved_marks(list(touches), [("d", 99.0, "bill", 4)], week) == [True]
