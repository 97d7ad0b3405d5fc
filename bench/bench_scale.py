"""National scale, measured (issue 4): build throughput, peak memory, point-in-time latency.

    python bench/bench_scale.py CORPUS_DIR [--db URL] [--lookups N]

Builds CORPUS_DIR (a synthetic corpus from ``bench/make_corpus.py N DIR``)
into a fresh store with ``lexversion build`` in a child process (the full
command path, both cores: the build uses a process pool) and reports wall
time, throughput and the peak resident memory of the build and its workers.
Then, in this process and warm, the latency of point in time for random works:
status and expression (``Store.timeline`` + ``point_in_time``) and the whole
``show --format text`` path (``lexversion.app.query.show``), p50 and p99. The
default store is a new SQLite file; ``--db postgresql+psycopg://...`` measures
PostgreSQL (the database is emptied first).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from lexversion.app.query import show, store_for
from lexversion.timeline.pit import point_in_time


def _reset(url: str) -> None:
    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--db")
    ap.add_argument("--lookups", type=int, default=2000)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="lexversion-scale-")
    url = args.db or f"sqlite:///{tmp}/scale.db"
    _reset(url)
    files = [p for p in args.corpus.iterdir() if p.suffix == ".txt"]
    size = sum(p.stat().st_size for p in files)
    exe = Path(sys.executable).with_name("lexversion")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [str(exe), "build", str(args.corpus), "--db", url], capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:])
    backend = url.split(":", 1)[0]
    print(f"backend {backend}; {len(files)} files, {size / 1e6:.1f} MB")
    print(
        f"build: {wall:.1f} s wall, {len(files) / wall:.0f} files/s, {size / 1e6 / wall:.2f} MB/s"
    )
    print(f"peak memory (largest of build and its workers): {max(peak, before) / 1024:.0f} MB")

    store = store_for(url)
    works = store.works()
    rng = random.Random(7)
    sample = [rng.choice(works).frbr_uri for _ in range(args.lookups)]
    days = [date(2005, 1, 1).toordinal() + rng.randint(0, 7000) for _ in range(args.lookups)]
    for uri in sample[:50]:  # warm
        point_in_time(store.timeline(uri, cited_by=False), date.fromordinal(days[0]))
    status_ms: list[float] = []
    for uri, day in zip(sample, days, strict=True):
        t = time.perf_counter()
        point_in_time(store.timeline(uri, cited_by=False), date.fromordinal(day))
        status_ms.append((time.perf_counter() - t) * 1000)
    show_ms: list[float] = []
    for uri, day in zip(sample[: args.lookups // 4], days, strict=False):
        t = time.perf_counter()
        show(store, uri, date.fromordinal(day), None, "text")
        show_ms.append((time.perf_counter() - t) * 1000)
    print(f"{len(works)} works in the store")
    print(
        f"point in time (status + expression): p50 {_pct(status_ms, 0.5):.2f} ms, "
        f"p99 {_pct(status_ms, 0.99):.2f} ms over {len(status_ms)} lookups"
    )
    print(
        f"show --format text path: p50 {_pct(show_ms, 0.5):.2f} ms, p99 {_pct(show_ms, 0.99):.2f} ms "
        f"(mean {statistics.fmean(show_ms):.2f}) over {len(show_ms)} lookups"
    )


if __name__ == "__main__":
    main()
