"""Highlighted snippets: the best window of an article's text, matched words in ``<b>``.

Works on the original text (not the stems) so the operator reads real words; everything
but the marks is HTML-escaped, so a snippet is safe to render as rich text.

:class:`SnippetText` does the work that depends on the text alone (finding the words, folding
them, grouping them by their first two letters) once, so an article shown again for the
next letter typed only looks at the few words that can match.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Collection

from agentdesk.search.analysis import WORD, fold, fold_text

#: Words in a snippet.
WINDOW = 26
#: Words of a long article looked at for the snippet.
SCAN = 200


class SnippetText:
    """The first :data:`SCAN` words of a text, ready for :meth:`snippet`."""

    __slots__ = ("_by_head", "_ends", "_folded", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts: list[int] = []
        ends: list[int] = []
        for m in WORD.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
            if len(starts) >= SCAN:
                break
        self._starts, self._ends = starts, ends
        #: The scanned text folded, when folding kept every offset (the usual case).
        self._folded: str | None = None
        #: First two folded characters at each word -> the words' positions.
        self._by_head: dict[str, list[int]] | None = None
        if not starts:
            return
        scanned = text[: ends[-1]]
        folded = fold_text(scanned)
        if len(folded) == len(scanned):
            self._folded = folded
            by_head: dict[str, list[int]] = {}
            for k, a in enumerate(starts):
                by_head.setdefault(folded[a : a + 2], []).append(k)
            self._by_head = by_head

    def _word(self, k: int) -> str:
        a, b = self._starts[k], self._ends[k]
        if self._folded is not None:
            return self._folded[a:b]
        return fold(self.text[a:b])

    def _matches(self, is_match: Callable[[str], bool], heads: Collection[str] | None) -> list[int]:
        """Positions of the words that match, in order."""
        by_head = self._by_head
        if heads is None or by_head is None:
            return [k for k in range(len(self._starts)) if is_match(self._word(k))]
        if len(heads) < len(by_head):
            found = [k for h in heads for k in by_head.get(h, ())]
        else:
            found = [k for h, ks in by_head.items() if h in heads for k in ks]
        found.sort()
        return [k for k in found if is_match(self._word(k))]

    def snippet(
        self,
        is_match: Callable[[str], bool],
        window: int = WINDOW,
        heads: Collection[str] | None = None,
    ) -> str:
        """The ``window`` words with the most matches, matches marked (see
        :func:`make_snippet`)."""
        text, starts, ends = self.text, self._starts, self._ends
        if not starts:
            return html.escape(text[:200])
        n = len(starts)
        hits = self._matches(is_match, heads)
        # The first window with the most matches starts at 0 or where a match enters it.
        last = max(1, n - window + 1)
        best, best_count = 0, bisect_left(hits, window)
        for k in hits:
            start = k - window + 1
            if 1 <= start < last:
                count = bisect_left(hits, start + window) - bisect_left(hits, start)
                if count > best_count:
                    best, best_count = start, count
        end = min(n, best + window)
        lo, hi = starts[best], ends[end - 1]
        parts: list[str] = ["… " if best else ""]
        cursor = lo
        for k in hits[bisect_left(hits, best) : bisect_left(hits, end)]:
            a, b = starts[k], ends[k]
            parts.append(html.escape(text[cursor:a]))
            parts.append(f"<b>{html.escape(text[a:b])}</b>")
            cursor = b
        parts.append(html.escape(text[cursor:hi]))
        if end < n or hi < len(text.rstrip()):
            parts.append(" …")
        return "".join(parts)


def make_snippet(
    text: str,
    is_match: Callable[[str], bool],
    window: int = WINDOW,
    heads: Collection[str] | None = None,
) -> str:
    """The ``window`` words of ``text`` with the most matches, matches marked.

    ``heads``, when given, holds the first two letters (folded) of every word that can
    match: the others are not looked at."""
    return SnippetText(text).snippet(is_match, window, heads)
