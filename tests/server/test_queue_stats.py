"""``queue.stats``: the operator's queue figures agree with the KPI engine's."""

from __future__ import annotations

from typing import Any

from tests.conftest import ServerFactory
from tests.server.helpers import customer, operator, stream


async def test_queue_service_level_is_the_kpi_engines_under_the_clients_policy(
    server_factory: ServerFactory,
) -> None:
    """A customer who gives up within the client's grace is not an offered contact for the
    KPI engine (Lario's policy leaves short abandons out); the queue figures the operator
    sees must say the same, not a rule of their own."""
    server = server_factory()
    async with (
        operator(server, "mario") as mario,
        operator(server, "luca") as luca,
        customer(server) as gw,
    ):
        await mario.set_state("not_ready", "break")  # nobody takes the chat: it waits
        async with stream(server, mario.token) as ms:
            points = (await gw.http.get("/gateway/entry-points")).json()["items"]
            queue_id = next(p["queue"] for p in points if p["id"] == "web-lario")

            async def figures(waiting: int) -> dict[str, Any]:
                while True:
                    ev = await ms.event("queue.stats", within=15)
                    for q in ev["data"]["queues"]:
                        if q["queue"] == queue_id and q["waiting"] == waiting:
                            return dict(q)

            iid = await gw.open_chat("fretta.1")
            await figures(waiting=1)
            r = await gw.end(iid)  # gone within seconds: a short abandon
            assert r.status_code == 200, r.text
            shown = await figures(waiting=0)
            report = (
                await luca.http.get(f"/kpis/queues/{queue_id}", params={"period": "today"})
            ).json()
            assert report["abandonment"] == 0.0  # the short abandon is not counted
            assert shown["service_level"] == report["service_level"]
