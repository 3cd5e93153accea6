"""The softphone pane and controller: idle, ringing, a call in progress, faults.

The controller runs against the contract stand-in for the voice routes with a real aiortc
peer on the other side, so the audio assertions are on real WebRTC media.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import qasync
from pytestqt.qtbot import QtBot

from agentdesk.client.calls import CallsApi
from agentdesk.client.rest import ApiClient
from agentdesk.gui.softphone.call_view import Phase, format_duration
from agentdesk.gui.softphone.controller import SoftphoneController
from agentdesk.gui.softphone.pane import SoftphonePane
from agentdesk.media.audio_format import SAMPLE_RATE, dominant_frequency
from agentdesk.media.devices import AudioDevices
from agentdesk.media.file_backend import FileBackend
from agentdesk.protocol.interactions import Channel, Interaction, InteractionStatus
from agentdesk.protocol.voice import CallParty, CallState
from tests.client.voice_standin import VoiceStandIn
from tests.gui import fakes
from tests.gui.helpers import until


def voice(
    status: InteractionStatus = InteractionStatus.ACTIVE,
    interaction_id: str = "call-1",
    talk_s: float = 65,
    **call: Any,
) -> Interaction:
    base = fakes.interaction(status, interaction_id, messages=[])
    started = datetime.now(UTC) - timedelta(seconds=talk_s)
    return base.model_copy(
        update={
            "channel": Channel.VOICE,
            "queue": "voice-lario",
            "from_address": "+39 333 123 4567",
            "call": CallState(
                talk_started_at=started if status is InteractionStatus.ACTIVE else None, **call
            ),
        }
    )


@pytest.fixture
def pane(qtbot: QtBot) -> SoftphonePane:
    widget = SoftphonePane()
    qtbot.addWidget(widget)
    widget.set_profile(fakes.profile())
    devices = AudioDevices(FileBackend())
    widget.set_devices(devices.inputs(), devices.outputs())
    widget.show()
    return widget


# ---- the pane ---------------------------------------------------------------------------


def test_idle_pane_is_calm_and_offers_to_dial(pane: SoftphonePane) -> None:
    assert "No call" in pane.phase.text()
    assert pane.timer.text() == ""
    assert not pane.answer.isVisible()
    assert not pane.hangup.isEnabled() and not pane.hold.isEnabled()
    assert pane.call.isEnabled()
    assert [pane.caller_id.itemText(i) for i in range(pane.caller_id.count())] == [
        "Lario Acque",
        "Energia Nova",
    ]
    assert pane.microphone.currentText() == "No microphone (silence)"


def test_dial_uses_the_chosen_clients_caller_id(pane: SoftphonePane, qtbot: QtBot) -> None:
    pane.number.setText("+39 02 555 0101")
    pane.caller_id.setCurrentIndex(1)
    with qtbot.waitSignal(pane.dialRequested) as dialled:
        pane.call.click()
    assert dialled.args == ["+39 02 555 0101", "energia"]


def test_an_unknown_caller_is_shown_by_the_number_once(pane: SoftphonePane) -> None:
    # The gateway names a caller it cannot match after the number they call from.
    unknown = voice(InteractionStatus.OFFERED).model_copy(
        update={"customer_name": "+39 333 123 4567"}
    )
    pane.show_call(unknown)
    assert pane.caller.text() == "+39 333 123 4567"
    pane.show_call(voice(InteractionStatus.OFFERED))
    assert pane.caller.text() == "Maria Rossi · +39 333 123 4567"


def test_a_ringing_call_shows_answer_with_its_shortcut(pane: SoftphonePane, qtbot: QtBot) -> None:
    pane.show_call(voice(InteractionStatus.OFFERED))
    assert "Incoming call" in pane.phase.text()
    assert pane.answer.isVisible() and pane.reject.isVisible()
    assert "Ctrl+Shift+P" in pane.answer.toolTip()
    assert "Maria Rossi" in pane.caller.text()
    with qtbot.waitSignal(pane.answerRequested) as answered:
        pane.actions_["answer"].trigger()
    assert answered.args == ["call-1"]
    assert not pane.call.isEnabled()  # one call at a time


def test_a_call_in_progress_shows_timer_and_controls(pane: SoftphonePane, qtbot: QtBot) -> None:
    pane.show_call(voice(talk_s=65))
    assert pane.timer.text() in ("1:05", "1:06")
    assert "On call" in pane.phase.text()
    assert pane.hangup.isEnabled() and pane.hold.isEnabled() and pane.mute.isEnabled()
    for button, keys in ((pane.hangup, "X"), (pane.hold, "O"), (pane.mute, "M")):
        assert f"Ctrl+Shift+{keys}" in button.toolTip()
    with qtbot.waitSignal(pane.holdRequested) as held:
        pane.hold.click()
    assert held.args == ["call-1", True]
    assert not pane.hold.isChecked()  # the button follows the server, not the click
    with qtbot.waitSignal(pane.dtmfRequested) as tone:
        pane.keys.click()
        pane.keypad.buttons["#"].click()
    assert tone.args == ["call-1", "#"]


def test_hold_mute_and_consult_are_shown_from_the_call_state(pane: SoftphonePane) -> None:
    party = CallParty(agent_id="a-giulia", name="Giulia Verdi", role="consult")
    pane.show_call(voice(on_hold=True, muted=True, parties=[party]))
    assert "On hold" in pane.phase.text()
    assert pane.hold.text() == "Resume" and pane.hold.isChecked()
    assert pane.mute.text() == "Unmute"
    assert "Giulia Verdi" in pane.detail.text()
    assert pane.complete.isVisible()


def test_losing_the_server_keeps_the_call_and_pauses_the_controls(
    pane: SoftphonePane, qtbot: QtBot
) -> None:
    pane.show_call(voice())
    pane.set_connection("reconnecting", "retry in 2 s")
    assert pane.offline.isVisible()
    assert "Maria Rossi" in pane.caller.text() and pane.timer.text()
    assert not pane.hangup.isEnabled()
    with qtbot.assertNotEmitted(pane.hangupRequested):
        pane.actions_["hangup"].trigger()
    pane.set_connection("connected")
    assert not pane.offline.isVisible() and pane.hangup.isEnabled()


def test_the_level_meter_shows_dbfs(pane: SoftphonePane) -> None:
    pane.set_level(-12.0, -6.0)
    assert pane.level.value() == 48
    assert "-12" in pane.level.toolTip()


def test_durations_read_like_a_clock() -> None:
    assert format_duration(5) == "0:05"
    assert format_duration(3725) == "1:02:05"


# ---- the controller with real media -----------------------------------------------------


class Flaky(httpx.AsyncBaseTransport):
    """The stand-in behind a link that can go down (connection refused)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.down = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        return await self.inner.handle_async_request(request)


