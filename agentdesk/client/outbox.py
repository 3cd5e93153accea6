"""``Outbox``: mutations the operator made, kept until the server acknowledges them.

A mutation (chat reply, wrap-up, customer note) is written to the local cache with its
idempotency key *before* it is sent. Delivery goes strictly in order, one at a time; a
transport failure stops the round and leaves the entry for the next one (after a reconnect
or the next start of the desktop), always with the same key, so the server applies it once.
An acknowledged entry is removed; a 4xx refusal drops the entry and reports it.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any

from agentdesk.client.cache import LocalCache, OutboxRecord
from agentdesk.client.rest import ApiClient, ApiError, NetworkError

log = logging.getLogger(__name__)

#: 4xx answers that say nothing about the mutation itself: keep it and try again later.
_RETRYABLE_4XX = frozenset({401, 408, 425, 429})
#: Interaction statuses that mean the conversation is over (a late reply is refused).
_OVER = ("wrap_up", "closed", "abandoned")


class OutboxKind(StrEnum):
    MESSAGE = "message"  # payload: text
    WRAPUP = "wrapup"  # payload: disposition, notes, resolved
    NOTE = "note"  # payload: text


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


DeliveredCallback = Callable[[OutboxRecord, Any], None]
DroppedCallback = Callable[[OutboxRecord, ApiError], None]


class Outbox:
    """Stores, sends in order and acknowledges one agent's mutations on one server."""

    def __init__(
        self,
        api: ApiClient,
        cache: LocalCache,
        server_url: str,
        agent_id: str,
        *,
        on_delivered: DeliveredCallback | None = None,
        on_dropped: DroppedCallback | None = None,
    ) -> None:
        """``on_delivered(entry, answer)`` gets the server's parsed answer (a ``Message``,
        an ``Interaction`` or the note's JSON); ``on_dropped(entry, error)`` a 4xx refusal."""
        self._api = api
        self._cache = cache
        self._server = server_url
        self._agent = agent_id
        self._on_delivered = on_delivered
        self._on_dropped = on_dropped
        self._lock = asyncio.Lock()

    async def submit(
        self,
        kind: OutboxKind,
        target_id: str,
        payload: dict[str, Any],
        idempotency_key: str | None = None,
    ) -> OutboxRecord:
        """Store a mutation; it is sent by the next :meth:`flush`."""
        return await self._cache.outbox_add(
            self._server,
            self._agent,
            kind=kind.value,
            target_id=target_id,
            payload=payload,
            idempotency_key=idempotency_key or new_idempotency_key(),
        )

    async def pending(self) -> list[OutboxRecord]:
        return await self._cache.outbox_pending(self._server, self._agent)

    async def flush(self) -> bool:
        """Send every stored entry in order; True when the outbox is empty afterwards.

        A transport failure (or a retryable refusal) ends the round early: later entries
        wait, so the server never sees them out of order.
        """
        async with self._lock:
            for entry in await self.pending():
                if not await self._deliver(entry):
                    return False
            return True

    async def _deliver(self, entry: OutboxRecord) -> bool:
        """True if the entry is done (acknowledged or dropped), False to stop the round."""
        try:
            answer = await self._send(entry)
        except NetworkError as exc:
            log.info("outbox: %s %s not delivered yet: %s", entry.kind, entry.target_id, exc)
            await self._cache.outbox_attempted(entry.id, str(exc))
            return False
        except ApiError as exc:
            if 400 <= exc.status < 500 and exc.status not in _RETRYABLE_4XX:
                # A reply to a customer who has just left is refused with 409 and the chat's
                # new status: an everyday race, shown to the operator, not a fault to log.
                over = exc.status == 409 and (exc.details or {}).get("status") in _OVER
                log.log(
                    logging.INFO if over else logging.WARNING,
                    "outbox: %s %s refused, dropped: %s",
                    entry.kind,
                    entry.target_id,
                    exc,
                )
                await self._cache.outbox_remove(entry.id)
                self._report(self._on_dropped, entry, exc)
                return True
            log.warning("outbox: %s %s failed, kept: %s", entry.kind, entry.target_id, exc)
            await self._cache.outbox_attempted(entry.id, str(exc))
            return False
        await self._cache.outbox_remove(entry.id)
        self._report(self._on_delivered, entry, answer)
        return True

    async def _send(self, entry: OutboxRecord) -> Any:
        p = entry.payload
        key = entry.idempotency_key
        if entry.kind == OutboxKind.MESSAGE:
            return await self._api.send_message(entry.target_id, str(p["text"]), key)
        if entry.kind == OutboxKind.WRAPUP:
            return await self._api.wrapup(
                entry.target_id,
                str(p["disposition"]),
                str(p.get("notes", "")),
                bool(p["resolved"]),
                key,
            )
        if entry.kind == OutboxKind.NOTE:
            return await self._api.add_note(entry.target_id, str(p["text"]), key)
        raise ApiError(400, "bad_request", f"unknown outbox entry kind {entry.kind!r}")

    @staticmethod
    def _report(
        callback: Callable[[OutboxRecord, Any], Awaitable[None] | None] | None,
        entry: OutboxRecord,
        value: Any,
    ) -> None:
        if callback is None:
            return
        try:
            callback(entry, value)
        except Exception:  # a listener's bug must not lose the rest of the outbox
            log.exception("outbox callback failed")
