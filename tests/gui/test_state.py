"""The state selector: requests, not-ready reasons, time in state, refusals as messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.gui.state.selector import StateSelector, describe
from tests.gui import fakes


def _selector(qtbot: QtBot) -> StateSelector:
    selector = StateSelector()
    qtbot.addWidget(selector)
    return selector


def test_ready_action_requests_ready(qtbot: QtBot) -> None:
    selector = _selector(qtbot)
    selector.set_state(fakes.state(AgentState.NOT_READY, NotReadyReason.BREAK))
    selector.menu.aboutToShow.emit()
    with qtbot.waitSignal(selector.stateRequested) as blocker:
        selector.actions_by_state[AgentState.READY].trigger()
    assert blocker.args == [AgentState.READY, None]


def test_not_ready_reason_submenu_requests_the_reason(qtbot: QtBot) -> None:
    selector = _selector(qtbot)
    selector.set_state(fakes.state(AgentState.READY))
    assert set(selector.reason_actions) == set(NotReadyReason)
    assert selector.reason_actions[NotReadyReason.LUNCH].text() == "Lunch"
    with qtbot.waitSignal(selector.stateRequested) as blocker:
        selector.reason_actions[NotReadyReason.LUNCH].trigger()
    assert blocker.args == [AgentState.NOT_READY, NotReadyReason.LUNCH]


def test_menu_offers_only_allowed_targets(qtbot: QtBot) -> None:
    selector = _selector(qtbot)
    selector.set_state(fakes.state(AgentState.OFFLINE))
    selector.menu.aboutToShow.emit()
    enabled = {s for s, a in selector.actions_by_state.items() if a.isEnabled()}
    assert enabled == {AgentState.READY, AgentState.NOT_READY}
    selector.set_state(fakes.state(AgentState.READY))
    selector.menu.aboutToShow.emit()
    assert not selector.actions_by_state[AgentState.READY].isEnabled()  # already there
    assert selector.actions_by_state[AgentState.WRAP_UP].isEnabled()


def test_illegal_request_is_a_message_not_a_crash(qtbot: QtBot) -> None:
    selector = _selector(qtbot)
    selector.set_state(fakes.state(AgentState.READY))
    selector.set_open_interactions(2)
    with (
        qtbot.assertNotEmitted(selector.stateRequested),
        qtbot.waitSignal(selector.refused) as blocker,
    ):
        selector.request(AgentState.OFFLINE)
    assert "offline" in blocker.args[0]
    with qtbot.waitSignal(selector.refused):
        selector.request(AgentState.REVIEW_HOLD)


def test_time_in_state_ticks(qtbot: QtBot) -> None:
    selector = _selector(qtbot)
    since = datetime.now(UTC) - timedelta(hours=1, minutes=2, seconds=3)
    selector.set_state(fakes.state(AgentState.READY, since=since))
    assert selector.elapsed.text().startswith("01:02:0")
    assert selector.elapsed_text(since + timedelta(seconds=75)) == "00:01:15"
    first = selector.elapsed.text()
    qtbot.waitUntil(lambda: selector.elapsed.text() != first, timeout=2500)


def test_button_shows_state_and_reason(qtbot: QtBot) -> None:
    selector = _selector(qtbot)
    view = fakes.state(AgentState.NOT_READY, NotReadyReason.TRAINING)
    selector.set_state(view)
    assert selector.button.text() == describe(view) == "Not ready · Training"
    selector.set_pending(True)
    assert not selector.button.isEnabled()
    selector.set_state(fakes.state(AgentState.READY))
    assert selector.button.isEnabled()
