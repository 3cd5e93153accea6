"""The mood reader's vocabulary, compiled once from ``data/mood_lexicon.json``.

The JSON file is the data a reviewer edits (words, phrases, weights, rule words); this module
turns it into lookup tables: single words, stems (``soddisf*``), phrases keyed by their first
word, and a one-edit typo index over the polar words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

#: What a matched word or phrase is to the reader.
POLAR, NEGATOR, INTENSIFIER, CONTRAST, CONCESSIVE, REQUEST = (
    "polar",
    "negator",
    "intensifier",
    "contrast",
    "concessive",
    "request",
)

_MEMO_SIZE = 50_000
_ELONGATION = re.compile(r"([a-z])\1{2,}")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents ("Perché" -> "perche"); runs of 3+ letters squeezed."""
    word = word.lower()
    if not word.isascii():
        word = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
    return _ELONGATION.sub(r"\1", word)


@dataclass(frozen=True)
class Entry:
    """One word or phrase: its kind, category (for polar words) and weight or factor."""

    kind: str
    key: str
    category: str = ""
    weight: float = 0.0
    #: A negator that also intensifies ("per niente") carries its factor here.
    factor: float = 1.0


@dataclass
class Lexicon:
    words: dict[str, Entry] = field(default_factory=dict)
    stems: dict[str, Entry] = field(default_factory=dict)
    #: first token -> [(tokens, entry)], longest first; a last token ending in * is a stem.
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    normalise: dict[str, str] = field(default_factory=dict)
    emoji: dict[str, float] = field(default_factory=dict)
    emoji_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    acronyms: frozenset[str] = frozenset()
    #: Ordinary words that look like a typo of a polar word ("chiamo" is not "chiaro").
    known: frozenset[str] = frozenset()
    thresholds: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    typo_deletes: dict[str, set[str]] = field(default_factory=dict)
    typo_targets: dict[str, Entry] = field(default_factory=dict)
    #: token -> (entry, typo fix) already worked out; bounded, cleared when full.
    _memo: dict[str, tuple[Entry | None, str | None]] = field(default_factory=dict)

    def resolve(self, token: str) -> tuple[Entry | None, str | None]:
        """(entry by word or stem, the polar word a typo stands for), memoised."""
        hit = self._memo.get(token)
        if hit is None:
            entry = self.lookup(token)
            fixed = None
            if entry is None and len(token) >= 5 and token.isalpha():
                fixed = self.typo(token)
            hit = (entry, fixed)
            if len(self._memo) > _MEMO_SIZE:
                self._memo.clear()
            self._memo[token] = hit
        return hit

    def add(self, entry: Entry) -> None:
        tokens = tuple(entry.key.split())
        if len(tokens) > 1:
            bucket = self.phrases.setdefault(tokens[0], [])
            bucket.append((tokens, entry))
            bucket.sort(key=lambda item: -len(item[0]))
        elif entry.key.endswith("*"):
            self.stems[entry.key[:-1]] = entry
        else:
            self.words[entry.key] = entry

    def lookup(self, token: str) -> Entry | None:
        """The entry for one token: exact word, then the longest stem that starts it."""
        hit = self.words.get(token)
        if hit is not None:
            return hit
        for end in range(len(token), 3, -1):
            hit = self.stems.get(token[:end])
            if hit is not None:
                return hit
        return None

    def typo(self, token: str) -> str | None:
        """The polar word one edit away (same first letter), if exactly one fits."""
        if token in self.known or token in self.phrases:
            return None
        found: set[str] = set(self.typo_deletes.get(token, ()))
        for i in range(len(token)):
            shorter = token[:i] + token[i + 1 :]
            if shorter in self.typo_targets:
                found.add(shorter)
            found.update(self.typo_deletes.get(shorter, ()))
        found = {w for w in found if w[0] == token[0] and _one_edit(token, w)}
        entries = {self.typo_targets[w].key for w in found}
        if len(entries) != 1:
            return None
        return min(found)


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        return swapped or a[i + 1 :] == b[i + 1 :]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _build_typo_index(lex: Lexicon) -> None:
    targets: dict[str, Entry] = {}
    for key, entry in lex.words.items():
        if entry.kind == POLAR and len(key) >= 5:
            targets[key] = entry
    for stem, entry in lex.stems.items():
        for ending in ("o", "a", "i", "e"):
            targets.setdefault(stem + ending, entry)
    deletes: dict[str, set[str]] = {}
    for word in targets:
        for i in range(len(word)):
            deletes.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    lex.typo_targets = targets
    lex.typo_deletes = deletes


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build the lookup tables from the JSON document's structure."""
    lex = Lexicon()
    intens: dict[str, float] = {**data["intensifiers"], **data["downtoners"]}
    for category, entries in data["lexicon"].items():
        for key, weight in entries.items():
            lex.add(Entry(POLAR, key, category, float(weight)))
    for key in data["negators"]:
        lex.add(Entry(NEGATOR, key, factor=float(intens.get(key, 1.0))))
    negators = set(data["negators"])
    for key, factor in intens.items():
        if key not in negators:
            lex.add(Entry(INTENSIFIER, key, factor=float(factor)))
    for kind, listed in ((CONTRAST, "contrast"), (CONCESSIVE, "concessive"), (REQUEST, "requests")):
        for key in data[listed]:
            lex.add(Entry(kind, key))
    lex.normalise = dict(data["normalise"])
    lex.emoji = {k: float(v) for k, v in data["emoji"].items()}
    ordered = sorted(lex.emoji, key=len, reverse=True)
    lex.emoji_pattern = re.compile("|".join(re.escape(e) for e in ordered))
    lex.acronyms = frozenset(data["acronyms"])
    lex.known = frozenset(data.get("known_words", ()))
    lex.thresholds = {k: float(v) for k, v in data["thresholds"].items()}
    lex.weights = {k: float(v) for k, v in data["weights"].items()}
    _build_typo_index(lex)
    return lex


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with AgentDesk (read once per process)."""
    text = resources.files("agentdesk.domain").joinpath("data/mood_lexicon.json").read_text("utf-8")
    return compile_lexicon(json.loads(text))
