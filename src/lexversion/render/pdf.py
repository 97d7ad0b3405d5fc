"""A consolidated PDF of the text in force on a date: AKN -> print view model -> HTML -> PDF.

Issue 5, "Compare and print". :func:`print_view` gathers everything the page
shows (cover, contents, text with editorial notes as footnotes, the effects
applied to reach the text, the work's history) into frozen dataclasses; the
template ``templates/print.html`` only loops and prints them (legal text is
escaped by jinja2's autoescape); :func:`html_to_pdf` hands the HTML to
WeasyPrint with the DejaVu fonts fontconfig finds, tagged as PDF/UA-1;
:func:`cli_pdf` is what ``lexversion pdf`` calls.

Every date printed carries its certainty (ARCHITECTURE.md, invariant 3): a
:class:`~lexversion.model.DateFact` becomes a :class:`ShownDate` whose text is a
single day only when the fact is exact and a range otherwise.
"""

from __future__ import annotations

import atexit
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from lexversion.akn.namespaces import NS
from lexversion.app.files import write_atomic
from lexversion.app.query import answer, store_for
from lexversion.app.resolve import find_work
from lexversion.diff import DiffResult, ProvisionDiff, compare
from lexversion.errors import UsageError
from lexversion.model import DateFact
from lexversion.render.html import Segment, ViewBlock, environment, view
from lexversion.render.text import all_text
from lexversion.timeline.pit import ExpressionInfo, PointInTime, WorkTimeline, relation

