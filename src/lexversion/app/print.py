"""``lexversion pdf``: the consolidated PDF of a work in force on a date.

The use case around the pure renderer (:mod:`lexversion.render.pdf`): resolve
the work, open the store, answer the point-in-time question, read the
timeline and the history, compute the diff since ``--changes-since``
(:func:`lexversion.diff.compare`), build the print view model
(:func:`lexversion.render.pdf.print_view`), lay it out as a PDF and write the
file atomically (:func:`lexversion.app.files.write_atomic`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lexversion.app.files import write_atomic
from lexversion.app.query import answer, store_for
from lexversion.app.resolve import find_work
from lexversion.diff import compare
from lexversion.errors import UsageError
from lexversion.i18n import day
from lexversion.i18n import gettext as _
from lexversion.model import PointInTime
from lexversion.phrases import explain
from lexversion.render import pdf
from lexversion.render.pdf import Earlier, PrintView, html_to_pdf, render_print_html
from lexversion.store.repository import Store


def earlier_text(
    db: str | Store | None, work: str, since: date, lang: str | None, new: bytes, pit: PointInTime
) -> Earlier:
    """The text in force on ``since`` and the diff from it to ``new`` (the text
    of ``pit``; no diff when both dates have the same expression).

    Raises :class:`UsageError` when ``since`` is not before the as-of date or
    no text was in force on ``since``.
    """
    if since >= pit.as_of:
        raise UsageError(
            _("--changes-since {since} is not before --as-of {as_of}").format(
                since=day(since), as_of=day(pit.as_of)
            )
        )
    old_pit, old = answer(db, work, since, lang)
    if old is None or old_pit.expression is None:
        raise UsageError(
            _("--changes-since {since}: no text in force then to compare with: {why}").format(
                since=day(since), why=explain(old_pit.reason)
            )
        )
    diff = None if old_pit.expression == pit.expression else compare(old, new)
    return Earlier(since, old_pit, diff)


def print_view(
    db: str | Store | None,
    work: str,
    as_of: date,
    lang: str | None,
    changes_since: date | None = None,
) -> PrintView:
    """The print view model of ``work`` (URI or citation) in force on ``as_of``
    in the store ``db``, with the changes made since ``changes_since`` marked
    when it is given (:func:`lexversion.render.pdf.print_view` on what the
    store holds).

    Raises :class:`UsageError` when no text is in force then (not yet adopted,
    repealed, text not in the corpus; the reason is point-in-time's) or on
    ``changes_since`` (see :func:`earlier_text`),
    :class:`~lexversion.errors.NotFound` for an unknown work.
    """
    pit, akn = answer(db, work, as_of, lang)
    if akn is None or pit.expression is None:
        raise UsageError(
            _("no text in force on {day}: {why}").format(day=day(as_of), why=explain(pit.reason))
        )
    store = store_for(db)
    rec, _suffix = find_work(store, work)
    tl = store.timeline(rec.frbr_uri)
    items = store.history(rec.frbr_uri)
    earlier = None
    if changes_since is not None:
        earlier = earlier_text(db, work, changes_since, pit.lang, akn, pit)
    return pdf.print_view(rec, tl, items, pit, akn, earlier)


def cli_pdf(
    db: str | None,
    work: str,
    as_of: date,
    lang: str | None,
    changes_since: date | None,
    out: Path,
) -> None:
    """Write the PDF of ``work`` in force on ``as_of`` to ``out`` (``lexversion pdf``).

    The file is written to ``out.pdf.part`` and renamed, so ``out`` is either
    the old file or the complete new one. Raises :class:`UsageError` when no
    text is in force on ``as_of`` or ``out`` cannot be written, as
    :func:`print_view` does otherwise.
    """
    pv = print_view(db, work, as_of, lang, changes_since)
    write_atomic(out, html_to_pdf(render_print_html(pv)))
