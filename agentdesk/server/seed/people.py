"""Demo people data: client policies, nesting, a second squad, the season, today's work.

So that "My day", the squad board and the leaderboards are not empty on a fresh demo.
Deterministic (fixed random seed); customers come from the history seed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.models import AgentRow, CustomerRow, InteractionRow, SurveyRow, TeamRow
from agentdesk.server.db.people_models import (
    ClientPolicyRow,
    NestingRow,
    PenaltyRow,
    ReviewRow,
    SeasonRow,
    StateLogRow,
)
from agentdesk.server.events.store import ensure_stream
from agentdesk.server.seed.org import _demo_hash

SECOND_TEAM = "squadra-5"
#: (id, username, name, skills, clients)
SECOND_SQUAD = [
    ("a-elena", "elena", "Elena Russo", ["chat", "voice"], ["lario", "energia"]),
    ("a-paolo", "paolo", "Paolo Greco", ["voice", "email"], ["energia"]),
    ("a-marta", "marta", "Marta Gallo", ["chat", "email"], ["lario"]),
]


async def seed_people(session: AsyncSession, now: datetime) -> None:
    session.add_all(
        [
            ClientPolicyRow(client_id="lario", sl_target=0.8, threshold_s=20.0,
                            abandon_grace_s=5.0, exclude_short_abandons=True, aht_target_s=300.0),
            ClientPolicyRow(client_id="energia", sl_target=0.85, threshold_s=20.0,
                            abandon_grace_s=5.0, exclude_short_abandons=False, aht_target_s=360.0),
            NestingRow(trainee_id="a-giulia", tutor_id="a-sara", queues=["chat-lario"]),
        ]
    )  # fmt: skip
    session.add(TeamRow(id=SECOND_TEAM, name="Squadra Aquile", captain_id=None))
    await session.flush()
    for agent_id, username, name, skills, clients in SECOND_SQUAD:
        session.add(
            AgentRow(
                id=agent_id, username=username, name=name, role="operator",
                password_hash=_demo_hash(username), team_id=SECOND_TEAM, skills=skills,
                clients=clients, max_chats=2, max_calls=1, enabled=True, state="offline",
                state_reason=None, state_since=now, idle_since=now,
            )
        )  # fmt: skip
        await ensure_stream(session, agent_id)
    month = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    season_end = (month + timedelta(days=62)).replace(day=1)
    session.add(
        SeasonRow(
            id="season-1", name="Stagione d'autunno", starts_at=month, ends_at=season_end,
            weights={"quality": 0.7, "quantity": 0.3, "volume_target": 600},
        )
    )  # fmt: skip
    await session.flush()
    await _today(session, now)
    session.add(
        PenaltyRow(id="pen-demo-1", season_id="season-1", agent_id="a-paolo", points=25.0,
                   reason="Dati del cliente letti senza verifica dell'identità", by_id="a-luca",
                   created_at=now - timedelta(days=2))
    )  # fmt: skip
    await session.flush()
    await _reviews(session, now)


async def _reviews(session: AsyncSession, now: datetime) -> None:
    """Giulia's past chats: three reviewed by Sara, the latest waiting for her review."""
    chats = list(
        await session.scalars(
            select(InteractionRow)
            .where(InteractionRow.agent_id == "a-giulia", InteractionRow.channel == "chat",
                   InteractionRow.status == "closed")
            .order_by(InteractionRow.created_at.desc())
            .limit(4)
        )
    )  # fmt: skip
    feedback = ("Ottimo tono, ricorda di verificare l'identità.", "Bene la chiusura.",
                "Troppo frettolosa sul riepilogo.")  # fmt: skip
    for n, chat in enumerate(chats):
        pending = n == 0
        session.add(
            ReviewRow(
                id=f"rev-demo-{n}", trainee_id="a-giulia", tutor_id="a-sara",
                interaction_id=chat.id, status="pending" if pending else "done",
                score=None if pending else (4, 5, 3)[(n - 1) % 3],
                feedback=None if pending else feedback[(n - 1) % 3],
                released=None if pending else True,
                created_at=chat.wrapup_at or now,
                completed_at=None if pending else (chat.wrapup_at or now) + timedelta(minutes=5),
            )
        )  # fmt: skip


async def _today(session: AsyncSession, now: datetime) -> None:
    """A morning of handled contacts, surveys and presence for the operators."""
    rng = random.Random(8)
    customers = list(await session.scalars(select(CustomerRow).order_by(CustomerRow.id)))
    if not customers:
        return
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    span = max(60.0, (now - start).total_seconds() - 600)
    people = [("a-mario", ["chat", "voice", "email"], ["lario", "energia"])] + [
        (a, s, c) for a, _u, _n, s, c in SECOND_SQUAD
    ]
    for agent_id, skills, clients in people:
        session.add(StateLogRow(agent_id=agent_id, state="ready", started_at=start))
        session.add(
            StateLogRow(agent_id=agent_id, state="not_ready", reason="break",
                        started_at=start + timedelta(seconds=span * 0.5))
        )  # fmt: skip
        session.add(
            StateLogRow(agent_id=agent_id, state="offline",
                        started_at=start + timedelta(seconds=span * 0.5 + 900))
        )  # fmt: skip
        mine = [c for c in customers if c.client_id in clients]
        for k in range(rng.randint(8, 16)):
            customer = rng.choice(mine)
            channel = rng.choice(skills)
            queued = start + timedelta(seconds=rng.uniform(0, span * 0.5))
            accepted = queued + timedelta(seconds=rng.choice((4, 8, 12, 15, 18, 25, 40)))
            ended = accepted + timedelta(seconds=rng.randint(150, 420))
            iid = f"int-day-{agent_id}-{k}"
            session.add(
                InteractionRow(
                    id=iid, channel=channel, status="closed", client_id=customer.client_id,
                    queue_id=f"{channel}-{customer.client_id}",
                    entry_point={"voice": "tel", "chat": "web", "email": "mail"}[channel]
                    + f"-{customer.client_id}",
                    from_address=customer.email or "", customer_id=customer.id,
                    agent_id=agent_id, subject="Richiesta informazioni", created_at=queued,
                    queued_at=queued, offered_at=queued, accepted_at=accepted, ended_at=ended,
                    closed_at=ended + timedelta(seconds=40), end_reason="agent_closed",
                    customer_typing=False, excluded={},
                    mood=rng.choice(("neutral", "neutral", "positive", "negative")),
                    disposition=rng.choice(("info_bolletta", "autolettura", "pagamento")),
                    wrapup_notes="", resolved=True, wrapup_agent_id=agent_id,
                    wrapup_at=ended + timedelta(seconds=rng.randint(20, 70)),
                )
            )  # fmt: skip
            await session.flush()
            if rng.random() < 0.6:
                kind = rng.choice(("csat", "nps_transactional", "ces"))
                score = {"csat": rng.randint(3, 5), "ces": rng.randint(4, 7)}.get(
                    kind, rng.randint(5, 10)
                )
                session.add(
                    SurveyRow(id=f"srv-{iid}", customer_id=customer.id, interaction_id=iid,
                              type=kind, score=score, comment="", created_at=ended)
                )  # fmt: skip
    for n, customer in enumerate(customers[:30]):
        session.add(
            SurveyRow(
                id=f"srv-rel-{n}", customer_id=customer.id, interaction_id=None,
                type="nps_relational" if n % 3 else "nps_competitive",
                score=rng.randint(3, 10), comment=rng.choice(("", "Servizio affidabile",
                                                               "Prezzi alti")),
                created_at=start + timedelta(seconds=rng.uniform(0, span)),
            )
        )  # fmt: skip
