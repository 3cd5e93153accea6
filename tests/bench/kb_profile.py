"""Profile ``KbIndex.search`` as you type on a large synthetic index, without the server.

Not a test: a helper to judge a change to :mod:`agentdesk.search` quickly. It builds (once,
then reuses) an index of the demo articles plus ``--n`` generated ones, and a raw FTS5 table
of the same text as the in-run baseline, then searches every prefix of the judged queries:

    python -m tests.bench.kb_profile                    # timings against raw FTS5
    python -m tests.bench.kb_profile --profile          # plus cProfile of one pass
    python -m tests.bench.kb_profile --dump out.json    # every prefix's hits, to compare
    python -m tests.bench.kb_profile --compare out.json # same hits, scores and snippets?
    python -m tests.bench.kb_profile --warm --slow 30    # articles kept; slowest prefixes

The index file is copied from a pristine one on each run, so an index written by an older
layout goes through ``KbIndex._upgrade`` as a user's file would.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import sqlite3
import sys
import time
from dataclasses import asdict
from pathlib import Path

from agentdesk.search import Doc, KbIndex
from tests.bench._figures import percentile
from tests.bench.kb_corpus_gen import generate
from tests.bench.test_kb_search import prefixes, raw_query
from tests.unit.search.corpus import demo_docs

NOW = "2026-06-01T12:00:00Z"


def docs(n: int) -> list[Doc]:
    out = demo_docs()
    for i, a in enumerate(generate(n)):
        out.append(
            Doc(
                id=f"gen-{i:06d}",
                title=str(a["title"]),
                body=str(a["body"]),
                area=str(a["area"]),
                kind=str(a["kind"]),
                client_id=None if a["client_id"] is None else str(a["client_id"]),
                tags=tuple(a["tags"]),  # type: ignore[arg-type]
            )
        )
    return out


def prepare(work: Path, n: int) -> tuple[Path, sqlite3.Connection]:
    """The index file (a fresh copy of the pristine one) and the raw FTS5 table."""
    work.mkdir(parents=True, exist_ok=True)
    pristine, raw_path = work / f"pristine-{n}.sqlite3", work / f"raw-{n}.sqlite3"
    if not pristine.exists() or not raw_path.exists():
        articles = docs(n)
        t0 = time.perf_counter()
        index = KbIndex(work / "building.sqlite3")
        for start in range(0, len(articles), 5000):
            index.upsert(articles[start : start + 5000], version=start + 1)
        index._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        index._db.close()
        (work / "building.sqlite3").rename(pristine)
        print(f"built index of {len(articles)} in {time.perf_counter() - t0:.1f} s")
        raw = sqlite3.connect(raw_path)
        raw.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, prefix='2 3')")
        with raw:
            raw.executemany("INSERT INTO t VALUES (?, ?)", ((d.title, d.body) for d in articles))
        raw.close()
    copy = work / f"index-{n}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    shutil.copyfile(pristine, copy)
    return copy, sqlite3.connect(raw_path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kb-profile"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--warm", action="store_true", help="one index for all rounds")
    parser.add_argument("--slow", type=int, default=0, help="show the slowest prefixes")
    args = parser.parse_args()

    path, raw = prepare(args.work, args.n)
    t0 = time.perf_counter()
    index = KbIndex(path)
    index.vocabulary.prepare()
    print(f"opened (and upgraded) in {time.perf_counter() - t0:.2f} s: {index.count()} articles")
    typed = prefixes()

    def search(q: str, client: str | None) -> list[dict[str, object]]:
        return [asdict(h) for h in index.search(q, client_id=client, limit=10, now=NOW)]

    if args.dump or args.compare:
        results = {f"{q!r} {client}": search(q, client) for q, client in typed}
        if args.dump:
            args.dump.write_text(json.dumps(results, ensure_ascii=False, indent=0))
        if args.compare:
            expected = json.loads(args.compare.read_text())
            differ = [k for k in expected if expected[k] != results.get(k)]
            print(f"compared {len(expected)} prefixes: {len(differ)} differ")
            for k in differ[:5]:
                print(" ", k, "\n   was", expected[k][:2], "\n   now", results.get(k, [])[:2])
            if differ:
                sys.exit(1)

    for r in range(args.rounds):
        if not args.warm or r == 0:
            # a fresh index: what it keeps between searches starts empty, as after opening
            index = KbIndex(path)
            index.vocabulary.prepare()
        else:  # articles kept from the last round, but not its FTS5 look-ups
            index._lookups.clear()
        ours, base, cpu = [], [], []
        for q, client in typed:
            t0 = time.perf_counter()
            raw_query(raw, q)
            t1 = time.perf_counter()
            c1 = time.thread_time()
            index.search(q, client_id=client, limit=10, now=NOW)
            c2 = time.thread_time()
            t2 = time.perf_counter()
            base.append((t1 - t0) * 1000)
            ours.append((t2 - t1) * 1000)
            cpu.append((c2 - c1) * 1000)
        print(
            f"round {r}: raw FTS5 p50 {percentile(base, 50):.2f} p95 {percentile(base, 95):.2f}"
            f" | index p50 {percentile(ours, 50):.2f} p95 {percentile(ours, 95):.2f}"
            f" p99 {percentile(ours, 99):.2f} (x{percentile(ours, 95) / percentile(base, 95):.2f}"
            f" raw p95) | index CPU p50 {percentile(cpu, 50):.2f} p95 {percentile(cpu, 95):.2f}"
            f" mean {sum(cpu) / len(cpu):.2f}"
        )

    if args.slow:
        if not args.warm:
            index = KbIndex(path)
            index.vocabulary.prepare()
        phases: dict[str, float] = {}

        def timed(name: str, fn):  # type: ignore[no-untyped-def]
            def wrapper(*a, **k):  # type: ignore[no-untyped-def]
                t0 = time.thread_time()
                try:
                    return fn(*a, **k)
                finally:
                    phases[name] = phases.get(name, 0.0) + (time.thread_time() - t0) * 1000

            return wrapper

        for name in ("parse", "_pool", "_read", "_rank", "_hits"):
            setattr(index, name, timed(name, getattr(index, name)))
        rows = []
        for q, client in typed:
            phases.clear()
            t0 = time.thread_time()
            index.search(q, client_id=client, limit=10, now=NOW)
            rows.append(((time.thread_time() - t0) * 1000, q, client, dict(phases)))
        means = {k: sum(r[3].get(k, 0.0) for r in rows) / len(rows) for k in rows[0][3]}
        print("mean ms per search:", " ".join(f"{k} {v:.2f}" for k, v in means.items()))
        rows.sort(key=lambda r: -r[0])
        for total, q, client, ph in rows[: args.slow]:
            cells = " ".join(f"{k} {v:5.2f}" for k, v in ph.items())
            print(f"{total:6.2f} {q!r:40} {client or '-':8} {cells}")

    if args.profile:
        if not args.warm:
            index = KbIndex(path)
            index.vocabulary.prepare()
        profiler = cProfile.Profile()
        profiler.enable()
        for q, client in typed:
            index.search(q, client_id=client, limit=10, now=NOW)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
