"""The domain's synonym table (``data/synonyms.txt``), matched on stems.

A group lists equivalent words or phrases. A query whose words contain an entry of a group
searches every entry of that group as well; phrases match as FTS5 phrases of stems.
"""

from __future__ import annotations

from importlib import resources

from agentdesk.search.analysis import STOPWORDS, Analyzer, words

Phrase = tuple[str, ...]


class SynonymTable:
    """Groups of stemmed phrases and the entries that lead to them."""

    def __init__(self, groups: list[list[str]], analyzer: Analyzer) -> None:
        self.groups: list[tuple[Phrase, ...]] = []
        #: first stem of an entry -> (entry, group index), longest entries first
        self._by_first: dict[str, list[tuple[Phrase, int]]] = {}
        for entries in groups:
            phrases: list[Phrase] = []
            for entry in entries:
                for lang in ("it", "en"):
                    phrase = tuple(
                        analyzer.stem(w, lang) for w in words(entry) if w not in STOPWORDS
                    )
                    if phrase and phrase not in phrases:
                        phrases.append(phrase)
            index = len(self.groups)
            self.groups.append(tuple(phrases))
            for phrase in phrases:
                self._by_first.setdefault(phrase[0], []).append((phrase, index))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))

    @classmethod
    def load(cls, analyzer: Analyzer, text: str | None = None) -> SynonymTable:
        """The table shipped in the package, or one given as text (same format)."""
        if text is None:
            text = (
                resources.files("agentdesk.search")
                .joinpath("data", "synonyms.txt")
                .read_text("utf-8")
            )
        groups = [
            [entry.strip() for entry in line.split(",") if entry.strip()]
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
        return cls(groups, analyzer)

    def match(self, stems: list[tuple[str, ...]], start: int) -> tuple[int, int] | None:
        """The longest entry starting at word ``start`` as (length, group), or None.

        ``stems[i]`` holds the stems a query word may have (one per language).
        """
        for stem in stems[start]:
            for phrase, group in self._by_first.get(stem, ()):
                end = start + len(phrase)
                if end <= len(stems) and all(
                    phrase[k] in stems[start + k] for k in range(len(phrase))
                ):
                    return len(phrase), group
        return None
