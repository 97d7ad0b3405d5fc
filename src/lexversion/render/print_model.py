"""The print view model: the frozen values ``templates/print.html`` shows.

Issue 5, "Compare and print". :func:`lexversion.render.print_view.print_view`
builds a :class:`PrintView` (cover, contents, text blocks with their
footnotes, applied effects, history, changes since an earlier date); the
template only loops and prints it.

Every date printed carries its certainty (ARCHITECTURE.md, invariant 3): a
:class:`~lexversion.model.DateFact` becomes a :class:`ShownDate` (:func:`shown`)
whose text is a single day only when the fact is exact and a range otherwise.
:func:`validity` gives the window an expression applies in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lexversion.i18n import N_, day
from lexversion.i18n import gettext as _
from lexversion.model import DateFact, ExpressionInfo, WorkTimeline

#: status codes -> English words (msgids: :func:`lexversion.i18n.term` shows them)
STATUS_WORDS = {
    "in_force": N_("in force"),
    "not_yet_in_force": N_("not yet in force"),
    "in_force_not_applied": N_("in force, not yet put into effect"),
    "repealed": N_("repealed"),
    "unknown": N_("unknown"),
}
#: kinds of expression -> what they mean (msgids, translated where shown)
KIND_NOTES = {
    "official": N_("official text: the wording as published"),
    "consolidated": N_(
        "consolidated text: the wording exported by the database, "
        "with the later changes it records already included"
    ),
    "reconstructed": N_(
        "reconstructed text: derived by reversing recorded effects, not a published text"
    ),
}


@dataclass(frozen=True)
class ShownDate:
    """A date as printed: ``text`` (a day, ``A – B`` for a window, or ``unknown``),
    its ``certainty`` and the ``basis`` it came from."""

    text: str
    certainty: str
    basis: str


@dataclass(frozen=True)
class Run:
    """A run of text in a block; ``mark`` is ``ins``, ``del`` or empty."""

    text: str
    mark: str = ""


@dataclass(frozen=True)
class PrintBlock:
    """One printed block of the text: HTML ``tag`` and ``css`` class, ``label``
    (the provision's number), ``runs``, ``anchor`` (HTML id, the eId), the
    editorial ``notes`` attached to it as footnotes (each a tuple of lines) and,
    with ``--changes-since``, the number it had before (``label_was``, when it
    changed)."""

    tag: str
    css: str
    label: str
    runs: tuple[Run, ...]
    anchor: str = ""
    notes: tuple[tuple[str, ...], ...] = ()
    label_was: str = ""


@dataclass(frozen=True)
class TocEntry:
    """A contents line: ``text`` linking to ``#anchor``, indented by ``depth``."""

    anchor: str
    text: str
    depth: int


@dataclass(frozen=True)
class HistoryRow:
    """An event or effect: when (with certainty), what, by and on which act, details."""

    when: ShownDate
    vs_as_of: str
    what: str
    by: str
    on: str
    detail: str


@dataclass(frozen=True)
class AppliedEffect:
    """An effect applied (or reversed) to reach the printed text."""

    how: str
    what: str
    by: str
    in_force: ShownDate
    detail: str


@dataclass(frozen=True)
class ChangeRow:
    """A provision changed since the earlier date: ``status`` (with the kind of
    move), its ``label`` and the start of its text, linking to ``#anchor``."""

    anchor: str
    status: str
    label: str
    excerpt: str


@dataclass(frozen=True)
class Changes:
    """What ``--changes-since`` compared: the earlier date and the text in force
    then (expression, kind, status certainty), the counts and the changed
    provisions (empty when both dates have the same wording)."""

    since: str
    expression: str
    expression_kind: str
    certainty: str
    summary: str
    rows: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class Cover:
    """The facts on the cover page."""

    title: str
    citation: str
    issuer: str
    number: str
    adopted: ShownDate
    status: str
    status_certainty: str
    as_of: str
    applies_from: ShownDate
    applies_to: ShownDate
    expression: str
    expression_kind: str
    notes: tuple[str, ...]
    #: entry into force and application (put into effect), each (label, date),
    #: when the text states them apart (empty: one rule dates both)
    commencement: tuple[tuple[str, ShownDate], ...] = ()


@dataclass(frozen=True)
class PrintView:
    """Everything ``print.html`` shows; built by
    :func:`lexversion.render.print_view.print_view`."""

    lang: str
    meta_title: str
    meta_author: str
    meta_description: str
    meta_keywords: str
    cover: Cover
    toc: tuple[TocEntry, ...]
    blocks: tuple[PrintBlock, ...]
    effects: tuple[AppliedEffect, ...]
    history: tuple[HistoryRow, ...]
    changes: Changes | None = None
    #: what the exported text says about events after the as-of date (notes,
    #: requisites sentences), taken out of the text (issue 13, item 10)
    later: tuple[str, ...] = ()


# -- dates -----------------------------------------------------------------------------


def shown(fact: DateFact | None, missing: str = N_("none recorded in the corpus")) -> ShownDate:
    """``fact`` as printed in the reader's language (:func:`lexversion.i18n.day`:
    ``2019-06-01`` in English, ``01.06.2019`` in Kazakh and Russian): the day
    when exact, ``earliest – latest`` for a window.

    ``None`` (no such event) prints as ``missing`` (an English message,
    translated here) with certainty ``unknown``.
    """
    if fact is None:
        return ShownDate(_(missing), "unknown", "")
    if fact.earliest is None:
        return ShownDate(_("unknown"), "unknown", fact.basis)
    if fact.date is not None:
        return ShownDate(day(fact.date), fact.certainty, fact.basis)
    latest = day(fact.latest) if fact.latest else "?"
    return ShownDate(f"{day(fact.earliest)} – {latest}", fact.certainty, fact.basis)


def validity(tl: WorkTimeline, uri: str) -> tuple[DateFact, DateFact | None]:
    """(applies from, applies until) of expression ``uri``: its own ``applies_from``
    and the next expression's in the same language, else the repeal, else ``None``.

    The order of expressions is point-in-time's (:mod:`lexversion.timeline.pit`).
    Raises :class:`ValueError` when ``uri`` is not exactly one expression of ``tl``.
    """
    (this,) = [e for e in tl.expressions if e.uri == uri]
    same = sorted((e for e in tl.expressions if e.lang == this.lang), key=_order)
    later = same[same.index(this) + 1 :]
    return this.applies_from, (later[0].applies_from if later else tl.repeal)


def _order(e: ExpressionInfo) -> tuple[date, str]:
    return (e.applies_from.earliest or date.min, e.uri)
