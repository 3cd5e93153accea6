"""Next-best-action hints on the wire, their outcomes and the per-rule report."""

from __future__ import annotations

from pydantic import Field

from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel


class NbaAction(ResponseModel):
    """What accepting the hint does: ``kind`` is script | article | callback | escalate |
    repayment_plan | offer | case_update | acknowledge; ``target`` names the script, article..."""

    kind: str
    target: str | None = None


class NextBestAction(ResponseModel):
    id: str
    interaction_id: str
    rule: str
    title: str
    #: Why the hint is shown, in words an operator reads in a second.
    reason: str
    priority: int
    action: NbaAction
    #: None while undecided; then accepted or dismissed.
    outcome: str | None = None
    created_at: UtcDateTime


class NextBestActionList(ResponseModel):
    interaction_id: str
    items: list[NextBestAction]


class NbaOutcomeRequest(WireModel):
    accepted: bool
    note: str | None = Field(default=None, max_length=1000)


class NbaSuggestedData(ResponseModel):
    """Payload of ``nba.suggested``: the interaction's hints whenever they change."""

    interaction_id: str
    items: list[NextBestAction]


class NbaRuleReport(ResponseModel):
    rule: str
    shown: int
    accepted: int
    dismissed: int
    #: accepted / decided (None before any decision).
    acceptance_rate: float | None = None
    #: Accepted hints whose interaction was wrapped up as resolved.
    succeeded: int
    #: succeeded / accepted with a wrapped-up interaction (None before any).
    success_rate: float | None = None


class NbaReport(ResponseModel):
    since: UtcDateTime | None = None
    rules: list[NbaRuleReport]
