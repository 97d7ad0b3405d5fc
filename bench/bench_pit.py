"""The corpus point-in-time table: every work's status and expression on a set of dates.

Builds ``corpus/`` (or the directory given) into a fresh temporary SQLite
store and prints, for each work (FRBR URI order) and each date of
:data:`DATES` (or the dates given), the point-in-time answer
(:func:`lexversion.app.query.answer`): status, certainty and the expression
shown (``-`` when no text is given). Issue 13 reports this table before and
after its fixes. A script, not a test:
``python bench/bench_pit.py [corpus_dir] [YYYY-MM-DD ...]``.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from lexversion import build
from lexversion.app.query import answer, store_for

REPO_ROOT = Path(__file__).resolve().parent.parent
DATES = (
    "2003-04-08",
    "2003-06-01",
    "2006-09-21",
    "2010-01-01",
    "2017-09-20",
    "2018-01-25",
    "2019-06-01",
    "2021-03-15",
    "2022-01-01",
    "2023-06-01",
    "2024-05-20",
    "2024-06-01",
    "2026-01-01",
)


def cell(db: str, work: str, on: date) -> str:
    """``status certainty expression-suffix`` of ``work`` on ``on``."""
    pit, _ = answer(db, work, on, None)
    shown = pit.expression.removeprefix(work + "/") if pit.expression else "-"
    return f"{pit.status}({pit.certainty[:4]}) {shown}"


def main(argv: list[str]) -> None:
    """Print the table for the corpus and dates in ``argv``."""
    corpus = Path(argv[0]) if argv and not argv[0][:1].isdigit() else REPO_ROOT / "corpus"
    dates = [date.fromisoformat(a) for a in argv if a[:1].isdigit()] or [
        date.fromisoformat(d) for d in DATES
    ]
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'pit.db'}"
        build(corpus, db)
        works = sorted(w.frbr_uri for w in store_for(db).works())
        for work in works:
            print(work)
            for on in dates:
                print(f"  {on.isoformat()}  {cell(db, work, on)}")


if __name__ == "__main__":
    main(sys.argv[1:])
