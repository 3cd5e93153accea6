"""Highlighted snippets: the best window of an article's text, matched words in ``<b>``.

Works on the original text (not the stems) so the operator reads real words; everything
but the marks is HTML-escaped, so a snippet is safe to render as rich text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection

from agentdesk.search.analysis import WORD, fold, fold_text

#: Words in a snippet.
WINDOW = 26
#: Words of a long article looked at for the snippet.
SCAN = 200


def make_snippet(
    text: str,
    is_match: Callable[[str], bool],
    window: int = WINDOW,
    heads: Collection[str] | None = None,
) -> str:
    """The ``window`` words of ``text`` with the most matches, matches marked.

    ``heads``, when given, holds the first two letters (folded) of every word that can
    match: the others are not looked at."""
    spans = []
    for m in WORD.finditer(text):
        spans.append((m.start(), m.end()))
        if len(spans) >= SCAN:
            break
    if not spans:
        return html.escape(text[:200])
    scanned = text[: spans[-1][1]]
    folded = fold_text(scanned)
    if len(folded) == len(scanned):  # folding kept every offset (the usual case)
        if heads is None:
            hits = [is_match(folded[a:b]) for a, b in spans]
        else:
            hits = [folded[a : a + 2] in heads and is_match(folded[a:b]) for a, b in spans]
    else:
        hits = [is_match(fold(text[a:b])) for a, b in spans]
    best, best_count = 0, -1
    count = sum(hits[:window])
    for start in range(max(1, len(spans) - window + 1)):
        if start:
            count += hits[start + window - 1] if start + window - 1 < len(hits) else 0
            count -= hits[start - 1]
        if count > best_count:
            best, best_count = start, count
    end = min(len(spans), best + window)
    lo, hi = spans[best][0], spans[end - 1][1]
    parts: list[str] = ["… " if best else ""]
    cursor = lo
    for k in range(best, end):
        if hits[k]:
            a, b = spans[k]
            parts.append(html.escape(text[cursor:a]))
            parts.append(f"<b>{html.escape(text[a:b])}</b>")
            cursor = b
    parts.append(html.escape(text[cursor:hi]))
    if end < len(spans) or hi < len(text.rstrip()):
        parts.append(" …")
    return "".join(parts)
