"""Client scripts: a graph of things to say, questions with branches and mandatory checkpoints.

A script is built from plain data (what a YAML or JSON file holds, see docs/SCRIPTS.md) by
:func:`parse_script`, which refuses a broken script with every problem listed: a branch or
``next`` that names no node, a cycle, a node no path reaches, a variable nobody provides.
Pure: no IO; the server reads the files.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: What a node is for the player.
SAY, QUESTION, OPEN_QUESTION = "say", "question", "open_question"
CHECKPOINT, END = "checkpoint", "end"
KINDS = frozenset({SAY, QUESTION, OPEN_QUESTION, CHECKPOINT, END})
#: The answer that confirms a checkpoint.
CONFIRMED = "confirmed"
#: Variables a script's text may use, filled from the customer and the interaction.
VARIABLES = frozenset(
    {"customer_name", "customer_first_name", "amount_due", "due_date", "client", "agent"}
)
#: Larger scripts are refused (a script is read by an operator during a call).
MAX_NODES = 300
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class ScriptError(ValueError):
    """A script that cannot be used; ``problems`` lists every reason, ``source`` says where."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(f"script {source}: " + "; ".join(self.problems))


@dataclass(frozen=True)
class Branch:
    answer: str
    label: str
    next: str


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    text: str
    next: str | None = None
    branches: tuple[Branch, ...] = ()
    #: For checkpoints: what is confirmed ("privacy_notice", "identity_verified", ...).
    checkpoint: str | None = None
    mandatory: bool = False
    articles: tuple[str, ...] = ()

    def successors(self) -> list[str]:
        targets = [b.next for b in self.branches]
        if self.next is not None:
            targets.append(self.next)
        return targets


@dataclass(frozen=True)
class Script:
    id: str
    client_id: str
    campaign: str
    title: str
    start: str
    nodes: Mapping[str, Node]
    #: Queues whose interactions use this script by default.
    queues: tuple[str, ...] = ()
    description: str = ""
    order: tuple[str, ...] = field(default_factory=tuple)

    @property
    def mandatory_checkpoints(self) -> list[str]:
        return [n.checkpoint for n in self.ordered() if n.mandatory and n.checkpoint]

    def required_checkpoints(self, path: Sequence[str]) -> list[str]:
        """Mandatory checkpoints owed on this path: those every way through the script
        passes, plus those on the branches the operator actually took."""
        owed = [
            n.checkpoint
            for n in self.ordered()
            if n.mandatory and n.checkpoint and (n.id in path or self._on_every_path(n.id))
        ]
        return list(dict.fromkeys(owed))

    def _on_every_path(self, node_id: str) -> bool:
        """True when no way from the start to an end avoids ``node_id``."""
        if node_id == self.start:
            return True
        seen = {self.start}
        todo = [self.start]
        while todo:
            node = self.nodes[todo.pop()]
            if node.kind == END:
                return False
            for target in node.successors():
                if target != node_id and target not in seen:
                    seen.add(target)
                    todo.append(target)
        return True

    def ordered(self) -> list[Node]:
        return [self.nodes[i] for i in self.order]

    def next_after(self, node_id: str, answer: str | None) -> str | None:
        """The node that follows ``node_id`` given ``answer`` (None at an end)."""
        node = self.nodes[node_id]
        if node.kind == QUESTION:
            for branch in node.branches:
                if branch.answer == answer:
                    return branch.next
            return None
        return node.next

    def check_answer(self, node_id: str, answer: str | None) -> str | None:
        """Why ``answer`` does not fit the node (None when it does)."""
        node = self.nodes.get(node_id)
        if node is None:
            return f"script {self.id} has no node {node_id!r}"
        if node.kind == QUESTION:
            allowed = [b.answer for b in node.branches]
            if answer not in allowed:
                return f"node {node_id!r} takes one of {allowed}, not {answer!r}"
        elif node.kind == CHECKPOINT:
            if answer not in (CONFIRMED, "skipped"):
                return f"checkpoint {node_id!r} takes 'confirmed' or 'skipped'"
        elif node.kind == OPEN_QUESTION and (answer is None or not answer.strip()):
            return f"open question {node_id!r} needs the customer's words"
        return None


