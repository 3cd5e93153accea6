"""Relevance: nDCG@5 of our search against plain FTS5 on the same corpus and queries.

Plain FTS5 is the floor: the article text in an FTS5 table with the default ``unicode61``
tokenizer (no stemming, no synonyms, no typo tolerance), queried with the operator's words
(all of them, FTS5's implicit AND; and any of them, OR), ranked by bm25.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable

from agentdesk.search import KbIndex
from tests.unit.search.corpus import demo_docs, demo_index
from tests.unit.search.judgments import JUDGED

Ranker = Callable[[str, str | None], list[str]]


def ndcg_at(ranked: list[str], grades: dict[str, int], k: int = 5) -> float:
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mean_ndcg(rank: Ranker, with_client: bool = True) -> float:
    total = sum(ndcg_at(rank(q, c if with_client else None), g) for q, c, g in JUDGED)
    return total / len(JUDGED)


def plain_fts5(operator: str) -> Ranker:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, client UNINDEXED, title, body)")
    for d in demo_docs():
        db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", (d.id, d.client_id, d.title, d.body))

    def rank(q: str, client: str | None) -> list[str]:
        words = re.findall(r"\w+", q)
        if not words:
            return []
        expr = f" {operator} ".join('"' + w + '"' for w in words)
        sql = "SELECT id FROM t WHERE t MATCH ? "
        params: list[object] = [expr]
        if client:
            sql += "AND (client = ? OR client IS NULL) "
            params.append(client)
        return [r[0] for r in db.execute(sql + "ORDER BY bm25(t) LIMIT 5", params)]

    return rank


def ours(index: KbIndex) -> Ranker:
    def rank(q: str, client: str | None) -> list[str]:
        return [h.id for h in index.search(q, client_id=client, limit=5)]

    return rank


def test_our_search_clearly_beats_plain_fts5() -> None:
    rankers = {
        "ours": ours(demo_index()),
        "plain FTS5 (AND)": plain_fts5("AND"),
        "plain FTS5 (OR)": plain_fts5("OR"),
    }
    print(f"\nnDCG@5 over {len(JUDGED)} judged operator queries (with / without client):")
    for with_client in (True, False):
        figures = {name: mean_ndcg(rank, with_client) for name, rank in rankers.items()}
        label = "interaction's client" if with_client else "no client"
        print(f"  {label}: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
        floor = max(figures["plain FTS5 (AND)"], figures["plain FTS5 (OR)"])
        assert figures["ours"] >= floor + 0.08
        assert figures["ours"] >= 0.85


def test_the_measure_can_fail() -> None:
    assert ndcg_at(["a", "b"], {"a": 3}) == 1.0
    assert ndcg_at(["b", "a"], {"a": 3}) < 1.0
    assert ndcg_at(["x"], {"a": 3}) == 0.0
