"""The server's one-pass KPI load agrees with the domain's formulas over whole contacts.

A random month of a small centre, with the edge cases the rules turn on (a wait of exactly the
threshold, an abandon of exactly the grace, contacts still waiting, a repeat just inside and
just outside seven days, unknown topics, overlapping chats, repeats after the period ends), is
written to a real migrated database; every operator's, queue's and client's report from
:func:`load_window` must equal what :mod:`agentdesk.domain.kpis` and
:mod:`agentdesk.domain.fcr` compute from the same contacts as Python objects.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert

from agentdesk.domain import kpis
from agentdesk.domain.fcr import Touch, resolved_first_time
from agentdesk.domain.kpis import Contact, ServiceLevelPolicy
from agentdesk.protocol.people import Period, Scope
from agentdesk.server.db.assist_models import ScriptProgressRow
from agentdesk.server.db.database import Database
from agentdesk.server.db.models import AgentRow, ClientRow, CustomerRow, InteractionRow, QueueRow
from agentdesk.server.db.people_models import ClientPolicyRow
from agentdesk.server.people.reports import Selection, build_report
from agentdesk.server.people.window import load_window

SINCE = datetime(2026, 10, 1, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=10)
NOW = UNTIL - timedelta(hours=1)  # the period is still running: some contacts still wait
AGENTS = [f"a{n}" for n in range(6)]
QUEUES = {"chat-x": ("x", "chat"), "voice-x": ("x", "voice"), "chat-y": ("y", "chat")}
POLICIES = {
    "x": ServiceLevelPolicy(threshold_s=20, abandon_grace_s=5, exclude_short_abandons=True),
    "y": ServiceLevelPolicy(threshold_s=30, abandon_grace_s=10, exclude_short_abandons=False),
}


def _month(rng: random.Random) -> tuple[list[dict[str, Any]], dict[str, float]]:
    rows: list[dict[str, Any]] = []
    adherence: dict[str, float] = {}

    def add(**kw: Any) -> None:
        at = kw["queued_at"]
        row = {
            "id": f"i{len(rows)}", "entry_point": "t", "from_address": "t", "created_at": at,
            "accepted_at": None, "ended_at": None, "wrapup_at": None, "agent_id": None,
            "end_reason": None, "mood": None, "disposition": None, "offered_at": None,
            "closed_at": None, "customer_id": None,
        }  # fmt: skip
        row.update(kw)
        rows.append(row)

    def handled(queue: str, at: datetime, wait: float, **kw: Any) -> None:
        client, channel = QUEUES[queue]
        acc = at + timedelta(seconds=wait)
        end = acc + timedelta(seconds=rng.uniform(30, 900))
        add(
            channel=channel, client_id=client, queue_id=queue, status="closed", queued_at=at,
            accepted_at=acc, ended_at=end, wrapup_at=end + timedelta(seconds=rng.uniform(0, 60)),
            agent_id=kw.pop("agent", rng.choice(AGENTS)),
            customer_id=kw.pop("customer", f"c{rng.randrange(40)}"),
            disposition=kw.pop("topic", rng.choice(("bill", "fault", None))),
            mood=rng.choice(("positive", "neutral", "negative", None)),
            end_reason=rng.choice(("agent", "customer", "transferred")), **kw,
        )  # fmt: skip

    for _ in range(900):
        at = SINCE + timedelta(seconds=rng.uniform(0, 10 * 86400 - 4000))
        queue = rng.choice(list(QUEUES))
        client, channel = QUEUES[queue]
        r = rng.random()
        if r < 0.08:
            add(channel=channel, client_id=client, queue_id=queue, status="abandoned",
                queued_at=at, ended_at=at + timedelta(seconds=rng.choice((3, 5, 10, 40))),
                customer_id=f"c{rng.randrange(40)}")  # fmt: skip
        else:
            handled(queue, at, rng.choice((1.0, 19.999, 20.0, 20.001, 30.0, 45.5)))
            if queue.startswith("chat") and rng.random() < 0.7:
                adherence[rows[-1]["id"]] = rng.choice((0.0, 0.5, 1.0))
    # still waiting at NOW: one within the threshold, one past it; one accepted, not closed
    add(channel="chat", client_id="x", queue_id="chat-x", status="queued",
        queued_at=NOW - timedelta(seconds=10))  # fmt: skip
    add(channel="chat", client_id="x", queue_id="chat-x", status="queued",
        queued_at=NOW - timedelta(seconds=25))  # fmt: skip
    add(channel="chat", client_id="x", queue_id="chat-x", status="active", agent_id="a0",
        queued_at=NOW - timedelta(seconds=200),
        accepted_at=NOW - timedelta(seconds=190))  # fmt: skip
    # a repeat exactly seven days later (a repeat) and one a microsecond past it (not)
    t = SINCE + timedelta(days=1)
    handled("voice-x", t, 5, customer="r1", topic="bill")
    handled("voice-x", t + timedelta(days=7), 5, customer="r1", topic="bill")
    handled("voice-x", t, 5, customer="r2", topic="bill")
    handled("voice-x", t + timedelta(days=7, microseconds=1), 5, customer="r2", topic="bill")
    # a contact near the end, repeated after the period (the look-ahead must see it)
    handled("chat-y", UNTIL - timedelta(days=1), 5, customer="r3", topic="fault")
    handled("chat-y", UNTIL + timedelta(days=2), 5, customer="r3", topic="fault")
    # two chats at once for a0 (busy time counts the overlap once)
    handled("chat-x", SINCE + timedelta(days=2), 2, agent="a0")
    handled("chat-x", SINCE + timedelta(days=2, seconds=60), 2, agent="a0")
    return rows, adherence


async def _fill(db: Database, rows: list[dict[str, Any]], adherence: dict[str, float]) -> None:
    customers = sorted({r["customer_id"] for r in rows if r["customer_id"]})
    async with db.engine.begin() as conn:
        await conn.execute(insert(ClientRow), [{"id": c, "name": c} for c in POLICIES])
        await conn.execute(
            insert(QueueRow),
            [{"id": q, "name": q, "client_id": c, "channel": ch, "skill": ch}
             for q, (c, ch) in QUEUES.items()],
        )  # fmt: skip
        await conn.execute(
            insert(ClientPolicyRow),
            [{"client_id": c, "threshold_s": p.threshold_s, "abandon_grace_s": p.abandon_grace_s,
              "exclude_short_abandons": p.exclude_short_abandons, "sl_target": 0.8,
              "aht_target_s": 300.0} for c, p in POLICIES.items()],
        )  # fmt: skip
        await conn.execute(
            insert(AgentRow),
            [{"id": a, "username": a, "name": a, "role": "operator", "password_hash": "-",
              "skills": ["chat", "voice"], "clients": ["x", "y"], "state_since": SINCE,
              "idle_since": SINCE} for a in AGENTS],
        )  # fmt: skip
        await conn.execute(
            insert(CustomerRow),
            [{"id": c, "client_id": "x", "name": c, "created_at": SINCE} for c in customers],
        )
        await conn.execute(insert(InteractionRow), rows)
        await conn.execute(
            insert(ScriptProgressRow),
            [{"interaction_id": i, "script_id": "s", "state": {}, "adherence": a,
              "updated_at": SINCE} for i, a in adherence.items()],
        )  # fmt: skip


def _contact(r: dict[str, Any]) -> Contact:
    return Contact(
        id=r["id"], channel=r["channel"], queue_id=r["queue_id"], status=r["status"],
        queued_at=r["queued_at"], accepted_at=r["accepted_at"], ended_at=r["ended_at"],
        wrapup_at=r["wrapup_at"], customer_id=r["customer_id"], agent_id=r["agent_id"],
        topic=r["disposition"], transferred=r["end_reason"] == "transferred", mood=r["mood"],
    )  # fmt: skip


async def _agreement(url: str) -> None:
    db = Database(url)
    try:
        await db.migrate()
        rows, adherence = _month(random.Random(7))
        await _fill(db, rows, adherence)
        async with db.read() as session:
            w = await load_window(session, SINCE, UNTIL, NOW, 20.0)
    finally:
        await db.dispose()
    inside = [r for r in rows if r["queued_at"] < UNTIL]
    contacts = {r["id"]: _contact(r) for r in inside}
    history = [
        Touch(r["customer_id"], r["created_at"], r["disposition"])
        for r in rows
        if r["customer_id"] and r["status"] != "abandoned"
    ]
    checked = 0
    for agent in AGENTS:
        mine = [c for c in contacts.values() if c.agent_id == agent]
        got = build_report(w, Selection(Scope.OPERATOR, agent, agent_ids=frozenset({agent})),
                           Period.MONTH)  # fmt: skip
        assert got.handled_by_channel == kpis.handled_by_channel(mine)
        assert got.aht_s == pytest.approx(kpis.aht(mine), abs=1e-6)
        assert got.wrapup_s == pytest.approx(kpis.average_wrapup(mine), abs=1e-6)
        assert got.asa_s == pytest.approx(kpis.asa(mine), abs=1e-6)
        assert got.transfer_rate == pytest.approx(kpis.transfer_rate(mine))
        with_script = [
            Contact(**{**{f: getattr(c, f) for f in Contact.__dataclass_fields__},
                       "adherence": adherence.get(c.id)})
            for c in mine
        ]  # fmt: skip
        assert got.script_adherence == pytest.approx(kpis.script_adherence(with_script))
        asked = [c for c in mine if c.handled and c.customer_id]
        flags = resolved_first_time(
            [Touch(c.customer_id or "", c.queued_at, c.topic) for c in asked], history
        )
        assert got.fcr == pytest.approx(kpis.share(flags))
        spans = [(c.accepted_at, c.wrapup_at or c.ended_at or NOW) for c in mine
                 if c.accepted_at is not None]  # fmt: skip
        assert w.busy_s.get(agent, 0.0) == pytest.approx(
            kpis.busy_seconds([(a, b) for a, b in spans if b > a]), abs=1e-3
        )
        ended = sorted((c for c in mine if c.handled), key=lambda c: c.wrapup_at or c.queued_at)
        trend = kpis.mood_trend([c.mood for c in ended])
        assert (got.mood_trend, got.mood_recent) == (trend.label, pytest.approx(trend.recent))
        checked += 1
    for queue, (client, _channel) in QUEUES.items():
        mine = [c for c in contacts.values() if c.queue_id == queue]
        got = build_report(w, Selection(Scope.QUEUE, queue, queue_id=queue), Period.MONTH)
        policy = POLICIES[client]
        assert got.service_level == pytest.approx(kpis.service_level(mine, policy, NOW))
        assert got.abandonment == pytest.approx(kpis.abandonment_rate(mine, policy, NOW))
        assert got.handled == sum(kpis.handled_by_channel(mine).values())
        checked += 1
    # the hand-placed repeats: r1's first contact was repeated, r2's and r3's last were not
    # (r3's first was repeated after the period ended)
    by_customer = {c: [x for x in contacts.values() if x.customer_id == c] for c in ("r1", "r2")}
    assert len(by_customer["r1"]) == 2 and len(by_customer["r2"]) == 2
    assert resolved_first_time(
        [Touch("r1", by_customer["r1"][0].queued_at, "bill"),
         Touch("r2", by_customer["r2"][0].queued_at, "bill"),
         Touch("r3", UNTIL - timedelta(days=1), "fault")],
        history,
    ) == [False, True, False]  # fmt: skip
    assert checked == len(AGENTS) + len(QUEUES)


async def test_one_pass_agrees_with_the_domain_on_sqlite(tmp_path: Any) -> None:
    await _agreement(f"sqlite+aiosqlite:///{tmp_path / 'kpi.sqlite3'}")


@pytest.mark.postgres
async def test_one_pass_agrees_with_the_domain_on_postgresql(pg_database: str) -> None:
    await _agreement(pg_database)
