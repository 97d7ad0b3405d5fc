"""Build figures: the ``lexversion build`` command end to end, then ``pipeline.build`` in process.

1. ``lexversion build corpus --db sqlite:///<fresh temp file>``, run ``RUNS``
   times as a child process through the venv's console script (found next to
   ``sys.executable``), so interpreter start-up, imports, parsing, the graph,
   the Alembic check and the SQLite write are all measured: wall-clock time
   (``time.perf_counter`` around the child) and the child's own peak resident
   memory (``ru_maxrss`` of that child from ``os.wait4``, KiB on Linux).
2. ``pipeline.build`` in this process, warm (imports done, the XSD and
   language data loaded, one untimed build first): ``WARM_RUNS`` builds, each
   into a fresh SQLite store, and ``WARM_RUNS`` second builds into a store that
   already holds the corpus (nothing to write: "(no change)").

Milliseconds of wall-clock time; median, min and max. A script, not a test:
``python bench/bench_build.py [runs] [warm_runs]``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"
RUNS = 5
WARM_RUNS = 20


def console_script() -> Path:
    """The ``lexversion`` console script of the interpreter running this benchmark."""
    exe = Path(sys.executable).parent / ("lexversion.exe" if os.name == "nt" else "lexversion")
    if not exe.is_file():
        raise SystemExit(f"no lexversion console script next to {sys.executable}")
    return exe


def run_child(cmd: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Run ``cmd``; (wall seconds, peak RSS KiB of that child, its stdout).

    ``os.wait4`` reaps the child and returns its own resource usage, so the
    figure is not mixed with earlier children as ``RUSAGE_CHILDREN`` would be.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{stderr}")
    return wall, int(usage.ru_maxrss), stdout


def cli_builds(runs: int) -> tuple[list[float], list[int], str]:
    """``runs`` cold ``lexversion build`` children, each into a fresh temporary store."""
    exe = str(console_script())
    env = {k: v for k, v in os.environ.items() if k != "LEXVERSION_DB"}
    walls: list[float] = []
    rss: list[int] = []
    summary = ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.db"
            wall, peak, stdout = run_child([exe, "build", str(CORPUS_DIR), "--db", url], env)
        walls.append(wall)
        rss.append(peak)
        summary = stdout.strip()
    return walls, rss, summary


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``fn``."""
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def in_process_builds(runs: int) -> tuple[list[float], list[float]]:
    """(fresh-store builds, no-change builds), ``runs`` each, after one warm-up build."""
    from lexversion.app.ingest import build
    from lexversion.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        build(CORPUS_DIR, open_store(f"sqlite:///{tmp}/warmup.db"))  # imports, XSD, caches
        counter = iter(range(runs))

        def fresh() -> None:
            report = build(CORPUS_DIR, open_store(f"sqlite:///{tmp}/fresh{next(counter)}.db"))
            if report.failed or report.write is None or not report.write.changed:
                raise SystemExit(f"unexpected fresh build: {report}")

        # open_store (schema creation / migration check) is part of a fresh build's cost
        fresh_times = timed(fresh, runs)

        store = open_store(f"sqlite:///{tmp}/again.db")
        build(CORPUS_DIR, store)

        def again() -> None:
            report = build(CORPUS_DIR, store)
            if report.write is None or report.write.changed:
                raise SystemExit(f"second build changed the store: {report.write}")

        again_times = timed(again, runs)
    return fresh_times, again_times


def row(label: str, xs: list[float], unit: str = "ms", scale: float = 1e3) -> str:
    return (
        f"{label:<46}{len(xs):>5}  {statistics.median(xs) * scale:>10.1f}"
        f"{min(xs) * scale:>10.1f}{max(xs) * scale:>10.1f}  {unit}"
    )


def main(runs: int = RUNS, warm_runs: int = WARM_RUNS) -> None:
    files = sorted(CORPUS_DIR.glob("*.txt"))
    if not files:
        raise SystemExit(f"no corpus under {CORPUS_DIR}")
    size = sum(p.stat().st_size for p in files)
    print(
        f"lexversion build benchmark  {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}  "
        f"Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    )
    print(f"corpus: {len(files)} files, {size / 1024:.1f} KiB; store: SQLite in a temp dir\n")

    walls, rss, summary = cli_builds(runs)
    fresh, again = in_process_builds(warm_runs)

    head = f"{'measure':<46}{'runs':>5}  {'median':>10}{'min':>10}{'max':>10}"
    print(head)
    print("-" * (len(head) + 5))
    print(row("lexversion build (child process, fresh store)", walls))
    rss_mib = [r / 1024 for r in rss]  # ru_maxrss is KiB on Linux
    print(row("  peak RSS of the child", rss_mib, "MiB", 1.0))
    print(row("pipeline.build in process, warm, fresh store", fresh))
    print(row("pipeline.build in process, warm, no change", again))
    print("-" * (len(head) + 5))
    print(f"last CLI run printed: {summary}")
    overhead = statistics.median(walls) - statistics.median(fresh)
    print(
        f"start-up + imports + cold caches ~ {overhead * 1e3:.0f} ms "
        "(CLI median minus warm in-process median)"
    )


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
