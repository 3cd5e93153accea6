"""The desktop's canned responses from the real server."""

from __future__ import annotations

import pytest

from agentdesk.client.canned import CannedApi
from agentdesk.client.rest import ApiClient, ApiError


async def test_canned_responses_load_after_sign_in(api: ApiClient) -> None:
    canned = CannedApi(api)
    with pytest.raises(ApiError) as refused:
        await canned.list()
    assert refused.value.status == 401
    await api.login("mario", "demo")
    items = await canned.list()
    assert {i.client_id for i in items} == {"lario", "energia"}
    assert any(i.code == "chiusura" for i in items)
