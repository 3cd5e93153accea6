"""Demo canned responses for each client (idempotent)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.canned_models import CannedResponseRow
from agentdesk.server.db.models import ClientRow

#: (code, title, text) shared by every client; {client} is the client's name.
_COMMON = (
    ("saluto", "Saluto", "{client}, buongiorno, sono {agent}. Come posso aiutarla?"),
    ("attesa", "Attesa verifica", "Mi conceda un momento, verifico subito, {customer}."),
    ("dati", "Richiesta dati", "Per procedere mi indica il codice cliente che trova in bolletta?"),
    (
        "autolettura",
        "Autolettura",
        "Può comunicarci l'autolettura dal sito o rispondendo a questo messaggio con i numeri "
        "neri del contatore.",
    ),
    ("chiusura", "Chiusura", "La ringrazio per averci contattato, {customer}. Buona giornata!"),
)


async def seed_canned(session: AsyncSession) -> None:
    clients = (await session.scalars(select(ClientRow).order_by(ClientRow.id))).all()
    for client in clients:
        exists = await session.scalar(
            select(CannedResponseRow.id).where(CannedResponseRow.client_id == client.id).limit(1)
        )
        if exists is not None:
            continue
        for position, (code, title, text) in enumerate(_COMMON):
            session.add(
                CannedResponseRow(
                    id=f"cr-{client.id}-{code}",
                    client_id=client.id,
                    code=code,
                    title=title,
                    text=text.replace("{client}", client.name),
                    position=position,
                )
            )
    await session.flush()
