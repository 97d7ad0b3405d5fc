"""``--changes-since``: the changes of a diff marked in the printed text.

The diff itself is computed elsewhere (:func:`lexversion.diff.compare`, called
by :mod:`lexversion.app.print`); this module only presents it: an
:class:`Earlier` (the earlier date, the point-in-time answer for it and the
diff) becomes the :class:`~lexversion.render.print_model.Changes` of the cover
(:func:`changes_of`), and :func:`mark_changes` marks the insertions, deletions,
removed provisions and changed numbers in the print blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lexversion.diff import DiffResult, ProvisionDiff
from lexversion.i18n import gettext as _
from lexversion.i18n import term
from lexversion.model import PointInTime
from lexversion.render.print_model import ChangeRow, Changes, PrintBlock, Run

_MARK = {"equal": "", "insert": "ins", "delete": "del"}
EXCERPT = 90


@dataclass(frozen=True)
class Earlier:
    """The earlier side of ``--changes-since``: the date ``since``, the
    point-in-time answer ``pit`` for it (which has an expression) and the
    ``diff`` from its text to the printed one (``None`` when both dates have
    the same expression)."""

    since: date
    pit: PointInTime
    diff: DiffResult | None


def changes_of(earlier: Earlier) -> Changes:
    """The :class:`Changes` of the cover for ``earlier``, without rows (the
    rows come from :func:`mark_changes`)."""
    diff = earlier.diff
    if diff is None:
        summary = _("the same wording was in force on both dates: nothing to mark")
    else:
        n = diff.summary
        summary = _(
            "{changed} changed, {added} added, {removed} removed, {moved} moved, "
            "{unchanged} unchanged provisions"
        ).format(
            changed=n.changed,
            added=n.added,
            removed=n.removed,
            moved=n.moved,
            unchanged=n.unchanged,
        )
    return Changes(
        earlier.since.isoformat(),
        earlier.pit.expression or "",
        earlier.pit.expression_kind or "",
        earlier.pit.certainty,
        summary,
        (),
    )


@dataclass(frozen=True)
class _Line:
    """One line of a provision's new text with its marked runs; a removed
    provision is one entry with ``removed`` set and its old text as a deletion."""

    plain: str
    runs: tuple[Run, ...]
    diff: ProvisionDiff
    index: int  #: the position of ``diff`` among the diff's provisions
    first: bool
    removed: bool = False


def _split_lines(pd: ProvisionDiff, index: int) -> list[_Line]:
    """The lines of ``pd`` (the ``index``-th provision of its diff)'s new text,
    each with its runs (a deletion stays on the line where it happened, its
    line breaks as spaces)."""
    if pd.status == "removed":
        text = " ".join(pd.text_old.split())
        return [_Line("", (Run(text, "del"),), pd, index, True, removed=True)]
    lines: list[list[Run]] = [[]]
    for op, text in pd.ops:
        if op == "delete":
            lines[-1].append(Run(" ".join(text.split("\n")), "del"))
            continue
        for k, part in enumerate(text.split("\n")):
            if k:
                lines.append([])
            if part:
                lines[-1].append(Run(part, _MARK[op]))
    return [
        _Line("".join(r.text for r in runs if r.mark != "del"), tuple(runs), pd, index, k == 0)
        for k, runs in enumerate(lines)
    ]


def _block_lines(b: PrintBlock) -> list[str]:
    """The lines a printed block holds, as the diff writes them (a fixed-width
    block: its lines right-stripped, empty ones included; any other: one line,
    whitespace collapsed)."""
    text = "".join(r.text for r in b.runs)
    if b.tag == "pre":
        return [ln.rstrip() for ln in text.rstrip("\n").split("\n")]
    return [" ".join(text.split())]


def _norm(line: _Line, pre: bool) -> str:
    return line.plain.rstrip() if pre else " ".join(line.plain.split())


def _find(lines: Sequence[_Line], at: int, want: Sequence[str], pre: bool) -> int:
    """Index of the first run of ``len(want)`` lines from ``at`` reading ``want``, or -1."""
    for k in range(at, len(lines) - len(want) + 1):
        run = lines[k : k + len(want)]
        if all(not ln.removed and _norm(ln, pre) == w for ln, w in zip(run, want, strict=True)):
            return k
    return -1


def mark_changes(
    blocks: Sequence[PrintBlock], diff: DiffResult
) -> tuple[tuple[PrintBlock, ...], tuple[ChangeRow, ...]]:
    """``blocks`` with the changes of ``diff`` marked (``ins``/``del`` runs) and the
    rows of the list of changes.

    The diff's provisions (:func:`lexversion.diff.compare`, in the new text's
    reading order; their lines are the blocks' texts, empty lines left out) are
    cut into lines; each block takes the runs of the next lines that read as
    its own. Blocks the diff leaves out (the requisites) stay as they are. A
    removed provision becomes a struck-out block where the diff places it; a
    changed number shows the old one struck out before the new. A changed
    provision no block matched is still listed, without a page.
    """
    lines = [ln for k, pd in enumerate(diff.provisions) for ln in _split_lines(pd, k)]
    out: list[PrintBlock] = []
    rows: list[ChangeRow] = []
    listed: set[int] = set()
    at = 0

    def note(pd: ProvisionDiff, index: int, anchor: str, label: str) -> None:
        """List ``pd`` (the ``index``-th provision) in the changes, linking to ``anchor``."""
        listed.add(index)
        status = f"{term(pd.status)} ({term(pd.move)})" if pd.move else term(pd.status)
        text = " ".join((pd.text_new or pd.text_old).split())
        cut = text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + " …"
        rows.append(ChangeRow(anchor, status, label, cut))

    def removed(ln: _Line) -> None:
        """Print the removed provision of ``ln`` struck out, and list it."""
        anchor = f"removed-{len(rows) + 1}"
        out.append(PrintBlock("p", "p d0 chg-removed", "", ln.runs, anchor, (), ln.diff.label_old))
        note(ln.diff, ln.index, anchor, ln.diff.label_old)

    for b in blocks:
        pre = b.tag == "pre"
        every = _block_lines(b)
        want = [w for w in every if w]
        hit = _find(lines, at, want, pre) if want else -1
        if hit < 0:
            out.append(b)
            continue
        for ln in lines[at:hit]:
            if ln.removed:
                removed(ln)
        mine = iter(lines[hit : hit + len(want)])
        at = hit + len(want)
        first = lines[hit]
        pd = first.diff
        if pd.status == "unchanged":
            out.append(b)
            continue
        runs: list[Run] = []
        for i, w in enumerate(every):
            runs += ([Run("\n")] if i else []) + (list(next(mine).runs) if w else [])
        was = pd.label_old if pd.label_old != pd.label_new and first.first else ""
        flagged = was or any(r.mark for r in runs) or (first.first and pd.status != "changed")
        anchor = b.anchor or f"change-{len(rows) + 1}"
        css = f"{b.css} chg-{pd.status}" if flagged else b.css
        out.append(PrintBlock(b.tag, css, b.label, tuple(runs), anchor, b.notes, was))
        if first.first:
            note(pd, first.index, anchor, pd.label_new)
    for ln in lines[at:]:
        if ln.removed:
            removed(ln)
    for k, pd in enumerate(diff.provisions):
        if pd.status != "unchanged" and k not in listed:
            note(pd, k, "", pd.label_new or pd.label_old)
    return tuple(out), tuple(rows)
