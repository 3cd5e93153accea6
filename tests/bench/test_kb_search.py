"""Knowledge-base search as you type over 50,000 articles: server, desktop, raw FTS5.

Every prefix of realistic operator queries is searched, as the panel does on each key.
Rows, all over the same articles in the same run:
- raw FTS5: the article text in a plain FTS5 table (unicode61), the typed words ANDed, the
  last one a prefix, bm25, 10 rows: the baseline;
- desktop index: ``LocalKnowledgeBase.search`` on the copy synced through ``/kb/changes``;
- server index: ``/kb/search`` over HTTP on loopback (round trip) and its ``took_ms``.
Also: import time (10 calls of 5,000), desktop sync time, index build time and size.
Run: .venv/bin/python -m pytest tests/bench/test_kb_search.py -s -o addopts=""
Smaller: AGENTDESK_BENCH_KB=5000 ...
Where the time goes (no server, cProfile, slowest prefixes): python -m tests.bench.kb_profile
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import statistics
import time
from pathlib import Path

import httpx
import pytest

from agentdesk.client.kb_index import LocalKnowledgeBase
from agentdesk.protocol import API_PREFIX
from agentdesk.protocol.kb import KbChanges
from agentdesk.server.config import ServerSettings
from agentdesk.server.embedded import EmbeddedServer
from tests.bench._figures import percentile
from tests.bench.kb_corpus_gen import generate
from tests.unit.search.judgments import JUDGED

N = int(os.environ.get("AGENTDESK_BENCH_KB", "50000"))
BATCH = 5000


def prefixes() -> list[tuple[str, str | None]]:
    """Every prefix of each judged query (from 2 characters), with its client."""
    out = []
    for q, client, _ in JUDGED:
        for end in range(2, len(q) + 1):
            out.append((q[:end], client))
    return out


def line(name: str, samples: list[float], base: float | None) -> str:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    note = "baseline" if base is None else f"p95 x{p95 / base:.1f} baseline"
    return (
        f"{name:34}{len(samples):6d}{p50:9.2f}{p95:9.2f}{percentile(samples, 99):9.2f}"
        f"{statistics.fmean(samples):9.2f}{max(samples):9.2f}   {note}"
    )


def raw_fts5(articles: list[dict[str, object]], path: Path) -> tuple[sqlite3.Connection, float]:
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, prefix='2 3')")
    with db:
        db.executemany("INSERT INTO t VALUES (?, ?)", ((a["title"], a["body"]) for a in articles))
    return db, time.perf_counter() - started


def raw_query(db: sqlite3.Connection, typed: str) -> list[tuple[object, ...]]:
    words = re.findall(r"\w+", typed)
    if not words:
        return []
    expr = " ".join(f'"{w}"' for w in words) + ("*" if typed[-1].isalnum() else "")
    return db.execute(
        "SELECT rowid, highlight(t, 1, '<b>', '</b>') FROM t WHERE t MATCH ? "
        "ORDER BY bm25(t) LIMIT 10",
        (expr,),
    ).fetchall()


async def run(tmp: Path) -> tuple[dict[str, list[float]], dict[str, float], int]:
    articles = generate(N)
    typed = prefixes()
    print(
        f"\n== KB search as you type: {N} articles, {len(typed)} prefixes of "
        f"{len(JUDGED)} operator queries (ms)"
    )

    raw_path = tmp / "raw.sqlite3"
    raw, raw_build = raw_fts5(articles, raw_path)
    raw_ms = []
    for q, _ in typed:
        t0 = time.perf_counter()
        raw_query(raw, q)
        raw_ms.append((time.perf_counter() - t0) * 1000)

    settings = ServerSettings(
        database_url=f"sqlite+aiosqlite:///{tmp / 'server.sqlite3'}",
        demo=True,
        simulate=False,
        gateway_key="bench",
    )
    server = EmbeddedServer(settings, port=0)
    server.start()
    try:
        base = f"http://127.0.0.1:{server.port}{API_PREFIX}"
        async with httpx.AsyncClient(base_url=base, timeout=600) as http:

            async def sign_in() -> None:  # again after long phases: tokens expire
                r = await http.post("/auth/login", json={"username": "admin", "password": "demo"})
                http.headers["Authorization"] = f"Bearer {r.json()['access_token']}"

            await sign_in()
            t0 = time.perf_counter()
            for start in range(0, N, BATCH):
                r = await http.post(
                    "/admin/kb/import", json={"articles": articles[start : start + BATCH]}
                )
                assert r.status_code == 201, r.text[:300]
                await sign_in()
            import_s = time.perf_counter() - t0
            print(f"imported in {import_s:.1f} s", flush=True)

            server_ms, took_ms = [], []
            for q, client in typed:
                params = {"q": q, "limit": 10} | ({"client_id": client} if client else {})
                t0 = time.perf_counter()
                r = await http.get("/kb/search", params=params)
                server_ms.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200
                took_ms.append(float(r.json()["took_ms"]))

            async def fetch(since: int) -> KbChanges:
                r = await http.get("/kb/changes", params={"since": since})
                return KbChanges.model_validate(r.json())

            await sign_in()
            local = LocalKnowledgeBase(tmp / "desktop-kb.sqlite3")
            t0 = time.perf_counter()
            await local.sync(fetch)
            sync_s = time.perf_counter() - t0
    finally:
        server.stop()

    desktop_ms = []
    for q, client in typed:
        t0 = time.perf_counter()
        local.search(q, client_id=client)
        desktop_ms.append((time.perf_counter() - t0) * 1000)

    return (
        {"raw": raw_ms, "desktop": desktop_ms, "took": took_ms, "server": server_ms},
        {"raw_build": raw_build, "import": import_s, "sync": sync_s},
        local.index.count(),
    )


@pytest.mark.timeout(3600)
def test_kb_search_latency(tmp_path: Path) -> None:
    samples, seconds, indexed = asyncio.run(run(tmp_path))
    raw_ms, desktop_ms = samples["raw"], samples["desktop"]
    took_ms, server_ms = samples["took"], samples["server"]
    raw_build, import_s, sync_s = seconds["raw_build"], seconds["import"], seconds["sync"]
    raw_path, tmp = tmp_path / "raw.sqlite3", tmp_path
    raw_p95 = percentile(raw_ms, 95)
    print(f"{'':34}{'n':>6}{'p50':>9}{'p95':>9}{'p99':>9}{'mean':>9}{'max':>9}")
    print(line("raw FTS5 (AND, last word prefix)", raw_ms, None))
    print(line("desktop index (local, offline)", desktop_ms, raw_p95))
    print(line("server index (took_ms)", took_ms, raw_p95))
    print(line("server /kb/search (HTTP round trip)", server_ms, raw_p95))
    local_size = sum(os.path.getsize(p) for p in tmp.glob("desktop-kb.sqlite3*"))
    print(
        f"build: raw FTS5 {raw_build:.1f} s, {os.path.getsize(raw_path) / 1e6:.1f} MB; "
        f"server import {N} in calls of {BATCH} (DB + index) {import_s:.1f} s; "
        f"desktop sync via /kb/changes {sync_s:.1f} s, index {local_size / 1e6:.1f} MB"
    )
    print(
        f"goal p95 <= 10 ms: desktop {percentile(desktop_ms, 95):.2f}, "
        f"server {percentile(took_ms, 95):.2f}"
    )
    assert indexed >= N  # the desktop copy holds every article
