"""Real openings' throughput (issue 12): the development set of web-page openings parsed warm.

The 53 records of ``tests/parse/realworld/openings-dev.jsonl`` (real openings of local
acts as adilet.zan.kz, zanorda.kz and mirrors print them, most without the export's
layout) are parsed one after another; after ``WARMUP`` untimed passes, ``RUNS`` timed
passes, lexversion's per-text caches emptied (``lexversion.parse.forget_texts``)
before each. Prints the records parsed, their size and the median time of a pass, in
source MB per second. A script, not a test: ``python bench/bench_openings.py [runs]``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from lexversion.errors import InputError
from lexversion.parse import forget_texts, parse

RECORDS = Path(__file__).resolve().parent.parent / "tests/parse/realworld/openings-dev.jsonl"
WARMUP = 3
RUNS = 15


def one_pass(texts: list[str]) -> int:
    """Parse every text once; return how many parsed (the others were refused)."""
    parsed = 0
    for text in texts:
        try:
            parse(text)
        except InputError:
            continue
        parsed += 1
    return parsed


def main(runs: int = RUNS) -> None:
    with RECORDS.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for _ in range(WARMUP):
        one_pass(texts)
    times = []
    parsed = 0
    for _ in range(runs):
        forget_texts()
        t0 = time.perf_counter()
        parsed = one_pass(texts)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    print(
        f"real openings: {len(texts)} records ({parsed} parsed), {size:.3f} MB; "
        f"median of {runs} passes {median * 1000:.1f} ms -> {size / median:.2f} MB/s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
