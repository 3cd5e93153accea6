"""The "article that answers the last line" hint asks the knowledge base's own search
(stemming, synonyms, typos, the client's articles first) over the demo KB."""

from __future__ import annotations

import pytest

from agentdesk.server.services.nba_articles import kb_finder
from tests.unit.search.corpus import demo_index

FIND = kb_finder(demo_index())


@pytest.mark.parametrize(
    ("text", "client", "article"),
    [
        (
            "C'è una perdita d'acqua in strada, devo segnalare un guasto",
            "lario",
            "kb-lario-perdita-rete",
        ),
        (
            "Vorrei rateizzare la bolletta, posso pagare a rate?",
            "energia",
            "kb-energia-rateizzazione",
        ),
        ("devo fare la voltura del contratto", "lario", "kb-lario-voltura"),
        ("Come comunico l'autolettura del contatore?", "lario", "kb-lario-autolettura"),
        ("vorrei fare reclamo scritto", "lario", "kb-reclami"),  # for every client
    ],
)
def test_a_line_about_a_procedure_finds_its_article(text: str, client: str, article: str) -> None:
    found = FIND(text, client)
    assert found is not None and found.id == article, found


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Buongiorno", "lario"),
        ("grazie mille", "energia"),
        ("", "lario"),
    ],
)
def test_no_article_for_lines_that_name_no_procedure(text: str, client: str) -> None:
    assert FIND(text, client) is None