@pytest.fixture
def phone(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> Iterator[tuple[SoftphoneController, SoftphonePane, VoiceStandIn, Flaky, FileBackend]]:
    standin = VoiceStandIn(tone_hz=660.0)
    link = Flaky(httpx.ASGITransport(app=standin.app))
    api = ApiClient("http://desk.test", transport=link, retries=1)
    backend = FileBackend(tone_hz=440.0)
    session = fakes.FakeSession()
    controller = SoftphoneController(session, CallsApi(api), AudioDevices(backend))
    pane = SoftphonePane()
    qtbot.addWidget(pane)
    pane.show()
    controller.callChanged.connect(pane.show_call)
    controller.levelChanged.connect(pane.set_level)
    pane.holdRequested.connect(controller.hold)
    yield controller, pane, standin, link, backend
    qloop.run_until_complete(api.aclose())


def in_call(qloop: qasync.QEventLoop, phone: Any, scenario: Any) -> None:
    """Run ``scenario(*phone)`` and hang everything up in one turn of the loop.

    aiortc's transports live on the loop that first ran them: pytest-qt processes Qt events
    between a test and its teardown with no asyncio loop running, so every step with media
    (and the hang-up) happens inside one ``run_until_complete``, as it does in the app.
    """
    controller, _pane, standin, _link, _backend = phone

    async def run() -> None:
        try:
            await scenario(*phone)
        finally:
            await controller.aclose()
            await standin.close()

    qloop.run_until_complete(run())


def heard(standin: VoiceStandIn) -> int:
    return sum(a.size for a in standin.peers[0].heard) if standin.peers else 0


def test_an_active_call_gets_audio_both_ways_and_the_meter_moves(
    phone: Any, qloop: qasync.QEventLoop
) -> None:
    async def scenario(
        controller: SoftphoneController, pane: SoftphonePane, standin: VoiceStandIn, *_: Any
    ) -> None:
        backend = phone[4]
        controller.on_interaction(voice())
        await until(lambda: heard(standin) > SAMPLE_RATE, 10)
        assert abs(dominant_frequency(standin.peers[0].last(0.5)) - 440.0) < 15.0
        played = backend.playbacks
        await until(lambda: bool(played) and played[0].written > SAMPLE_RATE, 10)
        assert abs(dominant_frequency(played[0].samples()[-24000:]) - 660.0) < 15.0
        await until(lambda: pane.level.value() > 40)
        assert pane.view is not None and pane.view.phase is Phase.TALKING

    in_call(qloop, phone, scenario)


def test_hold_goes_to_the_server_and_the_pane_follows(phone: Any, qloop: qasync.QEventLoop) -> None:
    async def scenario(
        controller: SoftphoneController, pane: SoftphonePane, standin: VoiceStandIn, *_: Any
    ) -> None:
        controller.on_interaction(voice())
        pane.hold.click()
        await until(lambda: "On hold" in pane.phase.text())
        assert ("call-1", "hold", None) in standin.requests

    in_call(qloop, phone, scenario)


def test_a_ringing_call_rings_and_notifies_until_answered(
    phone: Any, qloop: qasync.QEventLoop
) -> None:
    from agentdesk.gui.softphone.notify import CallNotifier

    async def scenario(controller: SoftphoneController, *_: Any) -> None:
        backend = phone[4]
        notifier = CallNotifier(None)
        controller._notifier = notifier
        controller.on_interaction(voice(InteractionStatus.OFFERED))
        assert controller.ringer.ringing
        assert notifier.last == ("Incoming call", "Maria Rossi for Lario Acque")
        await until(lambda: controller.ringer.frames_played > 10)
        ring = backend.playbacks[0].samples()
        assert abs(dominant_frequency(ring) - 425.0) < 15.0
        controller.on_interaction(voice())
        await until(lambda: not controller.ringer.ringing)

    in_call(qloop, phone, scenario)


def test_signalling_lost_with_the_server_resumes_when_it_is_back(
    phone: Any, qloop: qasync.QEventLoop
) -> None:
    async def scenario(
        controller: SoftphoneController,
        pane: SoftphonePane,
        standin: VoiceStandIn,
        link: Flaky,
        *_: Any,
    ) -> None:
        link.down = True
        controller.on_connection("reconnecting")
        pane.set_connection("reconnecting")
        controller.on_interaction(voice())
        await until(lambda: "call-1" in controller._pending_offer)
        assert pane.offline.isVisible() and "Maria Rossi" in pane.caller.text()
        link.down = False
        controller.on_connection("connected")
        await until(lambda: heard(standin) > SAMPLE_RATE // 2, 10)
        assert abs(dominant_frequency(standin.peers[0].last(0.4)) - 440.0) < 15.0

    in_call(qloop, phone, scenario)


def test_the_autopilot_answers_the_first_call_and_still_takes_the_chats(
    qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    from agentdesk.gui.autopilot import DemoAutopilot
    from agentdesk.gui.interactions.pane import InteractionsPane
    from agentdesk.gui.workstation import Workstation
    from tests.gui.test_controller import _controller

    controller, session, model, _ = _controller()
    workstation = Workstation()
    workstation.interactionChanged.connect(model.upsert)
    pane = InteractionsPane(model)
    qtbot.addWidget(pane)
    DemoAutopilot(workstation, controller, pane, pane)
    workstation.profile_changed(fakes.profile())
    workstation.interaction_changed(voice(InteractionStatus.OFFERED, "call-9"))
    workstation.interaction_changed(fakes.interaction(InteractionStatus.OFFERED, "chat-1"))
    workstation.interaction_changed(voice(InteractionStatus.OFFERED, "call-10"))
    qloop.run_until_complete(until(lambda: ("accept", ("chat-1",)) in session.calls))
    accepted = [c[1][0] for c in session.calls if c[0] == "accept"]
    assert sorted(accepted) == ["call-9", "chat-1"]


def test_the_workstation_shows_a_simulated_call_beside_the_chats(
    qtbot: QtBot, settings: Any, tmp_path: Any
) -> None:
    from agentdesk.gui.desk import Desk
    from agentdesk.gui.workstation import Workstation

    workstation = Workstation()
    desk = Desk(workstation, settings)
    qtbot.addWidget(desk.window)
    desk.window.show()
    workstation.profile_changed(fakes.profile())
    for iid in ("chat-a", "chat-b"):
        workstation.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, iid))
    pane = desk.softphone.pane
    pane.show_call(voice(talk_s=83, recording=True))
    pane.set_level(-18.0, -9.0)
    assert desk.softphone.dock.isVisible()
    assert pane.timer.text() in ("1:23", "1:24")
    assert pane.level.value() == 42
    shot = tmp_path / "softphone.png"
    assert desk.window.grab().save(str(shot), "PNG")
    desk.window.close_now()


def test_a_call_in_focus_shows_the_call_card_instead_of_a_chat(qtbot: QtBot, settings: Any) -> None:
    from agentdesk.gui.desk import Desk
    from agentdesk.gui.workstation import Workstation

    workstation = Workstation()
    desk = Desk(workstation, settings)
    qtbot.addWidget(desk.window)
    desk.window.show()
    workstation.profile_changed(fakes.profile())
    workstation.interaction_changed(fakes.interaction(InteractionStatus.ACTIVE, "chat-a"))
    workstation.interaction_changed(voice(talk_s=30))
    center = desk.window.center
    desk.window.interactions.select("call-1")
    assert center.call.isVisible() and not center.chat.isVisible()
    assert "Maria Rossi" in center.call.caller.text()
    assert center.call.timer.text() in ("0:30", "0:31")
    workstation.interaction_changed(voice(talk_s=30, on_hold=True))
    assert "on hold" in center.call.state.text()
    desk.window.interactions.select("chat-a")
    assert center.chat.isVisible() and not center.call.isVisible()
    desk.window.close_now()


def test_an_outbound_call_does_not_ring_at_the_operator(
    phone: Any, qloop: qasync.QEventLoop
) -> None:
    async def scenario(controller: SoftphoneController, pane: SoftphonePane, *_: Any) -> None:
        controller.on_interaction(voice(InteractionStatus.OFFERED, direction="outbound"))
        assert not controller.ringer.ringing
        assert "Calling" in pane.phase.text()

    in_call(qloop, phone, scenario)


def test_the_meter_says_no_microphone_for_the_silent_input_and_the_caller_id_fits(
    pane: SoftphonePane,
) -> None:
    # The null device gives only silence: a calm line of text, not an empty bar.
    assert pane.level.showing_placeholder
    assert pane.level.isTextVisible() and pane.level.format() == "No microphone"
    # A real level (another input) shows the bar again.
    pane.set_level(-20.0, -12.0)
    assert not pane.level.showing_placeholder and pane.level.value() == 40
    # Every client's full name fits in the caller-id choice.
    metrics = pane.caller_id.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(pane.caller_id.itemText(i)) for i in range(pane.caller_id.count())
    )
    assert pane.caller_id.width() > widest + 20


