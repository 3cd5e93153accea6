"""The agent state machine: which state changes an operator may ask for, and why not."""

from __future__ import annotations

from enum import StrEnum


class AgentState(StrEnum):
    """Presence states of an operator."""

    READY = "ready"
    NOT_READY = "not_ready"
    WRAP_UP = "wrap_up"
    OFFLINE = "offline"
    #: Set by the server for trainees after each interaction, until a tutor releases them.
    REVIEW_HOLD = "review_hold"


class NotReadyReason(StrEnum):
    """Reason codes for not_ready; contact centres report on them (shrinkage)."""

    BREAK = "break"
    LUNCH = "lunch"
    TRAINING = "training"
    COACHING = "coaching"
    MEETING = "meeting"
    BACKOFFICE = "backoffice"
    TECHNICAL = "technical"


class IllegalTransition(Exception):
    """Raised when a requested state change is not allowed."""

    def __init__(self, current: AgentState, target: AgentState, why: str) -> None:
        super().__init__(f"cannot go from {current.value} to {target.value}: {why}")
        self.current = current
        self.target = target
        self.why = why


# What an operator may ask for from each state. review_hold is entered and left by the
# server only (a tutor's release), so it is never a requestable target.
_REQUESTABLE: dict[AgentState, frozenset[AgentState]] = {
    AgentState.OFFLINE: frozenset({AgentState.READY, AgentState.NOT_READY}),
    AgentState.READY: frozenset({AgentState.NOT_READY, AgentState.WRAP_UP, AgentState.OFFLINE}),
    AgentState.NOT_READY: frozenset({AgentState.READY, AgentState.NOT_READY, AgentState.OFFLINE}),
    AgentState.WRAP_UP: frozenset({AgentState.READY, AgentState.NOT_READY}),
    AgentState.REVIEW_HOLD: frozenset({AgentState.NOT_READY, AgentState.OFFLINE}),
}


def allowed_targets(current: AgentState) -> frozenset[AgentState]:
    """States an operator may request from ``current``."""
    return _REQUESTABLE[current]


def check_transition(
    current: AgentState,
    target: AgentState,
    reason: NotReadyReason | None = None,
    *,
    active_interactions: int = 0,
) -> None:
    """Raise :class:`IllegalTransition` unless the operator may go to ``target``.

    ``active_interactions`` counts interactions the operator still holds (not wrapped up):
    nobody goes offline with a customer still on the line.
    """
    if target is AgentState.REVIEW_HOLD:
        raise IllegalTransition(current, target, "review_hold is set by the server")
    if target not in _REQUESTABLE[current]:
        raise IllegalTransition(current, target, "transition not allowed")
    if target is AgentState.NOT_READY and reason is None:
        raise IllegalTransition(current, target, "not_ready needs a reason code")
    if target is not AgentState.NOT_READY and reason is not None:
        raise IllegalTransition(current, target, "only not_ready takes a reason code")
    if target is AgentState.OFFLINE and active_interactions > 0:
        raise IllegalTransition(current, target, f"{active_interactions} interaction(s) still open")


def receives_offers(state: AgentState) -> bool:
    """Only a ready operator is offered new interactions."""
    return state is AgentState.READY
