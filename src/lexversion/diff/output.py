"""A :class:`~lexversion.diff.align.DiffResult` as JSON, unified text or an HTML redline.

* :func:`diff_json` — the object of ``schemas/diff.schema.json``;
* :func:`diff_text` — a unified diff by provision: a ``---``/``+++`` header
  naming both expressions, the summary, then one hunk per provision that is
  not unchanged (``@@ -OLD_EID +NEW_EID @@ status``), its old wording on ``-``
  lines and its new wording on ``+`` lines, the changed words marked as in
  ``git diff --word-diff=plain`` (``[-deleted-]``, ``{+inserted+}``);
* :func:`diff_html` — ``templates/diff.html`` through the project's one jinja2
  environment (:func:`lexversion.render.html.environment`), ``inline`` (one
  column, ``del``/``ins`` in the running text) or ``side-by-side`` (old and new
  wording in two columns). The view model (:class:`Row`, :class:`Piece`) is
  built here; the template only loops and prints, and autoescape escapes all
  legal text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from lexversion.diff.align import STATUSES, DiffResult, ProvisionDiff
from lexversion.render.html import environment
from lexversion.timeline.pit import PointInTime

VIEWS = ("inline", "side-by-side")
_NOT_LEVEL = re.compile(r"^(?:att|list)_\d+$")


@dataclass(frozen=True)
class Side:
    """One side of a diff: the work and the expression compared, as of a date."""

    work: str
    title: str
    as_of: date
    expression: str
    expression_kind: str | None
    lang: str | None
    status: str
    certainty: str
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, pit: PointInTime, title: str) -> Side:
        """The side answered by ``pit`` (which must have an expression)."""
        assert pit.expression is not None
        return cls(
            pit.work,
            title,
            pit.as_of,
            pit.expression,
            pit.expression_kind,
            pit.lang,
            pit.status,
            pit.certainty,
            pit.notes,
        )

    def to_json(self) -> dict[str, Any]:
        """The ``side`` object of ``schemas/diff.schema.json``."""
        return {
            "work": self.work,
            "title": self.title,
            "as_of": self.as_of.isoformat(),
            "expression": self.expression,
            "expression_kind": self.expression_kind,
            "lang": self.lang,
            "status": self.status,
            "certainty": self.certainty,
            "notes": list(self.notes),
        }

    def describe(self) -> str:
        """One line: expression, as-of date, kind, status and certainty."""
        kind = f"{self.expression_kind}, " if self.expression_kind else ""
        return (
            f"{self.expression} (as of {self.as_of.isoformat()}: {kind}"
            f"{self.status}, certainty {self.certainty})"
        )


def diff_json(result: DiffResult, old: Side, new: Side, mode: str) -> dict[str, Any]:
    """The JSON object of ``schemas/diff.schema.json``; ``mode`` is ``dates`` (one
    work on two dates) or ``works`` (two works)."""
    return {"mode": mode, "old": old.to_json(), "new": new.to_json(), **result.to_json()}


def _summary_line(result: DiffResult) -> str:
    return ", ".join(f"{getattr(result.summary, s)} {s}" for s in STATUSES)


def _where(p: ProvisionDiff) -> str:
    old = f"-{p.eid_old}" if p.eid_old else ""
    new = f"+{p.eid_new}" if p.eid_new else ""
    what = p.status + (f" ({p.move})" if p.move else "")
    return f"@@ {' '.join(x for x in (old, new) if x)} @@ {what}"


def _marked(p: ProvisionDiff, side: str) -> str:
    """One side's wording with the other side's changes left out and its own marked."""
    keep, mark = ("delete", "[-{}-]") if side == "old" else ("insert", "{{+{}+}}")
    if p.status in {"added", "removed"} or all(op == "equal" for op, _ in p.ops):
        return p.text_old if side == "old" else p.text_new
    out = []
    for op, text in p.ops:
        if op == "equal":
            out.append(text)
        elif op == keep:
            lead = text[: len(text) - len(text.lstrip())]
            out.append(lead + mark.format(text.lstrip()))
    return "".join(out)


def _lines(prefix: str, label: str, text: str) -> list[str]:
    body = f"{label} {text}" if label and text else label or text
    return [prefix + ln for ln in body.split("\n")]


def diff_text(result: DiffResult, old: Side, new: Side) -> str:
    """The unified text diff (see the module doc)."""
    out = [
        f"--- {old.describe()}",
        f"+++ {new.describe()}",
        f"# {_summary_line(result)}",
    ]
    for p in result.provisions:
        if p.status == "unchanged":
            continue
        out.append("")
        out.append(_where(p))
        if p.eid_old is not None:
            out += _lines("-", p.label_old, _marked(p, "old"))
        if p.eid_new is not None:
            out += _lines("+", p.label_new, _marked(p, "new"))
    return "\n".join(out) + "\n"


# -- HTML -------------------------------------------------------------------------


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
