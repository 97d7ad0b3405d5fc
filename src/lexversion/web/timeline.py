"""The timeline of a work as a view model: one row per event, effect and wording,
placed on a date axis for an inline SVG, and the same rows as a table.

Every date keeps its certainty (ARCHITECTURE.md, invariant 3): an exact date
(*stated* or *computed*) is a dot, an *estimated* window a bar from its earliest
to its latest day (never a dot in the middle), an *unknown* date no mark at
all but the words "date unknown". The rows come from
:meth:`lexversion.store.Store.history` (events on the work, effects by or on
it) and the work's expressions with the window each applies in
(:func:`lexversion.render.pdf.validity`). Coordinates are computed here, so
the template only prints numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lexversion.i18n import gettext as _
from lexversion.i18n import term
from lexversion.model import DateFact, HistoryEntry, WorkTimeline
from lexversion.render.pdf import ShownDate, shown, validity
from lexversion.web.refs import WorkRef, short

WIDTH = 960
LABEL_W = 330
PLOT_X = 340
PLOT_W = 600
ROW_H = 24
AXIS_H = 30
MIN_BAR = 3.0
PAD_DAYS = 120
LABEL_CHARS = 46


@dataclass(frozen=True)
class Row:
    """One line of the timeline.

    ``what`` (the words), ``kind`` (``event``, ``effect`` or ``wording``, a CSS
    class), ``when`` (the date as shown, with certainty and basis), ``other``
    (the work that caused it or that it acts on, if another), ``y`` (its
    baseline), and its mark: ``shape`` ``dot`` (an exact date at ``x``), ``bar``
    (a window from ``x`` to ``x2``) or ``none`` (date unknown), ``span_to`` (the
    end of a wording's line when it applied until a later date), ``certainty``;
    ``label``, the words cut to fit.
    """

    what: str
    kind: str
    when: ShownDate
    other: WorkRef | None
    y: float
    x: float | None
    x2: float | None
    span_to: float | None
    certainty: str
    label: str
    shape: str


@dataclass(frozen=True)
class Tick:
    """A year on the axis at ``x``."""

    x: float
    label: str


@dataclass(frozen=True)
class TimelineView:
    """The SVG's size, rows, year ticks and the as-of line (``as_of_x``)."""

    width: int
    height: int
    plot_x: int
    plot_w: int
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    as_of: str
    as_of_x: float


def _what(item: HistoryEntry, work: str, other: bool) -> str:
    """The words of a history item in the reader's language: ``<effect> by``/
    ``<effect> of`` for an effect on or by ``work``, the event's name (``by``
    when ``other`` caused it)."""
    if item.is_effect:
        words = term(item.type.removeprefix("effect:"))
        if item.on == work:
            return _("{effect} by").format(effect=words)
        return _("{effect} of").format(effect=words)
    return _("{event} by").format(event=term(item.type)) if other else term(item.type)


def timeline_view(
    work: str,
    items: Sequence[HistoryEntry],
    tl: WorkTimeline,
    refs: dict[str, WorkRef],
    as_of: date,
) -> TimelineView:
    """The timeline of ``work`` from its history ``items`` (``Store.history``),
    its timeline ``tl`` (the wordings), the references of the other works
    (``refs``, by URI) and the as-of date marked by a line."""
    raw: list[tuple[str, str, DateFact, WorkRef | None, DateFact | None]] = []
    for it in items:
        other = it.by if it.on == work else it.on
        ref = refs.get(other) if other and other != work else None
        kind = "effect" if it.is_effect else "event"
        raw.append((_what(it, work, ref is not None), kind, it.date, ref, None))
    exprs = sorted(tl.expressions, key=lambda x: (x.applies_from.earliest or date.min, x.uri))
    for e in exprs:
        start, end = validity(tl, e.uri)
        what = _("wording {name} ({kind}) applies").format(
            name=e.uri.rsplit("/", 1)[-1], kind=term(e.kind)
        )
        raw.append((what, "wording", start, None, end))

    days = [as_of]
    for _words, _kind, fact, _ref, end in raw:
        days += [d for d in (fact.earliest, fact.latest) if d]
        if end is not None:
            days += [d for d in (end.earliest, end.latest) if d]
    lo = min(days) - timedelta(days=PAD_DAYS)
    hi = max(days) + timedelta(days=PAD_DAYS)
    span = max((hi - lo).days, 1)

    def xof(d: date) -> float:
        return round(PLOT_X + (d - lo).days / span * PLOT_W, 1)

    rows = []
    for k, (what, kind, fact, ref, end) in enumerate(raw):
        y = AXIS_H + k * ROW_H + ROW_H / 2
        x = xof(fact.earliest) if fact.earliest else None
        x2 = xof(fact.latest or fact.earliest) if fact.earliest else None
        if x is not None and x2 is not None and fact.earliest != fact.latest:
            x2 = max(x2, x + MIN_BAR)
        span_to = None
        if kind == "wording" and x2 is not None:
            span_to = xof(end.earliest) if end is not None and end.earliest else PLOT_X + PLOT_W
        label = what + (f" {ref.brief}" if ref else "")
        shape = "none" if x is None else "dot" if fact.earliest == fact.latest else "bar"
        rows.append(
            Row(
                what,
                kind,
                shown(fact),
                ref,
                y,
                x,
                x2,
                span_to,
                fact.certainty,
                short(label, LABEL_CHARS),
                shape,
            )
        )
    years = range(lo.year + 1, hi.year + 1)
    step = max(1, math.ceil(len(years) / 10))
    ticks = tuple(Tick(xof(date(y, 1, 1)), str(y)) for y in years if (y - years.start) % step == 0)
    return TimelineView(
        WIDTH,
        AXIS_H + len(rows) * ROW_H + 10,
        PLOT_X,
        PLOT_W,
        tuple(rows),
        ticks,
        as_of.isoformat(),
        xof(as_of),
    )
