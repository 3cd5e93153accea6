"""The default article finder behind the "article that answers the last line" hint."""

from __future__ import annotations

import pytest

from agentdesk.server.seed.kb import ARTICLES
from agentdesk.server.services.nba_articles import make_finder

FIND = make_finder([(f"kb-{n:03d}", c, t, b) for n, (c, _a, t, b) in enumerate(ARTICLES, 1)])


@pytest.mark.parametrize(
    ("text", "client", "article"),
    [
        ("C'è una perdita d'acqua in strada, devo segnalare un guasto", "lario", "kb-003"),
        ("Vorrei rateizzare la bolletta, posso pagare a rate?", "energia", "kb-007"),
        ("devo fare la voltura del contratto", "lario", "kb-004"),
        ("Come comunico l'autolettura del contatore?", "lario", "kb-002"),
        ("ho ricevuto una visita porta a porta sospetta", "energia", "kb-010"),
        ("voglio fare un reclamo", "lario", "kb-011"),  # an article for every client
    ],
)
def test_a_line_about_a_procedure_finds_its_article(text: str, client: str, article: str) -> None:
    found = FIND(text, client)
    assert found is not None and found.id == article


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Buongiorno", "lario"),
        ("Il numero cliente è quello che vede in bolletta", "energia"),  # generic words only
        ("vorrei rateizzare la bolletta", "lario"),  # kb-007 is Energia Nova's, not Lario's
        ("", "lario"),
    ],
)
def test_no_article_for_lines_that_name_no_procedure(text: str, client: str) -> None:
    assert FIND(text, client) is None
