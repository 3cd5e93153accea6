"""The knowledge-base panel: search as you type, filters, inert articles, feedback, urgent
banner (against the real server for what goes over the wire)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx
import qasync
from pytestqt.qtbot import QtBot

from agentdesk.client.kb_index import LocalKnowledgeBase
from agentdesk.client.rest import ApiClient
from agentdesk.gui.assist import kb_service
from agentdesk.gui.assist.kb_model import ID_ROLE, KbHitsModel
from agentdesk.gui.assist.kb_panel import KbPanel
from agentdesk.gui.assist.kb_service import KbService
from agentdesk.gui.assist.pane import AssistPane
from agentdesk.search import Doc
from tests.conftest import LiveServer
from tests.unit.search.corpus import demo_docs


def demo_service() -> KbService:
    kb = LocalKnowledgeBase()
    kb.index.upsert(demo_docs(), version=1)
    return KbService(kb, None)


def test_hits_model_is_a_sound_item_model(qtmodeltester: object) -> None:
    model = KbHitsModel()
    model.set_hits(demo_service().search("bolletta "))
    assert model.rowCount() > 3
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_search_as_you_type_with_client_first_and_filters(qtbot: QtBot) -> None:
    panel = KbPanel()
    qtbot.addWidget(panel)
    panel.bind(demo_service())
    panel.set_context("lario", "i-1")
    for ch in "autolett":
        qtbot.keyClicks(panel.search, ch)
    first = panel.model.index(0, 0)
    assert first.data(ID_ROLE) == "kb-lario-autolettura"
    panel.search.setText("voltura")
    assert panel.model.index(0, 0).data(ID_ROLE) == "kb-lario-voltura"
    panel.set_context("energia", "i-2")
    assert panel.model.index(0, 0).data(ID_ROLE) == "kb-energia-voltura"
    panel.kind.setCurrentIndex(panel.kind.findData("faq"))
    panel.search.setText("bolletta")
    kinds = {panel.model.hit(r).kind for r in range(panel.model.rowCount())}  # type: ignore[union-attr]
    assert kinds == {"faq"}
    panel.search.setText("zzzzqqq")
    assert panel.model.rowCount() == 0 and panel.status.text()


def test_articles_are_shown_inert_and_link_to_each_other(qtbot: QtBot) -> None:
    service = demo_service()
    service.kb.index.upsert(
        [
            Doc(
                id="evil",
                title="Contenuto ostile",
                body="Ciao <script>alert(1)</script> ![x](https://evil.example/p.png) "
                '<img src="https://evil.example/a.png"> [subentro](kb:kb-lario-subentro)',
                area="x",
                kind="faq",
            )
        ]
    )
    panel = KbPanel()
    qtbot.addWidget(panel)
    panel.bind(service)
    panel.open_article("evil")
    html = panel.article.toHtml()
    assert "<img" not in html and "alert(1)</script>" not in panel.article.toPlainText().replace(
        "<script>alert(1)</script>", ""
    )
    assert "<script>alert(1)</script>" in panel.article.toPlainText()  # shown as text
    assert panel.article.loadResource(2, "https://evil.example/a.png") is None
    with qtbot.waitSignal(panel.articleOpened) as opened:
        panel.article.anchorClicked.emit(panel.article.anchorAt(panel.article.rect().center()))
        panel.article.articleLinkClicked.emit("kb-lario-subentro")
    assert opened.args == ["kb-lario-subentro"]
    assert "Subentro" in panel.article.toPlainText()


def test_the_assist_pane_carries_the_panel(qtbot: QtBot) -> None:
    pane = AssistPane()
    qtbot.addWidget(pane)
    assert isinstance(pane.kb, KbPanel)


def test_urgent_banner_stays_until_acknowledged_and_feedback_is_sent(
    qtbot: QtBot, qloop: qasync.QEventLoop, live_server: LiveServer
) -> None:
    admin = httpx.Client(base_url=live_server.api_url, timeout=10)
    token = admin.post("/auth/login", json={"username": "admin", "password": "demo"}).json()
    admin.headers["Authorization"] = f"Bearer {token['access_token']}"
    r = admin.post(
        "/admin/kb/articles",
        json={
            "title": "Sportelli chiusi domani",
            "body": "Solo telefono",
            "kind": "urgent",
            "client_id": "lario",
        },
    )
    urgent_id = r.json()["id"]
    api = ApiClient(live_server.base_url)
    qloop.run_until_complete(api.login("giulia", "demo"))
    service = KbService(LocalKnowledgeBase(), api)
    panel = KbPanel()
    qtbot.addWidget(panel)
    panel.bind(service)
    panel.show()
    qloop.run_until_complete(service.sync_now())
    qloop.run_until_complete(service.refresh_urgent())
    assert panel.banner.isVisible() and "Sportelli chiusi" in panel.banner.label.text()
    qloop.run_until_complete(service.refresh_urgent())  # asking again changes nothing
    assert panel.banner.isVisible()

    panel.banner.read_button.click()
    assert "Solo telefono" in panel.article.toPlainText()
    # the button's async slot, awaited as the running app would run it
    assert panel.banner.note is not None
    assert {n.id for n in service.urgent} == {urgent_id, "kb-lario-sospensione-lecco"}
    qloop.run_until_complete(panel._acknowledge(panel.banner.note.id))
    assert panel.banner.isVisible()  # the other one is still unread
    qloop.run_until_complete(panel._acknowledge(panel.banner.note.id))
    assert not panel.banner.isVisible()
    qloop.run_until_complete(service.refresh_urgent())  # and the server agrees
    assert not panel.banner.isVisible()
    reads = admin.get(f"/kb/articles/{urgent_id}/reads").json()
    assert [a["agent_id"] for a in reads["acknowledged"]] == ["a-giulia"]

    panel.set_context("lario", None)
    panel.open_article("kb-lario-voltura")
    qloop.run_until_complete(panel._feedback(True))
    assert not panel.yes_button.isEnabled() and "Thank" in panel.helpful_label.text()
    linked = admin.get("/kb/articles/kb-lario-voltura")
    assert linked.status_code == 200
    qloop.run_until_complete(service.stop())
    qloop.run_until_complete(api.aclose())
    admin.close()


def test_empty_search_suggests_articles_for_the_customers_words(qtbot: QtBot) -> None:
    panel = KbPanel()
    qtbot.addWidget(panel)
    panel.bind(demo_service())
    panel.set_context("energia", "i-1", "Vorrei pagare la bolletta a rate, si può?")
    assert panel.model.index(0, 0).data(ID_ROLE) == "kb-energia-rateizzazione"
    panel.search.setText("voltura")
    assert panel.model.index(0, 0).data(ID_ROLE) == "kb-energia-voltura"


def test_an_urgent_note_shows_soon_after_sign_in_when_the_desk_started_first(
    qtbot: QtBot, qloop: qasync.QEventLoop, live_server: LiveServer
) -> None:
    """The desk builds its panes before it has signed in (the cached picture comes first):
    the first look is refused, and the next comes within seconds, not a period later."""
    api = ApiClient(live_server.base_url)
    service = KbService(LocalKnowledgeBase(), api)
    panel = KbPanel()
    qtbot.addWidget(panel)
    panel.bind(service)
    panel.show()
    service.start()  # not signed in yet: refused (401)
    qloop.run_until_complete(asyncio.sleep(0.5))
    assert not panel.banner.isVisible()
    qloop.run_until_complete(api.login("mario", "demo"))
    started = time.monotonic()
    qloop.run_until_complete(
        until_true(lambda: panel.banner.isVisible() and service.kb.index.count() > 0, within=15)
    )
    assert time.monotonic() - started < kb_service.URGENT_EVERY_S  # the retry, not the period
    assert "kb-lario-sospensione-lecco" in {n.id for n in service.urgent}
    qloop.run_until_complete(service.stop())
    qloop.run_until_complete(api.aclose())


async def until_true(check: Callable[[], bool], within: float) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, "never happened"
        await asyncio.sleep(0.1)
