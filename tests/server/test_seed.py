"""The demo seed (``--demo``): what it creates, that it runs once, that it is repeatable."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from agentdesk.server.config import ServerSettings
from agentdesk.server.db.canned_models import CannedResponseRow
from agentdesk.server.db.database import Database
from agentdesk.server.db.kb_models import KbArticleRow
from agentdesk.server.db.models import (
    AgentRow,
    Base,
    ClientRow,
    CustomerRow,
    EntryPointRow,
    EventStreamRow,
    InteractionRow,
    InvoiceRow,
    MessageRow,
    NoteRow,
    QueueRow,
    TeamRow,
)
from agentdesk.server.security import verify_password
from agentdesk.server.seed import seed

DEMO_ACCOUNTS = {
    "mario": "operator",
    "giulia": "trainee",
    "sara": "tutor",
    "luca": "team_leader",
    "admin": "admin",
}
COUNTED: list[type[Base]] = [
    ClientRow,
    QueueRow,
    EntryPointRow,
    TeamRow,
    AgentRow,
    CustomerRow,
    InvoiceRow,
    InteractionRow,
    MessageRow,
    NoteRow,
    KbArticleRow,
]


async def _open(path: Path) -> Database:
    db = Database(f"sqlite+aiosqlite:///{path}")
    await db.migrate()
    return db


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await _open(tmp_path / "seed.sqlite3")
    yield database
    await database.dispose()


def _settings(db: Database, *, demo: bool = True) -> ServerSettings:
    return ServerSettings(database_url=str(db.engine.url), demo=demo, gateway_key="k")


async def _seed(db: Database, *, demo: bool = True) -> None:
    async with db.write() as session:
        await seed(session, _settings(db, demo=demo))


async def _counts(db: Database) -> dict[str, int]:
    async with db.read() as session:
        return {
            m.__tablename__: int(await session.scalar(select(func.count()).select_from(m)) or 0)
            for m in COUNTED
        }


async def test_the_demo_contact_centre(db: Database) -> None:
    started = time.perf_counter()
    await _seed(db)
    assert time.perf_counter() - started < 5.0
    now = datetime.now(UTC)

    counts = await _counts(db)
    assert counts["clients"] == 2
    assert counts["teams"] == 2  # the squads of the competition
    assert 180 <= counts["customers"] <= 220
    assert counts["kb_articles"] >= 12
    assert counts["invoices"] > counts["customers"]
    assert counts["interactions"] > 0 and counts["notes"] > 0

    async with db.read() as session:
        lario = await session.get(ClientRow, "lario")
        energia = await session.get(ClientRow, "energia")
        assert lario is not None and energia is not None
        assert (lario.name, lario.color) == ("Lario Acque", "#1f6fb2")
        assert (energia.name, energia.color) == ("Energia Nova", "#d9822b")
        for client in (lario, energia):
            codes = {d["code"] for d in client.dispositions}
            assert {"info_bolletta", "autolettura", "pagamento", "reclamo", "altro"} <= codes

        eps = {ep.id: ep for ep in (await session.scalars(select(EntryPointRow))).all()}
        assert (eps["web-lario"].kind, eps["web-lario"].queue_id) == ("chat", "chat-lario")
        assert (eps["web-energia"].kind, eps["web-energia"].queue_id) == ("chat", "chat-energia")
        for queue_id in ("chat-lario", "chat-energia"):
            queue = await session.get(QueueRow, queue_id)
            assert queue is not None and queue.skill == "chat"

        team = await session.get(TeamRow, "squadra-2")
        assert team is not None and team.name == "Squadra Delfini"
        agents = {a.username: a for a in (await session.scalars(select(AgentRow))).all()}
        assert team.captain_id == agents["luca"].id
        for username, role in DEMO_ACCOUNTS.items():
            assert agents[username].role == role
            assert verify_password("demo", agents[username].password_hash), username
            assert agents[username].state == "offline"
        mario = agents["mario"]
        assert set(mario.skills) >= {"chat", "voice", "email"}
        assert set(mario.clients) == {"lario", "energia"}
        assert mario.max_chats == 3 and mario.team_id == "squadra-2"
        assert agents["giulia"].max_chats == 1

        customers = (await session.scalars(select(CustomerRow))).all()
        assert {c.client_id for c in customers} == {"lario", "energia"}
        handles = [(c.client_id, c.chat_handle) for c in customers]
        assert all(h for _, h in handles) and len(set(handles)) == len(handles)
        assert all(c.phone and c.email for c in customers)
        assert all(c.created_at.tzinfo is not None for c in customers)

        invoices = (await session.scalars(select(InvoiceRow))).all()
        assert {"paid", "open"} <= {i.status for i in invoices}
        assert all(i.amount_cents > 0 and i.issued_at.tzinfo is not None for i in invoices)

        history = (await session.scalars(select(InteractionRow))).all()
        assert all(i.created_at < now for i in history)
        assert all(i.created_at > now - timedelta(days=100) for i in history)
        for i in history:
            if i.status == "closed":
                client = lario if i.client_id == "lario" else energia
                assert i.disposition in {d["code"] for d in client.dispositions}


async def test_seeding_twice_changes_nothing(db: Database) -> None:
    await _seed(db)
    before = await _counts(db)
    await _seed(db)
    assert await _counts(db) == before


async def test_a_demo_centre_seeded_by_an_older_version_gets_what_it_lacks(db: Database) -> None:
    # A centre seeded before the voice operator and the canned responses existed: the next
    # start adds them (and only them), as the first start would have.
    await _seed(db)
    complete = await _counts(db)
    async with db.write() as session:
        await session.execute(
            delete(CannedResponseRow).where(CannedResponseRow.client_id == "lario")
        )
        await session.execute(delete(EventStreamRow).where(EventStreamRow.agent_id == "a-anna"))
        await session.execute(delete(AgentRow).where(AgentRow.id == "a-anna"))
    assert (await _counts(db))["agents"] == complete["agents"] - 1
    await _seed(db)
    assert await _counts(db) == complete
    async with db.read() as session:
        anna = await session.get(AgentRow, "a-anna")
        canned = await session.scalar(
            select(func.count()).where(CannedResponseRow.client_id == "lario")
        )
    assert anna is not None and verify_password("demo", anna.password_hash)
    assert canned


async def test_no_demo_accounts_without_demo(db: Database) -> None:
    await _seed(db, demo=False)
    counts = await _counts(db)
    assert counts["clients"] == 0 and counts["customers"] == 0
    async with db.read() as session:
        usernames = set((await session.scalars(select(AgentRow.username))).all())
    assert not usernames & set(DEMO_ACCOUNTS)


async def _people(db: Database) -> list[tuple[Any, ...]]:
    async with db.read() as session:
        rows = await session.execute(
            select(
                CustomerRow.id,
                CustomerRow.name,
                CustomerRow.chat_handle,
                CustomerRow.phone,
                CustomerRow.segment,
            ).order_by(CustomerRow.id)
        )
        return [tuple(r) for r in rows]


async def test_the_seed_is_repeatable(tmp_path: Path) -> None:
    people = []
    for name in ("a.sqlite3", "b.sqlite3"):
        db = await _open(tmp_path / name)
        try:
            await _seed(db)
            people.append(await _people(db))
        finally:
            await db.dispose()
    assert people[0] == people[1]
