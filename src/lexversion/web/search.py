"""The search page and the search API as view models over :mod:`lexversion.app.search`.

The search itself (the index's SQL in :mod:`lexversion.store.search`, the
as-of status of each hit in :mod:`lexversion.app.search`) is the library's;
this module only formats: each hit's date with its certainty
(:func:`lexversion.render.pdf.shown`) and its page (the work as of the date
asked, else the expression, at the provision), the JSON body of
``/api/search``, and the act a query names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lexversion.app.search import Piece, SearchResult
from lexversion.model import PointInTime, WorkRecord
from lexversion.render.labels import provision_label
from lexversion.render.pdf import ShownDate, shown
from lexversion.web.refs import label_of, work_href


@dataclass(frozen=True)
class HitView:
    """A hit as shown: its work (``title``), expression (``kind``, the DateFact
    it applies from as shown, ``lang``), ``eid`` and ``label``, the snippet, its
    page (``href``) and the point-in-time answer on the as-of date when one
    was asked; ``where``, the provision's label in the reader's language."""

    work: str
    title: str
    expression: str
    kind: str
    applies_from: ShownDate
    lang: str
    eid: str
    label: str
    snippet: tuple[Piece, ...]
    href: str
    pit: PointInTime | None
    where: str = ""


@dataclass(frozen=True)
class SearchView:
    """What ``web_search.html`` shows of a :class:`~lexversion.app.search.SearchResult`
    (same fields, the hits as :class:`HitView`)."""

    on: date | None
    hits: tuple[HitView, ...]
    matched: int
    capped: bool
    dropped: int
    indexed: int
    stored: int
    status_on: date | None = None


def search_view(r: SearchResult) -> SearchView:
    """The view of result ``r``: dates as shown, each hit's page."""
    hits = tuple(
        HitView(
            work=h.work,
            title=h.title,
            expression=h.expression,
            kind=h.kind,
            applies_from=shown(h.applies_from, "unknown"),
            lang=h.lang,
            eid=h.eid,
            label=h.label,
            snippet=h.snippet,
            href=(work_href(h.work, r.on, h.lang) if r.on else h.expression) + "#" + h.eid,
            pit=h.pit,
            where=provision_label(h.eid),
        )
        for h in r.hits
    )
    return SearchView(r.on, hits, r.matched, r.capped, r.dropped, r.indexed, r.stored, r.status_on)


def search_json(q: str, on: str | None, lang: str | None, r: SearchResult) -> dict[str, Any]:
    """The body of ``/api/search`` for query ``q``, the ``on`` parameter as given
    and language ``lang``."""
    v = search_view(r)
    return {
        "query": q,
        "on": on or None,
        "lang": lang,
        "indexed": v.indexed,
        "stored": v.stored,
        "capped": v.capped,
        "status_on": v.status_on.isoformat() if v.status_on else None,
        "hits": [
            {
                "work": h.work,
                "title": h.title,
                "expression": h.expression,
                "expression_kind": h.kind,
                "applies_from": {
                    "text": h.applies_from.text,
                    "certainty": h.applies_from.certainty,
                },
                "lang": h.lang,
                "eid": h.eid,
                "label": h.label,
                "snippet": "".join(x.text for x in h.snippet),
                "status": h.pit.status if h.pit else None,
                "certainty": h.pit.certainty if h.pit else None,
            }
            for h in v.hits
        ],
    }


def named_link(rec: WorkRecord | None) -> dict[str, str] | None:
    """The link to the act a query names (:func:`lexversion.app.search.named_act`),
    or ``None``."""
    if rec is None:
        return None
    return {"href": rec.frbr_uri, "label": label_of(rec), "title": rec.title or ""}
