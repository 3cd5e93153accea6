"""``--simulate``: the server's own simulator drives its gateway; a chat reaches an operator."""

from __future__ import annotations

from tests.conftest import ServerFactory
from tests.server.helpers import operator, stream


async def test_a_simulated_chat_reaches_a_ready_operator(server_factory: ServerFactory) -> None:
    server = server_factory(
        simulate=True, simulate_rate=2.0, simulate_seed=7, simulate_time_scale=0.1
    )
    async with operator(server, "mario") as mario, stream(server, mario.token) as events:
        await mario.ready()
        offered = await events.event("interaction.offered", within=20)
        interaction = offered["data"]["interaction"]
        assert interaction["entry_point"] in ("web-lario", "web-energia")
        assert interaction["customer_id"] is not None
        assert not interaction["customer_id"].startswith("cus_")  # a demo customer, not a prospect
        assert interaction["messages"][0]["direction"] == "inbound"
        assert len(interaction["messages"][0]["text"]) > 10
        r = await mario.accept(interaction["id"])
        assert r.status_code == 200
        await mario.send(interaction["id"], "Buongiorno, mi dica pure.")
        # The simulated customer answers like a person: typing first, then a message.
        while True:
            event = await events.event(within=30)
            if event["type"] == "message.received":
                message = event["data"]["message"]
                if message["direction"] == "inbound":
                    break
        assert message["interaction_id"] == interaction["id"]
