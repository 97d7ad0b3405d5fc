"""A :class:`~lexversion.diff.DiffResult` as an HTML redline: :func:`diff_html`.

``templates/diff.html`` through the project's one jinja2 environment
(:func:`lexversion.render.html.environment`), ``inline`` (one column,
``del``/``ins`` in the running text) or ``side-by-side`` (old and new wording
in two columns). The view model (:class:`Row`, :class:`Piece`, one row per
provision: :func:`row`) is built here; the template only loops and prints,
and autoescape escapes all legal text. The diff itself is computed by
:func:`lexversion.diff.compare`; the other formats are :mod:`lexversion.diff.output`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexversion.diff.align import STATUSES, DiffResult, ProvisionDiff
from lexversion.diff.output import Side
from lexversion.render.html import environment

VIEWS = ("inline", "side-by-side")
_NOT_LEVEL = re.compile(r"^(?:att|list)_\d+$")


@dataclass(frozen=True)
class Piece:
    """A run of text: ``op`` ``equal`` (plain), ``insert`` (``ins``) or ``delete`` (``del``)."""

    op: str
    text: str


@dataclass(frozen=True)
class Row:
    """One provision of the redline.

    ``status`` (a CSS class too); ``anchor``, its HTML id (the new eId, or
    ``old-`` and the old eId for removed and merged provisions); ``depth``
    (indent); ``badge`` (the status, empty when unchanged); ``note`` (e.g.
    where it moved from); its label and text as pieces
    for the inline view, the old and the new side for the side-by-side view.
    """

    status: str
    anchor: str
    depth: int
    badge: str
    note: str
    label: tuple[Piece, ...]
    inline: tuple[Piece, ...]
    label_old: str
    label_new: str
    old: tuple[Piece, ...]
    new: tuple[Piece, ...]


def _depth(eid: str) -> int:
    levels = [c for c in eid.split("__") if not _NOT_LEVEL.match(c)]
    return min(max(len(levels) - 1, 0), 4)


def _note(p: ProvisionDiff) -> str:
    if p.move == "merged":
        return f"merged into {p.eid_new}"
    if p.move == "split":
        return f"split from {p.eid_old}"
    if p.status == "moved":
        was = f"{p.label_old} ({p.eid_old})" if p.label_old else p.eid_old
        return f"{p.move}: was {was}"
    return ""


def _label(p: ProvisionDiff) -> tuple[Piece, ...]:
    if p.label_old == p.label_new or p.status in {"added", "removed"}:
        return (Piece("equal", p.label_new or p.label_old),) if (p.label_new or p.label_old) else ()
    return tuple(
        Piece(op, text) for op, text in (("delete", p.label_old), ("insert", p.label_new)) if text
    )


def row(p: ProvisionDiff) -> Row:
    """The view model of one provision."""
    pieces = tuple(Piece(op, text) for op, text in p.ops)
    return Row(
        status=p.status,
        anchor=p.eid_new if p.eid_new and p.move != "merged" else f"old-{p.eid_old}",
        depth=_depth(p.eid_new or p.eid_old or ""),
        badge="" if p.status == "unchanged" else p.status,
        note=_note(p),
        label=_label(p),
        inline=pieces,
        label_old=p.label_old,
        label_new=p.label_new,
        old=tuple(x for x in pieces if x.op != "insert") if p.eid_old else (),
        new=tuple(x for x in pieces if x.op != "delete") if p.eid_new else (),
    )


def diff_html(result: DiffResult, old: Side, new: Side, view: str = "inline") -> str:
    """The HTML redline page in ``view`` (``inline`` or ``side-by-side``); raises
    ``ValueError`` for another view."""
    if view not in VIEWS:
        raise ValueError(f"view {view!r}: not one of {', '.join(VIEWS)}")
    counts = [(s, getattr(result.summary, s)) for s in STATUSES]
    return (
        environment()
        .get_template("diff.html")
        .render(
            lang=new.lang or old.lang or "",
            old=old,
            new=new,
            old_line=old.describe(),
            new_line=new.describe(),
            counts=counts,
            rows=[row(p) for p in result.provisions],
            side_by_side=view == "side-by-side",
            view=view,
            heading=new.title if new.title == old.title else f"{old.title} → {new.title}",
        )
    )
