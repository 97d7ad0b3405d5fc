"""The JSON API of the web app (documented at ``/openapi.json``), as FastAPI routers.

Same addressing as the pages: ``/api/works/akn/...:DATE`` answers exactly what
``lexversion show --format json`` prints (:func:`lexversion.app.query.show`);
``/api/works`` is the corpus browser's list, ``/api/search`` the provision
search, ``/api/history/akn/...`` what ``lexversion history --format json``
prints, ``/api/neighbourhood/akn/...`` the related acts. Answers are built in
a worker thread and cached (:meth:`~lexversion.web.context.WebContext.cached`)
until the store changes.

* :data:`works_router`: ``/api/works``, ``/api/works/{address}``;
* :data:`search_router`: ``/api/search``;
* :data:`graph_router`: ``/api/history/{address}``, ``/api/neighbourhood/{address}``.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from lexversion.app.query import history as query_history
from lexversion.app.query import resolve_address, show
from lexversion.app.resolve import find_work
from lexversion.app.search import search
from lexversion.store.repository import Store
from lexversion.store.search import MAX_QUERY
from lexversion.web.browse import BrowsePage, browse
from lexversion.web.context import Ctx
from lexversion.web.http import (
    MAX_PARAM,
    check_address,
    filters_from,
    json_response,
    parse_date,
    parse_text,
)
from lexversion.web.i18n import asked_text
from lexversion.web.pages import WorkPage, work_page
from lexversion.web.search import search_json
from lexversion.web.textlang import choose_text

#: the JSON Schema of ``show --format json``, documenting ``/api/works/{address}``
SHOW_SCHEMA: dict[str, Any] = json.loads(
    (resources.files("lexversion") / "schemas" / "show.schema.json").read_text("utf-8")
)

#: ``lang``, read by the middleware (:mod:`lexversion.web.uilang`) before the route
LangParam = Annotated[
    str | None,
    Query(
        max_length=20,
        description="en, kk or ru: the language of the words (error messages); kk or ru also "
        "prefers the text in that language where the act has one. Alias: ui (words only)",
    ),
]
#: ``text``: the text's language, asked for explicitly
TextParam = Annotated[
    str | None,
    Query(max_length=2, description="kk or ru: the text in that language (none when not held)"),
]

works_router = APIRouter()
search_router = APIRouter()
graph_router = APIRouter()


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


def works_json(p: BrowsePage) -> dict[str, Any]:
    """The body of ``/api/works`` for the browser page ``p``."""
    return {
        "as_of": p.filters.on.isoformat(),
        "page": p.filters.page,
        "next_page": p.next_page,
        "total": p.total,
        "works": [
            {
                "frbr_uri": r.uri,
                "title": r.title or None,
                "issuer": r.issuer or None,
                "date": r.date or None,
                "number": r.number or None,
                "languages": list(r.languages),
                "status": r.status,
                "certainty": r.certainty,
                "text_in_corpus": not r.stub,
            }
            for r in p.rows
        ],
    }


def neighbourhood_json(p: WorkPage) -> dict[str, Any]:
    """The body of ``/api/neighbourhood/...`` for the work page ``p``."""
    return {
        "work": p.uri,
        "neighbours": [
            {
                "frbr_uri": n.ref.uri,
                "label": n.ref.label,
                "title": n.ref.title or None,
                "stub": n.ref.stub,
                "in_store": not n.ref.missing,
                "relations": list(n.relations),
            }
            for n in p.neighbourhood.neighbours
        ],
    }


@works_router.get("/api/works", summary="Works, filtered, with their status on a date")
async def api_works(
    ctx: Ctx,
    on: Annotated[
        str | None, Query(max_length=20, description="YYYY-MM-DD (default today)")
    ] = None,
    region: Annotated[
        str | None, Query(max_length=20, description="ISO 3166-2:KZ code, KZ for national acts")
    ] = None,
    issuer: Annotated[
        str | None, Query(max_length=MAX_PARAM, description="part of the issuer's name")
    ] = None,
    status: Annotated[
        str | None,
        Query(
            max_length=20,
            description="in_force, not_yet_in_force, in_force_not_applied, repealed or unknown",
        ),
    ] = None,
    type: Annotated[
        str | None, Query(max_length=20, description="act type: decision, resolution, ...")
    ] = None,
    year: Annotated[str | None, Query(max_length=4, description="year of adoption")] = None,
    lang: LangParam = None,
    text: Annotated[
        str | None,
        Query(
            max_length=4,
            description="yes: a text in the corpus; kk or ru: a text in that language; "
            "stub: known only from citations",
        ),
    ] = None,
    page: Annotated[
        str | None, Query(max_length=4, description="page number (50 works a page)")
    ] = None,
) -> Response:
    """The corpus browser's list as JSON: works passing the filters, 50 a page."""
    f = filters_from(on, region, issuer, status, type, year, text, page)
    body = await ctx.cached(
        ("api-works", f), lambda s: _dump(works_json(browse(s, ctx.works(s), f)))
    )
    return json_response(body)


