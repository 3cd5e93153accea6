"""The error shape on every kind of failure, and the agent state machine over REST."""

from __future__ import annotations

import pytest

from tests.conftest import LiveServer
from tests.server.helpers import customer, error_code, operator, stream


async def test_unknown_route_and_wrong_method_have_the_error_shape(
    shared_server: LiveServer,
) -> None:
    async with operator(shared_server, "mario") as op:
        r = await op.http.get("/no/such/thing")
        assert r.status_code == 404
        assert error_code(r) == "not_found"
        r = await op.http.delete("/me")
        assert r.status_code == 405
        assert error_code(r) == "method_not_allowed"
        r = await op.http.get("/interactions/int_nope")
        assert r.status_code == 404
        assert error_code(r) == "not_found"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/auth/login", {"username": "mario"}),
        ("POST", "/auth/login", {"username": "", "password": "x"}),
        ("POST", "/auth/login", {"username": "mario", "password": "demo", "extra": 1}),
        ("PUT", "/me/state", {"state": "dancing"}),
        ("PUT", "/me/state", {"state": "not_ready"}),  # a reason is required
        ("PUT", "/me/state", {"state": "ready", "reason": "break"}),  # and refused otherwise
        ("PUT", "/me/state", {"state": "not_ready", "reason": "nap"}),
        ("PUT", "/me/state", []),
        ("POST", "/customers/cus-lario-001/notes", {"text": "x"}),  # no idempotency key
        ("POST", "/customers/cus-lario-001/notes", {"text": "", "idempotency_key": "k" * 10}),
        ("POST", "/interactions/x/messages", {"text": "hi", "idempotency_key": "short"}),
        ("POST", "/interactions/x/wrapup", {"disposition": "altro", "idempotency_key": "k" * 10}),
    ],
)
async def test_invalid_bodies_get_422_with_the_error_shape(
    shared_server: LiveServer, method: str, path: str, body: object
) -> None:
    async with operator(shared_server, "mario") as op:
        r = await op.http.request(method, path, json=body)
        assert r.status_code == 422, r.text
        assert error_code(r) == "validation_error"
        assert r.json()["error"]["details"], "validation errors say what is wrong"


async def test_malformed_json_and_bad_query_get_422(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as op:
        r = await op.http.put(
            "/me/state", content=b"{not json", headers={"Content-Type": "application/json"}
        )
        assert r.status_code == 422
        assert error_code(r) == "validation_error"
        r = await op.http.get("/customers/cus-lario-001/timeline", params={"limit": "many"})
        assert r.status_code == 422
        r = await op.http.get("/customers/cus-lario-001/timeline", params={"before": "%%%"})
        assert r.status_code == 422
        r = await op.http.get("/customers/cus-lario-001/timeline", params={"channels": "fax"})
        assert r.status_code == 422
        r = await op.http.get("/customers")
        assert r.status_code == 422
        r = await op.http.get("/interactions", params={"status": "whatever"})
        assert r.status_code == 422


async def test_gateway_rejects_bad_bodies_and_unknown_entry_points(
    shared_server: LiveServer,
) -> None:
    async with customer(shared_server) as c:
        r = await c.http.post("/gateway/chats", json={"from": "x", "text": "hi"})
        assert r.status_code == 422
        r = await c.http.post(
            "/gateway/chats", json={"from": "x", "entry_point": "web-nowhere", "text": "hi"}
        )
        assert r.status_code == 422
        assert error_code(r) == "validation_error"
        r = await c.http.post("/gateway/chats/int_nope/messages", json={"text": "hi"})
        assert r.status_code == 404
        assert error_code(r) == "not_found"


async def test_login_does_not_change_state_and_starts_offline(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as op:
        assert op.profile["state"]["state"] == "offline"
        r = await op.http.get("/me")
        assert r.json()["state"]["state"] == "offline"
        assert r.json()["max_chats"] == 3
        assert {c["id"] for c in r.json()["clients"]} == {"lario", "energia"}


async def test_illegal_transitions_get_409_and_legal_ones_an_event(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as op, stream(live_server, op.token) as events:
        # offline -> wrap_up is not a thing
        r = await op.set_state("wrap_up")
        assert r.status_code == 409
        assert error_code(r) == "illegal_transition"
        assert r.json()["error"]["details"]["current"] == "offline"
        # review_hold is the server's to set
        r = await op.set_state("review_hold")
        assert r.status_code == 409
        r = await op.set_state("not_ready", "break")
        assert r.status_code == 200
        assert r.json()["reason"] == "break"
        event = await events.event("agent.state")
        assert event["data"]["state"] == {**r.json()}
        r = await op.set_state("wrap_up")
        assert r.status_code == 409
        r = await op.set_state("ready")
        assert r.status_code == 200
        assert (await events.event("agent.state"))["data"]["state"]["state"] == "ready"
        me = (await op.http.get("/me")).json()
        assert me["state"]["state"] == "ready"


async def test_nobody_goes_offline_with_a_customer(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as op,
        customer(live_server) as c,
        stream(live_server, op.token) as events,
    ):
        await op.ready()
        iid = await c.open_chat()
        await events.event("interaction.offered")
        assert (await op.accept(iid)).status_code == 200
        r = await op.set_state("offline")
        assert r.status_code == 409
        assert "still open" in r.json()["error"]["message"]
        assert (await op.set_state("not_ready", "backoffice")).status_code == 200
        assert (await op.wrapup(iid, "altro")).status_code == 200
        assert (await op.set_state("offline")).status_code == 200
