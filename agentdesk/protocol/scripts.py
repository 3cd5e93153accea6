"""Client scripts on the wire: the graph, and an interaction's progress through it."""

from __future__ import annotations

from pydantic import Field

from agentdesk.protocol.base import ResponseModel, UtcDateTime, WireModel


class ScriptBranchView(ResponseModel):
    answer: str
    label: str
    next: str


class ScriptNodeView(ResponseModel):
    """One node: ``kind`` is say | question | open_question | checkpoint | end.

    ``text`` keeps its ``{variables}``; the interaction's values come with its progress.
    """

    id: str
    kind: str
    text: str
    next: str | None = None
    branches: list[ScriptBranchView] = []
    checkpoint: str | None = None
    mandatory: bool = False
    articles: list[str] = []


class ScriptView(ResponseModel):
    id: str
    client_id: str
    campaign: str
    title: str
    description: str = ""
    start: str
    queues: list[str] = []
    #: The variables the text may use (customer_name, amount_due, due_date, client, ...).
    variables: list[str] = []
    #: In reading order from ``start``.
    nodes: list[ScriptNodeView]


class ScriptSummary(ResponseModel):
    id: str
    client_id: str
    campaign: str
    title: str


class ScriptList(ResponseModel):
    items: list[ScriptSummary]


class ScriptProgressView(ResponseModel):
    """Where the operator is in the interaction's script."""

    interaction_id: str
    script_id: str
    #: None once the script has reached an end.
    current: str | None
    path: list[str] = []
    answers: dict[str, str] = {}
    confirmed: list[str] = []
    finished: bool = False
    #: Mandatory checkpoints confirmed / owed on the path taken (1.0 when none are owed).
    adherence: float = Field(ge=0.0, le=1.0)
    #: Values for the script's ``{variables}`` for this interaction.
    variables: dict[str, str] = {}
    updated_at: UtcDateTime | None = None


class ScriptProgressRequest(WireModel):
    """``answer``: a branch's answer, ``confirmed``/``skipped`` for a checkpoint, the
    customer's words for an open question, nothing for a line to say. ``script_id`` switches
    the interaction to another script of its client (e.g. the collection script)."""

    node_id: str = Field(min_length=1, max_length=64)
    answer: str | None = Field(default=None, max_length=2000)
    script_id: str | None = Field(default=None, min_length=1, max_length=64)
