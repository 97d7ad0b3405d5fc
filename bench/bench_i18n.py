"""Page render time in each interface language (issue 14): p50 per language and page.

    python bench/bench_i18n.py [--db URL] [--rounds N] [--langs en,kk,ru]
                               [--against OLD/src] [--wall]

Renders the web app's pages in process (the ASGI app called directly, no
network), with the answer cache off (``create_app(url, cache_size=0)``: every
request reads the store, answers point in time and renders the template),
in each interface language chosen by ``?lang=`` (``?ui=`` for code older than
``lang``: ``lexversion.web.i18n.PARAM``). Languages and pages are
interleaved round by round so a busy machine slows them alike. Prints the
median time (ms) of each page in each language, the median over all requests,
and each language against English.

``--against OLD/src`` also times "today's English": the same pages served by
the code at ``OLD/src`` (e.g. ``git archive <commit> src templates schemas``
unpacked somewhere), in a second process that runs its round in lockstep with
this one (one round there, one round here), so both see the same load. The
goal of issue 14: Kazakh and Russian within 10% of today's English.

Time is the process's CPU time (``time.process_time``, every thread: the page
is built in a worker thread) unless ``--wall``: on a shared machine the wall
clock mostly measures the other processes. The corpus is built into a
temporary store (by ``lexversion build`` in a process of its own) unless
``--db`` names one. With ``--against`` its own code, the two columns of
English differ by a few percent at most: that is the noise of the method.
A script, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

REPO_ROOT = Path(__file__).resolve().parent.parent
WORK = "/akn/kz-19/act/decision/2017-12-15/26-129"
PAGES = {
    "browse": "/?on=2023-06-01",
    "work": f"{WORK}:2023-06-01",
    "search": "/search?q=" + quote("қандас*") + "&on=2023-06-01",
    "compare": f"/compare?work={WORK}&from=2019-06-01&to=2023-06-01",
}
WARM_UP = 3
Times = dict[str, dict[str, list[float]]]


async def _get(app: Any, target: str, clock: Callable[[], float]) -> tuple[int, float]:
    """(status, ms) of one GET of ``target`` through the ASGI ``app``, no network."""
    path, _sep, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(path),
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    t0 = clock()
    await app(scope, receive, send)
    return status, (clock() - t0) * 1000


def _param() -> str:
    """The query parameter choosing the interface language in the code timed."""
    from lexversion.web import i18n

    return str(getattr(i18n, "PARAM", "ui"))


async def _round(app: Any, langs: list[str], clock: Callable[[], float], times: Times) -> None:
    """One request of every page in every language, added to ``times``."""
    for lang in langs:
        for page, path in PAGES.items():
            sep = "&" if "?" in path else "?"
            status, ms = await _get(app, f"{path}{sep}{_param()}={lang}", clock)
            if status != 200:
                raise SystemExit(f"{path} in {lang}: HTTP {status}")
            times[lang][page].append(ms)


def _app(url: str) -> Any:
    from lexversion.web import create_app

    return create_app(url, cache_size=0, index="now")


def worker(url: str, langs: list[str], clock: Callable[[], float]) -> None:
    """The old code's side of ``--against``: a round per line read, its times written back."""
    app = _app(url)
    loop = asyncio.new_event_loop()
    for line in sys.stdin:
        times: Times = {x: {p: [] for p in PAGES} for x in langs}
        loop.run_until_complete(_round(app, langs, clock, times))
        if line.strip() == "warm":
            times = {x: {p: [] for p in PAGES} for x in langs}
        print(json.dumps(times), flush=True)


def _print(title: str, times: Times) -> None:
    langs = list(times)
    print(title)
    print(f"{'page':<10}" + "".join(f"{x:>12}" for x in langs))
    for page in PAGES:
        print(f"{page:<10}" + "".join(f"{statistics.median(times[x][page]):>12.2f}" for x in langs))
    overall = {x: statistics.median([t for p in PAGES for t in times[x][p]]) for x in langs}
    print(f"{'all pages':<10}" + "".join(f"{overall[x]:>12.2f}" for x in langs))
    base = "today en" if "today en" in overall else "en"
    for x in langs:
        if x != base and base in overall:
            print(f"{x} against {base}: {100 * (overall[x] / overall[base] - 1):+.1f}%")


def main() -> None:
    """Parse the arguments, time the pages (with the old code in lockstep), print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="SQLAlchemy URL of a built store (default: build corpus/)")
    ap.add_argument("--rounds", type=int, default=40, help="requests per page and language")
    ap.add_argument("--langs", default="en,kk,ru", help="interface languages, comma-separated")
    ap.add_argument("--against", help="the src/ directory of the code to compare with")
    ap.add_argument("--wall", action="store_true", help="time the wall clock, not the CPU")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    langs = [x.strip() for x in args.langs.split(",") if x.strip()]
    clock = time.perf_counter if args.wall else time.process_time
    if args.worker:
        worker(args.db, langs, clock)
        return

    import lexversion

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/store.db"
        if not args.db:  # in a process of its own: a build here would leave spaCy's
            # pipelines in this process, and the collector walking them skews its times
            build = "from lexversion.cli import main; main()"
            cmd = [sys.executable, "-c", build, "build", str(REPO_ROOT / "corpus"), "--db", url]
            subprocess.run(cmd, check=True, capture_output=True)
        old = None
        if args.against:
            cmd = [sys.executable, __file__, "--worker", "--db", url, "--langs", "en"]
            cmd += ["--wall"] if args.wall else []
            env = {**os.environ, "PYTHONPATH": args.against}
            old = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=tmp
            )
        app = _app(url)
        times: Times = {x: {p: [] for p in PAGES} for x in (["today en"] if old else []) + langs}
        loop = asyncio.new_event_loop()
        for k in range(WARM_UP + args.rounds):
            warm = k < WARM_UP
            if old is not None:
                assert old.stdin is not None and old.stdout is not None
                old.stdin.write("warm\n" if warm else "go\n")
                old.stdin.flush()
                for page, ms in json.loads(old.stdout.readline())["en"].items():
                    times["today en"][page] += ms
            mine: Times = {x: {p: [] for p in PAGES} for x in langs}
            loop.run_until_complete(_round(app, langs, clock, mine))
            if not warm:
                for x in langs:
                    for page in PAGES:
                        times[x][page] += mine[x][page]
        if old is not None:
            assert old.stdin is not None
            old.stdin.close()
            old.wait(timeout=60)

    clock_name = "wall" if args.wall else "CPU"
    _print(
        f"lexversion {lexversion.__version__}, {args.rounds} rounds, cache off "
        f"({clock_name} ms, p50){'; today en: ' + args.against if old else ''}",
        times,
    )


if __name__ == "__main__":
    main()
