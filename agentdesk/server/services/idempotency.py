"""Apply a retried mutation once and give every replay the first answer.

The stored record is inserted *before* the mutation runs, in the same transaction: a
concurrent duplicate blocks on the primary key (PostgreSQL) or on the single writer
(SQLite), then finds the committed answer. A failed mutation rolls its record back, so the
client may retry it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from agentdesk.server.context import ServerContext, UnitOfWork
from agentdesk.server.db.models import IdempotencyRow
from agentdesk.server.errors import Conflict

Operation = Callable[[UnitOfWork], Awaitable[BaseModel | None]]

#: How long a key is remembered.
KEY_TTL = timedelta(hours=24)


def fingerprint(method: str, path: str, body: BaseModel | None) -> str:
    """What the request asked for, minus the key itself."""
    payload = body.model_dump(mode="json", exclude={"idempotency_key"}) if body else None
    raw = json.dumps([method.upper(), path, payload], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()


def _response(status: int, body: str, *, replayed: bool) -> Response:
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    return Response(
        content=body if status != 204 else None,
        status_code=status,
        media_type="application/json" if status != 204 else None,
        headers=headers,
    )


def _encode(result: BaseModel | None) -> str:
    if result is None:
        return ""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def _replay(row: IdempotencyRow, request_hash: str) -> Response:
    if row.request_hash != request_hash:
        raise Conflict(
            "this idempotency key was already used for a different request",
            code="idempotency_key_reused",
        )
    return _response(row.status_code, row.body, replayed=True)


async def run_once(
    ctx: ServerContext,
    *,
    principal: str,
    key: str | None,
    request_hash: str,
    operation: Operation,
    status: int = 200,
) -> Response:
    """Run ``operation`` in a transaction, at most once per ``(principal, key)``."""
    if key is None:
        async with ctx.transaction() as uow:
            result = await operation(uow)
        return _response(status, _encode(result), replayed=False)
    try:
        async with ctx.transaction() as uow:
            stored = await uow.session.scalar(
                select(IdempotencyRow).where(
                    IdempotencyRow.principal == principal, IdempotencyRow.key == key
                )
            )
            if stored is not None:
                return _replay(stored, request_hash)
            record = IdempotencyRow(
                principal=principal,
                key=key,
                request_hash=request_hash,
                status_code=0,
                body="",
                created_at=uow.now,
            )
            uow.session.add(record)
            await uow.session.flush()  # a concurrent twin waits here (PostgreSQL)
            result = await operation(uow)
            record.status_code = status
            record.body = _encode(result)
        return _response(status, record.body, replayed=False)
    except IntegrityError:
        async with ctx.db.read() as session:
            stored = await session.scalar(
                select(IdempotencyRow).where(
                    IdempotencyRow.principal == principal, IdempotencyRow.key == key
                )
            )
        if stored is None:
            raise
        return _replay(stored, request_hash)


async def prune(ctx: ServerContext, now: datetime) -> int:
    async with ctx.db.write() as session:
        result = await session.execute(
            delete(IdempotencyRow).where(IdempotencyRow.created_at < now - KEY_TTL)
        )
    return int(getattr(result, "rowcount", 0) or 0)