TEMPLATE = "print.html"
#: WeasyPrint's accessible variant: PDF 1.7, tagged, with PDF/UA identification.
PDF_VARIANT = "pdf/ua-1"
#: (CSS family, weight, style, fontconfig pattern) of the embedded faces.
FACES = (
    ("DejaVu Serif", "normal", "normal", "DejaVu Serif:style=Book"),
    ("DejaVu Serif", "bold", "normal", "DejaVu Serif:style=Bold"),
    ("DejaVu Serif", "normal", "italic", "DejaVu Serif:style=Italic"),
    ("DejaVu Serif", "bold", "italic", "DejaVu Serif:style=Bold Italic"),
    ("DejaVu Sans Mono", "normal", "normal", "DejaVu Sans Mono:style=Book"),
)
STATUS_WORDS = {
    "in_force": "in force",
    "not_yet_in_force": "not yet in force",
    "repealed": "repealed",
    "unknown": "unknown",
}
KIND_NOTES = {
    "official": "official text: the wording as published",
    "consolidated": "consolidated text: the wording exported by the database, "
    "with the later changes it records already included",
    "reconstructed": "reconstructed text: derived by reversing recorded effects, "
    "not a published text",
}
CERTAINTY_LEGEND = (
    "Dates: stated = the text says it; computed = a stated rule applied to stated inputs; "
    "estimated = a rule applied to an estimated input, shown as a range; "
    "unknown = nothing in the corpus gives it."
)
NOTES_CAVEAT = (
    "Footnotes are the source database's editorial notes as exported; "
    "they may describe events after the as-of date."
)
# relation(as_of, event date) -> where the event lies relative to the as-of date
_WHEN_VS_AS_OF = {
    "before": "after",
    "after": "on or before",
    "within": "uncertain",
    "unknown": "unknown",
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


@dataclass(frozen=True)
class PrintView:
    """Everything ``print.html`` shows; built by :func:`print_view`."""

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


# -- dates -----------------------------------------------------------------------------


def shown(fact: DateFact | None, missing: str = "none recorded in the corpus") -> ShownDate:
    """``fact`` as printed: the day when exact, ``earliest – latest`` for a window.

    ``None`` (no such event) prints as ``missing`` with certainty ``unknown``.
    """
    if fact is None:
        return ShownDate(missing, "unknown", "")
    if fact.earliest is None:
        return ShownDate("unknown", "unknown", fact.basis)
    if fact.date is not None:
        return ShownDate(fact.date.isoformat(), fact.certainty, fact.basis)
    latest = fact.latest.isoformat() if fact.latest else "?"
    return ShownDate(f"{fact.earliest.isoformat()} – {latest}", fact.certainty, fact.basis)


def validity(tl: WorkTimeline, uri: str) -> tuple[DateFact, DateFact | None]:
    """(applies from, applies until) of expression ``uri``: its own ``applies_from``
    and the next expression's in the same language, else the repeal, else ``None``.

    The order of expressions is point-in-time's (:mod:`lexversion.timeline.pit`).
    Raises :class:`KeyError` when ``uri`` is not an expression of ``tl``.
    """
    (this,) = [e for e in tl.expressions if e.uri == uri]
    same = sorted((e for e in tl.expressions if e.lang == this.lang), key=_order)
    later = same[same.index(this) + 1 :]
    return this.applies_from, (later[0].applies_from if later else tl.repeal)


def _order(e: ExpressionInfo) -> tuple[date, str]:
    return (e.applies_from.earliest or date.min, e.uri)


# -- the text --------------------------------------------------------------------------


def _runs(segments: Iterable[Segment]) -> tuple[Run, ...]:
    return tuple(Run(s.text) for s in segments)


def _text(segments: Iterable[Segment]) -> str:
    return "".join(s.text for s in segments)


def _shape(b: ViewBlock, first_title: bool) -> tuple[str, str]:
    """(tag, css class) of a view block."""
    if b.kind == "title":
        return ("h1", "title") if first_title else ("h2", "title annex-title")
    if b.kind == "heading":
        return f"h{min(3 + b.depth, 6)}", f"heading d{b.depth}"
    if b.kind == "layout":
        return "pre", f"layout d{b.depth}"
    if b.kind == "annex":
        return "div", "annex"
    return "p", f"{b.kind} d{b.depth}"


def text_blocks(
    blocks: Sequence[ViewBlock],
) -> tuple[tuple[PrintBlock, ...], tuple[TocEntry, ...]]:
    """Print blocks and contents entries from the view model of one expression.

    Editorial notes (``note`` blocks) become footnotes of the block before them
    (of the block after them when they open the text); consecutive note blocks
    are one note, one line each. Headings and annexes (titled by the first
    title after them) go into the contents.
    """
    out: list[tuple[PrintBlock, list[tuple[str, ...]]]] = []
    toc: list[TocEntry] = []
    pending: list[str] = []
    orphan: list[tuple[str, ...]] = []
    annex_anchor = ""
    seen_title = False
    for b in [*blocks, ViewBlock("end", 0, ())]:
        if b.kind == "note":
            pending.append(_text(b.segments))
            if not b.label:
                continue
            b = ViewBlock("p", b.depth, (), b.label, b.eid)
        if pending:
            (out[-1][1] if out else orphan).append(tuple(pending))
            pending = []
        if b.kind == "end":
            break
        tag, css = _shape(b, not seen_title)
        seen_title = seen_title or b.kind == "title"
        out.append((PrintBlock(tag, css, b.label, _runs(b.segments), b.eid), orphan))
        orphan = []
        if b.kind == "heading" and b.eid:
            toc.append(TocEntry(b.eid, f"{b.label} {_text(b.segments)}".strip(), 1 + b.depth))
        elif b.kind == "annex":
            annex_anchor = b.eid
        elif b.kind == "title" and annex_anchor:
            toc.append(TocEntry(annex_anchor, _text(b.segments), 0))
            annex_anchor = ""
    return (
        tuple(
            PrintBlock(p.tag, p.css, p.label, p.runs, p.anchor, tuple(notes)) for p, notes in out
        ),
        tuple(toc),
    )


def _without_status(xml: bytes) -> tuple[bytes, str]:
    """``xml`` without the preface's status label, and that label's text.

    The label (``Күшін жойған``, ``Утративший силу``) is the database's status
    at export time, not on the as-of date, so the text omits it and the cover
    says so.
    """
    root = etree.fromstring(xml)
    labels = root.findall(f"./*/{{{NS}}}preface/{{{NS}}}p[@class='status']")
    if not labels:
        return xml, ""
    text = " ".join(" ".join(all_text(p).split()) for p in labels)
    for p in labels:
        parent = p.getparent()
        assert parent is not None
        parent.remove(p)
    return etree.tostring(root, encoding="utf-8"), text


# -- history and effects ---------------------------------------------------------------


def _fact(item: dict[str, Any]) -> DateFact:
    """The DateFact of a ``Store.history`` item."""

    def day(key: str) -> date | None:
        v = item[key]
        return date.fromisoformat(v) if v else None

    return DateFact(day("earliest"), day("latest"), item["certainty"], item["basis"])


def _detail(detail: Any) -> str:
    if not isinstance(detail, dict):
        return str(detail or "")
    parts = []
    if detail.get("scope"):
        parts.append(f"scope: {detail['scope']}")
    pairs = detail.get("pairs") or []
    if pairs:
        parts.append("; ".join(f"«{old}» → «{new}»" for old, new in pairs))
    return "; ".join(parts)


def history_rows(items: Sequence[dict[str, Any]], as_of: date, work: str) -> tuple[HistoryRow, ...]:
    """Rows of the history table from ``Store.history`` items of ``work`` (their
    date order kept); ``by`` and ``on`` are left empty when they are ``work``."""
    rows = []
    for it in items:
        fact = _fact(it)
        rows.append(
            HistoryRow(
                shown(fact),
                _WHEN_VS_AS_OF[relation(as_of, fact)],
                str(it["type"]).replace("effect:", "effect: ").replace("_", " "),
                "" if it["by"] in {None, work} else it["by"],
                "" if it["on"] in {None, work} else it["on"],
                _detail(it["detail"]),
            )
        )
    return tuple(rows)


def applied_effects(items: Sequence[dict[str, Any]], pit: PointInTime) -> tuple[AppliedEffect, ...]:
    """The effects applied or reversed in the chosen expression (``applied_in`` /
    ``reversed_in`` of the store's effects); the point-in-time answer's own list
    when the store names none."""
    out = []
    for it in items:
        d = it["detail"]
        if not (isinstance(d, dict) and pit.expression):
            continue
        how = (
            "applied"
            if pit.expression in d.get("applied_in", ())
            else "reversed"
            if pit.expression in d.get("reversed_in", ())
            else ""
        )
        if how:
            what = str(it["type"]).removeprefix("effect:").replace("_", " ")
            out.append(AppliedEffect(how, what, it["by"] or "", shown(_fact(it)), _detail(d)))
    if not out:
        out = [AppliedEffect("", e, "", shown(None, "not recorded"), "") for e in pit.effects]
    return tuple(out)


# -- changes since an earlier date -----------------------------------------------------

_MARK = {"equal": "", "insert": "ins", "delete": "del"}
EXCERPT = 90


@dataclass(frozen=True)
class _Line:
    """One line of a provision's new text with its marked runs; a removed
    provision is one entry with ``removed`` set and its old text as a deletion."""

    plain: str
    runs: tuple[Run, ...]
    diff: ProvisionDiff
    first: bool
    removed: bool = False


def _split_lines(pd: ProvisionDiff) -> list[_Line]:
    """The lines of ``pd``'s new text, each with its runs (a deletion stays on
    the line where it happened, its line breaks as spaces)."""
    if pd.status == "removed":
        text = " ".join(pd.text_old.split())
        return [_Line("", (Run(text, "del"),), pd, True, removed=True)]
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
        _Line("".join(r.text for r in runs if r.mark != "del"), tuple(runs), pd, k == 0)
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
    lines = [ln for pd in diff.provisions for ln in _split_lines(pd)]
    out: list[PrintBlock] = []
    rows: list[ChangeRow] = []
    listed: set[int] = set()
    at = 0

    def note(pd: ProvisionDiff, anchor: str, label: str) -> None:
        listed.add(id(pd))
        status = f"{pd.status} ({pd.move})" if pd.move else pd.status
        text = " ".join((pd.text_new or pd.text_old).split())
        cut = text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + " …"
        rows.append(ChangeRow(anchor, status, label, cut))

    def removed(ln: _Line) -> None:
        anchor = f"removed-{len(rows) + 1}"
        out.append(PrintBlock("p", "p d0 chg-removed", "", ln.runs, anchor, (), ln.diff.label_old))
        note(ln.diff, anchor, ln.diff.label_old)

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
            note(pd, anchor, pd.label_new)
    for ln in lines[at:]:
        if ln.removed:
            removed(ln)
    for pd in diff.provisions:
        if pd.status != "unchanged" and id(pd) not in listed:
            note(pd, "", pd.label_new or pd.label_old)
    return tuple(out), tuple(rows)


def compare_since(
    db: str | None, work: str, since: date, lang: str | None, new: bytes, pit: PointInTime
) -> tuple[Changes, DiffResult | None]:
    """What changed between the text in force on ``since`` and ``new`` (the
    text of ``pit``): the :class:`Changes` for the cover and the diff (``None``
    when both dates have the same expression).

    Raises :class:`UsageError` when ``since`` is not before the as-of date or
    no text was in force on ``since``.
    """
    if since >= pit.as_of:
        raise UsageError(
            f"--changes-since {since.isoformat()} is not before --as-of {pit.as_of.isoformat()}"
        )
    old_pit, old = answer(db, work, since, lang)
    if old is None or old_pit.expression is None:
        raise UsageError(
            f"--changes-since {since.isoformat()}: no text in force then to compare with: "
            f"{old_pit.reason}"
        )
    diff = None if old_pit.expression == pit.expression else compare(old, new)
    if diff is None:
        summary = "the same wording was in force on both dates: nothing to mark"
    else:
        n = diff.summary
        summary = (
            f"{n.changed} changed, {n.added} added, {n.removed} removed, {n.moved} moved, "
            f"{n.unchanged} unchanged provisions"
        )
    changes = Changes(
        since.isoformat(),
        old_pit.expression,
        old_pit.expression_kind or "",
        old_pit.certainty,
        summary,
        (),
    )
    return changes, diff


# -- the whole view --------------------------------------------------------------------


def print_view(
    db: str | None,
    work: str,
    as_of: date,
    lang: str | None,
    changes_since: date | None = None,
) -> PrintView:
    """The print view model of ``work`` (URI or citation) in force on ``as_of``,
    with the changes made since ``changes_since`` marked when it is given.

    Raises :class:`UsageError` when no text is in force then (not yet adopted,
    repealed, text not in the corpus; the reason is point-in-time's) or on
    ``changes_since`` (see :func:`compare_since`),
    :class:`~lexversion.errors.NotFound` for an unknown work.
    """
    pit, akn = answer(db, work, as_of, lang)
    if akn is None or pit.expression is None:
        raise UsageError(f"no text in force on {as_of.isoformat()}: {pit.reason}")
    store = store_for(db)
    rec, _ = find_work(store, work)
    tl = store.timeline(rec.frbr_uri)
    items = store.history(rec.frbr_uri)
    xml, status_label = _without_status(akn)
    blocks, toc = text_blocks(view(xml, full=True))
    changes = None
    if changes_since is not None:
        changes, diff = compare_since(db, work, changes_since, pit.lang, akn, pit)
        if diff is not None:
            blocks, rows = mark_changes(blocks, diff)
            changes = replace(changes, rows=rows)
    start, end = validity(tl, pit.expression)
    notes = list(pit.notes)
    if pit.expression_kind in KIND_NOTES:
        notes.append(KIND_NOTES[pit.expression_kind])
    if status_label:
        notes.append(
            f"The source's status label «{status_label}» (the database's status when it was "
            "exported) is left out of the text; the status above is on the as-of date."
        )
    if any(b.notes for b in blocks):
        notes.append(NOTES_CAVEAT)
    notes.append(CERTAINTY_LEGEND)
    title = rec.title or ("".join(r.text for r in blocks[0].runs) if blocks else rec.frbr_uri)
    number = f"№ {rec.number}" if rec.number else ""
    citation = ", ".join(x for x in (rec.issuer, rec.date and rec.date.isoformat(), number) if x)
    cover = Cover(
        title=title,
        citation=citation or rec.frbr_uri,
        issuer=rec.issuer or "unknown",
        number=rec.number or "unknown",
        adopted=shown(tl.adoption, "unknown"),
        status=STATUS_WORDS.get(pit.status, pit.status),
        status_certainty=pit.certainty,
        as_of=as_of.isoformat(),
        applies_from=shown(start),
        applies_to=shown(end, "open: no later wording or repeal is recorded in the corpus"),
        expression=pit.expression,
        expression_kind=pit.expression_kind or "",
        notes=tuple(notes),
    )
    toc_all = (
        TocEntry("text", title, 0),
        *toc,
        *((TocEntry("changes", f"Changes since {changes.since}", 0),) if changes else ()),
        TocEntry("effects", "Effects applied to reach this text", 0),
        TocEntry("history", "History: events and effects", 0),
    )
    return PrintView(
        lang=pit.lang or "",
        meta_title=title,
        meta_author=rec.issuer or "",
        meta_description=f"{citation}: the text in force on {as_of.isoformat()} "
        f"({STATUS_WORDS.get(pit.status, pit.status)}, certainty {pit.certainty}); "
        f"expression {pit.expression}",
        meta_keywords=", ".join((rec.frbr_uri, pit.expression, f"as of {as_of.isoformat()}")),
        cover=cover,
        toc=toc_all,
        blocks=blocks,
        effects=applied_effects(items, pit),
        history=history_rows(items, as_of, rec.frbr_uri),
        changes=changes,
    )


def render_print_html(pv: PrintView) -> str:
    """The HTML of ``print.html`` for ``pv`` (what WeasyPrint lays out)."""
    return environment().get_template(TEMPLATE).render(v=pv)


# -- WeasyPrint ------------------------------------------------------------------------


@cache
def _font_file(pattern: str) -> str | None:
    """The file fontconfig (``fc-match``) picks for ``pattern``; ``None`` when
    fontconfig is missing or picks another family (Pango then falls back)."""
    try:
        done = subprocess.run(
            ["fc-match", "--format=%{family[0]}\t%{file}", pattern],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    family, _, file = done.stdout.partition("\t")
    return file if file and family == pattern.split(":")[0] else None


def font_css() -> str:
    """``@font-face`` rules embedding the DejaVu faces fontconfig finds (DejaVu
    covers Kazakh Cyrillic: ә ғ қ ң ө ұ ү һ і)."""
    rules = []
    for family, weight, style, pattern in FACES:
        file = _font_file(pattern)
        if file:
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{Path(file).as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)


@cache
def _weasy() -> tuple[Any, Any]:
    """(FontConfiguration, CSS of the fonts), made once per process."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return fonts, CSS(string=font_css(), font_config=fonts)


# drop the FontConfiguration while its C library is still loaded
atexit.register(_weasy.cache_clear)


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of ``html`` laid out by WeasyPrint: fonts of :func:`font_css`,
    variant :data:`PDF_VARIANT` (tagged; title, author and language from the
    HTML's ``<title>``, ``<meta name=author>`` and ``<html lang>``)."""
    from weasyprint import HTML

    fonts, css = _weasy()
    pdf: bytes = HTML(string=html).write_pdf(
        stylesheets=[css], font_config=fonts, pdf_variant=PDF_VARIANT
    )
    return pdf


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
    text is in force on ``as_of`` or ``out`` cannot be written.
    """
    pv = print_view(db, work, as_of, lang, changes_since)
    write_atomic(out, html_to_pdf(render_print_html(pv)))
