"""The people views: My day from the server, the squad board, the calculator, reviews."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from agentdesk.domain.agent_state import AgentState
from agentdesk.gui.people.board import BoardWorkspace
from agentdesk.gui.people.board_model import TeamBoardModel
from agentdesk.gui.people.erlang import ErlangCalculator
from agentdesk.gui.people.reviews import ReviewQueue
from agentdesk.gui.shell.myday import MyDayBar, MyDayModel
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.agents import AgentStateView, Role
from agentdesk.protocol.competition import Graduation, Review, TraineeView
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
    assert "3 of 10" in queue.graduation.text()
    queue.score.setValue(5)
    queue.feedback.setPlainText("Brava")
    with qtbot.waitSignal(queue.decided) as decided:
        queue.release.click()
    assert decided.args == ["rev-1", 5, "Brava", True]
    with qtbot.waitSignal(queue.decided) as kept:
        queue.keep.click()
    assert kept.args[3] is False
