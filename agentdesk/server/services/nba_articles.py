"""Which article answers a customer's line, for next-best-action.

The server's KB search index answers when it exists (:func:`kb_finder`); word overlap over
the articles is the fallback for a server without one. Either is a plain callable
``(text, client_id) -> ArticleRef | None`` the rules engine calls synchronously.
"""

from __future__ import annotations

import math
import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.mood_lexicon import fold
from agentdesk.domain.nba import ArticleFinder, ArticleRef
from agentdesk.search import ArticleFinder as KbAnswers
from agentdesk.search import KbIndex
from agentdesk.server.db.kb_models import KbArticleRow

_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset(
    [
        "buongiorno",
        "buonasera",
        "salve",
        "grazie",
        "vorrei",
        "volevo",
        "sapere",
        "come",
        "quando",
        "perche",
        "questo",
        "questa",
        "della",
        "delle",
        "dello",
        "degli",
        "sono",
        "avete",
        "potete",
        "posso",
        "faccio",
        "fare",
        "essere",
        "anche",
        "ancora",
        "molto",
        "tutto",
        "tutti",
        "nella",
        "nelle",
        "sulla",
        "hello",
        "thanks",
        "would",
        "could",
        "please",
        "with",
        "that",
        "this",
        "have",
        "cliente",
        "numero",
        "quello",
        "quella",
        "ultimo",
        "vede",
        "dove",
        "viene",
        "devo",
        "serve",
        "capisco",
        "spiegate",
        "mi",
        "non",
    ]
)
#: An article is suggested when the words it shares with the customer's line weigh at least
#: this much (inverse document frequency; title words count double) ...
MIN_SCORE = 3.0
#: ... and it shares at least this many distinct words.
MIN_OVERLAP = 1


def _stems(text: str) -> set[str]:
    return {fold(w)[:5] for w in _WORD.findall(text) if fold(w) not in _STOP}


def make_finder(articles: list[tuple[str, str | None, str, str]]) -> ArticleFinder:
    """A finder over (id, client_id, title, body): words rare in the KB weigh more, title
    words double, the interaction's client's articles first on a tie."""
    indexed = [
        (aid, client, title, _stems(title), _stems(title) | _stems(body))
        for aid, client, title, body in articles
    ]
    df: dict[str, int] = {}
    for *_, words in indexed:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = max(1, len(indexed))
    idf = {w: math.log((n + 1) / count) for w, count in df.items()}

    def find(text: str, client_id: str | None) -> ArticleRef | None:
        words = _stems(text)
        best: tuple[float, int, str, str] | None = None
        for aid, client, title, in_title, in_all in indexed:
            if client is not None and client != client_id:
                continue
            shared = words & in_all
            if len(shared) < MIN_OVERLAP:
                continue
            score = sum(idf[w] * (2.0 if w in in_title else 1.0) for w in shared)
            if score < MIN_SCORE:
                continue
            rank = (score, 1 if client == client_id else 0, aid, title)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return ArticleRef(best[2], best[3]) if best else None

    return find


def kb_finder(index: KbIndex) -> ArticleFinder:
    """The knowledge base's own search: one confident answer to the customer's line (the
    same stemming, synonyms and ranking as the operator's search), or nothing."""
    answers = KbAnswers(index)

    def find(text: str, client_id: str | None) -> ArticleRef | None:
        hit = answers.best(text, client_id)
        return ArticleRef(hit.id, hit.title) if hit is not None else None

    return find


async def load_finder(session: AsyncSession, index: KbIndex | None = None) -> ArticleFinder:
    """The KB search when the server has its index, else word overlap over the articles."""
    if index is not None:
        return kb_finder(index)
    rows = await session.execute(
        select(KbArticleRow.id, KbArticleRow.client_id, KbArticleRow.title, KbArticleRow.body)
    )
    return make_finder([(r[0], r[1], r[2], r[3]) for r in rows])
