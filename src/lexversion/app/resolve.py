"""Find a work from what a researcher types: an FRBR URI or a citation.

A citation in either language ("решение маслихата города Алматы от 15
сентября 2017 года № 152", "Алматы облыстық мәслихатының 2017 жылғы 15
желтоқсандағы № 26-129 шешімі") is read with the same act-reference reader
as the corpus (:mod:`lexversion.parse.citations.anchors`) and matched by date and number
(look-alike letters folded) and, when it names one, the issuer's region; a joint
act's other half by the work's aliases.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz, process

from lexversion.akn.frbr import parse_work_uri
from lexversion.errors import NotFound, UsageError
from lexversion.graph import act_identity
from lexversion.graph.identity import work_act
from lexversion.i18n import day, ngettext
from lexversion.i18n import gettext as _
from lexversion.lang import fold_number
from lexversion.model import WorkRecord
from lexversion.parse.citations.anchors import find_anchors
from lexversion.parse.citations.identity import work_uri
from lexversion.store.repository import Store
from lexversion.text.language import detect_language


def find_work(store: Store, query: str) -> tuple[WorkRecord, str | None]:
    """(work, point-in-time suffix of the URI or ``None``) for ``query``.

    Raises :class:`UsageError` when ``query`` is neither an FRBR URI nor a
    citation, :class:`NotFound` when no stored work matches it.
    """
    q = query.strip()
    if q.startswith("/akn/"):
        try:
            uri, suffix = parse_work_uri(q)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        try:
            return store.work(uri), suffix
        except NotFound:
            raise _not_found(
                store, _("no work {uri}").format(uri=uri), _date_number(uri), _uri_key
            ) from None
    anchors = find_anchors(q, detect_language(q)) or find_anchors(q, "ru") or find_anchors(q, "kk")
    if not anchors:
        raise UsageError(
            _(
                "'{query}': neither an FRBR URI (/akn/...) nor a citation with a date and a number"
            ).format(query=query)
        )
    act = anchors[0].act
    region, when, number = act_identity(act)
    hits = [
        w
        for w in store.works()
        if w.date == when
        and w.number
        and act_identity(work_act(w))[2] == number
        and (region is None or w.region == region)
    ]
    cited = work_uri(act)
    if not hits and cited:  # a joint act's other half: an alias of the work
        hits = [w for w in store.works() if cited in w.aliases]
    if not hits:
        raise _not_found(
            store,
            _("no work matches '{query}' (date {day}, No {number})").format(
                query=query, day=day(when), number=act.number
            ),
            f"{when} {number}",
            lambda w: f"{w.date} {fold_number(w.number or '')}",
        )
    if len(hits) > 1:
        raise UsageError(
            f"'{query}' matches {len(hits)} works: " + ", ".join(w.frbr_uri for w in hits)
        )
    return hits[0], None


def _date_number(uri: str) -> str:
    """The date and number segments of a work URI (``2017-12-15 26-129``), what
    tells one act from another (the rest is shared by many)."""
    return " ".join(uri.rstrip("/").rsplit("/", 2)[-2:])


def _uri_key(work: WorkRecord) -> str:
    return _date_number(work.frbr_uri)


def _not_found(
    store: Store, looked_up: str, key: str, show: Callable[[WorkRecord], str]
) -> NotFound:
    """The error for a work the store lacks: ``looked_up`` (what was asked, in
    words), and either that the store is empty (build it first) or up to three
    close works: those whose ``show(work)`` is nearest ``key`` by edit
    distance (rapidfuzz's ``ratio``, 80 or more of 100)."""
    works = store.works()
    if not works:
        return NotFound(
            _("{looked_up}: the store is empty (lexversion build DIR first)").format(
                looked_up=looked_up
            )
        )
    keys = {w.frbr_uri: show(w) for w in works}
    close = process.extract(key, keys, scorer=fuzz.ratio, limit=3, score_cutoff=80)
    if not close:
        return NotFound(
            ngettext(
                "{looked_up} in the store ({count} work; lexversion works lists it)",
                "{looked_up} in the store ({count} works; lexversion works lists them)",
                len(works),
            ).format(looked_up=looked_up, count=len(works))
        )
    return NotFound(
        _("{looked_up} in the store; close: {uris}").format(
            looked_up=looked_up, uris=", ".join(uri for _k, _s, uri in close)
        )
    )
