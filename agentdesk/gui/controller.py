"""``DeskController``: the panes' intents become calls on the session.

Every handler is a qasync ``asyncSlot``: it marks the thing it works on as busy, awaits the
session, reports a failure as a sentence (never a crash) and restores the UI in ``finally``.
No business rules live here: the session and the server decide, the controller relays.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from qasync import asyncSlot

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.gui.assist.pane import InvoiceRow, rows_from_accounts, rows_from_timeline
from agentdesk.gui.customer.history_model import HistoryModel
from agentdesk.gui.errors import EXPECTED, describe_error
from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.ports import DeskSession
from agentdesk.protocol.customers import Accounts, Customer
from agentdesk.protocol.interactions import Interaction

log = logging.getLogger(__name__)

_Handler = TypeVar("_Handler", bound=Callable[..., Coroutine[Any, Any, None]])


def tracked(handler: _Handler) -> _Handler:
    """Keep the running task in ``self._tasks`` so :meth:`DeskController.aclose` can end it."""

    @functools.wraps(handler)
    async def run(self: DeskController, *args: Any) -> None:
        if getattr(self, "_closed", False):  # shutting down: announcements start no new work
            return
        try:
            task = asyncio.current_task()
        except RuntimeError:  # stepped by Qt while the loop is not running (tests' teardown)
            task = None
        if task is not None:
            self._tasks.add(task)
        try:
            await handler(self, *args)
        finally:
            if task is not None:
                self._tasks.discard(task)

    return run  # type: ignore[return-value]


class DeskController(QObject):
    """Relays operator intents to the session and results back to the panes."""

    statePending = Signal(bool)
    offerBusy = Signal(str, bool)  # interaction id, busy
    wrapupBusy = Signal(str, bool)  # interaction id, busy
    wrapupFailed = Signal(str, str)  # interaction id, message
    sendFailed = Signal(str, str)  # interaction id, the text to give back
    customerLoaded = Signal(object)  # Customer
    invoicesLoaded = Signal(str, object, str)  # customer id, list[InvoiceRow], note
    message = Signal(str, str)  # level, text

    def __init__(
        self,
        session: DeskSession,
        interactions: InteractionListModel,
        history: HistoryModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._interactions = interactions
        self._history = history
        self._focus_generation = 0
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        history.moreRequested.connect(self.load_more_history)

    async def aclose(self) -> None:
        """Cancel the handlers still waiting on the session and start no new ones (shutting
        down: the session's last announcements must not start work the loop will not finish)."""
        self._closed = True
        tasks = [t for t in self._tasks if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    @property
    def session(self) -> DeskSession:
        return self._session

    # ---- presence ---------------------------------------------------------------------

    @asyncSlot(object, object)
    @tracked
    async def set_state(self, state: AgentState, reason: NotReadyReason | None) -> None:
        self.statePending.emit(True)
        try:
            await self._session.set_state(state, reason)
        except EXPECTED as exc:
            self._report("warning", exc)
        except Exception as exc:
            self._unexpected("set_state", exc)
        finally:
            self.statePending.emit(False)

    # ---- offers and calls -------------------------------------------------------------

    @asyncSlot(str)
    @tracked
    async def accept(self, interaction_id: str) -> None:
        await self._offer_action(interaction_id, self._session.accept, "accept")

    @asyncSlot(str)
    @tracked
    async def reject(self, interaction_id: str) -> None:
        await self._offer_action(interaction_id, self._session.reject, "reject")

    @asyncSlot(str)
    @tracked
    async def hangup(self, interaction_id: str) -> None:
        await self._offer_action(interaction_id, self._session.hangup, "hangup")

    async def _offer_action(
        self, interaction_id: str, call: Callable[[str], Awaitable[object]], name: str
    ) -> None:
        self._interactions.set_busy(interaction_id, True)
        self.offerBusy.emit(interaction_id, True)
        try:
            await call(interaction_id)
        except EXPECTED as exc:
            self._report("warning", exc)
        except Exception as exc:
            self._unexpected(name, exc)
        finally:
            self._interactions.set_busy(interaction_id, False)
            self.offerBusy.emit(interaction_id, False)

    # ---- chat -------------------------------------------------------------------------

    @asyncSlot(str, str)
    @tracked
    async def send(self, interaction_id: str, text: str) -> None:
        try:
            await self._session.send_message(interaction_id, text)
        except EXPECTED as exc:
            self.sendFailed.emit(interaction_id, text)
            self._report("error", exc)
        except Exception as exc:
            self.sendFailed.emit(interaction_id, text)
            self._unexpected("send_message", exc)

    @asyncSlot(str, str, str, bool)
    @tracked
    async def wrapup(
        self, interaction_id: str, disposition: str, notes: str, resolved: bool
    ) -> None:
        self.wrapupBusy.emit(interaction_id, True)
        try:
            await self._session.wrapup(interaction_id, disposition, notes, resolved)
        except EXPECTED as exc:
            self.wrapupFailed.emit(interaction_id, describe_error(exc))
        except Exception as exc:
            self.wrapupFailed.emit(interaction_id, describe_error(exc))
            self._unexpected("wrapup", exc)
        finally:
            self.wrapupBusy.emit(interaction_id, False)

    # ---- customer 360 -----------------------------------------------------------------

    @asyncSlot(object)
    @tracked
    async def focus(self, interaction: Interaction | None) -> None:
        """Screen pop for the contact in focus: customer, first history page, invoices."""
        self._focus_generation += 1
        generation = self._focus_generation
        customer_id = interaction.customer_id if interaction else None
        self._history.reset_for(customer_id, bound=interaction is not None)
        if customer_id is None:
            self.invoicesLoaded.emit("", [], "")
            return
        self._history.set_loading(True)
        try:
            customer = await self._session.customer(customer_id)
            if generation != self._focus_generation:
                return
            self.customerLoaded.emit(customer)
            page = await self._session.timeline(customer_id)
            if generation != self._focus_generation:
                return
            self._history.append_page(customer_id, page)
            await self._load_invoices(customer, page.items, generation)
        except EXPECTED as exc:
            self._report("warning", exc)
        except Exception as exc:
            self._unexpected("screen pop", exc)
        finally:
            if generation == self._focus_generation:
                self._history.set_loading(False)

    async def _load_invoices(
        self, customer: Customer, timeline: list[Any], generation: int
    ) -> None:
        # The session gains an accounts() call with the accounts pane; until then the
        # invoices come from the timeline.
        accounts_call = getattr(self._session, "accounts", None)
        rows: list[InvoiceRow]
        note = ""
        if callable(accounts_call):
            accounts = await accounts_call(customer.id)
            rows = rows_from_accounts(accounts) if isinstance(accounts, Accounts) else []
        else:
            rows = rows_from_timeline(timeline)
            if rows:
                note = QCoreApplication.translate("DeskController", "From the contact history.")
        if generation == self._focus_generation:
            self.invoicesLoaded.emit(customer.id, rows, note)

    @asyncSlot(str)
    @tracked
    async def reload_history(self, customer_id: str) -> None:
        """After a wrap-up the customer's history has a new entry: load the first page."""
        if customer_id != self._history.customer_id:
            return
        self._history.reset_for(customer_id)
        self._history.set_loading(True)
        try:
            page = await self._session.timeline(customer_id)
            self._history.append_page(customer_id, page)
        except EXPECTED as exc:
            self._report("warning", exc)
        except Exception as exc:
            self._unexpected("timeline", exc)
        finally:
            self._history.set_loading(False)

    @asyncSlot(str, str)
    @tracked
    async def load_more_history(self, customer_id: str, cursor: str) -> None:
        try:
            page = await self._session.timeline(customer_id, before=cursor)
            self._history.append_page(customer_id, page)
        except EXPECTED as exc:
            self._report("warning", exc)
        except Exception as exc:
            self._unexpected("timeline", exc)
        finally:
            self._history.set_loading(False)

    # ---- reporting --------------------------------------------------------------------

    def _report(self, level: str, exc: BaseException) -> None:
        text = describe_error(exc)
        log.info("action failed: %s", text)
        self.message.emit(level, text)

    def _unexpected(self, what: str, exc: BaseException) -> None:
        log.exception("unexpected failure in %s", what, exc_info=exc)
        self.message.emit("error", describe_error(exc))
