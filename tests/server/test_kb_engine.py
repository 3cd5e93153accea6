"""The server's KB engine: searches run on the event loop, and wait off it while the index
is being written (an import holds the index for seconds; the server must go on answering)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

from agentdesk.search import Doc
from agentdesk.server.db import Database
from agentdesk.server.kb.engine import KbEngine


def doc(doc_id: str, title: str) -> Doc:
    return Doc(id=doc_id, title=title, body=title + ": come si fa", area="contratti", kind="faq")


async def test_a_search_during_a_write_waits_without_stopping_the_server(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'kb.sqlite3'}")
    try:
        engine = KbEngine(db, str(tmp_path / "index.sqlite3"))
        engine.index.upsert([doc("a1", "Voltura del contratto")], version=1)
        writing, release = threading.Event(), threading.Event()

        def slow_batch() -> Iterator[Doc]:  # the index stays locked until released
            writing.set()
            release.wait(30)
            yield doc("a2", "Voltura per decesso")

        write = asyncio.create_task(engine._write(engine.index.upsert, slow_batch(), 2))
        assert await asyncio.to_thread(writing.wait, 30)
        # Were the search to block the loop on the index, this timer would end the wait.
        threading.Timer(5, release.set).start()
        search = asyncio.create_task(
            engine.search("voltura", area=None, kind=None, client_id=None, limit=10)
        )
        ticks = 0
        for _ in range(50):  # the loop goes on serving other work meanwhile
            await asyncio.sleep(0.001)
            ticks += 1
        assert ticks == 50 and not search.done()
        release.set()
        hits = await search
        await write
        assert {h.id for h in hits} == {"a1", "a2"}  # it ran once the batch was in
        # With nothing being written it answers on the loop, the same as the index.
        inline = await engine.search("voltura", area=None, kind=None, client_id=None, limit=10)
        assert [h.id for h in inline] == [h.id for h in engine.index.search("voltura")]
    finally:
        await db.dispose()
