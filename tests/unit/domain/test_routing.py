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


def test_a_higher_priority_queue_is_offered_first_whatever_its_age() -> None:
    old = chat("old", minute=0)
    urgent = WaitingInteraction("urgent", "chat", "lario", T0 + timedelta(minutes=5), priority=5)
    assert plan_offers([agent("mario", capacity=1)], [old, urgent]) == [("urgent", "mario")]


def test_a_trainee_keeps_the_queues_their_tutor_enabled_after_a_planned_offer() -> None:
    giulia = AgentCandidate(
        "giulia", AgentState.READY, frozenset({"chat"}), frozenset({"lario"}), 2, 0, T0,
        queues=frozenset({"chat-lario"}),
    )  # fmt: skip
    first = WaitingInteraction("a", "chat", "lario", T0, queue_id="chat-lario")
    other = WaitingInteraction("b", "chat", "lario", T0 + timedelta(1), queue_id="chat-vip")
    assert plan_offers([giulia], [first, other]) == [("a", "giulia")]


def test_many_operators_and_many_contacts_at_once() -> None:
    """40 operators with mixed skills, clients and limits; 200 contacts of three queues."""
    agents = [
        agent(
            f"op{n}",
            skills=("chat",) if n % 3 else ("chat", "vip"),
            clients=("lario", "energia") if n % 2 else ("lario",),
            capacity=1 + n % 3,
            load=n % 2,
            idle_minutes=n,
        )
        for n in range(40)
    ]
    waiting = [
        WaitingInteraction(
            f"c{n}",
            "vip" if n % 5 == 0 else "chat",
            "energia" if n % 4 == 0 else "lario",
            T0 + timedelta(seconds=n),
            priority=3 if n % 5 == 0 else 0,
        )
        for n in range(200)
    ]
    plan = plan_offers(agents, waiting)
    by_id = {a.agent_id: a for a in agents}
    items = {w.interaction_id: w for w in waiting}
    offered = [iid for iid, _ in plan]
    assert len(offered) == len(set(offered)), "a contact planned for two operators"
    given: dict[str, int] = {}
    for iid, agent_id in plan:
        a, w = by_id[agent_id], items[iid]
        assert w.skill in a.skills and w.client_id in a.clients
        given[agent_id] = given.get(agent_id, 0) + 1
    for agent_id, count in given.items():
        assert by_id[agent_id].load + count <= by_id[agent_id].capacity
    free = sum(a.capacity - a.load for a in agents)
    assert len(plan) <= free
    # Every vip (priority) contact that someone could take was planned before any other.
    vip = [iid for iid in offered if items[iid].skill == "vip"]
    assert offered[: len(vip)] == vip
