"""Macro-F1 of ``read_mood`` on the hand-labelled lines in ``tests/data/mood_lines.tsv``.

The lines are split in two by the CRC-32 of their text: ``dev`` (rules were looked at against
it) and ``test`` (only ever scored). Run ``python -m tests.unit.domain.mood_eval [--errors]``.
"""

from __future__ import annotations

import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from agentdesk.domain.mood import read_mood

DATA = Path(__file__).resolve().parents[2] / "data" / "mood_lines.tsv"
LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Line:
    label: str
    lang: str
    hard: bool
    text: str

    @property
    def split(self) -> str:
        return "test" if zlib.crc32(self.text.encode("utf-8")) % 2 else "dev"


def load() -> list[Line]:
    lines = []
    for raw in DATA.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        label, lang, hard, text = raw.split("\t", 3)
        assert label in LABELS, raw
        lines.append(Line(label, lang, hard == "1", text))
    return lines


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean over the three labels of F1 (gold, predicted)."""
    scores = []
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def evaluate(lines: list[Line]) -> dict[str, float]:
    """Macro-F1 per split, per language and on the hard cases."""
    predicted = {line.text: read_mood(line.text).label for line in lines}
    groups: dict[str, list[Line]] = {"all": lines}
    for line in lines:
        groups.setdefault(line.split, []).append(line)
        groups.setdefault(f"{line.split}/{line.lang}", []).append(line)
        if line.hard:
            groups.setdefault(f"{line.split}/hard", []).append(line)
    return {
        name: macro_f1([(x.label, predicted[x.text]) for x in group])
        for name, group in sorted(groups.items())
    }


def main() -> None:
    lines = load()
    for name, f1 in evaluate(lines).items():
        n = len(lines) if name == "all" else None
        print(f"macro-F1 {name:12} {f1:.3f}" + (f"  ({n} lines)" if n else ""))
    if "--errors" in sys.argv:
        for line in lines:
            if line.split != "dev":
                continue  # the test half is only scored, never looked at line by line
            reading = read_mood(line.text)
            if reading.label != line.label:
                print(f"{line.label:>8} <- {reading.label:8} {line.text}  {reading.cues}")


if __name__ == "__main__":
    main()
