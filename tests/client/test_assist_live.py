"""The desktop's assist calls (scripts, progress, hints, outcomes) against the real server."""

from __future__ import annotations

from typing import Any

import pytest

from agentdesk.client.rest import ApiClient, ApiError
from agentdesk.domain.agent_state import AgentState
from tests.client.conftest import Desk, Gateway, LiveServer
from tests.client.helpers import until


async def test_script_and_hints_round_trip(api: ApiClient, gateway: Gateway) -> None:
    await api.login("mario", "demo")
    await api.set_state(AgentState.READY)
    iid = await gateway.open_chat("Buongiorno, devo fare la voltura del contratto")

    async def offered() -> bool:
        return any(i.id == iid for i in await api.active_interactions())

    await until(offered, what="the chat is offered")
    accepted = await api.accept(iid)
    assert accepted.messages[0].mood is not None
    assert accepted.messages[0].mood.label == "neutral"

    progress = await api.script_progress(iid)
    script = await api.script(progress.script_id)
    assert script.id == "lario-inbound-care" and progress.current == script.start
    progress = await api.record_script_progress(iid, "greet", None)
    progress = await api.record_script_progress(iid, "privacy", "confirmed")
    assert progress.current == "identity" and progress.adherence == 0.5
    with pytest.raises(ApiError) as caught:
        await api.record_script_progress(iid, "reason", "not-a-branch")
    assert caught.value.status == 422

    hints = (await api.next_best_actions(iid)).items
    article = next(h for h in hints if h.rule == "article_for_last_line")
    assert article.action.kind == "article" and article.action.target == "kb-lario-voltura"
    decided = await api.nba_outcome(article.id, accepted=True, note="letto")
    assert decided.outcome == "accepted"
    with pytest.raises(ApiError) as twice:
        await api.nba_outcome(article.id, accepted=False)
    assert twice.value.status == 409


async def test_the_session_relays_hints_as_they_change(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    await desk.session.set_state(AgentState.READY)
    iid = await gateway.open_chat("Buongiorno")
    await until(lambda: iid in desk.session.interactions, what="the chat is offered")
    await desk.session.accept(iid)
    await gateway.say(iid, "Grazie, ma è la terza volta che scrivo! Inaccettabile")

    def turned() -> bool:
        return any(
            h.rule == "mood_turning_negative"
            for data in desk.recorder.hints
            if data.interaction_id == iid
            for h in data.items
        )

    await until(turned, what="nba.suggested with the mood hint")
