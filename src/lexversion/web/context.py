"""What the routes of one app share: the store, the answer caches, the PDF
maker's lock, the static files and how far the search index got.

:func:`create_app <lexversion.web.app.create_app>` makes one
:class:`WebContext` and keeps it on ``app.state.web``; a route asks for it
with a parameter typed :data:`Ctx` (a FastAPI dependency on the request, so it
adds nothing to the documented parameters).

Every answer is made from one consistent state of the store: the function
making it receives a snapshot (:meth:`lexversion.store.live.LiveStore.snapshot`:
one read transaction, on the file now at the store's path), so a build
committing while a page is rendered is either wholly in the page or not at
all, and a store rebuilt into a new file under the same path is noticed at
the next request.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from sqlalchemy.exc import SQLAlchemyError

from lexversion.i18n import current
from lexversion.model import WorkRecord
from lexversion.store.live import LiveStore
from lexversion.store.repository import Store
from lexversion.store.search import sync_search_index
from lexversion.web.cache import StoreCache

log = logging.getLogger("lexversion.web")
T = TypeVar("T")

#: PDFs kept, and seconds a request waits for the PDF maker
PDF_CACHE = 32
PDF_WAIT = 10.0
#: the static files (in ``templates/``) and their media types: nothing else is served
STATIC = {"web.css": "text/css; charset=utf-8"}

#: answers a process makes at once (issue 15): one, in arrival order.
#: An answer is CPU work under the GIL (point in time, JSON, jinja2; SQLite
#: reads are in-process), so a second thread adds no throughput: it only makes
#: the answers in flight share the interpreter in 5 ms slices
#: (:func:`sys.getswitchinterval`), which stretches every one of them to the
#: time of all of them. With Starlette's default of 40 threads, 50 connections
#: of never-repeated URLs on the corpus store (``bench/bench_web.py``, 2 cores,
#: 2 workers, quiet machine) gave API p99 90 ms at 2,455 req/s and work page
#: p99 218 ms; one thread gave 32-34 ms at 2,318-2,521 req/s and 78 ms.
#: Making answers on the event loop itself was as fast but lets one slow answer
#: (a search, a PDF) hold up every connection of the process.
ANSWER_THREADS = 1


@dataclass
class IndexState:
    """How far the start-up sync of the search index got."""

    running: bool = False
    error: str | None = None


def start_index(store: Store, mode: str, state: IndexState) -> None:
    """Sync the search index of ``store`` now, in a background thread, or not at
    all (``mode`` ``now``, ``background``, ``off``), recording in ``state`` how it
    goes; raises :class:`ValueError` for another ``mode``."""

    def run() -> None:
        state.running = True
        try:
            sync_search_index(store)
        except SQLAlchemyError as exc:
            state.error = str(exc).splitlines()[0]
            log.warning("search index not brought up to date: %s", state.error)
        finally:
            state.running = False

    if mode == "now":
        run()
    elif mode == "background":
        threading.Thread(target=run, name="lexversion-search-index", daemon=True).start()
    elif mode != "off":
        raise ValueError(f"index={mode!r}: use now, background or off")


class WebContext:
    """The shared state of one app over the store ``live`` (at ``live.url``):
    ``cache_size`` answers cached (0: none), the PDFs kept apart
    (:data:`PDF_CACHE`) and made one at a time (``pdf_lock``), the static files
    read once, the search index's ``index`` state, and ``threads`` answers made
    at once (:data:`ANSWER_THREADS`; raise it for a store across a network,
    whose round trips a second answer could fill)."""

    def __init__(
        self, live: LiveStore, cache_size: int, index: IndexState, threads: int = ANSWER_THREADS
    ) -> None:
        if threads < 1:
            raise ValueError(f"threads={threads}: at least one answer must be made at a time")
        self.url = live.url
        self.threads = threads
        #: the threads answers are made in, first come first served; an executor,
        #: not an anyio limiter, since a limiter belongs to one event loop and an
        #: app may be driven from several (a test client per thread)
        self.answering = ThreadPoolExecutor(threads, thread_name_prefix="lexversion-answer")
        self.live = live
        self.cache = StoreCache(live, cache_size)
        self.pdfs = StoreCache(live, PDF_CACHE if cache_size else 0)
        self.pdf_lock = threading.BoundedSemaphore(1)
        self.index = index
        self.static = {
            name: (resources.files("lexversion") / "templates" / name).read_bytes()
            for name in STATIC
        }

    def read(self, make: Callable[[Store], T]) -> T:
        """``make(snapshot)``: the answer made from one consistent state of the
        store (see the module doc). Blocking: call from a worker thread."""
        with self.live.snapshot() as snap:
            return make(snap)

    async def cached(self, key: Hashable, make: Callable[[Store], T]) -> T:
        """The answer for ``key`` in the request's interface language: from the
        cache when there (without leaving the event loop), else
        ``make(snapshot)`` (:meth:`read`) run in a worker thread (which sees the
        language; at most ``threads`` at once, the rest wait their turn in
        arrival order) and kept."""
        key = (current(), key)
        hit: T | None = self.cache.peek(key)
        if hit is not None:
            return hit
        call = contextvars.copy_context().run  # the request's language goes along
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self.answering, call, self.cache.get, key, lambda: self.read(make)
        )

    def works(self, snap: Store) -> Sequence[WorkRecord]:
        """Every work of the snapshot ``snap`` (cached by the state it reads:
        the store's generation, read in ``snap``); blocking."""
        return self.cache.get(("works", snap.generation()), snap.works)


async def context(request: Request) -> WebContext:
    """The :class:`WebContext` of the app serving ``request``."""
    ctx: WebContext = request.app.state.web
    return ctx


#: a route parameter receiving the app's :class:`WebContext`
Ctx = Annotated[WebContext, Depends(context)]
