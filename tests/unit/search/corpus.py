"""The demo knowledge base as index documents, for search tests."""

from __future__ import annotations

from agentdesk.search import Doc, KbIndex
from agentdesk.server.seed.kb_corpus import ARTICLES


def demo_docs() -> list[Doc]:
    return [
        Doc(id=i, title=t, body=b, area=a, kind=k, client_id=c, tags=tags)
        for i, c, a, k, tags, t, b in ARTICLES
    ]


def demo_index() -> KbIndex:
    index = KbIndex()
    index.upsert(demo_docs(), version=1)
    return index
