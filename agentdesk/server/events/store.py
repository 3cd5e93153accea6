"""The per-agent event store: seq allocation without gaps, backlog reads, retention."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, bindparam, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from agentdesk.protocol.events import EventType
from agentdesk.server.db.models import EventRow, EventStreamRow


@dataclass(frozen=True, slots=True)
class StoredEvent:
    agent_id: str
    seq: int
    frame: str  # the JSON sent on the wire


def encode_frame(seq: int, type_: EventType, ts: datetime, data: BaseModel | dict[str, Any]) -> str:
    payload = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    iso = ts.isoformat().replace("+00:00", "Z")
    return json.dumps(
        {"seq": seq, "type": type_.value, "ts": iso, "data": payload},
        separators=(",", ":"),
        ensure_ascii=False,
    )


async def ensure_stream(session: AsyncSession, agent_id: str) -> None:
    """Create the agent's stream row if missing (at account creation)."""
    exists = await session.get(EventStreamRow, agent_id)
    if exists is None:
        session.add(EventStreamRow(agent_id=agent_id, last_seq=0))
        await session.flush()


#: Built once: these run for every event, and building a statement costs more than running it.
_NEXT_SEQ = (
    update(EventStreamRow)
    .where(EventStreamRow.agent_id == bindparam("agent"))
    .values(last_seq=EventStreamRow.last_seq + 1)
    .returning(EventStreamRow.last_seq)
)
_INSERT_EVENT = insert(EventRow)


async def allocate_seq(
    session: AsyncSession, agent_id: str, conn: AsyncConnection | None = None
) -> int:
    """The next seq of the agent's stream, inside the caller's transaction.

    ``UPDATE ... RETURNING`` takes the row lock on PostgreSQL (a concurrent writer waits for
    our commit, so seqs commit in order and a rollback leaves no gap); SQLite has a single
    writer. Both statements of an event run on the session's connection as plain SQL: the
    ORM has nothing to track in them.
    """
    if conn is None:
        conn = await session.connection()
    seq = (await conn.execute(_NEXT_SEQ, {"agent": agent_id})).scalar_one_or_none()
    if seq is None:
        await ensure_stream(session, agent_id)
        return await allocate_seq(session, agent_id)
    return int(seq)


async def append(
    session: AsyncSession,
    agent_id: str,
    type_: EventType,
    data: BaseModel | dict[str, Any],
    now: datetime,
    *,
    conn: AsyncConnection | None = None,
) -> StoredEvent:
    """Store an event in the caller's transaction (``conn``: its connection, when at hand)."""
    if conn is None:
        conn = await session.connection()
    seq = await allocate_seq(session, agent_id, conn)
    frame = encode_frame(seq, type_, now, data)
    await conn.execute(
        _INSERT_EVENT,
        {"agent_id": agent_id, "seq": seq, "type": type_.value, "created_at": now, "frame": frame},
    )
    return StoredEvent(agent_id, seq, frame)


async def last_seq(session: AsyncSession, agent_id: str) -> int:
    value = await session.scalar(
        select(EventStreamRow.last_seq).where(EventStreamRow.agent_id == agent_id)
    )
    return int(value or 0)


async def first_retained_seq(session: AsyncSession, agent_id: str) -> int | None:
    value = await session.scalar(
        select(func.min(EventRow.seq)).where(EventRow.agent_id == agent_id)
    )
    return None if value is None else int(value)


async def read_after(
    session: AsyncSession, agent_id: str, since: int, limit: int = 500
) -> list[StoredEvent]:
    """Events with ``seq > since`` in order, at most ``limit``."""
    rows = await session.execute(
        select(EventRow.seq, EventRow.frame)
        .where(EventRow.agent_id == agent_id, EventRow.seq > since)
        .order_by(EventRow.seq)
        .limit(limit)
    )
    return [StoredEvent(agent_id, int(seq), frame) for seq, frame in rows]


async def prune(
    session: AsyncSession, now: datetime, retention_s: int, retention_count: int
) -> int:
    """Delete events that are both older than ``retention_s`` and beyond the newest
    ``retention_count`` of their agent. Returns how many were deleted."""
    cutoff = now - timedelta(seconds=retention_s)
    keep_from = (
        select(EventStreamRow.last_seq - retention_count)
        .where(EventStreamRow.agent_id == EventRow.agent_id)
        .scalar_subquery()
    )
    result = await session.execute(
        delete(EventRow).where(and_(EventRow.created_at < cutoff, EventRow.seq <= keep_from))
    )
    return int(getattr(result, "rowcount", 0) or 0)
