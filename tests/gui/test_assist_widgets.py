"""The assist column's widgets: the script player, the hints, the mood dot's tooltip, and the
controller that feeds them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from agentdesk.client.rest import ApiError
from agentdesk.gui.assist.controller import AssistController
from agentdesk.gui.assist.hints import HintsPanel
from agentdesk.gui.assist.script_player import ScriptPlayer
from agentdesk.gui.chat.model import Role, TranscriptModel
from agentdesk.protocol.interactions import Direction, InteractionStatus
from agentdesk.protocol.mood import MoodView
from agentdesk.protocol.nba import (
    NbaAction,
    NbaSuggestedData,
    NextBestAction,
    NextBestActionList,
)
from agentdesk.protocol.scripts import ScriptProgressView, ScriptView
from agentdesk.server.services.scripts import script_library, script_view
from tests.gui import fakes

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
VARS = {"customer_name": "Anna Ferri", "client": "Lario Acque", "agent": "Mario",
        "amount_due": "€ 120,00", "due_date": "12/05/2026", "customer_first_name": "Anna"}


def _script() -> ScriptView:
    return script_view(script_library().scripts["lario-inbound-care"])


def _progress(current: str | None, path: list[str], **kw: object) -> ScriptProgressView:
    return ScriptProgressView(interaction_id="i1", script_id="lario-inbound-care",
                              current=current, path=path, adherence=kw.pop("adherence", 0.0),
                              variables=VARS, **kw)  # type: ignore[arg-type]


def _answer_buttons(player: ScriptPlayer) -> list[QPushButton]:
    """The answer buttons of the step on screen, in order."""
    items = (player.answer_box.itemAt(i) for i in range(player.answer_box.count()))
    return [w for w in (i.widget() for i in items if i) if isinstance(w, QPushButton)]


def _buttons(player: ScriptPlayer) -> list[str]:
    return [b.text() for b in _answer_buttons(player)]


def _hint(n: int, rule: str = "r") -> NextBestAction:
    return NextBestAction(id=f"h{n}", interaction_id="i1", rule=rule, title=f"Titolo {n}",
                          reason=f"Perché {n}", priority=10 - n,
                          action=NbaAction(kind="callback"), created_at=T0)


def test_player_shows_the_step_with_the_customers_values(qtbot: QtBot) -> None:
    player = ScriptPlayer()
    qtbot.addWidget(player)
    player.show()
    player.show_script(None, None)
    assert "No script" in player.where.text()
    player.show_script(_script(), _progress("greet", ["greet"]))
    assert "Anna Ferri" in player.text.text() and "Mario" in player.text.text()
    assert "{" not in player.text.text()
    with qtbot.waitSignal(player.answered) as said:
        qtbot.mouseClick(_answer_buttons(player)[0], Qt.MouseButton.LeftButton)
    assert said.args == ["greet", ""]


def test_player_offers_the_branches_and_goes_back(qtbot: QtBot) -> None:
    player = ScriptPlayer()
    qtbot.addWidget(player)
    player.show()
    progress = _progress("reason", ["greet", "privacy", "identity", "reason"],
                         confirmed=["privacy_notice"], adherence=0.5,
                         answers={"privacy": "confirmed", "identity": "skipped"})
    player.show_script(_script(), progress)
    assert _buttons(player) == ["Bolletta o consumi", "Autolettura", "Guasto o perdita",
                                "Voltura o subentro"]
    assert "50%" in player.where.text()
    assert "✓" in player.checkpoints.text() and "○" in player.checkpoints.text()
    qtbot.mouseClick(player.back_button, Qt.MouseButton.LeftButton)
    assert player.shown_node() == "identity"
    assert any("Skip" in b for b in _buttons(player))  # the earlier answer is marked
    with qtbot.waitSignal(player.answered) as again:
        confirm = next(b for b in _answer_buttons(player) if b.text().endswith("Confirmed"))
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert again.args == ["identity", "confirmed"]
    player.set_progress(_progress(None, ["greet", "close"], finished=True, adherence=1.0))
    assert "completed" in player.where.text()


def test_hints_show_reasons_and_are_decided_in_one_click_or_key(qtbot: QtBot) -> None:
    panel = HintsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_hints("i1", [_hint(1), _hint(2), _hint(3)])
    texts = [label.text() for label in panel.findChildren(QLabel) if not label.isHidden()]
    assert "Titolo 1" in texts and "Perché 1" in texts and "Perché 2" in texts
    accept = next(b for b in panel.findChildren(QPushButton) if b.text() == "Accept")
    with qtbot.waitSignal(panel.decided) as accepted:
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert accepted.args == ["h1", True]
    assert [h.id for h in panel.hints()] == ["h2", "h3"]
    with qtbot.waitSignal(panel.decided) as dismissed:
        panel.dismiss_shortcut.activated.emit()  # what Alt+N does
    assert dismissed.args == ["h2", False]
    # a late nba.suggested still listing a decided hint does not bring it back
    panel.show_hints("i1", [_hint(1), _hint(2), _hint(3)])
    assert [h.id for h in panel.hints()] == ["h3"]
    panel.show_hints("i1", [])
    assert panel.empty.isVisible()


def test_customer_lines_carry_a_mood_tooltip_with_the_cues() -> None:
    model = TranscriptModel("a")
    angry = fakes.message("a", "È la terza volta!!", ts=T0, message_id="m1")
    angry = angry.model_copy(update={"mood": MoodView(label="negative", score=-0.7,
                                                      cues=["terza volta", "!!"])})
    model.add(angry)
    model.add(fakes.message("a", "Mi dica", Direction.OUTBOUND, T0, message_id="m2"))
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "negative" in tip and "terza volta" in tip
    assert model.index(0).data(Role.MOOD).label == "negative"
    assert model.index(1).data(Qt.ItemDataRole.ToolTipRole) is None


class FakeAssistApi:
    """Answers like the server would; records what was sent."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str | None]] = []
        self.switched: list[str] = []
        self.outcomes: list[tuple[str, bool]] = []
        self.fail_outcome = False
        self.signed_in = True
        self.asked: list[str] = []

    async def script(self, script_id: str) -> ScriptView:
        return _script()

    async def script_progress(self, interaction_id: str) -> ScriptProgressView:
        self.asked.append(interaction_id)
        if not self.signed_in:
            raise ApiError(401, "unauthorized", "an access token is required")
        return _progress("greet", ["greet"])

    async def record_script_progress(
        self, interaction_id: str, node_id: str, answer: str | None, script_id: str | None = None
    ) -> ScriptProgressView:
        self.sent.append((interaction_id, node_id, answer))
        if script_id is not None:
            self.switched.append(script_id)
        return _progress("privacy", ["greet", "privacy"], answers={})

    async def next_best_actions(self, interaction_id: str) -> NextBestActionList:
        return NextBestActionList(interaction_id=interaction_id, items=[_hint(1), _hint(2)])

    async def nba_outcome(self, hint_id: str, accepted: bool, note: str | None = None
                          ) -> NextBestAction:
        if self.fail_outcome:
            raise RuntimeError("server down")
        self.outcomes.append((hint_id, accepted))
        return _hint(1)


