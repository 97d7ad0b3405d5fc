"""National scale, measured (issue 4): build throughput, peak memory, point-in-time latency.

    python bench/bench_scale.py CORPUS_DIR [--db URL] [--lookups N]
    python bench/bench_scale.py CORPUS_DIR --incremental K [--db URL] [--compare SRC] [--store FILE | --template DB]
        [--added earliest|latest]

Builds CORPUS_DIR (a synthetic corpus from ``bench/make_corpus.py N DIR``)
into a fresh store with ``lexversion build`` in a child process (the full
command path, both cores: the build uses a process pool) and reports wall
time, throughput and the peak resident memory of the build and its workers.
Then, in this process and warm, the latency of point in time for random works:
status and expression (``Store.timeline`` + ``point_in_time``) and the whole
``show --format text`` path (``lexversion.app.query.show``), p50 and p99. The
default store is a new SQLite file; ``--db postgresql+psycopg://...`` measures
PostgreSQL (the database is emptied first).

``--incremental K`` (issue 15) measures the daily routine instead: the files
of K acts of CORPUS_DIR (``syn_NNNNNN_*``; the directory must hold at least
K + 101 acts; the first 101 are kept back to be added) are copied to a working directory and built fresh, then
each step is timed as a ``lexversion`` child process (wall time, peak resident
memory of it and its workers: ``RUSAGE_CHILDREN`` of a probe process that runs it): a build with nothing
changed, ``lexversion add`` of one new act, ``lexversion add`` of 100 new
acts, a build after one act's file changed (a line appended to it), and a
build after one act's files were removed. Each step's figure is also given
as a share of the fresh build's wall time, with its CPU time (user and system
of the step and its workers: on a shared machine wall time says more of the
other jobs than of the build) and the load average before and after.
``--compare SRC`` (another source tree's ``src``, e.g. ``git archive main src``
unpacked) runs every step with that code first and this code next, each on
its own store and copy of the corpus: before and after in one run.
``--added latest`` keeps back the last 101 acts of CORPUS_DIR instead of the
first (``--added earliest``, the default), and the K acts built are the first K:
the acts added are then the latest of their chains, adopted after the law on
local government (23 January 2001) that every synthetic act cites, so each
adds an ``in_force_evidence`` event to that law's stub, the hub every act of
the corpus adds one to (the earliest acts of a large corpus are adopted from
1994, before the law: their citation is no evidence, the hub stays as it is).
``--store FILE`` (SQLite) starts each variant from a copy of FILE, a store a
``lexversion build`` of the same K acts made, instead of building fresh (the
fresh build of 100,000 acts takes 20 minutes and more; the steps' shares of
it are then not given). ``--template DB`` does the same on PostgreSQL: each
variant's database is made anew as a copy of the database DB on the same
server (``CREATE DATABASE ... TEMPLATE DB``), which a ``lexversion build`` of
the same K acts filled.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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


def _acts(corpus: Path) -> dict[int, list[Path]]:
    """The files of ``corpus`` by act number (``syn_NNNNNN_LANG.txt``)."""
    out: dict[int, list[Path]] = {}
    for p in sorted(corpus.glob("syn_*.txt")):
        m = re.match(r"syn_(\d+)_", p.name)
        if m:
            out.setdefault(int(m.group(1)), []).append(p)
    return out


def _step(
    name: str, cmd: list[str], fresh: float | None, env: dict[str, str] | None = None
) -> float:
    """Time one step in a child of its own (so its peak memory is its own):
    wall time, CPU time (user + system of it and its workers: the machine may
    be shared, wall time is noisy) and peak resident memory."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter(); p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "w = time.perf_counter() - t\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "peak = u.ru_maxrss / 1024\n"
        "last = (p.stdout.strip() or p.stderr.strip()).splitlines() or ['exit %d' % p.returncode]\n"
        "print(f'{w:.3f} {u.ru_utime + u.ru_stime:.3f} {peak:.0f} {last[-1]}')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env
    )
    wall_s, cpu_s, peak_s, last = done.stdout.strip().split(" ", 3)
    wall = float(wall_s)
    share = f", {100 * wall / fresh:.1f}% of the fresh build" if fresh else ""
    print(f"{name}: {wall:.2f} s wall, {float(cpu_s):.2f} s CPU, peak {peak_s} MB{share}")
    print(f"    {last}", flush=True)
    return wall


@dataclass
class Variant:
    """One code base the steps run with: its ``name``, ``env`` of its child
    processes (``PYTHONPATH`` of another source tree, or none: this one), its
    store ``url`` and working corpus directory ``work``; ``fresh``: its fresh
    build's wall time."""

    name: str
    env: dict[str, str] | None
    url: str
    work: Path
    fresh: float | None = None


def _second_url(url: str, suffix: str) -> str:
    """A second store beside ``url`` (SQLite: another file; PostgreSQL: another
    database on the server, created when missing), emptied."""
    if not url.startswith("postgresql"):
        return url.replace(".db", f"-{suffix}.db")
    from sqlalchemy import make_url

    u = make_url(url)
    engine = create_engine(u, isolation_level="AUTOCOMMIT")
    name = f"{u.database}_{suffix}"
    with engine.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    other = u.set(database=name).render_as_string(hide_password=False)
    _reset(other)
    return other


