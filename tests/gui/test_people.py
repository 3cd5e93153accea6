"""The people views: My day from the server, the squad board, the calculator, reviews."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from agentdesk.client.people import PeopleClient
from agentdesk.domain.agent_state import AgentState
from agentdesk.gui import i18n
from agentdesk.gui.people.board import BoardWorkspace
from agentdesk.gui.people.board_model import TeamBoardModel
from agentdesk.gui.people.controller import PeopleController
from agentdesk.gui.people.erlang import ErlangCalculator
from agentdesk.gui.people.reviews import ReviewQueue
from agentdesk.gui.people.score_breakdown import ScoreBreakdown
from agentdesk.gui.shell.myday import MyDayBar, MyDayModel
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.agents import AgentStateView, Role
from agentdesk.protocol.competition import (
    CompetitionMe,
    Graduation,
    IndividualEntry,
    PenaltyView,
    Review,
    ScoreLineView,
    ScoreUpdatedData,
    SeasonView,
    TraineeView,
)
from agentdesk.protocol.events import QueueStat
from agentdesk.protocol.interactions import Direction, Message
from agentdesk.protocol.people import (
    Alert,
    AlertKind,
    KpiReport,
    NpsFigures,
    Period,
    Scope,
    StaffingResult,
    SurveyType,
)
from agentdesk.protocol.teams import TeamLive, TeamMemberLive
from tests.gui import fakes

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def report(**kw: object) -> KpiReport:
    values: dict[str, object] = dict(
        scope=Scope.OPERATOR, scope_id="a-mario", period=Period.TODAY, since=NOW, until=NOW,
        handled=11, handled_by_channel={"chat": 11}, aht_s=330.0, aht_target_s=300.0,
        aht_band_s=(255.0, 345.0), wrapup_s=40.0, fcr=0.8, transfer_rate=0.0,
        service_level=0.9, service_level_target=0.8, asa_s=10.0, abandonment=0.02,
        occupancy=0.7, not_ready_s=600.0, not_ready_budget_s=2700.0, csat=0.75,
        csat_responses=4, ces=5.5,
        nps=[NpsFigures(type=SurveyType.NPS_TRANSACTIONAL, responses=5, promoters=3,
                        passives=1, detractors=1, nps=40.0),
             NpsFigures(type=SurveyType.NPS_RELATIONAL, responses=9, promoters=0,
                        passives=0, detractors=9, nps=-100.0)],
        mood_trend="worsening", mood_recent=-0.4, script_adherence=None, score=776.0, rank=1,
    )  # fmt: skip
    values.update(kw)
    return KpiReport.model_validate(values)


def member(agent_id: str, state: str = "ready", mood: str | None = None) -> TeamMemberLive:
    return TeamMemberLive(
        agent_id=agent_id, name=agent_id.title(), role=Role.OPERATOR,
        state=AgentStateView(state=AgentState(state), since=NOW), time_in_state_s=75.0,
        interactions=1 if mood else 0, current_interaction_id="int-1" if mood else None,
        current_channel="chat" if mood else None, mood=mood, handled_today=4, aht_today_s=280.0,
        fcr_today=0.75,
    )  # fmt: skip


def test_my_day_shows_the_servers_figures(qtbot: QtBot) -> None:
    model = MyDayModel(Workstation())
    bar = MyDayBar(model)
    qtbot.addWidget(bar)
    assert bar.source.text() == "this session"
    model.server.apply_report(report())
    assert bar.source.text() == "today"
    assert bar.handled.value.text() == "11"
    assert bar.band.value == 330.0 and (bar.band.low_s, bar.band.high_s) == (255.0, 345.0)
    facts = bar.server_facts
    # the operator's own (transactional) NPS, never the relational one
    assert facts.nps.value.text() == "+40"
    assert facts.mood.value.text() == "worsening"
    assert facts.score.value.text() == "776 · #1"


def test_board_model_is_a_proper_model(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = TeamBoardModel()
    model.set_members([member("mario", mood="negative"), member("elena", "not_ready")])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 8
    assert model.index(0, 4).data() == "negative"
    assert model.index(1, 1).data() == "not ready"
    model.set_members([member("mario", "wrap_up")])
    assert model.rowCount() == 1 and model.index(0, 1).data() == "wrap up"


def test_board_shows_alerts_and_sends_a_private_message(qtbot: QtBot) -> None:
    board = BoardWorkspace()
    qtbot.addWidget(board)
    live = TeamLive(
        team_id="squadra-2", name="Squadra Delfini", members=[member("mario")],
        queues=[QueueStat(queue="chat-lario", client_id="lario", waiting=6, oldest_wait_s=61.0,
                          service_level=0.4)],
        service_level_target=0.8,
        alerts=[Alert(key="sl:chat-lario", kind=AlertKind.SERVICE_LEVEL,
                      text="chat-lario: SL 40% < 80%", queue="chat-lario", since=NOW)],
    )  # fmt: skip
    board.apply(live)
    assert board.alerts.count() == 1 and "40%" in board.alerts.item(0).text()
    assert "6 waiting" in board.queues.item(0).text()
    assert all(not b.isEnabled() and b.toolTip() for b in board.monitor_buttons)
    board.table.selectRow(0)
    board.message.setText("Ottimo lavoro")
    with qtbot.waitSignal(board.messageRequested) as sent:
        board.send.click()
    assert sent.args == ["mario", "Ottimo lavoro"]


def test_board_alerts_speak_the_boards_language(qtbot: QtBot, qapp: QApplication) -> None:
    """The server's alert text is English; an Italian team leader reads each kind in
    Italian, with the board's own figures ("LdS" as in the header, not "SL")."""
    board = BoardWorkspace()
    qtbot.addWidget(board)
    live = TeamLive(
        team_id="squadra-2", name="Squadra Delfini",
        members=[member("mario", "not_ready"), member("sara", mood="negative")],
        queues=[QueueStat(queue="chat-lario", client_id="lario", waiting=6, oldest_wait_s=61.0,
                          service_level=0.4)],
        service_level_target=0.8,
        alerts=[
            Alert(key="sl:chat-lario", kind=AlertKind.SERVICE_LEVEL,
                  text="chat-lario: SL 40% < 80%", queue="chat-lario", since=NOW),
            Alert(key="wait:chat-lario", kind=AlertKind.LONG_WAIT, text="chat-lario: 61 s",
                  queue="chat-lario", since=NOW),
            Alert(key="nr:mario", kind=AlertKind.NOT_READY_OVER_BUDGET, text="Mario: 1 min",
                  agent_id="mario", since=NOW),
            Alert(key="mood:sara", kind=AlertKind.NEGATIVE_MOOD, text="Sara", agent_id="sara",
                  since=NOW),
            Alert(key="x", kind=AlertKind.LONG_WAIT, text="chat-other: 90 s",
                  queue="chat-other", since=NOW),
        ],
    )  # fmt: skip
    installed = i18n.install_translators(qapp, "it")
    try:
        board.apply(live)
        shown = [board.alerts.item(i).text() for i in range(board.alerts.count())]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert shown == [
        "⚠ chat-lario: LdS 40%, sotto l'obiettivo (80%)",
        "⚠ chat-lario: un cliente attende da 1:01",
        "⚠ Mario: non pronto da 1:15",
        "⚠ Sara: il cliente è contrariato",
        # a queue not on the board: the server's words, not a made-up figure
        "⚠ chat-other: 90 s",
    ]


