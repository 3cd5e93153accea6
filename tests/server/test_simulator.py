"""The traffic simulator against a real embedded server: chats reach an operator and the
simulated customer answers; impatient customers abandon; a dead server is survived."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import select

from agentdesk.server.config import ServerSettings
from agentdesk.server.db.database import Database
from agentdesk.server.db.models import ClientRow, CustomerRow, InteractionRow
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.simulator.traffic import TrafficSimulator

KEY = "test-gateway-key"
API = "/api/v1"
T = TypeVar("T")


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[EmbeddedServer]:
    settings = ServerSettings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'sim.sqlite3'}",
        demo=True,
        gateway_key=KEY,
    )
    embedded = EmbeddedServer(settings)
    await asyncio.to_thread(embedded.start)
    try:
        yield embedded
    finally:
        await asyncio.to_thread(embedded.stop)


@pytest.fixture
async def db(server: EmbeddedServer) -> AsyncIterator[Database]:
    database = Database(server.settings.database_url)
    yield database
    await database.dispose()


async def _eventually(
    probe: Callable[[], Awaitable[T | None]], within_s: float = 20.0, what: str = "condition"
) -> T:
    deadline = asyncio.get_running_loop().time() + within_s
    while True:
        value = await probe()
        if value is not None:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


async def _operator(base_url: str) -> httpx.AsyncClient:
    http = httpx.AsyncClient(base_url=base_url + API, timeout=10.0)
    login = await http.post("/auth/login", json={"username": "mario", "password": "demo"})
    assert login.status_code == 200, login.text
    http.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
    ready = await http.put("/me/state", json={"state": "ready"})
    assert ready.status_code == 200, ready.text
    return http


async def _stop(sim: TrafficSimulator, task: asyncio.Task[None]) -> None:
    await sim.stop()
    await asyncio.wait_for(task, 10.0)


async def test_a_simulated_chat_reaches_the_operator_and_the_customer_answers(
    server: EmbeddedServer, db: Database
) -> None:
    operator = await _operator(server.base_url)
    sim = TrafficSimulator(
        server.base_url,
        KEY,
        db.sessions,
        rate_per_min=0.01,  # the first chat opens at once; the next one not within the test
        seed=7,
        time_scale=0.05,
        patience_s=(600.0, 600.0),
    )
    task = asyncio.create_task(sim.run())
    try:

        async def offered() -> dict[str, Any] | None:
            items = (await operator.get("/interactions", params={"status": "active"})).json()
            found = [i for i in items["items"] if i["status"] == "offered"]
            return found[0] if found else None

        offer = await _eventually(offered, what="an offered chat")
        assert offer["channel"] == "chat"
        assert offer["entry_point"] in ("web-lario", "web-energia")
        assert offer["messages"] and offer["messages"][0]["direction"] == "inbound"
        async with db.sessions() as session:
            customer = await session.get(CustomerRow, offer["customer_id"])
        assert customer is not None and not customer.is_prospect
        assert customer.chat_handle == offer["from_address"]

        iid = offer["id"]
        accepted = await operator.post(f"/interactions/{iid}/accept")
        assert accepted.status_code == 200, accepted.text
        sent = await operator.post(
            f"/interactions/{iid}/messages",
            json={
                "text": "Buongiorno, mi conferma il codice cliente?",
                "idempotency_key": str(uuid.uuid4()),
            },
        )
        assert sent.status_code == 201, sent.text

        async def answered() -> list[dict[str, Any]] | None:
            messages = (await operator.get(f"/interactions/{iid}")).json()["messages"]
            inbound = [m for m in messages if m["direction"] == "inbound"]
            return messages if len(inbound) >= 2 else None

        messages = await _eventually(answered, what="the customer's answer")
        assert [m["direction"] for m in messages[:3]] == ["inbound", "outbound", "inbound"]
        assert "codice" in messages[2]["text"].lower()
        assert sim.opened == 1 and sim.accepted == 1 and sim.replied >= 1

        # The operator closes the chat: the customer goes away.
        hangup = await operator.post(f"/interactions/{iid}/hangup")
        assert hangup.status_code == 200, hangup.text
        await _eventually(lambda: _value(sim.active_chats == 0), what="the customer to leave")
    finally:
        await _stop(sim, task)
        await operator.aclose()


async def _value(ok: bool) -> bool | None:
    return True if ok else None


async def test_an_unanswered_customer_abandons(server: EmbeddedServer, db: Database) -> None:
    sim = TrafficSimulator(
        server.base_url, KEY, db.sessions, rate_per_min=0.01, seed=3, patience_s=(0.5, 0.5)
    )
    started = datetime.now(UTC)
    task = asyncio.create_task(sim.run())
    try:

        async def abandoned() -> InteractionRow | None:
            async with db.sessions() as session:
                return await session.scalar(
                    select(InteractionRow).where(
                        InteractionRow.status == "abandoned", InteractionRow.created_at >= started
                    )
                )

        row = await _eventually(abandoned, what="an abandoned chat")
        assert row.channel == "chat" and row.end_reason == "abandoned"
        assert sim.abandoned == 1
    finally:
        await _stop(sim, task)


async def test_a_missing_server_is_survived_and_stop_is_clean(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'none.sqlite3'}")
    await database.migrate()
    async with database.sessions() as session, session.begin():
        session.add(ClientRow(id="lario", name="Lario Acque", dispositions=[]))
        await session.flush()
        session.add(
            CustomerRow(
                id="c1",
                client_id="lario",
                name="Maria Rossi",
                chat_handle="maria.rossi.1",
                flags=[],
                created_at=datetime.now(UTC),
            )
        )
    sim = TrafficSimulator("http://127.0.0.1:9", KEY, database.sessions, request_timeout_s=1.0)
    task = asyncio.create_task(sim.run())
    try:
        await asyncio.sleep(1.0)
        assert not task.done()
    finally:
        await _stop(sim, task)
        await database.dispose()
    assert sim.opened == 0


async def test_simulated_customers_answer_surveys(
    server: EmbeddedServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agentdesk.server.db.models import SurveyRow
    from agentdesk.server.simulator import traffic

    monkeypatch.setattr(traffic, "SURVEY_SHARE", 1.0)
    sim = TrafficSimulator(server.base_url, KEY, db.sessions, rate_per_min=0.01, seed=5)
    sim._http = httpx.AsyncClient(base_url=server.base_url, headers={"X-Gateway-Key": KEY})
    try:
        async with db.sessions() as session:
            row = await session.scalar(
                select(InteractionRow).where(InteractionRow.customer_id.is_not(None)).limit(1)
            )
            assert row is not None and row.customer_id is not None
            customer = await session.get(CustomerRow, row.customer_id)
        assert customer is not None
        chat = traffic._Chat(
            customer=traffic.SimCustomer(
                customer.chat_handle or "x", customer.client_id, customer.name, customer.id
            ),
            topic=traffic.txt.TOPICS[0],
            irritated=True,
            exchanges=2,
            interaction_id=row.id,
        )  # fmt: skip
        await sim._survey(chat)
        assert sim.surveys == 1
        async with db.sessions() as session:
            answers = list(
                await session.scalars(select(SurveyRow).where(SurveyRow.interaction_id == row.id))
            )
        mine = [a for a in answers if not a.id.startswith("srv-int")]
        assert mine and mine[-1].type in ("csat", "nps_transactional", "ces")
    finally:
        await sim._http.aclose()
