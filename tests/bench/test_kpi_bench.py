"""KPI recomputation for a month of a 200-operator centre (~300,000 interactions).

Prints time and peak memory of the recomputation (in memory, from a loaded window), against
a baseline measured in the same run: one bare pass summing handling times. Run on purpose:
``.venv/bin/python -m pytest tests/bench/test_kpi_bench.py -q -s``.
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from agentdesk.domain.fcr import Touch
from agentdesk.domain.kpis import Contact, KpiTotals
from agentdesk.protocol.people import Period, Scope
from agentdesk.server.db.models import AgentRow, QueueRow
from agentdesk.server.people.reports import Selection, build_report
from agentdesk.server.people.window import Window
from tests.conftest import ServerFactory
from tests.server.helpers import operator, stream

OPERATORS = 200
CONTACTS = 300_000


def _window() -> Window:
    rng = random.Random(1)
    since = datetime(2026, 10, 1, tzinfo=UTC)
    until = since + timedelta(days=31)
    w = Window(since=since, until=until, now=until)
    for client in ("lario", "energia"):
        for channel in ("chat", "voice", "email"):
            qid = f"{channel}-{client}"
            w.queues[qid] = QueueRow(
                id=qid, name=qid, client_id=client, channel=channel, skill=channel
            )
    for n in range(OPERATORS):
        w.agents[f"a{n}"] = AgentRow(
            id=f"a{n}",
            name=f"Op {n}",
            role="operator",
            team_id=f"t{n // 20}",
            skills=["chat", "voice", "email"],
            clients=["lario", "energia"],
            enabled=True,
        )
    for i in range(CONTACTS):
        queued = since + timedelta(seconds=rng.uniform(0, 31 * 86400))
        channel = rng.choice(("chat", "voice", "email"))
        client = rng.choice(("lario", "energia"))
        customer = f"c{rng.randrange(60_000)}"
        topic = rng.choice(("a", "b", "c", "d"))
        if rng.random() < 0.05:
            c = Contact(
                id=f"i{i}",
                channel=channel,
                queue_id=f"{channel}-{client}",
                status="abandoned",
                queued_at=queued,
                ended_at=queued + timedelta(seconds=rng.uniform(1, 90)),
                customer_id=customer,
            )
        else:
            accepted = queued + timedelta(seconds=rng.uniform(1, 60))
            ended = accepted + timedelta(seconds=rng.uniform(60, 600))
            c = Contact(
                id=f"i{i}",
                channel=channel,
                queue_id=f"{channel}-{client}",
                status="closed",
                queued_at=queued,
                accepted_at=accepted,
                ended_at=ended,
                wrapup_at=ended + timedelta(seconds=rng.uniform(5, 90)),
                customer_id=customer,
                agent_id=f"a{rng.randrange(OPERATORS)}",
                topic=topic,
                mood=rng.choice(("neutral", "positive", "negative")),
            )
        w.contacts.append(c)
        w.client_of[c.id] = client
        w.touches.append(Touch(customer, queued, topic))
    return w


def _recompute(w: Window) -> dict[str, KpiTotals]:
    """The centre, each client, and every operator's running totals (one pass)."""
    for client in ("lario", "energia"):
        build_report(w, Selection(Scope.CLIENT, client, client_id=client), Period.MONTH)
    build_report(
        w,
        Selection(Scope.SQUAD, "t0", agent_ids=frozenset(f"a{n}" for n in range(20))),
        Period.MONTH,
    )
    per_agent: dict[str, KpiTotals] = defaultdict(KpiTotals)
    for c in w.contacts:
        if c.agent_id is not None:
            per_agent[c.agent_id].add(c)
    return per_agent


@pytest.mark.timeout(900)
def test_month_of_a_200_operator_centre() -> None:
    w = _window()
    start = time.perf_counter()
    total = sum(c.handle_s() for c in w.contacts)
    baseline = time.perf_counter() - start
    assert total > 0
    start = time.perf_counter()
    per_agent = _recompute(w)
    elapsed = time.perf_counter() - start
    assert len(per_agent) == OPERATORS
    # peak memory in a second pass (tracemalloc slows allocation, so not in the timed one)
    w = _window()
    tracemalloc.start()
    _recompute(w)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"\nKPI recomputation, {len(w.contacts):,} contacts, {OPERATORS} operators: "
        f"{elapsed:.2f} s (goal < 5 s), peak extra memory {peak / 1e6:.1f} MB; "
        f"baseline bare pass over the contacts {baseline:.3f} s"
    )


@pytest.mark.timeout(300)
async def test_board_update_latency_from_a_state_change(server_factory: ServerFactory) -> None:
    """Time from mario's state change to the team leader's ``team.live`` showing it, against
    the same change reaching mario's own stream (a bare event delivery) in the same run."""
    server = server_factory()
    board: list[float] = []
    bare: list[float] = []
    async with operator(server, "luca") as luca, operator(server, "mario") as mario:
        await luca.ready()
        async with stream(server, luca.token) as ls, stream(server, mario.token) as ms:
            await ls.event("team.live")
            for n in range(10):
                target, reason = ("not_ready", "break") if n % 2 == 0 else ("ready", None)
                start = time.perf_counter()
                await mario.set_state(target, reason)
                await ms.event("agent.state")
                bare.append(time.perf_counter() - start)
                while True:
                    ev = await ls.event("team.live", within=10)
                    states = {m["agent_id"]: m["state"]["state"] for m in ev["data"]["members"]}
                    if states["a-mario"] == target:
                        break
                board.append(time.perf_counter() - start)
    print(
        f"\nboard update latency (state change -> team.live): median "
        f"{statistics.median(board) * 1000:.0f} ms, max {max(board) * 1000:.0f} ms; "
        f"baseline own agent.state event median {statistics.median(bare) * 1000:.0f} ms"
    )
