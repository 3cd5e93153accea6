"""``LocalKnowledgeBase``: the desktop's own copy of the knowledge base.

A :class:`~agentdesk.search.KbIndex` file in the user data directory, kept in step with the
server through ``/kb/changes``. Searching reads only that file: it works with the server
down and never waits on the network; syncing runs in the background and failures only
delay it. The ranking is the server's, because the index code is the same.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from agentdesk.protocol.base import utcnow
from agentdesk.protocol.kb import KbChanges
from agentdesk.search import Doc, Hit, KbIndex
from agentdesk.search.wire import doc_from_article, iso

log = logging.getLogger(__name__)

#: ``since`` -> the changes after it (``ApiClient.kb_changes``).
ChangesSource = Callable[[int], Awaitable[KbChanges]]

#: Seconds between background syncs.
SYNC_EVERY_S = 30.0


class LocalKnowledgeBase:
    """Search and read articles locally; :meth:`sync` brings the copy up to date."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        self.index = KbIndex(path)
        self._sync_lock = asyncio.Lock()

    @property
    def version(self) -> int:
        return self.index.version

    def search(
        self,
        text: str,
        *,
        area: str | None = None,
        kind: str | None = None,
        client_id: str | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """Ranked hits from the local copy (no network)."""
        return self.index.search(
            text, area=area, kind=kind, client_id=client_id, limit=limit, now=iso(utcnow())
        )

    def article(self, article_id: str) -> Doc | None:
        return self.index.get(article_id)

    def article_html(self, article_id: str) -> str | None:
        """The article's sanitised HTML (no scripts, no images, links only ``kb:``/https)."""
        # Markdown and its sanitiser load with the first article opened, not at start-up.
        from agentdesk.search.render import render_markdown

        doc = self.index.get(article_id)
        return None if doc is None else render_markdown(doc.body)

    async def sync(self, fetch: ChangesSource) -> int:
        """Apply the server's changes since the local version; returns articles touched.

        Raises what ``fetch`` raises (the copy stays as it was, consistent)."""
        touched = 0
        async with self._sync_lock:
            while True:
                since = self.index.version
                page = await fetch(since)
                if page.version < since:
                    # the server's KB is not the one this copy was made from: start again
                    await asyncio.to_thread(self.index.clear)
                    continue
                if page.version == since and not page.articles and not page.deleted:
                    return touched
                docs = [doc_from_article(a) for a in page.articles]
                await asyncio.to_thread(self._apply, docs, page.deleted, page.version)
                touched += len(docs) + len(page.deleted)
                if not page.more:
                    return touched

    def _apply(self, docs: list[Doc], deleted: list[str], version: int) -> None:
        if deleted:
            self.index.delete(deleted)
        self.index.upsert(docs, version=version)

    async def follow(self, fetch: ChangesSource, every_s: float = SYNC_EVERY_S) -> None:
        """Sync now and then every ``every_s`` seconds until cancelled."""
        while True:
            try:
                await self.sync(fetch)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the server may be down: search goes on locally
                log.info("knowledge base not synced (%s); will retry", exc)
            await asyncio.sleep(every_s)
