"""From what the operator typed to a safe FTS5 expression of stems.

A query is a list of *concepts* (a word, or a synonym group found in the words), each with
alternatives: stems in both languages, the group's other entries as phrases, vocabulary
words within a few edits when the word is not in the index, and, for the last word while
it is being typed, prefixes. Only stems (letters and digits) are ever put in the
expression, each quoted, so nothing the operator types is FTS5 syntax.
"""

from __future__ import annotations

import math
from collections.abc import Set
from dataclasses import dataclass, field

from agentdesk.search.analysis import Analyzer
from agentdesk.search.synonyms import SynonymTable
from agentdesk.search.vocabulary import Vocabulary

#: Characters of a query considered (a pasted e-mail is cut, never refused).
MAX_QUERY_CHARS = 500
#: Concepts kept from a long query.
MAX_CONCEPTS = 12
#: Words allowed between the words of a phrase.
NEAR = 3
#: Longest prefix FTS5 keeps its own index for (``prefix = '2 3'`` in the schema); longer
#: prefixes are searched as the vocabulary words they start, so FTS5 reads those words'
#: lists lazily instead of merging every word's list before the first row.
INDEXED_PREFIX = 3
#: Vocabulary words a longer prefix stands for, the commonest first.
COMPLETIONS = 12


@dataclass(frozen=True, slots=True)
class Alternative:
    terms: tuple[str, ...]
    prefix: bool = False
    #: For a prefix longer than :data:`INDEXED_PREFIX`: the words it is searched as.
    completions: tuple[str, ...] | None = field(default=None, compare=False)

    def live(self, vocabulary: Vocabulary) -> bool:
        """Can this alternative match anything in the index at all?"""
        if self.completions is not None:
            return bool(self.completions)
        if self.prefix:
            return vocabulary.has_prefix(self.terms[-1])
        return all(t in vocabulary for t in self.terms)

    def expression(self) -> str:
        if self.completions is not None:
            return " OR ".join(f'"{t}"' for t in self.completions)
        if len(self.terms) > 1:
            # words of a phrase close together, in any order ("piano di rientro",
            # "rientro nel piano"); stop words are not in the index, so gaps stay small
            return "NEAR(" + " ".join(f'"{t}"' for t in self.terms) + f", {NEAR}" + ")"
        quoted = f'"{self.terms[0]}"'
        return quoted + "*" if self.prefix else quoted


@dataclass(slots=True)
class Concept:
    """One thing the operator asked about, with every way it may be written."""

    alternatives: list[Alternative] = field(default_factory=list)
    #: The alternatives the index holds (the others cannot match and are not searched).
    live: list[Alternative] = field(default_factory=list)
    weight: float = 1.0
    #: About how many articles hold the concept.
    documents: int = 0
    _single: frozenset[str] = frozenset()
    _phrases: tuple[tuple[str, ...], ...] = ()
    _prefixes: tuple[str, ...] = ()

    def freeze(self) -> None:
        """Precompute the look-ups :meth:`found_in` does for every candidate article."""
        alts = self.alternatives
        self._single = frozenset(a.terms[0] for a in alts if not a.prefix and len(a.terms) == 1)
        self._phrases = tuple(a.terms for a in alts if len(a.terms) > 1)
        self._prefixes = tuple(a.terms[-1] for a in alts if a.prefix)

    def add(self, alternative: Alternative) -> None:
        if alternative in self.alternatives:
            return
        single = {a.terms[0] for a in self.alternatives if len(a.terms) == 1 and not a.prefix}
        if len(alternative.terms) > 1 and single.intersection(alternative.terms):
            return  # a phrase containing a word already searched alone adds nothing
        self.alternatives.append(alternative)

    def expression(self) -> str | None:
        """The FTS5 expression of the concept, or None when nothing in the index has it."""
        parts: dict[str, None] = {}
        for alternative in self.live:
            if alternative.completions is not None:
                parts.update(dict.fromkeys(f'"{t}"' for t in alternative.completions))
            else:
                parts[alternative.expression()] = None
        if not parts:
            return None
        return "(" + " OR ".join(parts) + ")"

    def found_in(self, terms: Set[str]) -> bool:
        if not self._single.isdisjoint(terms):
            return True
        if any(all(t in terms for t in phrase) for phrase in self._phrases):
            return True
        prefixes = self._prefixes
        return bool(prefixes) and any(t.startswith(prefixes) for t in terms)


