"""The demo contact centre (``--demo``): two clients, a squad, five accounts, ~200 customers.

Deterministic (one ``random.Random(2026)``; ids are counters, not random) apart from the
password hashes' salts, and idempotent: nothing happens when the client ``lario`` exists.
Everything is written in one transaction, so a half-seeded database cannot happen.
"""

from __future__ import annotations

import logging
import random
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agentdesk.server import demo_text as txt
from agentdesk.server.db.models import (
    AgentRow,
    ClientRow,
    CustomerRow,
    EntryPointRow,
    InteractionRow,
    InvoiceRow,
    KbArticleRow,
    MessageRow,
    NoteRow,
    QueueRow,
    SurveyRow,
    TeamRow,
)
from agentdesk.server.security import hash_password

log = logging.getLogger(__name__)

SEED = 2026
DEMO_PASSWORD = "demo"
TEAM_ID = "squadra-2"
CUSTOMER_COUNT = 200

_DISPOSITIONS: list[tuple[str, str]] = [
    ("info_bolletta", "Informazioni bolletta"),
    ("autolettura", "Autolettura"),
    ("guasto", "Segnalazione guasto"),
    ("pagamento", "Pagamento / rateizzazione"),
    ("reclamo", "Reclamo"),
    ("contratto", "Contratto / voltura"),
]


@dataclass(frozen=True)
class _Client:
    id: str
    name: str
    color: str
    invoice_prefix: str
    domain: str
    phone: str
    mailbox: str
    water: bool


CLIENTS: tuple[_Client, ...] = (
    _Client(
        "lario", "Lario Acque", "#1f6fb2", "LA", "lario-acque.it", "+39 800 123 456",
        "assistenza@lario-acque.example", water=True,
    ),
    _Client(
        "energia", "Energia Nova", "#d9822b", "EN", "energianova.it", "+39 800 654 321",
        "servizioclienti@energianova.example", water=False,
    ),
)


@dataclass(frozen=True)
class _Agent:
    username: str
    name: str
    role: str
    skills: tuple[str, ...]
    clients: tuple[str, ...]
    max_chats: int
    max_calls: int
    login: bool = True  # False: a squad member with a random password (not a demo login)

    @property
    def id(self) -> str:
        return f"ag-{self.username}"


BOTH = ("lario", "energia")
ALL_SKILLS = ("chat", "voice", "email")
AGENTS: tuple[_Agent, ...] = (
    _Agent("mario", "Mario Bianchi", "operator", ALL_SKILLS, BOTH, 3, 1),
    _Agent("giulia", "Giulia Conti", "trainee", ("chat",), ("lario",), 1, 0),
    _Agent("sara", "Sara Galli", "tutor", ALL_SKILLS, BOTH, 2, 1),
    _Agent("luca", "Luca Ferri", "team_leader", ("chat", "voice"), BOTH, 2, 1),
    _Agent("admin", "Amministratore", "admin", (), (), 0, 0),
    _Agent("chiara", "Chiara Moretti", "operator", ALL_SKILLS, ("lario",), 3, 1, login=False),
    _Agent("paolo", "Paolo Colombo", "operator", ("chat", "voice"), BOTH, 2, 1, login=False),
    _Agent("elena", "Elena Ricci", "operator", ALL_SKILLS, ("energia",), 3, 1, login=False),
)
#: Who handled the past contacts (operators of the squad, the trainee on Lario chats).
_HANDLERS = ("mario", "chiara", "paolo", "elena", "giulia", "sara")


def dispositions(client_id: str) -> list[dict[str, str]]:
    """The client's wrap-up codes, in display order."""
    items = list(_DISPOSITIONS)
    if client_id == "energia":
        items.append(("cambio_offerta", "Cambio offerta"))
    items.append(("altro", "Altro"))
    return [{"code": code, "label": label} for code, label in items]


