"""Simulated customers who write e-mails through the real gateway (``POST /gateway/emails``).

E-mails arrive as a Poisson process from known customers with an e-mail address, to their
client's mailbox, on the demo topics, some with attachments (listed only). Now and then the
same customer writes again a little later with ``Re:`` the same subject, which joins the
thread. Every failure is logged and survived.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agentdesk.protocol.gateway import EntryPointKind, EntryPointList
from agentdesk.server import demo_text as txt
from agentdesk.server.db.models import CustomerRow
from agentdesk.waiting import wait_event

log = logging.getLogger(__name__)

GATEWAY = "/api/v1/gateway"
_ATTACHMENTS = (
    {"name": "bolletta.pdf", "content_type": "application/pdf", "size": 182_344},
    {"name": "foto_contatore.jpg", "content_type": "image/jpeg", "size": 1_402_113},
    {"name": "documento_identita.pdf", "content_type": "application/pdf", "size": 96_022},
    {"name": "ricevuta_pagamento.png", "content_type": "image/png", "size": 254_870},
)
_SIGN_OFF = ("Cordiali saluti", "Grazie, saluti", "Distinti saluti", "Grazie mille")
_FOLLOW_UP = (
    "Aggiungo una cosa: ho ricontrollato e il problema c'è ancora.",
    "Vi allego quanto richiesto. Attendo vostre notizie.",
    "Scusate, non ho ancora ricevuto risposta. Potete aggiornarmi?",
)


@dataclass(frozen=True)
class MailCustomer:
    address: str
    client_id: str
    name: str


class EmailSimulator:
    """Writes e-mails to the server at ``base_url`` until :meth:`stop`."""

    def __init__(
        self,
        base_url: str,
        gateway_key: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        rate_per_min: float = 1.0,
        seed: int | None = None,
        time_scale: float = 1.0,
        follow_up_share: float = 0.3,
    ) -> None:
        if rate_per_min <= 0:
            raise ValueError("rate_per_min must be positive")
        self.base_url = base_url.rstrip("/")
        self._key = gateway_key
        self._sessions = sessionmaker
        self.rate_per_min = rate_per_min
        self.time_scale = time_scale
        self.follow_up_share = follow_up_share
        self._rng = random.Random(seed)
        self._stopping = asyncio.Event()
        self._http: httpx.AsyncClient | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        #: Counters, for logs and tests.
        self.sent = 0
        self.followed_up = 0

    async def run(self) -> None:
        self._stopping.clear()
        self._http = httpx.AsyncClient(
            base_url=self.base_url + GATEWAY,
            headers={"X-Gateway-Key": self._key},
            timeout=httpx.Timeout(10.0, connect=5.0),
            verify=self.base_url.startswith("https://"),  # no CA bundle to load for http
        )
        try:
            customers = await self._customers()
            mailboxes = await self._mailboxes()
            customers = [c for c in customers if c.client_id in (mailboxes or {})]
            if not customers or not mailboxes:
                log.warning("e-mail simulator: no customers with a mailbox to write to")
                await self._stopping.wait()
                return
            log.info(
                "e-mail simulator: %d customers, %.1f e-mails/min",
                len(customers),
                self.rate_per_min,
            )
            # The first e-mail comes soon, so a demo shows one in its first minute.
            gap = self._rng.uniform(5.0, 20.0) * self.time_scale
            while not self._stopping.is_set():
                if not await self._sleep(gap):
                    return
                await self._write(self._rng.choice(customers), mailboxes)
                gap = self._rng.expovariate(self.rate_per_min / 60.0)
        finally:
            self._stopping.set()
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await self._http.aclose()
            self._http = None

    async def stop(self) -> None:
        self._stopping.set()

    async def _sleep(self, seconds: float) -> bool:
        return not await wait_event(self._stopping, seconds)

    async def _customers(self) -> list[MailCustomer]:
        async with self._sessions() as session:
            rows = await session.execute(
                select(CustomerRow.email, CustomerRow.client_id, CustomerRow.name)
                .where(CustomerRow.email.is_not(None), CustomerRow.is_prospect.is_(False))
                .order_by(CustomerRow.id)
            )
            return [MailCustomer(e, c, n) for e, c, n in rows if e and "@" in e]

    async def _mailboxes(self) -> dict[str, str] | None:
        delay = 0.25
        while not self._stopping.is_set():
            body = await self._request("GET", "/entry-points")
            if body is not None:
                try:
                    listing = EntryPointList.model_validate(body)
                except ValueError as exc:
                    log.warning("e-mail simulator: unexpected entry points: %s", exc)
                    return None
                return {
                    ep.client_id: ep.address
                    for ep in listing.items
                    if ep.kind is EntryPointKind.EMAIL
                }
            if not await self._sleep(delay):
                break
            delay = min(delay * 2, 10.0)
        return None

    def compose(self, customer: MailCustomer, mailbox: str) -> dict[str, Any]:
        """One e-mail on a demo topic the customer's client handles."""
        topics = [
            t
            for t in txt.TOPICS
            if not (t.energy_only and customer.client_id != "energia")
            and not (t.water_only and customer.client_id != "lario")
        ] or list(txt.TOPICS)
        topic = self._rng.choice(topics)
        opening = self._rng.choice(topic.openings)
        detail = self._rng.choice(topic.follow_ups)
        body = f"{opening}\n\n{detail}\n\n{self._rng.choice(_SIGN_OFF)},\n{customer.name}"
        count = self._rng.choice((0, 0, 1, 2))
        return {
            "from": customer.address,
            "to": mailbox,
            "subject": self._rng.choice(topic.subjects),
            "body": body,
            "attachments": self._rng.sample(_ATTACHMENTS, count),
        }

    async def _write(self, customer: MailCustomer, mailboxes: dict[str, str]) -> None:
        mail = self.compose(customer, mailboxes[customer.client_id])
        if await self._request("POST", "/emails", json=mail) is None:
            return
        self.sent += 1
        if self._rng.random() < self.follow_up_share:
            task = asyncio.create_task(self._follow_up(customer, mail))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _follow_up(self, customer: MailCustomer, first: dict[str, Any]) -> None:
        if not await self._sleep(self._rng.uniform(30.0, 120.0) * self.time_scale):
            return
        reply = {
            "from": customer.address,
            "to": first["to"],
            "subject": f"Re: {first['subject']}",
            "body": f"{self._rng.choice(_FOLLOW_UP)}\n\n{customer.name}",
            "attachments": [],
        }
        if await self._request("POST", "/emails", json=reply) is not None:
            self.followed_up += 1

    async def _request(self, method: str, path: str, json: Any = None) -> Any:
        if self._http is None:
            return None
        try:
            response = await self._http.request(method, path, json=json)
        except httpx.HTTPError as exc:
            log.info("e-mail simulator: %s %s failed: %s", method, path, exc)
            return None
        if response.status_code >= 400:
            log.warning(
                "e-mail simulator: %s %s -> %d %s",
                method,
                path,
                response.status_code,
                response.text[:200],
            )
            return None
        return response.json()
