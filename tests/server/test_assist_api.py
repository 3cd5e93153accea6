"""Scripts and next best action over the real server: progress and adherence stored, hints
on the stream with their reasons, outcomes stored and reported, bad input refused with 4xx."""

from __future__ import annotations

from typing import Any

from tests.conftest import LiveServer
from tests.server.helpers import Operator, customer, error_code, operator, stream


async def _chat(server: LiveServer, mario: Operator, events: Any, text: str) -> tuple[str, Any]:
    known = (await mario.http.get("/customers/cus-lario-001")).json()
    await mario.ready()
    c = customer(server)
    cust = await c.__aenter__()
    iid = await cust.open_chat(handle=known["chat_handle"], entry_point="web-lario", text=text)
    await events.event("interaction.offered")
    assert (await mario.accept(iid)).status_code == 200
    return iid, (c, cust)


async def test_script_progress_is_saved_with_adherence(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as mario, stream(live_server, mario.token) as ev:
        listed = (await mario.http.get("/scripts")).json()["items"]
        ids = {s["id"] for s in listed}
        assert {"lario-inbound-care", "energia-collection", "energia-nps"} <= ids
        script = (await mario.http.get("/scripts/lario-inbound-care")).json()
        assert script["start"] == "greet" and script["nodes"][0]["id"] == "greet"
        assert "customer_name" in script["variables"]

        iid, (ctx, _c) = await _chat(live_server, mario, ev, "Buongiorno")
        try:
            before = (await mario.http.get(f"/interactions/{iid}/script-progress")).json()
            assert before["script_id"] == "lario-inbound-care"  # from the chat's queue
            assert before["current"] == "greet" and before["adherence"] == 0.0
            assert before["variables"]["client"] == "Lario Acque"
            assert before["variables"]["customer_name"]

            async def step(node: str, answer: str | None = None) -> dict[str, Any]:
                r = await mario.http.post(f"/interactions/{iid}/script-progress",
                                          json={"node_id": node, "answer": answer})
                assert r.status_code == 200, r.text
                return dict(r.json())

            await step("greet")
            await step("privacy", "confirmed")
            half = await step("identity", "skipped")
            assert half["adherence"] == 0.5 and half["current"] == "reason"
            now = await step("reason", "fault")
            assert now["current"] == "fault"
            back = await step("reason", "bill")  # went back and chose another branch
            assert back["current"] == "bill" and "fault" not in back["path"]
            # saved on the interaction: a fresh read sees the same place
            again = (await mario.http.get(f"/interactions/{iid}/script-progress")).json()
            assert again["current"] == "bill" and again["confirmed"] == ["privacy_notice"]

            switched = await mario.http.post(
                f"/interactions/{iid}/script-progress",
                json={"node_id": "greet", "script_id": "lario-collection"},
            )
            # a switch with the start node and no answer starts the other script at its top
            assert switched.status_code == 200, switched.text
            assert switched.json()["script_id"] == "lario-collection"
            assert switched.json()["current"] == "greet"
            said = await step("greet")
            assert said["script_id"] == "lario-collection" and said["current"] == "identity"

            # bad input: 4xx with the error shape, never a 5xx
            for body, status in [
                ({"node_id": "reason", "answer": "dance"}, 422),
                ({"node_id": "no-such-node"}, 422),
                ({"node_id": ""}, 422),
                ({"answer": "x"}, 422),
                ({"node_id": "greet", "script_id": "energia-nps"}, 422),
                ({"node_id": "greet", "extra": 1}, 422),
                ({"node_id": "x" * 100}, 422),
            ]:
                r = await mario.http.post(f"/interactions/{iid}/script-progress", json=body)
                assert r.status_code == status, (body, r.text)
                error_code(r)
            r = await mario.http.post("/interactions/int-nope/script-progress",
                                      json={"node_id": "greet"})
            assert r.status_code == 404
            error_code(r)
            assert (await mario.http.get("/scripts/nope")).status_code == 404
        finally:
            await ctx.__aexit__(None, None, None)


async def test_hints_arrive_with_reasons_and_outcomes_are_reported(
    live_server: LiveServer,
) -> None:
    async with operator(live_server, "mario") as mario, stream(live_server, mario.token) as ev:
        iid, (ctx, cust) = await _chat(live_server, mario, ev, "Buongiorno")
        try:
            r = await cust.say(iid, "C'è una perdita d'acqua in strada, devo segnalare un guasto")
            assert r.status_code == 201
            suggested = (await ev.event("nba.suggested"))["data"]
            while not any(h["rule"] == "article_for_last_line" for h in suggested["items"]):
                suggested = (await ev.event("nba.suggested"))["data"]
            article = next(h for h in suggested["items"] if h["rule"] == "article_for_last_line")
            assert article["action"] == {"kind": "article", "target": "kb-lario-perdita-rete"}
            assert article["reason"]

            await cust.say(iid, "Grazie, ma è la terza volta che lo segnalo! Inaccettabile")
            turned = (await ev.event("nba.suggested"))["data"]
            while not any(h["rule"] == "mood_turning_negative" for h in turned["items"]):
                turned = (await ev.event("nba.suggested"))["data"]
            listed = (await mario.http.get(f"/interactions/{iid}/next-best-actions")).json()
            rules = [h["rule"] for h in listed["items"]]
            assert rules[0] == "mood_turning_negative"  # highest priority first
            priorities = [h["priority"] for h in listed["items"]]
            assert priorities == sorted(priorities, reverse=True)
            calm = next(h for h in listed["items"] if h["rule"] == "mood_turning_negative")
            # the article answered the previous line: no longer suggested, still decidable
            assert "article_for_last_line" not in rules
            art = article

            ok = await mario.http.post(f"/next-best-actions/{calm['id']}/outcome",
                                       json={"accepted": True, "note": "scuse fatte"})
            assert ok.status_code == 200 and ok.json()["outcome"] == "accepted"
            no = await mario.http.post(f"/next-best-actions/{art['id']}/outcome",
                                       json={"accepted": False})
            assert no.json()["outcome"] == "dismissed"
            gone = (await ev.event("nba.suggested"))["data"]["items"]
            assert calm["id"] not in [h["id"] for h in gone]
            again = await mario.http.post(f"/next-best-actions/{art['id']}/outcome",
                                          json={"accepted": True})
            assert again.status_code == 409
            error_code(again)
            for body in ({}, {"accepted": "maybe"}, {"accepted": True, "note": "x" * 5000}):
                bad = await mario.http.post(f"/next-best-actions/{art['id']}/outcome", json=body)
                assert bad.status_code == 422, body
                error_code(bad)
            missing = await mario.http.post("/next-best-actions/nba-nope/outcome",
                                            json={"accepted": True})
            assert missing.status_code == 404
            assert (await mario.wrapup(iid, "info_bolletta", resolved=True)).status_code == 200
        finally:
            await ctx.__aexit__(None, None, None)

    async with operator(live_server, "luca") as luca:
        report = (await luca.http.get("/reports/next-best-actions")).json()
        by_rule = {r["rule"]: r for r in report["rules"]}
        assert by_rule["mood_turning_negative"]["accepted"] == 1
        assert by_rule["mood_turning_negative"]["succeeded"] == 1
        assert by_rule["mood_turning_negative"]["success_rate"] == 1.0
        assert by_rule["article_for_last_line"]["dismissed"] == 1
        assert by_rule["article_for_last_line"]["acceptance_rate"] == 0.0
        bad = await luca.http.get("/reports/next-best-actions?since=yesterday")
        assert bad.status_code == 422
        error_code(bad)
    async with operator(live_server, "mario") as mario:
        assert (await mario.http.get("/reports/next-best-actions")).status_code == 403
