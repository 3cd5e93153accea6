from __future__ import annotations

import pytest

from agentdesk.domain.agent_state import (
    AgentState,
    IllegalTransition,
    NotReadyReason,
    allowed_targets,
    check_transition,
    receives_offers,
)

S = AgentState


@pytest.mark.parametrize(
    ("current", "target", "reason"),
    [
        (S.OFFLINE, S.READY, None),
        (S.OFFLINE, S.NOT_READY, NotReadyReason.TRAINING),
        (S.READY, S.NOT_READY, NotReadyReason.BREAK),
        (S.NOT_READY, S.NOT_READY, NotReadyReason.LUNCH),
        (S.NOT_READY, S.READY, None),
        (S.WRAP_UP, S.READY, None),
        (S.READY, S.OFFLINE, None),
        (S.REVIEW_HOLD, S.NOT_READY, NotReadyReason.COACHING),
    ],
)
def test_allowed_transitions(
    current: AgentState, target: AgentState, reason: NotReadyReason | None
) -> None:
    check_transition(current, target, reason)


@pytest.mark.parametrize(
    ("current", "target", "reason", "why"),
    [
        (S.OFFLINE, S.WRAP_UP, None, "not allowed"),
        (S.WRAP_UP, S.OFFLINE, None, "not allowed"),
        (S.REVIEW_HOLD, S.READY, None, "not allowed"),
        (S.READY, S.REVIEW_HOLD, None, "set by the server"),
        (S.READY, S.NOT_READY, None, "needs a reason"),
        (S.NOT_READY, S.READY, NotReadyReason.BREAK, "only not_ready"),
        (S.READY, S.READY, None, "not allowed"),
    ],
)
def test_illegal_transitions_are_refused_with_a_reason(
    current: AgentState, target: AgentState, reason: NotReadyReason | None, why: str
) -> None:
    with pytest.raises(IllegalTransition, match=why):
        check_transition(current, target, reason)


def test_nobody_goes_offline_with_a_customer_still_open() -> None:
    with pytest.raises(IllegalTransition, match="2 interaction"):
        check_transition(S.READY, S.OFFLINE, active_interactions=2)
    check_transition(S.READY, S.OFFLINE, active_interactions=0)


def test_review_hold_is_never_requestable() -> None:
    for state in AgentState:
        assert S.REVIEW_HOLD not in allowed_targets(state)


def test_only_ready_receives_offers() -> None:
    assert [s for s in AgentState if receives_offers(s)] == [S.READY]
