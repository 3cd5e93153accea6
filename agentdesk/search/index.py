"""``KbIndex``: the SQLite FTS5 index of the knowledge base, and its search.

The FTS5 table holds analysed text (stems) in three columns weighted by bm25 (title >
tags > body); a plain table beside it keeps each article's fields for filters, snippets and
offline reading. The server and the desktop both use this class, so ranking is identical.
"""

from __future__ import annotations

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

#: bm25 weights of the title, tags and body columns.
WEIGHTS = (8.0, 4.0, 1.0)
#: Articles ranked by bm25 before the final ordering looks at them.
POOL = 120
#: Score added to the current interaction's client's own articles.
CLIENT_BOOST = 0.35

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs(
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, body TEXT NOT NULL,
    plain TEXT NOT NULL, area TEXT NOT NULL, kind TEXT NOT NULL, client_id TEXT,
    tags TEXT NOT NULL, lang TEXT NOT NULL, valid_from TEXT, valid_to TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, tags, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, row);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class KbIndex:
    """A knowledge-base index in one SQLite file (or in memory); safe across threads."""

    def __init__(self, path: str | Path = ":memory:", synonyms: str | None = None) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)
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
        self._db.execute(
            "INSERT INTO fts(rowid, title, tags, body) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, " ".join(title), " ".join(tags), " ".join(body)),
        )
        self.vocabulary.add([*title, *tags, *body])

    def _load_vocabulary(self) -> None:
        rows = self._db.execute("SELECT term, doc FROM fts_vocab").fetchall()
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
            rows = self._candidates(query, area, kind, client_id, now)
        return self._rank(query, rows, client_id, limit)

    def _candidates(
        self,
        query: Query,
        area: str | None,
        kind: str | None,
        client_id: str | None,
        now: str | None,
    ) -> list[Sequence[object]]:
        where = ["fts MATCH ?"]
        params: list[object] = [query.expression()]
        if area:
            where.append("d.area = ?")
            params.append(area)
        if kind:
            where.append("d.kind = ?")
            params.append(kind)
        if client_id:
            where.append("(d.client_id = ? OR d.client_id IS NULL)")
            params.append(client_id)
        if now:
            where.append("(d.valid_from IS NULL OR d.valid_from <= ?)")
            where.append("(d.valid_to IS NULL OR d.valid_to > ?)")
            params += [now, now]
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = (
            f"SELECT d.id, d.title, d.plain, d.kind, d.area, d.client_id, d.lang, "
            f"fts.title, fts.tags, fts.body, bm25(fts, {weights}) AS rank "
            f"FROM fts JOIN docs d ON d.rid = fts.rowid WHERE {' AND '.join(where)} "
            f"ORDER BY rank LIMIT {POOL}"
        )
        return self._db.execute(sql, params).fetchall()

    def _rank(
        self, query: Query, rows: list[Sequence[object]], client_id: str | None, limit: int
    ) -> list[Hit]:
        if not rows:
            return []
        total = sum(c.weight for c in query.concepts) or 1.0
        best_bm25 = max(-float(str(r[10])) for r in rows) or 1.0
        scored: list[tuple[float, Sequence[object]]] = []
        for row in rows:
            title_terms = set(str(row[7]).split())
            terms = title_terms | set(str(row[8]).split()) | set(str(row[9]).split())
            coverage = sum(c.weight for c in query.concepts if c.found_in(terms)) / total
            in_title = sum(c.weight for c in query.concepts if c.found_in(title_terms)) / total
            score = 2.0 * coverage + 1.0 * in_title + (-float(str(row[10]))) / best_bm25
            if client_id and row[5] == client_id:
                score += CLIENT_BOOST
            scored.append((score, row))
        scored.sort(key=lambda item: -item[0])
        hits = []
        for score, row in scored[:limit]:
            lang = str(row[6])

            def is_match(word: str, lang: str = lang) -> bool:
                return query.is_match(self.analyzer.stem(word, lang)) or query.is_match(word)

            hits.append(
                Hit(
                    id=str(row[0]),
                    title=str(row[1]),
                    snippet=make_snippet(str(row[2]), is_match),
                    kind=str(row[3]),
                    area=str(row[4]),
                    client_id=None if row[5] is None else str(row[5]),
                    score=round(score, 4),
                )
            )
        return hits
