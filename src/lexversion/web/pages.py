"""The work page as a view model: what the act said on a date, and around it.

:func:`work_page` answers the point-in-time question of a request path
(:func:`lexversion.app.query.answer`, which reads the AKN suffix: ``:DATE``,
``@DATE``, ``@``, ``/kaz``/``/rus``; no suffix means today) and gathers what
``web_work.html`` shows: the work's facts with each date's certainty
(:func:`lexversion.render.pdf.shown`), a status banner, the text (the view model
of :func:`lexversion.render.html.view`, its references made links that say
when the act cited is a stub), the timeline, the neighbourhood, the
citations made and received, the language switch, the versions and the
downloads. The template only loops and prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from lexversion.akn.frbr import AKN_LANG, parse_work_uri
from lexversion.app.query import answer, language_lines, resolve_address, text_warnings
from lexversion.app.resolve import find_work
from lexversion.i18n import day, term
from lexversion.i18n import gettext as _
from lexversion.model import HistoryEntry, PointInTime, StoredCitation, WorkRecord, WorkTimeline
from lexversion.render.html import ViewBlock, view
from lexversion.render.labels import provision_label
from lexversion.render.pdf import KIND_NOTES, ShownDate, shown
from lexversion.render.warnings import warning_text
from lexversion.store.repository import Store
from lexversion.timeline.pit import NOT_APPLIED
from lexversion.web.neighbourhood import NeighbourhoodView, neighbourhood_view, relations
from lexversion.web.refs import (
    FORMATS,
    WorkRef,
    label_of,
    ref_of,
    work_href,
    work_refs,
)
from lexversion.web.textlang import choose_text
from lexversion.web.timeline import TimelineView, timeline_view

LANG_NAMES = {"kk": "қазақша", "ru": "русский"}


@dataclass(frozen=True)
class Link:
    """A run of text; a link to ``href`` when set, to a ``stub`` or to a work the
    store does not hold (``missing``)."""

    text: str
    href: str | None = None
    stub: bool = False
    missing: bool = False


@dataclass(frozen=True)
class Block:
    """A displayed block of the text (see :class:`lexversion.render.html.ViewBlock`)."""

    kind: str
    depth: int
    label: str
    eid: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Banner:
    """The answer for the chosen date: status (and its words), certainty, the
    expression shown and its kind (with what the kind means), or why no text
    is shown; the uncertainty window, effects applied and notes."""

    as_of: str
    status: str
    status_words: str
    certainty: str
    expression: str | None
    kind: str
    kind_note: str
    reason: str | None
    window: str | None
    effects: tuple[str, ...]
    notes: tuple[str, ...]
    addressed: str
    #: the other language's text when it is an older or newer version (issue 13, item 2)
    languages: tuple[str, ...] = ()
    #: the build's warnings about the text shown (issue 13, items 2 and 9)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A line of the work's facts: a ``value`` or a ``when`` (date with certainty),
    and optionally a related work."""

    key: str
    value: str = ""
    when: ShownDate | None = None
    ref: WorkRef | None = None


@dataclass(frozen=True)
class Version:
    """A stored expression: its address (and ``name``, the part after the work
    URI), language, kind and the DateFact it applies from."""

    uri: str
    name: str
    lang: str
    kind: str
    applies_from: ShownDate
    current: bool


@dataclass(frozen=True)
class Choice:
    """A language of the switch: its name, page, whether it is the one shown."""

    label: str
    href: str
    current: bool


@dataclass(frozen=True)
class Download:
    """A manifestation to download."""

    label: str
    href: str
    note: str


@dataclass(frozen=True)
class CitationItem:
    """A citation the work's text makes: where (eId, and ``where``, the
    provision's label in the reader's language), the words, the act cited and
    how the citation was resolved."""

    eid: str
    text: str
    ref: WorkRef
    method: str
    where: str = ""


@dataclass(frozen=True)
class WorkPage:
    """Everything ``web_work.html`` shows."""

    uri: str
    title: str
    label: str
    stub: bool
    lang: str
    text_notice: str | None
    as_of: str
    address: str
    facts: tuple[Fact, ...]
    banner: Banner
    blocks: tuple[Block, ...]
    versions: tuple[Version, ...]
    languages: tuple[Choice, ...]
    downloads: tuple[Download, ...]
    timeline: TimelineView
    neighbourhood: NeighbourhoodView
    citations: tuple[CitationItem, ...]
    cited_by: tuple[WorkRef, ...]
    compare_from: str
    compare_to: str


