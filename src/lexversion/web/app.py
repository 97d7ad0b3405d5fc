"""``lexversion serve``: the research web app (FastAPI), a thin layer over the library.

:func:`create_app` opens the store once and returns the app. Handlers read
and check their parameters, call one view function (:mod:`.browse`,
:mod:`.pages`, :mod:`.compare`, :mod:`.search`) or library function
(:func:`lexversion.app.query.show`, :func:`~lexversion.app.query.history`,
:func:`lexversion.render.pdf.print_view`) and render a ``web_*.html`` template
through the project's one jinja2 environment
(:func:`lexversion.render.html.environment`, autoescaping all legal text).

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
PDFs, which take WeasyPrint a second, are made one at a time.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from lexversion import __version__
from lexversion.akn.frbr import LANG_OF, parse_work_uri
from lexversion.app.print import print_view
from lexversion.app.query import show, store_for
from lexversion.app.resolve import find_work
from lexversion.errors import LexversionError, NotFound, StoreError, UsageError
from lexversion.render.pdf import html_to_pdf, render_print_html
from lexversion.store.repository import Store, resolve_url
from lexversion.web.api import register_api
from lexversion.web.browse import browse
from lexversion.web.cache import StoreCache
from lexversion.web.compare import compare_page
from lexversion.web.http import (
    DOWNLOAD_CSP,
    Busy,
    Guard,
    Short,
    Text,
    dated,
    error_response,
    filters_from,
    parse_choice,
    parse_date,
    parse_lang,
    render,
    status_of,
)
from lexversion.web.pages import work_page
from lexversion.web.refs import FORMATS, STATUS_WORDS, label_of, split_manifestation, work_href
from lexversion.web.search import MAX_QUERY, search, sync_search_index

log = logging.getLogger("lexversion.web")
T = TypeVar("T")

#: PDFs kept, and seconds a request waits for the PDF maker
PDF_CACHE = 32
PDF_WAIT = 10.0
#: the static files (in ``templates/``) and their media types: nothing else is served
STATIC = {"web.css": "text/css; charset=utf-8"}


# -- the search index ------------------------------------------------------------------


@dataclass
class IndexState:
    """How far the start-up sync of the search index got."""

    running: bool = False
    error: str | None = None


def _index(store: Store, mode: str, state: IndexState) -> None:
    """Sync the search index now, in a background thread, or not at all (``mode``
    ``now``, ``background``, ``off``)."""

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


# -- the app ---------------------------------------------------------------------------


def _require_store(url: str) -> None:
    """Refuse to create an empty store: the app only reads (raises :class:`StoreError`)."""
    try:
        u = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"cannot open store {url}: {exc}") from None
    file = u.database if u.get_backend_name() == "sqlite" else None
    if file not in (None, "", ":memory:") and not Path(str(file)).is_file():
        raise StoreError(f"no store at {file}: build one first (lexversion build DIR --db {url})")


def create_app(
    db_url: str | None = None, *, cache_size: int = 2048, index: str = "background"
) -> FastAPI:
    """The web app over the store at ``db_url`` (default: ``$LEXVERSION_DB`` or
    ``sqlite:///lexversion.db``).

    ``cache_size`` answers are cached (0: none); ``index`` says when the search
    index is brought up to date (:func:`~lexversion.web.search.sync_search_index`):
    ``background`` (a thread, from start-up), ``now`` (before returning) or
    ``off``. Raises :class:`StoreError` when the store does not exist or cannot
    be opened.
    """
    url = resolve_url(db_url)
    _require_store(url)
    store = store_for(url)
    cache = StoreCache(store, cache_size)
    pdfs = StoreCache(store, PDF_CACHE if cache_size else 0)
    pdf_lock = threading.BoundedSemaphore(1)
    state = IndexState()
    _index(store, index, state)
    static = {
        name: (resources.files("lexversion") / "templates" / name).read_bytes() for name in STATIC
    }
    app = FastAPI(
        title="lexversion",
        version=__version__,
        description="Versioned law of Kazakhstan's maslikhats: works, point in time, "
        "search. Read-only.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.add_middleware(Guard)
    show_schema = json.loads(
        (resources.files("lexversion") / "schemas" / "show.schema.json").read_text("utf-8")
    )

    async def cached(key: Hashable, make: Callable[[], T]) -> T:
        hit: T | None = cache.peek(key)
        if hit is not None:
            return hit
        return await run_in_threadpool(cache.get, key, make)

    def works() -> Any:
        return cache.get(("works",), store.works)

    # -- errors --------------------------------------------------------------------

    @app.exception_handler(LexversionError)
    async def lexversion_error(request: Request, exc: LexversionError) -> Response:
        return error_response(request.url.path, status_of(exc), exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "query")
        return error_response(request.url.path, 400, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: f"nothing at {request.url.path[:200]}"}.get(exc.status_code, exc.detail)
        return error_response(request.url.path, exc.status_code, str(message))

    @app.exception_handler(SQLAlchemyError)
    async def store_error(request: Request, exc: SQLAlchemyError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request.url.path, 503, "the store cannot be read just now")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("error on %s", request.url.path)
        return error_response(request.url.path, 500, "something went wrong on the server")

    # -- pages -----------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(
        on: Short = None,
        region: Short = None,
        issuer: Text = None,
        status: Short = None,
        type: Short = None,
        year: Short = None,
        lang: Short = None,
        text: Short = None,
        page: Short = None,
    ) -> Response:
        f = filters_from(on, region, issuer, status, type, year, lang, text, page)
        html = await cached(
            ("browse", f),
            lambda: render(
                "web_browse.html", p=browse(store, works(), f), status_words=STATUS_WORDS
            ),
        )
        return HTMLResponse(html)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(
        q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
        on: Short = None,
        lang: Short = None,
    ) -> Response:
        when, language = parse_date(on, "on"), parse_lang(lang)
        if not q or not q.strip():
            return HTMLResponse(render("web_search.html", r=None, q="", on=on or "", lang=""))

        def make() -> str:
            r = search(store, q, on=when, lang=language)
            named = _named_act(store, q)
            return render(
                "web_search.html",
                r=r,
                q=q,
                on=on or "",
                lang=language or "",
                named=named,
                index=state,
                status_words=STATUS_WORDS,
            )

        return HTMLResponse(await cached(("search", q, when, language), make))

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare(
        work: Text = None,
        work_b: Text = None,
        from_: Annotated[str | None, Query(alias="from", max_length=20)] = None,
        to: Short = None,
        on: Short = None,
        lang: Short = None,
        view: Short = None,
    ) -> Response:
        if not work:
            return HTMLResponse(
                render("web_compare.html", p=None, form={}, status_words=STATUS_WORDS)
            )
        form = {
            "work": work,
            "work_b": work_b or "",
            "from": from_ or "",
            "to": to or "",
            "on": on or "",
            "lang": lang or "",
            "view": view or "inline",
        }
        args = (
            work,
            work_b or None,
            parse_date(from_, "from"),
            parse_date(to, "to"),
            parse_date(on, "on"),
            parse_lang(lang),
            parse_choice(view, "view", ("inline", "side-by-side")) == "side-by-side",
        )
        html = await cached(
            ("compare", args),
            lambda: render(
                "web_compare.html",
                p=compare_page(url, *args),
                form=form,
                status_words=STATUS_WORDS,
            ),
        )
        return HTMLResponse(html)

    @app.get("/akn/{rest:path}", include_in_schema=False)
    async def work_or_download(rest: str, lang: Short = None, on: Short = None) -> Response:
        path = "/akn/" + rest
        try:
            parse_work_uri(split_manifestation(path)[0])
        except ValueError:
            raise NotFound(f"{path[:200]}: not the FRBR URI of a work") from None
        language = parse_lang(lang)
        if on is not None:
            return _picked(path, parse_date(on, "on"), language)
        address, ext = split_manifestation(path)
        if ext is not None:
            return await _download(address, ext, language)
        today = date.today()
        html = await cached(
            ("work", path, language, today),
            lambda: render("web_work.html", p=work_page(store, path, language, today)),
        )
        return HTMLResponse(html)

    def _picked(path: str, on: date | None, lang: str | None) -> Response:
        """The date picker's answer: a redirect to the AKN address of that date."""
        try:
            uri, suffix = parse_work_uri(path)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        m = re.match(r"^/(kaz|rus)", suffix or "")
        lang = lang or (LANG_OF[m.group(1)] if m else None)
        return RedirectResponse(work_href(uri, on, lang), status_code=303)

    async def _download(address: str, ext: str, lang: str | None) -> Response:
        if ext not in FORMATS:
            raise NotFound(f"no manifestation .{ext}: use one of .{', .'.join(FORMATS)}")
        name = re.sub(r"[^A-Za-z0-9@._-]+", "_", address.removeprefix("/akn/")) + "." + ext
        media = FORMATS[ext][1]
        if ext == "pdf":
            data = await run_in_threadpool(_pdf, address, lang)
        else:
            fmt = {"xml": "akn", "html": "html", "txt": "text"}[ext]

            def make() -> bytes:
                out = show(store, address, None if dated(address) else date.today(), lang, fmt)
                assert isinstance(out, str | bytes)
                return out.encode("utf-8") if isinstance(out, str) else out

            data = await cached(("download", address, ext, lang, date.today()), make)
        return Response(
            data,
            media_type=media,
            headers={
                "content-disposition": f'attachment; filename="{name}"',
                "content-security-policy": DOWNLOAD_CSP,
            },
        )

    def _pdf(address: str, lang: str | None) -> bytes:
        rec, suffix = find_work(store, address)
        m = re.match(r"^(?:/(kaz|rus))?:(\d{4}-\d{2}-\d{2})$", suffix or "")
        if m is None:
            raise UsageError("a PDF is made of the text in force on a date: end the URI in :DATE")
        on = date.fromisoformat(m.group(2))
        lang = lang or (LANG_OF[m.group(1)] if m.group(1) else None)

        def make() -> bytes:
            if not pdf_lock.acquire(timeout=PDF_WAIT):
                raise Busy("the PDF maker is busy with another PDF; try again in a moment")
            try:
                return html_to_pdf(render_print_html(print_view(url, rec.frbr_uri, on, lang)))
            finally:
                pdf_lock.release()

        return pdfs.get((rec.frbr_uri, on, lang), make)

    @app.get("/static/{name}", include_in_schema=False)
    async def static_file(name: str) -> Response:
        if name not in static:
            raise NotFound(f"no static file {name[:100]!r}")
        return Response(
            static[name], media_type=STATIC[name], headers={"cache-control": "max-age=3600"}
        )

    register_api(app, store, cached, works, show_schema)
    app.state.store = store
    app.state.cache = cache
    app.state.index = state
    return app


def _named_act(store: Store, q: str) -> dict[str, str] | None:
    """The act a query names when it reads as a citation (``find_work``), else ``None``."""
    try:
        rec, _ = find_work(store, q)
    except LexversionError:
        return None
    return {"href": rec.frbr_uri, "label": label_of(rec), "title": rec.title or ""}