async def seed_demo(
    sessionmaker: async_sessionmaker[AsyncSession], *, now: datetime | None = None
) -> bool:
    """Seed the demo contact centre; False (and nothing written) if it is already there."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    async with sessionmaker() as session:
        if await session.get(ClientRow, "lario") is not None:
            return False
    started = time.perf_counter()
    builder = _Builder(now)
    async with sessionmaker() as session, session.begin():
        if await session.scalar(select(ClientRow.id).where(ClientRow.id == "lario")):
            return False
        # In foreign-key order, one flush per stage.
        for stage in builder.stages():
            session.add_all(stage)
            await session.flush()
    log.info(
        "demo data seeded: %d customers, %d past contacts, %d invoices (%.2f s)",
        len(builder.customers),
        builder.interaction_count,
        builder.invoice_count,
        time.perf_counter() - started,
    )
    return True


@dataclass
class _Person:
    row: CustomerRow
    first: str
    last: str


class _Builder:
    """Builds every row in memory from one seeded generator."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.rng = random.Random(SEED)
        self.customers: list[_Person] = []
        self.interaction_count = 0
        self.invoice_count = 0
        self._handles: set[str] = set()
        self._emails: set[str] = set()
        self._phones: set[str] = set()

    def stages(self) -> list[list[object]]:
        org = self._organisation()
        people = self._customers()
        invoices = self._invoices()
        contacts, messages, surveys = self._history()
        notes = self._notes()
        articles = self._articles()
        return [org[0], org[1], org[2], people, invoices + articles, contacts, messages + surveys
                + notes]

    # ---- organisation --------------------------------------------------------------------

    def _organisation(self) -> tuple[list[object], list[object], list[object]]:
        first: list[object] = []
        second: list[object] = []
        for c in CLIENTS:
            first.append(
                ClientRow(
                    id=c.id,
                    name=c.name,
                    color=c.color,
                    greeting=f"{c.name}, buongiorno, sono {{agent}}. Come posso aiutarla?",
                    dispositions=dispositions(c.id),
                )
            )
            for channel, label, address, ep_id in (
                ("chat", "Chat", f"{c.domain}/chat", f"web-{c.id}"),
                ("voice", "Voce", c.phone, f"tel-{c.id}"),
                ("email", "Email", c.mailbox, f"mail-{c.id}"),
            ):
                queue_id = f"{channel}-{c.id}"
                first.append(
                    QueueRow(
                        id=queue_id,
                        name=f"{label} {c.name}",
                        client_id=c.id,
                        channel=channel,
                        skill=channel,
                    )
                )
                second.append(
                    EntryPointRow(
                        id=ep_id, kind=channel, address=address, client_id=c.id, queue_id=queue_id
                    )
                )
        first.append(TeamRow(id=TEAM_ID, name="Squadra Delfini", captain_id="ag-luca"))
        demo_hash = {a.username: hash_password(DEMO_PASSWORD) for a in AGENTS if a.login}
        agents: list[object] = [
            AgentRow(
                id=a.id,
                username=a.username,
                name=a.name,
                role=a.role,
                password_hash=demo_hash.get(a.username)
                or hash_password(secrets.token_urlsafe(24)),
                team_id=None if a.role == "admin" else TEAM_ID,
                skills=list(a.skills),
                clients=list(a.clients),
                max_chats=a.max_chats,
                max_calls=a.max_calls,
                enabled=True,
                state="offline",
                state_reason=None,
                state_since=self.now,
                idle_since=self.now,
            )
            for a in AGENTS
        ]
        return first, second, agents

    # ---- customers -----------------------------------------------------------------------

    def _customers(self) -> list[object]:
        rng = self.rng
        rows: list[object] = []
        for n in range(1, CUSTOMER_COUNT + 1):
            client = "lario" if rng.random() < 0.55 else "energia"
            segment = rng.choices(("residential", "business", "condominio"), (80, 12, 8))[0]
            female = rng.random() < 0.52
            first = rng.choice(txt.FIRST_NAMES_F if female else txt.FIRST_NAMES_M)
            last = rng.choice(txt.SURNAMES)
            if segment == "business":
                name = f"{last} {rng.choice(txt.BUSINESS_KINDS)} {rng.choice(txt.BUSINESS_FORMS)}"
                local = _slug(name.rsplit(" ", 1)[0]).replace(".", "")
                email = self._unique(self._emails, f"info.{local}", "@example.it")
            elif segment == "condominio":
                name = f"Condominio {rng.choice(txt.STREETS)} {rng.randint(1, 120)}"
                email = self._unique(
                    self._emails, f"amministrazione.{_slug(last)}", "@example.it"
                )
            else:
                name = f"{first} {last}"
                email = self._unique(self._emails, f"{_slug(first)}.{_slug(last)}", "@example.it")
            handle = self._unique_handle(f"{_slug(first)}.{_slug(last)}")
            phone = self._phone()
            flags: list[str] = []
            roll = rng.random()
            if roll < 0.05:
                flags.append("vulnerable")
            elif roll < 0.11:
                flags.append("payment_plan")
            elif roll < 0.13 and segment != "residential":
                flags.append("vip")
            created = self.now - timedelta(days=rng.randint(400, 3650), minutes=rng.randint(0, 1440))
            row = CustomerRow(
                id=f"cu-{n:04d}",
                client_id=client,
                name=name,
                segment=segment,
                phone=phone,
                phone_digits=re.sub(r"\D", "", phone),
                email=email,
                chat_handle=handle,
                is_prospect=False,
                flags=flags,
                created_at=created,
            )
            self.customers.append(_Person(row, first, last))
            rows.append(row)
        return rows

    def _unique(self, seen: set[str], local: str, domain: str) -> str:
        candidate, n = local + domain, 1
        while candidate in seen:
            n += 1
            candidate = f"{local}{n}{domain}"
        seen.add(candidate)
        return candidate

    def _unique_handle(self, base: str) -> str:
        while True:
            handle = f"{base}.{self.rng.randint(1, 99)}"
            if handle not in self._handles:
                self._handles.add(handle)
                return handle

    def _phone(self) -> str:
        while True:
            prefix = self.rng.choice(("320", "328", "329", "331", "333", "335", "338", "339",
                                      "340", "345", "347", "348", "349", "366", "380", "393"))
            phone = (
                f"+39 {prefix} {self.rng.randint(100, 999)} {self.rng.randint(1000, 9999)}"
            )
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    # ---- invoices ------------------------------------------------------------------------

    def _invoices(self) -> list[object]:
        rng = self.rng
        rows: list[object] = []
        sequence = {c.id: 0 for c in CLIENTS}
        prefix = {c.id: c.invoice_prefix for c in CLIENTS}
        for person in self.customers:
            c = person.row
            monthly = c.segment != "residential" or rng.random() < 0.15
            count = 12 if monthly else 6
            step = 30 if monthly else 61
            low, high = (30, 160) if c.client_id == "lario" else (45, 260)
            if c.segment != "residential":
                low, high = low * 2, min(400, high * 2)
            if monthly:
                low, high = max(30, low // 2), max(60, high // 2)
            base = rng.uniform(low, high)
            late_payer = "payment_plan" in (c.flags or []) or rng.random() < 0.08
            offset = rng.randint(3, step - 3)
            for k in range(count - 1, -1, -1):
                issued = (self.now - timedelta(days=k * step + offset)).replace(
                    hour=6, minute=0, second=0, microsecond=0
                )
                due = issued + timedelta(days=20)
                amount = min(400.0, max(30.0, base * rng.uniform(0.7, 1.35)))
                paid_at: datetime | None = None
                if due > self.now:
                    status = "paid" if rng.random() < 0.25 else "open"
                    if status == "paid":
                        paid_at = issued + timedelta(days=rng.randint(2, 10))
                        if paid_at > self.now:
                            status, paid_at = "open", None
                elif late_payer and k <= 2 and rng.random() < 0.7:
                    status = "overdue"
                else:
                    status = "paid"
                    paid_at = due + timedelta(days=rng.randint(-15, 6), hours=rng.randint(8, 18))
                    paid_at = min(paid_at, self.now)
                sequence[c.client_id] += 1
                self.invoice_count += 1
                rows.append(
                    InvoiceRow(
                        id=f"inv-{self.invoice_count:06d}",
                        customer_id=c.id,
                        number=f"{prefix[c.client_id]}-{issued.year}-{sequence[c.client_id]:06d}",
                        issued_at=issued,
                        due_at=due,
                        amount_cents=round(amount * 100),
                        status=status,
                        paid_at=paid_at,
                    )
                )
        return rows

    # ---- contact history -----------------------------------------------------------------

    def _history(self) -> tuple[list[object], list[object], list[object]]:
        rng = self.rng
        names = {a.username: a.name for a in AGENTS}
        clients = {a.username: a.clients for a in AGENTS}
        skills = {a.username: a.skills for a in AGENTS}
        eps = {"chat": "web", "voice": "tel", "email": "mail"}
        interactions: list[object] = []
        messages: list[object] = []
        surveys: list[object] = []
        msg_n = 0
        for person in self.customers:
            c = person.row
            topics = [
                t for t in txt.TOPICS
                if not (t.energy_only and c.client_id != "energia")
                and not (t.water_only and c.client_id != "lario")
            ]
            count = rng.choices((1, 2, 3, 4, 5, 6), (30, 28, 18, 12, 7, 5))[0]
            starts = sorted(
                self.now - timedelta(days=rng.uniform(0.5, 90)) for _ in range(count)
            )
            for start in starts:
                start = _office_hours(start, rng)
                if start > self.now - timedelta(hours=2):
                    start -= timedelta(days=1)
                channel = rng.choices(("voice", "chat", "email"), (50, 35, 15))[0]
                handlers = [
                    h for h in _HANDLERS if c.client_id in clients[h] and channel in skills[h]
                ]
                agent = rng.choice(handlers)
                topic = rng.choice(topics)
                irritated = rng.random() < 0.25
                wait = timedelta(seconds=rng.randint(5, 240 if channel != "email" else 20000))
                talk = timedelta(seconds=rng.randint(90, 900))
                accepted = start + wait
                ended = accepted + talk
                closed = ended + timedelta(seconds=rng.randint(10, 120))
                self.interaction_count += 1
                iid = f"int-demo-{self.interaction_count:05d}"
                address = {
                    "voice": c.phone or "",
                    "chat": c.chat_handle or "",
                    "email": c.email or "",
                }[channel]
                resolved = rng.random() < (0.6 if irritated else 0.88)
                disposition = topic.disposition
                if disposition == "cambio_offerta" and c.client_id != "energia":
                    disposition = "altro"
                interactions.append(
                    InteractionRow(
                        id=iid,
                        channel=channel,
                        status="closed",
                        client_id=c.client_id,
                        queue_id=f"{channel}-{c.client_id}",
                        entry_point=f"{eps[channel]}-{c.client_id}",
                        from_address=address,
                        customer_id=c.id,
                        agent_id=f"ag-{agent}",
                        subject=rng.choice(topic.subjects),
                        created_at=start,
                        queued_at=start,
                        offered_at=accepted - timedelta(seconds=rng.randint(2, 8)),
                        accepted_at=accepted,
                        ended_at=ended,
                        closed_at=closed,
                        end_reason=rng.choice(("agent_hangup", "customer_left"))
                        if channel != "email" else "agent_hangup",
                        customer_typing=False,
                        excluded={},
                        mood="negative" if irritated else rng.choice(("neutral", "positive")),
                        disposition=disposition,
                        wrapup_notes=rng.choice(topic.notes),
                        resolved=resolved,
                        wrapup_agent_id=f"ag-{agent}",
                        wrapup_at=closed,
                    )
                )
                if channel in ("chat", "email"):
                    lines: list[tuple[str, str, str]] = [
                        ("inbound", c.name, rng.choice(topic.openings)),
                    ]
                    if channel == "chat":
                        lines += [
                            ("outbound", names[agent], rng.choice(txt.OPERATOR_LINES)),
                            (
                                "inbound",
                                c.name,
                                rng.choice(topic.irritated if irritated else topic.follow_ups),
                            ),
                            ("outbound", names[agent], rng.choice(txt.OPERATOR_CLOSINGS)),
                        ]
                    else:
                        lines.append(
                            ("outbound", names[agent], rng.choice(txt.OPERATOR_CLOSINGS))
                        )
                    span = (ended - accepted) / len(lines)
                    for i, (direction, author, text) in enumerate(lines):
                        msg_n += 1
                        messages.append(
                            MessageRow(
                                id=f"msg-demo-{msg_n:06d}",
                                interaction_id=iid,
                                direction=direction,
                                author=author,
                                text=text,
                                created_at=start if i == 0 else accepted + span * i,
                            )
                        )
                if rng.random() < 0.3:
                    score = (
                        rng.choices(range(11), (4, 3, 3, 4, 4, 5, 6, 5, 3, 1, 1))[0]
                        if irritated or not resolved
                        else rng.choices(range(11), (1, 1, 1, 1, 2, 3, 5, 10, 18, 22, 20))[0]
                    )
                    surveys.append(
                        SurveyRow(
                            id=f"srv-demo-{len(surveys) + 1:05d}",
                            customer_id=c.id,
                            interaction_id=iid,
                            type="nps_transactional",
                            score=score,
                            comment="",
                            created_at=min(self.now, closed + timedelta(hours=rng.randint(1, 30))),
                        )
                    )
        return interactions, messages, surveys

    def _notes(self) -> list[object]:
        rng = self.rng
        authors = [a for a in AGENTS if a.role != "admin"]
        rows: list[object] = []
        for person in self.customers:
            if rng.random() >= 0.22:
                continue
            author = rng.choice(authors)
            rows.append(
                NoteRow(
                    id=f"note-demo-{len(rows) + 1:04d}",
                    customer_id=person.row.id,
                    agent_id=author.id,
                    author_name=author.name,
                    text=rng.choice(txt.CUSTOMER_NOTES),
                    created_at=self.now - timedelta(days=rng.uniform(1, 200)),
                )
            )
        return rows

    def _articles(self) -> list[object]:
        return [
            KbArticleRow(
                id=f"kb-{n:02d}",
                client_id=a.client_id,
                area=a.area,
                title=a.title,
                body=a.body,
                version=2 if n % 3 == 0 else 1,
                updated_at=self.now - timedelta(days=(n * 7) % 60 + (0 if a.area == "urgent" else 3)),
            )
            for n, a in enumerate(txt.KB_ARTICLES, start=1)
        ]


def _office_hours(when: datetime, rng: random.Random) -> datetime:
    """Move a time into 8:00-19:00 Italian-ish hours (UTC+1), Monday to Saturday."""
    hour = rng.randint(7, 17)
    moved = when.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59))
    if moved.weekday() == 6:
        moved -= timedelta(days=1)
    return moved


def _slug(text: str) -> str:
    """ASCII, lower case, no spaces or apostrophes: "D'Angelo" -> "dangelo"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9.]", "", ascii_text.lower().replace(" ", "."))
