"""Microseconds per line for the mood reader, on the labelled customer lines.

Baseline in the same run: the old reader's approach (lower-case, split into words, look each
up in a set), the floor any word-by-word lexicon pays.
Run: .venv/bin/python -m pytest tests/bench/test_mood.py -s -o addopts=""
"""

from __future__ import annotations

import re
import time

from agentdesk.domain.mood import read_mood
from tests.bench._figures import report
from tests.unit.domain import mood_eval

ROUNDS = 20
_WORD = re.compile(r"[a-zàèéìòù]+")
_BAG = frozenset(["grazie", "pessimo", "vergogna", "problema", "perfetto", "thanks", "worst"])


def _bag_of_words(text: str) -> int:
    return sum(1 for w in _WORD.findall(text.lower()) if w in _BAG)


def _per_line_us(fn: object, lines: list[str]) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for line in lines:
            fn(line)  # type: ignore[operator]
        samples.append((time.perf_counter() - start) / len(lines) * 1e6)
    return samples


def test_mood_reader_microseconds_per_line() -> None:
    lines = [line.text for line in mood_eval.load()]
    read_mood(lines[0])  # the lexicon is compiled once per process, outside the timing
    rows = {
        "word set lookup (baseline)": _per_line_us(_bag_of_words, lines),
        "read_mood": _per_line_us(read_mood, lines),
    }
    report(f"mood reader, {len(lines)} lines x {ROUNDS} rounds", rows, unit="us per line")
    assert all(s > 0 for s in rows["read_mood"])
