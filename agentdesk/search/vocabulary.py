"""The index's vocabulary: document frequencies, prefix look-ups and typo candidates.

Typo tolerance takes candidates from the words the index really holds (edit distance on
stems, computed by rapidfuzz), so a misspelt word finds what exists and a correctly spelt
word is never replaced: only words absent from the vocabulary are corrected.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA


def max_typos(word: str) -> int:
    """Edits tolerated in a stem: none below 5 letters, one up to 7, two beyond."""
    if len(word) < 5:
        return 0
    return 1 if len(word) <= 7 else 2


class Vocabulary:
    """Stems with the number of documents holding them."""

    def __init__(self) -> None:
        self.df: dict[str, int] = {}
        self.documents = 0
        #: Terms in all articles (for the average article length of bm25).
        self.tokens = 0
        self._sorted: list[str] | None = None
        self._buckets: dict[str, list[str]] | None = None

    def replace(self, rows: Iterable[tuple[str, int]], documents: int, tokens: int) -> None:
        self.df = dict(rows)
        self.documents = documents
        self.tokens = tokens
        self._dirty()

    def add(self, terms: list[str]) -> None:
        for term in set(terms):
            self.df[term] = self.df.get(term, 0) + 1
        self.documents += 1
        self.tokens += len(terms) + 3
        self._dirty()

    def _dirty(self) -> None:
        self._sorted = None
        self._buckets = None

    def __contains__(self, term: object) -> bool:
        return term in self.df

    def frequency(self, term: str) -> int:
        return self.df.get(term, 0)

    def prefix_frequency(self, prefix: str, cap: int = 1000) -> int:
        """Documents-ish holding a word starting with ``prefix`` (summed, capped)."""
        words = self._words()
        i = bisect.bisect_left(words, prefix)
        total = 0
        while i < len(words) and words[i].startswith(prefix) and total < cap:
            total += self.df[words[i]]
            i += 1
        return total

    def completions(self, prefix: str, limit: int) -> tuple[str, ...]:
        """The ``limit`` commonest vocabulary words starting with ``prefix``."""
        words = self._words()
        i = bisect.bisect_left(words, prefix)
        found = []
        while i < len(words) and words[i].startswith(prefix):
            found.append(words[i])
            i += 1
        if len(found) > limit:
            found.sort(key=lambda term: -self.df[term])
            del found[limit:]
        return tuple(found)

    def starting_with(self, prefix: str, limit: int) -> list[str] | None:
        """Every vocabulary word starting with ``prefix``, or None when there are more than
        ``limit``."""
        words = self._words()
        i = bisect.bisect_left(words, prefix)
        found: list[str] = []
        while i < len(words) and words[i].startswith(prefix):
            if len(found) >= limit:
                return None
            found.append(words[i])
            i += 1
        return found

    def has_prefix(self, prefix: str) -> bool:
        words = self._words()
        i = bisect.bisect_left(words, prefix)
        return i < len(words) and words[i].startswith(prefix)

    def prepare(self) -> None:
        """Build the sorted words and typo buckets now (after a change), not on a search."""
        self._words()
        self._typo_buckets()

    def candidates(self, stem: str, limit: int = 3) -> list[str]:
        """Vocabulary stems within :func:`max_typos` edits, closest and commonest first."""
        budget = max_typos(stem)
        if budget == 0:
            return []
        # Typos rarely hit the first letter; looking only there keeps this fast.
        pool = self._typo_buckets().get(stem[0], [])
        found = process.extract(stem, pool, scorer=OSA.distance, score_cutoff=budget, limit=None)
        found.sort(key=lambda item: (item[1], -self.df.get(item[0], 0)))
        return [term for term, _distance, _index in found[:limit]]

    def _typo_buckets(self) -> dict[str, list[str]]:
        if self._buckets is None:
            buckets: dict[str, list[str]] = {}
            for term in self.df:
                if len(term) >= 3 and term.isalpha():
                    buckets.setdefault(term[0], []).append(term)
            self._buckets = buckets
        return self._buckets

    def _words(self) -> list[str]:
        if self._sorted is None:
            self._sorted = sorted(self.df)
        return self._sorted
