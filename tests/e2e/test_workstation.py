"""The whole slice: customer chat -> routing -> the operator's desktop -> wrap-up -> history.

Real reference server on loopback, real websocket stream, real SQLite, the real desktop
(Desk, Session, outbox, cache) on a qasync loop; the customer speaks through the real gateway.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt

from agentdesk.client.cache import LocalCache
from agentdesk.client.rest import ApiClient
from agentdesk.client.session import Session
from agentdesk.domain.agent_state import AgentState
from agentdesk.gui.chat.model import Role as MsgRole
from agentdesk.gui.customer.history_model import Role as HistRole
from agentdesk.gui.desk import Desk
from agentdesk.gui.interactions.model import Role as IxRole
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.customers import TimelineItem
from agentdesk.protocol.interactions import InteractionStatus
from tests.e2e.conftest import GATEWAY_KEY, Backend
from tests.e2e.customer import Customer


async def until(condition: Callable[[], object], limit_s: float = 15.0, what: str = "") -> None:
    """Let Qt and asyncio run until ``condition()`` holds (no fixed sleeps)."""
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.02)


class Desktop:
    """The operator's workstation as the app assembles it, bound to a backend."""

    def __init__(self, base_url: str, data_dir: Path, settings: QSettings) -> None:
        self.workstation = Workstation()
        self.desk = Desk(self.workstation, settings)
        self.api = ApiClient(base_url)
        self.cache = LocalCache(data_dir / "client-cache.sqlite3")
        self.session = Session(self.api, self.cache, self.workstation)
        self.desk.attach(self.session)
        self.desk.window.resize(1600, 1000)
        self.desk.window.show()
        self.applied: list[int] = []
        original = self.session.apply_event

        async def recording(event: Any) -> None:
            self.applied.append(event.seq)
            await original(event)

        self.session.apply_event = recording  # type: ignore[method-assign]

    @property
    def window(self) -> Any:
        return self.desk.window

    def status_of(self, interaction_id: str) -> InteractionStatus | None:
        model = self.desk.interactions
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if model.data(index, IxRole.ID) == interaction_id:
                return InteractionStatus(model.data(index, IxRole.STATUS))
        return None

    def transcript(self, interaction_id: str) -> list[tuple[str, str, bool]]:
        model = self.desk.transcripts.model(interaction_id)
        return [
            (
                str(model.data(model.index(r, 0), MsgRole.DIRECTION)),
                str(model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole)),
                bool(model.data(model.index(r, 0), MsgRole.PENDING)),
            )
            for r in range(model.rowCount())
        ]

    def history_interactions(self) -> dict[str, TimelineItem]:
        """The customer history pane's interaction items, by interaction id."""
        model = self.desk.history
        items = [model.data(model.index(r, 0), HistRole.ITEM) for r in range(model.rowCount())]
        return {i.interaction_id: i for i in items if i is not None and i.interaction_id}

    async def close(self) -> None:
        await self.desk.aclose()
        await self.session.stop()
        await self.api.aclose()
        # Let slots still running on the loop finish before their widgets go away.
        await asyncio.sleep(0.1)
        self.desk.window.close()
        # Qt deletes the window tree itself, on this thread, not the garbage collector later.
        self.desk.window.deleteLater()
        self.desk.deleteLater()
        self.workstation.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run(loop: qasync.QEventLoop, coro: Coroutine[Any, Any, None]) -> None:
    loop.run_until_complete(asyncio.wait_for(coro, 120))


async def in_thread(fn: Callable[[], None]) -> None:
    await asyncio.get_running_loop().run_in_executor(None, fn)


async def a_lario_customer(api: ApiClient) -> tuple[str, str, str]:
    """A demo customer of Lario Acque with a chat handle: (id, name, handle)."""
    for customer in await api.find_customers(q="a"):
        if customer.client_id == "lario" and customer.chat_handle:
            return customer.id, customer.name, customer.chat_handle
    raise AssertionError("the demo has no Lario customer with a chat handle")


