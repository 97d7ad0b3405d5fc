"""``lexversion diff``: which two texts to compare, then :func:`compare` and a format.

Two ways to ask (issue 5):

* one work on two dates, ``WORK --from D1 --to D2``: the expressions in force
  on D1 and on D2 (:func:`lexversion.app.query.answer`);
* two works, ``WORK_A WORK_B [--as-of D]``: the expression of each in force on
  D (default: today), or on the date of the URI's own ``:DATE`` suffix, so that
  acts in force at different times can be set side by side
  (``/akn/kz-75/act/decision/2021-02-19/22:2022-01-01``). Both must be in one
  language (``--lang``, or the language of each work's corpus text).

``--from`` later than ``--to`` is allowed: it is the same diff read backwards.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lexversion.app.query import answer, store_for
from lexversion.app.resolve import find_work
from lexversion.diff.align import DiffResult, compare
from lexversion.diff.output import Side, diff_json, diff_text
from lexversion.errors import UsageError
from lexversion.i18n import day
from lexversion.i18n import gettext as _
from lexversion.model import PointInTime
from lexversion.phrases import explain
from lexversion.render.labels import provision_label
from lexversion.render.redline import VIEWS, diff_html
from lexversion.store.repository import Store

FORMATS = ("html", "text", "json")


def _text_of(pit: PointInTime, akn: bytes | None) -> bytes:
    if akn is None:
        why = pit.reason or _("no expression of it applies")
        raise UsageError(
            _("{work}: no text on {day} to compare: {why}").format(
                work=pit.work, day=day(pit.as_of), why=explain(why)
            )
        )
    return akn


def sides(
    db: str | Store | None,
    work: str,
    work_b: str | None,
    from_: date | None,
    to: date | None,
    as_of: date | None,
    lang: str | None,
) -> tuple[str, tuple[PointInTime, bytes], tuple[PointInTime, bytes]]:
    """(mode, old side, new side): each side the point-in-time answer and its AKN.

    ``mode`` is ``dates`` or ``works``. Raises :class:`UsageError` for a
    meaningless combination (one work without both ``--from`` and ``--to`` or
    with ``--as-of`` or a dated URI; two works with ``--from``/``--to``, or a
    dated URI and ``--as-of``), for
    two works in different languages, and when a side has no text (with the
    point-in-time reason); :class:`~lexversion.errors.NotFound` for an unknown
    work.
    """
    store = store_for(db)
    if work_b is None:
        if as_of is not None:
            raise UsageError(
                _("--as-of compares two works; for one work give --from DATE and --to DATE")
            )
        if from_ is None or to is None:
            raise UsageError(
                _("one work: give --from DATE and --to DATE (or a second work to compare with)")
            )
        if find_work(store, work)[1]:
            raise UsageError(
                _("'{work}': give the dates with --from and --to, not in the URI").format(work=work)
            )
        old, new = answer(db, work, from_, lang), answer(db, work, to, lang)
        mode = "dates"
    else:
        if from_ is not None or to is not None:
            raise UsageError(
                _(
                    "--from/--to compare one work on two dates; for two works give --as-of "
                    "DATE (or end each URI in :DATE)"
                )
            )
        picked = []
        for w in (work, work_b):
            dated = find_work(store, w)[1] is not None
            if dated and as_of is not None:
                raise UsageError(
                    _("'{work}': give the date in the URI or with --as-of, not both").format(work=w)
                )
            picked.append(answer(db, w, None if dated else as_of or date.today(), lang))
        old, new = picked[0], picked[1]
        if old[0].lang and new[0].lang and old[0].lang != new[0].lang:
            raise UsageError(
                _(
                    "the works are in different languages ({old}, {new}): pass --lang kk or "
                    "--lang ru"
                ).format(old=old[0].lang, new=new[0].lang)
            )
        mode = "works"
    return mode, (old[0], _text_of(*old)), (new[0], _text_of(*new))


def cli_diff(
    db: str | None,
    work: str,
    work_b: str | None,
    from_: date | None,
    to: date | None,
    as_of: date | None,
    lang: str | None,
    fmt: str,
    view: str,
) -> str | dict[str, Any]:
    """What ``lexversion diff`` prints: HTML or text (``str``) or the JSON object
    of ``schemas/diff.schema.json`` (``dict``).

    ``fmt`` is ``html``, ``text`` or ``json``; ``view`` (``inline`` or
    ``side-by-side``) shapes the HTML only. Raises as :func:`sides` does, and
    :class:`UsageError` for an unknown format or view. The text names each
    provision by its label in the reader's language, never by its eId.
    """
    if fmt not in FORMATS:
        raise UsageError(
            _("--format {value}: use one of {choices}").format(
                value=repr(fmt), choices=", ".join(FORMATS)
            )
        )
    if view not in VIEWS:
        raise UsageError(
            _("--view {value}: use one of {choices}").format(
                value=repr(view), choices=", ".join(VIEWS)
            )
        )
    mode, (pit_old, akn_old), (pit_new, akn_new) = sides(db, work, work_b, from_, to, as_of, lang)
    result: DiffResult = compare(akn_old, akn_new)
    old, new = Side.of(pit_old, result.title_old), Side.of(pit_new, result.title_new)
    if fmt == "json":
        return diff_json(result, old, new, mode)
    if fmt == "html":
        return diff_html(result, old, new, view)
    return diff_text(result, old, new, provision_label)
