"""What the index keeps between searches (parsed articles, snippet texts) never shows an
article as it was before a change, and the quicker paths find and rank exactly what the
plain ones do."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from pathlib import Path

from agentdesk.search import Doc, KbIndex
from agentdesk.search.analysis import WORD, fold_text
from agentdesk.search.cache import Lru
from agentdesk.search.scoring import Scorer, count_terms
from agentdesk.search.snippet import SCAN, make_snippet
from tests.unit.search.corpus import demo_docs, demo_index
from tests.unit.search.judgments import JUDGED


def doc(doc_id: str, title: str, body: str, **kw: object) -> Doc:
    return Doc(id=doc_id, title=title, body=body, area="x", kind="faq", **kw)  # type: ignore[arg-type]


def rowid(index: KbIndex, doc_id: str) -> int:
    return int(index._db.execute("SELECT rid FROM docs WHERE id = ?", (doc_id,)).fetchone()[0])


def test_a_changed_article_is_found_and_shown_as_it_is_now() -> None:
    index = demo_index()
    index.upsert([doc("z", "Zanzariere omaggio", "Promozione zanzariere estive")], version=2)
    hit = index.search("zanzariere ")[0]
    assert (hit.id, hit.title) == ("z", "Zanzariere omaggio")
    index.upsert([doc("z", "Tende da sole", "Promozione tende per il balcone")], version=3)
    assert index.search("zanzariere ") == []
    hit = index.search("tende ")[0]
    assert (hit.id, hit.title) == ("z", "Tende da sole")
    assert "<b>tende</b>" in hit.snippet.lower()
    assert "zanzariere" not in hit.snippet.lower()


def test_a_new_article_taking_a_deleted_ones_rowid_is_not_mistaken_for_it() -> None:
    index = demo_index()
    index.upsert([doc("old", "Ombrelloni in spiaggia", "ombrelloni e sdraio")], version=2)
    assert index.search("ombrelloni ")[0].id == "old"
    old_rowid = rowid(index, "old")
    index.delete(["old"], version=3)
    index.upsert([doc("new", "Ombrelloni rotti", "ombrelloni da riparare, sdraio")], version=4)
    assert rowid(index, "new") == old_rowid  # SQLite gave the rowid out again
    hits = index.search("ombrelloni ")
    assert [(h.id, h.title) for h in hits] == [("new", "Ombrelloni rotti")]
    assert "riparare" in hits[0].snippet


def test_a_change_written_by_another_connection_is_not_shown_stale(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    reader = KbIndex(path)
    reader.upsert([*demo_docs(), doc("last", "Caldaia in blocco", "caldaia e termosifoni")])
    assert reader.search("caldaia ")[0].title == "Caldaia in blocco"
    writer = KbIndex(path)  # another process: the same file, its own connection
    writer.upsert([doc("last", "Caldaia nuova", "caldaia e termosifoni, installazione")])
    assert rowid(writer, "last") == rowid(reader, "last")
    hit = reader.search("caldaia ")[0]
    assert (hit.id, hit.title) == ("last", "Caldaia nuova")
    assert "installazione" in hit.snippet
    writer.upsert([doc("more", "Caldaia rumorosa", "la caldaia fa rumore")])
    assert {h.id for h in reader.search("caldaia ")} == {"last", "more"}
    writer.delete(["last"])
    assert [h.id for h in reader.search("caldaia ")] == ["more"]


def test_a_search_asked_again_after_a_change_finds_the_change() -> None:
    index = demo_index()
    before = {h.id for h in index.search("bolletta ", client_id="lario", limit=100)}
    assert before and "new" not in before
    new = doc("new", "Bolletta in ritardo", "bolletta non arrivata", client_id="lario")
    index.upsert([new], version=2)
    after = {h.id for h in index.search("bolletta ", client_id="lario", limit=100)}
    assert after == before | {"new"}
    index.delete(sorted(before), version=3)
    assert [h.id for h in index.search("bolletta ", client_id="lario", limit=100)] == ["new"]


def test_a_failed_write_leaves_nothing_behind() -> None:
    index = demo_index()
    bad = Doc(id="bad", title=None, body="", area="x", kind="faq")  # type: ignore[arg-type]
    try:
        index.upsert([doc("lost", "Pannelli solari", "pannelli sul tetto"), bad], version=2)
    except TypeError:
        pass
    else:  # pragma: no cover - the bad article must make the batch fail
        raise AssertionError("the batch was written")
    assert index.search("pannelli ") == []
    index.upsert([doc("kept", "Pannelli fotovoltaici", "pannelli e inverter")], version=2)
    assert [h.title for h in index.search("pannelli ")] == ["Pannelli fotovoltaici"]


def test_what_is_kept_stays_bounded() -> None:
    lru: Lru[int, str] = Lru(3)
    for k in range(3):
        lru.put(k, str(k))
    assert lru.get(0) == "0"  # used: now the newest
    lru.put(3, "3")
    assert 1 not in lru and len(lru) == 3
    assert [lru.peek(k) for k in (0, 2, 3)] == ["0", "2", "3"]
    lru.discard(2)
    lru.clear()
    assert len(lru) == 0


def test_scoring_from_the_vocabulary_equals_scoring_every_term() -> None:
    index = demo_index()
    rows = index._db.execute("SELECT title, tags, body FROM fts").fetchall()
    counted = [count_terms(*row) for row in rows]
    queries = [q[:end] for q, _, _ in JUDGED for end in range(2, len(q) + 1, 3)]
    for q in queries:
        query = index.parse(q)
        if query.empty:
            continue
        scorer = Scorer(query, index.vocabulary)
        for row, terms in zip(rows, counted, strict=True):
            for complete in (False, True):
                plain = scorer.score(*row, complete)
                assert scorer.score_terms(terms, complete, listed=True) == plain, q
                assert scorer.score_terms(terms, complete, listed=False) == plain, q


def reference_snippet(text: str, is_match: Callable[[str], bool], window: int = 26) -> str:
    """The plain algorithm: every word tested, every window counted."""
    spans = [(m.start(), m.end()) for m in WORD.finditer(text)][:SCAN]
    if not spans:
        return html.escape(text[:200])
    folded = fold_text(text)
    hits = [is_match(folded[a:b]) for a, b in spans]
    counts = [sum(hits[s : s + window]) for s in range(max(1, len(spans) - window + 1))]
    best = counts.index(max(counts))
    end = min(len(spans), best + window)
    out, cursor = ["… " if best else ""], spans[best][0]
    for k in range(best, end):
        if hits[k]:
            a, b = spans[k]
            out += [html.escape(text[cursor:a]), f"<b>{html.escape(text[a:b])}</b>"]
            cursor = b
    out.append(html.escape(text[cursor : spans[end - 1][1]]))
    if end < len(spans) or spans[end - 1][1] < len(text.rstrip()):
        out.append(" …")
    return "".join(out)


def test_snippets_pick_the_same_window_as_counting_every_one() -> None:
    rnd = random.Random(5)
    vocabulary = ["bolletta", "rate", "conto", "acqua", "gas", "l'utenza", "<b>", "e", "x"]
    for _ in range(400):
        text = " ".join(rnd.choice(vocabulary) for _ in range(rnd.randint(0, 260)))
        wanted = set(rnd.sample(["bolletta", "rate", "conto", "acqua", "gas", "utenza"], 2))

        def is_match(word: str, wanted: set[str] = wanted) -> bool:
            return word in wanted

        heads = {w[:2] for w in wanted}
        expected = reference_snippet(text, is_match)
        assert make_snippet(text, is_match) == expected
        assert make_snippet(text, is_match, heads=heads) == expected
