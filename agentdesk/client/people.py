"""REST calls of the people features: KPIs, competition, the squad board, reviews, staffing."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from agentdesk.client.rest import ApiClient
from agentdesk.protocol.competition import (
    CompetitionMe,
    Leaderboard,
    Review,
    ReviewDecision,
    ReviewList,
    TraineeList,
    TraineeView,
)
from agentdesk.protocol.kb import KbChanges, KbReads, KbUrgentList, KbUrgentNote
from agentdesk.protocol.people import (
    AgentMessageData,
    AgentMessageRequest,
    KpiReport,
    Period,
    StaffingResult,
)
from agentdesk.protocol.teams import TeamLive


class PeopleClient:
    """Thin typed calls over the shared :class:`ApiClient` (its auth, retries and errors)."""

    def __init__(self, api: ApiClient) -> None:
        self.api = api

    async def _get(
        self, model: type[Any], path: str, params: dict[str, str | int] | None = None
    ) -> Any:
        return model.model_validate(await self.api._request("GET", path, params=params))

    async def _post(self, model: type[Any], path: str, body: BaseModel | None = None) -> Any:
        payload = body.model_dump(mode="json") if body is not None else None
        return model.model_validate(await self.api._request("POST", path, json=payload))

    async def my_kpis(self, period: Period = Period.TODAY) -> KpiReport:
        result: KpiReport = await self._get(KpiReport, "/kpis/me", {"period": period.value})
        return result

    async def team_kpis(self, team_id: str, period: Period = Period.TODAY) -> KpiReport:
        result: KpiReport = await self._get(
            KpiReport, f"/kpis/teams/{team_id}", {"period": period.value}
        )
        return result

    async def team_live(self, team_id: str) -> TeamLive:
        result: TeamLive = await self._get(TeamLive, f"/teams/{team_id}/live")
        return result

    async def competition_me(self) -> CompetitionMe:
        result: CompetitionMe = await self._get(CompetitionMe, "/competition/me")
        return result

    async def leaderboard(self, season: str | None = None) -> Leaderboard:
        params: dict[str, str | int] | None = {"season": season} if season else None
        result: Leaderboard = await self._get(Leaderboard, "/competition/leaderboard", params)
        return result

    async def erlang_c(
        self, volume: float, aht: float, *, target_sl: float = 0.8, target_time: float = 20,
        shrinkage: float = 0.0, interval: int = 1800,
    ) -> StaffingResult:  # fmt: skip
        params: dict[str, str | int] = {
            "volume": str(volume), "aht": str(aht), "interval": interval,
            "target_sl": str(target_sl), "target_time": str(target_time),
            "shrinkage": str(shrinkage),
        }  # fmt: skip
        result: StaffingResult = await self._get(StaffingResult, "/staffing/erlang-c", params)
        return result

    async def reviews(self, status: str = "pending") -> list[Review]:
        result: ReviewList = await self._get(ReviewList, "/reviews", {"status": status})
        return result.items

    async def decide(self, review_id: str, decision: ReviewDecision) -> Review:
        result: Review = await self._post(Review, f"/reviews/{review_id}", decision)
        return result

    async def trainees(self) -> list[TraineeView]:
        result: TraineeList = await self._get(TraineeList, "/nesting/trainees")
        return result.items

    async def graduate(self, trainee_id: str) -> TraineeView:
        result: TraineeView = await self._post(
            TraineeView, f"/nesting/trainees/{trainee_id}/graduate"
        )
        return result

    async def message(self, agent_id: str, text: str) -> AgentMessageData:
        result: AgentMessageData = await self._post(
            AgentMessageData, f"/agents/{agent_id}/messages", AgentMessageRequest(text=text)
        )
        return result

    async def urgent_notes(self) -> list[KbUrgentNote]:
        """``GET /kb/urgent``: the urgent KB communications for me not acknowledged yet."""
        result: KbUrgentList = await self._get(KbUrgentList, "/kb/urgent")
        return result.items

    async def kb_changes(self, since: int) -> KbChanges:
        """``GET /kb/changes``: articles changed after ``since`` (all of them from 0)."""
        result: KbChanges = await self._get(KbChanges, "/kb/changes", {"since": since})
        return result

    async def note_reads(self, article_id: str) -> KbReads:
        """``GET /kb/articles/{id}/reads``: who has acknowledged an urgent note, who has not."""
        from urllib.parse import quote

        result: KbReads = await self._get(
            KbReads, f"/kb/articles/{quote(article_id, safe='')}/reads"
        )
        return result
