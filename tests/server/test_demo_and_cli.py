"""Demo data only with --demo, idempotent and deterministic seeding, the CLI's arguments."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from agentdesk.server.cli import parse_args
from agentdesk.server.db import Database
from agentdesk.server.db.kb_models import KbArticleRow
from agentdesk.server.db.models import (
    AgentRow,
    ClientRow,
    CustomerRow,
    InteractionRow,
    InvoiceRow,
    TeamRow,
)
from agentdesk.server.seed.kb_corpus import ARTICLES as KB_ARTICLES
from tests.conftest import LiveServer, ServerFactory, login
from tests.server.helpers import operator


async def _counts(url: str) -> dict[str, int]:
    db = Database(url)
    try:
        async with db.read() as session:
            return {
                model.__tablename__: int(
                    await session.scalar(select(func.count()).select_from(model)) or 0
                )
                for model in (
                    AgentRow,
                    ClientRow,
                    CustomerRow,
                    InteractionRow,
                    InvoiceRow,
                    KbArticleRow,
                )
            }
    finally:
        await db.dispose()


async def test_the_demo_contact_centre(shared_server: LiveServer) -> None:
    counts = await _counts(shared_server.settings.database_url)
    assert counts["clients"] == 2
    assert 180 <= counts["customers"] <= 220
    assert counts["kb_articles"] == len(KB_ARTICLES)
    assert counts["interactions"] > 150
    db = Database(shared_server.settings.database_url)
    try:
        async with db.read() as session:
            roles = dict((await session.execute(select(AgentRow.username, AgentRow.role))).all())
            team = await session.get(TeamRow, "squadra-2")
            luca = await session.scalar(select(AgentRow).where(AgentRow.username == "luca"))
            clients = {c.id: c for c in await session.scalars(select(ClientRow))}
            per_client = dict(
                (
                    await session.execute(
                        select(CustomerRow.client_id, func.count()).group_by(CustomerRow.client_id)
                    )
                ).all()
            )
    finally:
        await db.dispose()
    assert roles == {
        "mario": "operator",
        "anna": "operator",  # the second voice operator (seed/voice.py)
        "giulia": "trainee",
        "sara": "tutor",
        "luca": "team_leader",
        "admin": "admin",
        # the second squad of the competition (seed/people.py)
        "elena": "operator",
        "paolo": "operator",
        "marta": "operator",
    }
    assert team is not None and team.name == "Squadra Delfini"
    assert luca is not None and team.captain_id == luca.id
    assert clients["lario"].name == "Lario Acque" and clients["lario"].color == "#1f6fb2"
    assert clients["energia"].name == "Energia Nova" and clients["energia"].color == "#d9822b"
    assert per_client["lario"] > 50 and per_client["energia"] > 50
    async with httpx.AsyncClient(base_url=shared_server.api_url) as http:
        eps = await http.get(
            "/gateway/entry-points", headers={"X-Gateway-Key": shared_server.gateway_key or ""}
        )
        chat = {e["id"]: e for e in eps.json()["items"] if e["kind"] == "chat"}
        assert chat["web-lario"]["queue"] == "chat-lario"
        assert chat["web-energia"]["client_id"] == "energia"
    async with operator(shared_server, "giulia") as giulia:
        assert giulia.profile["max_chats"] == 1


async def test_seeding_again_duplicates_nothing(live_server: LiveServer) -> None:
    before = await _counts(live_server.settings.database_url)
    live_server.restart()
    assert await _counts(live_server.settings.database_url) == before


async def test_the_seed_is_deterministic(server_factory: ServerFactory) -> None:
    names = []
    for _ in range(2):
        server = server_factory()
        db = Database(server.settings.database_url)
        try:
            async with db.read() as session:
                names.append(
                    list(await session.scalars(select(CustomerRow.name).order_by(CustomerRow.id)))
                )
        finally:
            await db.dispose()
        server.stop()
    assert names[0] == names[1]


async def test_no_demo_accounts_without_demo(server_factory: ServerFactory) -> None:
    server = server_factory(demo=False)
    async with httpx.AsyncClient(base_url=server.api_url) as http:
        for username in ("mario", "giulia", "sara", "luca", "admin"):
            r = await http.post("/auth/login", json={"username": username, "password": "demo"})
            assert r.status_code == 401
        eps = await http.get(
            "/gateway/entry-points", headers={"X-Gateway-Key": server.gateway_key or ""}
        )
        assert eps.json()["items"] == []
    counts = await _counts(server.settings.database_url)
    assert counts["agents"] == counts["clients"] == counts["customers"] == 0


async def test_a_bootstrap_admin_without_demo(server_factory: ServerFactory) -> None:
    server = server_factory(demo=False, admin_password="s3cret-admin")
    token = login(server.base_url, "admin", "s3cret-admin")
    async with httpx.AsyncClient(
        base_url=server.api_url, headers={"Authorization": f"Bearer {token}"}
    ) as http:
        agents = (await http.get("/admin/agents")).json()["items"]
        assert [a["username"] for a in agents] == ["admin"]


async def test_no_gateway_key_means_no_gateway(server_factory: ServerFactory) -> None:
    server = server_factory(demo=False, gateway_key=None)
    async with httpx.AsyncClient(base_url=server.api_url) as http:
        r = await http.get("/gateway/entry-points", headers={"X-Gateway-Key": ""})
        assert r.status_code == 401


def test_openapi_is_served(shared_server: LiveServer) -> None:
    r = httpx.get(shared_server.api_url + "/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    assert "/api/v1/interactions/{interaction_id}/wrapup" in paths
    assert "/api/v1/gateway/chats/{interaction_id}/typing" in paths
    assert httpx.get(shared_server.api_url + "/docs").status_code == 200


def test_cli_arguments() -> None:
    args = parse_args(
        ["--port", "0", "--demo", "--simulate", "--simulate-rate", "6", "--database", "x"]
    )
    assert (args.port, args.demo, args.simulate, args.simulate_rate) == (0, True, True, 6.0)
    assert args.database == "x" and args.host == "127.0.0.1"
    with pytest.raises(SystemExit):
        parse_args(["--simulate-rate", "0"])
