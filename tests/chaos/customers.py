"""Customers who keep chatting through the gateway REST API, whatever the network does.

Each customer opens a chat, writes a few lines at random intervals and ends it, then comes
back with a new chat. Every write carries an ``Idempotency-Key`` and is retried with the same
key until the server answers, so a line is stored once even when the answer is lost. A line
the server refuses (e.g. the chat has ended) is recorded as refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

log = logging.getLogger(__name__)


@dataclass
class CrowdLog:
    #: text -> interaction id of every line the server acknowledged.
    sent: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    chats: list[str] = field(default_factory=list)
    retries: int = 0


class Crowd:
    """``size`` customers (one chat handle each) writing until :meth:`stop`."""

    def __init__(
        self,
        base_url: str,
        gateway_key: str,
        handles: list[str],
        entry_point: str,
        rng: random.Random,
        *,
        lines_per_chat: tuple[int, int] = (2, 5),
        pause_s: tuple[float, float] = (0.05, 0.4),
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=f"{base_url}/api/v1/gateway",
            headers={"X-Gateway-Key": gateway_key},
            timeout=httpx.Timeout(3.0, connect=2.0),
        )
        self._handles = handles
        self._entry_point = entry_point
        self._rng = rng
        self._lines = lines_per_chat
        self._pause = pause_s
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.log = CrowdLog()
        self._counter = 0

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._customer(h)) for h in self._handles]

    async def stop(self) -> None:
        """Stop writing (a line being retried is finished first, so the tally is exact)."""
        self._stopping.set()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._http.aclose()

    async def _customer(self, handle: str) -> None:
        while not self._stopping.is_set():
            first = self._text(handle)
            created = await self._post("/chats", {"from": handle, "entry_point":
                                                  self._entry_point, "text": first})
            if created is None:
                await self._pause_a_bit()
                continue
            iid = str(created["interaction_id"])
            self.log.chats.append(iid)
            self.log.sent[first] = iid
            for _ in range(self._rng.randint(*self._lines)):
                if not await self._pause_a_bit():
                    return
                text = self._text(handle)
                if await self._post(f"/chats/{iid}/messages", {"text": text}) is not None:
                    self.log.sent[text] = iid
                else:
                    self.log.refused.append(text)
            if not await self._pause_a_bit():
                return
            await self._post(f"/chats/{iid}/end", None)

    def _text(self, handle: str) -> str:
        self._counter += 1
        return f"Cliente {handle} riga {self._counter}"

    async def _pause_a_bit(self) -> bool:
        """False when stopping."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), self._rng.uniform(*self._pause))
        return not self._stopping.is_set()

    async def _post(self, path: str, body: dict[str, Any] | None) -> dict[str, Any] | None:
        """POST until the server answers (same key each time); None if it refused."""
        key = uuid.uuid4().hex
        delay = 0.05
        for _ in range(400):
            try:
                r = await self._http.post(path, json=body, headers={"Idempotency-Key": key})
            except httpx.TransportError:
                self.log.retries += 1
                await asyncio.sleep(delay)
                delay = min(delay * 2, 1.0)
                continue
            if r.status_code >= 500:
                raise AssertionError(f"the server failed: {r.status_code} {r.text}")
            if r.status_code >= 400:
                log.info("gateway refused %s: %s", path, r.text)
                return None
            return dict(r.json()) if r.content else {}
        raise AssertionError(f"POST {path} never got an answer")
