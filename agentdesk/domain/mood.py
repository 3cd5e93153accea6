"""A customer's mood from what they write, in Italian or English, offline and explainable.

``read_mood(text) -> MoodReading(label, score, cues)``. Contact centres audit why a customer was
marked negative, so the reader is a lexicon plus a few rules, both kept as data in
``data/mood_lexicon.json``:

- words and phrases with a weight, by category (polite words, problems merely named,
  frustration at repetition, threats to leave or to sue, rude language);
- negation flips the words in its scope ("non sono affatto soddisfatto") and softens negative
  ones ("non è un problema"); intensifiers and downtoners scale the next word;
- after a contrast ("grazie, ma è la terza volta") the second half weighs more;
- inside a request, politeness and problems merely named count little;
- emoji and emoticons, SHOUTED words and "!!" add or amplify;
- accents are optional, letters repeated for emphasis are squeezed, common chat abbreviations
  are expanded, and a word one typing error away from a polar word is read as that word.

The cues are the words or signs that decided, strongest first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from agentdesk.domain.mood_lexicon import (
    CONCESSIVE,
    CONTRAST,
    INTENSIFIER,
    NEGATOR,
    POLAR,
    REQUEST,
    Entry,
    Lexicon,
    default_lexicon,
    fold,
)

MoodLabel = Literal["negative", "neutral", "positive"]

_TOKEN = re.compile(r"[^\W_]+|[.!?;:\n]")
_BOUNDARY = frozenset(".!?;:\n")
_SHOUT = re.compile(r"\b[A-ZÀ-Ý]{3,}\b")
_NEVER_NEGATED = frozenset({"threat", "rude", "repeat"})
_MAX_CUES = 5


@dataclass(frozen=True)
class MoodReading:
    """The reader's verdict: label, score in [-1, 1] and the cues that decided it."""

    label: MoodLabel
    score: float
    cues: tuple[str, ...] = ()


NEUTRAL = MoodReading("neutral", 0.0, ())


@dataclass
class _Match:
    entry: Entry
    surface: str
    start: int  # index of the first token
    clause: int


def _tokens(text: str, lex: Lexicon) -> tuple[list[str], list[str]]:
    """(surface, key) per token; keys folded and abbreviations expanded."""
    surfaces: list[str] = []
    keys: list[str] = []
    for surface in _TOKEN.findall(text):
        key = fold(surface)
        expanded = lex.normalise.get(key)
        if expanded is None:
            surfaces.append(surface)
            keys.append(key)
            continue
        for part in expanded.split():
            surfaces.append(surface)
            keys.append(part)
    return surfaces, keys


def _match(surfaces: list[str], keys: list[str], lex: Lexicon) -> tuple[list[_Match], int]:
    """Longest phrase first, then word, stem and typo; returns matches and clause count."""
    found: list[_Match] = []
    clause = 0
    i = 0
    while i < len(keys):
        key = keys[i]
        if key in _BOUNDARY:
            clause += 1
            i += 1
            continue
        size, entry = _phrase_at(keys, i, lex)
        if entry is None:
            size = 1
            entry, fixed = lex.resolve(key)
            if entry is None and fixed is not None:
                keys[i] = fixed
                size, entry = _phrase_at(keys, i, lex)
                if entry is None:
                    size, entry = 1, lex.lookup(fixed)
        if entry is not None:
            if entry.kind == CONTRAST:
                clause += 1
            found.append(_Match(entry, " ".join(surfaces[i : i + size]), i, clause))
        i += size
    return found, clause


def _phrase_at(keys: list[str], i: int, lex: Lexicon) -> tuple[int, Entry | None]:
    for tokens, entry in lex.phrases.get(keys[i], ()):
        n = len(tokens)
        window = keys[i : i + n]
        if len(window) < n:
            continue
        last = tokens[-1]
        if tuple(window[:-1]) != tokens[:-1]:
            continue
        if window[-1] == last or (last.endswith("*") and window[-1].startswith(last[:-1])):
            return n, entry
    return 0, None


def read_mood(text: str, lexicon: Lexicon | None = None) -> MoodReading:
    """The mood of one customer line (see the module docstring for the rules)."""
    if not text or not text.strip():
        return NEUTRAL
    lex = lexicon or default_lexicon()
    w = lex.weights
    contributions: list[tuple[float, str, str]] = []  # (value, cue, category)

    raw = text[:4000]
    for emo in lex.emoji_pattern.findall(raw):
        contributions.append((lex.emoji[emo], emo, "emoji"))
    plain = lex.emoji_pattern.sub(" ", raw)
    surfaces, keys = _tokens(plain, lex)
    matches, _ = _match(surfaces, keys, lex)

    is_request = "?" in keys or any(m.entry.kind == REQUEST for m in matches)
    question_clauses = _question_clauses(keys)
    contrast_at = max((m.start for m in matches if m.entry.kind == CONTRAST), default=-1)
    concessive = [m for m in matches if m.entry.kind == CONCESSIVE]
    window = int(w["negation_window"])
    int_window = int(w["intensifier_window"])

    for idx, m in enumerate(matches):
        if m.entry.kind != POLAR:
            continue
        cat = m.entry.category
        value = m.entry.weight
        cue = m.surface
        negator: _Match | None = None
        for prev in reversed(matches[:idx]):
            if prev.clause != m.clause or m.start - prev.start > window:
                break
            if prev.entry.kind == NEGATOR and cat not in _NEVER_NEGATED:
                negator = prev
                break
        for prev in reversed(matches[:idx]):
            if prev.clause != m.clause or m.start - prev.start > int_window + 1:
                break
            if prev.entry.kind in (INTENSIFIER, NEGATOR) and prev.entry.factor != 1.0:
                value *= prev.entry.factor
                cue = f"{prev.surface} {cue}"
                break
        if negator is not None:
            factor = {
                "pos": w["negated_positive"],
                "courtesy": w["negated_courtesy"],
            }.get(cat, w["negated_negative"])
            value *= factor
            if not cue.startswith(negator.surface):
                cue = f"{negator.surface} {cue}"
        if contrast_at >= 0:
            value *= w["after_contrast"] if m.start > contrast_at else w["before_contrast"]
        if any(c.clause == m.clause and c.start < m.start for c in concessive):
            value *= w["concessive"]
        if is_request and cat in ("courtesy", "mention"):
            value *= w["request_courtesy"] if cat == "courtesy" else w["request_mention"]
        if m.clause in question_clauses and cat in ("pos", "courtesy"):
            value *= w["question"]
        contributions.append((value, cue, cat))

    total = _sum_capped(contributions, w["request_mention_cap" if is_request else "mention_cap"])
    total, extra = _emphasis(raw, total, lex)
    contributions.extend(extra)
    return _verdict(total, contributions, lex)


