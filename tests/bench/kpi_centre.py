"""A month of a 200-operator centre in a real, migrated SQLite database (for the KPI bench).

About 300,000 interactions over two clients and three channels, 60,000 customers coming back
on four topics (so FCR has repeats to find), surveys on a tenth of the contacts, script
progress on the chats, a presence log per operator and a season with penalties.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection

from agentdesk.server.db.assist_models import ScriptProgressRow
from agentdesk.server.db.database import Database
from agentdesk.server.db.models import (
    AgentRow,
    ClientRow,
    CustomerRow,
    InteractionRow,
    QueueRow,
    SurveyRow,
    TeamRow,
)
from agentdesk.server.db.people_models import PenaltyRow, SeasonRow, StateLogRow

OPERATORS = 200
SQUAD_SIZE = 20
CONTACTS = 300_000
CUSTOMERS = 60_000
CLIENTS = ("lario", "energia")
CHANNELS = ("chat", "voice", "email")
TOPICS = ("a", "b", "c", "d")
SINCE = datetime(2026, 10, 1, tzinfo=UTC)
DAYS = 31
UNTIL = SINCE + timedelta(days=DAYS)
#: Operators in the squad the bench reports on.
SQUAD = "t0"


def _rows(rng: random.Random) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = {}
    out[ClientRow] = [{"id": c, "name": c.title(), "dispositions": list(TOPICS)} for c in CLIENTS]
    out[QueueRow] = [
        {"id": f"{ch}-{c}", "name": f"{ch} {c}", "client_id": c, "channel": ch, "skill": ch}
        for c in CLIENTS
        for ch in CHANNELS
    ]
    out[TeamRow] = [
        {"id": f"t{n}", "name": f"Squad {n}", "captain_id": None}
        for n in range(OPERATORS // SQUAD_SIZE)
    ]
    out[AgentRow] = [
        {
            "id": f"a{n}", "username": f"op{n}", "name": f"Op {n:03d}", "role": "operator",
            "password_hash": "-", "team_id": f"t{n // SQUAD_SIZE}", "skills": list(CHANNELS),
            "clients": list(CLIENTS), "enabled": True, "state": "offline",
            "state_since": SINCE, "idle_since": SINCE,
        }
        for n in range(OPERATORS)
    ]  # fmt: skip
    out[CustomerRow] = [
        {"id": f"c{n}", "client_id": CLIENTS[n % 2], "name": f"Customer {n}", "created_at": SINCE}
        for n in range(CUSTOMERS)
    ]
    interactions: list[dict[str, Any]] = []
    surveys: list[dict[str, Any]] = []
    progress: list[dict[str, Any]] = []
    for i in range(CONTACTS):
        queued = SINCE + timedelta(seconds=rng.uniform(0, DAYS * 86400))
        channel = rng.choice(CHANNELS)
        n = rng.randrange(CUSTOMERS)
        client = CLIENTS[n % 2]
        row: dict[str, Any] = {
            "id": f"i{i}", "channel": channel, "client_id": client,
            "queue_id": f"{channel}-{client}", "entry_point": "bench", "from_address": "x",
            "customer_id": f"c{n}", "created_at": queued, "queued_at": queued,
            "offered_at": None, "accepted_at": None, "ended_at": None, "closed_at": None,
            "end_reason": None, "mood": None, "disposition": None, "agent_id": None,
            "wrapup_at": None,
        }  # fmt: skip
        if rng.random() < 0.05:
            row["status"] = "abandoned"
            row["ended_at"] = queued + timedelta(seconds=rng.uniform(1, 90))
            row["end_reason"] = "abandoned"
        else:
            accepted = queued + timedelta(seconds=rng.uniform(1, 60))
            ended = accepted + timedelta(seconds=rng.uniform(60, 600))
            wrapped = ended + timedelta(seconds=rng.uniform(5, 90))
            agent = f"a{rng.randrange(OPERATORS)}"
            row.update(
                status="closed", offered_at=accepted, accepted_at=accepted, ended_at=ended,
                closed_at=wrapped, wrapup_at=wrapped, agent_id=agent,
                end_reason="transferred" if rng.random() < 0.04 else "agent",
                mood=rng.choice(("neutral", "positive", "negative")),
                disposition=rng.choice(TOPICS),
            )  # fmt: skip
            if rng.random() < 0.1:
                surveys.append(
                    {
                        "id": f"s{i}", "customer_id": f"c{n}", "interaction_id": f"i{i}",
                        "type": rng.choice(("csat", "nps_transactional", "ces")),
                        "score": rng.randint(1, 5), "comment": "", "created_at": wrapped,
                    }
                )  # fmt: skip
            if channel == "chat":
                progress.append(
                    {
                        "interaction_id": f"i{i}", "script_id": "bench", "agent_id": agent,
                        "state": {}, "adherence": rng.choice((1.0, 1.0, 0.5, 0.0)),
                        "updated_at": wrapped,
                    }
                )  # fmt: skip
        interactions.append(row)
    out[InteractionRow] = interactions
    out[SurveyRow] = surveys
    out[ScriptProgressRow] = progress
    states: list[dict[str, Any]] = []
    for n in range(OPERATORS):
        for day in range(DAYS):
            start = SINCE + timedelta(days=day, hours=8)
            for offset, state in ((0, "ready"), (4 * 3600, "not_ready"), (4.75 * 3600, "ready"),
                                  (8 * 3600, "offline")):  # fmt: skip
                states.append(
                    {"agent_id": f"a{n}", "state": state,
                     "started_at": start + timedelta(seconds=offset)}
                )  # fmt: skip
    out[StateLogRow] = states
    out[SeasonRow] = [
        {"id": "s1", "name": "Autumn", "starts_at": SINCE, "ends_at": UNTIL,
         "weights": {"quality": 0.7, "quantity": 0.3}, "winner_team_id": None}
    ]  # fmt: skip
    out[PenaltyRow] = [
        {"id": f"p{n}", "season_id": "s1", "agent_id": f"a{n}", "points": 25.0,
         "reason": "privacy notice skipped", "by_id": "tl", "created_at": SINCE}
        for n in range(0, OPERATORS, 17)
    ]  # fmt: skip
    return out


def _insert(conn: Connection, rows: dict[Any, list[dict[str, Any]]]) -> None:
    for model, values in rows.items():
        for start in range(0, len(values), 20_000):
            conn.execute(insert(model.__table__), values[start : start + 20_000])


async def build_centre(db: Database, seed: int = 1) -> None:
    """Fill a freshly migrated database with the month, and let the database gather its
    statistics (a live database has them: autovacuum, or SQLite's optimize)."""
    rows = _rows(random.Random(seed))
    async with db.engine.begin() as conn:
        await conn.run_sync(_insert, rows)
    async with db.engine.connect() as conn:
        await conn.execute(text("ANALYZE"))
        await conn.commit()
