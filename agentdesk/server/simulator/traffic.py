"""Simulated customers who chat through the real channel gateway over HTTP on loopback.

One :class:`TrafficSimulator` opens chats as a Poisson process, listens to the gateway
websocket (one shared connection) and plays each customer in its own task: wait for an
operator (or give up), answer the operator's messages like a person would (a pause, the
typing indicator, a plausible Italian reply for the topic), thank and leave after a few
exchanges. Every HTTP or websocket failure is logged and survived; nothing here can take the
server down.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

from agentdesk.protocol.gateway import EntryPointKind, EntryPointList, GatewayEvent
from agentdesk.protocol.gateway import GatewayEventType as G
from agentdesk.server import demo_text as txt
from agentdesk.server.db.models import CustomerRow
from agentdesk.waiting import wait_event

log = logging.getLogger(__name__)

GATEWAY = "/api/v1/gateway"
#: Events for chats not (yet) known are kept briefly: an operator can be faster than the
#: answer to ``POST /gateway/chats``.
_ORPHANS_KEPT = 500
_GENERIC_REPLIES = (
    "Ok, capisco.",
    "E quindi adesso cosa devo fare?",
    "Va bene. Ci sono tempi previsti?",
    "Mi può mandare un riepilogo per email?",
)
_GENERIC_IRRITATED = (
    "Sì, ma io intanto come faccio?",
    "Mi sembra tutto molto complicato.",
    "Spero che stavolta sia la volta buona.",
)


@dataclass(frozen=True)
class SimCustomer:
    """Who can come in: a known customer with a chat identity at one client."""

    handle: str
    client_id: str
    name: str
    customer_id: str = ""


#: Share of finished chats whose customer answers the survey.
SURVEY_SHARE = 0.35
SURVEY_COMMENTS_HIGH = ("", "Gentilissimi, grazie.", "Risposta veloce e chiara.", "")
SURVEY_COMMENTS_LOW = ("", "Ho dovuto ripetere tutto due volte.", "Attesa troppo lunga.")


@dataclass
class _Chat:
    """One simulated conversation."""

    customer: SimCustomer
    topic: txt.Topic
    irritated: bool
    exchanges: int
    inbox: asyncio.Queue[GatewayEvent] = field(default_factory=asyncio.Queue)
    interaction_id: str = ""
    replies: list[str] = field(default_factory=list)


class TrafficSimulator:
    """Customers acting through the gateway of the server at ``base_url``.

    ``time_scale`` multiplies every human delay and the patience window (tests use a small
    one); ``rate_per_min`` is the mean number of chats opened per minute.
    """

    def __init__(
        self,
        base_url: str,
        gateway_key: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        rate_per_min: float = 4.0,
        seed: int | None = None,
        max_concurrent: int = 12,
        time_scale: float = 1.0,
        patience_s: tuple[float, float] = (60.0, 180.0),
        idle_timeout_s: float = 900.0,
        request_timeout_s: float = 10.0,
    ) -> None:
        if rate_per_min <= 0:
            raise ValueError("rate_per_min must be positive")
        self.base_url = base_url.rstrip("/")
        self._key = gateway_key
        self._sessions = sessionmaker
        self.rate_per_min = rate_per_min
        self.max_concurrent = max(1, max_concurrent)
        self.time_scale = time_scale
        self.patience_s = patience_s
        self.idle_timeout_s = idle_timeout_s
        self._request_timeout = request_timeout_s
        self._rng = random.Random(seed)
        self._stopping = asyncio.Event()
        self._ws_connected = asyncio.Event()
        self._slots = asyncio.Semaphore(self.max_concurrent)
        self._chats: dict[str, _Chat] = {}
        self._busy_handles: set[str] = set()
        self._orphans: OrderedDict[str, list[GatewayEvent]] = OrderedDict()
        self._tasks: set[asyncio.Task[None]] = set()
        self._http: httpx.AsyncClient | None = None
        self._ws: ClientConnection | None = None
        #: Counters, for logs and tests.
        self.opened = 0
        self.accepted = 0
        self.replied = 0
        self.abandoned = 0
        self.finished = 0
        #: survey answers sent after finished chats
        self.surveys = 0

    @property
    def ws_url(self) -> str:
        scheme, rest = self.base_url.split("://", 1)
        return f"{'wss' if scheme == 'https' else 'ws'}://{rest}{GATEWAY}/ws"

    @property
    def active_chats(self) -> int:
        return len(self._chats)

    # ---- lifecycle -------------------------------------------------------------------------

    async def run(self) -> None:
        """Open chats until cancelled or :meth:`stop`; cleans up after itself either way."""
        self._stopping.clear()
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"X-Gateway-Key": self._key},
            timeout=httpx.Timeout(self._request_timeout, connect=5.0),
            verify=self.base_url.startswith("https://"),  # no CA bundle to load for http
        )
        listener = asyncio.create_task(self._listen(), name="simulator-gateway-ws")
        try:
            customers = await self._load_customers()
            if not customers:
                log.warning("simulator: no customers with a chat handle; nothing to simulate")
                await self._stopping.wait()
                return
            entry_points = await self._entry_points()
            if entry_points is None:
                return
            customers = [c for c in customers if c.client_id in entry_points]
            if not customers:
                log.warning("simulator: no chat entry point for the customers' clients")
                await self._stopping.wait()
                return
            log.info(
                "simulator: %d customers, %.1f chats/min, at most %d at once",
                len(customers),
                self.rate_per_min,
                self.max_concurrent,
            )
            await wait_event(self._ws_connected, 10.0)
            await self._arrivals(customers, entry_points)
        finally:
            self._stopping.set()
            listener.cancel()
            tasks = [*self._tasks, listener]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self._close()

    async def stop(self) -> None:
        """Ask :meth:`run` to finish; returns at once (``run`` does the cleanup)."""
        self._stopping.set()

    async def _close(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            with contextlib.suppress(Exception):
                await ws.close()
        http, self._http = self._http, None
        if http is not None:
            await http.aclose()

    async def _sleep(self, seconds: float) -> bool:
        """Sleep unless stopping; True if it slept the whole time."""
        return not await wait_event(self._stopping, seconds)

    # ---- set-up ----------------------------------------------------------------------------

    async def _load_customers(self) -> list[SimCustomer]:
        async with self._sessions() as session:
            rows = await session.execute(
                select(
                    CustomerRow.chat_handle, CustomerRow.client_id, CustomerRow.name, CustomerRow.id
                )
                .where(CustomerRow.chat_handle.is_not(None), CustomerRow.is_prospect.is_(False))
                .order_by(CustomerRow.id)
            )
            return [
                SimCustomer(handle=handle, client_id=client_id, name=name, customer_id=cid)
                for handle, client_id, name, cid in rows
                if handle
            ]

    async def _entry_points(self) -> dict[str, str] | None:
        """client id -> chat entry point id; retried until the server answers or we stop."""
        delay = 0.25
        while not self._stopping.is_set():
            body = await self._request("GET", "/entry-points")
            if body is not None:
                try:
                    listing = EntryPointList.model_validate(body)
                except ValidationError as exc:
                    log.warning("simulator: unexpected entry-point list: %s", exc)
                else:
                    found: dict[str, str] = {}
                    for ep in listing.items:
                        if ep.kind is EntryPointKind.CHAT:
                            found.setdefault(ep.client_id, ep.id)
                    return found
            if not await self._sleep(delay):
                break
            delay = min(delay * 2, 10.0)
        return None

    # ---- arrivals --------------------------------------------------------------------------

    async def _arrivals(
        self, customers: Sequence[SimCustomer], entry_points: dict[str, str]
    ) -> None:
        first = True
        while not self._stopping.is_set():
            if not first and not await self._sleep(self._rng.expovariate(self.rate_per_min / 60.0)):
                return
            first = False
            # Bounded: an arrival waits for a free slot (or the end).
            acquire = asyncio.ensure_future(self._slots.acquire())
            stopping = asyncio.ensure_future(self._stopping.wait())
            await asyncio.wait({acquire, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not acquire.done():
                acquire.cancel()
                return
            if self._stopping.is_set():
                self._slots.release()
                return
            free = [c for c in customers if c.handle not in self._busy_handles]
            if not free:
                self._slots.release()
                continue
            customer = self._rng.choice(free)
            chat = self._new_chat(customer)
            self._busy_handles.add(customer.handle)
            task = asyncio.create_task(
                self._customer(chat, entry_points[customer.client_id]),
                name=f"simulator-customer-{customer.handle}",
            )
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _new_chat(self, customer: SimCustomer) -> _Chat:
        rng = self._rng
        topics = [
            t
            for t in txt.TOPICS
            if not (t.energy_only and customer.client_id != "energia")
            and not (t.water_only and customer.client_id != "lario")
        ] or list(txt.TOPICS)
        topic = rng.choice(topics)
        irritated = rng.random() < 0.3
        # Follow-ups are written in conversation order; an irritated customer vents between them.
        pool = list(topic.follow_ups)
        if irritated:
            vents = rng.sample(topic.irritated, k=len(topic.irritated))
            mixed: list[str] = []
            for i, line in enumerate(pool):
                if i < len(vents):
                    mixed.append(vents[i])
                mixed.append(line)
            pool = mixed
        return _Chat(
            customer=customer,
            topic=topic,
            irritated=irritated,
            exchanges=rng.randint(2, 4),
            replies=pool,
        )

    # ---- one customer ----------------------------------------------------------------------

    async def _customer(self, chat: _Chat, entry_point: str) -> None:
        try:
            await self._converse(chat, entry_point)
        except asyncio.CancelledError:
            raise
        except Exception:  # a simulated customer never takes the simulator down
            log.exception("simulator: customer %s failed", chat.customer.handle)
        finally:
            if chat.interaction_id:
                self._chats.pop(chat.interaction_id, None)
            self._busy_handles.discard(chat.customer.handle)
            self._slots.release()

    async def _converse(self, chat: _Chat, entry_point: str) -> None:
        rng = self._rng
        opening = rng.choice(chat.topic.openings)
        if chat.irritated and rng.random() < 0.5:
            opening += " " + rng.choice(chat.topic.irritated)
        created = await self._request(
            "POST",
            "/chats",
            {"from": chat.customer.handle, "entry_point": entry_point, "text": opening},
        )
        interaction_id = created.get("interaction_id") if created else None
        if not isinstance(interaction_id, str):
            return
        chat.interaction_id = interaction_id
        self._chats[interaction_id] = chat
        for early in self._orphans.pop(interaction_id, []):
            chat.inbox.put_nowait(early)
        self.opened += 1
        log.info("simulator: %s opened chat %s", chat.customer.handle, interaction_id)

        # Waiting for an operator, with a customer's patience.
        patience = rng.uniform(*self.patience_s) * self.time_scale
        pending: list[GatewayEvent] = []
        event: GatewayEvent | None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + patience
        accepted = False
        while not accepted:
            event = await self._next(chat, deadline - loop.time())
            if event is None:
                if not self._stopping.is_set():
                    log.info(
                        "simulator: %s gave up waiting on %s", chat.customer.handle, interaction_id
                    )
                    self.abandoned += 1
                    await self._request("POST", f"/chats/{interaction_id}/end")
                return
            if event.type is G.ENDED:
                return
            accepted = True
            if event.type is G.MESSAGE:
                pending.append(event)
        self.accepted += 1

        # The conversation: answer the operator, thank after a few exchanges, leave.
        sent = 0
        while True:
            if not pending:
                event = await self._next(chat, self.idle_timeout_s * max(self.time_scale, 0.01))
                if event is None:
                    if not self._stopping.is_set():
                        await self._request("POST", f"/chats/{interaction_id}/end")
                    return
                if event.type is G.ENDED:
                    self.finished += 1
                    return
                if event.type is not G.MESSAGE:
                    continue
                pending.append(event)
            operator_text = " ".join(str(e.data.get("text", "")) for e in pending)
            pending.clear()
            last = sent + 1 >= chat.exchanges
            reply = self._thanks(chat) if last else self._reply(chat, operator_text)
            if not await self._type_and_send(chat, reply):
                return
            sent += 1
            self.replied += 1
            # Whatever the operator wrote meanwhile belongs to the same turn.
            ended = False
            while not chat.inbox.empty():
                event = chat.inbox.get_nowait()
                if event.type is G.ENDED:
                    ended = True
                elif event.type is G.MESSAGE and not last:
                    pending.append(event)
            if ended:
                self.finished += 1
                await self._survey(chat)
                return
            if last:
                if await self._sleep(rng.uniform(1.0, 4.0) * self.time_scale):
                    await self._request("POST", f"/chats/{interaction_id}/end")
                    self.finished += 1
                    await self._survey(chat)
                return

    async def _survey(self, chat: _Chat) -> None:
        """Some customers answer the survey after the chat (irritated ones score lower)."""
        rng = self._rng
        if not chat.customer.customer_id or rng.random() >= SURVEY_SHARE:
            return
        kind = rng.choice(("csat", "nps_transactional", "ces"))
        low = chat.irritated
        score = {
            "csat": rng.randint(1, 3) if low else rng.randint(4, 5),
            "ces": rng.randint(2, 4) if low else rng.randint(5, 7),
        }.get(kind, rng.randint(0, 6) if low else rng.randint(7, 10))
        comment = rng.choice(SURVEY_COMMENTS_LOW if low else SURVEY_COMMENTS_HIGH)
        await self._request(
            "POST",
            "/surveys",
            {"interaction_id": chat.interaction_id, "customer_id": chat.customer.customer_id,
             "type": kind, "score": score, "comment": comment},
        )  # fmt: skip
        self.surveys += 1

    async def _next(self, chat: _Chat, within_s: float) -> GatewayEvent | None:
        """The chat's next gateway event, or None on timeout or stop."""
        if within_s <= 0 or self._stopping.is_set():
            return None
        getter = asyncio.ensure_future(chat.inbox.get())
        stopping = asyncio.ensure_future(self._stopping.wait())
        try:
            done, _ = await asyncio.wait(
                {getter, stopping}, timeout=within_s, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            stopping.cancel()
            if not getter.done():
                getter.cancel()
        if getter in done:
            return getter.result()
        return None

    async def _type_and_send(self, chat: _Chat, text: str) -> bool:
        """A pause to read, the typing indicator, a typing time, the message."""
        rng = self._rng
        base = f"/chats/{chat.interaction_id}"
        think = rng.uniform(1.5, 4.0)
        typing = min(8.0, len(text) / rng.uniform(5.0, 9.0))
        total = min(12.0, max(3.0, think + typing))
        if not await self._sleep(think / (think + typing) * total * self.time_scale):
            return False
        await self._request("POST", f"{base}/typing", {"typing": True})
        if not await self._sleep(typing / (think + typing) * total * self.time_scale):
            return False
        answer = await self._request("POST", f"{base}/messages", {"text": text})
        return answer is not None

    def _reply(self, chat: _Chat, operator_text: str) -> str:
        """A plausible answer to what the operator wrote, for the chat's topic and mood."""
        rng = self._rng
        asked = operator_text.lower()
        if "codice" in asked or "numero cliente" in asked:
            code = 4_000_000_000 + sum(map(ord, chat.customer.handle)) * 7919 % 999_999_999
            return rng.choice(
                (f"Il codice cliente è {code}.", f"Certo: {code}.", f"Ecco il codice: {code}")
            )
        if "indirizzo" in asked:
            return f"La fornitura è in {rng.choice(txt.STREETS)} {rng.randint(1, 90)}."
        if "email" in asked or "e-mail" in asked:
            return "Sì, l'email è quella che avete in anagrafica."
        if chat.replies:
            return chat.replies.pop(0)
        return rng.choice(_GENERIC_IRRITATED if chat.irritated else _GENERIC_REPLIES)

    def _thanks(self, chat: _Chat) -> str:
        return self._rng.choice(txt.THANKS_IRRITATED if chat.irritated else txt.THANKS)

    # ---- the gateway websocket -------------------------------------------------------------

    async def _listen(self) -> None:
        """Keep one gateway websocket open; reconnect with capped backoff when it drops."""
        delay = 0.25
        while not self._stopping.is_set():
            try:
                async with connect(
                    self.ws_url,
                    additional_headers={"X-Gateway-Key": self._key},
                    open_timeout=self._request_timeout,
                    ping_interval=20,
                    ping_timeout=20,
                ) as ws:
                    self._ws = ws
                    self._ws_connected.set()
                    delay = 0.25
                    log.info("simulator: gateway websocket connected")
                    async for raw in ws:
                        self._dispatch(raw)
                log.info("simulator: gateway websocket closed (%s)", ws.close_code)
            except asyncio.CancelledError:
                raise
            except (OSError, WebSocketException, TimeoutError) as exc:
                log.info("simulator: gateway websocket unavailable: %s", exc)
            except Exception:
                log.exception("simulator: gateway websocket failed")
            finally:
                self._ws = None
                self._ws_connected.clear()
            if not await self._sleep(delay * (0.5 + self._rng.random())):
                return
            delay = min(delay * 2, 10.0)

    def _dispatch(self, raw: str | bytes) -> None:
        try:
            obj: Any = json.loads(raw)
        except ValueError:
            log.warning("simulator: malformed gateway frame dropped")
            return
        if not isinstance(obj, dict) or obj.get("type") not in {t.value for t in G}:
            if isinstance(obj, dict) and obj.get("type") == "error":
                log.warning("simulator: gateway error frame: %s", obj.get("error", obj))
            return  # pings and anything else
        try:
            event = GatewayEvent.model_validate(obj)
        except ValidationError as exc:
            log.warning("simulator: malformed gateway event dropped: %s", exc)
            return
        chat = self._chats.get(event.interaction_id)
        if chat is not None:
            chat.inbox.put_nowait(event)
            return
        early = self._orphans.setdefault(event.interaction_id, [])
        early.append(event)
        while len(self._orphans) > _ORPHANS_KEPT:
            self._orphans.popitem(last=False)

    # ---- HTTP ------------------------------------------------------------------------------

    async def _request(
        self, method: str, path: str, body: dict[str, object] | None = None
    ) -> dict[str, Any] | None:
        """One gateway call; the JSON answer, or None (logged) on any failure."""
        http = self._http
        if http is None:
            return None
        try:
            response = await http.request(method, f"{GATEWAY}{path}", json=body)
        except httpx.HTTPError as exc:
            log.warning("simulator: %s %s failed: %s", method, path, exc or type(exc).__name__)
            return None
        if response.status_code >= 400:
            log.warning(
                "simulator: %s %s -> %d %s", method, path, response.status_code, response.text[:200]
            )
            return None
        try:
            answer: Any = response.json()
        except ValueError:
            return {}
        return answer if isinstance(answer, dict) else {}
