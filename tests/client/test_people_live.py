"""The desktop's client for the people features against the real server: a trainee's
contact goes to review hold, nothing new arrives until the tutor releases, and the trainee's
session receives the feedback; the team leader's board and staffing through PeopleClient."""

from __future__ import annotations

from typing import Any

from agentdesk.client.people import PeopleClient
from agentdesk.client.rest import ApiClient
from agentdesk.domain.agent_state import AgentState
from agentdesk.protocol.competition import ReviewDecision, ReviewEventData
from agentdesk.protocol.interactions import InteractionStatus
from agentdesk.protocol.people import KpiUpdatedData
from tests.client.conftest import Gateway, LiveServer
from tests.client.helpers import Recorder, until


class PeopleRecorder(Recorder):
    """Also keeps the people events the session hands over."""

    def __init__(self) -> None:
        super().__init__()
        self.people: list[tuple[str, Any]] = []

    def people_event(self, type_: str, data: Any) -> None:
        self.people.append((type_, data))


async def test_trainee_review_hold_and_feedback(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    giulia = await desk_factory(live)
    recorder = PeopleRecorder()
    giulia.session.listener = recorder
    giulia.recorder = recorder
    await giulia.session.start("giulia", "demo")
    await giulia.session.set_state(AgentState.READY)
    tutor_api = ApiClient(live.base_url, timeout=5.0)
    try:
        await tutor_api.login("sara", "demo")
        tutor = PeopleClient(tutor_api)
        first = await gateway.open_chat("Salve, la bolletta?", handle="uno@chat")
        await until(lambda: first in giulia.session.interactions, what="the first offer")
        await giulia.session.accept(first)
        second = await gateway.open_chat("Buongiorno", handle="due@chat")
        await giulia.session.wrapup(first, "info_bolletta", "", True)
        await until(
            lambda: giulia.session.profile is not None
            and any(s.state is AgentState.REVIEW_HOLD for _, s in recorder.calls
                    if _ == "state_changed"),
            what="the trainee is held for review",
        )  # fmt: skip
        pending = [r for r in await tutor.reviews() if r.interaction_id == first]
        assert len(pending) == 1 and pending[0].transcript
        # held: the second chat stays queued until the tutor releases her
        assert second not in giulia.session.interactions
        await tutor.decide(pending[0].id, ReviewDecision(score=4, feedback="Brava", release=True))
        await until(
            lambda: any(t == "review.completed" for t, _ in recorder.people),
            what="the feedback reaches the trainee",
        )
        done = next(d for t, d in recorder.people if t == "review.completed")
        assert isinstance(done, ReviewEventData) and done.review.feedback == "Brava"
        await until(
            lambda: (
                second in giulia.session.interactions
                and giulia.session.interactions[second].status is InteractionStatus.OFFERED
            ),
            what="the next chat once released",
        )
        await until(
            lambda: any(isinstance(d, KpiUpdatedData) for _, d in recorder.people),
            what="kpi.updated after the wrap-up",
        )
        mine = await PeopleClient(giulia.api).my_kpis()
        assert mine.handled >= 1
    finally:
        await tutor_api.aclose()


async def test_team_leader_board_and_staffing(live: LiveServer) -> None:
    api = ApiClient(live.base_url, timeout=5.0)
    try:
        await api.login("luca", "demo")
        people = PeopleClient(api)
        board = await people.team_live("squadra-2")
        assert {m.agent_id for m in board.members} >= {"a-mario", "a-giulia"}
        staffing = await people.erlang_c(100, 180, target_sl=0.8, target_time=20, shrinkage=0.3)
        assert (staffing.agents, staffing.scheduled) == (14, 20)
        squad = await people.team_kpis("squadra-2")
        assert squad.handled > 0
        sent = await people.message("a-mario", "Ottimo lavoro")
        assert sent.from_id == "a-luca"
    finally:
        await api.aclose()
