"""``KbService``: the desktop's knowledge base behind the panel.

Searches the local copy (:class:`~agentdesk.client.kb_index.LocalKnowledgeBase`) on the
GUI thread (milliseconds, no network), keeps that copy in step with the server in the
background, and sends feedback and acknowledgements. Urgent communications come from
``GET /kb/urgent``, asked at start and every few seconds, so a banner appears for an urgent
note pushed while the desktop was away too, and stays until acknowledged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from agentdesk.client.kb_index import LocalKnowledgeBase
from agentdesk.protocol.kb import (
    KbAckResult,
    KbChanges,
    KbFeedbackResult,
    KbUrgentList,
    KbUrgentNote,
)
from agentdesk.search import Hit

log = logging.getLogger(__name__)

#: Seconds between looks for urgent communications.
URGENT_EVERY_S = 10.0
#: How often the local index catches up with the server's changes.
SYNC_EVERY_S = 30.0
#: The first retry after a failed sync or check (the desk starts before it has signed in;
#: later retries wait twice as long, up to the usual period).
RETRY_FIRST_S = 2.0


class KbApi(Protocol):
    """The REST calls the service needs (``ApiClient`` has them)."""

    async def kb_changes(self, since: int) -> KbChanges: ...

    async def kb_feedback(
        self, article_id: str, helpful: bool, interaction_id: str | None
    ) -> KbFeedbackResult: ...

    async def kb_ack(self, article_id: str) -> KbAckResult: ...

    async def kb_urgent(self) -> KbUrgentList: ...


class KbService(QObject):
    """Local search, background sync, urgent notes, feedback and acks."""

    synced = Signal(int)  # articles touched by the last sync
    urgentChanged = Signal(object)  # list[KbUrgentNote] not yet acknowledged
    failed = Signal(str)

    def __init__(
        self, kb: LocalKnowledgeBase, api: KbApi | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.kb = kb
        self.api = api
        self.urgent: list[KbUrgentNote] = []
        self._tasks: list[asyncio.Task[None]] = []

    # ---- local, immediate -------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        client_id: str | None = None,
        kind: str | None = None,
        area: str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        try:
            return self.kb.search(text, client_id=client_id, kind=kind, area=area, limit=limit)
        except Exception:  # a damaged local copy must not take the panel down
            log.exception("local knowledge-base search failed")
            return []

    def article_html(self, article_id: str) -> tuple[str, str] | None:
        doc = self.kb.article(article_id)
        html = self.kb.article_html(article_id)
        if doc is None or html is None:
            return None
        return doc.title, html

    # ---- background ---------------------------------------------------------------------

    def start(self, *_profile: object) -> None:
        """Begin syncing and watching urgent notes (once; later calls do nothing)."""
        if self.api is None or self._tasks:
            return
        api = self.api
        self._tasks = [
            asyncio.ensure_future(self._follow(api)),
            asyncio.ensure_future(self._watch_urgent(api)),
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []

    async def sync_now(self) -> int:
        if self.api is None:
            return 0
        touched = await self.kb.sync(self.api.kb_changes)
        self.synced.emit(touched)
        return touched

    async def _follow(self, api: KbApi) -> None:
        retry = RETRY_FIRST_S
        while True:
            try:
                await self.sync_now()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.info("knowledge base not synced (%s); searching the local copy", exc)
                # soon again (the desk starts before it has signed in), then less often
                await asyncio.sleep(retry)
                retry = min(retry * 2, SYNC_EVERY_S)
                continue
            retry = RETRY_FIRST_S
            await asyncio.sleep(SYNC_EVERY_S)

    async def _watch_urgent(self, api: KbApi) -> None:
        retry = RETRY_FIRST_S
        while True:
            try:
                await self.refresh_urgent()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.info("urgent communications not checked (%s)", exc)
                await asyncio.sleep(retry)
                retry = min(retry * 2, URGENT_EVERY_S)
                continue
            retry = RETRY_FIRST_S
            await asyncio.sleep(URGENT_EVERY_S)

    async def refresh_urgent(self) -> None:
        if self.api is None:
            return
        notes = (await self.api.kb_urgent()).items
        if [(n.id, n.version) for n in notes] != [(n.id, n.version) for n in self.urgent]:
            self.urgent = notes
            self.urgentChanged.emit(list(notes))

    def on_notice(self, level: str, _text: str) -> None:
        """An ``urgent`` notice from the event stream (``kb.urgent``): look now."""
        if level == "urgent" and self.api is not None and self._tasks:
            self._tasks.append(asyncio.ensure_future(self._refresh_quietly()))
            self._tasks = [t for t in self._tasks if not t.done()]

    async def _refresh_quietly(self) -> None:
        try:
            await self.refresh_urgent()
        except Exception as exc:
            log.info("urgent communications not checked (%s)", exc)

    def show_urgent(self, note: KbUrgentNote) -> None:
        """A ``kb.urgent`` event: show it now, without waiting for the next look."""
        if all(n.id != note.id or n.version != note.version for n in self.urgent):
            self.urgent = [n for n in self.urgent if n.id != note.id] + [note]
            self.urgentChanged.emit(list(self.urgent))

    # ---- operator actions ---------------------------------------------------------------

    async def feedback(self, article_id: str, helpful: bool, interaction_id: str | None) -> bool:
        if self.api is None:
            return False
        try:
            await self.api.kb_feedback(article_id, helpful, interaction_id)
            return True
        except Exception as exc:
            self.failed.emit(str(exc))
            return False

    async def acknowledge(self, article_id: str) -> bool:
        if self.api is None:
            return False
        try:
            await self.api.kb_ack(article_id)
        except Exception as exc:
            self.failed.emit(str(exc))
            return False
        self.urgent = [n for n in self.urgent if n.id != article_id]
        self.urgentChanged.emit(list(self.urgent))
        return True
