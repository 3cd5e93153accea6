"""A new chat's offer, built from what the arrival has in hand, is the chat as stored.

The arrival writes its rows with plain statements and builds the operator's view without
reading them back (``services/gateway.py open_chat``); what the operator then reads of the
chat (built from the stored rows) must be the same, for a known customer and a new one.
"""

from __future__ import annotations

from tests.conftest import LiveServer
from tests.server.helpers import ready_desk


async def test_the_offer_is_the_chat_as_stored(live_server: LiveServer) -> None:
    async with ready_desk(live_server) as (mario, c, events, known):
        for handle, text in (
            (known["chat_handle"], "Buongiorno, sono furioso: la bolletta è sbagliata!"),
            ("  nuovo.cliente@example.org ", "Salve, vorrei informazioni sulle offerte."),
        ):
            iid = await c.open_chat(handle=handle, entry_point="web-lario", text=text)
            offered = (await events.event("interaction.offered"))["data"]["interaction"]
            assert offered["id"] == iid
            stored = (await mario.http.get(f"/interactions/{iid}")).json()
            assert offered == stored
            assert offered["status"] == "offered" and offered["agent_id"] == mario.id
            assert offered["entry_point"] == "web-lario" and offered["from_address"] == handle
            assert [m["text"] for m in offered["messages"]] == [text]
            assert offered["messages"][0]["mood"] is not None
            assert offered["mood"] == offered["messages"][0]["mood"]
            assert offered["client"]["id"] == "lario" and offered["dispositions"]
            who = (await mario.http.get(f"/customers/{offered['customer_id']}")).json()
            assert offered["customer_name"] == who["name"]
            if handle == known["chat_handle"]:
                assert offered["customer_id"] == known["id"]
            else:  # a new prospect, matched by the handle as written, trimmed
                assert who["chat_handle"] == handle.strip()
                assert who["name"] == handle.strip()
                # the same customer next time (Mario takes three chats: offered to him too)
                again = await c.open_chat(handle=handle.strip(), text="Ci sono ancora.")
                second = (await events.event("interaction.offered"))["data"]["interaction"]
                assert second["id"] == again
                assert second["customer_id"] == offered["customer_id"]
