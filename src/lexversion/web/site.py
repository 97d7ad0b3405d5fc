"""The HTML pages of the web app, as FastAPI routers (none in the API documentation).

* :data:`browse_router`: ``/`` the corpus browser, ``/search`` full-text search;
* :data:`compare_router`: ``/compare`` a redline of one work on two dates or of two works;
* :data:`work_router`: ``/akn/...`` a work at its FRBR URI, its manifestations
  (:mod:`.downloads`) and the date picker's redirect;
* :data:`static_router`: ``/static/...`` the fixed list of static files.

Each handler reads its parameters (:mod:`.http`), asks a view model
(:mod:`.browse`, :mod:`.search`, :mod:`.compare`, :mod:`.pages`) for the
answer through the app's cache and renders a ``web_*.html`` template.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from lexversion.akn.frbr import parse_work_uri
from lexversion.app.search import named_act, search
from lexversion.errors import NotFound
from lexversion.i18n import current
from lexversion.i18n import gettext as _
from lexversion.render.html import environment
from lexversion.store.memo import kept
from lexversion.store.repository import Store
from lexversion.store.search import MAX_QUERY
from lexversion.web.browse import browse
from lexversion.web.compare import compare_page
from lexversion.web.context import STATIC, Ctx
from lexversion.web.downloads import download, picked
from lexversion.web.http import (
    Short,
    Text,
    check_address,
    filters_from,
    parse_choice,
    parse_date,
    parse_text,
    render,
)
from lexversion.web.i18n import preferred_text
from lexversion.web.pages import WorkPage, work_page
from lexversion.web.refs import STATUS_WORDS, split_manifestation
from lexversion.web.search import named_link, search_view

browse_router = APIRouter(include_in_schema=False)
compare_router = APIRouter(include_in_schema=False)
work_router = APIRouter(include_in_schema=False)
static_router = APIRouter(include_in_schema=False)


@browse_router.get("/", response_class=HTMLResponse)
async def home(
    ctx: Ctx,
    on: Short = None,
    region: Short = None,
    issuer: Text = None,
    status: Short = None,
    type: Short = None,
    year: Short = None,
    text: Short = None,
    page: Short = None,
) -> Response:
    """The corpus browser: works passing the filters, with their status on a date."""
    f = filters_from(on, region, issuer, status, type, year, text, page)
    html = await ctx.cached(
        ("browse", f),
        lambda s: render(
            "web_browse.html", p=browse(s, ctx.works(s), f), status_words=STATUS_WORDS
        ),
    )
    return HTMLResponse(html)


@browse_router.get("/search", response_class=HTMLResponse)
async def search_page(
    ctx: Ctx,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    on: Short = None,
    text: Short = None,
) -> Response:
    """The search form and, for a query ``q``, the provisions matching it (in
    force on ``on`` when given, in the texts of language ``text`` when given)
    and the act it names."""
    when, language = parse_date(on, "on"), parse_text(text)
    if not q or not q.strip():
        return HTMLResponse(render("web_search.html", r=None, q="", on=on or "", text=""))
    query = q

    def make(s: Store) -> str:
        return render(
            "web_search.html",
            r=search_view(search(s, query, on=when, lang=language)),
            q=query,
            on=on or "",
            text=language or "",
            named=named_link(named_act(s, query)),
            index=ctx.index,
            status_words=STATUS_WORDS,
        )

    return HTMLResponse(await ctx.cached(("search", q, when or date.today(), language), make))


@compare_router.get("/compare", response_class=HTMLResponse)
async def compare(
    ctx: Ctx,
    work: Text = None,
    work_b: Text = None,
    from_: Annotated[str | None, Query(alias="from", max_length=20)] = None,
    to: Short = None,
    on: Short = None,
    text: Short = None,
    view: Short = None,
) -> Response:
    """The compare form and, for a ``work``, its redline from ``from`` to ``to``
    or against ``work_b`` on ``on``."""
    if not work:
        return HTMLResponse(render("web_compare.html", p=None, form={}, status_words=STATUS_WORDS))
    form = {
        "work": work,
        "work_b": work_b or "",
        "from": from_ or "",
        "to": to or "",
        "on": on or "",
        "text": text or "",
        "view": view or "inline",
    }
    args = (
        check_address(work),
        check_address(work_b) if work_b else None,
        parse_date(from_, "from"),
        parse_date(to, "to"),
        parse_date(on, "on"),
        parse_text(text),
        parse_choice(view, "view", ("inline", "side-by-side")) == "side-by-side",
    )
    html = await ctx.cached(
        ("compare", args),
        lambda s: render(
            "web_compare.html",
            p=compare_page(s, *args),
            form=form,
            status_words=STATUS_WORDS,
        ),
    )
    return HTMLResponse(html)


@work_router.get("/akn/{rest:path}")
async def work_or_download(ctx: Ctx, rest: str, text: Short = None, on: Short = None) -> Response:
    """The work page at an AKN address, a manifestation of it (``.xml`` ...), or,
    with ``on`` (the date picker), a redirect to the address of that date; the
    text in language ``text`` (strict), else the address's, else the one the
    reader prefers where the act has it (:func:`~lexversion.web.i18n.preferred_text`)."""
    path = "/akn/" + rest
    try:
        parse_work_uri(split_manifestation(path)[0])
    except ValueError:
        raise NotFound(_("{path}: not the FRBR URI of a work").format(path=path[:200])) from None
    check_address(path)
    language = parse_text(text)
    if on is not None:
        return picked(path, parse_date(on, "on"), language)
    address, ext = split_manifestation(path)
    if ext is not None:
        return await download(ctx, address, ext, language)
    today, prefer = date.today(), preferred_text()
    html = await ctx.cached(
        ("work", path, language, prefer, today),
        lambda s: work_html(s, path, language, today, prefer),
    )
    return HTMLResponse(html)


def work_html(s: Store, path: str, language: str | None, today: date, prefer: str | None) -> str:
    """The work page of ``path`` (:func:`~lexversion.web.pages.work_page`'s
    arguments), rendered, its date-independent parts from :func:`work_parts`."""
    p = work_page(s, path, language, today, prefer)
    return render("web_work.html", p=p, parts=work_parts(s, p))


def work_parts(s: Store, p: WorkPage) -> dict[str, Markup | None]:
    """The parts of the work page ``p`` that do not depend on its date, as
    ``web_work_parts.html`` renders them: the text (by expression), the facts,
    the timeline as a table, the neighbourhood and the citations (by work, the
    citations also by the text's language). Each is kept for the store's
    generation and the interface language (:func:`lexversion.store.memo.kept`):
    what it shows is read from that generation alone, and rendering them is
    most of a page's work."""
    macros: Any = environment().get_template("web_work_parts.html").module
    ui = current()

    def part(name: str, key: object, *args: object) -> Markup:
        made: Markup = kept(s, ("web-work", name, key, ui), lambda: getattr(macros, name)(*args))
        return made

    return {
        "text": part("blocks", p.banner.expression, p.blocks) if p.blocks else None,
        "facts": part("facts", p.uri, p.facts),
        "timeline_table": part("timeline_table", p.uri, p.timeline.rows),
        "neighbourhood": part("neighbourhood", p.uri, p.neighbourhood),
        "citations": part("citations", (p.uri, p.lang), p.citations, p.cited_by, p.lang),
    }


@static_router.get("/static/{name}")
async def static_file(ctx: Ctx, name: str) -> Response:
    """A static file of :data:`~lexversion.web.context.STATIC`, else 404."""
    if name not in ctx.static:
        raise NotFound(_("no static file {name}").format(name=repr(name[:100])))
    return Response(
        ctx.static[name], media_type=STATIC[name], headers={"cache-control": "max-age=3600"}
    )


#: the page routers, in the order their routes are matched
ROUTERS = (browse_router, compare_router, work_router, static_router)
