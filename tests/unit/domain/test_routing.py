from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agentdesk.domain.agent_state import AgentState
from agentdesk.domain.routing import (
    AgentCandidate,
    WaitingInteraction,
    choose_agent,
    plan_offers,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def agent(
    agent_id: str,
    *,
    state: AgentState = AgentState.READY,
    skills: tuple[str, ...] = ("chat",),
    clients: tuple[str, ...] = ("lario",),
    capacity: int = 3,
    load: int = 0,
    idle_minutes: int = 0,
) -> AgentCandidate:
    return AgentCandidate(
        agent_id=agent_id,
        state=state,
        skills=frozenset(skills),
        clients=frozenset(clients),
        capacity=capacity,
        load=load,
        idle_since=T0 - timedelta(minutes=idle_minutes),
    )


def chat(interaction_id: str, *, client: str = "lario", minute: int = 0) -> WaitingInteraction:
    return WaitingInteraction(
        interaction_id=interaction_id,
        skill="chat",
        client_id=client,
        queued_at=T0 + timedelta(minutes=minute),
    )


def test_only_ready_skilled_operators_for_the_client_with_capacity_get_offers() -> None:
    agents = [
        agent("away", state=AgentState.NOT_READY),
        agent("voice-only", skills=("voice",)),
        agent("other-client", clients=("energia",)),
        agent("full", load=3),
        agent("mario"),
    ]
    chosen = choose_agent(agents, chat("c1"))
    assert chosen is not None and chosen.agent_id == "mario"


def test_nobody_eligible_leaves_the_chat_queued() -> None:
    assert choose_agent([agent("away", state=AgentState.WRAP_UP)], chat("c1")) is None


def test_least_loaded_then_longest_idle_goes_first() -> None:
    agents = [agent("busy", load=2), agent("fresh", idle_minutes=1), agent("idle", idle_minutes=9)]
    chosen = choose_agent(agents, chat("c1"))
    assert chosen is not None and chosen.agent_id == "idle"


def test_an_operator_who_rejected_is_not_offered_the_same_chat_again() -> None:
    item = WaitingInteraction("c1", "chat", "lario", T0, excluded_agents=frozenset({"mario"}))
    chosen = choose_agent([agent("mario", idle_minutes=5), agent("anna")], item)
    assert chosen is not None and chosen.agent_id == "anna"


def test_plan_fills_capacity_oldest_chat_first_and_never_overfills() -> None:
    plan = plan_offers(
        [agent("mario", capacity=2)],
        [chat("late", minute=5), chat("early", minute=1), chat("middle", minute=3)],
    )
    assert plan == [("early", "mario"), ("middle", "mario")]
