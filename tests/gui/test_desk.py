"""The assembled workstation with a fake session: session events reach the panes and the
panes' intents reach the session, through the controller on the qasync loop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

pytest.importorskip("agentdesk.client.rest")

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.gui.desk import Desk
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.interactions import Direction, InteractionStatus
from tests.gui import fakes
from tests.gui.helpers import until


@pytest.fixture
def desk(
    qtbot: QtBot, settings: QSettings
) -> Iterator[tuple[Desk, Workstation, fakes.FakeSession]]:
    workstation = Workstation()
    d = Desk(workstation, settings)
    session = fakes.FakeSession()
    d.attach(session)
    qtbot.addWidget(d.window)
    d.window.show()
    workstation.profile_changed(fakes.profile())
    workstation.state_changed(fakes.state(AgentState.READY))
    yield d, workstation, session
    d.window.close_now()


def test_an_offer_pops_the_customer_and_accept_goes_to_the_session(
    desk: tuple[Desk, Workstation, fakes.FakeSession], qloop: qasync.QEventLoop
) -> None:
    d, ws, session = desk
    w = d.window
    offer = fakes.interaction(InteractionStatus.OFFERED, "i1")
    ws.interaction_changed(offer)
    assert w.interactions.current_id() == "i1"
    assert w.center.showing() == "offer"
    assert w.topbar.brand.text() == "Lario Acque"
    qloop.run_until_complete(until(lambda: w.center.header.balance.value.text() != "–"))
    assert ("customer", ("c-1",)) in session.calls
    assert d.history.rowCount() == 3
    w.center.offer.accept_button.click()
    qloop.run_until_complete(until(lambda: ("accept", ("i1",)) in session.calls))
    ws.interaction_changed(offer.model_copy(update={"status": InteractionStatus.ACTIVE}))
    assert w.center.chat.composer.isEnabled()
    assert w.center.showing() == "composer"


def test_reply_end_and_wrap_up(
    desk: tuple[Desk, Workstation, fakes.FakeSession], qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    d, ws, session = desk
    w = d.window
    active = fakes.interaction(InteractionStatus.ACTIVE, "i2")
    ws.interaction_changed(active)
    w.center.chat.composer.setPlainText("Buongiorno, verifico subito")
    w.center.chat.send_button.click()
    qloop.run_until_complete(
        until(lambda: session.calls and session.calls[-1][0] == "send_message")
    )
    assert session.calls[-1] == ("send_message", ("i2", "Buongiorno, verifico subito"))
    # the session's optimistic message shows up as pending
    ws.message_added(
        fakes.message("i2", "Buongiorno, verifico subito", Direction.OUTBOUND, message_id="k1"),
        True,
    )
    assert d.transcripts.model("i2").pending_count() == 1
    w.center.chat.end_button.click()
    qloop.run_until_complete(until(lambda: ("hangup", ("i2",)) in session.calls))
    ws.interaction_changed(active.model_copy(update={"status": InteractionStatus.WRAP_UP}))
    form = w.center.wrapup
    assert w.center.showing() == "wrapup"
    assert not form.submit_button.isEnabled()
    form.disposition.setCurrentIndex(0)
    form.resolved.setChecked(True)
    form.submit_button.click()
    qloop.run_until_complete(until(lambda: session.calls[-1][0] == "wrapup"))
    assert session.calls[-1] == ("wrapup", ("i2", "info_bolletta", "", True))
    assert form.submit_button.isEnabled()  # restored after the call
    ws.interaction_removed("i2")
    assert d.interactions.rowCount() == 0
    assert w.center.header.name.text() == "No customer in focus"


def test_state_request_reaches_the_session(
    desk: tuple[Desk, Workstation, fakes.FakeSession], qloop: qasync.QEventLoop
) -> None:
    d, _ws, session = desk
    d.window.topbar.state.reason_actions[NotReadyReason.COACHING].trigger()
    qloop.run_until_complete(until(lambda: session.calls))
    assert session.calls == [("set_state", (AgentState.NOT_READY, NotReadyReason.COACHING))]
    assert d.window.topbar.state.button.isEnabled()


def test_a_refusal_is_shown_as_a_message(
    desk: tuple[Desk, Workstation, fakes.FakeSession], qloop: qasync.QEventLoop
) -> None:
    from agentdesk.client.rest import ApiError

    d, _ws, session = desk
    session.fail = ApiError(409, "illegal_transition", "cannot go from ready to ready")
    d.window.topbar.state.stateRequested.emit(AgentState.WRAP_UP, None)
    notice = d.window.statusline.notice
    qloop.run_until_complete(until(notice.text))
    assert "Not possible right now" in notice.text()
    assert d.window.topbar.state.button.isEnabled()
