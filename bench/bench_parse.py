"""Parse figures over the corpus: warm median and p90 per document, then throughput.

For each document in ``corpus/``: after 3 warm-up runs, ``RUNS`` timed runs of
(a) parse + to_akn + validation against the strict AKN 3.0 XSD and (b) parse +
to_akn alone; then the throughput over the whole corpus (source bytes / median
time to parse all five). Milliseconds of wall-clock time (``time.perf_counter``).
A script, not a test: ``python bench/bench_parse.py [runs]``.
"""

from __future__ import annotations

import datetime as dt
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.parse import forget_texts, parse

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO_ROOT / "corpus").glob("*.txt"))
WARMUP = 3
RUNS = 20


def timings(fn: Callable[[], object], runs: int, warmup: int = WARMUP) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``fn`` after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        forget_texts()  # a warm process, not a seen text: no cache hits are timed
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def p90(xs: list[float]) -> float:
    """90th percentile (inclusive method: within the observed range)."""
    return statistics.quantiles(xs, n=10, method="inclusive")[-1]


def parse_akn(data: bytes, name: str) -> bytes:
    return document_to_akn(parse(data, name))


def parse_akn_validate(data: bytes, name: str) -> bytes:
    akn = parse_akn(data, name)
    problems = errors(akn)
    if problems:
        raise SystemExit(f"{name}: AKN invalid: {problems[0]}")
    return akn


def main(runs: int = RUNS) -> None:
    if not CORPUS:
        raise SystemExit(f"no corpus under {REPO_ROOT / 'corpus'}")
    files = [(p.name, p.read_bytes()) for p in CORPUS]
    first_name, first_data = files[0]
    errors(parse_akn(first_data, first_name))  # compile the XSD once, outside every timing

    print(
        f"lexversion parse benchmark  {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}  "
        f"Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.system()} {platform.machine()}"
    )
    print(f"{WARMUP} warm-up runs, then {runs} timed runs per figure; times in ms\n")
    head = (
        f"{'':<28}{'':>7}  {'parse+akn+XSD':^20}  {'parse+akn':^20}\n"
        f"{'document':<28}{'KiB':>7}  {'median':>10}{'p90':>10}  {'median':>10}{'p90':>10}"
    )
    print(head)
    head = head.split("\n")[-1]
    print("-" * len(head))
    for name, data in files:
        full = timings(lambda d=data, n=name: parse_akn_validate(d, n), runs)
        bare = timings(lambda d=data, n=name: parse_akn(d, n), runs)
        print(
            f"{name:<28}{len(data) / 1024:>7.1f}  "
            f"{statistics.median(full) * 1e3:>10.1f}{p90(full) * 1e3:>10.1f}  "
            f"{statistics.median(bare) * 1e3:>10.1f}{p90(bare) * 1e3:>10.1f}"
        )

    total = sum(len(d) for _, d in files)

    def parse_all() -> None:
        for name, data in files:
            parse(data, name)

    whole = statistics.median(timings(parse_all, runs))
    print("-" * len(head))
    print(
        f"whole corpus: {len(files)} documents, {total / 1e6:.3f} MB, "
        f"parse median {whole * 1e3:.1f} ms -> {total / 1e6 / whole:.2f} MB/s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
