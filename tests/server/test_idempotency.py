"""Retried mutations are applied once and every replay gets the first answer."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from agentdesk.server.db import Database
from agentdesk.server.db.models import MessageRow, NoteRow
from tests.conftest import LiveServer
from tests.server.helpers import customer, error_code, key, operator, stream


async def _count(server: LiveServer, model: type[MessageRow] | type[NoteRow], **where: str) -> int:
    db = Database(server.settings.database_url)
    try:
        async with db.read() as session:
            stmt = select(func.count()).select_from(model)
            for column, value in where.items():
                stmt = stmt.where(getattr(model, column) == value)
            return int(await session.scalar(stmt) or 0)
    finally:
        await db.dispose()


async def test_a_replayed_message_is_applied_once_with_the_same_answer(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as op,
        customer(live_server) as c,
        stream(live_server, op.token) as events,
    ):
        await op.ready()
        iid = await c.open_chat()
        await events.event("interaction.offered")
        await op.accept(iid)
        idem = key()
        first = await op.send(iid, "Buongiorno!", idem)
        again = await op.send(iid, "Buongiorno!", idem)
        assert first.status_code == again.status_code == 201
        assert first.json() == again.json()
        assert again.headers.get("Idempotent-Replayed") == "true"
        assert await _count(live_server, MessageRow, interaction_id=iid, direction="outbound") == 1
        # Same key, different request: refused, nothing applied.
        other = await op.send(iid, "Something else", idem)
        assert other.status_code == 409
        assert error_code(other) == "idempotency_key_reused"
        assert await _count(live_server, MessageRow, interaction_id=iid, direction="outbound") == 1


async def test_concurrent_duplicates_are_applied_once(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as op:
        idem = key()
        body = {"text": "Richiamare lunedì.", "idempotency_key": idem}
        answers = await asyncio.gather(
            *(op.http.post("/customers/cus-lario-001/notes", json=body) for _ in range(8))
        )
        assert {r.status_code for r in answers} == {201}
        assert len({r.text for r in answers}) == 1
        assert await _count(live_server, NoteRow, text="Richiamare lunedì.") == 1


async def test_a_failed_mutation_is_not_remembered(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as op, customer(live_server) as c:
        iid = await c.open_chat()
        idem = key()
        # Not offered to mario (he is offline): refused, and the key stays usable.
        r = await op.send(iid, "Buongiorno", idem)
        assert r.status_code == 409
        r = await op.send(iid, "Buongiorno", idem)
        assert r.status_code == 409
        assert r.headers.get("Idempotent-Replayed") is None


async def test_idempotency_key_header_on_other_mutations(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as op,
        customer(live_server) as c,
        stream(live_server, op.token) as events,
    ):
        await op.ready()
        headers = {"Idempotency-Key": key()}
        body = {"from": "tizio.caio", "entry_point": "web-lario", "text": "Salve"}
        first = await c.http.post("/gateway/chats", json=body, headers=headers)
        again = await c.http.post("/gateway/chats", json=body, headers=headers)
        assert first.status_code == again.status_code == 201
        assert first.json() == again.json()
        iid = first.json()["interaction_id"]
        await events.event("interaction.offered")
        accept_key = {"Idempotency-Key": key()}
        a = await op.http.post(f"/interactions/{iid}/accept", headers=accept_key)
        b = await op.http.post(f"/interactions/{iid}/accept", headers=accept_key)
        assert a.status_code == b.status_code == 200
        assert a.json() == b.json()
        # Without the key the second accept is a conflict: it is already active.
        c2 = await op.http.post(f"/interactions/{iid}/accept")
        assert c2.status_code == 409
