"""Search figures: recall on inflected queries before and after word-form analysis,
and what the analysis costs the index.

The queries are ``tests/data/search_queries.json`` (issue 14): for each, a form
of a corpus word, the forms of that word the corpus holds (listed by hand) and
the provisions holding them, which a search for the query must find.

* **before**: main's analysis up to issue 14 (commit 20fadb3), rebuilt here
  beside the store: an FTS5 table over the provision text with
  ``unicode61 remove_diacritics 2``, the query folded by NFD, combining marks
  dropped, case-folded (so "й" became "и" in the query only), each word a
  ``"phrase"``.
* **after**: :func:`lexversion.store.search.match_provisions` on the store, the
  query made by :func:`lexversion.store.search.parse_query`.

Recall per language: micro (provisions found of all that must be found) and
macro (the mean of each query's recall), with the count of queries found in
full. Then the index build: the median of ``RUNS`` timed fills of the whole
corpus index, (a) main's (rows of text only) and (b) :func:`sync_search_index`
(cut into provisions and analysed), after a warm-up; seconds of wall-clock time.

A script, not a test: ``python bench/bench_search.py [runs] [--regenerate]``;
``--regenerate`` rewrites the ``provisions`` of the query file from its
``forms`` (after a change of the corpus or of eIds) and prints nothing else.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

from sqlalchemy import text

from lexversion import build
from lexversion.store import Store, open_store
from lexversion.store.search import match_provisions, parse_query, sync_search_index
from lexversion.text.analysis import analyze, words

REPO_ROOT = Path(__file__).resolve().parent.parent
QUERIES = REPO_ROOT / "tests" / "data" / "search_queries.json"
RUNS = 5
#: read every candidate: recall, not the page size, is measured
LIMIT = 100_000


def old_fold(word: str) -> str:
    """main's query folding before issue 14 (``store.search.fold`` at 20fadb3)."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def rows(store: Store) -> list[tuple[str, str, str, str]]:
    """Every index row of ``store``: (text, expression, lang, eid)."""
    with store.engine.connect() as conn:
        return [
            tuple(r)  # type: ignore[misc]
            for r in conn.execute(text("SELECT text, expression, lang, eid FROM provision_search"))
        ]


def old_index(data: list[tuple[str, str, str, str]]) -> sqlite3.Connection:
    """main's FTS5 index (migration 0004) over ``data``, in memory."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE provision_search USING fts5(text, expression UNINDEXED, "
        "lang UNINDEXED, eid UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.executemany("INSERT INTO provision_search VALUES (?, ?, ?, ?)", data)
    db.commit()
    return db


def old_found(db: sqlite3.Connection, query: str, lang: str) -> set[str]:
    """The rows main's search found for ``query`` in ``lang``."""
    q = " ".join(f'"{old_fold(w)}"' for w in words(query))
    sql = "SELECT expression, eid FROM provision_search WHERE provision_search MATCH ? AND lang = ?"
    return {f"{e}#{i}" for e, i in db.execute(sql, (q, lang))}


def new_found(store: Store, query: str, lang: str) -> set[str]:
    """The rows the search finds now for ``query`` in ``lang``."""
    found = match_provisions(store, parse_query(query), lang=lang, limit=LIMIT)
    return {f"{r.expression}#{r.eid}" for r in found.rows}


def recall(queries: list[dict[str, Any]], found: Any, lang: str) -> tuple[float, float, int, int]:
    """(micro, macro, queries found in full, queries) for the queries of ``lang``."""
    got = total = full = 0
    per: list[float] = []
    mine = [q for q in queries if q["lang"] == lang]
    for q in mine:
        must = set(q["provisions"])
        hit = len(must & found(q["query"], lang))
        got, total = got + hit, total + len(must)
        per.append(hit / len(must))
        full += hit == len(must)
    return got / total, statistics.mean(per), full, len(mine)


def regenerate(store: Store, spec: dict[str, Any]) -> None:
    """Recompute each query's ``provisions`` from its ``forms`` over ``store``."""
    data = rows(store)
    for q in spec["queries"]:
        forms = set(q["forms"])
        q["provisions"] = sorted(
            f"{e}#{i}" for t, e, lang, i in data if lang == q["lang"] and forms & set(words(t))
        )
    QUERIES.write_text(json.dumps(spec, ensure_ascii=False, indent=1) + "\n", "utf-8")


def median_seconds(fn: Any, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str]) -> None:
    runs = int(next((a for a in argv if a.isdigit()), RUNS))
    spec = json.loads(QUERIES.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/store.db"
        build(REPO_ROOT / "corpus", url)
        store = open_store(url)
        if "--regenerate" in argv:
            regenerate(store, spec)
            return
        data = rows(store)
        old = old_index(data)
        queries = spec["queries"]
        print(f"python {platform.python_version()}, {len(data)} provisions indexed")
        print(f"{'lang':<5}{'':<8}{'micro':>8}{'macro':>8}{'full':>10}")
        for lang in ("kk", "ru"):
            for name, fn in (
                ("before", lambda q, lg: old_found(old, q, lg)),
                ("after", lambda q, lg: new_found(store, q, lg)),
            ):
                micro, macro, full, n = recall(queries, fn, lang)
                print(f"{lang:<5}{name:<8}{micro:>8.3f}{macro:>8.3f}{full:>6}/{n:<3}")

        def analyse() -> None:
            for t, _, lang, _ in data:
                analyze(t, lang)

        def fill_new() -> None:
            with store.engine.begin() as conn:
                conn.execute(text("DELETE FROM provision_search"))
                conn.execute(text("DELETE FROM search_expressions"))
            sync_search_index(store)

        print(f"index the corpus, median of {runs}:")
        print(f"  sync_search_index            {median_seconds(fill_new, runs):8.3f} s")
        print(f"  of which analysis            {median_seconds(analyse, runs):8.3f} s")
        print(f"  analysis loaded once         {load_seconds():8.3f} s")


def load_seconds() -> float:
    """Seconds a fresh process takes to analyse its first Kazakh and Russian word
    (reading the lexicon, the suffix table, the stemmer), imports excluded."""
    code = (
        "import time; from lexversion.text.analysis import analyze; "
        "t = time.perf_counter(); analyze('шешімі', 'kk'); analyze('решения', 'ru'); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
