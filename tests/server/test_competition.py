"""The competition live: ``score.updated`` when a score moves, seasons and weights set by
team leaders and admins, the winning squad at season end."""

from __future__ import annotations

import asyncio
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
        customer(live_server) as gw,
    ):
        before = (await mario.http.get("/competition/me")).json()["me"]
        async with stream(live_server, mario.token) as ms, stream(live_server, luca.token) as ls:
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
            # a wrap-up moves it again
            await mario.ready()
            chat = await gw.open_chat("punteggio.cliente")
            await ms.event("interaction.offered")
            assert (await mario.accept(chat)).status_code == 200
            await mario.send(chat, "Buongiorno")
            assert (await mario.wrapup(chat, "info_bolletta")).status_code == 200
            after_wrapup = await _score_event(ms, "a-mario")
            assert after_wrapup["score"] != mine["score"]
            # and a survey on that contact too: a very unhappy customer
            detail = (await mario.http.get(f"/interactions/{chat}")).json()
            customer_id = detail.get("customer_id") or detail.get("interaction", {}).get(
                "customer_id"
            )
            assert customer_id
            r = await gw.http.post(
                "/gateway/surveys",
                json={"interaction_id": chat, "customer_id": customer_id, "type": "csat",
                      "score": 1, "comment": "lento"},
            )  # fmt: skip
            assert r.status_code == 201, r.text
            after_survey = await _score_event(ms, "a-mario")
            assert after_survey["score"] < after_wrapup["score"]
            csat = next(line for line in after_survey["entry"]["lines"] if line["name"] == "csat")
            assert csat["value"] is not None
