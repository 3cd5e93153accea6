"""Demo customers with contact history, notes, surveys and invoices (deterministic)."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.mood import mood_of
from agentdesk.server.db.models import (
    Base,
    CustomerRow,
    InteractionRow,
    InvoiceRow,
    MessageRow,
    NoteRow,
    SurveyRow,
)
from agentdesk.server.seed.names import BUSINESS_NAMES, CONDOMINIUMS, FIRST_NAMES, LAST_NAMES

SEED = 20250314
CUSTOMERS_PER_CLIENT = 100
HISTORY_DAYS = 90

#: disposition -> (customer's opening line, operator's wrap-up note), per client
TOPICS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "lario": {
        "info_bolletta": [
            (
                "La bolletta dell'acqua di questo bimestre è molto più alta del solito.",
                "Spiegato il conguaglio sui consumi stimati; cliente soddisfatto.",
            ),
            ("Non capisco la voce 'quota fissa' in bolletta.", "Chiarite quota fissa e fognatura."),
        ],
        "autolettura": [
            (
                "Vorrei comunicare l'autolettura del contatore: 01234 metri cubi.",
                "Autolettura registrata, ricalcolo nella prossima bolletta.",
            ),
        ],
        "guasto": [
            (
                "C'è una perdita d'acqua in strada davanti a casa mia.",
                "Aperta segnalazione guasto per la squadra di pronto intervento.",
            ),
            (
                "Da stamattina non arriva acqua al rubinetto.",
                "Interruzione programmata in zona, comunicati i tempi di ripristino.",
            ),
        ],
        "pagamento": [
            (
                "Posso rateizzare l'ultima bolletta?",
                "Proposto piano in 3 rate, in attesa di conferma del cliente.",
            ),
        ],
        "reclamo": [
            (
                "È la terza volta che scrivo per lo stesso problema, inaccettabile!",
                "Reclamo registrato, inoltrato al back office.",
            ),
        ],
        "contratto": [
            (
                "Devo fare la voltura dell'utenza, ho comprato casa.",
                "Inviata modulistica per la voltura.",
            ),
        ],
        "altro": [
            (
                "Vorrei sapere gli orari dello sportello di Como.",
                "Forniti orari e indirizzo dello sportello.",
            ),
        ],
    },
    "energia": {
        "info_bolletta": [
            (
                "La bolletta della luce è quasi il doppio del mese scorso.",
                "Verificato conguaglio e consumi invernali; nessun errore.",
            ),
        ],
        "autolettura": [
            ("Devo comunicare la lettura del contatore del gas.", "Autolettura gas acquisita."),
        ],
        "guasto": [
            (
                "È saltata la corrente in tutto il palazzo.",
                "Indirizzato al distributore per il guasto di rete.",
            ),
        ],
        "pagamento": [
            (
                "Ho pagato la bolletta ma risulta ancora da pagare.",
                "Pagamento trovato, abbinato alla fattura.",
            ),
        ],
        "reclamo": [
            (
                "Mi avete addebitato due volte lo stesso importo, è una vergogna.",
                "Reclamo per doppio addebito, rimborso avviato.",
            ),
        ],
        "offerta": [
            (
                "Vorrei passare a un'offerta a prezzo fisso.",
                "Illustrata offerta Nova Fissa, cliente valuta.",
            ),
        ],
        "contratto": [
            (
                "Devo intestare il contratto a mio nome dopo la voltura.",
                "Voltura avviata, documenti richiesti via e-mail.",
            ),
        ],
        "altro": [
            ("Come faccio ad attivare la bolletta via e-mail?", "Attivata bolletta digitale."),
        ],
    },
}

NOTES = (
    "Preferisce essere contattato nel pomeriggio.",
    "Cliente anziano: parlare lentamente e riepilogare.",
    "Ha chiesto di ricevere le comunicazioni solo via e-mail.",
    "In attesa di documenti per la voltura.",
    "Segnalato più volte lo stesso disservizio: trattare con priorità.",
)

SURVEY_COMMENTS = {
    "good": ("Operatore gentilissimo e veloce.", "Tutto risolto al primo contatto.", ""),
    "bad": ("Ho dovuto spiegare tutto due volte.", "Tempi di attesa troppo lunghi.", ""),
}


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", ".", plain.lower()).strip(".")


def _phone(rng: random.Random) -> tuple[str, str]:
    digits = f"3{rng.randint(20, 99)}{rng.randint(1000000, 9999999)}"
    return f"+39 {digits[:3]} {digits[3:6]} {digits[6:]}", digits


async def seed_history(session: AsyncSession, now: datetime, agents: list[tuple[str, str]]) -> None:
    """~200 customers over the two clients, with the last 90 days of contacts.

    ``agents`` are (id, name) of the operators who handled past contacts.
    """
    rng = random.Random(SEED)
    rows = _Rows()
    for client_id in ("lario", "energia"):
        for n in range(1, CUSTOMERS_PER_CLIENT + 1):
            customer = _customer(rng, client_id, n, now)
            rows.customers.append(customer)
            _invoices(rows, rng, customer, now)
            _contacts(rows, rng, customer, now, agents)
            if rng.random() < 0.2:
                agent_id, agent_name = rng.choice(agents)
                rows.later.append(
                    NoteRow(
                        id=f"note-{customer.id}",
                        customer_id=customer.id,
                        agent_id=agent_id,
                        author_name=agent_name,
                        text=rng.choice(NOTES),
                        created_at=now - timedelta(days=rng.randint(1, HISTORY_DAYS)),
                    )
                )
    # In foreign-key order; Core bulk inserts (the ORM's unit of work is ten times slower).
    for stage in (rows.customers, rows.interactions, rows.later):
        by_table: dict[type[Base], list[dict[str, object]]] = {}
        for obj in stage:
            assert isinstance(obj, Base)
            by_table.setdefault(type(obj), []).append(_values(obj))
        for model, values in by_table.items():
            table = model.__table__
            assert isinstance(table, Table)
            await session.execute(insert(table), values)


def _values(obj: Base) -> dict[str, object]:
    values = {}
    for column in obj.__table__.columns:
        value = getattr(obj, column.key)
        if value is None and column.autoincrement is True:
            continue
        values[column.key] = value
    return values


@dataclass
class _Rows:
    customers: list[CustomerRow] = field(default_factory=list)
    interactions: list[InteractionRow] = field(default_factory=list)
    #: invoices, messages, surveys, notes: everything that points at the two above
    later: list[object] = field(default_factory=list)


def _customer(rng: random.Random, client_id: str, n: int, now: datetime) -> CustomerRow:
    roll = rng.random()
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    if roll < 0.08:
        name, segment = rng.choice(BUSINESS_NAMES), "business"
    elif roll < 0.13 and client_id == "lario":
        name, segment = rng.choice(CONDOMINIUMS), "condominium"
    else:
        name, segment = f"{first} {last}", "residential"
    handle = f"{_slug(name)}.{n:03d}"
    phone, digits = _phone(rng)
    flags = []
    if rng.random() < 0.05:
        flags.append("vulnerable")
    if segment == "business" and rng.random() < 0.5:
        flags.append("vip")
    if rng.random() < 0.06:
        flags.append("payment_plan")
    return CustomerRow(
        id=f"cus-{client_id}-{n:03d}",
        client_id=client_id,
        name=name,
        segment=segment,
        phone=phone,
        phone_digits=digits,
        email=f"{handle}@example.it",
        chat_handle=handle,
        is_prospect=False,
        flags=flags,
        created_at=now - timedelta(days=rng.randint(200, 3000)),
    )


def _invoices(rows: _Rows, rng: random.Random, customer: CustomerRow, now: datetime) -> None:
    base = rng.randint(3000, 18000)
    for k in range(4):  # bimonthly: the last one may be open or overdue
        issued = now - timedelta(days=60 * (3 - k) + rng.randint(5, 25))
        due = issued + timedelta(days=30)
        amount = int(base * rng.uniform(0.7, 1.5))
        if due > now:
            status, paid = "open", None
        elif rng.random() < 0.12:
            status, paid = "overdue", None
        else:
            status, paid = "paid", due - timedelta(days=rng.randint(0, 10))
        rows.later.append(
            InvoiceRow(
                id=f"inv-{customer.id}-{k}",
                customer_id=customer.id,
                number=f"{customer.client_id[:2].upper()}{issued:%Y}/{rng.randint(100000, 999999)}",
                issued_at=issued,
                due_at=due,
                amount_cents=amount,
                status=status,
                paid_at=paid,
            )
        )


def _contacts(
    rows: _Rows,
    rng: random.Random,
    customer: CustomerRow,
    now: datetime,
    agents: list[tuple[str, str]],
) -> None:
    topics = TOPICS[customer.client_id]
    count = rng.choices((0, 1, 2, 3, 4), weights=(2, 4, 3, 2, 1))[0]
    for k in range(count):
        disposition = rng.choice(sorted(topics))
        opening, note = rng.choice(topics[disposition])
        channel = rng.choices(("voice", "chat", "email"), weights=(5, 4, 2))[0]
        created = now - timedelta(days=rng.uniform(0.5, HISTORY_DAYS))
        iid = f"int-{customer.id}-{k}"
        abandoned = rng.random() < 0.05
        agent_id, agent_name = rng.choice(agents)
        accepted = created + timedelta(seconds=rng.randint(5, 90))
        ended = accepted + timedelta(seconds=rng.randint(120, 900))
        resolved = disposition != "reclamo" and rng.random() < 0.85
        rows.interactions.append(
            InteractionRow(
                id=iid,
                channel=channel,
                status="abandoned" if abandoned else "closed",
                client_id=customer.client_id,
                queue_id=f"{channel}-{customer.client_id}",
                entry_point={"voice": "tel", "chat": "web", "email": "mail"}[channel]
                + f"-{customer.client_id}",
                from_address={
                    "voice": customer.phone,
                    "chat": customer.chat_handle,
                    "email": customer.email,
                }[channel]
                or "",
                customer_id=customer.id,
                agent_id=None if abandoned else agent_id,
                subject=opening,
                created_at=created,
                queued_at=created,
                offered_at=None if abandoned else created + timedelta(seconds=3),
                accepted_at=None if abandoned else accepted,
                ended_at=created + timedelta(seconds=rng.randint(30, 120)) if abandoned else ended,
                closed_at=None if abandoned else ended + timedelta(seconds=rng.randint(10, 90)),
                end_reason="abandoned" if abandoned else "agent_closed",
                customer_typing=False,
                excluded={},
                mood=mood_of([opening]),
                disposition=None if abandoned else disposition,
                wrapup_notes=None if abandoned else note,
                resolved=None if abandoned else resolved,
                wrapup_agent_id=None if abandoned else agent_id,
                wrapup_at=None if abandoned else ended + timedelta(seconds=30),
            )
        )
        if channel == "chat" and not abandoned:
            lines = [
                ("inbound", customer.name, opening, created),
                (
                    "outbound",
                    agent_name,
                    "Buongiorno, verifico subito la sua posizione.",
                    accepted + timedelta(seconds=20),
                ),
                ("inbound", customer.name, "Grazie mille.", accepted + timedelta(seconds=60)),
            ]
            for m, (direction, author, text, ts) in enumerate(lines):
                rows.later.append(
                    MessageRow(
                        id=f"msg-{iid}-{m}",
                        interaction_id=iid,
                        direction=direction,
                        author=author,
                        text=text,
                        created_at=ts,
                    )
                )
        if not abandoned and rng.random() < 0.4:
            good = resolved and rng.random() < 0.8
            score = rng.randint(8, 10) if good else rng.randint(2, 7)
            rows.later.append(
                SurveyRow(
                    id=f"srv-{iid}",
                    customer_id=customer.id,
                    interaction_id=iid,
                    type="nps_transactional",
                    score=score,
                    comment=rng.choice(SURVEY_COMMENTS["good" if good else "bad"]),
                    created_at=ended + timedelta(hours=rng.randint(1, 30)),
                )
            )
