"""A :class:`~lexversion.diff.align.DiffResult` as JSON or unified text, and its :class:`Side`.

* :func:`diff_json` — the object of ``schemas/diff.schema.json``;
* :func:`diff_text` — a unified diff by provision: a ``---``/``+++`` header
  naming both expressions, the summary, then one hunk per provision that is
  not unchanged (``@@ -OLD +NEW @@ status``, each provision named by the
  ``label`` function the caller passes: the reader's provision label, which
  lives a layer above (:func:`lexversion.render.labels.provision_label`); by
  default its eId), its old wording on ``-``
  lines and its new wording on ``+`` lines, the changed words marked as in
  ``git diff --word-diff=plain`` (``[-deleted-]``, ``{+inserted+}``).

The HTML redline is a presentation and lives in :mod:`lexversion.render.redline`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from lexversion.diff.align import STATUSES, DiffResult, ProvisionDiff
from lexversion.i18n import day, term
from lexversion.i18n import gettext as _
from lexversion.model import PointInTime


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
        """One line: expression, as-of date, kind, status and certainty, in the
        reader's words (:mod:`lexversion.i18n`)."""
        kind = f"{term(self.expression_kind)}, " if self.expression_kind else ""
        return _("{expression} (as of {day}: {kind}{status}, certainty {certainty})").format(
            expression=self.expression,
            day=day(self.as_of),
            kind=kind,
            status=term(self.status),
            certainty=term(self.certainty),
        )


def diff_json(result: DiffResult, old: Side, new: Side, mode: str) -> dict[str, Any]:
    """The JSON object of ``schemas/diff.schema.json``; ``mode`` is ``dates`` (one
    work on two dates) or ``works`` (two works)."""
    return {"mode": mode, "old": old.to_json(), "new": new.to_json(), **result.to_json()}


def _summary_line(result: DiffResult) -> str:
    return ", ".join(f"{getattr(result.summary, s)} {term(s)}" for s in STATUSES)


def _eid(eid: str) -> str:
    """An eId as it is (:func:`diff_text`'s default ``label``)."""
    return eid


def _where(p: ProvisionDiff, label: Callable[[str], str]) -> str:
    old = f"-{label(p.eid_old)}" if p.eid_old else ""
    new = f"+{label(p.eid_new)}" if p.eid_new else ""
    what = term(p.status) + (f" ({term(p.move)})" if p.move else "")
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


def diff_text(result: DiffResult, old: Side, new: Side, label: Callable[[str], str] = _eid) -> str:
    """The unified text diff (see the module doc); ``label`` names a provision
    by its eId in the hunk headers (default: the eId itself)."""
    out = [
        f"--- {old.describe()}",
        f"+++ {new.describe()}",
        f"# {_summary_line(result)}",
    ]
    for p in result.provisions:
        if p.status == "unchanged":
            continue
        out.append("")
        out.append(_where(p, label))
        if p.eid_old is not None:
            out += _lines("-", p.label_old, _marked(p, "old"))
        if p.eid_new is not None:
            out += _lines("+", p.label_new, _marked(p, "new"))
    return "\n".join(out) + "\n"
