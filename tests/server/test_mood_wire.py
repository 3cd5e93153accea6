"""Every customer line carries its mood; the interaction and the customer header keep it."""

from __future__ import annotations

from tests.conftest import LiveServer
from tests.server.helpers import ready_desk


async def test_customer_lines_carry_mood_and_the_interaction_keeps_it(
    live_server: LiveServer,
) -> None:
    async with ready_desk(live_server) as (mario, c, events, known):
        iid = await c.open_chat(
            handle=known["chat_handle"], entry_point="web-lario", text="Buongiorno, una domanda"
        )
        offered = (await events.event("interaction.offered"))["data"]["interaction"]
        assert offered["messages"][0]["mood"]["label"] == "neutral"
        assert (await mario.accept(iid)).status_code == 200

        reply = await mario.send(iid, "Mi dica pure")
        assert reply.json()["mood"] is None  # the operator's own lines are not read

        r = await c.say(iid, "Grazie, ma è la terza volta che vi scrivo! Passo alla concorrenza")
        assert r.status_code == 201, r.text
        line = (await events.event("message.received"))["data"]["message"]
        while line["direction"] != "inbound":
            line = (await events.event("message.received"))["data"]["message"]
        assert line["mood"]["label"] == "negative"
        assert -1 <= line["mood"]["score"] < 0
        assert "terza volta" in line["mood"]["cues"]

        view = (await mario.http.get(f"/interactions/{iid}")).json()
        assert view["mood"]["label"] == "negative"
        assert [m["mood"]["label"] for m in view["messages"] if m["direction"] == "inbound"] == [
            "neutral",
            "negative",
        ]
        header = (await mario.http.get(f"/customers/{known['id']}")).json()
        assert header["mood"] == "negative"