def render(text: str, variables: Mapping[str, str | None]) -> str:
    """The text with ``{variable}`` filled in; a missing value shows as ``[variable]``."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        value = variables.get(name)
        return value if value else f"[{name}]"

    return re.sub(r"\{([a-z_]+)\}", fill, text)


def _variables_in(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        return [f"<{exc}>"]


def parse_script(data: Any, source: str) -> Script:
    """A validated script from the data of one file; :class:`ScriptError` lists what is wrong."""
    problems: list[str] = []
    if not isinstance(data, Mapping):
        raise ScriptError(source, ["the file must hold a mapping with id, client, start, nodes"])
    for key in ("id", "client", "campaign", "title", "start", "nodes"):
        if key not in data:
            problems.append(f"missing {key!r}")
    raw_nodes = data.get("nodes")
    if not isinstance(raw_nodes, Mapping) or not raw_nodes:
        problems.append("'nodes' must be a non-empty mapping of node id to node")
        raise ScriptError(source, problems)
    if len(raw_nodes) > MAX_NODES:
        raise ScriptError(source, [f"{len(raw_nodes)} nodes; a script has at most {MAX_NODES}"])
    script_id = str(data.get("id", ""))
    if script_id and not _ID.match(script_id):
        problems.append(f"id {script_id!r} must be lower case letters, digits, '-', '_' or '.'")
    nodes: dict[str, Node] = {}
    for node_id, raw in raw_nodes.items():
        node = _parse_node(str(node_id), raw, problems)
        if node is not None:
            nodes[node.id] = node
    start = str(data.get("start", ""))
    if start and start not in raw_nodes:
        problems.append(f"start {start!r} is not a node")
    for node in nodes.values():
        for target in node.successors():
            if target not in raw_nodes:
                problems.append(f"node {node.id!r} leads to {target!r}, which is not a node")
    if not problems:
        order, cycle = _walk(start, nodes)
        if cycle:
            problems.append("cycle: " + " -> ".join(cycle))
        unreachable = [n for n in nodes if n not in order]
        if unreachable:
            problems.append(f"no path from {start!r} reaches {unreachable}")
        if not any(n.kind == END for n in nodes.values()):
            problems.append("no end node")
    if problems:
        raise ScriptError(source, problems)
    queues = data.get("queues", ())
    return Script(
        id=script_id,
        client_id=str(data["client"]),
        campaign=str(data["campaign"]),
        title=str(data["title"]),
        description=str(data.get("description", "")),
        start=start,
        nodes=nodes,
        queues=tuple(str(q) for q in queues) if isinstance(queues, list) else (),
        order=tuple(order),
    )


def _parse_node(node_id: str, raw: Any, problems: list[str]) -> Node | None:
    if not isinstance(raw, Mapping):
        problems.append(f"node {node_id!r} must be a mapping")
        return None
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(f"node {node_id!r} has kind {kind!r}; use one of {sorted(KINDS)}")
        return None
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"node {node_id!r} has no text")
        text = ""
    for name in _variables_in(text):
        if name not in VARIABLES:
            problems.append(f"node {node_id!r} uses unknown variable {{{name}}}")
    nxt = raw.get("next")
    branches: list[Branch] = []
    raw_branches = raw.get("branches", [])
    if kind == QUESTION:
        if not isinstance(raw_branches, list) or len(raw_branches) < 2:
            problems.append(f"question {node_id!r} needs at least two branches")
            raw_branches = raw_branches if isinstance(raw_branches, list) else []
        for b in raw_branches:
            if isinstance(b, Mapping) and isinstance(b.get("answer"), bool):
                problems.append(f'question {node_id!r}: quote yes/no answers ("yes")')
                continue
            if not isinstance(b, Mapping) or not b.get("answer") or not b.get("next"):
                problems.append(f"question {node_id!r} has a branch without answer or next")
                continue
            label = str(b.get("label", b["answer"]))
            branches.append(Branch(str(b["answer"]), label, str(b["next"])))
        answers = [b.answer for b in branches]
        if len(set(answers)) != len(answers):
            problems.append(f"question {node_id!r} repeats an answer")
        if nxt is not None:
            problems.append(f"question {node_id!r} goes on through its branches, not 'next'")
            nxt = None
    elif raw_branches:
        problems.append(f"node {node_id!r} of kind {kind} cannot have branches")
    if kind == END and nxt is not None:
        problems.append(f"end node {node_id!r} cannot have 'next'")
    if kind not in (END, QUESTION) and not nxt:
        problems.append(f"node {node_id!r} has no 'next' (a dangling branch)")
    checkpoint = raw.get("checkpoint")
    if kind == CHECKPOINT and not checkpoint:
        problems.append(f"checkpoint {node_id!r} must name what it confirms")
    articles = raw.get("articles", [])
    if not isinstance(articles, list) or not all(isinstance(a, str) and a for a in articles):
        problems.append(f"node {node_id!r}: 'articles' must be a list of article ids")
        articles = []
    return Node(
        id=node_id,
        kind=str(kind),
        text=text,
        next=str(nxt) if nxt else None,
        branches=tuple(branches),
        checkpoint=str(checkpoint) if checkpoint else None,
        mandatory=bool(raw.get("mandatory", kind == CHECKPOINT)),
        articles=tuple(articles),
    )


def _walk(start: str, nodes: Mapping[str, Node]) -> tuple[list[str], list[str]]:
    """Nodes in depth-first order from ``start``, and a cycle if there is one."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node_id: str) -> list[str]:
        state[node_id] = 1
        path.append(node_id)
        order.append(node_id)
        for target in nodes[node_id].successors():
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node_id] = 2
        return []

    return order, visit(start)
