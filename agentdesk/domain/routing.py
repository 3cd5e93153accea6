"""Routing rules (ACD): which ready operator gets a waiting interaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from agentdesk.domain.agent_state import AgentState


@dataclass(frozen=True, slots=True)
class AgentCandidate:
    """What the router needs to know about one operator."""

    agent_id: str
    state: AgentState
    skills: frozenset[str]
    clients: frozenset[str]
    capacity: int  # how many interactions of this channel they may hold at once
    load: int  # how many they hold now (offered, active or in wrap-up)
    idle_since: datetime  # when they last became free; longest idle goes first
    #: a trainee in nesting: only the queues their tutor enabled (None = no restriction)
    queues: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class WaitingInteraction:
    """What the router needs to know about one queued interaction."""

    interaction_id: str
    skill: str
    client_id: str
    queued_at: datetime
    excluded_agents: frozenset[str] = frozenset()  # those who rejected or let it time out
    queue_id: str = ""
    #: The queue's priority: higher is offered first, whatever the age.
    priority: int = 0


def eligible(agent: AgentCandidate, item: WaitingInteraction) -> bool:
    """Ready, skilled for the queue, serving the client, with free capacity."""
    return (
        agent.state is AgentState.READY
        and item.skill in agent.skills
        and item.client_id in agent.clients
        and agent.load < agent.capacity
        and agent.agent_id not in item.excluded_agents
        and (agent.queues is None or item.queue_id in agent.queues)
    )


def choose_agent(
    agents: Iterable[AgentCandidate], item: WaitingInteraction
) -> AgentCandidate | None:
    """Pick the eligible operator with the lowest relative load, then the longest idle."""
    best: AgentCandidate | None = None
    for agent in agents:
        if not eligible(agent, item):
            continue
        if best is None or _rank(agent) < _rank(best):
            best = agent
    return best


def _rank(agent: AgentCandidate) -> tuple[float, datetime, str]:
    return (agent.load / agent.capacity, agent.idle_since, agent.agent_id)


def offer_order(item: WaitingInteraction) -> tuple[int, datetime, str]:
    """Higher-priority queues first, then the longest waiting."""
    return (-item.priority, item.queued_at, item.interaction_id)


def plan_offers(
    agents: Iterable[AgentCandidate], waiting: Iterable[WaitingInteraction]
) -> list[tuple[str, str]]:
    """Match waiting interactions (higher priority first, then oldest) to operators.

    Returns ``(interaction_id, agent_id)`` pairs; loads are updated as offers are planned so
    one pass never over-fills an operator, and each interaction appears at most once.
    """
    pool = {a.agent_id: a for a in agents}
    plan: list[tuple[str, str]] = []
    planned: set[str] = set()
    for item in sorted(waiting, key=offer_order):
        if item.interaction_id in planned:
            continue
        chosen = choose_agent(pool.values(), item)
        if chosen is None:
            continue
        plan.append((item.interaction_id, chosen.agent_id))
        planned.add(item.interaction_id)
        pool[chosen.agent_id] = replace(chosen, load=chosen.load + 1)
    return plan
