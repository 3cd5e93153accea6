"""``KbEngine``: the server's search index, kept in step with the database.

The database (SQLite or PostgreSQL) is the source of truth; the index is a SQLite FTS5 file
derived from it (beside the SQLite database, or in the cache directory on PostgreSQL). It
follows the KB version: a change made here is applied before the route answers, and a
change made by another server instance is picked up by the background loop within seconds.

Searching runs on the event loop, as the server's SQLite statements do
(:mod:`agentdesk.server.db.inline_sqlite`): a search is a few milliseconds of work under the
GIL, and handing it to a worker thread added two thread wake-ups and let the loop's own work
(other requests, background jobs) take the GIL between its SQLite calls, which made the
search slower than the work itself, most of all on a busy machine. Only while a change is
being applied (the index is locked for the whole batch) does a search wait on a thread, so
the loop never blocks on the index's lock.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url

from agentdesk.protocol.base import utcnow
from agentdesk.search.documents import Doc, Hit
from agentdesk.search.index import KbIndex
from agentdesk.search.wire import doc_from_article, iso
from agentdesk.server.db import Database
from agentdesk.server.kb.articles import changes, kb_state

log = logging.getLogger(__name__)

#: How often the index checks the database for changes made elsewhere.
POLL_S = 2.0


def index_path(database_url: str) -> str:
    """Where the index of the KB of ``database_url`` lives."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return ":memory:"
        return str(url.database) + ".kb-index.sqlite3"
    cache = Path(platformdirs.user_cache_dir("AgentDesk", appauthor=False))
    cache.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    return str(cache / f"kb-index-{digest}.sqlite3")


class KbEngine:
    """Search over an index that follows the database's KB version."""

    def __init__(self, db: Database, path: str) -> None:
        self.db = db
        self.index = KbIndex(path)
        self.index.prepare_vocabulary()
        self._lock = asyncio.Lock()
        #: Changes being written to the index on a worker thread (its lock is held).
        self._writing = 0

    async def sync(self) -> None:
        """Apply every change the index has not seen yet."""
        async with self._lock:
            async with self.db.read() as session:
                state = await kb_state(session)
                epoch, current = state.epoch, state.version
            if self.index.meta("epoch") != epoch or self.index.version > current:
                await self._write(self.index.clear)
                self.index.set_meta("epoch", epoch)
            while self.index.version < current:
                async with self.db.read() as session:
                    page = await changes(session, self.index.version, render=False)
                docs = [doc_from_article(a) for a in page.articles]
                await self._write(self._apply, docs, page.deleted, page.version)
                if not page.more:
                    break

    async def _write(self, change: Callable[..., object], *args: object) -> None:
        """Run a change of the index on a worker thread; searches meanwhile wait off the loop."""
        self._writing += 1
        try:
            await asyncio.to_thread(change, *args)
        finally:
            self._writing -= 1

    def _apply(self, docs: list[Doc], deleted: list[str], version: int) -> None:
        if deleted:
            self.index.delete(deleted)
        self.index.upsert(docs, version=version)
        # what searches look up in the vocabulary is rebuilt here, not in the next search
        self.index.prepare_vocabulary()

    async def run(self) -> None:
        """Build the index at start, then follow changes made by other instances."""
        while True:
            try:
                await self.sync()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("knowledge-base index sync failed; retrying")
            await asyncio.sleep(POLL_S)

    async def search(
        self,
        text: str,
        *,
        area: str | None,
        kind: str | None,
        client_id: str | None,
        limit: int,
    ) -> list[Hit]:
        search = functools.partial(
            self.index.search,
            text,
            area=area,
            kind=kind,
            client_id=client_id,
            limit=limit,
            now=iso(utcnow()),
        )
        if self._writing:
            return await asyncio.to_thread(search)
        return search()
