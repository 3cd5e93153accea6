"""The controller relays intents to the session and restores the UI whatever happens."""

from __future__ import annotations

import pytest
import qasync
from PySide6.QtCore import QModelIndex

pytest.importorskip("agentdesk.client.rest")

from agentdesk.client.rest import ApiError, NetworkError
from agentdesk.gui.autopilot import DemoAutopilot
from agentdesk.gui.controller import DeskController
from agentdesk.gui.customer.history_model import HistoryModel
from agentdesk.gui.interactions.model import InteractionListModel, Role
from agentdesk.gui.interactions.pane import InteractionsPane
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes
from tests.gui.helpers import until


def _controller() -> tuple[DeskController, fakes.FakeSession, InteractionListModel, HistoryModel]:
    session = fakes.FakeSession()
    model = InteractionListModel()
    history = HistoryModel()
    return DeskController(session, model, history), session, model, history


def test_accept_marks_the_row_busy_and_restores_it(qloop: qasync.QEventLoop) -> None:
    controller, session, model, _ = _controller()
    model.upsert(fakes.interaction(InteractionStatus.OFFERED, "b"))
    seen: list[bool] = []
    controller.offerBusy.connect(lambda _iid, busy: seen.append(model.index(0).data(Role.BUSY)))
    qloop.run_until_complete(controller.accept("b"))
    assert session.calls == [("accept", ("b",))]
    assert seen == [True, False]


@pytest.mark.parametrize(
    "failure",
    [ApiError(409, "conflict", "already taken"), NetworkError("connection refused")],
)
def test_failures_become_messages_and_the_ui_is_restored(
    qloop: qasync.QEventLoop, failure: Exception
) -> None:
    controller, session, model, _ = _controller()
    model.upsert(fakes.interaction(InteractionStatus.OFFERED, "b"))
    session.fail = failure
    messages: list[tuple[str, str]] = []
    controller.message.connect(lambda level, text: messages.append((level, text)))
    qloop.run_until_complete(controller.accept("b"))
    assert len(messages) == 1
    assert model.index(0).data(Role.BUSY) is False


def test_failed_send_gives_the_text_back(qloop: qasync.QEventLoop) -> None:
    controller, session, _, _ = _controller()
    session.fail = ApiError(422, "validation_error", "too long")
    returned: list[tuple[str, str]] = []
    controller.sendFailed.connect(lambda iid, text: returned.append((iid, text)))
    qloop.run_until_complete(controller.send("a", "testo"))
    assert returned == [("a", "testo")]


def test_wrapup_failure_is_reported_to_the_form(qloop: qasync.QEventLoop) -> None:
    controller, session, _, _ = _controller()
    session.fail = ApiError(409, "conflict", "not in wrap-up")
    busy: list[bool] = []
    failed: list[str] = []
    controller.wrapupBusy.connect(lambda _iid, b: busy.append(b))
    controller.wrapupFailed.connect(lambda _iid, text: failed.append(text))
    qloop.run_until_complete(controller.wrapup("w", "altro", "", False))
    assert busy == [True, False]
    assert failed and "not in wrap-up" in failed[0]


def test_screen_pop_and_history_paging(qloop: qasync.QEventLoop) -> None:
    controller, session, _, history = _controller()
    session.pages["p2"] = fakes.timeline_page(2, cursor=None, start=3)
    customers: list[str] = []
    controller.customerLoaded.connect(lambda c: customers.append(c.id))
    qloop.run_until_complete(controller.focus(fakes.interaction(InteractionStatus.ACTIVE, "a")))
    assert customers == ["c-1"]
    assert history.rowCount() == 3
    assert history.canFetchMore(QModelIndex())
    history.fetchMore(QModelIndex())  # what the view does when scrolled to the end
    qloop.run_until_complete(until(lambda: history.rowCount() == 5))
    assert ("timeline", ("c-1", "p2")) in session.calls
    assert not history.canFetchMore(QModelIndex())


def test_no_customer_record_means_no_screen_pop(qloop: qasync.QEventLoop) -> None:
    controller, session, _, history = _controller()
    invoices: list[tuple[str, object, str]] = []
    controller.invoicesLoaded.connect(lambda cid, rows, note: invoices.append((cid, rows, note)))
    unknown = fakes.interaction(InteractionStatus.OFFERED, "a", customer_id=None)
    qloop.run_until_complete(controller.focus(unknown))
    assert session.calls == []
    assert history.customer_id is None
    assert invoices == [("", [], "")]


def test_autopilot_accepts_two_chats_greets_them_and_keeps_the_first_in_focus(
    qloop: qasync.QEventLoop, qtbot: object
) -> None:
    controller, session, model, _ = _controller()
    workstation = Workstation()
    workstation.interactionChanged.connect(model.upsert)
    pane = InteractionsPane(model)
    pilot = DemoAutopilot(workstation, controller, pane)
    workstation.profile_changed(fakes.profile())
    offer = fakes.interaction(InteractionStatus.OFFERED, "a")
    second = fakes.interaction(InteractionStatus.OFFERED, "b")
    workstation.interaction_changed(offer)
    workstation.interaction_changed(second)
    workstation.interaction_changed(fakes.interaction(InteractionStatus.OFFERED, "c"))
    qloop.run_until_complete(until(lambda: ("accept", ("b",)) in session.calls))
    for chat in (offer, second):
        workstation.interaction_changed(
            chat.model_copy(update={"status": InteractionStatus.ACTIVE})
        )
    qloop.run_until_complete(
        until(lambda: len([c for c in session.calls if c[0] == "send_message"]) == 2)
    )
    assert [c[1] for c in session.calls if c[0] == "accept"] == [("a",), ("b",)]
    greeted = [c[1] for c in session.calls if c[0] == "send_message"]
    assert [g[0] for g in greeted] == ["a", "b"]
    assert all("Lario Acque, buongiorno, sono Mario" in g[1] for g in greeted)
    assert pane.current_id() == "a"
    assert pilot is not None
    pane.deleteLater()


def test_closing_with_calls_pending_ends_them_without_tracebacks(
    qloop: qasync.QEventLoop, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio

    from PySide6.QtCore import QCoreApplication

    controller, session, _, history = _controller()
    never = asyncio.Event()

    async def slow_customer(customer_id: str) -> object:
        await never.wait()
        raise AssertionError("never answered")

    session.customer = slow_customer  # type: ignore[method-assign]
    interaction = fakes.interaction(InteractionStatus.ACTIVE, "a")
    assert interaction.customer_id
    controller.focus(interaction)  # a screen pop now waits on the network
    qloop.run_until_complete(asyncio.sleep(0.05))
    assert controller._tasks, "the screen pop should be pending"
    qloop.run_until_complete(controller.aclose())
    assert not controller._tasks
    # The window goes away as on close: nothing pending may emit on deleted objects.
    controller.deleteLater()
    history.deleteLater()
    QCoreApplication.processEvents()
    qloop.run_until_complete(asyncio.sleep(0.05))
    problems = [r for r in caplog.records if r.levelno >= 30]
    assert not problems, [r.getMessage() for r in problems]
