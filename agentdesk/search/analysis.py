"""Text analysis: folding, tokenising, stop words, Snowball stems (Italian and English).

The index stores analysed text (stems separated by spaces) and FTS5's own tokenizer only
splits it, so the same :class:`Analyzer` decides what matches on server and desktop.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import Stemmer

#: Words: letters and digits; apostrophes and hyphens split ("dell'utenza" -> dell, utenza).
WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Longest word kept (longer runs are noise: hashes, pasted garbage).
MAX_WORD = 40


def _load_words(name: str) -> frozenset[str]:
    text = resources.files("agentdesk.search").joinpath("data", name).read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


STOPWORDS = _load_words("stopwords.txt")
_IT_HINTS = frozenset(
    [
        "il",
        "la",
        "di",
        "che",
        "non",
        "per",
        "una",
        "del",
        "della",
        "sono",
        "con",
        "come",
        "alla",
        "nel",
        "gli",
    ]
)
_EN_HINTS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "for",
        "with",
        "your",
        "you",
        "this",
        "that",
        "are",
        "on",
        "be",
    ]
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents: "Perché" -> "perche"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold_text(text: str) -> str:
    """A whole text lower case without accents (offsets kept unless compatibility
    characters such as ligatures expand)."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def words(text: str) -> list[str]:
    """Folded words of ``text`` in order, stop words included."""
    folded = fold_text(text)
    found = WORD.findall(folded)
    if any(len(w) > MAX_WORD for w in found):
        found = [w[:MAX_WORD] for w in found]
    return found


def detect_language(text: str) -> str:
    """``it`` or ``en`` by counting very common words; Italian when unsure."""
    it = en = 0
    for word in words(text[:4000]):
        it += word in _IT_HINTS
        en += word in _EN_HINTS
    return "en" if en > it else "it"


@dataclass(frozen=True, slots=True)
class QueryWord:
    """A word of a query with the stems it may match in either language."""

    text: str
    stems: tuple[str, ...]


class Analyzer:
    """Stems for both languages; one instance per index (stemmers are not thread-safe)."""

    def __init__(self) -> None:
        self._stemmers = {"it": Stemmer.Stemmer("italian"), "en": Stemmer.Stemmer("english")}
        self._cache: dict[tuple[str, str], str] = {}

    def stem(self, word: str, lang: str = "it") -> str:
        key = (word, lang)
        stem = self._cache.get(key)
        if stem is None:
            stem = self._stemmers[lang].stemWord(word)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = stem
        return stem

    def index_terms(self, text: str, lang: str) -> list[str]:
        """What the index stores for ``text``: stems of its words, stop words dropped."""
        return [self.stem(w, lang) for w in words(text) if w not in STOPWORDS]

    def query_words(self, text: str) -> list[QueryWord]:
        """The words of a query with their stems in both languages; stop words dropped
        unless nothing else is left."""
        found = words(text)
        kept = [w for w in found if w not in STOPWORDS] or found
        out = []
        for w in kept:
            stems = {self.stem(w, "it"), self.stem(w, "en")}
            out.append(QueryWord(w, tuple(sorted(stems))))
        return out