def test_a_tone_input_is_metered_as_a_bar(qtbot: QtBot) -> None:
    widget = SoftphonePane()
    qtbot.addWidget(widget)
    devices = AudioDevices(FileBackend(tone_hz=440.0))
    widget.set_devices(devices.inputs(), devices.outputs())
    assert not widget.level.showing_placeholder


def test_a_colleagues_call_rings_here_while_this_operator_is_asked_to_join(
    phone: Any, qloop: qasync.QEventLoop
) -> None:
    asked = voice(
        status=InteractionStatus.ACTIVE,
        on_hold=True,
        parties=[CallParty(agent_id="a-mario", name="Mario", role="consult", status="offered")],
    ).model_copy(update={"agent_id": "a-anna"})

    async def scenario(controller: SoftphoneController, pane: SoftphonePane, *_: Any) -> None:
        controller.on_interaction(asked)
        shown = controller.book.current()
        assert shown is not None and shown.status is InteractionStatus.OFFERED
        assert not controller.legs  # no audio before the operator answers
        assert pane.answer.isVisible() and controller.ringer.ringing

        # Once accepted, the consultation is a conversation here (the customer's hold is
        # the colleague's): the pane shows it as talking.
        assert asked.call is not None
        joined = asked.model_copy(
            update={
                "call": asked.call.model_copy(
                    update={
                        "parties": [CallParty(agent_id="a-mario", name="Mario", role="consult")]
                    }
                )
            }
        )
        seen = controller._as_seen_here(joined)
        assert seen.status is InteractionStatus.ACTIVE and seen.call is not None
        assert not seen.call.on_hold

    in_call(qloop, phone, scenario)