def test_calculator_draws_service_level_against_agents(qtbot: QtBot) -> None:
    calc = ErlangCalculator()
    qtbot.addWidget(calc)
    with qtbot.waitSignal(calc.calculateRequested) as asked:
        calc.button.click()
    assert asked.args[:2] == [120.0, 300.0]
    calc.aht.setValue(180)
    calc.show_result(StaffingResult(traffic_erlangs=10.0, agents=14, service_level=0.888,
                                    asa_s=7.8, occupancy=0.714, scheduled=20))  # fmt: skip
    xs, ys = calc.curve.getData()
    assert next(iter(xs)) == 11 and 14 in list(xs)
    assert list(ys) == sorted(ys)
    assert "14" in calc.result.text() and calc.button.isEnabled()


def test_review_queue_scores_and_releases(qtbot: QtBot) -> None:
    queue = ReviewQueue()
    qtbot.addWidget(queue)
    assert queue.empty.isVisible() or not queue.isVisible()
    review = Review(
        id="rev-1", status="pending", trainee_id="a-giulia", trainee_name="Giulia Verdi",
        tutor_id="a-sara", interaction_id="int-1", channel="chat", client_id="lario",
        transcript=[Message(id="m1", interaction_id="int-1", direction=Direction.INBOUND,
                            author="Cliente", text="Salve", ts=NOW)],
        mood="neutral", script_adherence=None, created_at=NOW,
    )  # fmt: skip
    queue.set_reviews([review])
    queue.set_trainees([
        TraineeView(agent_id="a-giulia", name="Giulia Verdi", role="trainee",
                    state="review_hold", queues=["chat-lario"],
                    graduation=Graduation(reviewed=3, average=4.0, min_reviews=10,
                                          min_average=4.0, ready=False))
    ])  # fmt: skip
    assert "Salve" in queue.transcript.toPlainText()
    # The contact's facts in words, not codes; a contact without a script says so.
    assert queue.facts.text() == "Chat · mood Neutral · no script for this contact"
    assert "3 of 10" in queue.graduation.text()
    queue.score.setValue(5)
    queue.feedback.setPlainText("Brava")
    with qtbot.waitSignal(queue.decided) as decided:
        queue.release.click()
    assert decided.args == ["rev-1", 5, "Brava", True]
    with qtbot.waitSignal(queue.decided) as kept:
        queue.keep.click()
    assert kept.args[3] is False


