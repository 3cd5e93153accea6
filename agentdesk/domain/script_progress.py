"""Where an operator is in a script: the path taken, the answers, the checkpoints confirmed.

The player never blocks the conversation: any node may be answered at any time. Answering a
node already on the path goes back to it (what came after is dropped, except checkpoints
already confirmed: the notice was read); answering another node jumps there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agentdesk.domain.scripts import CHECKPOINT, CONFIRMED, END, Script


class ProgressError(ValueError):
    """An answer that does not fit the script (unknown node, answer not among the branches)."""


@dataclass
class ScriptProgress:
    script_id: str
    #: The node the operator is on (None once the script has ended).
    current: str | None
    path: list[str] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)
    #: Checkpoint names confirmed ("privacy_notice", ...), in the order they were confirmed.
    confirmed: list[str] = field(default_factory=list)
    finished: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "script_id": self.script_id,
            "current": self.current,
            "path": list(self.path),
            "answers": dict(self.answers),
            "confirmed": list(self.confirmed),
            "finished": self.finished,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScriptProgress:
        return cls(
            script_id=str(data["script_id"]),
            current=data.get("current"),
            path=[str(p) for p in data.get("path", [])],
            answers={str(k): str(v) for k, v in data.get("answers", {}).items()},
            confirmed=[str(c) for c in data.get("confirmed", [])],
            finished=bool(data.get("finished", False)),
        )


def start(script: Script) -> ScriptProgress:
    return ScriptProgress(script.id, script.start, [script.start])


def advance(
    progress: ScriptProgress, script: Script, node_id: str, answer: str | None
) -> ScriptProgress:
    """The progress after the operator answered ``node_id`` (a new object)."""
    problem = script.check_answer(node_id, answer)
    if problem:
        raise ProgressError(problem)
    path = list(progress.path)
    answers = dict(progress.answers)
    if node_id in path:
        dropped = path[path.index(node_id) + 1 :]
        path = path[: path.index(node_id) + 1]
        for gone in dropped:
            answers.pop(gone, None)
    else:
        path.append(node_id)
    node = script.nodes[node_id]
    if answer is not None:
        answers[node_id] = answer
    confirmed = list(progress.confirmed)
    if node.kind == CHECKPOINT and answer == CONFIRMED and node.checkpoint not in confirmed:
        confirmed.append(str(node.checkpoint))
    nxt = script.next_after(node_id, answer)
    if nxt is not None:
        path.append(nxt)
    finished = node.kind == END
    return ScriptProgress(
        script.id,
        None if finished else (nxt or node_id),
        path,
        answers,
        confirmed,
        finished,
    )


def adherence(script: Script, progress: ScriptProgress) -> float:
    """Share of the mandatory checkpoints owed on the path taken that were confirmed."""
    required = set(script.required_checkpoints(progress.path))
    if not required:
        return 1.0
    return round(len(required & set(progress.confirmed)) / len(required), 3)
