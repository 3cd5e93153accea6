"""``PeopleController``: loads and refreshes the people views from the server.

Operators get "My day" from ``/kpis/me`` and ``kpi.updated``; team leaders and tutors get the
board (``/teams/{id}/live`` and ``team.live``) and tutors the review queue. Failures become a
sentence in the status line, never a crash.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from qasync import asyncSlot

from agentdesk.client.calls import CallsApi
from agentdesk.client.people import PeopleClient
from agentdesk.gui.controller import tracked
from agentdesk.gui.errors import EXPECTED, describe_error
from agentdesk.gui.people.day_facts import ServerDay
from agentdesk.protocol.agents import HANDLER_ROLES, AgentProfile, Role
from agentdesk.protocol.competition import ReviewDecision, ReviewEventData, ScoreUpdatedData
from agentdesk.protocol.kb import KbArticle
from agentdesk.protocol.people import AgentMessageData, KpiUpdatedData
from agentdesk.protocol.teams import TeamLive

if TYPE_CHECKING:
    from agentdesk.gui.people.board import BoardWorkspace
    from agentdesk.gui.people.reviews import ReviewQueue
    from agentdesk.media.devices import AudioDevices
    from agentdesk.media.leg import OperatorLeg

log = logging.getLogger(__name__)
SUPERVISORS = (Role.TEAM_LEADER, Role.TUTOR, Role.ADMIN)
#: how often the board asks again who has not read the urgent KB communications
URGENT_REFRESH_MS = 45_000


def _in_force(article: KbArticle, now: datetime) -> bool:
    if article.valid_from is not None and article.valid_from > now:
        return False
    return article.valid_to is None or article.valid_to > now


class PeopleController(QObject):
    message = Signal(str, str)  # level, text

    def __init__(
        self, client: PeopleClient, day: ServerDay, board: BoardWorkspace | None,
        reviews: ReviewQueue | None, parent: QObject | None = None, *,
        devices: AudioDevices | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.client = client
        self.day = day
        self.board: BoardWorkspace | None = None
        self.reviews: ReviewQueue | None = None
        self.profile: AgentProfile | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        #: the desk's audio devices for a monitor leg (made when first needed if not given)
        self.devices = devices
        self.calls = CallsApi(client.api) if client is not None else None
        self._urgent: dict[str, KbArticle] = {}
        self._kb_version = 0
        self.monitor_leg: OperatorLeg | None = None
        self.monitoring: str | None = None
        self.urgent_timer = QTimer(self)
        self.urgent_timer.setInterval(URGENT_REFRESH_MS)
        self.urgent_timer.timeout.connect(self.refresh_urgent)
        self.use_workspace(board, reviews)

    def use_workspace(self, board: BoardWorkspace | None, reviews: ReviewQueue | None) -> None:
        """Drive these views (the desk builds them for supervisors only, when their profile
        comes; before the profile is applied, so its load fills them)."""
        if board is not None and self.board is None:
            self.board = board
            board.messageRequested.connect(self.send_message)
            board.calculator.calculateRequested.connect(self.calculate)
            board.monitorRequested.connect(self.monitor)
            board.monitorStopRequested.connect(self.stop_monitor)
        if reviews is not None and self.reviews is None:
            self.reviews = reviews
            reviews.decided.connect(self.decide)
            reviews.graduateRequested.connect(self.graduate)

    async def aclose(self) -> None:
        """Cancel the loads still waiting on the server and start no new ones (shutting down)."""
        self._closed = True
        self.urgent_timer.stop()
        tasks = [t for t in self._tasks if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self._end_monitor(tell_server=True)

    @asyncSlot(object)
    @tracked
    async def on_profile(self, profile: AgentProfile) -> None:
        self.profile = profile
        await self._guarded(self._load_all())

    async def _load_all(self) -> None:
        assert self.profile is not None
        if self.profile.role in HANDLER_ROLES:
            self.day.apply_report(await self.client.my_kpis())
            await self._load_standing()
        if self.board is not None and self.profile.team_id and self.profile.role in SUPERVISORS:
            self.board.apply(
                await self.client.team_live(self.profile.team_id), trainees_only=self._tutor
            )
            if self.profile.role is not Role.TUTOR:
                self.board.calculator.button.click()
            await self._load_urgent()
            self.urgent_timer.start()
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
                calls = {m.current_interaction_id for m in live.members}
                if self.monitoring is not None and self.monitoring not in calls:
                    self.call_gone()
            elif type_ == "kb.urgent" and self.board is not None:
                self.refresh_urgent()
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

    # ---- urgent KB communications ------------------------------------------------------

    @asyncSlot()
    @tracked
    async def refresh_urgent(self) -> None:
        if not self._closed:
            await self._load_urgent()

    async def _load_urgent(self) -> None:
        """Each urgent note in force and who in the squad has not acknowledged it."""
        board = self.board
        if board is None:
            return
        try:
            await self._follow_kb()
            now = datetime.now(UTC)
            notes = sorted(
                (a for a in self._urgent.values() if _in_force(a, now)),
                key=lambda a: a.updated_at, reverse=True,
            )  # fmt: skip
            rows: list[tuple[str, list[str]]] = []
            squad = {m.agent_id for m in board.live.members} if board.live else None
            for note in notes:
                reads = await self.client.note_reads(note.id)
                pending = [r.name for r in reads.pending if squad is None or r.agent_id in squad]
                rows.append((note.title, pending))
        except EXPECTED as exc:
            board.show_urgent_error(describe_error(exc))
            return
        except ValidationError:
            log.warning("unreadable urgent KB communications", exc_info=True)
            board.show_urgent_error(self.tr("the server sent data this desktop cannot read"))
            return
        board.show_urgent(rows)

    async def _follow_kb(self) -> None:
        """Bring the urgent articles up to date through ``/kb/changes`` (a team leader's own
        ``/kb/urgent`` is empty: urgent notes are addressed to operators)."""
        while True:
            changes = await self.client.kb_changes(self._kb_version)
            for article in changes.articles:
                if article.kind == "urgent":
                    self._urgent[article.id] = article
                else:
                    self._urgent.pop(article.id, None)
            for gone in changes.deleted:
                self._urgent.pop(gone, None)
            self._kb_version = max(self._kb_version, changes.version)
            if not changes.more or not changes.articles:
                return

    # ---- monitoring -------------------------------------------------------------------

    def _new_leg(self) -> OperatorLeg:
        from agentdesk.media.leg import OperatorLeg

        if self.devices is None:
            from agentdesk.media.devices import AudioDevices, default_backend

            self.devices = AudioDevices(default_backend)
        return OperatorLeg(self.devices)

    @asyncSlot(str, str)
    @tracked
    async def monitor(self, interaction_id: str, mode: str) -> None:
        """Listen, whisper or barge on a call; on the call already monitored: switch mode."""
        board = self.board
        if board is None or self.calls is None:
            return
        try:
            if self.monitoring == interaction_id and self.monitor_leg is not None:
                await self.calls.monitor_mode(interaction_id, mode)
            else:
                await self._end_monitor(tell_server=True)
                leg = self.monitor_leg = self._new_leg()
                self.monitoring = interaction_id
                answer = await self.calls.monitor(interaction_id, mode, await leg.create_offer())
                await leg.apply_answer(answer)
        except EXPECTED as exc:
            await self._monitor_failed(interaction_id, describe_error(exc))
            return
        except Exception as exc:  # a media failure (aiortc) is a sentence, not a crash
            log.warning("monitor leg failed", exc_info=True)
            await self._monitor_failed(interaction_id, str(exc) or type(exc).__name__)
            return
        board.set_monitoring(interaction_id, mode)
        board.show_monitor_status(self._mode_sentence(mode))

    def _mode_sentence(self, mode: str) -> str:
        if mode == "whisper":
            return self.tr("Whispering: only the operator hears you")
        if mode == "barge":
            return self.tr("Barged in: everyone on the call hears you")
        return self.tr("Listening: no one hears you")

    async def _monitor_failed(self, interaction_id: str, reason: str) -> None:
        if self.monitoring == interaction_id and self.monitor_leg is not None:
            board = self.board
            if board is None or board.monitoring != interaction_id:
                # the leg was being set up: close it and leave nothing behind on the server
                await self._end_monitor(tell_server=True)
        text = self.tr("Monitoring failed: %1").replace("%1", reason)
        if self.board is not None:
            self.board.show_monitor_status(text)
        self.message.emit("warning", text)

    @asyncSlot()
    @tracked
    async def call_gone(self) -> None:
        """The monitored call is no longer on the board: close the leg (the ``DELETE`` is
        refused harmlessly if the server has already ended the monitor with the call)."""
        await self._end_monitor(tell_server=True)
        if self.board is not None:
            self.board.show_monitor_status(self.tr("The monitored call has ended"))

    @asyncSlot()
    @tracked
    async def stop_monitor(self) -> None:
        await self._end_monitor(tell_server=True)
        if self.board is not None:
            self.board.show_monitor_status(self.tr("Monitoring stopped"))

    async def _end_monitor(self, *, tell_server: bool) -> None:
        """Close the monitor leg; with ``tell_server``, ``DELETE .../monitor`` first."""
        leg, call = self.monitor_leg, self.monitoring
        self.monitor_leg = None
        self.monitoring = None
        if self.board is not None:
            self.board.set_monitoring(None, None)
        if call is not None and tell_server and self.calls is not None:
            try:
                await self.calls.stop_monitor(call)
            except EXPECTED as exc:  # the call may have ended: the leg is closed anyway
                log.info("monitor end: %s", describe_error(exc))
        if leg is not None:
            await leg.close()

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
