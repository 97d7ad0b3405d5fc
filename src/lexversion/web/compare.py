"""The compare page as a view model: a redline of one work on two dates, or of two works.

The two texts are chosen as ``lexversion diff`` chooses them
(:func:`lexversion.app.compare.sides`), compared by
:func:`lexversion.diff.compare`, and shown with the rows of the HTML redline
(:func:`lexversion.render.redline.row`), so the page and ``lexversion diff
--format html`` say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lexversion.app.compare import sides
from lexversion.diff import compare
from lexversion.diff.align import STATUSES
from lexversion.diff.output import Side
from lexversion.errors import UsageError
from lexversion.i18n import gettext as _
from lexversion.render.redline import Row, row
from lexversion.store.repository import Store


@dataclass(frozen=True)
class ComparePage:
    """Both sides (what was compared, with status and certainty), the counts by
    status, the redline rows, and how they are laid out."""

    mode: str
    heading: str
    old: Side
    new: Side
    counts: tuple[tuple[str, int], ...]
    rows: tuple[Row, ...]
    side_by_side: bool


def compare_page(
    db: str | Store,
    work: str,
    work_b: str | None,
    from_: date | None,
    to: date | None,
    on: date | None,
    lang: str | None,
    side_by_side: bool,
) -> ComparePage:
    """The redline of ``work`` from ``from_`` to ``to``, or of ``work`` and
    ``work_b`` as in force on ``on`` (or on the dates their URIs carry).

    Raises :class:`UsageError` when the form is incomplete or a side has no text
    (with point in time's reason), :class:`~lexversion.errors.NotFound` for an
    unknown work.
    """
    if work_b is None and (from_ is None or to is None):
        raise UsageError(_("to compare one work, give both dates (from and to)"))
    if work_b is not None and (from_ is not None or to is not None):
        raise UsageError(_("to compare two works, give one date (on), not from and to"))
    mode, (pit_old, akn_old), (pit_new, akn_new) = sides(db, work, work_b, from_, to, on, lang)
    result = compare(akn_old, akn_new)
    old, new = Side.of(pit_old, result.title_old), Side.of(pit_new, result.title_new)
    heading = new.title if new.title == old.title else f"{old.title} → {new.title}"
    return ComparePage(
        mode,
        heading,
        old,
        new,
        tuple((s, int(getattr(result.summary, s))) for s in STATUSES),
        tuple(row(p) for p in result.provisions),
        side_by_side,
    )
