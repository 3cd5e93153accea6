"""The desktop's knowledge-base copy against the real server: sync, changes, offline search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from agentdesk.client.kb_index import LocalKnowledgeBase
from agentdesk.client.rest import ApiClient, NetworkError
from tests.client.conftest import LiveServer
from tests.client.helpers import until


async def admin_client(live: LiveServer) -> httpx.AsyncClient:
    http = httpx.AsyncClient(base_url=live.base_url + "/api/v1", timeout=10)
    r = await http.post("/auth/login", json={"username": "admin", "password": "demo"})
    http.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return http


async def test_search_works_with_the_server_stopped(
    live: LiveServer, api: ApiClient, tmp_path: Path
) -> None:
    await api.login("mario", "demo")
    kb = LocalKnowledgeBase(tmp_path / "kb.sqlite3")
    assert await kb.sync(api.kb_changes) >= 30
    admin = await admin_client(live)
    r = await admin.post(
        "/admin/kb/articles",
        json={"title": "Zanzariere omaggio ai clienti", "body": "promo", "kind": "news"},
    )
    new_id = r.json()["id"]
    await admin.aclose()
    assert await kb.sync(api.kb_changes) == 1
    assert kb.search("zanzariere ")[0].id == new_id

    await live.stop()
    with pytest.raises(NetworkError):
        await kb.sync(api.kb_changes)
    # the server is down: the copy answers, ranked as the server would
    hits = kb.search("rateizazione bollete", client_id="lario")
    assert hits and hits[0].id == "kb-lario-rateizzazione"
    assert "<b>" in hits[0].snippet
    assert kb.article_html("kb-lario-voltura") is not None

    # a restart of the desktop reopens the same copy without the network
    again = LocalKnowledgeBase(tmp_path / "kb.sqlite3")
    assert again.search("voltura ", client_id="lario")[0].id == "kb-lario-voltura"
    assert again.version == kb.version


async def test_deletions_and_edits_reach_the_copy(live: LiveServer, api: ApiClient) -> None:
    await api.login("mario", "demo")
    kb = LocalKnowledgeBase()
    await kb.sync(api.kb_changes)
    admin = await admin_client(live)
    await admin.put(
        "/admin/kb/articles/kb-lario-voltura",
        json={
            "title": "Voltura: cambio di intestatario (nuova modulistica)",
            "body": "PEC",
            "kind": "procedure",
            "client_id": "lario",
            "area": "contratti",
        },
    )
    await admin.delete("/admin/kb/articles/kb-sciopero")
    await admin.aclose()
    assert await kb.sync(api.kb_changes) == 2
    assert kb.search("sciopero ") == []
    assert kb.search("modulistica ", client_id="lario")[0].id == "kb-lario-voltura"


async def test_an_urgent_note_reaches_the_session_as_it_is_published(
    live: LiveServer, desk_factory: Any
) -> None:
    desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    admin = await admin_client(live)
    await admin.post(
        "/admin/kb/articles",
        json={
            "title": "Sistema pagamenti fermo",
            "body": "Non prendere pagamenti",
            "kind": "urgent",
            "client_id": "energia",
        },
    )
    await admin.aclose()
    await until(
        lambda: ("urgent", "Sistema pagamenti fermo") in desk.recorder.notices,
        what="the kb.urgent notice",
    )
