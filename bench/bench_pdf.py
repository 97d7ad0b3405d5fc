"""PDF figures: the whole ``lexversion pdf`` path per page, warm, against WeasyPrint alone.

The corpus is built into a temporary SQLite store; then, for each case (the
three texts of issue 5 and the Almaty oblast text with its changes since 2019
marked), after ``WARMUP`` untimed runs, ``RUNS`` timed runs of
(a) :func:`lexversion.app.print.cli_pdf`, what the CLI calls: store,
point in time, history, view model, (diff,) template, WeasyPrint, atomic write;
(b) WeasyPrint alone, :func:`lexversion.render.pdf.html_to_pdf` on the
same HTML (the same fonts and PDF/UA-1 options); and (c) the part before
WeasyPrint alone (view model and HTML), all in the same process. Medians
of wall-clock seconds (``time.perf_counter``) and seconds per page (pages
counted by pypdf). The budget (issue 5) is 0.1 s per page for (a). WeasyPrint
subsets the embedded fonts with HarfBuzz-Subset when the system has it and
with fontTools otherwise, a fixed cost per document that dominates short
ones; the line "font subsetting" says which ran. A script, not a test:
``python bench/bench_pdf.py [runs]``.
"""

from __future__ import annotations

import datetime as dt
import io
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pypdf
import weasyprint

from lexversion import build
from lexversion.app.print import cli_pdf, print_view
from lexversion.render.pdf import html_to_pdf, render_print_html

REPO_ROOT = Path(__file__).resolve().parent.parent
WARMUP = 2
RUNS = 5
#: name -> (work, as of, lang, changes since)
CASES: dict[str, tuple[str, date, str | None, date | None]] = {
    "almaty-oblast kk 2023": (
        "/akn/kz-19/act/decision/2017-12-15/26-129",
        date(2023, 6, 1),
        "kk",
        None,
    ),
    "  + changes since 2019": (
        "/akn/kz-19/act/decision/2017-12-15/26-129",
        date(2023, 6, 1),
        "kk",
        date(2019, 6, 1),
    ),
    "astana-2003 kk 2004": (
        "/akn/kz-71/act/decision/2003-04-08/225-42-ii",
        date(2004, 6, 1),
        None,
        None,
    ),
    "turkestan ru 2025": (
        "/akn/kz-61/act/decision/2024-09-30/12-160-viii",
        date(2025, 1, 1),
        None,
        None,
    ),
}


def median_seconds(fn: Callable[[], object], runs: int, warmup: int = WARMUP) -> float:
    """Median wall-clock seconds of ``runs`` calls of ``fn`` after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def subsetter() -> str:
    """Which library WeasyPrint subsets fonts with on this machine."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    if harfbuzz_subset and harfbuzz.hb_version_atleast(4, 1, 0):
        return "HarfBuzz-Subset"
    return "fontTools (HarfBuzz-Subset not installed)"


def figures(
    db: str, out: Path, work: str, as_of: date, lang: str | None, since: date | None, runs: int
) -> tuple[int, float, float, float]:
    """(pages, whole path, WeasyPrint alone, model+HTML) for one case; seconds."""
    html = render_print_html(print_view(db, work, as_of, lang, since))
    pages = len(pypdf.PdfReader(io.BytesIO(html_to_pdf(html))).pages)
    whole = median_seconds(lambda: cli_pdf(db, work, as_of, lang, since, out), runs)
    weasy = median_seconds(lambda: html_to_pdf(html), runs)
    prep = median_seconds(lambda: render_print_html(print_view(db, work, as_of, lang, since)), runs)
    return pages, whole, weasy, prep


def main(runs: int = RUNS) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'bench.db'}"
        report = build(REPO_ROOT / "corpus", db)
        if report.failed:
            raise SystemExit(f"build failed: {report.failed}")
        out = Path(tmp) / "out.pdf"
        print(
            f"lexversion pdf benchmark  {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}  "
            f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__} "
            f"on {platform.system()} {platform.machine()}"
        )
        print(f"font subsetting: {subsetter()}")
        print(f"{WARMUP} warm-up runs, then median of {runs} timed runs; seconds\n")
        head = (
            f"{'case':<24}{'pages':>6}  {'whole path':>11}{'s/page':>9}  "
            f"{'WeasyPrint':>11}{'s/page':>9}  {'model+HTML':>11}"
        )
        print(head)
        print("-" * len(head))
        worst = 0.0
        for name, (work, as_of, lang, since) in CASES.items():
            pages, whole, weasy, prep = figures(db, out, work, as_of, lang, since, runs)
            worst = max(worst, whole / pages)
            print(
                f"{name:<24}{pages:>6}  {whole:>11.3f}{whole / pages:>9.3f}  "
                f"{weasy:>11.3f}{weasy / pages:>9.3f}  {prep:>11.3f}"
            )
        print("-" * len(head))
        print(f"worst whole-path figure: {worst:.3f} s/page (budget 0.100)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
