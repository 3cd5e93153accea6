"""The demo organisation: clients, queues, entry points, the squad and the demo accounts."""

from __future__ import annotations

import functools
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.models import (
    AgentRow,
    ClientRow,
    EntryPointRow,
    QueueRow,
    TeamRow,
)
from agentdesk.server.events.store import ensure_stream
from agentdesk.server.security import hash_password

DEMO_PASSWORD = "demo"

_COMMON_DISPOSITIONS = [
    {"code": "info_bolletta", "label": "Informazioni bolletta"},
    {"code": "autolettura", "label": "Autolettura"},
    {"code": "guasto", "label": "Segnalazione guasto"},
    {"code": "pagamento", "label": "Pagamento / rateizzazione"},
    {"code": "reclamo", "label": "Reclamo"},
    {"code": "contratto", "label": "Contratto / voltura"},
    {"code": "altro", "label": "Altro"},
]


def _clients() -> list[ClientRow]:
    return [
        ClientRow(
            id="lario",
            name="Lario Acque",
            color="#1f6fb2",
            greeting="Lario Acque, buongiorno, sono {agent}. Come posso aiutarla?",
            dispositions=[
                *_COMMON_DISPOSITIONS[:2],
                {"code": "guasto", "label": "Segnalazione guasto / perdita"},
                *_COMMON_DISPOSITIONS[3:],
            ],
        ),
        ClientRow(
            id="energia",
            name="Energia Nova",
            color="#d9822b",
            greeting="Energia Nova, buongiorno, sono {agent}. In cosa posso esserle utile?",
            dispositions=[
                *_COMMON_DISPOSITIONS[:5],
                {"code": "offerta", "label": "Cambio offerta"},
                *_COMMON_DISPOSITIONS[5:],
            ],
        ),
    ]


def _queues() -> list[QueueRow]:
    return [
        QueueRow(
            id="chat-lario",
            name="Chat Lario Acque",
            client_id="lario",
            channel="chat",
            skill="chat",
        ),
        QueueRow(
            id="chat-energia",
            name="Chat Energia Nova",
            client_id="energia",
            channel="chat",
            skill="chat",
        ),
        QueueRow(
            id="voice-lario",
            name="Telefono Lario Acque",
            client_id="lario",
            channel="voice",
            skill="voice",
        ),
        QueueRow(
            id="voice-energia",
            name="Telefono Energia Nova",
            client_id="energia",
            channel="voice",
            skill="voice",
        ),
        QueueRow(
            id="email-lario",
            name="E-mail Lario Acque",
            client_id="lario",
            channel="email",
            skill="email",
        ),
        QueueRow(
            id="email-energia",
            name="E-mail Energia Nova",
            client_id="energia",
            channel="email",
            skill="email",
        ),
    ]


def _entry_points() -> list[EntryPointRow]:
    return [
        EntryPointRow(
            id="web-lario",
            kind="chat",
            address="lario-acque.example/chat",
            client_id="lario",
            queue_id="chat-lario",
        ),
        EntryPointRow(
            id="web-energia",
            kind="chat",
            address="energianova.example/chat",
            client_id="energia",
            queue_id="chat-energia",
        ),
        EntryPointRow(
            id="tel-lario",
            kind="voice",
            address="+39 031 555 0100",
            client_id="lario",
            queue_id="voice-lario",
        ),
        EntryPointRow(
            id="tel-energia",
            kind="voice",
            address="+39 02 555 0200",
            client_id="energia",
            queue_id="voice-energia",
        ),
        EntryPointRow(
            id="mail-lario",
            kind="email",
            address="clienti@lario-acque.example",
            client_id="lario",
            queue_id="email-lario",
        ),
        EntryPointRow(
            id="mail-energia",
            kind="email",
            address="assistenza@energianova.example",
            client_id="energia",
            queue_id="email-energia",
        ),
    ]


TEAM_ID = "squadra-2"

#: (id, username, name, role, skills, clients, max_chats, max_calls)
ACCOUNTS = [
    (
        "a-mario",
        "mario",
        "Mario Bianchi",
        "operator",
        ["chat", "voice", "email"],
        ["lario", "energia"],
        3,
        1,
    ),
    ("a-giulia", "giulia", "Giulia Verdi", "trainee", ["chat"], ["lario"], 1, 0),
    (
        "a-sara",
        "sara",
        "Sara Colombo",
        "tutor",
        ["chat", "voice", "email"],
        ["lario", "energia"],
        0,
        0,
    ),
    (
        "a-luca",
        "luca",
        "Luca Ferrari",
        "team_leader",
        ["chat", "voice", "email"],
        ["lario", "energia"],
        0,
        0,
    ),
    ("a-admin", "admin", "Amministratore", "admin", [], ["lario", "energia"], 0, 0),
]


@functools.cache
def _demo_hash(username: str) -> str:
    """The demo password's hash, once per account and process (the password is public, so
    a reused salt across demo databases costs nothing; tests start many servers)."""
    return hash_password(DEMO_PASSWORD)


async def seed_organisation(session: AsyncSession, now: datetime) -> None:
    session.add_all(_clients())
    await session.flush()
    session.add_all(_queues())
    await session.flush()
    session.add_all(_entry_points())
    session.add(TeamRow(id=TEAM_ID, name="Squadra Delfini", captain_id="a-luca"))
    await session.flush()
    for agent_id, username, name, role, skills, clients, max_chats, max_calls in ACCOUNTS:
        session.add(
            AgentRow(
                id=agent_id,
                username=username,
                name=name,
                role=role,
                password_hash=_demo_hash(username),
                team_id=TEAM_ID,
                skills=skills,
                clients=clients,
                max_chats=max_chats,
                max_calls=max_calls,
                enabled=True,
                state="offline",
                state_reason=None,
                state_since=now,
                idle_since=now,
            )
        )
        await ensure_stream(session, agent_id)
    await session.flush()
