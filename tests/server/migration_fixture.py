"""Make a database at one migration revision, filled through the API, as a frozen fixture.

``python -m tests.server.migration_fixture`` (run at the commit whose head is the revision
to freeze) starts the real server on a new SQLite file, drives a whole chat through the
gateway and the operator's API (offer, accept, messages, hang-up, wrap-up, a customer note),
stops it and writes the file as gzipped SQL to ``tests/data/migrations/<rev>.sql.gz`` with
a JSON summary of what the API wrote. ``test_migrations`` later upgrades that file to head
and checks that nothing was lost.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "migrations"


async def fill(server: Any) -> dict[str, Any]:
    """Drive a chat from offer to wrap-up and a note; return what a reader must find again."""
    from tests.server.helpers import customer, operator

    async with operator(server, "mario") as mario, customer(server) as c:
        known = (await mario.http.get("/customers/cus-lario-001")).json()
        await mario.ready()
        iid = await c.open_chat(handle=known["chat_handle"], entry_point="web-lario", text="Salve")
        for _ in range(200):
            items = (await mario.http.get("/interactions")).json()["items"]
            if any(i["id"] == iid for i in items):
                break
            await asyncio.sleep(0.05)
        assert (await mario.accept(iid)).status_code == 200
        assert (await mario.send(iid, "Buongiorno, come posso aiutarla?")).status_code == 201
        assert (await c.say(iid, "Vorrei la rateizzazione della bolletta.")).status_code == 201
        assert (await mario.http.post(f"/interactions/{iid}/hangup")).status_code == 200
        done = await mario.wrapup(iid, "autolettura", "Piano proposto in 3 rate", True)
        assert done.status_code == 200, done.text
        note = await mario.http.post(
            f"/customers/{known['id']}/notes",
            json={"text": "Richiamare dopo il 10", "idempotency_key": "fixture-note-0001"},
        )
        assert note.status_code == 201, note.text
        transcript = (await mario.http.get(f"/interactions/{iid}")).json()["messages"]
        return {
            "customer_id": known["id"],
            "interaction_id": iid,
            "transcript": [m["text"] for m in transcript],
            "note": "Richiamare dopo il 10",
            "wrapup_notes": "Piano proposto in 3 rate",
        }


def main() -> int:
    from agentdesk.server.db import schema
    from tests.conftest import LiveServer

    revision = schema.head()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fixture.sqlite3"
        server = LiveServer(f"sqlite+aiosqlite:///{path}", {})
        server.start()
        try:
            summary = asyncio.run(fill(server))
        finally:
            server.stop()
        con = sqlite3.connect(path)
        counts = {
            t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
            for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        dump = "\n".join(con.iterdump())
        con.close()
    FIXTURES.mkdir(parents=True, exist_ok=True)
    with gzip.open(FIXTURES / f"{revision}.sql.gz", "wt", encoding="utf-8") as out:
        out.write(dump)
    summary["revision"] = revision
    summary["counts"] = counts
    (FIXTURES / f"{revision}.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    print(f"wrote {FIXTURES / revision}.sql.gz ({len(dump)} characters of SQL)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
