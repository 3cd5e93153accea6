"""``PeopleController``: loads and refreshes the people views from the server.

Operators get "My day" from ``/kpis/me`` and ``kpi.updated``; team leaders and tutors get the
board (``/teams/{id}/live`` and ``team.live``) and tutors the review queue. Failures become a
sentence in the status line, never a crash.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from qasync import asyncSlot

from agentdesk.client.people import PeopleClient
from agentdesk.gui.controller import tracked
from agentdesk.gui.errors import EXPECTED, describe_error
from agentdesk.gui.people.board import BoardWorkspace
from agentdesk.gui.people.day_facts import ServerDay
from agentdesk.gui.people.reviews import ReviewQueue
from agentdesk.protocol.agents import AgentProfile, Role
from agentdesk.protocol.competition import ReviewDecision, ReviewEventData, ScoreUpdatedData
from agentdesk.protocol.people import AgentMessageData, KpiUpdatedData
from agentdesk.protocol.teams import TeamLive

log = logging.getLogger(__name__)
SUPERVISORS = (Role.TEAM_LEADER, Role.TUTOR, Role.ADMIN)


class PeopleController(QObject):
    message = Signal(str, str)  # level, text

    def __init__(
        self, client: PeopleClient, day: ServerDay, board: BoardWorkspace | None,
        reviews: ReviewQueue | None, parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.client = client
        self.day = day
        self.board = board
        self.reviews = reviews
        self.profile: AgentProfile | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        if board is not None:
            board.messageRequested.connect(self.send_message)
            board.calculator.calculateRequested.connect(self.calculate)
        if reviews is not None:
            reviews.decided.connect(self.decide)
            reviews.graduateRequested.connect(self.graduate)

    async def aclose(self) -> None:
        """Cancel the loads still waiting on the server and start no new ones (shutting down)."""
        self._closed = True
        tasks = [t for t in self._tasks if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    @asyncSlot(object)
    @tracked
    async def on_profile(self, profile: AgentProfile) -> None:
        self.profile = profile
        await self._guarded(self._load_all())

    async def _load_all(self) -> None:
        assert self.profile is not None
        if self.profile.role in (Role.OPERATOR, Role.TRAINEE):
            self.day.apply_report(await self.client.my_kpis())
            await self._load_standing()
        if self.board is not None and self.profile.team_id and self.profile.role in SUPERVISORS:
            self.board.apply(
                await self.client.team_live(self.profile.team_id), trainees_only=self._tutor
            )
            if self.profile.role is not Role.TUTOR:
                self.board.calculator.button.click()
        if self.reviews is not None and self.profile.role in (Role.TUTOR, Role.ADMIN):
            self.reviews.set_reviews(await self.client.reviews())
            self.reviews.set_trainees(await self.client.trainees())

    async def _load_standing(self) -> None:
        """The season standing behind the score (none without a season: not an error)."""
        try:
            self.day.apply_standing(await self.client.competition_me())
        except EXPECTED as exc:
            log.info("no season standing: %s", describe_error(exc))

    @property
    def _tutor(self) -> bool:
        return self.profile is not None and self.profile.role is Role.TUTOR

    def on_event(self, type_: str, data: object) -> None:
        """A people event from the stream (payloads typed by the protocol, or plain dicts)."""
        try:
            if type_ == "kpi.updated" and isinstance(data, KpiUpdatedData):
                self.day.apply_report(data.report)
            elif type_ == "score.updated":
                update = (
                    data
                    if isinstance(data, ScoreUpdatedData)
                    else ScoreUpdatedData.model_validate(data)
                )
                if self.profile is not None and update.agent_id in (None, self.profile.id):
                    self.day.apply_score(update)
            elif type_ == "team.live" and self.board is not None:
                live = data if isinstance(data, TeamLive) else TeamLive.model_validate(data)
                self.board.apply(live, trainees_only=self._tutor)
            elif type_ == "review.requested" and isinstance(data, ReviewEventData):
                if self.reviews is not None:
                    self.reviews.add_review(data.review)
            elif type_ == "review.completed" and isinstance(data, ReviewEventData):
                feedback = data.review.feedback or ""
                self.message.emit(
                    "info", self.tr("Your tutor's feedback: %1").replace("%1", feedback)
                )
            elif type_ == "agent.message" and isinstance(data, AgentMessageData):
                self.message.emit("info", f"{data.from_name}: {data.text}")
        except ValidationError:
            log.warning("malformed %s event dropped", type_)

    @asyncSlot(str, str)
    @tracked
    async def send_message(self, agent_id: str, text: str) -> None:
        await self._guarded(self.client.message(agent_id, text))

    @asyncSlot(float, float, float, float, float)
    @tracked
    async def calculate(
        self, volume: float, aht: float, sl: float, wait: float, shrink: float
    ) -> None:
        assert self.board is not None
        try:
            result = await self.client.erlang_c(
                volume, aht, target_sl=sl, target_time=wait, shrinkage=shrink
            )
        except EXPECTED as exc:
            self.board.calculator.show_error(describe_error(exc))
            return
        self.board.calculator.show_result(result)

    @asyncSlot(str, int, str, bool)
    @tracked
    async def decide(self, review_id: str, score: int, feedback: str, release: bool) -> None:
        decision = ReviewDecision(score=score, feedback=feedback, release=release)
        if (
            await self._guarded(self.client.decide(review_id, decision))
            and self.reviews is not None
        ):
            await self._guarded(self._reload_reviews())

    @asyncSlot(str)
    @tracked
    async def graduate(self, trainee_id: str) -> None:
        if await self._guarded(self.client.graduate(trainee_id)):
            await self._guarded(self._reload_reviews())

    async def _reload_reviews(self) -> None:
        if self.reviews is not None:
            self.reviews.set_reviews(await self.client.reviews())
            self.reviews.set_trainees(await self.client.trainees())

    async def _guarded(self, work: Any) -> bool:
        try:
            await work
            return True
        except EXPECTED as exc:
            self.message.emit("warning", describe_error(exc))
        except ValidationError:
            log.warning("the server sent data this desktop cannot read", exc_info=True)
        return False