def _question_clauses(keys: list[str]) -> set[int]:
    clauses: set[int] = set()
    clause = 0
    for key in keys:
        if key in _BOUNDARY:
            if key == "?":
                clauses.add(clause)
            clause += 1
    return clauses


def _sum_capped(contributions: list[tuple[float, str, str]], cap: float) -> float:
    """Problems merely named add up to at most ``cap``: naming a fault is not anger."""
    mentions = sum(v for v, _, cat in contributions if cat == "mention" and v < 0)
    rest = sum(v for v, _, cat in contributions if cat != "mention" or v >= 0)
    return rest + max(mentions, cap)


def _emphasis(raw: str, total: float, lex: Lexicon) -> tuple[float, list[tuple[float, str, str]]]:
    """Capitals, "!!" and "???" amplify a negative reading (or make one when shouting alone)."""
    w = lex.weights
    extra: list[tuple[float, str, str]] = []
    shouted = [s for s in _SHOUT.findall(raw) if s.lower() not in lex.acronyms]
    if shouted and not (raw.isupper() and total > 0):
        if total < 0:
            extra.append((total * (w["shouting"] - 1), shouted[0], "emphasis"))
            total *= w["shouting"]
        elif total == 0 and len(shouted) >= 2:
            extra.append((w["shouting_alone"], shouted[0], "emphasis"))
            total += w["shouting_alone"]
    if total < 0 and ("!!" in raw or "?!" in raw or "!?" in raw):
        extra.append((total * (w["exclamations"] - 1), "!!", "emphasis"))
        total *= w["exclamations"]
    if total <= 0 and "???" in raw:
        extra.append((w["impatient_questions"], "???", "emphasis"))
        total += w["impatient_questions"]
    return total, extra


_Contribution = tuple[float, str, str]  # (value, cue, category)


def _verdict(total: float, contributions: list[_Contribution], lex: Lexicon) -> MoodReading:
    label: MoodLabel
    if total <= lex.thresholds["negative"]:
        label = "negative"
    elif total >= lex.thresholds["positive"]:
        label = "positive"
    else:
        label = "neutral"
    if label == "negative":
        decisive = [c for c in contributions if c[0] < 0]
    elif label == "positive":
        decisive = [c for c in contributions if c[0] > 0]
    else:
        decisive = [c for c in contributions if abs(c[0]) >= 0.1]
    decisive.sort(key=lambda c: -abs(c[0]))
    cues: list[str] = []
    for _, cue, _ in decisive:
        if cue not in cues:
            cues.append(cue)
        if len(cues) == _MAX_CUES:
            break
    score = round(math.tanh(total / 2.0), 3)
    return MoodReading(label, max(-1.0, min(1.0, score)), tuple(cues))


def read_conversation(texts: Iterable[str]) -> MoodReading | None:
    """The mood of a customer's latest lines: the last three, the newest weighing most.

    None when there is nothing to judge.
    """
    lines = [t for t in texts if t and t.strip()][-3:]
    if not lines:
        return None
    readings = [read_mood(t) for t in lines]
    return combine(readings)


def combine(readings: list[MoodReading]) -> MoodReading | None:
    """Several line readings (oldest first) as one: a weighted mean, newest weighing most."""
    if not readings:
        return None
    weights = [float(i + 1) for i in range(len(readings))]
    score = sum(r.score * wt for r, wt in zip(readings, weights, strict=True)) / sum(weights)
    label: MoodLabel = readings[-1].label
    if label == "neutral" and score <= -0.25:
        label = "negative"
    elif label == "neutral" and score >= 0.25:
        label = "positive"
    cues: list[str] = []
    for reading in reversed(readings):
        for cue in reading.cues:
            if cue not in cues and len(cues) < _MAX_CUES:
                cues.append(cue)
    return MoodReading(label, round(score, 3), tuple(cues))


def mood_of(texts: Iterable[str]) -> str | None:
    """ "positive", "neutral" or "negative" for a customer's lines; None with nothing to judge."""
    reading = read_conversation(texts)
    return reading.label if reading else None
