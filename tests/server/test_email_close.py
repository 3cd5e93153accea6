"""An e-mail closes as an e-mail: the operator's stream gets the wrap-up, the gateway gets
only the replies (no ``chat.ended``, which would tell a chat widget its chat is over)."""

from __future__ import annotations

import asyncio

from tests.conftest import LiveServer
from tests.server.helpers import customer, operator, stream
from tests.server.test_emails import gateway_frames, send_email


async def test_wrapping_up_an_email_sends_no_chat_event_to_the_gateway(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
        gateway_frames(live_server) as frames,
    ):
        await mario.ready()
        first = (await send_email(c, body="Prima"))["interaction_id"]
        second = (await send_email(c, subject="Altro", body="Seconda"))["interaction_id"]
        # The router offers e-mails: wait for both offers before taking them.
        offered = {(await events.event("interaction.offered"))["data"]["interaction"]["id"]}
        offered.add((await events.event("interaction.offered"))["data"]["interaction"]["id"])
        assert offered == {first, second}
        for iid in (first, second):
            assert (await mario.accept(iid)).status_code == 200
        await mario.send(first, "Gentile cliente, ecco la risposta.")

        # An unknown disposition changes nothing: the e-mail stays open.
        assert (await mario.wrapup(first, "non_esiste")).status_code == 422
        assert (await mario.http.get(f"/interactions/{first}")).json()["status"] == "active"

        # Wrapped up straight from active, and one ended first with hangup.
        assert (await mario.wrapup(first, "info_bolletta")).json()["status"] == "closed"
        ended = await mario.http.post(f"/interactions/{second}/hangup")
        assert ended.status_code == 200 and ended.json()["status"] == "wrap_up"
        assert (await mario.wrapup(second, "info_bolletta")).json()["status"] == "closed"

        reasons = []
        for _ in range(2):
            e = await events.event("interaction.ended")
            reasons.append((e["data"]["interaction"]["id"], e["data"]["reason"]))
        assert reasons == [(first, "wrapped_up"), (second, "wrapped_up")]
        await asyncio.sleep(0.3)
        kinds = [f["type"] for f in frames]
        assert kinds == ["email.reply"], kinds