@dataclass(slots=True)
class Query:
    concepts: list[Concept]
    _exact: frozenset[str] = frozenset()
    _prefixes: tuple[str, ...] = ()
    #: First two letters of every term and prefix: a cheap first test for snippets.
    heads: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for concept in self.concepts:
            concept.freeze()
        alts = [a for c in self.concepts for a in c.alternatives]
        self._exact = frozenset(t for a in alts if not a.prefix for t in a.terms)
        self._prefixes = tuple({a.terms[-1] for a in alts if a.prefix})
        self.heads = frozenset(t[:2] for t in (*self._exact, *self._prefixes))

    @property
    def empty(self) -> bool:
        return not self.concepts

    def all_expression(self) -> str | None:
        """Articles answering every concept (None: no article can)."""
        parts = [c.expression() for c in self.concepts]
        if not parts or None in parts:
            return None
        return " AND ".join(p for p in parts if p)

    def any_expression(self) -> str | None:
        """Articles answering any concept (None: no article can)."""
        parts = [p for p in (c.expression() for c in self.concepts) if p]
        return " OR ".join(parts) or None

    def estimate_all(self) -> int:
        """About how many articles answer every concept (from the vocabulary)."""
        return min((c.documents for c in self.concepts), default=0)

    def estimate_any(self) -> int:
        return sum(c.documents for c in self.concepts)

    def is_match(self, term: str) -> bool:
        """Does an index term (or a folded word) answer any concept?"""
        return term in self._exact or (bool(self._prefixes) and term.startswith(self._prefixes))


def parse(text: str, analyzer: Analyzer, synonyms: SynonymTable, vocabulary: Vocabulary) -> Query:
    """The concepts of ``text``; the last word is a prefix unless followed by a space."""
    text = text[:MAX_QUERY_CHARS]
    typing = bool(text) and text[-1].isalnum()
    qwords = analyzer.query_words(text)
    if typing and qwords and len(qwords[-1].text) < 2 and len(qwords) > 1:
        qwords.pop()  # one letter of the next word says nothing yet
    stems = [w.stems for w in qwords]
    concepts: list[Concept] = []
    i = 0
    while i < len(qwords) and len(concepts) < MAX_CONCEPTS:
        last = i == len(qwords) - 1
        concept = Concept()
        match = synonyms.match(stems, i)
        if match is not None:
            length, group = match
            for phrase in synonyms.groups[group]:
                concept.add(Alternative(phrase))
            if typing and i + length == len(qwords):
                _add_prefixes(concept, qwords[-1].text, stems[-1], vocabulary)
            i += length
        else:
            word = qwords[i]
            for stem in word.stems:
                concept.add(Alternative((stem,)))
            known = any(stem in vocabulary for stem in word.stems)
            if typing and last:
                _add_prefixes(concept, word.text, word.stems, vocabulary)
                known = known or any(vocabulary.has_prefix(s) for s in word.stems)
            if not known:
                for candidate in vocabulary.candidates(analyzer.stem(word.text, "it")):
                    concept.add(Alternative((candidate,)))
            i += 1
        concept.live = [a for a in concept.alternatives if a.live(vocabulary)]
        concept.documents = _documents(concept, vocabulary)
        concept.weight = _idf(concept.documents, vocabulary)
        concepts.append(concept)
    return Query(concepts)


def _add_prefixes(
    concept: Concept, word: str, stems: tuple[str, ...], vocabulary: Vocabulary
) -> None:
    for prefix in sorted({word, *stems}):
        if len(prefix) > INDEXED_PREFIX:
            words = vocabulary.completions(prefix, COMPLETIONS)
            concept.add(Alternative((prefix,), prefix=True, completions=words))
        elif len(prefix) >= 2:
            concept.add(Alternative((prefix,), prefix=True))


def _documents(concept: Concept, vocabulary: Vocabulary) -> int:
    """Articles holding the concept, estimated from the vocabulary (sums over forms)."""
    n = max(vocabulary.documents, 1)
    df = 0
    for alt in concept.alternatives:
        if alt.prefix:
            df += vocabulary.prefix_frequency(alt.terms[-1], cap=n)
        else:
            df += min(vocabulary.frequency(t) for t in alt.terms)
    return min(df, n)


def _idf(documents: int, vocabulary: Vocabulary) -> float:
    """How telling a concept is: rare words weigh more than common ones."""
    n = max(vocabulary.documents, 1)
    return math.log(1 + (n + 1) / (documents + 1))