def _banner(pit: PointInTime, mode: str) -> Banner:
    window = None
    if pit.window:
        window = f"{day(pit.window[0])} – {day(pit.window[1])}"
    at = (
        # in force, not yet put into effect: the text shown applies later
        _("the text that applies once put into effect (not yet on {day})")
        if pit.status == NOT_APPLIED
        else _("the text in force on {day}")
    )
    addressed = {
        "at": at.format(day=day(pit.as_of)),
        "exact": _("the expression addressed"),
        "first": _("the first expression"),
    }[mode]
    return Banner(
        pit.as_of.isoformat(),
        pit.status,
        term(pit.status),
        pit.certainty,
        pit.expression,
        pit.expression_kind or "",
        _(KIND_NOTES[pit.expression_kind]) if pit.expression_kind in KIND_NOTES else "",
        pit.reason,
        window,
        pit.effects,
        pit.notes,
        addressed,
    )


def _blocks(viewed: Sequence[ViewBlock], refs: dict[str, WorkRef]) -> tuple[Block, ...]:
    out = []
    for b in viewed:
        links = []
        for s in b.segments:
            ref = refs.get(s.href) if s.href else None
            if ref is None:
                links.append(Link(s.text))
            else:
                links.append(Link(s.text, ref.href, ref.stub, ref.missing))
        out.append(Block(b.kind, b.depth, b.label, b.eid, tuple(links)))
    return tuple(out)


def _hrefs(viewed: Sequence[ViewBlock]) -> set[str]:
    """The work URIs the text's references point to (others are not linked)."""
    found = set()
    for b in viewed:
        for s in b.segments:
            if s.href:
                try:
                    found.add(parse_work_uri(s.href)[0])
                except ValueError:
                    continue
    return found


def _compare_dates(tl: WorkTimeline, pit: PointInTime) -> tuple[str, str]:
    same = sorted(
        (x for x in tl.expressions if x.lang == pit.lang),
        key=lambda x: (x.applies_from.earliest or date.min, x.uri),
    )
    days = [x.applies_from.latest or x.applies_from.earliest for x in same]
    known = [d for d in days if d]
    if len(known) >= 2:
        return known[0].isoformat(), known[-1].isoformat()
    return pit.as_of.isoformat(), pit.as_of.isoformat()


@dataclass(frozen=True)
class _Gathered:
    """What the store says about a work: its timeline, history items, citations
    made, related works (:func:`~lexversion.web.neighbourhood.relations`) and a
    :class:`WorkRef` of every other work the page mentions."""

    tl: WorkTimeline
    items: list[HistoryEntry]
    cites: list[StoredCitation]
    related: dict[str, list[str]]
    refs: dict[str, WorkRef]


def _gather(store: Store, uri: str, tl: WorkTimeline, viewed: Sequence[ViewBlock]) -> _Gathered:
    """Read the history and citations of work ``uri`` (its timeline ``tl`` read
    already) and the references of every work they (or the text ``viewed``)
    mention, all of these in one query (:func:`work_refs`)."""
    items = store.history(uri)
    cites = store.citations_of(uri)
    related = relations(uri, items, [c.cited for c in cites], tl.cited_by)
    wanted = set(related) | {c.cited for c in cites} | set(tl.cited_by)
    wanted |= {x for it in items for x in (it.by, it.on) if x and x != uri}
    if tl.repealed_by:
        wanted.add(tl.repealed_by)
    wanted |= _hrefs(viewed)
    refs = work_refs(store, wanted)
    return _Gathered(tl, items, cites, related, refs)


def _address(uri: str, pit: PointInTime, mode: str, page_lang: str) -> str:
    """The AKN address of what the page shows: the work on the date (``at``
    mode, or when there is no text), else the expression (``exact``) or the
    language's first expression (``first``)."""
    if mode == "at" or not pit.expression:
        return work_href(uri, pit.as_of, pit.lang)
    return pit.expression if mode == "exact" else f"{uri}/{AKN_LANG[page_lang]}@"


def _downloads(uri: str, address: str, pit: PointInTime) -> tuple[Download, ...]:
    """The manifestations of the text shown at ``address``, and its PDF as in
    force on the page's date."""
    on = pit.as_of
    return (
        *(Download(FORMATS[e][0], f"{address}.{e}", "") for e in ("xml", "html", "txt")),
        Download(
            "PDF",
            f"{work_href(uri, on, pit.lang)}.pdf",
            _("the text in force on {day}").format(day=day(on)),
        ),
    )


def _versions(uri: str, tl: WorkTimeline, pit: PointInTime) -> tuple[Version, ...]:
    """The stored expressions by language and date, the one shown ``current``."""
    return tuple(
        Version(
            x.uri,
            x.uri.removeprefix(uri + "/"),
            x.lang,
            x.kind,
            shown(x.applies_from),
            x.uri == pit.expression,
        )
        for x in sorted(
            tl.expressions, key=lambda x: (x.lang, x.applies_from.earliest or date.min, x.uri)
        )
    )


