"""An accelerated shift: a day's contacts through the desktop's client stack in minutes.

The real embedded server (SQLite file), the real traffic simulator driving its gateway at a
high rate, and the desktop's real client stack — Session, event stream, outbox, local cache —
feeding the real Qt models (interactions list, chat transcripts, customer history) on a
qasync loop, offscreen. An automated operator accepts, answers and wraps up every contact.
Memory and open file descriptors are sampled as the shift goes: both must be flat in the
second half, nothing may log a warning or an error, and every contact must be served.

Short form (CI): ``scripts/test`` runs it with 100 contacts. Full form (a shift's volume):
``AGENTDESK_SOAK=full .venv/bin/python -m pytest tests/soak -s`` (600 contacts; or set
``AGENTDESK_SOAK_CONTACTS=N``). The figures are printed (``-s`` shows them).
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import time
from pathlib import Path

import pytest
import qasync

from agentdesk.domain.agent_state import AgentState
from agentdesk.server import demo_text
from agentdesk.server.config import ServerSettings
from agentdesk.server.embedded import EmbeddedServer
from tests.soak.desktop import (
    AutoOperator,
    HeadlessDesktop,
    Sample,
    WarningCollector,
    open_fds,
    rss_mb,
    until,
)
from tests.soak.simulator import SimulatorThread

GATEWAY_KEY = "soak-gateway-key"
FULL = os.environ.get("AGENTDESK_SOAK", "").lower() == "full"
CONTACTS = int(os.environ.get("AGENTDESK_SOAK_CONTACTS") or (600 if FULL else 100))
#: Generous bounds for a loaded 2-core machine; they stop a hung run, they time nothing.
LIMIT_S = 120 + CONTACTS * 3.0
#: Mario holds 3 chats at once; one more waits in the queue so he is never idle.
OPEN_CHATS = 4
#: Flat means: the end of the shift within 5% of its middle.
GROWTH = 0.05


@pytest.mark.timeout(LIMIT_S + 180)
def test_a_shift_of_contacts_leaves_memory_and_descriptors_flat(
    qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    seed = int(os.environ.get("AGENTDESK_SOAK_SEED") or random.randrange(1_000_000))
    print(f"\nsoak: {CONTACTS} contacts, seed {seed} (AGENTDESK_SOAK_SEED={seed} replays it)")
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}"
    settings = ServerSettings(
        database_url=database_url, demo=True, simulate=False, gateway_key=GATEWAY_KEY
    )
    samples: list[Sample] = []
    gc.collect()
    print(f"soak: before the server starts (Qt, server and client imported): {rss_mb():.1f} MB, "
          f"{open_fds()} fds")

    with WarningCollector() as warnings:
        server = EmbeddedServer(settings)
        server.start()
        simulator = SimulatorThread(
            server.base_url, GATEWAY_KEY, database_url, seed=seed, max_concurrent=OPEN_CHATS
        )

        async def shift() -> None:
            desk = HeadlessDesktop(server.base_url, tmp_path / "client-cache.sqlite3")
            operator = AutoOperator(
                desk, farewells=frozenset(demo_text.THANKS + demo_text.THANKS_IRRITATED)
            )
            try:
                await desk.session.start("mario", "demo")
                await desk.session.set_state(AgentState.READY)
                operator.start()
                await asyncio.to_thread(simulator.start)
                started = time.monotonic()
                step = max(1, CONTACTS // 20)
                next_sample = 0
                while len(operator.tally.wrapped) < CONTACTS:
                    done = len(operator.tally.wrapped)
                    if done >= next_sample:
                        gc.collect()
                        samples.append(Sample(time.monotonic() - started, done, rss_mb(),
                                              open_fds()))
                        next_sample += step
                    if time.monotonic() - started > LIMIT_S:
                        raise AssertionError(
                            f"only {done} of {CONTACTS} contacts wrapped up in {LIMIT_S:g} s"
                        )
                    await asyncio.sleep(0.05)
                gc.collect()
                samples.append(Sample(time.monotonic() - started, len(operator.tally.wrapped),
                                      rss_mb(), open_fds()))
                # End of the shift: no new customers; the operator closes what is still open.
                await asyncio.to_thread(simulator.stop)
                operator.closing = True
                await until(lambda: operator.open_contacts == 0, 120, "the last contacts closed")
                await until(lambda: not desk.session.interactions, 30, "an empty desk")
                # The stream can announce a wrap-up before its HTTP answer: let it land.
                await until(lambda: not operator._busy, 60, "the operator's last actions")
                await operator.stop()

                tally = operator.tally
                elapsed = time.monotonic() - started
                print(
                    f"soak: {len(tally.offered)} contacts offered, {len(tally.accepted)} "
                    f"accepted, {len(tally.answered)} answered, {len(tally.wrapped)} wrapped "
                    f"up, {len(tally.replies)} replies, {len(desk.applied)} events, "
                    f"in {elapsed:.1f} s"
                )
                assert len(tally.offered) >= CONTACTS
                assert tally.accepted == tally.offered
                assert tally.answered == tally.offered
                assert tally.wrapped == tally.offered
                assert not tally.refused, tally.refused
                assert not desk.errors, desk.errors
                assert desk.applied == list(range(desk.applied[0], desk.applied[-1] + 1))
                outbox = desk.session.outbox
                assert outbox is not None
                # A wrap-up's event can beat its own HTTP answer: let the outbox see it.
                for _ in range(300):
                    if not await outbox.pending():
                        break
                    await asyncio.sleep(0.1)
                assert await outbox.pending() == []
                assert desk.model_rows() == {}
            finally:
                await operator.stop()
                if simulator.simulator is not None:
                    await asyncio.to_thread(simulator.stop)
                await desk.close()

        try:
            qloop.run_until_complete(asyncio.wait_for(shift(), LIMIT_S + 150))
        finally:
            server.stop()
            _report(samples)

    assert not warnings.records, "warnings or errors were logged:\n" + "\n".join(
        warnings.lines()[:30]
    )
    mid = next(s for s in samples if s.contacts >= CONTACTS // 2)
    end = samples[-1]
    assert end.rss_mb <= mid.rss_mb * (1 + GROWTH), (
        f"resident memory grew {end.rss_mb / mid.rss_mb - 1:.1%} in the second half"
    )
    assert end.fds <= mid.fds * (1 + GROWTH), f"open descriptors grew from {mid.fds} to {end.fds}"


def _report(samples: list[Sample]) -> None:
    if not samples:
        return
    first, last = samples[0], samples[-1]
    mid = next((s for s in samples if s.contacts >= last.contacts // 2), last)
    print("soak: contacts  time_s  rss_mb  fds")
    for s in samples:
        print(f"soak: {s.contacts:8d}  {s.at_s:6.1f}  {s.rss_mb:6.1f}  {s.fds:3d}")
    print(
        f"soak: RSS start {first.rss_mb:.1f} MB, mid {mid.rss_mb:.1f} MB, end {last.rss_mb:.1f} "
        f"MB (goal <= 150 MB); fds start {first.fds}, mid {mid.fds}, end {last.fds}; "
        f"{last.contacts} contacts in {last.at_s:.1f} s"
    )