def standing(score: float = 612.0, rank: int = 3, penalty: bool = True) -> CompetitionMe:
    lines = [
        ScoreLineView(group="quality", name="csat", value=0.9, weight=0.14, points=126.0),
        ScoreLineView(group="quality", name="nps", value=None, weight=0.0, points=0.0),
        ScoreLineView(group="quality", name="qa", value=0.8, weight=0.14 * 4 / 3, points=149.3),
        ScoreLineView(group="quality", name="fcr", value=0.7, weight=0.14 * 4 / 3, points=130.7),
        ScoreLineView(group="quality", name="adherence", value=0.5, weight=0.14 * 4 / 3,
                      points=93.3),
        ScoreLineView(group="quantity", name="volume", value=0.4, weight=0.15, points=60.0),
        ScoreLineView(group="quantity", name="schedule_adherence", value=0.9, weight=0.15,
                      points=135.0),
    ]  # fmt: skip
    penalties = [
        PenaltyView(id="p1", agent_id="a-mario", points=82.3, reason="Privacy notice skipped",
                    by="a-luca", at=NOW)
    ] if penalty else []  # fmt: skip
    season = SeasonView(id="season-1", name="Autunno", starts_at=NOW, ends_at=NOW, weights={})
    me = IndividualEntry(agent_id="a-mario", name="Mario", team_id="squadra-2", score=score,
                         rank=rank, badges=[], lines=lines, penalties=penalties)  # fmt: skip
    return CompetitionMe(season=season, me=me, squad=None, squads=2, individuals=6)


def tree_texts(dialog: ScoreBreakdown) -> list[list[str]]:
    out = []
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        out.append([top.text(c) for c in range(4)])
        for j in range(top.childCount()):
            out.append([top.child(j).text(c) for c in range(4)])
    return out


def test_a_click_on_the_score_shows_every_point(qtbot: QtBot) -> None:
    model = MyDayModel(Workstation())
    bar = MyDayBar(model)
    qtbot.addWidget(bar)
    bar.show()
    model.server.apply_report(report(score=612.0, rank=3))
    model.server.apply_standing(standing())
    facts = bar.server_facts
    assert facts.score.value.text() == "612 · #3"
    qtbot.mouseClick(facts.score, Qt.MouseButton.LeftButton)
    dialog = facts.breakdown
    assert dialog is not None and dialog.isVisible()
    rows = tree_texts(dialog)
    quality = next(r for r in rows if r[0] == "Quality")
    assert quality[3] == "499.3"  # 126 + 149.3 + 130.7 + 93.3
    adherence = next(r for r in rows if r[0].startswith("Script adherence"))
    assert adherence[1:] == ["50%", "19%", "93.3"]
    assert next(r for r in rows if r[0].startswith("NPS"))[1] == "no data"
    penalty = next(r for r in rows if r[0] == "Privacy notice skipped")
    assert penalty[3] == "−82.3" and "a-luca" in penalty[2]
    assert rows[-1] == ["Score", "", "", "612.0"]
    # score.updated from the stream: the bar and the open breakdown follow at once
    controller = PeopleController(cast(PeopleClient, None), model.server, None, None)
    controller.profile = fakes.profile()
    moved = standing(score=700.0, rank=1, penalty=False).me
    controller.on_event(
        "score.updated",
        ScoreUpdatedData(season_id="season-1", score=700.0, rank=1,
                         agent_id=controller.profile.id, entry=moved),
    )  # fmt: skip
    assert facts.score.value.text() == "700 · #1"
    assert tree_texts(dialog)[-1] == ["Score", "", "", "700.0"]
    assert not any(r[0] == "Penalties" for r in tree_texts(dialog))
    # another operator's update (a team leader's stream) does not touch this bar
    controller.on_event(
        "score.updated",
        {"season_id": "season-1", "score": 10.0, "rank": 6, "agent_id": "a-someone-else"},
    )
    assert facts.score.value.text() == "700 · #1"
    # keyboard: Enter on the focused score opens it too
    dialog.hide()
    facts.score.setFocus()
    qtbot.keyClick(facts.score, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_the_breakdown_says_so_without_a_season(qtbot: QtBot) -> None:
    model = MyDayModel(Workstation())
    bar = MyDayBar(model)
    qtbot.addWidget(bar)
    model.server.apply_report(report(score=None, rank=None))
    assert bar.server_facts.score.value.text() == "–"
    bar.server_facts.show_breakdown()
    dialog = bar.server_facts.breakdown
    assert dialog is not None and dialog.headline.text() == "No season standing yet"
    assert dialog.tree.topLevelItemCount() == 0
