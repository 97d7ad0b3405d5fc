"""Find a work from what a researcher types: an FRBR URI or a citation.

A citation in either language ("решение маслихата города Алматы от 15
сентября 2017 года № 152", "Алматы облыстық мәслихатының 2017 жылғы 15
желтоқсандағы № 26-129 шешімі") is read with the same act-reference reader
as the corpus (:mod:`lexversion.parse.citations.anchors`) and matched by date and number
(look-alike letters folded) and, when it names one, the issuer's region.
"""

from __future__ import annotations

from lexversion.akn.frbr import parse_work_uri
from lexversion.errors import NotFound, UsageError
from lexversion.graph import act_identity
from lexversion.lang import fold_number
from lexversion.model import WorkRecord
from lexversion.parse.citations.anchors import find_anchors
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
        return store.work(uri), suffix
    anchors = find_anchors(q, detect_language(q)) or find_anchors(q, "ru") or find_anchors(q, "kk")
    if not anchors:
        raise UsageError(
            f"'{query}': neither an FRBR URI (/akn/...) nor a citation with a date and a number"
        )
    act = anchors[0].act
    region, when, number = act_identity(act)
    hits = [
        w
        for w in store.works()
        if w.date == when
        and w.number
        and fold_number(w.number) == number
        and (region is None or w.region == region)
    ]
    if not hits:
        raise NotFound(f"no work matches '{query}' (date {when}, No {act.number})")
    if len(hits) > 1:
        raise UsageError(
            f"'{query}' matches {len(hits)} works: " + ", ".join(w.frbr_uri for w in hits)
        )
    return hits[0], None