def _facts(
    rec: WorkRecord, tl: WorkTimeline, refs: dict[str, WorkRef], langs: Sequence[str]
) -> tuple[Fact, ...]:
    """The work's facts, each date with its certainty."""
    unknown = _("unknown")
    return (
        Fact(_("FRBR work URI"), rec.frbr_uri),
        Fact(_("issuer"), rec.issuer or unknown),
        Fact(_("type"), term(rec.act_type) if rec.act_type else unknown),
        Fact(_("number"), rec.number or unknown),
        Fact(_("adopted"), when=shown(tl.adoption, "unknown")),
        *_commencement_facts(tl),
        Fact(
            _("repealed"),
            when=shown(tl.repeal),
            ref=refs.get(tl.repealed_by) if tl.repealed_by else None,
        ),
        Fact(
            _("text in the corpus"),
            _("no: a stub, known only from citations") if rec.stub else _("yes"),
        ),
        Fact(_("languages"), ", ".join(LANG_NAMES.get(x, x) for x in langs) or _("none")),
    )


def _commencement_facts(tl: WorkTimeline) -> tuple[Fact, ...]:
    """Entry into force, and application when the text states it apart (two
    facts: "күшіне енді" then "қолданысқа енгізілді"), each with its certainty."""
    if tl.in_force is None:
        return (Fact(term("entry_into_force"), when=shown(tl.commencement, "unknown")),)
    return (
        Fact(term("entry_into_force"), when=shown(tl.in_force, "unknown")),
        Fact(term("application"), when=shown(tl.commencement, "unknown")),
    )


def work_page(
    store: Store, path: str, lang: str | None, today: date, prefer: str | None = None
) -> WorkPage:
    """The work page of request ``path`` (a work URI with an optional suffix),
    in language ``lang`` (``kk``/``ru``, strict; ``None``: the suffix's, else
    ``prefer``'s where the act has that text, else the corpus text's:
    :func:`~lexversion.web.textlang.choose_text`), as of ``today`` when the
    path names no date.

    Raises :class:`~lexversion.errors.UsageError` for a malformed path or
    suffix, :class:`~lexversion.errors.NotFound` for a work or expression the
    store lacks.
    """
    rec, suffix = find_work(store, path)
    uri = rec.frbr_uri
    tl = store.timeline(uri)
    dated = _has_date_or_at(suffix)
    if not dated:
        today = opening_day(tl, today)
    addr = resolve_address(suffix, None if dated else today)
    chosen = choose_text(lang or addr.lang, prefer, {x.lang for x in tl.expressions})
    mode = addr.mode
    pit, akn = answer(store, path, None if dated else today, chosen.lang, timeline=tl)
    viewed = view(akn, full=False) if akn is not None else []
    g = _gather(store, uri, tl, viewed)
    on = pit.as_of
    page_lang = pit.lang or (rec.languages[0] if rec.languages else "")
    address = _address(uri, pit, mode, page_lang)
    langs = sorted({x.lang for x in g.tl.expressions})
    languages = tuple(
        Choice(LANG_NAMES.get(x, x), work_href(uri, on, x), x == pit.lang) for x in langs
    )
    cfrom, cto = _compare_dates(g.tl, pit)
    return WorkPage(
        uri=uri,
        title=rec.title or label_of(rec),
        label=label_of(rec),
        stub=rec.stub,
        lang=page_lang,
        text_notice=chosen.notice,
        as_of=on.isoformat(),
        address=address,
        facts=_facts(rec, g.tl, g.refs, langs),
        banner=replace(
            _banner(pit, mode),
            languages=tuple(language_lines(pit)),
            warnings=tuple(warning_text(w) for w in text_warnings(store, pit)),
        ),
        blocks=_blocks(viewed, g.refs),
        versions=_versions(uri, g.tl, pit),
        languages=languages if len(languages) > 1 else (),
        downloads=_downloads(uri, address, pit) if akn is not None else (),
        timeline=timeline_view(uri, g.items, g.tl, g.refs, on),
        neighbourhood=neighbourhood_view(ref_of(rec), g.related, g.refs),
        citations=tuple(
            CitationItem(c.eid, c.text, g.refs[c.cited], c.method, provision_label(c.eid))
            for c in g.cites
        ),
        cited_by=tuple(g.refs[u] for u in g.tl.cited_by),
        compare_from=cfrom,
        compare_to=cto,
    )


def opening_day(tl: WorkTimeline, today: date) -> date:
    """The day a work page without a date opens on: ``today``, or for a work
    repealed by then the last day it was certainly in force (the day before
    the repeal's earliest possible day), so a reader sees the text that was
    law and the repeal in its timeline, not an empty page."""
    repeal = tl.repeal
    if repeal is not None and repeal.earliest is not None and repeal.earliest <= today:
        return repeal.earliest - timedelta(days=1)
    return today


def _has_date_or_at(suffix: str | None) -> bool:
    """Whether a URI suffix names a date or an expression (``:D``, ``@D``, ``@``)
    rather than only a language (``/kaz``)."""
    return suffix is not None and (":" in suffix or "@" in suffix)
