"""Customers: screen-pop search, the 360 header facts, the unified timeline, notes, accounts."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from agentdesk.gui.assist.pane import rows_from_accounts
from agentdesk.protocol.customers import Accounts
from tests.conftest import LiveServer
from tests.server.helpers import customer, key, operator, stream


async def test_screen_pop_by_phone_email_and_free_text(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as mario:
        one = (await mario.http.get("/customers/cus-lario-001")).json()
        digits = re.sub(r"\D", "", one["phone"])
        for phone in (one["phone"], digits[2:], "0039" + digits[2:], "+" + digits):
            found = (await mario.http.get("/customers", params={"phone": phone})).json()
            assert [c["id"] for c in found["items"]] == [one["id"]], phone
        found = await mario.http.get("/customers", params={"email": one["email"].upper()})
        assert [c["id"] for c in found.json()["items"]] == [one["id"]]
        first_name = one["name"].split()[0]
        found = await mario.http.get("/customers", params={"q": first_name.lower()})
        assert one["id"] in [c["id"] for c in found.json()["items"]]
        nothing = await mario.http.get("/customers", params={"q": "%_nessuno_%"})
        assert nothing.json()["items"] == []


async def test_an_operator_sees_only_the_customers_of_their_clients(
    shared_server: LiveServer,
) -> None:
    async with operator(shared_server, "giulia") as giulia:
        assert (await giulia.http.get("/customers/cus-energia-001")).status_code == 404
        assert (await giulia.http.get("/customers/cus-energia-001/timeline")).status_code == 404
        found = (await giulia.http.get("/customers", params={"q": "a", "limit": 100})).json()
        assert found["items"] and {c["client_id"] for c in found["items"]} == {"lario"}


async def test_header_facts_agree_with_the_accounts(shared_server: LiveServer) -> None:
    today = datetime.now(UTC).date()
    async with operator(shared_server, "mario") as mario:
        seen_due = seen_overdue = False
        for n in range(1, 41):
            cid = f"cus-lario-{n:03d}"
            header = (await mario.http.get(f"/customers/{cid}")).json()
            accounts = (await mario.http.get(f"/customers/{cid}/accounts")).json()
            unpaid = [i for i in accounts["invoices"] if i["status"] in ("open", "overdue")]
            balance = sum((Decimal(i["amount"]) for i in unpaid), Decimal("0"))
            assert Decimal(header["open_balance"]) == balance == Decimal(accounts["balance"])
            due_soon = any(
                i["status"] == "open"
                and today <= date.fromisoformat(i["due_on"]) <= today + timedelta(days=10)
                for i in unpaid
            )
            assert ("invoice_due" in header["flags"]) == due_soon, (cid, header, unpaid)
            # the desktop's accounts view marks the same invoices (one rule, one place)
            rows = rows_from_accounts(Accounts.model_validate(accounts), today)
            assert any(r.due_soon for r in rows) == due_soon, (cid, rows)
            overdue = any(i["status"] == "overdue" for i in unpaid)
            assert ("overdue" in header["flags"]) == overdue
            seen_due |= due_soon
            seen_overdue |= overdue
            if header["last_nps"] is not None:
                assert 0 <= header["last_nps"] <= 10
        assert seen_due and seen_overdue, "the demo data should show both flags somewhere"


async def test_timeline_pages_newest_first_without_overlap(shared_server: LiveServer) -> None:
    async with operator(shared_server, "mario") as mario:
        cid = "cus-lario-002"
        everything = (
            await mario.http.get(f"/customers/{cid}/timeline", params={"limit": 200})
        ).json()
        assert everything["next_cursor"] is None
        items = everything["items"]
        assert len(items) >= 5
        paged = []
        cursor = None
        while True:
            params: dict[str, str | int] = {"limit": 3}
            if cursor:
                params["before"] = cursor
            page = (await mario.http.get(f"/customers/{cid}/timeline", params=params)).json()
            paged.extend(page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert [i["id"] for i in paged] == [i["id"] for i in items]
        stamps = [i["ts"] for i in items]
        assert stamps == sorted(stamps, reverse=True)
        kinds = {i["kind"] for i in items}
        assert {"invoice", "interaction"} <= kinds or {"invoice", "payment"} <= kinds
        only_invoices = await mario.http.get(
            f"/customers/{cid}/timeline", params={"kinds": "invoice", "limit": 200}
        )
        assert {i["kind"] for i in only_invoices.json()["items"]} == {"invoice"}


async def test_a_note_is_stored_once_and_shown_first(live_server: LiveServer) -> None:
    async with operator(live_server, "sara") as sara:
        body = {"text": "Cliente da richiamare dopo le 18.", "idempotency_key": key()}
        first = await sara.http.post("/customers/cus-energia-003/notes", json=body)
        again = await sara.http.post("/customers/cus-energia-003/notes", json=body)
        assert first.status_code == again.status_code == 201
        assert first.json() == again.json()
        top = (await sara.http.get("/customers/cus-energia-003/timeline")).json()["items"][0]
        assert top["kind"] == "note"
        assert top["summary"] == "Cliente da richiamare dopo le 18."
        assert top["agent_name"] == "Sara Colombo"
        notes = await sara.http.get(
            "/customers/cus-energia-003/timeline", params={"kinds": "note", "limit": 200}
        )
        assert [i["summary"] for i in notes.json()["items"]].count(body["text"]) == 1


async def test_repeat_contact_and_mood_from_the_conversation(live_server: LiveServer) -> None:
    async with (
        operator(live_server, "mario") as mario,
        customer(live_server) as c,
        stream(live_server, mario.token) as events,
    ):
        cid = "cus-energia-010"
        handle = (await mario.http.get(f"/customers/{cid}")).json()["chat_handle"]
        await mario.ready()
        for text in (
            "La bolletta è sbagliata, è una vergogna, inaccettabile!!",
            "Ancora la bolletta sbagliata, assurdo, sono stufo!!",
        ):
            iid = await c.open_chat(handle=handle, entry_point="web-energia", text=text)
            await events.event("interaction.offered")
            await mario.accept(iid)
            assert (await mario.wrapup(iid, "reclamo", "Reclamo registrato", False)).is_success
        header = (await mario.http.get(f"/customers/{cid}")).json()
        assert "repeat_contact" in header["flags"]
        assert header["mood"] == "negative"
        assert header["open_cases"] >= 1
