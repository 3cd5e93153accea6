"""People: KPIs, staffing, surveys, competition, roles, the board, nesting."""

from __future__ import annotations

from typing import Any

import pytest

from agentdesk.domain.erlang_c import staff
from tests.conftest import LiveServer, ServerFactory
from tests.server.helpers import customer, error_code, operator, stream


async def test_my_kpis_come_from_the_server(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as mario:
        r = await mario.http.get("/kpis/me", params={"period": "today"})
        assert r.status_code == 200, r.text
        day = r.json()
        assert day["scope"] == "operator" and day["handled"] > 0
        assert (
            day["aht_s"] > 0 and day["aht_band_s"][0] < day["aht_target_s"] < day["aht_band_s"][1]
        )
        assert {n["type"] for n in day["nps"]} == {
            "nps_transactional",
            "nps_relational",
            "nps_competitive",
        }
        assert day["rank"] >= 1 and day["score"] is not None
        for period in ("week", "month", "season"):
            assert (await mario.http.get("/kpis/me", params={"period": period})).status_code == 200
        bad = await mario.http.get("/kpis/me", params={"period": "decade"})
        assert bad.status_code == 422 and error_code(bad) == "validation_error"


async def test_roles_on_kpis_reviews_and_staffing(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as mario, operator(shared_server, "luca") as luca:
        assert (await mario.http.get("/kpis/teams/squadra-2")).status_code == 200
        assert (await mario.http.get("/kpis/teams/squadra-5")).status_code == 403
        assert (await mario.http.get("/reviews")).status_code == 403
        assert (
            await mario.http.get("/staffing/erlang-c", params={"volume": 100, "aht": 180})
        ).status_code == 403
        assert (await luca.http.get("/kpis/teams/squadra-2")).status_code == 200
        assert (await luca.http.get("/kpis/teams/squadra-5")).status_code == 403
        assert (await luca.http.get("/teams/squadra-5/live")).status_code == 403
        assert (await luca.http.get("/kpis/teams/nope")).status_code == 404
        assert (await luca.http.get("/kpis/agents/a-elena")).status_code == 403
        assert (await luca.http.get("/kpis/agents/a-mario")).status_code == 200


@pytest.mark.parametrize(("volume", "aht"), [(1, 60), (100, 180), (750, 240), (2000, 300)])
async def test_erlang_c_route_matches_the_formula(
    shared_server: LiveServer, volume: int, aht: int
) -> None:
    async with operator(shared_server, "luca") as luca:
        r = await luca.http.get(
            "/staffing/erlang-c",
            params={
                "volume": volume,
                "aht": aht,
                "target_sl": 0.8,
                "target_time": 20,
                "shrinkage": 0.3,
            },
        )
        assert r.status_code == 200, r.text
        body = r.json()
        ref = staff(volume, aht, 1800, target_sl=0.8, target_time=20, shrinkage=0.3)
        assert body["agents"] == ref.agents and body["scheduled"] == ref.scheduled
        assert set(body) == {
            "traffic_erlangs",
            "agents",
            "service_level",
            "asa_s",
            "occupancy",
            "scheduled",
        }


@pytest.mark.parametrize(
    "params",
    [
        {"volume": -1, "aht": 180},
        {"volume": 10, "aht": 0},
        {"volume": 10, "aht": 180, "target_sl": 1.5},
        {"volume": 10, "aht": 180, "shrinkage": 1},
        {"volume": "x", "aht": 180},
        {"aht": 180},
    ],
)
async def test_erlang_c_refuses_inputs_out_of_range(
    shared_server: LiveServer, params: dict[str, object]
) -> None:
    async with operator(shared_server, "luca") as luca:
        r = await luca.http.get("/staffing/erlang-c", params=params)
        assert r.status_code == 422, r.text
        assert "error" in r.json()


async def test_surveys_keep_nps_kinds_apart(shared_server: LiveServer) -> None:
    async with customer(shared_server) as gw, operator(shared_server, "luca") as luca:
        base = {"customer_id": "cus-lario-001"}
        for kind, score in (("nps_relational", 10), ("nps_competitive", 0), ("csat", 5)):
            r = await gw.http.post(
                "/gateway/surveys",
                json={**base, "type": kind, "score": score, "comment": f"{kind} comment"},
            )
            assert r.status_code == 201, r.text
        bad = await gw.http.post("/gateway/surveys", json={**base, "type": "csat", "score": 9})
        assert bad.status_code == 422
        assert (
            await gw.http.post("/gateway/surveys", json={**base, "type": "nps_mixed", "score": 9})
        ).status_code == 422
        seen = {}
        for kind in ("nps_transactional", "nps_relational", "nps_competitive"):
            r = await luca.http.get(
                "/surveys/summary", params={"type": kind, "scope": "centre", "period": "month"}
            )
            assert r.status_code == 200, r.text
            s = r.json()
            assert s["type"] == kind
            figures = s["all"]
            assert (
                figures["promoters"] + figures["passives"] + figures["detractors"]
                == figures["responses"]
            )
            seen[kind] = figures
            for group in figures["comments"]:
                assert all(kind in c or not c.startswith("nps_") for c in group["comments"])
        assert any(
            c == "nps_relational comment"
            for g in seen["nps_relational"]["comments"]
            for c in g["comments"]
        )
        assert not any(
            c == "nps_relational comment"
            for g in seen["nps_competitive"]["comments"]
            for c in g["comments"]
        )
        assert "after_collection" in s
        async with operator(shared_server, "mario") as mario:
            assert (
                await mario.http.get("/surveys/summary", params={"type": "csat", "scope": "centre"})
            ).status_code == 403
            assert (
                await mario.http.get("/surveys/summary", params={"type": "csat", "scope": "me"})
            ).status_code == 200


async def test_leaderboard_traces_points_and_penalties(shared_server: LiveServer) -> None:
    async with operator(shared_server, "luca") as luca, operator(shared_server, "mario") as mario:
        board = (await luca.http.get("/competition/leaderboard")).json()
        assert [s["team_id"] for s in board["squads"]] and board["individuals"]
        for e in board["individuals"]:
            lines = sum(line["points"] for line in e["lines"])
            penalties = sum(p["points"] for p in e["penalties"])
            assert e["score"] == pytest.approx(max(0.0, lines - penalties), abs=0.5)
        paolo = next(e for e in board["individuals"] if e["agent_id"] == "a-paolo")
        assert paolo["penalties"][0]["reason"]
        r = await luca.http.post(
            "/competition/penalties",
            json={"agent_id": "a-mario", "points": 10, "reason": "privacy"},
        )
        assert r.status_code == 201
        assert (
            await luca.http.post(
                "/competition/penalties",
                json={"agent_id": "a-elena", "points": 10, "reason": "privacy"},
            )
        ).status_code == 403
        assert (
            await mario.http.post(
                "/competition/penalties",
                json={"agent_id": "a-mario", "points": 10, "reason": "privacy"},
            )
        ).status_code == 403
        me = (await mario.http.get("/competition/me")).json()
        assert me["me"]["agent_id"] == "a-mario" and me["me"]["penalties"]


async def test_private_message_reaches_the_operator(shared_server: LiveServer) -> None:
    async with operator(shared_server, "luca") as luca, operator(shared_server, "mario") as mario:
        async with stream(shared_server, mario.token) as s:
            r = await luca.http.post("/agents/a-mario/messages", json={"text": "Ottimo lavoro"})
            assert r.status_code == 201
            event = await s.event("agent.message")
            assert event["data"]["text"] == "Ottimo lavoro"
        assert (
            await luca.http.post("/agents/a-elena/messages", json={"text": "x"})
        ).status_code == 403


async def test_trainee_is_held_until_the_tutor_releases(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "giulia") as giulia,
        operator(live_server, "sara") as sara,
        customer(live_server) as gw,
    ):
        await sara.ready()
        async with stream(live_server, giulia.token) as gs, stream(live_server, sara.token) as ss:
            await giulia.ready()
            first = await gw.open_chat("prima.cliente")
            offered = await gs.event("interaction.offered")
            assert offered["data"]["interaction"]["id"] == first
            assert (await giulia.accept(first)).status_code == 200
            # one at a time: a second chat waits while she holds the first
            second = await gw.open_chat("seconda.cliente")
            await giulia.send(first, "Buongiorno, come posso aiutarla?")
            assert (await giulia.wrapup(first, "info_bolletta")).status_code == 200
            state = await gs.event("agent.state")
            assert state["data"]["state"]["state"] == "review_hold"
            requested = await ss.event("review.requested")
            review = requested["data"]["review"]
            assert review["interaction_id"] == first and review["transcript"]
            # she cannot leave the hold herself, and nothing is offered meanwhile
            r = await giulia.set_state("not_ready", "coaching")
            assert r.status_code == 409
            active = (await giulia.http.get("/interactions", params={"status": "active"})).json()
            assert second not in [
                i["id"] for i in active.get("items", active if isinstance(active, list) else [])
            ]
            assert (await giulia.http.get("/reviews")).status_code == 403
            pending = (await sara.http.get("/reviews", params={"status": "pending"})).json()[
                "items"
            ]
            assert review["id"] in [p["id"] for p in pending]
            r = await sara.http.post(
                f"/reviews/{review['id']}",
                json={"score": 4, "feedback": "Brava, più empatia", "release": True},
            )
            assert r.status_code == 200, r.text
            done = await gs.event("review.completed")
            assert done["data"]["review"]["feedback"] == "Brava, più empatia"
            nxt = await gs.event("interaction.offered")
            assert nxt["data"]["interaction"]["id"] == second
            trainees = (await sara.http.get("/nesting/trainees")).json()["items"]
            assert trainees[0]["graduation"]["reviewed"] == 4  # three seeded, and this one
            r = await sara.http.post("/nesting/trainees/a-giulia/graduate")
            assert r.status_code == 200 and r.json()["role"] == "operator"


async def test_board_updates_and_alerts_on_a_burst(server_factory: ServerFactory) -> None:
    server = server_factory(service_level_threshold_s=1.0)
    async with (
        operator(server, "luca") as luca,
        operator(server, "mario") as mario,
        customer(server) as gw,
    ):
        await luca.ready()
        async with stream(server, luca.token) as ls:
            first = await ls.event("team.live")
            assert first["data"]["team_id"] == "squadra-2"
            await mario.set_state("not_ready", "break")
            while True:
                ev = await ls.event("team.live")
                states = {m["agent_id"]: m["state"]["state"] for m in ev["data"]["members"]}
                if states["a-mario"] == "not_ready":
                    break
            for n in range(6):
                await gw.open_chat(f"burst.{n}")
            while True:
                ev = await ls.event("team.live", within=10)
                kinds = {a["kind"] for a in ev["data"]["alerts"]}
                if "service_level" in kinds:
                    break
            live = (await luca.http.get("/teams/squadra-2/live")).json()
            assert any(q["waiting"] >= 6 for q in live["queues"])


async def test_no_report_mixes_nps_kinds(shared_server: LiveServer) -> None:
    """Relational and competitive answers on mario's contact move only their own kind, in
    every report that shows NPS: /kpis/me, /kpis/teams, and /surveys/summary per kind."""
    kinds = ("nps_transactional", "nps_relational", "nps_competitive")

    async def snapshot(mario: Any, luca: Any) -> dict[str, dict[str, tuple[int, int, int]]]:
        out: dict[str, dict[str, tuple[int, int, int]]] = {}
        me = (await mario.http.get("/kpis/me")).json()["nps"]
        team = (await luca.http.get("/kpis/teams/squadra-2")).json()["nps"]
        for name, rows in (("me", me), ("team", team)):
            out[name] = {r["type"]: (r["promoters"], r["passives"], r["detractors"]) for r in rows}
        out["summary"] = {}
        for kind in kinds:
            s = (
                await luca.http.get(
                    "/surveys/summary",
                    params={"type": kind, "scope": "team:squadra-2", "period": "today"},
                )
            ).json()["all"]
            out["summary"][kind] = (s["promoters"], s["passives"], s["detractors"])
        return out

    async with (
        operator(shared_server, "mario") as mario,
        operator(shared_server, "luca") as luca,
        customer(shared_server) as gw,
    ):
        contact = "int-day-a-mario-0"
        detail = (await mario.http.get(f"/interactions/{contact}")).json()
        before = await snapshot(mario, luca)
        for kind, score, times in (("nps_relational", 10, 3), ("nps_competitive", 0, 2)):
            for _ in range(times):
                r = await gw.http.post(
                    "/gateway/surveys",
                    json={
                        "interaction_id": contact,
                        "customer_id": detail["customer_id"],
                        "type": kind,
                        "score": score,
                        "comment": "",
                    },
                )
                assert r.status_code == 201, r.text
        after = await snapshot(mario, luca)
        for report in ("me", "team", "summary"):
            b, a = before[report], after[report]
            assert a["nps_transactional"] == b["nps_transactional"], report
            assert a["nps_relational"] == (b["nps_relational"][0] + 3, *b["nps_relational"][1:]), (
                report
            )
            assert a["nps_competitive"] == (
                *b["nps_competitive"][:2],
                b["nps_competitive"][2] + 2,
            ), report
