"""LocalCache: stream positions and the outbox in SQLite, off the event loop's thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from agentdesk.client.cache import LocalCache, default_cache_path

A = "http://127.0.0.1:1"
B = "http://127.0.0.1:2"


async def test_last_seq_per_server_and_agent_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = LocalCache(path)
    assert await cache.last_seq(A, "mario") == 0
    await cache.set_last_seq(A, "mario", 7)
    await cache.set_last_seq(A, "mario", 8)
    await cache.set_last_seq(B, "mario", 3)
    await cache.set_last_seq(A, "giulia", 5)
    await cache.aclose()

    again = LocalCache(path)
    try:
        assert await again.last_seq(A, "mario") == 8
        assert await again.last_seq(B, "mario") == 3
        assert await again.last_seq(A, "giulia") == 5
        assert await again.last_seq(B, "giulia") == 0
    finally:
        await again.aclose()


async def test_outbox_rows_keep_order_key_and_payload(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = LocalCache(path)
    first = await cache.outbox_add(
        A,
        "mario",
        kind="message",
        target_id="i1",
        payload={"text": "uno"},
        idempotency_key="key-0001",
    )
    await cache.outbox_add(
        A,
        "mario",
        kind="wrapup",
        target_id="i1",
        payload={"disposition": "altro", "notes": "", "resolved": True},
        idempotency_key="key-0002",
    )
    await cache.outbox_add(
        A,
        "giulia",
        kind="message",
        target_id="i9",
        payload={"text": "x"},
        idempotency_key="key-0003",
    )
    await cache.outbox_attempted(first.id, "connection refused")
    await cache.aclose()

    again = LocalCache(path)
    try:
        rows = await again.outbox_pending(A, "mario")
        assert [r.idempotency_key for r in rows] == ["key-0001", "key-0002"]
        assert rows[0].payload == {"text": "uno"}
        assert rows[0].attempts == 1 and rows[0].last_error == "connection refused"
        assert rows[1].payload["resolved"] is True
        assert rows[0].created_at.tzinfo is not None
        await again.outbox_remove(rows[0].id)
        assert [r.idempotency_key for r in await again.outbox_pending(A, "mario")] == ["key-0002"]
        assert await again.outbox_pending(B, "mario") == []
    finally:
        await again.aclose()


async def test_database_work_runs_off_the_loop_thread(tmp_path: Path) -> None:
    cache = LocalCache(tmp_path / "c.sqlite3")
    try:
        worker = await cache._run(lambda _db: threading.get_ident())
        assert worker != threading.get_ident()
    finally:
        await cache.aclose()


async def test_default_path_is_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_cache_path() == tmp_path / "data" / "AgentDesk" / "client-cache.sqlite3"
    cache = LocalCache()
    try:
        await cache.set_last_seq(A, "mario", 1)
        assert (tmp_path / "data" / "AgentDesk" / "client-cache.sqlite3").exists()
    finally:
        await cache.aclose()


async def test_closed_cache_refuses_work(tmp_path: Path) -> None:
    cache = LocalCache(":memory:")
    await cache.set_last_seq(A, "mario", 2)
    assert await cache.last_seq(A, "mario") == 2
    await cache.aclose()
    await cache.aclose()
    with pytest.raises(RuntimeError):
        await cache.last_seq(A, "mario")
