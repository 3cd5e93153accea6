"""Canned responses: each client's own, only for the operators who serve it."""

from __future__ import annotations

import httpx

from tests.conftest import LiveServer
from tests.server.helpers import error_code, operator


async def test_an_operator_gets_the_canned_responses_of_their_clients(
    shared_server: LiveServer,
) -> None:
    async with operator(shared_server, "mario") as mario:
        r = await mario.http.get("/canned-responses")
        assert r.status_code == 200, r.text
        items = r.json()["items"]
        assert {i["client_id"] for i in items} == {"lario", "energia"}
        lario = [i for i in items if i["client_id"] == "lario"]
        assert lario[0]["code"] == "saluto"
        assert "{agent}" in lario[0]["text"] and "Lario" in lario[0]["text"]
        only = (await mario.http.get("/canned-responses", params={"client_id": "lario"})).json()
        assert {i["client_id"] for i in only["items"]} == {"lario"}


async def test_canned_responses_of_another_client_or_without_sign_in_are_refused(
    shared_server: LiveServer,
) -> None:
    async with operator(shared_server, "giulia") as giulia:
        mine = (await giulia.http.get("/canned-responses")).json()["items"]
        clients = {i["client_id"] for i in mine}
        other = next(c for c in ("lario", "energia") if c not in clients)
        refused = await giulia.http.get("/canned-responses", params={"client_id": other})
        assert refused.status_code == 403
        assert error_code(refused)
    async with httpx.AsyncClient(base_url=shared_server.api_url) as anonymous:
        r = await anonymous.get("/canned-responses")
        assert r.status_code == 401
        assert error_code(r)
