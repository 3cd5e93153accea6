"""The outbox against the real server: stored before sending, replayed with the same key
after a reconnect or a restart of the desktop, delivered once, dropped on a 4xx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agentdesk.client.outbox import OutboxKind
from agentdesk.client.rest import ApiClient, ApiError
from agentdesk.client.stream import ConnectionStatus
from agentdesk.domain.agent_state import AgentState
from agentdesk.protocol.interactions import InteractionStatus
from tests.client.conftest import Desk, Gateway, LiveServer
from tests.client.helpers import until


async def active_chat(desk: Desk, gateway: Gateway, text: str = "Buongiorno") -> str:
    await desk.session.set_state(AgentState.READY)
    iid = await gateway.open_chat(text)
    await until(lambda: iid in desk.session.interactions, what="the offer")
    await desk.session.accept(iid)
    return iid


async def transcript(api: ApiClient, iid: str) -> list[str]:
    return [m.text for m in (await api.interaction(iid)).messages]


async def test_a_message_written_while_the_server_is_down_is_delivered_once(
    live: LiveServer, gateway: Gateway, desk_factory: Any, api: ApiClient
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    iid = await active_chat(desk, gateway)

    await live.stop()
    key = await desk.session.send_message(iid, "Le scrivo mentre il server è giù")
    assert [(m.id, p) for m, p in desk.recorder.messages if p] == [(key, True)]
    pending = await desk.session.outbox.pending()
    assert [(e.kind, e.idempotency_key) for e in pending] == [("message", key)]
    assert pending[0].attempts >= 1
    assert desk.recorder.confirmed == []

    await live.start()
    await until(lambda: any(k == key for k, _ in desk.recorder.confirmed), what="delivery")
    assert desk.session.status is ConnectionStatus.CONNECTED
    assert await desk.session.outbox.pending() == []
    await api.login("mario", "demo")
    assert (await transcript(api, iid)).count("Le scrivo mentre il server è giù") == 1
    assert [k for k, _ in desk.recorder.confirmed].count(key) == 1


async def test_a_queued_message_survives_a_restart_of_the_desktop(
    live: LiveServer, gateway: Gateway, desk_factory: Any, api: ApiClient, tmp_path: Path
) -> None:
    cache_file = tmp_path / "desk.sqlite3"
    first: Desk = await desk_factory(live, cache_path=cache_file)
    await first.session.start("mario", "demo")
    iid = await active_chat(first, gateway)

    await live.stop()
    key = await first.session.send_message(iid, "Scritto prima di chiudere")
    wrap_key = await first.session.wrapup(iid, "altro", "chiuso offline", True)
    await first.close()  # the desktop quits with the outbox full

    await live.start()
    second: Desk = await desk_factory(live, cache_path=cache_file)
    await second.session.start("mario", "demo")
    await until(lambda: iid in second.recorder.removed, what="the wrap-up is delivered")

    async def outbox_empty() -> bool:
        return await second.session.outbox.pending() == []

    await until(outbox_empty, what="the outbox is emptied")
    assert [k for k, _ in second.recorder.confirmed] == [key]
    await api.login("mario", "demo")
    assert (await transcript(api, iid)).count("Scritto prima di chiudere") == 1
    closed = await api.interaction(iid)
    assert closed.status is InteractionStatus.CLOSED
    assert closed.wrapup is not None and closed.wrapup.notes == "chiuso offline"
    assert wrap_key != key


async def test_a_replay_after_a_lost_acknowledgement_is_applied_once(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    iid = await active_chat(desk, gateway)
    # The server stored the message but the answer never reached the desktop:
    key = "lost-ack-key-0001"
    await desk.api.send_message(iid, "Arrivato una volta sola", key)
    await desk.session.outbox.submit(
        OutboxKind.MESSAGE, iid, {"text": "Arrivato una volta sola"}, key
    )
    assert await desk.session.outbox.flush()
    assert (await transcript(desk.api, iid)).count("Arrivato una volta sola") == 1
    assert [k for k, _ in desk.recorder.confirmed] == [key]


async def test_a_refusal_on_the_first_attempt_raises_and_drops_the_entry(
    live: LiveServer, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    with pytest.raises(ApiError) as caught:
        await desk.session.send_message("no-such-chat", "a chi scrivo?")
    assert caught.value.status == 404
    assert await desk.session.outbox.pending() == []
    assert desk.recorder.errors == []  # the caller got the error; no second report
    pending = [m.id for m, p in desk.recorder.messages if p]
    assert [k for k, _ in desk.recorder.failed] == pending  # the bubble can be withdrawn


async def test_a_refused_entry_replayed_later_is_dropped_and_reported_and_the_rest_delivered(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    iid = await active_chat(desk, gateway)

    await live.stop()
    await desk.session.send_message("no-such-chat", "si perde")
    good = await desk.session.send_message(iid, "questo arriva")
    assert len(await desk.session.outbox.pending()) == 2

    await live.start()
    await until(lambda: any(k == good for k, _ in desk.recorder.confirmed), what="delivery")
    assert len(desk.recorder.errors) == 1 and "refused" in desk.recorder.errors[0]
    assert await desk.session.outbox.pending() == []
    assert (await transcript(desk.api, iid)).count("questo arriva") == 1


async def test_invalid_input_is_refused_before_it_is_queued(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    with pytest.raises(ApiError) as caught:
        await desk.session.send_message("any", "")
    assert caught.value.status == 422
    assert await desk.session.outbox.pending() == []
    assert desk.recorder.messages == []


async def test_a_note_goes_through_the_outbox_once(live: LiveServer, desk_factory: Any) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    customer = (await desk.api.find_customers(q="a"))[0]

    await live.stop()
    await desk.session.add_note(customer.id, "Richiamare dopo le 17")
    assert [e.kind for e in await desk.session.outbox.pending()] == ["note"]
    await live.start()

    async def outbox_empty() -> bool:
        return await desk.session.outbox.pending() == []

    await until(outbox_empty, what="the note is delivered")
    page = await desk.api.timeline(customer.id)
    assert [i.summary for i in page.items].count("Richiamare dopo le 17") == 1


async def test_a_late_reply_to_a_customer_who_left_is_reported_without_a_warning(
    live: LiveServer, gateway: Gateway, desk_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    iid = await active_chat(desk, gateway)
    await gateway.end(iid)  # the customer leaves while the operator is still typing
    with (
        caplog.at_level("INFO", logger="agentdesk.client.outbox"),
        pytest.raises(ApiError) as caught,
    ):
        await desk.session.send_message(iid, "le mando subito il modulo")
    assert caught.value.status == 409
    refused = [r for r in caplog.records if "refused, dropped" in r.getMessage()]
    assert refused and all(r.levelname == "INFO" for r in refused)
    assert await desk.session.outbox.pending() == []
    pending = [m.id for m, p in desk.recorder.messages if p]
    assert [k for k, _ in desk.recorder.failed] == pending  # the bubble can be withdrawn
