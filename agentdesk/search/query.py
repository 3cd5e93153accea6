"""From what the operator typed to a safe FTS5 expression of stems.

A query is a list of *concepts* (a word, or a synonym group found in the words), each with
alternatives: stems in both languages, the group's other entries as phrases, vocabulary
words within a few edits when the word is not in the index, and, for the last word while
it is being typed, prefixes. Only stems (letters and digits) are ever put in the
expression, each quoted, so nothing the operator types is FTS5 syntax.
"""

from __future__ import annotations

import math
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


@dataclass(frozen=True, slots=True)
class Alternative:
    terms: tuple[str, ...]
    prefix: bool = False

    def expression(self) -> str:
        if len(self.terms) > 1:
            # words of a phrase close together, in any order ("piano di rientro",
            # "rientro nel piano"); stop words are not in the index, so gaps stay small
            return "NEAR(" + " ".join(f'"{t}"' for t in self.terms) + f", {NEAR}" + ")"
        quoted = f'"{self.terms[0]}"'
        return quoted + "*" if self.prefix else quoted

    def matches(self, term: str) -> bool:
        """Does a single index term satisfy this alternative (phrases: any of their words)?"""
        if self.prefix:
            return term.startswith(self.terms[-1])
        return term in self.terms


@dataclass(slots=True)
class Concept:
    """One thing the operator asked about, with every way it may be written."""

    alternatives: list[Alternative] = field(default_factory=list)
    weight: float = 1.0

    def add(self, alternative: Alternative) -> None:
        if alternative not in self.alternatives:
            self.alternatives.append(alternative)

    def expression(self) -> str:
        return "(" + " OR ".join(a.expression() for a in self.alternatives) + ")"

    def found_in(self, terms: set[str]) -> bool:
        for alt in self.alternatives:
            if alt.prefix:
                if any(t.startswith(alt.terms[-1]) for t in terms):
                    return True
            elif all(t in terms for t in alt.terms):
                return True
        return False


@dataclass(slots=True)
class Query:
    concepts: list[Concept]

    @property
    def empty(self) -> bool:
        return not self.concepts

    def expression(self) -> str:
        return " OR ".join(c.expression() for c in self.concepts)

    def is_match(self, term: str) -> bool:
        return any(a.matches(term) for c in self.concepts for a in c.alternatives)


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
                _add_prefixes(concept, qwords[-1].text, stems[-1])
            i += length
        else:
            word = qwords[i]
            for stem in word.stems:
                concept.add(Alternative((stem,)))
            known = any(stem in vocabulary for stem in word.stems)
            if typing and last:
                _add_prefixes(concept, word.text, word.stems)
                known = known or any(vocabulary.has_prefix(s) for s in word.stems)
            if not known:
                for candidate in vocabulary.candidates(analyzer.stem(word.text, "it")):
                    concept.add(Alternative((candidate,)))
            i += 1
        concept.weight = _idf(concept, vocabulary)
        concepts.append(concept)
    return Query(concepts)


def _add_prefixes(concept: Concept, word: str, stems: tuple[str, ...]) -> None:
    for prefix in {word, *stems}:
        if len(prefix) >= 2:
            concept.add(Alternative((prefix,), prefix=True))


def _idf(concept: Concept, vocabulary: Vocabulary) -> float:
    """How telling a concept is: rare words weigh more than common ones."""
    n = max(vocabulary.documents, 1)
    df = 0
    for alt in concept.alternatives:
        if alt.prefix:
            df += vocabulary.prefix_frequency(alt.terms[-1])
        else:
            df += min(vocabulary.frequency(t) for t in alt.terms)
    df = min(df, n)
    return math.log(1 + (n + 1) / (df + 1))
