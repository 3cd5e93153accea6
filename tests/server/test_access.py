"""Every route refuses a missing or wrong credential (401) and a wrong role (403).

The routes are read from the app itself, so a new route cannot escape these checks: it must
declare a RoleGuard or the GatewayGuard, or be on the short public list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from agentdesk.protocol.agents import Role
from agentdesk.server.api.deps import GatewayGuard, RoleGuard
from agentdesk.server.app import create_app
from agentdesk.server.config import ServerSettings
from tests.conftest import LiveServer
from tests.server.helpers import error_code

PUBLIC = {("POST", "/api/v1/auth/login"), ("POST", "/api/v1/auth/refresh")}
ACCOUNTS = {
    Role.OPERATOR: "mario",
    Role.TRAINEE: "giulia",
    Role.TUTOR: "sara",
    Role.TEAM_LEADER: "luca",
    Role.ADMIN: "admin",
}


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # with path parameters filled in
    guard: RoleGuard | GatewayGuard | None


def _guards(dependant: Dependant) -> Iterator[RoleGuard | GatewayGuard]:
    for dep in dependant.dependencies:
        if isinstance(dep.call, RoleGuard | GatewayGuard):
            yield dep.call
        yield from _guards(dep)


def endpoints() -> list[Endpoint]:
    app = create_app(ServerSettings(database_url="sqlite+aiosqlite://", gateway_key="k"))
    found = []
    # FastAPI keeps included routers nested; iter_route_contexts yields each route with its
    # full path, as the OpenAPI generator sees it.
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        guards = list(_guards(route.dependant))
        assert len(guards) <= 1, f"{context.path} has several guards"
        path = re.sub(r"\{[^}]+\}", "x-missing", str(context.path))
        for method in sorted(context.methods or ()):
            found.append(Endpoint(method, path, guards[0] if guards else None))
    return found


ENDPOINTS = endpoints()


def test_the_app_has_the_routes_of_the_contract() -> None:
    paths = {(e.method, e.path) for e in ENDPOINTS}
    for expected in [
        ("GET", "/api/v1/me"),
        ("PUT", "/api/v1/me/state"),
        ("GET", "/api/v1/interactions"),
        ("POST", "/api/v1/interactions/x-missing/wrapup"),
        ("GET", "/api/v1/customers/x-missing/timeline"),
        ("GET", "/api/v1/teams/x-missing/live"),
        ("GET", "/api/v1/admin/agents"),
        ("POST", "/api/v1/gateway/chats/x-missing/typing"),
        ("POST", "/api/v1/gateway/chats/x-missing/end"),
    ]:
        assert expected in paths


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.path}")
def test_every_route_is_guarded_or_deliberately_public(endpoint: Endpoint) -> None:
    if (endpoint.method, endpoint.path) in PUBLIC:
        assert endpoint.guard is None
    else:
        assert endpoint.guard is not None, f"{endpoint.method} {endpoint.path} has no guard"


async def test_every_route_refuses_missing_wrong_and_foreign_credentials(
    shared_server: LiveServer,
) -> None:
    async with httpx.AsyncClient(base_url=shared_server.base_url, timeout=10) as http:
        tokens = {}
        for role, username in ACCOUNTS.items():
            r = await http.post(
                "/api/v1/auth/login", json={"username": username, "password": "demo"}
            )
            tokens[role] = r.json()["access_token"]
        gateway_key = shared_server.gateway_key or ""
        checked = 0
        for e in ENDPOINTS:
            if e.guard is None:
                continue

            async def call(headers: dict[str, str], e: Endpoint = e) -> httpx.Response:
                body = {} if e.method in ("POST", "PUT", "PATCH") else None
                return await http.request(e.method, e.path, json=body, headers=headers)

            where = f"{e.method} {e.path}"
            if isinstance(e.guard, RoleGuard):
                refused = [
                    {},
                    {"Authorization": "Bearer not-a-token"},
                    {"Authorization": "Basic bWFyaW86ZGVtbw=="},
                    {"X-Gateway-Key": gateway_key},  # the gateway key is no operator token
                    {"Authorization": f"Bearer {gateway_key}"},
                ]
                for headers in refused:
                    r = await call(headers)
                    assert r.status_code == 401, (where, headers, r.text)
                    assert error_code(r) == "unauthorized"
                for role, token in tokens.items():
                    if role in e.guard.roles:
                        continue
                    r = await call({"Authorization": f"Bearer {token}"})
                    assert r.status_code == 403, (where, role, r.text)
                    assert error_code(r) == "forbidden"
            else:
                operator = tokens[Role.OPERATOR]
                for headers in [
                    {},
                    {"X-Gateway-Key": "wrong-key"},
                    {"Authorization": f"Bearer {operator}"},  # operator tokens are refused here
                    {"X-Gateway-Key": operator},
                ]:
                    r = await call(headers)
                    assert r.status_code == 401, (where, headers, r.text)
                    assert error_code(r) == "unauthorized"
            checked += 1
        assert checked == len([e for e in ENDPOINTS if e.guard is not None])


async def test_allowed_roles_get_through(shared_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=shared_server.api_url, timeout=10) as http:

        async def token(username: str) -> dict[str, str]:
            r = await http.post("/auth/login", json={"username": username, "password": "demo"})
            return {"Authorization": f"Bearer {r.json()['access_token']}"}

        assert (await http.get("/admin/agents", headers=await token("admin"))).status_code == 200
        luca = await token("luca")
        assert (await http.get("/teams/squadra-2/live", headers=luca)).status_code == 200
        assert (await http.get("/interactions", headers=await token("giulia"))).status_code == 200
        key = {"X-Gateway-Key": shared_server.gateway_key or ""}
        assert (await http.get("/gateway/entry-points", headers=key)).status_code == 200


async def test_a_team_leader_watches_only_their_own_team(shared_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=shared_server.api_url, timeout=10) as http:
        r = await http.post("/auth/login", json={"username": "luca", "password": "demo"})
        headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
        r = await http.get("/teams/another-team/live", headers=headers)
        assert r.status_code == 403
        assert error_code(r) == "forbidden"


async def test_tokens_expire(server_factory: object) -> None:
    from tests.conftest import ServerFactory

    assert callable(server_factory)
    factory: ServerFactory = server_factory  # type: ignore[assignment]
    server = factory(access_token_ttl_s=1)
    async with httpx.AsyncClient(base_url=server.api_url, timeout=10) as http:
        r = await http.post("/auth/login", json={"username": "mario", "password": "demo"})
        body = r.json()
        assert body["expires_in"] == 1
        headers = {"Authorization": f"Bearer {body['access_token']}"}
        assert (await http.get("/me", headers=headers)).status_code == 200
        import asyncio

        await asyncio.sleep(1.1)  # the clock is what is under test here
        r = await http.get("/me", headers=headers)
        assert r.status_code == 401
        r = await http.post("/auth/refresh", json={"refresh_token": body["refresh_token"]})
        assert r.status_code == 200
        fresh = {"Authorization": f"Bearer {r.json()['access_token']}"}
        assert (await http.get("/me", headers=fresh)).status_code == 200
        # A refresh token is spent once.
        again = await http.post("/auth/refresh", json={"refresh_token": body["refresh_token"]})
        assert again.status_code == 401


async def test_logout_revokes_the_tokens(live_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=live_server.api_url, timeout=10) as http:
        r = await http.post("/auth/login", json={"username": "mario", "password": "demo"})
        body = r.json()
        headers = {"Authorization": f"Bearer {body['access_token']}"}
        assert (await http.post("/auth/logout", headers=headers)).status_code == 204
        assert (await http.get("/me", headers=headers)).status_code == 401
        r = await http.post("/auth/refresh", json={"refresh_token": body["refresh_token"]})
        assert r.status_code == 401


async def test_wrong_password_and_unknown_user_look_the_same(shared_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=shared_server.api_url, timeout=10) as http:
        a = await http.post("/auth/login", json={"username": "mario", "password": "nope"})
        b = await http.post("/auth/login", json={"username": "nobody", "password": "nope"})
        assert a.status_code == b.status_code == 401
        assert a.json() == b.json()
