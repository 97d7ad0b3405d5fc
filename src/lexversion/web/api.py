"""The JSON API of the web app (documented at ``/openapi.json``).

Same addressing as the pages: ``/api/works/akn/...:DATE`` answers exactly what
``lexversion show --format json`` prints (:func:`lexversion.app.query.show`);
``/api/works`` is the corpus browser's list, ``/api/search`` the provision
search, ``/api/history/akn/...`` what ``lexversion history --format json``
prints, ``/api/neighbourhood/akn/...`` the related acts. Answers are built in
a worker thread and cached (``cached``) until the store changes.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Hashable, Sequence
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi.responses import Response

from lexversion.app.query import history as query_history
from lexversion.app.query import show
from lexversion.app.search import search
from lexversion.graph import WorkRecord
from lexversion.store.repository import Store
from lexversion.store.search import MAX_QUERY
from lexversion.web.browse import browse
from lexversion.web.http import MAX_PARAM, filters_from, json_response, parse_date, parse_lang
from lexversion.web.pages import work_page
from lexversion.web.search import search_json

Cached = Callable[[Hashable, Callable[[], bytes]], Awaitable[bytes]]


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


def register_api(
    app: FastAPI,
    store: Store,
    cached: Cached,
    works: Callable[[], Sequence[WorkRecord]],
    show_schema: dict[str, Any],
) -> None:
    """Add the ``/api`` routes to ``app``: answers from ``store``, through ``cached``
    (key, maker -> bytes), the works list from ``works()``; ``show_schema`` (the
    JSON Schema of ``show --format json``) documents the show endpoint."""

    @app.get("/api/works", summary="Works, filtered, with their status on a date")
    async def api_works(
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
            Query(max_length=20, description="in_force, not_yet_in_force, repealed or unknown"),
        ] = None,
        type: Annotated[
            str | None, Query(max_length=20, description="act type: decision, resolution, ...")
        ] = None,
        year: Annotated[str | None, Query(max_length=4, description="year of adoption")] = None,
        lang: Annotated[
            str | None, Query(max_length=2, description="kk or ru: a text in that language")
        ] = None,
        text: Annotated[
            str | None,
            Query(
                max_length=4, description="yes: text in the corpus; stub: known only from citations"
            ),
        ] = None,
        page: Annotated[
            str | None, Query(max_length=4, description="page number (50 works a page)")
        ] = None,
    ) -> Response:
        """The corpus browser's list as JSON: works passing the filters, 50 a page."""
        f = filters_from(on, region, issuer, status, type, year, lang, text, page)

        def make() -> bytes:
            p = browse(store, works(), f)
            body = {
                "as_of": f.on.isoformat(),
                "page": f.page,
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
            return _dump(body)

        return json_response(await cached(("api-works", f), make))

    @app.get(
        "/api/works/{address:path}",
        summary="The text of a work in force on a date (lexversion show --format json)",
        responses={200: {"content": {"application/json": {"schema": show_schema}}}},
    )
    async def api_show(
        address: str,
        lang: Annotated[str | None, Query(max_length=2, description="kk or ru")] = None,
    ) -> Response:
        """``address`` is a work's FRBR URI with a point-in-time suffix, as in AKN:
        ``/akn/kz-19/act/decision/2017-12-15/26-129:2019-06-01`` (the text in force
        on that date), ``...@2017-12-15`` (that expression), ``...@`` (the first).
        The answer is exactly the object ``lexversion show --format json`` prints."""
        work, language = "/" + address, parse_lang(lang)

        def make() -> bytes:
            return json.dumps(
                show(store, work, None, language, "json"), ensure_ascii=False
            ).encode()

        return json_response(await cached(("api-show", work, language), make))

    @app.get("/api/search", summary="Full-text search over provisions")
    async def api_search(
        q: Annotated[str, Query(max_length=MAX_QUERY, description="words; word* for a prefix")],
        on: Annotated[
            str | None, Query(max_length=20, description="only the wording in force on YYYY-MM-DD")
        ] = None,
        lang: Annotated[str | None, Query(max_length=2, description="kk or ru")] = None,
    ) -> Response:
        """Provisions containing every word of ``q``, best first (at most 50)."""
        when, language = parse_date(on, "on"), parse_lang(lang)

        def make() -> bytes:
            return _dump(search_json(q, on, language, search(store, q, on=when, lang=language)))

        return json_response(await cached(("api-search", q, when, language), make))

    @app.get("/api/history/{address:path}", summary="Events and effects of a work")
    async def api_history(address: str) -> Response:
        """What ``lexversion history --format json`` prints for the work at ``address``."""
        work = "/" + address
        return json_response(
            await cached(
                ("api-history", work),
                lambda: _dump(query_history(store, work, "json")),
            )
        )

    @app.get("/api/neighbourhood/{address:path}", summary="Acts related to a work")
    async def api_neighbourhood(address: str) -> Response:
        """The acts that amend, repeal or cite the work at ``address`` and those it
        amends, repeals or cites."""
        work = "/" + address

        def make() -> bytes:
            p = work_page(store, work, None, date.today())
            body = {
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
            return _dump(body)

        return json_response(await cached(("api-neighbourhood", work), make))
