"""The competition live: ``score.updated`` when a score moves, seasons and weights set by
team leaders and admins, the winning squad at season end."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.conftest import LiveServer
from tests.server.helpers import Stream, customer, operator, stream


async def _score_event(s: Stream, agent_id: str, within: float = 10) -> dict[str, Any]:
    while True:
        ev = await s.event("score.updated", within=within)
        if ev["data"]["agent_id"] == agent_id:
            return dict(ev["data"])


async def test_score_updates_reach_the_operator_and_the_team_leader(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "luca") as luca,
        operator(live_server, "mario") as mario,
        operator(live_server, "anna") as anna,
        customer(live_server) as gw,
    ):
        before = (await mario.http.get("/competition/me")).json()["me"]
        async with (
            stream(live_server, mario.token) as ms,
            stream(live_server, anna.token) as ans,
            stream(live_server, luca.token) as ls,
        ):
            await luca.ready()  # the team leader is on the floor, watching
            await asyncio.sleep(1.0)  # the server has looked at the standings once
            # a penalty: mario and his team leader hear the new score, with its reason
            r = await luca.http.post(
                "/competition/penalties",
                json={"agent_id": "a-mario", "points": 40, "reason": "privacy notice skipped"},
            )
            assert r.status_code == 201, r.text
            mine = await _score_event(ms, "a-mario")
            theirs = await _score_event(ls, "a-mario")
            assert mine["score"] == pytest.approx(before["score"] - 40, abs=0.2)
            assert theirs["score"] == mine["score"] and theirs["rank"] == mine["rank"]
            assert "privacy notice skipped" in [p["reason"] for p in mine["entry"]["penalties"]]
            me = (await mario.http.get("/competition/me")).json()["me"]
            assert (me["score"], me["rank"]) == (mine["score"], mine["rank"])
            # anna's first contact of the season: wrapped up, her FCR now counts
            start = (await anna.http.get("/competition/me")).json()["me"]
            await anna.ready()
            chat = await gw.open_chat("punteggio.cliente")
            await ans.event("interaction.offered")
            assert (await anna.accept(chat)).status_code == 200
            await anna.send(chat, "Buongiorno")
            # the script player: privacy notice confirmed, identity check skipped -> 50%
            for node, answer in (("greet", None), ("privacy", "confirmed"),
                                 ("identity", "skipped")):  # fmt: skip
                r = await anna.http.post(
                    f"/interactions/{chat}/script-progress",
                    json={"node_id": node, "answer": answer},
                )
                assert r.status_code == 200, r.text
            assert r.json()["adherence"] == 0.5
            assert (await anna.wrapup(chat, "info_bolletta")).status_code == 200
            wrapped = await _score_event(ans, "a-anna")
            assert (await _score_event(ls, "a-anna"))["score"] == wrapped["score"]
            assert wrapped["score"] > start["score"]
            lines = {line["name"]: line for line in wrapped["entry"]["lines"]}
            assert lines["fcr"]["value"] == 1.0
            # script adherence is a KPI and a fifth of the quality share
            assert lines["adherence"]["value"] == 0.5
            assert lines["adherence"]["group"] == "quality"
            assert lines["adherence"]["points"] == pytest.approx(
                0.5 * lines["adherence"]["weight"] * 1000, abs=0.1
            )
            day = (await anna.http.get("/kpis/me", params={"period": "today"})).json()
            assert day["script_adherence"] == 0.5
            # then her customer answers the satisfaction survey with a 1: the score drops
            detail = (await anna.http.get(f"/interactions/{chat}")).json()
            customer_id = detail.get("customer_id") or detail["interaction"]["customer_id"]
            r = await gw.http.post(
                "/gateway/surveys",
                json={"interaction_id": chat, "customer_id": customer_id, "type": "csat",
                      "score": 1, "comment": "lento"},
            )  # fmt: skip
            assert r.status_code == 201, r.text
            surveyed = await _score_event(ans, "a-anna")
            assert surveyed["score"] < wrapped["score"]
            csat = next(line for line in surveyed["entry"]["lines"] if line["name"] == "csat")
            assert csat["value"] == 0.0


async def test_seasons_and_weights_are_set_by_team_leaders_and_checked(
    live_server: LiveServer,
) -> None:
    async with operator(live_server, "luca") as luca, operator(live_server, "mario") as mario:
        body = {
            "name": "Inverno",
            "starts_at": "2027-01-01T00:00:00Z",
            "ends_at": "2027-03-31T00:00:00Z",
            "weights": {"quality": 80, "quantity": 20},
        }
        assert (await mario.http.post("/competition/seasons", json=body)).status_code == 403
        backwards = {**body, "starts_at": "2027-04-01T00:00:00Z"}
        r = await luca.http.post("/competition/seasons", json=backwards)
        assert r.status_code == 422 and "after it starts" in r.json()["error"]["message"]
        r = await luca.http.post(
            "/competition/seasons", json={**body, "weights": {"quality": 70, "quantity": 40}}
        )
        assert r.status_code == 422 and "100" in r.json()["error"]["message"]
        r = await luca.http.post("/competition/seasons", json=body)
        assert r.status_code == 201, r.text
        created = r.json()
        assert created["weights"]["quality"] == pytest.approx(0.8)
        listed = (await mario.http.get("/competition/seasons")).json()["items"]
        assert created["id"] in [s["id"] for s in listed]
        # the running season's weights: 50/50 with CSAT and FCR only in quality
        weights = {"quality": 50, "quantity": 50, "quality_parts": {"csat": 50, "fcr": 50}}
        path = "/competition/seasons/season-1/weights"
        assert (await mario.http.put(path, json=weights)).status_code == 403
        bad = {**weights, "quality_parts": {"csat": 50, "speed": 50}}
        r = await luca.http.put(path, json=bad)
        assert r.status_code == 422 and r.json()["error"]["details"]["field"] == "quality_parts"
        assert (
            await luca.http.put("/competition/seasons/nope/weights", json=weights)
        ).status_code == 404
        r = await luca.http.put(path, json=weights)
        assert r.status_code == 200, r.text
        board = (await luca.http.get("/competition/leaderboard")).json()
        complete = 0
        for entry in board["individuals"]:
            groups: dict[str, float] = {}
            for line in entry["lines"]:
                groups[line["group"]] = groups.get(line["group"], 0.0) + line["weight"]
                if line["name"] in ("nps", "qa", "adherence"):
                    assert line["weight"] == 0.0 and line["points"] == 0.0
            if all(line["value"] is not None for line in entry["lines"]
                   if line["name"] in ("csat", "fcr", "volume", "schedule_adherence")):  # fmt: skip
                assert groups["quality"] == pytest.approx(0.5)
                assert groups["quantity"] == pytest.approx(0.5)
                complete += 1
        assert complete >= 1  # mario and the second squad have data for all four


async def test_the_winning_squad_is_named_when_the_season_ends(live_server: LiveServer) -> None:
    now = datetime.now(UTC)
    async with operator(live_server, "admin") as admin, operator(live_server, "mario") as mario:
        r = await admin.http.post(
            "/competition/seasons",
            json={"name": "Sprint", "starts_at": (now - timedelta(days=60)).isoformat(),
                  "ends_at": (now - timedelta(seconds=1)).isoformat()},
        )  # fmt: skip
        assert r.status_code == 201, r.text
        season = r.json()["id"]
        board = (await admin.http.get("/competition/leaderboard", params={"season": season})).json()
        means: dict[str, list[float]] = {}
        for e in board["individuals"]:
            if e["team_id"]:
                means.setdefault(e["team_id"], []).append(e["score"])
        assert len(means) == 2, means  # both squads took part
        best = max(means, key=lambda t: sum(means[t]) / len(means[t]))
        assert board["winner_team_id"] == best
        assert board["season"]["winner_team_id"] == best
        for e in board["individuals"]:
            assert ("winning_squad" in e["badges"]) == (e["team_id"] == best)
            assert ("season_champion" in e["badges"]) == (e["rank"] == 1)
        # the winner is kept once the season is over
        seasons = (await mario.http.get("/competition/seasons")).json()["items"]
        assert next(s for s in seasons if s["id"] == season)["winner_team_id"] == best


async def test_my_day_shows_the_season_standing_and_follows_a_penalty_at_once(
    live_server: LiveServer,
) -> None:
    """``/kpis/me`` for a day keeps the season's standing between calls (it does not reload
    the season each time), yet a penalty shows in the very next call; the season's report
    and the leaderboard agree with it."""
    async with operator(live_server, "luca") as luca, operator(live_server, "mario") as mario:
        day = (await mario.http.get("/kpis/me", params={"period": "today"})).json()
        again = (await mario.http.get("/kpis/me", params={"period": "today"})).json()
        season = (await mario.http.get("/kpis/me", params={"period": "season"})).json()
        board = (await mario.http.get("/competition/leaderboard")).json()
        entry = next(e for e in board["individuals"] if e["agent_id"] == "a-mario")
        assert (day["score"], day["rank"]) == (again["score"], again["rank"])
        assert season["score"] == pytest.approx(entry["score"], abs=0.2)
        assert season["rank"] == entry["rank"]
        assert day["score"] == pytest.approx(entry["score"], abs=0.2)
        r = await luca.http.post(
            "/competition/penalties",
            json={"agent_id": "a-mario", "points": 40, "reason": "identity not checked"},
        )
        assert r.status_code == 201, r.text
        after = (await mario.http.get("/kpis/me", params={"period": "today"})).json()
        assert after["score"] == pytest.approx(day["score"] - 40, abs=0.2)


async def test_the_schema_declares_the_404_of_the_competition_and_of_my_kpis(
    live_server: LiveServer,
) -> None:
    """No season (or not in it) answers 404 on these routes; clients generated from the
    schema must know it, with the error shape."""
    async with operator(live_server, "mario") as mario:
        schema = (await mario.http.get(f"{live_server.api_url}/openapi.json")).json()
    for path in ("/competition/me", "/competition/leaderboard", "/kpis/me"):
        declared = schema["paths"][f"/api/v1{path}"]["get"]["responses"]
        error = declared["404"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/ErrorResponse"}, path