def _settle(loop: qasync.QEventLoop, controller: AssistController) -> None:
    """Run the controller's pending calls to the end."""

    async def wait() -> None:
        for _ in range(20):
            pending = [t for t in controller._tasks if not t.done()]
            if not pending:
                return
            await asyncio.gather(*pending, return_exceptions=True)

    loop.run_until_complete(wait())


def _assist(
    api: FakeAssistApi, qtbot: QtBot
) -> tuple[AssistController, ScriptPlayer, HintsPanel]:
    """A controller over a real script player and hints panel, on ``api``."""
    player, hints = ScriptPlayer(), HintsPanel()
    qtbot.addWidget(player)
    qtbot.addWidget(hints)
    return AssistController(api, player, hints), player, hints


def test_the_script_of_the_cached_picture_loads_once_signed_in(
    qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    """A desk starting with the cache's picture shows its contact before the sign-in: the
    script and hints are asked for once connected, not refused and then never shown."""
    api = FakeAssistApi()
    api.signed_in = False
    controller, player, hints = _assist(api, qtbot)
    controller.show_interaction(fakes.interaction(InteractionStatus.ACTIVE, "i1"))
    _settle(qloop, controller)
    assert api.asked == [] and "No script" in player.where.text()
    api.signed_in = True
    controller.on_connected()
    _settle(qloop, controller)
    assert api.asked == ["i1"] and player.shown_node() == "greet"
    assert [h.id for h in hints.hints()] == ["h1", "h2"]
    controller.on_connected()  # a later reconnection: loaded already, nothing asked again
    _settle(qloop, controller)
    assert api.asked == ["i1"]
    qloop.run_until_complete(controller.aclose())


def test_controller_loads_answers_and_applies_suggestions(
    qloop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    api = FakeAssistApi()
    controller, player, hints = _assist(api, qtbot)
    controller.show_interaction(fakes.interaction(InteractionStatus.ACTIVE, "i1"))
    _settle(qloop, controller)
    assert player.shown_node() == "greet"
    assert [h.id for h in hints.hints()] == ["h1", "h2"]
    player.answer("")
    _settle(qloop, controller)
    assert api.sent == [("i1", "greet", None)] and player.shown_node() == "privacy"
    controller.on_hints(NbaSuggestedData(interaction_id="i1", items=[_hint(3)]))
    assert [h.id for h in hints.hints()] == ["h3"]
    controller.on_hints(NbaSuggestedData(interaction_id="other", items=[_hint(4)]))
    assert [h.id for h in hints.hints()] == ["h3"]
    hints.decide("h3", True)
    _settle(qloop, controller)
    assert api.outcomes == [("h3", True)]
    api.fail_outcome = True
    controller.on_hints(NbaSuggestedData(interaction_id="i1", items=[_hint(5)]))
    hints.decide("h5", False)
    _settle(qloop, controller)  # the server refused: the hint may come back
    controller.on_hints(NbaSuggestedData(interaction_id="i1", items=[_hint(5)]))
    assert [h.id for h in hints.hints()] == ["h5"]
    # accepting "use the collection script" moves the player there; an article hint asks
    # for the article
    opened: list[str] = []
    controller.articleRequested.connect(opened.append)
    api.fail_outcome = False
    use_script = _hint(6).model_copy(
        update={"action": NbaAction(kind="script", target="lario-collection")}
    )
    read = _hint(7).model_copy(update={"action": NbaAction(kind="article", target="kb-003")})
    controller.on_hints(NbaSuggestedData(interaction_id="i1", items=[use_script, read]))
    hints.decide("h6", True)
    hints.decide("h7", True)
    _settle(qloop, controller)
    assert opened == ["kb-003"]
    assert api.sent[-1] == ("i1", "greet", None) and api.switched == ["lario-collection"]
    controller.show_interaction(None)
    assert hints.hints() == [] and "No script" in player.where.text()
    qloop.run_until_complete(controller.aclose())
