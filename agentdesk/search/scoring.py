"""Scoring candidate articles in Python: bm25 from the vocabulary's statistics.

FTS5's own ``bm25()`` counts, on every query, the articles holding each phrase by reading
that phrase's whole list; on a large index with common words this costs more than finding
the candidates. The vocabulary already knows those counts, so FTS5 only finds candidates
(by rowid) and this module scores them with the same formula (Okapi BM25, k1 = 1.2,
b = 0.75, column weights title > tags > body), plus how much of the query each article
covers, overall and in its title.

An article's terms are counted once (:func:`count_terms`, kept between searches by the
index); a query then looks up only the words it may be found by, prefixes included, which
the vocabulary lists, in the article's own order so every sum adds up exactly as before.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

from agentdesk.search.query import Query
from agentdesk.search.vocabulary import Vocabulary

#: bm25 weights of the title, tags and body columns.
WEIGHTS = (8.0, 4.0, 1.0)
K1 = 1.2
B = 0.75
#: Vocabulary words the prefixes of a query may stand for, at most, to be looked up as
#: words (beyond it, every article term is compared with the prefixes).
EXPANDED = 2048


class Scored(NamedTuple):  # a tuple: made for every candidate, cheaply
    bm25: float
    coverage: float
    in_title: float


class Scorer:
    """Scores the analysed columns (space-separated stems) of candidate articles."""

    def __init__(self, query: Query, vocabulary: Vocabulary) -> None:
        self.query = query
        n = max(vocabulary.documents, 1)
        self.avgdl = max(vocabulary.tokens / n, 1.0)
        #: term -> idf, for words searched as themselves
        self.terms: dict[str, float] = {}
        #: short prefix -> idf, for prefixes FTS5 searches through its prefix index
        self.prefixes: dict[str, float] = {}
        #: phrases (NEAR groups): their words count only when all of them are present
        self.phrases: list[tuple[tuple[str, ...], tuple[float, ...]]] = []
        for concept in query.concepts:
            for alt in concept.live:
                if alt.completions is not None:
                    for term in alt.completions:
                        self.terms[term] = idf(vocabulary.frequency(term), n)
                elif alt.prefix:
                    p = alt.terms[-1]
                    self.prefixes[p] = idf(vocabulary.prefix_frequency(p, cap=n), n)
                elif len(alt.terms) == 1:
                    self.terms[alt.terms[0]] = idf(vocabulary.frequency(alt.terms[0]), n)
                else:
                    weights = tuple(idf(vocabulary.frequency(t), n) for t in alt.terms)
                    self.phrases.append((alt.terms, weights))
        self._short = tuple(self.prefixes)
        #: every word a concept may be found by, and every prefix: what scoring looks at
        self._wanted = set(self.terms).union(*(terms for terms, _ in self.phrases))
        self._starts = tuple(
            {a.terms[-1] for c in query.concepts for a in c.alternatives if a.prefix}
        )
        self._total = sum(c.weight for c in query.concepts) or 1.0
        #: Every vocabulary word scoring looks at (the wanted ones and those starting with
        #: a prefix), or None when the prefixes stand for too many words.
        self._listed: frozenset[str] | None = None
        listed = set(self._wanted)
        for p in self._starts:
            words = vocabulary.starting_with(p, EXPANDED)
            if words is None or len(listed) + len(words) > EXPANDED:
                break
            listed.update(words)
        else:
            self._listed = frozenset(listed)
        self._shares: dict[frozenset[str], float] = {}

    def score(self, title: str, tags: str, body: str, complete: bool) -> Scored:
        return self.score_terms(count_terms(title, tags, body), complete)

    def score_terms(self, article: TermCounts, complete: bool, listed: bool = False) -> Scored:
        """Score an article from its :func:`count_terms` (kept between searches).

        ``listed``: every term of the article is in the vocabulary this scorer was made
        with (then the words a prefix stands for are known, and looked up)."""
        wanted, starts, known = self._wanted, self._starts, self._listed
        title_terms: AbstractSet[str]
        # Only the words that matter to the query, in the article's order.
        if listed and known is not None:
            found = known.intersection(article.terms)
            if len(found) > 1:
                where = sorted(map(article.terms.index, found))
                freq = {article.terms[i]: article.counts[i] for i in where}
            elif found:
                (term,) = found
                freq = {term: article.counts[article.terms.index(term)]}
            else:
                freq = {}
            title_terms = known.intersection(article.title)
        else:
            pairs = zip(article.terms, article.counts, strict=True)
            if starts:
                freq = {t: f for t, f in pairs if t in wanted or t.startswith(starts)}
                title_terms = {t for t in article.title if t in wanted or t.startswith(starts)}
            else:
                freq = {t: f for t, f in pairs if t in wanted}
                title_terms = {t for t in article.title if t in wanted}
        length = article.length
        norm = K1 * (1 - B + B * length / self.avgdl)
        total = 0.0
        terms, short = self.terms, self._short
        by_prefix: dict[str, float] = {}
        for token, f in freq.items():
            idf_t = terms.get(token)
            if idf_t is not None:
                total += idf_t * f * (K1 + 1) / (f + norm)
            if short and token.startswith(short):
                for p in short:
                    if token.startswith(p):
                        by_prefix[p] = by_prefix.get(p, 0.0) + f
        for p, pf in by_prefix.items():
            total += self.prefixes[p] * pf * (K1 + 1) / (pf + norm)
        for phrase, weights in self.phrases:
            if all(t in freq for t in phrase):
                for term, weight in zip(phrase, weights, strict=True):
                    f = freq[term]
                    total += weight * f * (K1 + 1) / (f + norm)
        # Only the words that matter were kept, and every way a concept may be found is
        # among them, so coverage reads the same from them as from the whole article.
        coverage = 1.0 if complete else self._covered(frozenset(freq))
        return Scored(total, coverage, self._covered(frozenset(title_terms)))

    def _covered(self, terms: frozenset[str]) -> float:
        """Share of the query (by concept weight) the terms answer; the same few sets of
        terms come up again and again among the candidates, so each is worked out once."""
        share = self._shares.get(terms)
        if share is None:
            concepts = self.query.concepts
            share = sum(c.weight for c in concepts if c.found_in(terms)) / self._total
            self._shares[terms] = share
        return share


@dataclass(frozen=True, slots=True)
class TermCounts:
    """What scoring reads of an article, counted once: its distinct terms in the order they
    first appear (title, tags, body) with their counts weighted by :data:`WEIGHTS`, its
    length in terms (the facets included) and its distinct title terms. Terms are
    interned: articles kept side by side share them."""

    terms: tuple[str, ...]
    counts: tuple[int, ...]
    length: int
    title: tuple[str, ...]


def count_terms(title: str, tags: str, body: str) -> TermCounts:
    """The :class:`TermCounts` of an article's analysed columns (space-separated stems)."""
    freq: dict[str, int] = {}
    length = 3  # the facet tokens
    for weight, column in zip(WEIGHTS, (title, tags, body), strict=True):
        tokens = column.split()
        length += len(tokens)
        w = int(weight)
        for token in tokens:
            freq[token] = freq.get(token, 0) + w
    terms = tuple(map(sys.intern, freq))
    titled = len(dict.fromkeys(title.split()))  # the title's terms come first
    return TermCounts(terms, tuple(freq.values()), length, terms[:titled])


def idf(documents: int, n: int) -> float:
    """FTS5's bm25 idf: rare words weigh more; never zero or negative."""
    documents = min(documents, n)
    value = math.log((n - documents + 0.5) / (documents + 0.5))
    return max(value, 1e-6)
