"""``KbIndex``: the SQLite FTS5 index of the knowledge base, and its search.

The FTS5 table holds analysed text (stems) in three columns weighted by bm25 (title >
tags > body); a plain table beside it keeps each article's fields for filters, snippets and
offline reading. The server and the desktop both use this class, so ranking is identical.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from agentdesk.search.analysis import Analyzer, detect_language
from agentdesk.search.documents import Doc, Hit
from agentdesk.search.markup import plain_text
from agentdesk.search.query import Query, parse
from agentdesk.search.snippet import make_snippet
from agentdesk.search.synonyms import SynonymTable
from agentdesk.search.vocabulary import Vocabulary

#: bm25 weights of the title, tags, body and facets columns.
WEIGHTS = (8.0, 4.0, 1.0, 0.0)
#: Articles ranked by bm25 before the final ordering looks at them.
POOL = 40
#: Matches (estimated) up to which every match is scored by bm25.
EXACT_UP_TO = 1500
#: Newest matches scored when there are more.
WIDE = 300
#: Score added to the current interaction's client's own articles.
CLIENT_BOOST = 0.35

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs(
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, body TEXT NOT NULL,
    plain TEXT NOT NULL, area TEXT NOT NULL, kind TEXT NOT NULL, client_id TEXT,
    tags TEXT NOT NULL, lang TEXT NOT NULL, valid_from TEXT, valid_to TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, tags, body, facets, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, col);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class KbIndex:
    """A knowledge-base index in one SQLite file (or in memory); safe across threads."""

    def __init__(self, path: str | Path = ":memory:", synonyms: str | None = None) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)
        weights = ", ".join(str(w) for w in WEIGHTS)
        self._db.execute("INSERT INTO fts(fts, rank) VALUES ('rank', ?)", (f"bm25({weights})",))
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self.analyzer = Analyzer()
        self.synonyms = SynonymTable.load(self.analyzer, synonyms)
        self.vocabulary = Vocabulary()
        self._load_vocabulary()

    # ---- writing ------------------------------------------------------------------------

    @property
    def version(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return int(row[0]) if row else 0

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def upsert(self, docs: Iterable[Doc], version: int | None = None) -> int:
        """Add or replace articles (one transaction); returns how many were written."""
        n = 0
        with self._lock:
            self._db.execute("BEGIN")
            try:
                for doc in docs:
                    self._write(doc)
                    n += 1
                if version is not None:
                    self._set_version(version)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if n > 50:
                self._load_vocabulary()
        return n

    def delete(self, ids: Iterable[str], version: int | None = None) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            try:
                for doc_id in ids:
                    self._remove(doc_id)
                if version is not None:
                    self._set_version(version)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def clear(self) -> None:
        with self._lock:
            self._db.executescript(
                "BEGIN; DELETE FROM docs; DELETE FROM fts; DELETE FROM meta; COMMIT;"
            )
            self._load_vocabulary()

    def _set_version(self, version: int) -> None:
        self._db.execute(
            "INSERT INTO meta(key, value) VALUES ('version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )

    def _remove(self, doc_id: str) -> None:
        row = self._db.execute("SELECT rid FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            self._db.execute("DELETE FROM fts WHERE rowid = ?", row)
            self._db.execute("DELETE FROM docs WHERE rid = ?", row)

    def _write(self, doc: Doc) -> None:
        self._remove(doc.id)
        plain = plain_text(doc.body)
        lang = detect_language(doc.title + "\n" + plain)
        analyse = self.analyzer.index_terms
        title, tags, body = (
            analyse(doc.title, lang),
            analyse(" ".join(doc.tags), lang),
            analyse(plain, lang),
        )
        cursor = self._db.execute(
            "INSERT INTO docs(id, title, body, plain, area, kind, client_id, tags, lang, "
            "valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.title,
                doc.body,
                plain,
                doc.area,
                doc.kind,
                doc.client_id,
                json.dumps(list(doc.tags), ensure_ascii=False),
                lang,
                doc.valid_from,
                doc.valid_to,
            ),
        )
        facets = " ".join((facet("a", doc.area), facet("k", doc.kind), facet("c", doc.client_id)))
        self._db.execute(
            "INSERT INTO fts(rowid, title, tags, body, facets) VALUES (?, ?, ?, ?, ?)",
            (cursor.lastrowid, " ".join(title), " ".join(tags), " ".join(body), facets),
        )
        self.vocabulary.add([*title, *tags, *body])

    def _load_vocabulary(self) -> None:
        rows = self._db.execute(
            "SELECT term, sum(doc) FROM fts_vocab WHERE col != 'facets' GROUP BY term"
        ).fetchall()
        self.vocabulary.replace(rows, self.count())

    # ---- reading ------------------------------------------------------------------------

    def get(self, doc_id: str) -> Doc | None:
        row = self._db.execute(
            "SELECT id, title, body, area, kind, client_id, tags, valid_from, valid_to "
            "FROM docs WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        return Doc(
            id=row[0],
            title=row[1],
            body=row[2],
            area=row[3],
            kind=row[4],
            client_id=row[5],
            tags=tuple(json.loads(row[6])),
            valid_from=row[7],
            valid_to=row[8],
        )

    def parse(self, text: str) -> Query:
        return parse(text, self.analyzer, self.synonyms, self.vocabulary)

    def search(
        self,
        text: str,
        *,
        area: str | None = None,
        kind: str | None = None,
        client_id: str | None = None,
        limit: int = 10,
        now: str | None = None,
    ) -> list[Hit]:
        """Articles answering ``text``, best first.

        ``client_id`` keeps that client's articles and the general ones (no client), the
        client's own first; ``now`` (ISO UTC) hides articles outside their validity.
        """
        limit = max(1, min(limit, 100))
        with self._lock:
            query = self.parse(text)
            if query.empty:
                return []
            rows, complete = self._candidates(query, area, kind, client_id, now, limit)
        return self._rank(query, rows, complete, client_id, limit)

    def _candidates(  # noqa: PLR0917 - private, called once
        self,
        query: Query,
        area: str | None,
        kind: str | None,
        client_id: str | None,
        now: str | None,
        limit: int,
    ) -> tuple[list[Sequence[object]], set[int]]:
        """Candidate rows, and the rowids known to answer every concept."""
        # Filters are tokens of the facets column, so FTS5 intersects them in its index
        # instead of SQLite joining every match to the docs table.
        filters = (area, kind, client_id)
        ranked = self._ranked(query.all_expression(), query.estimate_all(), *filters)
        complete = {rid for rid, _ in ranked}
        if len(ranked) < limit and len(query.concepts) > 1:
            more = self._ranked(query.any_expression(), query.estimate_any(), *filters)
            seen = {rid for rid, _ in ranked}
            ranked += [(rid, r) for rid, r in more if rid not in seen]
        if not ranked:
            return [], complete
        bm25 = dict(ranked)
        marks = ", ".join("?" * len(ranked))
        rows = self._db.execute(
            "SELECT d.id, d.title, d.plain, d.kind, d.area, d.client_id, d.lang, "
            "f.title, f.tags, f.body, d.rid, d.valid_from, d.valid_to "
            f"FROM docs d JOIN fts f ON f.rowid = d.rid WHERE d.rid IN ({marks})",
            [rid for rid, _ in ranked],
        ).fetchall()
        out: list[Sequence[object]] = []
        for row in rows:
            valid_from, valid_to = row[11], row[12]
            if now and ((valid_from and valid_from > now) or (valid_to and valid_to <= now)):
                continue
            out.append((*row[:10], bm25[row[10]], row[10]))
        return out, complete

    def _ranked(
        self,
        concepts: str,
        estimate: int,
        area: str | None,
        kind: str | None,
        client_id: str | None,
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of up to :data:`POOL` good articles matching ``concepts``.

        FTS5 scores every match before sorting, so when the vocabulary says the matches are
        many (a common word, a two-letter prefix) the pool is taken from articles with the
        words in their title or tags, newest first, and only those are scored: what is typed
        next narrows the matches and exact ranking takes over.
        """
        if estimate <= EXACT_UP_TO:
            found = self._match("{title tags body} : (" + concepts + ")", area, kind, client_id)
            return found
        found = self._match("{title tags} : (" + concepts + ")", area, kind, client_id, WIDE)
        if len(found) < POOL:
            seen = {rid for rid, _ in found}
            body = self._match(
                "{title tags body} : (" + concepts + ")", area, kind, client_id, WIDE
            )
            found += [item for item in body if item[0] not in seen]
        found.sort(key=lambda item: item[1])
        return found[:POOL]

    def _match(
        self,
        expression: str,
        area: str | None,
        kind: str | None,
        client_id: str | None,
        newest: int | None = None,
    ) -> list[tuple[int, float]]:
        if area:
            expression += f" AND facets : {facet('a', area)}"
        if kind:
            expression += f" AND facets : {facet('k', kind)}"
        if client_id:
            expression += f" AND facets : ({facet('c', client_id)} OR {facet('c', None)})"
        order = "rank" if newest is None else "rowid DESC"
        rows = self._db.execute(
            f"SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY {order} "
            f"LIMIT {newest or POOL}",
            (expression,),
        ).fetchall()
        return [(int(rid), float(r)) for rid, r in rows]

    def _rank(
        self,
        query: Query,
        rows: list[Sequence[object]],
        complete: set[int],
        client_id: str | None,
        limit: int,
    ) -> list[Hit]:
        if not rows:
            return []
        total = sum(c.weight for c in query.concepts) or 1.0
        best_bm25 = max(-float(str(r[10])) for r in rows) or 1.0
        scored: list[tuple[float, float, Sequence[object]]] = []
        for row in rows:
            title_terms = set(str(row[7]).split())
            if row[11] in complete:
                coverage = 1.0
            else:
                terms = title_terms | set(str(row[8]).split()) | set(str(row[9]).split())
                coverage = sum(c.weight for c in query.concepts if c.found_in(terms)) / total
            in_title = sum(c.weight for c in query.concepts if c.found_in(title_terms)) / total
            score = 2.0 * coverage + 1.0 * in_title + (-float(str(row[10]))) / best_bm25
            if client_id and row[5] == client_id:
                score += CLIENT_BOOST
            scored.append((score, coverage, row))
        scored.sort(key=lambda item: (-item[0], str(item[2][0])))
        hits = []
        for score, coverage, row in scored[:limit]:
            lang = str(row[6])

            def is_match(word: str, lang: str = lang) -> bool:
                if word[:2] not in query.heads:
                    return False
                return query.is_match(word) or query.is_match(self.analyzer.stem(word, lang))

            hits.append(
                Hit(
                    id=str(row[0]),
                    title=str(row[1]),
                    snippet=make_snippet(str(row[2]), is_match),
                    kind=str(row[3]),
                    area=str(row[4]),
                    client_id=None if row[5] is None else str(row[5]),
                    score=round(score, 4),
                    coverage=round(coverage, 3),
                )
            )
        return hits


def facet(prefix: str, value: str | None) -> str:
    """The token a filter value takes in the facets column (letters and digits only)."""
    if value is None:
        return prefix + "none"
    return prefix + hashlib.blake2s(value.encode(), digest_size=6).hexdigest()
