"""ApiClient against the real reference server on loopback."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from agentdesk.client.rest import ApiClient, ApiError, NetworkError
from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol.agents import Role
from tests.client.conftest import Gateway, LiveServer
from tests.client.helpers import until


async def test_login_and_me(api: ApiClient) -> None:
    tokens = await api.login("mario", "demo")
    assert tokens.agent.username == "mario"
    assert api.access_token == tokens.access_token
    me = await api.me()
    assert me.username == "mario" and me.role is Role.OPERATOR
    assert {c.id for c in me.clients} == {"lario", "energia"}
    assert "chat" in me.skills
    assert await api.active_interactions() == []


async def test_wrong_password_is_an_api_error_with_the_error_shape(api: ApiClient) -> None:
    with pytest.raises(ApiError) as caught:
        await api.login("mario", "wrong")
    assert caught.value.status == 401
    assert caught.value.code == "unauthorized"
    assert caught.value.message
    assert api.access_token is None


async def test_not_signed_in_is_refused(api: ApiClient) -> None:
    with pytest.raises(ApiError) as caught:
        await api.me()
    assert caught.value.status == 401


async def test_errors_carry_status_code_and_message(api: ApiClient) -> None:
    await api.login("mario", "demo")
    with pytest.raises(ApiError) as missing:
        await api.interaction("no-such-interaction")
    assert (missing.value.status, missing.value.code) == (404, "not_found")

    await api.set_state(AgentState.NOT_READY, NotReadyReason.BREAK)
    with pytest.raises(ApiError) as illegal:
        await api.set_state(AgentState.WRAP_UP)  # not_ready -> wrap_up is not allowed
    assert illegal.value.status == 409

    with pytest.raises(ApiError) as invalid:
        await api.send_message("whatever", "", "key-12345678")  # empty text
    assert invalid.value.status == 422


async def test_unreachable_server_is_a_network_error() -> None:
    api = ApiClient("http://127.0.0.1:9", timeout=2.0, retries=2, retry_wait=0.01)
    try:
        with pytest.raises(NetworkError):
            await api.login("mario", "demo")
    finally:
        await api.aclose()


async def test_an_expired_access_token_is_refreshed_once_and_the_call_retried(
    live_factory: object,
) -> None:
    live: LiveServer = await live_factory(access_token_ttl_s=1)  # type: ignore[operator]
    api = ApiClient(live.base_url, timeout=5.0)
    refreshes = 0
    real = api._do_refresh

    async def counting() -> None:
        nonlocal refreshes
        refreshes += 1
        await real()

    api._do_refresh = counting  # type: ignore[method-assign]
    try:
        await api.login("mario", "demo")
        old = api.access_token
        assert old is not None

        async def old_token_refused() -> bool:
            async with httpx.AsyncClient() as raw:
                r = await raw.get(
                    f"{live.base_url}/api/v1/me", headers={"Authorization": f"Bearer {old}"}
                )
            return r.status_code == 401

        await until(old_token_refused, within=10, interval=0.1, what="the token expires")
        profiles = await asyncio.gather(*(api.me() for _ in range(5)))
        assert {p.username for p in profiles} == {"mario"}
        assert refreshes == 1  # concurrent 401s share one refresh (refresh tokens are single-use)
        assert api.access_token not in (None, old)
    finally:
        await api.aclose()


async def test_a_refused_refresh_surfaces_the_401(api: ApiClient) -> None:
    await api.login("mario", "demo")
    api._refresh = "not-a-refresh-token"
    api._access = "not-an-access-token"
    with pytest.raises(ApiError) as caught:
        await api.me()
    assert caught.value.status == 401


async def test_idempotency_key_applies_a_message_once(api: ApiClient, gateway: Gateway) -> None:
    await api.login("mario", "demo")
    await api.set_state(AgentState.READY)
    iid = await gateway.open_chat("Buongiorno, ho un problema con la bolletta")

    async def offered() -> bool:
        return any(i.id == iid for i in await api.active_interactions())

    await until(offered, what="the chat is offered")
    await api.accept(iid)
    first = await api.send_message(iid, "Buongiorno, la aiuto subito.", "same-key-0001")
    again = await api.send_message(iid, "Buongiorno, la aiuto subito.", "same-key-0001")
    assert first.id == again.id
    transcript = (await api.interaction(iid)).messages
    assert [m.text for m in transcript].count("Buongiorno, la aiuto subito.") == 1


async def test_customer_search_and_timeline(api: ApiClient) -> None:
    await api.login("mario", "demo")
    found = await api.find_customers(q="a")
    assert found
    customer = await api.customer(found[0].id)
    assert customer.id == found[0].id
    page = await api.timeline(customer.id, limit=5)
    assert len(page.items) <= 5
    if page.next_cursor:
        more = await api.timeline(customer.id, before=page.next_cursor, limit=5)
        assert {i.id for i in more.items}.isdisjoint({i.id for i in page.items})


async def test_ws_url_follows_the_base_url() -> None:
    plain, tls = ApiClient("http://h:1/"), ApiClient("https://h")
    assert plain.base_url == "http://h:1"
    assert plain.ws_url == "ws://h:1/api/v1/events"
    assert tls.ws_url == "wss://h/api/v1/events"
    await plain.aclose()
    await tls.aclose()
