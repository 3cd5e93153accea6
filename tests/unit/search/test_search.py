"""Search over the demo corpus: what an operator types finds the article they need."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentdesk.search import KbIndex
from tests.unit.search.corpus import demo_index


@pytest.fixture(scope="module")
def index() -> KbIndex:
    return demo_index()


def top(index: KbIndex, q: str, **kw: object) -> str:
    hits = index.search(q, **kw)  # type: ignore[arg-type]
    assert hits, f"nothing for {q!r}"
    return hits[0].id


def ids(index: KbIndex, q: str, n: int = 3, **kw: object) -> list[str]:
    return [h.id for h in index.search(q, limit=n, **kw)]  # type: ignore[arg-type]


def test_inflections_find_the_same_article(index: KbIndex) -> None:
    for q in ("rateizzazione ", "rateizzare ", "rateizzate ", "rate bollette "):
        assert top(index, q, client_id="energia") == "kb-energia-rateizzazione", q


def test_missing_accents_and_apostrophes(index: KbIndex) -> None:
    assert top(index, "qualita dell'acqua torbida ") == "kb-lario-qualita-acqua"
    assert top(index, "piu alta del solito ", client_id="lario") == "kb-lario-bolletta-alta"
    assert top(index, "l'identità del cliente ") == "kb-privacy-identita"


def test_synonyms_of_the_domain(index: KbIndex) -> None:
    # fattura -> bolletta, misuratore -> contatore, recesso -> disdetta, RID -> domiciliazione
    assert top(index, "fattura troppo alta ", client_id="lario") == "kb-lario-bolletta-alta"
    assert top(index, "autolettura misuratore gas ", client_id="energia") == (
        "kb-energia-autolettura"
    )
    assert top(index, "recesso acqua ", client_id="lario") == "kb-lario-disdetta"
    assert top(index, "attivare il RID ", client_id="lario") == "kb-lario-rid"
    assert top(index, "addebito SEPA ", client_id="energia") == "kb-energia-domiciliazione"
    assert top(index, "piano di rientro ", client_id="energia") == "kb-energia-rateizzazione"


def test_voltura_and_subentro_stay_distinct(index: KbIndex) -> None:
    assert top(index, "voltura ", client_id="lario") == "kb-lario-voltura"
    assert top(index, "subentro ", client_id="lario") == "kb-lario-subentro"
    assert top(index, "subentro contatore sigillato ", client_id="lario") == "kb-lario-subentro"


def test_typos_are_forgiven(index: KbIndex) -> None:
    assert top(index, "rateizazione ", client_id="energia") == "kb-energia-rateizzazione"
    assert top(index, "autoletura contatore ", client_id="lario") == "kb-lario-autolettura"
    assert top(index, "trufa porta a porta ") == "kb-energia-truffe"


def test_typo_tolerance_does_not_bury_exact_matches(index: KbIndex) -> None:
    # "rate" exists; it must not be "corrected" into something else
    hits = index.search("rate ", client_id="lario")
    assert hits[0].id == "kb-lario-rateizzazione"


def test_last_word_is_a_prefix_while_typing(index: KbIndex) -> None:
    assert top(index, "autolett", client_id="lario") == "kb-lario-autolettura"
    assert top(index, "domicil", client_id="energia") == "kb-energia-domiciliazione"
    assert top(index, "perdita occ", client_id="lario") == "kb-lario-perdita-occulta"


def test_filters_by_area_kind_and_client(index: KbIndex) -> None:
    hits = index.search("bolletta ", kind="faq", limit=20)
    assert hits and all(h.kind == "faq" for h in hits)
    hits = index.search("bolletta ", area="pagamenti", limit=20)
    assert hits and all(h.area == "pagamenti" for h in hits)
    hits = index.search("voltura ", client_id="lario", limit=20)
    assert hits and all(h.client_id in ("lario", None) for h in hits)


def test_the_interactions_client_comes_first(index: KbIndex) -> None:
    assert top(index, "voltura ", client_id="energia") == "kb-energia-voltura"
    assert top(index, "voltura ", client_id="lario") == "kb-lario-voltura"


def test_english_queries_find_english_articles(index: KbIndex) -> None:
    assert top(index, "moving house final bill ") == "kb-english-moving"


def test_snippets_mark_the_matched_words_and_escape_the_rest(index: KbIndex) -> None:
    hit = index.search("conguaglio letture stimate ", client_id="lario")[0]
    assert "<b>conguaglio</b>" in hit.snippet.lower()
    assert "<b>stimate</b>" in hit.snippet
    assert "'" not in hit.snippet  # escaped as &#x27;


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"voltura',
        "*",
        "voltura*",
        "NEAR(voltura subentro)",
        "voltura OR",
        "OR",
        "AND NOT",
        "x" * 10_000,
        "voltura " * 2_000,
        "((((",
        "title:voltura",
        "^voltura",
        "-",
        "",
        "  ",
        "\x00\x01",
        "💧💧",
        "'",
    ],
)
def test_any_text_is_a_safe_query(index: KbIndex, q: str) -> None:
    hits = index.search(q)
    assert isinstance(hits, list)


def test_fts_syntax_words_are_searched_as_words(index: KbIndex) -> None:
    assert top(index, 'NEAR("voltura" OR subentro*) ', client_id="lario") in {
        "kb-lario-voltura",
        "kb-lario-subentro",
    }


def test_changes_are_searchable_at_once_and_deletions_vanish() -> None:
    index = demo_index()
    from agentdesk.search import Doc

    index.upsert(
        [Doc(id="new", title="Zanzariere omaggio", body="promo", area="x", kind="news")], version=2
    )
    assert top(index, "zanzariere ") == "new"
    index.delete(["new"], version=3)
    assert index.search("zanzariere ") == []
    assert index.version == 3


def test_article_finder_answers_a_customer_message_or_stays_silent(index: KbIndex) -> None:
    from agentdesk.search import ArticleFinder

    finder = ArticleFinder(index)
    hit = finder.best("Buongiorno, vorrei pagare la bolletta a rate, è possibile?", "energia")
    assert hit is not None and hit.id == "kb-energia-rateizzazione"
    assert finder.best("Grazie mille, buona giornata!", "energia") is None
    assert finder.best("", None) is None


def test_an_index_file_from_before_the_heads_table_is_brought_up_to_date(tmp_path: Path) -> None:
    import sqlite3

    from tests.unit.search.corpus import demo_docs

    path = tmp_path / "kb.sqlite3"
    first = KbIndex(path)
    first.upsert(demo_docs(), version=1)
    first._db.close()
    old = sqlite3.connect(path)  # as a previous version left it: no titles table, no layout
    old.execute("DELETE FROM heads")
    old.execute("DELETE FROM meta WHERE key = 'layout'")
    old.commit()
    old.close()
    again = KbIndex(path)
    assert again.version == 1
    assert top(again, "voltura ", client_id="lario") == "kb-lario-voltura"
    assert again._db.execute("SELECT count(*) FROM heads").fetchone()[0] == again.count()
