"""The knowledge base through the wire contract: import, search, edit, changes, urgent notes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import LiveServer
from tests.server.helpers import error_code, operator, stream


def art(title: str, body: str = "testo", kind: str = "procedure", **kw: Any) -> dict[str, Any]:
    return {"title": title, "body": body, "area": "test", "kind": kind, **kw}


async def test_search_answers_with_ranked_hits_and_snippets(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as op:
        r = await op.http.get(
            "/kb/search", params={"q": "fattura piu alta del solito", "client_id": "lario"}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) == {"items", "took_ms"}
        first = body["items"][0]
        assert set(first) == {"id", "title", "snippet", "kind", "area", "client_id", "score"}
        assert first["id"] == "kb-lario-bolletta-alta"
        assert "<b>" in first["snippet"]
        scores = [i["score"] for i in body["items"]]
        assert scores == sorted(scores, reverse=True)
        assert all(i["client_id"] in ("lario", None) for i in body["items"])


async def test_filters_and_client_first(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as op:
        r = await op.http.get("/kb/search", params={"q": "voltura", "client_id": "energia"})
        assert r.json()["items"][0]["id"] == "kb-energia-voltura"
        r = await op.http.get("/kb/search", params={"q": "bolletta", "kind": "faq", "limit": 50})
        assert r.json()["items"] and {i["kind"] for i in r.json()["items"]} == {"faq"}
        r = await op.http.get("/kb/search", params={"q": "bolletta", "area": "pagamenti"})
        assert {i["area"] for i in r.json()["items"]} == {"pagamenti"}


@pytest.mark.parametrize(
    "q", ['"', "*", "NEAR(", 'NEAR("a" "b", 2)', "voltura OR", "OR OR", "x" * 10_000, "-", "^"]
)
async def test_any_query_text_is_safe(shared_server: LiveServer, q: str) -> None:
    async with operator(shared_server, "mario") as op:
        r = await op.http.get("/kb/search", params={"q": q})
        assert r.status_code == 200, r.text


async def test_bad_search_parameters_are_4xx(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as op:
        for params in ({"kind": "gossip"}, {"limit": 0}, {"limit": 10_000}, {"q": "x" * 30_000}):
            r = await op.http.get("/kb/search", params={"q": "a", **params})
            assert r.status_code == 422, (params, r.text)
            error_code(r)


async def test_import_create_edit_delete_and_changes(live_server: LiveServer) -> None:
    async with operator(live_server, "admin") as admin, operator(live_server, "mario") as op:
        start = (await op.http.get("/kb/changes", params={"since": 0})).json()
        v0 = start["version"]
        assert len(start["articles"]) >= 30
        r = await admin.http.post(
            "/admin/kb/import",
            json={
                "articles": [
                    art("Zanzariere in omaggio"),
                    art(
                        "Tariffa sociale notturna",
                        "## Chi\n- pensionati",
                        kind="faq",
                        client_id="lario",
                        tags=["notte"],
                    ),
                ]
            },
        )
        assert r.status_code == 201, r.text
        ids = r.json()["ids"]
        assert len(ids) == 2
        hits = (await op.http.get("/kb/search", params={"q": "zanzariere"})).json()["items"]
        assert hits[0]["id"] == ids[0]
        got = (await op.http.get(f"/kb/articles/{ids[1]}")).json()
        assert got["kind"] == "faq" and got["tags"] == ["notte"] and got["version"] == 1
        assert "<h2>Chi</h2>" in got["html"] and "<li>pensionati</li>" in got["html"]

        ch = (await op.http.get("/kb/changes", params={"since": v0})).json()
        assert ch["version"] == v0 + 1 and {a["id"] for a in ch["articles"]} == set(ids)

        r = await admin.http.put(f"/admin/kb/articles/{ids[0]}", json=art("Zanzariere scontate"))
        assert r.status_code == 200 and r.json()["version"] == 2
        hits = (await op.http.get("/kb/search", params={"q": "scontate "})).json()["items"]
        assert hits[0]["id"] == ids[0]

        r = await admin.http.delete(f"/admin/kb/articles/{ids[0]}")
        assert r.status_code == 204
        assert (await op.http.get(f"/kb/articles/{ids[0]}")).status_code == 404
        assert (await op.http.get("/kb/search", params={"q": "zanzariere"})).json()["items"] == []
        ch = (await op.http.get("/kb/changes", params={"since": v0 + 1})).json()
        assert ch["version"] == v0 + 3 and ch["deleted"] == [ids[0]] and ch["articles"] == []

        r = await admin.http.post("/admin/kb/articles", json=art("Nuovo articolo", kind="news"))
        assert r.status_code == 201 and r.json()["kb_version"] == v0 + 4


async def test_bad_imports_import_nothing(live_server: LiveServer) -> None:
    async with operator(live_server, "admin") as admin, operator(live_server, "mario") as op:
        v0 = (await op.http.get("/kb/changes", params={"since": 0})).json()["version"]
        good = art("Articolo buono unicissimo")
        bad_bodies: list[Any] = [
            {"articles": [good] * 5001},
            {"articles": [good, {"body": "senza titolo", "area": "x", "kind": "faq"}]},
            {"articles": [good, art("   ")]},
            {"articles": [good, art("Tipo ignoto", kind="gossip")]},
            {
                "articles": [
                    good,
                    art(
                        "Date invertite",
                        valid_from="2030-01-02T00:00:00Z",
                        valid_to="2030-01-01T00:00:00Z",
                    ),
                ]
            },
            {"articles": []},
            {"articles": "no"},
            [good],
        ]
        for body in bad_bodies:
            r = await admin.http.post("/admin/kb/import", json=body)
            assert 400 <= r.status_code < 500, r.text
            error_code(r)
        assert (await op.http.get("/kb/changes", params={"since": v0})).json()["articles"] == []
        hits = (await op.http.get("/kb/search", params={"q": "unicissimo"})).json()["items"]
        assert hits == []
        r = await op.http.post("/admin/kb/import", json={"articles": [good]})
        assert r.status_code == 403


async def test_import_of_five_thousand_keeps_order(live_server: LiveServer) -> None:
    async with operator(live_server, "admin") as admin:
        articles = [art(f"Articolo numero {n}", f"corpo {n}") for n in range(5000)]
        r = await admin.http.post("/admin/kb/import", json={"articles": articles}, timeout=120)
        assert r.status_code == 201, r.text
        ids = r.json()["ids"]
        assert len(ids) == 5000 and len(set(ids)) == 5000
        got = (await admin.http.get(f"/kb/articles/{ids[4321]}")).json()
        assert got["title"] == "Articolo numero 4321"


async def test_content_is_rendered_inert(live_server: LiveServer) -> None:
    async with operator(live_server, "admin") as admin:
        body = (
            "Testo <script>alert('x')</script> ![spia](https://evil.example/p.png)\n\n"
            '<img src="https://evil.example/a.png" onerror="alert(1)">\n\n'
            "[link](javascript:alert(1)) [altro](kb:kb-reclami)"
        )
        r = await admin.http.post("/admin/kb/articles", json=art("Inerte", body))
        html = r.json()["html"]
        assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
        assert "&lt;script&gt;" in html  # shown as text, never run
        assert 'href="kb:kb-reclami"' in html


async def test_feedback_links_the_article_to_the_interaction(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as op:
        recent = (await op.http.get("/interactions", params={"status": "recent"})).json()
        interaction_id = recent["items"][0]["id"]
        r = await op.http.post(
            "/kb/articles/kb-reclami/feedback",
            json={"helpful": True, "interaction_id": interaction_id},
        )
        assert r.status_code == 201, r.text
        r = await op.http.get(f"/kb/interactions/{interaction_id}/articles")
        assert r.json()["items"] == [
            {"article_id": "kb-reclami", "helpful": True, "interaction_id": interaction_id}
        ]
        r = await op.http.post(
            "/kb/articles/kb-reclami/feedback", json={"helpful": True, "interaction_id": "nope"}
        )
        assert r.status_code == 422
        r = await op.http.post("/kb/articles/nope/feedback", json={"helpful": False})
        assert r.status_code == 404
        r = await op.http.post("/kb/articles/kb-reclami/feedback", json={"helpful": "maybe"})
        assert r.status_code == 422


async def test_urgent_reaches_the_right_operators_and_stays_until_acknowledged(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "admin") as admin,
        operator(live_server, "mario") as mario,  # lario and energia
        operator(live_server, "giulia") as giulia,  # lario only
        operator(live_server, "luca") as luca,  # team leader
    ):
        async with stream(live_server, mario.token) as ms, stream(live_server, giulia.token) as gs:
            r = await admin.http.post(
                "/admin/kb/articles",
                json=art(
                    "Blocco addebiti SEPA oggi",
                    "Non attivare RID oggi",
                    "urgent",
                    client_id="energia",
                ),
            )
            assert r.status_code == 201, r.text
            urgent_id = r.json()["id"]
            event = await ms.event("kb.urgent")
            assert event["data"]["article"]["id"] == urgent_id
            # giulia does not work for energia: her stream gets nothing about it
            r = await admin.http.post(
                "/admin/kb/articles", json=art("Per tutti", "avviso", "urgent")
            )
            general_id = r.json()["id"]
            event = await gs.event("kb.urgent")
            assert event["data"]["article"]["id"] == general_id

        pending = {i["id"] for i in (await mario.http.get("/kb/urgent")).json()["items"]}
        assert {urgent_id, general_id} <= pending
        pending = {i["id"] for i in (await giulia.http.get("/kb/urgent")).json()["items"]}
        assert general_id in pending and urgent_id not in pending

        reads = (await luca.http.get(f"/kb/articles/{urgent_id}/reads")).json()
        before = {p["agent_id"] for p in reads["pending"]}
        # everyone serving energia owes the read (mario among them); giulia does not
        assert "a-mario" in before and "a-giulia" not in before
        assert reads["acknowledged"] == []
        assert (await mario.http.get(f"/kb/articles/{urgent_id}/reads")).status_code == 403

        assert (await mario.http.post(f"/kb/articles/{urgent_id}/ack")).status_code == 200
        pending = {i["id"] for i in (await mario.http.get("/kb/urgent")).json()["items"]}
        assert urgent_id not in pending and general_id in pending
        reads = (await luca.http.get(f"/kb/articles/{urgent_id}/reads")).json()
        assert {p["agent_id"] for p in reads["pending"]} == before - {"a-mario"}
        assert [a["agent_id"] for a in reads["acknowledged"]] == ["a-mario"]

        # an edit is a new revision: it must be read again
        await admin.http.put(
            f"/admin/kb/articles/{urgent_id}",
            json=art("Blocco addebiti SEPA fino a domani", "x", "urgent", client_id="energia"),
        )
        pending = {i["id"] for i in (await mario.http.get("/kb/urgent")).json()["items"]}
        assert urgent_id in pending
        assert (await mario.http.post("/kb/articles/kb-reclami/ack")).status_code == 409


async def test_articles_for_a_client_not_configured_yet_are_accepted(
    shared_server: LiveServer,
) -> None:
    async with operator(shared_server, "admin") as admin:
        r = await admin.http.post(
            "/admin/kb/import", json={"articles": [art("Listino Acme", client_id="acme")]}
        )
        assert r.status_code == 201, r.text
        r = await admin.http.get("/kb/search", params={"q": "listino acme", "client_id": "acme"})
        assert r.json()["items"][0]["client_id"] == "acme"
