"""E-mail as a channel: queued and offered, threads, attachments listed, quoted replies."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import websockets

from tests.conftest import LiveServer
from tests.server.helpers import Customer, customer, error_code, operator, stream

MAILBOX = "clienti@lario-acque.example"
SENDER = "anna.neri@example.it"
ATTACHMENTS = [
    {"name": "bolletta.pdf", "content_type": "application/pdf", "size": 48213},
    {"name": "contatore.jpg", "content_type": "image/jpeg", "size": 1_204_332},
]


async def send_email(c: Customer, **fields: Any) -> dict[str, Any]:
    body = {"from": SENDER, "to": MAILBOX, "subject": "Bolletta di marzo", "body": "Salve"}
    body.update(fields)
    r = await c.http.post("/gateway/emails", json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


@asynccontextmanager
async def gateway_frames(server: LiveServer) -> AsyncIterator[list[dict[str, Any]]]:
    frames: list[dict[str, Any]] = []
    connected = asyncio.Event()

    async def listen() -> None:
        async with websockets.connect(
            server.gateway_ws_url, additional_headers={"X-Gateway-Key": server.gateway_key or ""}
        ) as ws:
            connected.set()
            async for raw in ws:
                frame = json.loads(raw)
                if frame.get("type") != "ping":
                    frames.append(frame)

    task = asyncio.create_task(listen())
    await asyncio.wait_for(connected.wait(), 5)
    try:
        yield frames
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def until(condition: Any, within: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


def replies(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f["type"] == "email.reply"]


async def test_an_email_is_offered_with_its_attachments_and_a_reply_joins_the_thread(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
        gateway_frames(live_server) as frames,
    ):
        await mario.ready()
        created = await send_email(
            c,
            body="Buongiorno,\nla bolletta di marzo è troppo alta.\nAnna Neri",
            attachments=ATTACHMENTS,
        )
        assert created["joined"] is False
        iid = created["interaction_id"]
        offered = (await events.event("interaction.offered"))["data"]["interaction"]
        assert offered["id"] == iid
        assert offered["channel"] == "email"
        assert offered["subject"] == "Bolletta di marzo"
        assert offered["queue"] == "email-lario"
        (first,) = offered["messages"]
        assert first["text"].startswith("Buongiorno,\nla bolletta")
        assert [a["name"] for a in first["attachments"]] == ["bolletta.pdf", "contatore.jpg"]
        assert first["attachments"][1] == ATTACHMENTS[1]

        assert (await mario.accept(iid)).status_code == 200
        again = await send_email(
            c,
            subject="RE: Bolletta di marzo",
            body="Aggiungo la foto.",
            attachments=[{"name": "foto2.png", "content_type": "image/png", "size": 10}],
        )
        assert again == {**created, "joined": True}
        joined = (await events.event("message.received"))["data"]["message"]
        assert joined["interaction_id"] == iid and joined["text"] == "Aggiungo la foto."
        assert joined["attachments"] == [
            {"name": "foto2.png", "content_type": "image/png", "size": 10}
        ]

        sent = await mario.send(iid, "Gentile Anna,\nverifichiamo subito.")
        assert sent.status_code == 201
        await until(lambda: bool(replies(frames)))
        (reply,) = replies(frames)
        data = reply["data"]
        assert reply["interaction_id"] == iid
        assert data["to"] == SENDER and data["from"] == MAILBOX
        assert data["subject"] == "Re: Bolletta di marzo"
        body = data["body"]
        assert body.startswith("Gentile Anna,\nverifichiamo subito.\n\n")
        # Newest first, every line quoted.
        assert body.index("> Aggiungo la foto.") < body.index("> Buongiorno,")
        assert "> la bolletta di marzo è troppo alta." in body
        assert "ha scritto:" in body

        # The transcript keeps the operator's own words, not the quote.
        shown = (await mario.http.get(f"/interactions/{iid}")).json()
        assert shown["messages"][-1]["text"] == "Gentile Anna,\nverifichiamo subito."
        assert shown["messages"][0]["attachments"][0]["name"] == "bolletta.pdf"


async def test_a_reply_after_the_wrap_up_opens_a_new_interaction_in_the_same_thread(
    live_server: LiveServer,
) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
        gateway_frames(live_server) as frames,
    ):
        await mario.ready()
        first = await send_email(c, body="Prima e-mail")
        await events.event("interaction.offered")
        await mario.accept(first["interaction_id"])
        await mario.send(first["interaction_id"], "Prima risposta")
        assert (await mario.wrapup(first["interaction_id"], "info_bolletta")).status_code == 200

        second = await send_email(c, subject="Re: Bolletta di marzo", body="Seconda e-mail")
        assert second["thread_id"] == first["thread_id"]
        assert second["interaction_id"] != first["interaction_id"] and not second["joined"]
        offered = (await events.event("interaction.offered"))["data"]["interaction"]
        assert offered["id"] == second["interaction_id"]
        await mario.accept(second["interaction_id"])
        await mario.send(second["interaction_id"], "Seconda risposta")
        await until(lambda: len(replies(frames)) == 2)
        body = replies(frames)[1]["data"]["body"]
        # The whole thread is quoted, across both interactions, newest first.
        order = [body.index(f"> {t}") for t in ("Seconda e-mail", "Prima risposta", "Prima e-mail")]
        assert order == sorted(order)

        # Same subject without "Re:" is a new conversation.
        fresh = await send_email(c, body="Un'altra questione")
        assert fresh["thread_id"] != first["thread_id"]


async def test_emails_are_in_the_customer_timeline(live_server: LiveServer) -> None:
    async with operator(live_server, "mario") as mario, customer(live_server) as c:
        created = await send_email(c, subject="Richiesta rimborso", body="Vorrei un rimborso")
        shown = (await mario.http.get(f"/interactions/{created['interaction_id']}")).json()
        page = (await mario.http.get(f"/customers/{shown['customer_id']}/timeline")).json()
        item = next(i for i in page["items"] if i.get("interaction_id") == shown["id"])
        assert item["channel"] == "email"
        assert item["summary"] == "Richiesta rimborso"


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"to": "nessuno@example.invalid"}, 422),
        ({"from": "not-an-address"}, 422),
        ({"body": None}, 422),
        ({"attachments": [{"name": "x.pdf", "size": -1}]}, 422),
        ({"attachments": [{"size": 3}]}, 422),
        ({"subject": "x" * 201}, 422),
    ],
)
async def test_bad_emails_are_refused_with_the_error_shape(
    shared_server: LiveServer, fields: dict[str, Any], status: int
) -> None:
    async with customer(shared_server) as c:
        body = {"from": SENDER, "to": MAILBOX, "subject": "Ciao", "body": "Testo", **fields}
        r = await c.http.post("/gateway/emails", json=body)
        assert r.status_code == status, r.text
        assert error_code(r)


async def test_only_the_gateway_may_post_emails(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as mario:
        r = await mario.http.post(
            "/gateway/emails", json={"from": SENDER, "to": MAILBOX, "subject": "x", "body": "y"}
        )
        assert r.status_code in (401, 403)
        assert error_code(r)