def _from_template(template: str, url: str) -> None:
    """Make the PostgreSQL database of ``url`` anew as a copy of the database
    ``template`` on the same server (no connection may be open to ``template``)."""
    from sqlalchemy import make_url

    u = make_url(url)
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{u.database}" TEMPLATE "{template}"'))
    admin.dispose()


def _copy_store(store: Path, url: str) -> None:
    """Copy the SQLite store file ``store`` to the file of ``url`` (SQLite's
    backup: the store is in WAL mode, a file copy may miss pages)."""
    import sqlite3

    src, dst = sqlite3.connect(store), sqlite3.connect(url.removeprefix("sqlite:///"))
    src.backup(dst)
    src.close()
    dst.close()


def incremental(
    corpus: Path,
    k: int,
    url: str,
    compare: Path | None = None,
    store: Path | None = None,
    added: str = "earliest",
    template: str | None = None,
) -> None:
    """The ``--incremental K`` steps (see the module doc); with ``compare``
    (a source tree's ``src``), each step is run with that code first and this
    code next, each on its own store and copy of the corpus (same run, same
    machine load); with ``store`` (a SQLite file), each starts from a copy of
    it instead of a fresh build (``template``: the same on PostgreSQL, from that
    database); ``added``: which acts are kept back to be added, the
    ``earliest`` or the ``latest`` 101 (see the module doc)."""
    acts = _acts(corpus)
    if len(acts) < k + 101:
        raise SystemExit(f"{corpus}: {len(acts)} acts, need at least {k + 101}")
    # the acts to add are the earliest of each chain: they arrive late, beside
    # the acts that repeal them (a change that reaches other works)
    order = sorted(acts)
    if added == "latest":
        later, order = order[-101:], order[:-101]
    else:
        later, order = order[:101], order[101:]
    root = Path(tempfile.mkdtemp(prefix="lexversion-incr-"))
    variants = []
    if compare is not None:
        env = {**os.environ, "PYTHONPATH": str(compare.resolve())}
        variants.append(Variant("before", env, _second_url(url, "before"), root / "before"))
    variants.append(Variant("after" if compare else "", None, url, root / "corpus"))
    for v in variants:
        v.work.mkdir()
        for i in order[:k]:
            for p in acts[i]:
                shutil.copyfile(p, v.work / p.name)
    exe = str(Path(sys.executable).with_name("lexversion"))
    files = len(list(variants[0].work.iterdir()))
    print(f"backend {url.split(':', 1)[0]}; {k} acts, {files} files; steps in {root}")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")

    def each(name: str, args: Callable[[Variant], list[str]]) -> None:
        for v in variants:
            label = f"[{v.name}] {name}" if v.name else name
            wall = _step(label, [exe, *args(v), "--db", v.url], v.fresh, v.env)
            if v.fresh is None:
                v.fresh = wall

    def added(v: Variant, acts_: list[int]) -> list[str]:
        paths = []
        for i in acts_:
            for p in acts[i]:
                shutil.copyfile(p, v.work / p.name)
                paths.append(str(v.work / p.name))
        return paths

    def edit(v: Variant) -> list[str]:
        edited = v.work / acts[order[k // 2]][0].name
        edited.write_bytes(edited.read_bytes() + b"\n")
        return ["build", str(v.work)]

    def remove(v: Variant) -> list[str]:
        for p in acts[order[k // 3]]:
            (v.work / p.name).unlink()
        return ["build", str(v.work)]

    if store is None and template is None:
        each("fresh build", lambda v: ["build", str(v.work)])
    else:
        for v in variants:
            if template is not None:
                _from_template(template, v.url)
            elif store is not None:
                _copy_store(store, v.url)
            v.fresh = 0.0  # no fresh build: no shares of it
    each("no-change build", lambda v: ["build", str(v.work)])
    each("add one act (lexversion add)", lambda v: ["add", *added(v, later[:1])])
    each("add 100 acts (lexversion add)", lambda v: ["add", *added(v, later[1:101])])
    each("no-change build after adds", lambda v: ["build", str(v.work)])
    each("change one act (build)", edit)
    each("remove one act (build)", remove)
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--db")
    ap.add_argument("--lookups", type=int, default=2000)
    ap.add_argument("--incremental", type=int, metavar="K")
    ap.add_argument("--compare", type=Path, metavar="SRC")
    ap.add_argument("--store", type=Path, metavar="FILE")
    ap.add_argument("--template", metavar="DB", help="PostgreSQL: start from a copy of DB")
    ap.add_argument("--added", choices=["earliest", "latest"], default="earliest")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="lexversion-scale-")
    url = args.db or f"sqlite:///{tmp}/scale.db"
    _reset(url)
    if args.incremental:
        incremental(
            args.corpus,
            args.incremental,
            url,
            args.compare,
            args.store,
            args.added,
            args.template,
        )
        return
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
