"""``KbIndex``: the SQLite FTS5 index of the knowledge base, and its search.

The FTS5 table ``fts`` holds analysed text (stems) in three columns (title, tags, body) and
the filters as tokens; ``heads`` holds titles and tags alone, so the articles that name what
was asked in their title are found without reading every body's positions. FTS5 only finds
candidates; :mod:`agentdesk.search.scoring` ranks them (bm25 with title > tags > body, how
much of the query they cover). A plain table beside them keeps each article's fields for
filters, snippets and offline reading. The server and the desktop both use this class, so
ranking is identical.

Searching as you type asks about the same articles, and often the same FTS5 look-ups, key
after key: the index keeps the candidate articles it read parsed (their terms counted, see
:mod:`agentdesk.search.cache`), the texts of those it showed ready for snippets, and its
look-ups' rowids, all bounded. An article is forgotten when it is written or deleted, the
look-ups on any change, and everything when another connection changed the file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from agentdesk.search.analysis import Analyzer, detect_language
from agentdesk.search.cache import Article, Lru
from agentdesk.search.documents import Doc, Hit
from agentdesk.search.markup import plain_text
from agentdesk.search.query import Query, parse
from agentdesk.search.scoring import Scorer, count_terms
from agentdesk.search.snippet import SnippetText
from agentdesk.search.synonyms import SynonymTable
from agentdesk.search.vocabulary import Vocabulary

#: Version of the tables' layout: 2 added ``heads`` (titles and tags alone).
LAYOUT = "2"
#: Articles FTS5 hands over per look-up (newest first) for scoring in Python.
POOL = 60
#: Share of the articles above which a client filter is checked on the rows found.
CLIENT_IN_FTS = 0.5
#: Score added to the current interaction's client's own articles.
CLIENT_BOOST = 0.35
#: Candidate articles kept parsed between searches (typing the next letter finds most of
#: them again), and articles' texts kept ready for snippets (only the shown ones).
ARTICLES_KEPT = 4096
TEXTS_KEPT = 256
#: FTS5 look-ups kept with the rowids they found, until the index changes: typing often
#: asks the same again (a word's next letters keep its completions, "word x" is "word ").
LOOKUPS_KEPT = 256

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs(
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, body TEXT NOT NULL,
    plain TEXT NOT NULL, area TEXT NOT NULL, kind TEXT NOT NULL, client_id TEXT,
    tags TEXT NOT NULL, lang TEXT NOT NULL, valid_from TEXT, valid_to TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, tags, body, facets, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
CREATE VIRTUAL TABLE IF NOT EXISTS heads USING fts5(
    title, tags, facets, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
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
        self._upgrade()
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self.analyzer = Analyzer()
        self.synonyms = SynonymTable.load(self.analyzer, synonyms)
        self.vocabulary = Vocabulary()
        #: facet token -> articles holding it (a filter's selectivity)
        self._facets: dict[str, int] = {}
        #: rowid -> the article as last read, and its text ready for snippets; an article
        #: is forgotten whenever it is written or deleted (rowids are reused)
        self._articles: Lru[int, Article] = Lru(ARTICLES_KEPT)
        self._texts: Lru[int, SnippetText] = Lru(TEXTS_KEPT)
        self._lookups: Lru[tuple[str | None, ...], list[int]] = Lru(LOOKUPS_KEPT)
        #: SQLite's count of changes made by other connections to the file, when last seen
        self._data_version = self._read_data_version()
        self._load_vocabulary()

    def _upgrade(self) -> None:
        """Bring an index file written by an older version to :data:`LAYOUT`."""
        if self.meta("layout") == LAYOUT:
            return
        with self._lock:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM heads")
            self._db.execute(
                "INSERT INTO heads(rowid, title, tags, facets) "
                "SELECT rowid, title, tags, facets FROM fts"
            )
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES ('layout', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (LAYOUT,),
            )
            self._db.execute("COMMIT")

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

    def prepare_vocabulary(self) -> None:
        """Build the vocabulary's sorted words and typo buckets now, under the index's lock
        (a writer on another thread changes the vocabulary while it is read otherwise)."""
        with self._lock:
            self.vocabulary.prepare()

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def upsert(self, docs: Iterable[Doc], version: int | None = None) -> int:
        """Add or replace articles (one transaction); returns how many were written."""
        n = 0
        with self._lock:
            self._lookups.clear()
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
                self._forget_all()  # it kept articles that were not written after all
                raise
            if n > 50:
                self._load_vocabulary()
        return n

    def delete(self, ids: Iterable[str], version: int | None = None) -> None:
        with self._lock:
            self._lookups.clear()
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
                "BEGIN; DELETE FROM docs; DELETE FROM fts; DELETE FROM heads; DELETE FROM meta; "
                "COMMIT;"
            )
            self._db.execute("INSERT INTO meta(key, value) VALUES ('layout', ?)", (LAYOUT,))
            self._forget_all()
            self._load_vocabulary()

    def _forget(self, rid: int) -> None:
        self._articles.discard(rid)
        self._texts.discard(rid)

    def _forget_all(self) -> None:
        self._articles.clear()
        self._texts.clear()
        self._lookups.clear()

    def _read_data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _follow_other_writers(self) -> None:
        """Forget every article kept when another connection changed the file."""
        version = self._read_data_version()
        if version != self._data_version:
            self._data_version = version
            self._forget_all()

    def _set_version(self, version: int) -> None:
        self._db.execute(
            "INSERT INTO meta(key, value) VALUES ('version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )

    def _remove(self, doc_id: str) -> None:
        row = self._db.execute("SELECT rid FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            self._forget(int(row[0]))
            self._db.execute("DELETE FROM fts WHERE rowid = ?", row)
            self._db.execute("DELETE FROM heads WHERE rowid = ?", row)
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
        rid = int(cursor.lastrowid or 0)
        facets = " ".join((facet("a", doc.area), facet("k", doc.kind), facet("c", doc.client_id)))
        columns = " ".join(title), " ".join(tags), " ".join(body)
        self._db.execute(
            "INSERT INTO fts(rowid, title, tags, body, facets) VALUES (?, ?, ?, ?, ?)",
            (rid, *columns, facets),
        )
        self._db.execute(
            "INSERT INTO heads(rowid, title, tags, facets) VALUES (?, ?, ?, ?)",
            (rid, columns[0], columns[1], facets),
        )
        self.vocabulary.add([*title, *tags, *body])
        # the newest articles are the first candidates FTS5 hands over: keep them parsed
        article = Article(
            rid,
            doc.id,
            doc.title,
            doc.kind,
            doc.area,
            doc.client_id,
            lang,
            doc.valid_from,
            doc.valid_to,
            terms=count_terms(*columns),
            listed=True,
        )
        self._articles.put(rid, article)
        for token in facets.split():
            self._facets[token] = self._facets.get(token, 0) + 1

    def _load_vocabulary(self) -> None:
        rows = self._db.execute(
            "SELECT term, sum(doc), sum(cnt) FROM fts_vocab WHERE col != 'facets' GROUP BY term"
        ).fetchall()
        self._facets = dict(
            self._db.execute("SELECT term, doc FROM fts_vocab WHERE col = 'facets'").fetchall()
        )
        documents = self.count()
        tokens = sum(int(r[2]) for r in rows) + 3 * documents
        self.vocabulary.replace(((r[0], int(r[1])) for r in rows), documents, tokens)

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
            self._follow_other_writers()
            rows, complete = self._candidates(query, area, kind, client_id, now, limit)
            ranked = self._rank(query, rows, complete, client_id, limit)
            return self._hits(query, ranked)

    def _candidates(  # noqa: PLR0917 - private, called once
        self,
        query: Query,
        area: str | None,
        kind: str | None,
        client_id: str | None,
        now: str | None,
        limit: int,
    ) -> tuple[list[Article], set[int]]:
        """Candidate articles, and the rowids known to answer every concept.

        FTS5 only finds rowids here, newest first (it never scores: see
        :mod:`agentdesk.search.scoring`): articles answering every concept in their title
        or tags, then anywhere, then articles answering some of the concepts.
        """
        # A client filter that keeps most articles costs FTS5 more than it saves: then the
        # client is checked on the few rows found instead.
        kept = self._facets.get(facet("c", client_id), 0) + self._facets.get(facet("c", None), 0)
        if client_id and kept > CLIENT_IN_FTS * max(self.vocabulary.documents, 1):
            filters: tuple[str | None, ...] = (area, kind, None, client_id)
        else:
            filters = (area, kind, client_id, None)
        every, some = query.all_expression(), query.any_expression()
        found: list[int] = []
        if every is not None:
            found = self._pool(every, *filters)
        complete = set(found)
        if some is not None and len(found) < limit and len(query.concepts) > 1:
            more = [rid for rid in self._pool(some, *filters) if rid not in complete]
            found += more[: POOL - len(found)]
        if not found:
            return [], complete
        return [a for a in self._read(found) if a.valid_at(now)], complete

    def _read(self, rids: list[int]) -> list[Article]:
        """The articles of ``rids`` (those still indexed), parsed once and then kept."""
        out: list[Article] = []
        missing: list[int] = []
        for rid in rids:
            article = self._articles.get(rid)
            if article is None:
                missing.append(rid)
            else:
                out.append(article)
        if not missing:
            return out
        marks = ", ".join("?" * len(missing))
        vocabulary = self.vocabulary.df
        for row in self._db.execute(
            "SELECT d.rid, d.id, d.title, d.kind, d.area, d.client_id, d.lang, d.valid_from, "
            "d.valid_to, f.title, f.tags, f.body "
            f"FROM docs d JOIN fts f ON f.rowid = d.rid WHERE d.rid IN ({marks})",
            missing,
        ):
            rid, doc_id, title, kind, area, client_id, lang, valid_from, valid_to = row[:9]
            terms = count_terms(row[9], row[10], row[11])
            listed = all(map(vocabulary.__contains__, terms.terms))
            article = Article(
                rid, doc_id, title, kind, area, client_id, lang, valid_from, valid_to, terms, listed
            )
            self._articles.put(article.rid, article)
            out.append(article)
        return out

    def _pool(
        self,
        concepts: str,
        area: str | None,
        kind: str | None,
        client_id: str | None,
        visible_to: str | None,
    ) -> list[int]:
        """Rowids of up to :data:`POOL` articles matching ``concepts``, title and tags first.

        On a large index a common word matches thousands of articles; those with the words
        in their title or tags are the better ones, and what is typed next narrows the
        matches until every one of them is looked at.
        """
        found = self._match("heads", concepts, area, kind, client_id, visible_to)
        if len(found) < POOL:
            seen = set(found)
            body = self._match("fts", concepts, area, kind, client_id, visible_to)
            found += [rid for rid in body if rid not in seen][: POOL - len(found)]
        return found

    def _match(  # noqa: PLR0917 - private
        self,
        table: str,
        concepts: str,
        area: str | None,
        kind: str | None,
        client_id: str | None,
        visible_to: str | None,
    ) -> list[int]:
        """Newest rowids of ``table`` (``heads``: titles and tags; ``fts``: everything).

        ``client_id`` is a filter FTS5 applies; ``visible_to`` the same filter applied to
        the rows FTS5 returns (twice as many are asked for)."""
        expression = "(" + concepts + ")"
        if area:
            expression += f" AND facets : {facet('a', area)}"
        if kind:
            expression += f" AND facets : {facet('k', kind)}"
        if client_id:
            expression += f" AND facets : ({facet('c', client_id)} OR {facet('c', None)})"
        key = (table, concepts, area, kind, client_id, visible_to)
        kept = self._lookups.get(key)
        if kept is None:
            kept = self._lookup(table, expression, visible_to)
            self._lookups.put(key, kept)
        return list(kept)

    def _lookup(self, table: str, expression: str, visible_to: str | None) -> list[int]:
        """What :meth:`_match` finds, asked of SQLite."""
        wanted = POOL if visible_to is None else 2 * POOL
        rows = self._db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT {wanted}",
            (expression,),
        ).fetchall()
        found = [int(r[0]) for r in rows]
        if visible_to is None or not found:
            return found
        visible: set[int] = set()
        unknown: list[int] = []
        for rid in found:  # the articles already read say whose they are
            article = self._articles.peek(rid)
            if article is None:
                unknown.append(rid)
            elif article.client_id is None or article.client_id == visible_to:
                visible.add(rid)
        if unknown:
            marks = ", ".join("?" * len(unknown))
            visible.update(
                int(r[0])
                for r in self._db.execute(
                    f"SELECT rid FROM docs WHERE rid IN ({marks}) "
                    "AND (client_id IS NULL OR client_id = ?)",
                    [*unknown, visible_to],
                )
            )
        return [rid for rid in found if rid in visible][:POOL]

    def _rank(
        self,
        query: Query,
        articles: list[Article],
        complete: set[int],
        client_id: str | None,
        limit: int,
    ) -> list[tuple[float, float, Article]]:
        """(score, coverage, article) of the best ``limit`` articles."""
        if not articles:
            return []
        scorer = Scorer(query, self.vocabulary)
        scored = [(scorer.score_terms(a.terms, a.rid in complete, a.listed), a) for a in articles]
        best_bm25 = max(s.bm25 for s, _ in scored) or 1.0
        out = []
        for s, article in scored:
            score = 2.0 * s.coverage + 1.0 * s.in_title + s.bm25 / best_bm25
            if client_id and article.client_id == client_id:
                score += CLIENT_BOOST
            out.append((score, s.coverage, article))
        out.sort(key=lambda item: (-item[0], item[2].id))
        return out[:limit]

    def _hits(self, query: Query, ranked: list[tuple[float, float, Article]]) -> list[Hit]:
        """Hits with snippets; the text is read only for the articles shown."""
        texts = self._snippet_texts([a.rid for *_, a in ranked])
        hits = []
        for score, coverage, article in ranked:
            lang = article.lang

            def is_match(word: str, lang: str = lang) -> bool:
                if word[:2] not in query.heads:
                    return False
                return query.is_match(word) or query.is_match(self.analyzer.stem(word, lang))

            hits.append(
                Hit(
                    id=article.id,
                    title=article.title,
                    snippet=texts[article.rid].snippet(is_match, heads=query.heads),
                    kind=article.kind,
                    area=article.area,
                    client_id=article.client_id,
                    score=round(score, 4),
                    coverage=round(coverage, 3),
                )
            )
        return hits

    def _snippet_texts(self, rids: list[int]) -> dict[int, SnippetText]:
        out: dict[int, SnippetText] = {}
        missing: list[int] = []
        for rid in rids:
            text = self._texts.get(rid)
            if text is None:
                missing.append(rid)
            else:
                out[rid] = text
        if missing:
            marks = ", ".join("?" * len(missing))
            for rid, plain in self._db.execute(
                f"SELECT rid, plain FROM docs WHERE rid IN ({marks})", missing
            ):
                out[rid] = text = SnippetText(plain)
                self._texts.put(rid, text)
        return out


def facet(prefix: str, value: str | None) -> str:
    """The token a filter value takes in the facets column (letters and digits only)."""
    if value is None:
        return prefix + "none"
    return prefix + hashlib.blake2s(value.encode(), digest_size=6).hexdigest()
