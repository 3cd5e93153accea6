"""The default article finder for next-best-action: word overlap over the KB's articles.

A stand-in until the KB search lands: to use it instead, replace :func:`load_finder` (it must
return a plain callable ``(text, client_id) -> ArticleRef | None`` that does no IO, since the
rules engine calls it synchronously; load what it needs here, asynchronously).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.mood_lexicon import fold
from agentdesk.domain.nba import ArticleFinder, ArticleRef
from agentdesk.server.db.models import KbArticleRow

_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset(
    [
        "buongiorno", "buonasera", "salve", "grazie", "vorrei", "volevo", "sapere", "come",
        "quando", "perche", "questo", "questa", "della", "delle", "dello", "degli", "sono",
        "avete", "potete", "posso", "faccio", "fare", "essere", "anche", "ancora", "molto",
        "tutto", "tutti", "nella", "nelle", "sulla", "hello", "thanks", "would", "could", "please",
        "with", "that", "this", "have",
    ]
)
#: Shared stems an article needs with the customer's line to be suggested.
MIN_OVERLAP = 2


def _stems(text: str) -> set[str]:
    return {fold(w)[:5] for w in _WORD.findall(text) if fold(w) not in _STOP}


def make_finder(articles: list[tuple[str, str | None, str, str]]) -> ArticleFinder:
    """A finder over (id, client_id, title, body): the most overlapping article, the
    interaction's client first; title words count double."""
    indexed = [(aid, client, title, _stems(title), _stems(body)) for aid, client, title, body
               in articles]

    def find(text: str, client_id: str | None) -> ArticleRef | None:
        words = _stems(text)
        best: tuple[float, str, str] | None = None
        for aid, client, title, in_title, in_body in indexed:
            if client is not None and client != client_id:
                continue
            overlap = len(words & in_title) * 2 + len(words & in_body)
            if len(words & (in_title | in_body)) < MIN_OVERLAP:
                continue
            score = overlap + (0.5 if client == client_id else 0.0)
            if best is None or (score, aid) > (best[0], best[1]):
                best = (score, aid, title)
        return ArticleRef(best[1], best[2]) if best else None

    return find


async def load_finder(session: AsyncSession) -> ArticleFinder:
    rows = await session.execute(
        select(KbArticleRow.id, KbArticleRow.client_id, KbArticleRow.title, KbArticleRow.body)
    )
    return make_finder([(r[0], r[1], r[2], r[3]) for r in rows])
