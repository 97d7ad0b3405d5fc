"""``lexversion serve``: the research web app (FastAPI), a thin layer over the library.

:func:`create_app` opens the store once and returns the app. Handlers read
and check their parameters, call one view function (:mod:`.browse`,
:mod:`.pages`, :mod:`.compare`, :mod:`.search`) or library function
(:func:`lexversion.app.query.show`, :func:`~lexversion.app.query.history`,
:func:`lexversion.app.print.print_view`) and render a ``web_*.html`` template
through the project's one jinja2 environment
(:func:`lexversion.render.html.environment`, autoescaping all legal text).

The routes are grouped in FastAPI routers: the pages in :mod:`.site`, the
JSON API in :mod:`.api`; what they share (store, caches, PDF lock, search
index state) is one :class:`~lexversion.web.context.WebContext`, and errors
are answered by :mod:`.errors`.

Pages (HTML; no script at all, forms work with plain GET):

* ``/`` the corpus browser; ``/search`` full-text search with an as-of date;
* ``/akn/...`` a work at its FRBR URI, with AKN point-in-time addressing
  (``:YYYY-MM-DD``, ``@YYYY-MM-DD``, ``@``, ``/kaz``, ``/rus``) and
  manifestations (``.xml``, ``.html``, ``.txt``, ``.pdf``) to download;
* ``/compare`` a redline of one work on two dates or of two works.

JSON (:mod:`.api`; ``/openapi.json`` documents it): ``/api/works`` (the browser's list),
``/api/works/akn/...:DATE`` (exactly what ``lexversion show --format json``
prints), ``/api/search``, ``/api/history/akn/...``, ``/api/neighbourhood/akn/...``.

Safety: only GET; every response carries a Content-Security-Policy that allows
no script; URLs longer than :data:`~lexversion.web.http.MAX_URL` are refused; every parameter has a
bounded length or range; static files come from a fixed list, and no request
path ever reaches the file system; errors are pages (or JSON under ``/api``)
with one line saying what was wrong: 400 for bad input, 404 for what the store
lacks, 503 when the store cannot be read, never a traceback. Answers are
cached (:class:`~lexversion.web.cache.StoreCache`) until the store changes;
PDFs, which take WeasyPrint a second, are made one at a time. Answers carry
an ``ETag`` and ``Cache-Control`` (:mod:`.revalidate`), so a browser or proxy
holding one gets ``304`` without it being made again.

Consistency: every answer is made from one snapshot of the store (one read
transaction; :mod:`lexversion.store.live`), so a page never mixes two builds,
and a store rebuilt into a new file under the same path is reopened.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from lexversion import __version__
from lexversion.app.query import store_for
from lexversion.store.live import LiveStore
from lexversion.store.repository import resolve_url
from lexversion.web import api, site
from lexversion.web.context import ANSWER_THREADS, IndexState, WebContext, start_index
from lexversion.web.errors import add_error_handlers
from lexversion.web.http import Guard
from lexversion.web.revalidate import Generation, Revalidate
from lexversion.web.uilang import UiLanguage


def create_app(
    db_url: str | None = None,
    *,
    cache_size: int = 2048,
    index: str = "background",
    threads: int = ANSWER_THREADS,
) -> FastAPI:
    """The web app over the store at ``db_url`` (default: ``$LEXVERSION_DB`` or
    ``sqlite:///lexversion.db``).

    ``cache_size`` answers are cached (0: none); ``index`` says when the search
    index is brought up to date (:func:`~lexversion.store.search.sync_search_index`):
    ``background`` (a thread, from start-up), ``now`` (before returning) or
    ``off``; ``threads`` answers are made at once in each process
    (:data:`~lexversion.web.context.ANSWER_THREADS`). Raises :class:`StoreError`
    when the store does not exist or cannot be opened, :class:`ValueError` for
    another ``index`` or fewer than one thread.
    """
    url = resolve_url(db_url)
    store = store_for(url)  # read-only: a missing store is a StoreError, never created
    state = IndexState()
    start_index(store, index, state)
    live = LiveStore(url, store)
    ctx = WebContext(live, cache_size, state, threads)
    app = FastAPI(
        title="lexversion",
        version=__version__,
        description="Versioned law of Kazakhstan's maslikhats: works, point in time, "
        "search. Read-only.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.add_middleware(Revalidate, generation=Generation(live.generation))
    app.add_middleware(Guard)
    app.add_middleware(UiLanguage)  # outermost: even a 414 page is in the reader's language
    add_error_handlers(app)
    for router in routers():
        app.include_router(router)
    app.state.web = ctx
    app.state.store = store
    app.state.live = live
    app.state.cache = ctx.cache
    app.state.index = state
    return app


def routers() -> list[APIRouter]:
    """The routers of the app in the order a request's path is matched: the work
    page's and the point-in-time API's first (most requests are theirs, and
    matching walks every route before the one that answers), then the rest of
    the pages and of the API, each in its own order. No path matches routes
    of two routers, so the order changes no answer; the API documentation
    keeps the API's order."""
    hot = [site.work_router, api.works_router]
    return hot + [r for r in (*site.ROUTERS, *api.ROUTERS) if r not in hot]


#: environment variables that pass ``lexversion serve``'s choices to its worker processes
ENV_DB = "LEXVERSION_DB"
ENV_INDEX = "LEXVERSION_WEB_INDEX"
ENV_CACHE = "LEXVERSION_WEB_CACHE"
ENV_THREADS = "LEXVERSION_WEB_THREADS"


def app_from_env() -> FastAPI:
    """The app of one worker process of ``lexversion serve --workers N``: the
    store at ``$LEXVERSION_DB``, the search-index mode ``$LEXVERSION_WEB_INDEX``
    (``off`` by default: the serving process brings the index up to date once,
    before starting the workers) and ``$LEXVERSION_WEB_CACHE`` answers cached
    (default 2048; 0 turns the cache off, as the benchmarks do), and
    ``$LEXVERSION_WEB_THREADS`` answers made at once (default
    :data:`~lexversion.web.context.ANSWER_THREADS`). An app factory for uvicorn
    (``factory=True``); raises as :func:`create_app` does, and ``ValueError``
    for a cache size or thread count that is not a whole number."""
    import os

    app = create_app(
        os.environ.get(ENV_DB),
        cache_size=int(os.environ.get(ENV_CACHE, "2048")),
        index=os.environ.get(ENV_INDEX, "off"),
        threads=int(os.environ.get(ENV_THREADS, str(ANSWER_THREADS))),
    )
    settle_heap()
    return app


def settle_heap() -> None:
    """Collect the garbage of start-up, then move every object still alive into
    the collector's permanent generation (:func:`gc.freeze`), so that no later
    collection walks them. Called once a serving process has made its app
    (:func:`app_from_env`, ``lexversion serve --workers 1``); changes no answer.

    Why (issue 15, the tail of the uncached latency): a serving process holds
    about 125,000 objects once its app is made (the library's modules and
    tables, SQLAlchemy's, FastAPI's routes), alive until it exits. Under load
    the objects of the requests in flight survive the young collections, so a
    full (generation 2) collection comes every second or two, and it walks
    them all: 150-600 ms on the 2 shared cores (``gc.callbacks`` in the
    workers, 5 s of 50 connections: about 1 s of every 5 s spent so in each
    run), stopping every request of the process meanwhile. Frozen, a full
    collection walks only what was made since (about 6,000 objects once the
    templates and the memo are warm, 2-4 ms). Frozen objects are "ignored in
    all the future collections" (Python docs, :func:`gc.freeze`): one that
    dies later is never freed, which costs only what start-up made and
    later drops (little: start-up keeps what it makes).
    """
    import gc

    gc.collect()
    gc.freeze()


def default_workers() -> int:
    """Worker processes by default: one per CPU the process may run on (at least one)."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def prepare_workers(db_url: str | None) -> str:
    """What the serving process does before starting worker processes: check
    that the store exists, bring its search index up to date once, and return
    its URL (for :data:`ENV_DB`). Raises :class:`StoreError` as :func:`create_app`."""
    url = resolve_url(db_url)
    start_index(store_for(url), "now", IndexState())
    return url
