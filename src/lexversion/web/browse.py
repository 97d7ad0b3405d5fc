"""The corpus browser as a view model: works filtered, with their status on a date.

Filters on what a work *is* (region or issuer, act type, year, language, text
in the corpus or a stub) are applied to :meth:`lexversion.store.Store.works`;
the status on the chosen date is point in time's
(:func:`lexversion.timeline.pit.point_in_time`), computed for the works shown
and, when the status is a filter, for the candidates in order until the page
is full: at most :data:`STATUS_SCAN` timelines per request, after which the
page says how far it looked instead of guessing a count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from lexversion.i18n import gettext as _
from lexversion.i18n import term
from lexversion.lang.regions import REGIONS
from lexversion.model import WorkRecord
from lexversion.store.repository import Store
from lexversion.timeline.pit import point_in_time
from lexversion.web.refs import issuer_of, label_of

PAGE_SIZE = 50
STATUS_SCAN = 2000
REGION_NAMES = {r.code: f"{r.kk} / {r.ru}" for r in REGIONS}


@dataclass(frozen=True)
class Filters:
    """What the browser was asked for (all optional); ``on`` is the date of the
    status column (and of the status filter)."""

    on: date
    region: str | None = None
    issuer: str | None = None
    status: str | None = None
    act_type: str | None = None
    year: int | None = None
    lang: str | None = None
    text: str | None = None
    page: int = 1

    def query(self, **change: object) -> dict[str, str]:
        """The query parameters of these filters, with ``change`` applied."""
        values: dict[str, object] = {
            "on": self.on.isoformat(),
            "region": self.region,
            "issuer": self.issuer,
            "status": self.status,
            "type": self.act_type,
            "year": self.year,
            "text": self.lang or self.text,
            "page": self.page,
        }
        values.update(change)
        return {k: str(v) for k, v in values.items() if v not in (None, "", 1) or k == "on"}


@dataclass(frozen=True)
class Row:
    """A work in the list, with its status on the date and that status's certainty."""

    uri: str
    title: str
    issuer: str
    region: str
    date: str
    number: str
    languages: tuple[str, ...]
    stub: bool
    status: str
    status_words: str
    certainty: str


@dataclass(frozen=True)
class Option:
    """A choice of a filter: value, label, number of works."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class BrowsePage:
    """The rows shown; ``candidates``: works passing the filters other than status;
    ``total``: works passing them all (``None`` when the status scan stopped
    early; ``scanned`` says after how many); previous/next page numbers; the
    filter options."""

    filters: Filters
    rows: tuple[Row, ...]
    candidates: int
    total: int | None
    scanned: int
    first: int
    prev_page: int | None
    next_page: int | None
    regions: tuple[Option, ...] = field(default=())
    types: tuple[Option, ...] = field(default=())
    years: tuple[Option, ...] = field(default=())
    langs: tuple[Option, ...] = field(default=())


def _options(works: Sequence[WorkRecord]) -> dict[str, tuple[Option, ...]]:
    def count(values: list[str], label: dict[str, str] | None = None) -> tuple[Option, ...]:
        seen: dict[str, int] = {}
        for v in values:
            seen[v] = seen.get(v, 0) + 1
        return tuple(Option(v, (label or {}).get(v, v), n) for v, n in sorted(seen.items()))

    return {
        "regions": count([w.region or "KZ" for w in works], {**REGION_NAMES, "KZ": _("national")}),
        "types": count([w.act_type or "unknown" for w in works]),
        "years": tuple(reversed(count([str(w.date.year) for w in works if w.date]))),
        "langs": count([x for w in works for x in w.languages]),
    }


def _keep(w: WorkRecord, f: Filters) -> bool:
    if f.region and (w.region or "KZ") != f.region:
        return False
    if f.issuer and f.issuer.casefold() not in (w.issuer or "").casefold():
        return False
    if f.act_type and (w.act_type or "unknown") != f.act_type:
        return False
    if f.year and (w.date is None or w.date.year != f.year):
        return False
    if f.lang and f.lang not in w.languages:
        return False
    return not ((f.text == "yes" and w.stub) or (f.text == "stub" and not w.stub))


def _row(store: Store, w: WorkRecord, on: date) -> Row:
    pit = point_in_time(store.timeline(w.frbr_uri), on)
    return Row(
        w.frbr_uri,
        w.title or label_of(w),
        issuer_of(w),
        w.region or "",
        w.date.isoformat() if w.date else "",
        w.number or "",
        w.languages,
        w.stub,
        pit.status,
        term(pit.status),
        pit.certainty,
    )


def browse(store: Store, works: Sequence[WorkRecord], f: Filters) -> BrowsePage:
    """The page ``f.page`` of ``works`` (the store's, in URI order) passing ``f``."""
    candidates = [w for w in works if _keep(w, f)]
    start = (f.page - 1) * PAGE_SIZE
    scanned = 0
    total: int | None
    if f.status:
        matched: list[Row] = []
        for w in candidates:
            if scanned >= STATUS_SCAN or len(matched) > start + PAGE_SIZE:
                break
            scanned += 1
            r = _row(store, w, f.on)
            if r.status == f.status:
                matched.append(r)
        done = scanned == len(candidates)
        total = len(matched) if done else None
        rows = matched[start : start + PAGE_SIZE]
        more = len(matched) > start + PAGE_SIZE or not done
    else:
        total = len(candidates)
        rows = [_row(store, w, f.on) for w in candidates[start : start + PAGE_SIZE]]
        more = total > start + PAGE_SIZE
    opts = _options(works)
    return BrowsePage(
        f,
        tuple(rows),
        len(candidates),
        total,
        scanned,
        start + 1,
        f.page - 1 if f.page > 1 else None,
        f.page + 1 if more and rows else None,
        opts["regions"],
        opts["types"],
        opts["years"],
        opts["langs"],
    )
