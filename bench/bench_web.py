"""Web figures: latency (p50, p99) and throughput of ``lexversion serve`` under load.

    python bench/bench_web.py [--db URL] [--seconds S] [--connections N]

The corpus is built into a temporary SQLite store unless ``--db`` names a store
(e.g. one built from ``bench/make_corpus.py 10000``). Three servers
(:data:`SERVERS`) are started on a free loopback port, one after the other,
each a process of its own: ``lexversion serve`` as shipped (a worker per CPU,
answers cached until the store changes), the same with the answer cache off
(every request makes its answer: point in time, JSON or HTML), and one
process with the cache off (``create_app(url, cache_size=0)``). Against each,
``wrk`` (Debian's package; ``scripts/system-deps``) runs for ``--seconds``
with ``--connections`` open connections on one thread, on two URLs:

* the API: ``/api/works<work>:<date>`` (what ``lexversion show --format json`` prints);
* the work page: ``/akn/<work>:<date>`` (HTML: text, timeline, neighbourhood).

Then, in this process, the CPU time of one uncached request through the
whole app (issue 15: at most 1 ms for the API), on never-repeated URLs, with
the memo of the store's generation (:mod:`lexversion.store.memo`) off and on,
alternating request by request, ``--repeat`` each; and the cost of the
consistency guarantee (issue 16): the work page's view model and the API
answer made on the store as such (each query on a pooled connection of its
own) and inside one snapshot of the :class:`~lexversion.store.live.LiveStore`
the server uses (one read transaction, the file's inode checked; memo off),
alternately, ``--repeat`` times each; medians per answer. Interleaving makes
the comparison fair on a busy machine where the wrk figures of two separate
servers are not; the load average is printed with the wrk figures.

Figures are wrk's latency percentiles (50, 90, 99) and requests per second,
each with the load average (1 minute) at its end; non-2xx
answers are counted and reported (any is a failure of the run). Without
wrk, a bounded Python load generator (threads with ``http.client``, same
connections and duration, 127.0.0.1 only) stands in, and the output says so.
The goal of issue 6: API p99 at most 50 ms with 50 clients on this 2-core
machine. Loopback only; every run stops by itself. A script, not a test.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
WORK = "/akn/kz-19/act/decision/2017-12-15/26-129"
ON = "2023-06-01"
SERVE = "from lexversion.cli import main; main()"
UNCACHED = (
    "import sys, uvicorn; from lexversion.web import create_app; "
    "uvicorn.run(create_app(sys.argv[1], cache_size=0), host=sys.argv[2], "
    "port=int(sys.argv[3]), log_level='warning')"
)
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


@dataclass(frozen=True)
class Figures:
    """One load run: latency percentiles (ms), requests per second, counts."""

    p50: float
    p90: float
    p99: float
    rps: float
    requests: int
    errors: int
    tool: str


def free_port() -> int:
    """A TCP port free on the loopback interface just now."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def wait_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Poll ``url`` until it answers 200; raises when the server died or timed out."""
    parts = urlsplit(url)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
            conn.request("GET", parts.path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not come up")


def _ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", value)
    if not m:
        raise ValueError(value)
    return float(m.group(1)) * _UNITS[m.group(2)]


VARY = REPO_ROOT / "bench" / "vary_date.lua"
#: the days 1990-01-01 .. 2025-12-31 the never-repeated URLs walk (as vary_date.lua)
DAYS = 13149


def varied_path(n: int, prefix: str, works: list[str]) -> str:
    """Request ``n`` of a never-repeated run, as ``vary_date.lua`` makes it."""
    from datetime import date, timedelta

    k = n // len(works)
    day = date(1990, 1, 1) + timedelta(days=k * 7 % DAYS)
    return f"{prefix}{works[n % len(works)]}:{day.isoformat()}"


def run_wrk(
    url: str, seconds: int, connections: int, vary: tuple[str, list[str]] | None = None
) -> Figures:
    """``wrk`` on ``url``; its 50% and 99% latencies and requests per second.
    With ``vary`` (a path prefix and works), every request a new URL
    (``vary_date.lua``)."""
    target = [url] if vary is None else ["-s", str(VARY), url, "--", vary[0] or "-", *vary[1]]
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "10s",
            *target,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    pct = dict(re.findall(r"^\s*(50|90|99)(?:\.0+)?%\s+(\S+)\s*$", out, re.M))
    if not {"50", "90", "99"} <= set(pct):
        raise RuntimeError(f"wrk printed no latency distribution:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    sock = re.search(r"Socket errors: (.*)", out)
    if sock:
        errors += sum(int(x) for x in re.findall(r"\d+", sock.group(1)))
    return Figures(_ms(pct["50"]), _ms(pct["90"]), _ms(pct["99"]), rps, total, errors, "wrk")


def run_python(
    url: str, seconds: int, connections: int, vary: tuple[str, list[str]] | None = None
) -> Figures:
    """A bounded stand-in for wrk: ``connections`` threads, each one keep-alive
    connection to 127.0.0.1, requesting ``url`` (or, with ``vary``, a new URL
    each time, :func:`varied_path`) until ``seconds`` have passed."""
    parts = urlsplit(url)
    assert parts.hostname == HOST
    lat: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    stop = time.monotonic() + seconds
    counter = iter(range(10**9))

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(HOST, parts.port, timeout=10)
        while time.monotonic() < stop:
            path = parts.path if vary is None else varied_path(next(counter), *vary)
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors[k] += 1
            except OSError:
                errors[k] += 1
                conn = http.client.HTTPConnection(HOST, parts.port, timeout=10)
                continue
            lat[k].append((time.perf_counter() - t) * 1e3)
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(connections)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 30)
    wall = time.perf_counter() - started
    every = sorted(x for xs in lat for x in xs)
    q = statistics.quantiles(every, n=100)
    return Figures(q[49], q[89], q[98], len(every) / wall, len(every), sum(errors), "python")


#: the servers compared in one run: ``lexversion serve`` as shipped (a worker
#: per CPU, answers cached), the same with the cache off, and one process with
#: the cache off (the server before issue 15)
SERVERS = ("cached", "uncached", "uncached-1p")


def serve(url: str, kind: str, port: int) -> subprocess.Popen[bytes]:
    """Start the server process of ``kind`` (one of :data:`SERVERS`)."""
    if kind == "uncached-1p":
        cmd = [sys.executable, "-c", UNCACHED, url, HOST, str(port)]
    else:
        cmd = [sys.executable, "-c", SERVE, "serve", "--host", HOST, "--port", str(port)]
        cmd += ["--db", url]
    env = {**os.environ, "LEXVERSION_WEB_CACHE": "0" if kind == "uncached" else "2048"}
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def pick_work(url: str) -> tuple[str, str]:
    """(work URI, date) to load: the Almaty oblast rules in 2023 when the store
    has them, else the first work with a text, on the day its first wording applies."""
    from lexversion.store import open_store

    store = open_store(url)
    works = store.works()
    if any(w.frbr_uri == WORK for w in works):
        return WORK, ON
    for w in works:
        if not w.stub:
            tl = store.timeline(w.frbr_uri)
            days = [x.applies_from.latest for x in tl.expressions if x.applies_from.latest]
            if days:
                return w.frbr_uri, max(days).isoformat()
    raise SystemExit(f"{url}: no work with a text to load")


def consistency_cost(url: str, work: str, on: str, repeat: int) -> None:
    """Print the median time of the work page's view model and of the API
    answer on the store as such and inside one snapshot of a
    :class:`~lexversion.store.live.LiveStore` with its memo off (what issue
    16's guarantee costs; the memo, which only a snapshot has, would hide it)."""
    from datetime import date

    from lexversion.app.query import show
    from lexversion.store import open_store
    from lexversion.store.live import LiveStore
    from lexversion.web.pages import work_page

    store = open_store(url)
    live = LiveStore(url, store, memo_bytes=0)
    path = f"{work}:{on}"
    answers = {
        "work page": lambda s: work_page(s, path, None, date.today()),
        "api": lambda s: show(s, path, None, None, "json"),
    }
    print(f"consistency cost, in process, median of {repeat} alternating runs (memo off):")
    print(f"{'answer':<10} {'plain ms':>9} {'snapshot ms':>12} {'cost':>7}")
    for name, make in answers.items():
        plain: list[float] = []
        snap: list[float] = []
        for k in range(repeat + 5):
            t = time.perf_counter()
            make(store)
            a = time.perf_counter() - t
            t = time.perf_counter()
            with live.snapshot() as s:
                make(s)
            b = time.perf_counter() - t
            if k >= 5:  # warm-up
                plain.append(a * 1e3)
                snap.append(b * 1e3)
        p, q = statistics.median(plain), statistics.median(snap)
        print(f"{name:<10} {p:>9.2f} {q:>12.2f} {(q / p - 1) * 100:>+6.1f}%")


async def _asgi_get(app: Any, path: str) -> int:
    """Answer ``GET path`` through the ASGI ``app`` in this process; the status."""
    status = 0
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", HOST.encode())],
        "client": (HOST, 1),
        "server": (HOST, 80),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def _request_cpu(url: str, works: list[str], repeat: int) -> None:
    from lexversion.web import create_app

    apps = {}
    for memo in ("off", "on"):
        app = create_app(url, cache_size=0, index="off")
        if memo == "off":
            app.state.live.memo_bytes = 0
        apps[memo] = app
    print(f"CPU a request, in process, {repeat} never-repeated URLs each, memo off/on alternating:")
    print(f"{'answer':<10} {'memo':<5} {'median ms':>10} {'p99 ms':>8}")
    for name, prefix in (("api", "/api/works"), ("work page", "")):
        cpu: dict[str, list[float]] = {"off": [], "on": []}
        for n in range(repeat + 20):
            path = varied_path(10_000 + n, prefix, works)
            for memo, app in apps.items():
                t = time.process_time()
                status = await _asgi_get(app, path)
                if status != 200:
                    raise SystemExit(f"{path}: HTTP {status}")
                if n >= 20:  # warm-up
                    cpu[memo].append((time.process_time() - t) * 1e3)
        for memo, xs in cpu.items():
            q = statistics.quantiles(xs, n=100)
            print(f"{name:<10} {memo:<5} {statistics.median(xs):>10.2f} {q[98]:>8.2f}")


def request_cpu(url: str, works: list[str], repeat: int) -> None:
    """Print the CPU time (``time.process_time``, every thread of this process)
    of one uncached request through the whole app (middleware, routing, the
    answer, its JSON or HTML) on never-repeated URLs (:func:`varied_path`),
    with the memo of the store's generation off and on, alternating request
    by request (fair on a busy machine); median and 99th percentile."""
    import asyncio

    asyncio.run(_request_cpu(url, works, repeat))


def main() -> None:
    """Build or open the store, then load the API and the work page, cached and not."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="a built store (default: the corpus in a temporary one)")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=300, help="runs of the consistency cost")
    args = ap.parse_args()
    if not 1 <= args.seconds <= 120 or not 1 <= args.connections <= 500:
        raise SystemExit("--seconds 1..120 and --connections 1..500")
    tmp = None
    url = args.db
    if url is None:
        from lexversion import build

        tmp = tempfile.TemporaryDirectory()
        url = f"sqlite:///{tmp.name}/web.db"
        build(REPO_ROOT / "corpus", url)
    load = run_wrk if shutil.which("wrk") else run_python
    work, on = pick_work(url)
    from lexversion.store import open_store

    n_works = len(open_store(url).works())
    print(f"lexversion serve under load: {platform.python_version()}, {os.cpu_count()} cores")
    print(
        "load average before: {:.2f} {:.2f} {:.2f} (other work on the machine skews the tail)".format(
            *os.getloadavg()
        )
    )
    print(f"store {url.rsplit('/', 1)[-1]} ({n_works} works); work {work} on {on}")
    print(
        f"load: {'wrk' if load is run_wrk else 'Python stand-in (wrk not installed)'}, "
        f"{args.connections} connections, {args.seconds} s a run, 127.0.0.1"
    )
    print(
        f"{'server':<12} {'endpoint':<19} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
        f"{'req/s':>8} {'errors':>7} {'load':>5}"
    )
    with_text = [w.frbr_uri for w in open_store(url).works() if not w.stub][:50]
    paths = {
        "api": ("/api/works", f"/api/works{work}:{on}"),
        "work page": ("", f"{work}:{on}"),
    }
    try:
        for kind in SERVERS:
            port = free_port()
            proc = serve(url, kind, port)
            try:
                wait_up(f"http://{HOST}:{port}/", proc, seconds=120)
                for name, (prefix, path) in paths.items():
                    target = f"http://{HOST}:{port}{path}"
                    for _ in range(3):  # warm: imports, first queries (and the cache, when on)
                        conn = http.client.HTTPConnection(HOST, port, timeout=30)
                        conn.request("GET", path)
                        status = conn.getresponse().status
                        if status != 200:
                            raise SystemExit(f"{target}: HTTP {status}")
                    for vary in (None, (prefix, with_text)):
                        f = load(target, args.seconds, args.connections, vary)
                        label = name + (" new URLs" if vary else "")
                        print(
                            f"{kind:<12} {label:<19} {f.p50:>8.1f} {f.p90:>8.1f} {f.p99:>8.1f} "
                            f"{f.rps:>8.0f} {f.errors:>7} {os.getloadavg()[0]:>5.1f}"
                        )
            finally:
                proc.terminate()
                proc.wait(timeout=30)
        print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        print("goal (issue 6): API p99 <= 50 ms with 50 clients on 2 cores")
        print(
            "goal (issue 15): uncached, new URLs: API p99 <= 50 ms and >= 1,000 req/s, "
            "work page p99 <= 80 ms, no errors"
        )
        request_cpu(url, with_text, args.repeat)
        print("goal (issue 15): CPU of an uncached API answer at most 1 ms")
        consistency_cost(url, work, on, args.repeat)
        print("goal (issue 16): the consistency guarantee costs at most 10%")
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