@works_router.get(
    "/api/works/{address:path}",
    summary="The text of a work in force on a date (lexversion show --format json)",
    responses={200: {"content": {"application/json": {"schema": SHOW_SCHEMA}}}},
)
async def api_show(
    ctx: Ctx,
    address: str,
    lang: LangParam = None,
    text: TextParam = None,
) -> Response:
    """``address`` is a work's FRBR URI with a point-in-time suffix, as in AKN:
    ``/akn/kz-19/act/decision/2017-12-15/26-129:2019-06-01`` (the text in force
    on that date), ``...@2017-12-15`` (that expression), ``...@`` (the first).
    The answer is exactly the object ``lexversion show --format json`` prints,
    in the text of language ``text`` (strict), else the address's, else
    ``lang``'s where the act has that text, else the act's own."""
    work, language = check_address("/" + address), parse_text(text)
    prefer = asked_text()

    def make(s: Store) -> bytes:
        rec, suffix = find_work(s, work)
        explicit = language or resolve_address(suffix, date.today()).lang
        chosen = choose_text(explicit, prefer, rec.languages)
        return _dump(show(s, work, None, chosen.lang, "json"))

    body = await ctx.cached(("api-show", work, language, prefer), make)
    return json_response(body)


@search_router.get("/api/search", summary="Full-text search over provisions")
async def api_search(
    ctx: Ctx,
    q: Annotated[str, Query(max_length=MAX_QUERY, description="words; word* for a prefix")],
    on: Annotated[
        str | None, Query(max_length=20, description="only the wording in force on YYYY-MM-DD")
    ] = None,
    lang: LangParam = None,
    text: Annotated[
        str | None, Query(max_length=2, description="kk or ru: only texts in that language")
    ] = None,
) -> Response:
    """Provisions containing every word of ``q``, best first (at most 50)."""
    when, language = parse_date(on, "on"), parse_text(text)
    body = await ctx.cached(
        ("api-search", q, when or date.today(), language),
        lambda s: _dump(search_json(q, on, language, search(s, q, on=when, lang=language))),
    )
    return json_response(body)


@graph_router.get("/api/history/{address:path}", summary="Events and effects of a work")
async def api_history(ctx: Ctx, address: str) -> Response:
    """What ``lexversion history --format json`` prints for the work at ``address``."""
    work = check_address("/" + address)
    body = await ctx.cached(("api-history", work), lambda s: _dump(query_history(s, work, "json")))
    return json_response(body)


@graph_router.get("/api/neighbourhood/{address:path}", summary="Acts related to a work")
async def api_neighbourhood(ctx: Ctx, address: str) -> Response:
    """The acts that amend, repeal or cite the work at ``address`` and those it
    amends, repeals or cites."""
    work = check_address("/" + address)
    body = await ctx.cached(
        ("api-neighbourhood", work),
        lambda s: _dump(neighbourhood_json(work_page(s, work, None, date.today()))),
    )
    return json_response(body)


#: the API routers, in the order their routes are matched (and documented)
ROUTERS = (works_router, search_router, graph_router)
