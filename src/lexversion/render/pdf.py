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

import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from lexversion.akn.build import NS
from lexversion.errors import UsageError
from lexversion.model import DateFact
from lexversion.query import answer
from lexversion.render.html import Segment, ViewBlock, environment, view
from lexversion.resolve import find_work
from lexversion.store import open_store
from lexversion.timeline.pit import ExpressionInfo, PointInTime, WorkTimeline, relation

TEMPLATE = "print.html"
#: WeasyPrint's accessible variant: PDF 1.7, tagged, with PDF/UA identification.
PDF_VARIANT = "pdf/ua-1"
#: (CSS family, weight, style, fontconfig pattern) of the embedded faces.
FACES = (
    ("LV Serif", "normal", "normal", "DejaVu Serif:style=Book"),
    ("LV Serif", "bold", "normal", "DejaVu Serif:style=Bold"),
    ("LV Serif", "normal", "italic", "DejaVu Serif:style=Italic"),
    ("LV Serif", "bold", "italic", "DejaVu Serif:style=Bold Italic"),
    ("LV Mono", "normal", "normal", "DejaVu Sans Mono:style=Book"),
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
    (the provision's number), ``runs``, ``anchor`` (HTML id, the eId) and the
    editorial ``notes`` attached to it as footnotes (each a tuple of lines)."""

    tag: str
    css: str
    label: str
    runs: tuple[Run, ...]
    anchor: str = ""
    notes: tuple[tuple[str, ...], ...] = ()


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
    cover: Cover
    toc: tuple[TocEntry, ...]
    blocks: tuple[PrintBlock, ...]
    effects: tuple[AppliedEffect, ...]
    history: tuple[HistoryRow, ...]


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
    labels = root.findall(f".//{{{NS}}}preface/{{{NS}}}p[@class='status']")
    if not labels:
        return xml, ""
    text = " ".join(" ".join("".join(p.itertext()).split()) for p in labels)
    for p in labels:
        parent = p.getparent()
        assert parent is not None
        parent.remove(p)
    return etree.tostring(root, encoding="utf-8"), text


# -- history and effects ---------------------------------------------------------------


def _fact(item: dict[str, Any], prefix: str = "") -> DateFact:
    def day(key: str) -> date | None:
        v = item[prefix + key]
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
        out = [AppliedEffect("", e, "", shown(None, "—"), "") for e in pit.effects]
    return tuple(out)


# -- the whole view --------------------------------------------------------------------


def print_view(db: str | None, work: str, as_of: date, lang: str | None) -> PrintView:
    """The print view model of ``work`` (URI or citation) in force on ``as_of``.

    Raises :class:`UsageError` when no text is in force then (not yet adopted,
    repealed, text not in the corpus; the reason is point-in-time's),
    :class:`~lexversion.errors.NotFound` for an unknown work.
    """
    pit, akn = answer(db, work, as_of, lang)
    if akn is None or pit.expression is None:
        raise UsageError(f"no text in force on {as_of.isoformat()}: {pit.reason}")
    store = open_store(db)
    rec, _ = find_work(store, work)
    tl = store.timeline(rec.frbr_uri)
    items = store.history(rec.frbr_uri)
    xml, status_label = _without_status(akn)
    blocks, toc = text_blocks(view(xml, full=True))
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
    title = rec.title or "".join(r.text for r in blocks[0].runs) if blocks else rec.frbr_uri
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
        cover=cover,
        toc=toc_all,
        blocks=blocks,
        effects=applied_effects(items, pit),
        history=history_rows(items, as_of, rec.frbr_uri),
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
    pv = print_view(db, work, as_of, lang)
    data = html_to_pdf(render_print_html(pv))
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"{out}: cannot write: {exc.strerror}") from None
