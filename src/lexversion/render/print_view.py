"""The print view model of one expression: AKN and point-in-time records -> :class:`PrintView`.

Issue 5, "Compare and print". :func:`print_view` gathers everything the page
shows (cover, contents, text with editorial notes as footnotes, the effects
applied to reach the text, the work's history and, with ``--changes-since``,
the changes marked) into the frozen values of :mod:`.print_model`;
:func:`render_print_html` fills ``templates/print.html``, which only loops and
prints them (legal text is escaped by jinja2's autoescape).

Everything here is a pure function of its arguments: the store is read, and
the diff computed, by :mod:`lexversion.app.print`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from lxml import etree

from lexversion.akn.namespaces import NS
from lexversion.i18n import N_, day, iso_day, term
from lexversion.i18n import gettext as _
from lexversion.model import EffectDetail, HistoryEntry, PointInTime, WorkRecord, WorkTimeline
from lexversion.phrases import explain
from lexversion.render.html import Segment, ViewBlock, environment, view
from lexversion.render.print_changes import Earlier, changes_of, mark_changes
from lexversion.render.print_later import later_acts, later_notes, split_later
from lexversion.render.print_model import (
    KIND_NOTES,
    AppliedEffect,
    Changes,
    Cover,
    HistoryRow,
    PrintBlock,
    PrintView,
    Run,
    TocEntry,
    shown,
    validity,
)
from lexversion.render.text import all_text
from lexversion.timeline.pit import relation

TEMPLATE = "print.html"
CERTAINTY_LEGEND = N_(
    "Dates: stated = the text says it; computed = a stated rule applied to stated inputs; "
    "estimated = a rule applied to an estimated input, shown as a range; "
    "unknown = nothing in the corpus gives it."
)
LATER_TITLE = N_("Later events: what the exported text says about after the as-of date")
NOTES_CAVEAT = N_(
    "Footnotes are the source database's editorial notes as exported; "
    "they may describe events after the as-of date."
)
# relation(as_of, event date) -> where the event lies relative to the as-of date
_WHEN_VS_AS_OF = {
    "before": N_("after"),
    "after": N_("on or before"),
    "within": N_("uncertain"),
    "unknown": N_("unknown"),
}


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


def _detail(detail: str | EffectDetail) -> str:
    """The details column of a history item: an event's note, or an effect's
    scope and its «old» → «new» wording pairs."""
    if isinstance(detail, str):
        return detail
    parts = []
    if detail.scope:
        parts.append(_("scope: {scope}").format(scope=detail.scope))
    if detail.pairs:
        parts.append("; ".join(f"«{old}» → «{new}»" for old, new in detail.pairs))
    return "; ".join(parts)


def history_what(kind: str) -> str:
    """An event's name, or ``effect: <name>`` for an effect, in the reader's words."""
    if kind.startswith("effect:"):
        return _("effect: {effect}").format(effect=term(kind.removeprefix("effect:")))
    return term(kind)


def history_rows(items: Sequence[HistoryEntry], as_of: date, work: str) -> tuple[HistoryRow, ...]:
    """Rows of the history table from ``Store.history`` items of ``work`` (their
    date order kept); ``by`` and ``on`` are left empty when they are ``work``."""
    rows = []
    for it in items:
        rows.append(
            HistoryRow(
                shown(it.date),
                _(_WHEN_VS_AS_OF[relation(as_of, it.date)]),
                history_what(it.type),
                "" if it.by in {None, work} else (it.by or ""),
                "" if it.on in {None, work} else it.on,
                _detail(it.detail),
            )
        )
    return tuple(rows)


def applied_effects(items: Sequence[HistoryEntry], pit: PointInTime) -> tuple[AppliedEffect, ...]:
    """The effects applied or reversed in the chosen expression (``applied_in`` /
    ``reversed_in`` of the store's effects); the point-in-time answer's own list
    when the store names none."""
    out = []
    for it in items:
        d = it.detail
        if not (isinstance(d, EffectDetail) and pit.expression):
            continue
        how = (
            "applied"
            if pit.expression in d.applied_in
            else "reversed"
            if pit.expression in d.reversed_in
            else ""
        )
        if how:
            what = term(it.type.removeprefix("effect:"))
            out.append(AppliedEffect(how, what, it.by or "", shown(it.date), _detail(d)))
    if not out:
        out = [AppliedEffect("", e, "", shown(None, N_("not recorded")), "") for e in pit.effects]
    return tuple(out)


# -- the whole view --------------------------------------------------------------------


def _cover_notes(pit: PointInTime, status_label: str, blocks: Sequence[PrintBlock]) -> list[str]:
    """The certainty notes of the cover: point-in-time's, the kind of text, the
    status label left out, the footnotes caveat and the legend of certainties."""
    notes = [explain(n) for n in pit.notes]
    if pit.expression_kind in KIND_NOTES:
        notes.append(_(KIND_NOTES[pit.expression_kind]))
    if status_label:
        notes.append(
            _(
                "The source's status label «{label}» (the database's status when it was "
                "exported) is left out of the text; the status above is on the as-of date."
            ).format(label=status_label)
        )
    if any(b.notes for b in blocks):
        notes.append(_(NOTES_CAVEAT))
    notes.append(_(CERTAINTY_LEGEND))
    return notes


def _cover(
    rec: WorkRecord, tl: WorkTimeline, pit: PointInTime, title: str, notes: Sequence[str]
) -> Cover:
    """The cover page of expression ``pit.expression`` (which must be set) of ``rec``."""
    assert pit.expression is not None
    start, end = validity(tl, pit.expression)
    return Cover(
        title=title,
        citation=_citation(rec) or rec.frbr_uri,
        issuer=rec.issuer or _("unknown"),
        number=rec.number or _("unknown"),
        adopted=shown(tl.adoption, "unknown"),
        status=term(pit.status),
        status_certainty=pit.certainty,
        as_of=pit.as_of.isoformat(),
        applies_from=shown(start),
        applies_to=shown(end, N_("open: no later wording or repeal is recorded in the corpus")),
        expression=pit.expression,
        expression_kind=pit.expression_kind or "",
        notes=tuple(notes),
        commencement=(
            ()
            if tl.in_force is None
            else (
                (_capital(term("entry_into_force")), shown(tl.in_force, "unknown")),
                (_capital(term("application")), shown(tl.commencement, "unknown")),
            )
        ),
    )


def _capital(words: str) -> str:
    """``words`` with a capital first letter (a row header of the cover)."""
    return words[:1].upper() + words[1:]


def _citation(rec: WorkRecord) -> str:
    """Issuer, date and number of ``rec``, those known, comma-separated."""
    number = f"№ {rec.number}" if rec.number else ""
    return ", ".join(x for x in (rec.issuer, day(rec.date), number) if x)


def _toc(
    title: str, toc: Sequence[TocEntry], changes: Changes | None, later: bool = False
) -> tuple[TocEntry, ...]:
    """The whole contents: the text's title, its headings and annexes, the
    later events (when the text names any), the list of changes (when there is
    one), the effects and the history."""
    return (
        TocEntry("text", title, 0),
        *toc,
        *((TocEntry("later", _(LATER_TITLE), 0),) if later else ()),
        *(
            (TocEntry("changes", _("Changes since {day}").format(day=iso_day(changes.since)), 0),)
            if changes
            else ()
        ),
        TocEntry("effects", _("Effects applied to reach this text"), 0),
        TocEntry("history", _("History: events and effects"), 0),
    )


def print_view(
    rec: WorkRecord,
    tl: WorkTimeline,
    history: Sequence[HistoryEntry],
    pit: PointInTime,
    akn: bytes,
    earlier: Earlier | None = None,
) -> PrintView:
    """The print view model of ``akn``, the text of work ``rec`` that ``pit``
    (the point-in-time answer on the as-of date) chose, with the changes since
    ``earlier`` marked when it is given.

    ``tl`` is the work's timeline and ``history`` its ``Store.history`` items.
    Raises :class:`ValueError` when ``pit`` has no expression (no text in
    force) or it is not an expression of ``tl``.
    """
    if pit.expression is None:
        raise ValueError(f"no text in force on {pit.as_of.isoformat()}: {pit.reason}")
    xml, status_label = _without_status(akn)
    acts = later_acts(history, pit.as_of, rec.frbr_uri)
    in_force, later = split_later(view(xml, full=True), acts, later_notes(xml, acts))
    blocks, toc = text_blocks(in_force)
    changes = None
    if earlier is not None:
        changes = changes_of(earlier)
        if earlier.diff is not None:
            blocks, rows = mark_changes(blocks, earlier.diff)
            changes = replace(changes, rows=rows)
    title = rec.title or ("".join(r.text for r in blocks[0].runs) if blocks else rec.frbr_uri)
    as_of = day(pit.as_of)
    status = term(pit.status)
    return PrintView(
        lang=pit.lang or "",
        meta_title=title,
        meta_author=rec.issuer or "",
        meta_description=_(
            "{citation}: the text in force on {day} ({status}, certainty {certainty}); "
            "expression {expression}"
        ).format(
            citation=_citation(rec),
            day=as_of,
            status=status,
            certainty=term(pit.certainty),
            expression=pit.expression,
        ),
        meta_keywords=", ".join((rec.frbr_uri, pit.expression, _("as of {day}").format(day=as_of))),
        cover=_cover(rec, tl, pit, title, _cover_notes(pit, status_label, blocks)),
        toc=_toc(title, toc, changes, bool(later)),
        blocks=blocks,
        effects=applied_effects(history, pit),
        history=history_rows(history, pit.as_of, rec.frbr_uri),
        changes=changes,
        later=later,
    )


def render_print_html(pv: PrintView) -> str:
    """The HTML of ``print.html`` for ``pv`` (what WeasyPrint lays out)."""
    return environment().get_template(TEMPLATE).render(v=pv)