def test_chat_offered_accepted_answered_wrapped_up_and_in_history(
    qloop: qasync.QEventLoop, qsettings: QSettings, backend: Backend, tmp_path: Path
) -> None:
    async def scenario() -> None:
        desk = Desktop(backend.base_url, tmp_path, qsettings)
        customer = Customer(backend.base_url, GATEWAY_KEY)
        try:
            await desk.session.start("mario", "demo")
            await customer.listen()
            customer_id, name, handle = await a_lario_customer(desk.api)
            await desk.session.set_state(AgentState.READY)

            iid = await customer.open_chat(
                handle, "web-lario", "Buongiorno, la bolletta di ottobre è altissima."
            )
            await until(lambda: desk.status_of(iid) is InteractionStatus.OFFERED, what="offer")

            desk.window.interactions.select(iid)
            await until(desk.window.center.offer.isVisible, what="offer banner")
            desk.window.center.offer.accept_button.click()
            await until(lambda: desk.status_of(iid) is InteractionStatus.ACTIVE, what="accept")
            await until(lambda: any(f.get("type") == "chat.accepted" for f in customer.heard))

            # Screen pop by chat identity: the header shows the demo customer.
            await until(
                lambda: (
                    desk.desk.history.customer_id == customer_id
                    and name in desk.window.center.header.name.text()
                ),
                what="screen pop",
            )

            chat = desk.window.center.chat
            chat.composer.setPlainText("Buongiorno, verifico subito la lettura del contatore.")
            chat.send_button.click()
            await until(
                lambda: (
                    customer.operator_lines(iid)
                    == ["Buongiorno, verifico subito la lettura del contatore."]
                ),
                what="reply to customer",
            )
            await customer.say(iid, "Grazie, la lettura era 1234.")
            await until(
                lambda: ("inbound", "Grazie, la lettura era 1234.", False) in desk.transcript(iid),
                what="customer message on the desktop",
            )
            lines = desk.transcript(iid)
            assert [d for d, _, _ in lines] == ["inbound", "outbound", "inbound"]
            assert not any(pending for _, _, pending in lines)

            chat.end_button.click()
            await until(lambda: desk.status_of(iid) is InteractionStatus.WRAP_UP, what="ended")
            await until(
                lambda: any(f.get("type") == "chat.ended" for f in customer.heard),
                what="customer told the chat ended",
            )

            form = desk.window.center.wrapup
            await until(lambda: form.interaction_id() == iid and form.isVisible(), what="wrap-up")
            assert not form.submit_button.isEnabled()  # a disposition must be chosen first
            form.disposition.setCurrentIndex(form.disposition.findData("autolettura"))
            form.notes.setPlainText("Lettura comunicata, ricalcolo richiesto.")
            form.resolved.setChecked(True)
            form.submit_button.click()
            await until(lambda: desk.status_of(iid) is None, what="closed interaction removed")

            page = await desk.api.timeline(customer_id)
            item = next(i for i in page.items if i.interaction_id == iid)
            assert item.resolved is True
            assert "Lettura comunicata" in item.summary
            assert item.disposition in ("Autolettura", "autolettura")
            # The same customer comes back: the screen pop shows the last contact's wrap-up
            # and the repeat-contact flag.
            again = await customer.open_chat(handle, "web-lario", "Scusate, ancora io.")
            await until(lambda: desk.status_of(again) is InteractionStatus.OFFERED)
            desk.window.interactions.select(again)
            await until(lambda: iid in desk.history_interactions(), what="wrap-up in history")
            shown = desk.history_interactions()[iid]
            assert shown.disposition == item.disposition and shown.resolved is True
            assert "repeat_contact" in (await desk.api.customer(customer_id)).flags
            assert sorted(desk.applied) == desk.applied and len(set(desk.applied)) == len(
                desk.applied
            )
        finally:
            await customer.close()
            await desk.close()

    run(qloop, scenario())


def test_server_restart_mid_conversation_loses_nothing_and_duplicates_nothing(
    qloop: qasync.QEventLoop, qsettings: QSettings, backend: Backend, tmp_path: Path
) -> None:
    async def scenario() -> None:
        desk = Desktop(backend.base_url, tmp_path, qsettings)
        customer = Customer(backend.base_url, GATEWAY_KEY)
        try:
            await desk.session.start("mario", "demo")
            await customer.listen()
            _, _, handle = await a_lario_customer(desk.api)
            await desk.session.set_state(AgentState.READY)
            iid = await customer.open_chat(handle, "web-lario", "Ho una perdita al contatore.")
            await until(lambda: desk.status_of(iid) is InteractionStatus.OFFERED)
            await desk.session.accept(iid)
            await until(lambda: desk.status_of(iid) is InteractionStatus.ACTIVE)

            await in_thread(backend.stop)
            await until(lambda: desk.session.status.value != "connected", what="disconnect")

            # Written while the server is down: kept in the outbox, shown as pending.
            chat = desk.window.center.chat
            desk.window.interactions.select(iid)
            await until(lambda: getattr(chat.interaction(), "id", None) == iid, what="focus")
            chat.composer.setPlainText("Mandiamo subito un tecnico.")
            chat.send_button.click()
            await until(
                lambda: ("outbound", "Mandiamo subito un tecnico.", True) in desk.transcript(iid),
                what="pending message",
            )

            await in_thread(backend.start)
            # The customer writes before the desktop is back: the event waits in the store.
            await customer.say(iid, "Grazie, a che ora arriva?")
            await until(lambda: desk.session.status.value == "connected", 30, "reconnect")
            await until(
                lambda: ("inbound", "Grazie, a che ora arriva?", False) in desk.transcript(iid),
                what="message sent during the outage",
            )
            await until(
                lambda: ("outbound", "Mandiamo subito un tecnico.", False) in desk.transcript(iid),
                what="outbox delivered",
            )
            await until(
                lambda: customer.operator_lines(iid) == ["Mandiamo subito un tecnico."],
                what="customer got the operator's message",
            )

            server_view = await desk.api.interaction(iid)
            server_texts = [m.text for m in server_view.messages]
            assert server_texts.count("Mandiamo subito un tecnico.") == 1  # delivered once
            assert [t for _, t, _ in desk.transcript(iid)] == server_texts
            # Every event applied exactly once, in order, across the restart.
            assert desk.applied == list(range(desk.applied[0], desk.applied[-1] + 1))
        finally:
            await customer.close()
            await desk.close()

    run(qloop, scenario())
