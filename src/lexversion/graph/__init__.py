"""Parsed documents -> the version graph: works, expressions, events, effects, citations.

ARCHITECTURE.md ("The model", "Point in time"). Works are identified by
(region, date, number) with look-alike letters folded; an act known only
because a corpus text cites, amends or repeals it becomes a *stub* work. Each
effect takes force when its affecting act does (:mod:`lexversion.timeline.commencement`),
by that act's own rule when the corpus holds the act, else by the rule the
editorial note quotes for it, else estimated.

Expressions (insert-only in the store): a corpus text is an ``official``
expression, or ``consolidated`` when its notes record amendments; before those
amendments a ``reconstructed`` expression is derived by reversing them where
that is exact (:mod:`lexversion.timeline.modify`). A new edition of a stub's
annex printed in a corpus text becomes the stub's text from when it takes force.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath
from typing import Generic, TypeVar, cast

from lexversion.akn.build import document_to_akn
from lexversion.akn.frbr import expression_uri, work_uri
from lexversion.graph.matching import Match, match_act
from lexversion.lang import fold_number
from lexversion.model import (
    ActRef,
    Citation,
    CitedFact,
    CommencementRule,
    DateFact,
    Document,
    Effect,
    Preface,
)
from lexversion.parse.marks import mark
from lexversion.timeline.commencement import entry_into_force
from lexversion.timeline.modify import is_reversible, reprefix, reverse


@dataclass(frozen=True, slots=True)
class WorkRecord:
    """A work: identity, whether it is a stub, languages of its texts in the corpus."""

    frbr_uri: str
    act_type: str | None
    issuer: str | None
    region: str | None
    body: str | None
    date: date | None
    number: str | None
    title: str | None
    stub: bool
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event on ``work`` with its DateFact; ``by`` the causing work's URI."""

    work: str
    type: str
    date: DateFact
    by: str | None
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class EffectRecord:
    """An effect between two works (FRBR work URIs), in force from ``in_force``."""

    type: str
    affecting: str
    affected: str
    scope: str
    pairs: tuple[tuple[str, str], ...]
    in_force: DateFact
    source: str
    text: str
    applied_in: tuple[str, ...] = ()
    reversed_in: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity of the effect: (type, affecting, affected, scope)."""
        return (self.type, self.affecting, self.affected, self.scope)


@dataclass(frozen=True, slots=True)
class ExpressionRecord:
    """One expression: its URI, kind, the DateFact it applies from, its AKN."""

    uri: str
    work: str
    lang: str
    date: date | None
    kind: str
    applies_from: DateFact
    effects: tuple[str, ...]
    akn: bytes
    source: str | None


@dataclass(frozen=True, slots=True)
class CitationRecord:
    """A citation found in a corpus text, resolved to a work URI by ``method``
    (``exact``, ``unique``, ``fuzzy``) with its ``score`` (0-100)."""

    source: str
    citing: str
    eid: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str
    cited: str
    method: str = "exact"
    score: float = 100.0


T = TypeVar("T")


class Regenerable(Generic[T]):
    """A sequence produced anew on every iteration (by ``make``), never held:
    events and citations of a national corpus are streamed to the store twice
    (fingerprint, insert) without living in memory. ``len`` iterates."""

    def __init__(self, make: Callable[[], Iterator[T]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[T]:
        return self._make()

    def __len__(self) -> int:
        return sum(1 for _ in self._make())


@dataclass
class Graph:
    """The whole version graph built from a corpus. ``events`` and
    ``citations`` are lists or :class:`Regenerable` streams (see plan_graph)."""

    works: dict[str, WorkRecord] = field(default_factory=dict)
    events: list[EventRecord] | Regenerable[EventRecord] = field(default_factory=list)
    effects: list[EffectRecord] = field(default_factory=list)
    expressions: list[ExpressionRecord] = field(default_factory=list)
    citations: list[CitationRecord] | Regenerable[CitationRecord] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocSummary:
    """What the graph needs of a parsed corpus text: small and picklable, so a
    national corpus is planned without holding its documents (issue 4)."""

    sha256: str
    source: str
    lang: str
    act: ActRef
    commencement: CommencementRule | None
    registration: date | None
    publication: date | None
    retroactive_from: date | None
    effects: tuple[Effect, ...]
    facts: tuple[CitedFact, ...]
    citations: tuple[Citation, ...]
    has_annex: bool


def summarize(d: Document) -> DocSummary:
    """The :class:`DocSummary` of a parsed document."""
    m = d.meta
    return DocSummary(
        d.sha256,
        d.source,
        m.lang,
        d.act,
        m.commencement,
        m.registration.date if m.registration else None,
        m.publication,
        m.retroactive_from,
        m.effects,
        d.facts,
        d.citations,
        bool(d.attachments),
    )


@dataclass(frozen=True, slots=True)
class ExpressionPlan:
    """An expression to render from corpus text ``sha256``: ``kind`` official,
    consolidated or reconstructed (``reverse``: indices of the text's effects
    to undo), or a stub's new edition (``edition_of``: the stub)."""

    uri: str
    work: str
    lang: str
    date: date | None
    kind: str
    applies_from: DateFact
    effects: tuple[str, ...]
    sha256: str
    reverse: tuple[int, ...] = ()
    edition_of: WorkRecord | None = None

    def record(self, akn: bytes) -> ExpressionRecord:
        """The store record of this plan with its rendered AKN."""
        return ExpressionRecord(
            self.uri,
            self.work,
            self.lang,
            self.date,
            self.kind,
            self.applies_from,
            self.effects,
            akn,
            self.sha256,
        )


def render_plan(d: Document, plan: ExpressionPlan) -> bytes:
    """The AKN XML of ``plan`` from its corpus document ``d``."""
    if plan.edition_of is not None:
        return document_to_akn(_edition_doc(d, plan.edition_of), plan.date)
    if plan.kind == "reconstructed":
        return document_to_akn(reverse(d, [d.meta.effects[i] for i in plan.reverse]), plan.date)
    return document_to_akn(d, plan.date)


def act_identity(act: ActRef) -> tuple[str | None, date | None, str | None]:
    """(region, date, folded number): how works are matched across texts."""
    return (act.region, act.date, fold_number(act.number) if act.number else None)


class _Registry:
    """Works by identity, indexed by (date, folded number); stubs are upgraded
    when their text turns up. Lookups go through :func:`lexversion.graph.matching.match_act`."""

    def __init__(self) -> None:
        self.by_id: dict[tuple[str | None, date | None, str | None], WorkRecord] = {}
        self.by_dn: dict[tuple[date, str], list[tuple[str | None, date | None, str | None]]] = {}

    def match(self, act: ActRef, words: str = "") -> Match | None:
        """The work ``act`` names (``words``: the reference as written), with method and score."""
        if act.date is None or act.number is None:
            return None
        keys = self.by_dn.get((act.date, fold_number(act.number)), [])
        return match_act(act, words, [self.by_id[k] for k in keys])

    def find(self, act: ActRef, words: str = "") -> WorkRecord | None:
        """The work ``act`` names, or ``None``."""
        m = self.match(act, words)
        return cast(WorkRecord, m.work) if m else None

    def ensure(
        self, act: ActRef, *, stub: bool, lang: str | None = None, words: str = ""
    ) -> WorkRecord | None:
        """The work ``act`` names, created (as a stub when ``stub``) if unknown."""
        if act.date is None or act.number is None:
            return None
        existing = self.find(act, words)
        if existing is not None:
            if not stub and existing.stub:
                existing = replace(existing, stub=False, title=act.title or existing.title)
            if lang and lang not in existing.languages:
                existing = replace(existing, languages=tuple(sorted({*existing.languages, lang})))
            self.by_id[self._key_of(existing)] = existing
            return existing
        uri = work_uri(act if act.act_type else replace(act, act_type="act"))
        rec = WorkRecord(
            uri,
            act.act_type,
            act.issuer,
            act.region,
            act.body,
            act.date,
            act.number,
            act.title if not stub else None,
            stub,
            (lang,) if lang else (),
        )
        key = act_identity(act)
        self.by_id[key] = rec
        self.by_dn.setdefault((act.date, fold_number(act.number)), []).append(key)
        return rec

    @staticmethod
    def _key_of(w: WorkRecord) -> tuple[str | None, date | None, str | None]:
        return (w.region, w.date, fold_number(w.number) if w.number else None)


def build_graph(
    docs: Sequence[Document], publications: Sequence[tuple[str, date, str]] = ()
) -> Graph:
    """The version graph of ``docs`` with every expression rendered (in process).

    See :func:`plan_graph`; this is the small-corpus path, and what tests use.
    """
    g, plans = plan_graph([summarize(d) for d in docs], publications)
    g.events, g.citations = list(g.events), list(g.citations)
    by_sha = {d.sha256: d for d in docs}
    g.expressions = [p.record(render_plan(by_sha[p.sha256], p)) for p in plans]
    return g


def plan_graph(
    docs: Iterable[DocSummary], publications: Sequence[tuple[str, date, str]] = ()
) -> tuple[Graph, list[ExpressionPlan]]:
    """The version graph of the summarised corpus texts ``docs`` (any order),
    without expression texts, and the plans to render them.

    ``docs``: a list, or any re-iterable yielding summaries in SHA-256 order
    (it is read several times). ``publications``: (work as FRBR URI or
    citation, date, source) facts from the corpus sidecar, used where no text
    states the publication date. Deterministic: the same documents give the
    same graph whatever their order.
    """
    if isinstance(docs, list):
        docs = sorted(
            docs, key=lambda d: d.sha256
        )  # else: re-iterable in SHA-256 order (SummarySpool)
    reg = _Registry()
    for d in docs:
        reg.ensure(d.act, stub=False, lang=d.lang)
    for d in docs:
        for e in d.effects:
            for a in (e.affecting, e.affected):
                if a is not None:
                    reg.ensure(a, stub=True)
        for c in d.citations:
            reg.ensure(c.act, stub=True, words=c.text)

    # rules and publication dates the corpus states for each act
    rules: dict[str, tuple[CommencementRule | None, date | None, date | None, str]] = {}
    pubs: dict[str, tuple[date, str]] = {}
    retro: dict[str, tuple[date, str]] = {}
    for d in docs:
        w = reg.find(d.act)
        assert w is not None
        if d.retroactive_from:
            retro[w.frbr_uri] = (d.retroactive_from, d.sha256)
        rules[w.frbr_uri] = (d.commencement, d.act.date, d.registration, d.sha256)
        if d.publication:
            pubs[w.frbr_uri] = (d.publication, f"stated in {PurePath(d.source).name}")
        for f in d.facts:
            fw = reg.find(f.act)
            if fw is not None and f.kind == "publication":
                pubs.setdefault(
                    fw.frbr_uri, (f.date, f"stated in {PurePath(d.source).name}: {f.basis[:160]}")
                )
    for ref, when, source in publications:
        sw = _sidecar_work(reg, ref)
        if sw is not None:
            pubs.setdefault(sw.frbr_uri, (when, f"corpus sidecar metadata.json: {source}"))
    quoted: dict[str, CommencementRule] = {}
    for d in docs:
        for e in d.effects:
            if e.affecting is not None and e.rule is not None:
                aw = reg.find(e.affecting)
                if aw is not None:
                    quoted.setdefault(aw.frbr_uri, e.rule)

    dates = {w.frbr_uri: w.date for w in reg.by_id.values()}

    known: dict[str, DateFact] = {}

    def commencement(uri: str) -> DateFact:
        """The work's entry into force, computed once (events and effects share it)."""
        if uri not in known:
            known[uri] = _commencement(uri)
        return known[uri]

    def _commencement(uri: str) -> DateFact:
        pub = pubs.get(uri)
        if uri in rules:
            rule, adopted, registered, _ = rules[uri]
            return entry_into_force(rule, adopted, registered, pub[0] if pub else None)
        return entry_into_force(quoted.get(uri), dates[uri], None, pub[0] if pub else None)

    g = Graph()
    for w in sorted({w.frbr_uri: w for w in reg.by_id.values()}.values(), key=lambda w: w.frbr_uri):
        g.works[w.frbr_uri] = w

    def own_events(w: WorkRecord) -> list[EventRecord]:
        out: list[EventRecord] = []
        if w.date:
            basis = "requisites of the corpus text" if not w.stub else "cited in the corpus"
            out.append(
                EventRecord(w.frbr_uri, "adoption", DateFact.stated(w.date, basis), None, "graph")
            )
        if w.frbr_uri in pubs:
            when, basis = pubs[w.frbr_uri]
            out.append(
                EventRecord(w.frbr_uri, "publication", DateFact.stated(when, basis), None, "graph")
            )
        if w.frbr_uri in rules and rules[w.frbr_uri][2]:
            _, _, registered, sha = rules[w.frbr_uri]
            assert registered is not None
            out.append(
                EventRecord(
                    w.frbr_uri, "registration", DateFact.stated(registered, "requisites"), None, sha
                )
            )
        out.append(
            EventRecord(w.frbr_uri, "entry_into_force", commencement(w.frbr_uri), None, "graph")
        )
        if w.frbr_uri in retro:
            back, sha = retro[w.frbr_uri]
            fact = DateFact.stated(back, "the act applies to relations arising from this date")
            out.append(EventRecord(w.frbr_uri, "retroactive_application", fact, None, sha))
        return out

    # effects
    seen: dict[tuple[str, str, str, str], EffectRecord] = {}
    for d in docs:
        own = reg.find(d.act)
        assert own is not None
        for e in d.effects:
            if e.type == "commencement":
                continue
            affecting = reg.find(e.affecting) if e.affecting else own
            affected = reg.find(e.affected) if e.affected else own
            if affecting is None or affected is None:
                continue
            rec = EffectRecord(
                e.type,
                affecting.frbr_uri,
                affected.frbr_uri,
                e.scope,
                e.pairs,
                commencement(affecting.frbr_uri),
                d.sha256,
                e.text,
            )
            seen.setdefault(rec.key, rec)
    effects = sorted(seen.values(), key=lambda r: r.key)
    incoming: dict[str, list[EffectRecord]] = {}
    for r in effects:
        incoming.setdefault(r.affected, []).append(r)

    def events() -> Iterator[EventRecord]:
        """Every work's events, work by work (URI order), each work's by date and type."""
        for uri, w in g.works.items():
            evs = own_events(w)
            for r in incoming.get(uri, []):
                if r.type == "repeal":
                    evs.append(EventRecord(r.affected, "repeal", r.in_force, r.affecting, r.source))
                else:
                    evs.append(
                        EventRecord(
                            r.affected, "amendment", r.in_force, r.affecting, r.source, r.type
                        )
                    )
            evs.sort(key=lambda e: (e.date.earliest or date.max, e.type))
            yield from evs

    g.events = Regenerable(events)

    # expressions (planned; rendered by the caller)
    applied: dict[tuple[str, str, str, str], list[str]] = {}
    reversed_: dict[tuple[str, str, str, str], list[str]] = {}
    plans: list[ExpressionPlan] = []
    on_text: dict[tuple[str, str], list[EffectRecord]] = {}  # (affected, source) -> effects
    editions: dict[str, list[EffectRecord]] = {}  # affecting -> new editions of annexes
    for r in effects:
        on_text.setdefault((r.affected, r.source), []).append(r)
        if r.type == "new_edition" and r.scope == "annex":
            editions.setdefault(r.affecting, []).append(r)
    for d in docs:
        own = reg.find(d.act)
        assert own is not None
        mine = on_text.get((own.frbr_uri, d.sha256), [])
        plans += _expressions_of(d, own, mine, commencement, _uri_of(reg), applied, reversed_)
    for d in docs:
        own = reg.find(d.act)
        assert own is not None
        for r in editions.get(own.frbr_uri, []):
            if d.has_annex:
                target = g.works[r.affected]
                act = ActRef(
                    target.act_type,
                    target.issuer,
                    target.region,
                    target.body,
                    target.date,
                    target.number,
                )
                since = r.in_force.earliest
                plan = ExpressionPlan(
                    expression_uri(act, d.lang, since),
                    target.frbr_uri,
                    d.lang,
                    since,
                    "consolidated",
                    r.in_force,
                    (f"new_edition by {r.affecting}",),
                    d.sha256,
                    edition_of=target,
                )
                plans.append(plan)
                applied.setdefault(r.key, []).append(plan.uri)
    plan_langs: dict[str, set[str]] = {}
    for x in plans:
        plan_langs.setdefault(x.work, set()).add(x.lang)
    for uri, w in list(g.works.items()):
        langs = tuple(sorted({*w.languages, *plan_langs.get(uri, ())}))
        if langs != w.languages:
            g.works[uri] = replace(w, languages=langs)
    g.effects = [
        replace(
            r, applied_in=tuple(applied.get(r.key, ())), reversed_in=tuple(reversed_.get(r.key, ()))
        )
        for r in effects
    ]

    # citations (generated on demand: a national corpus has hundreds of thousands)
    def citations() -> Iterator[CitationRecord]:
        for d in docs:
            own = reg.find(d.act)
            assert own is not None
            for c in d.citations:
                m = reg.match(c.act, c.text)
                if m is None:
                    continue
                yield CitationRecord(
                    d.sha256,
                    own.frbr_uri,
                    c.eid,
                    c.start,
                    c.end,
                    c.raw_start,
                    c.raw_end,
                    c.text,
                    cast(WorkRecord, m.work).frbr_uri,
                    m.method,
                    m.score,
                )

    g.citations = Regenerable(citations)
    return g, plans


def _uri_of(reg: _Registry) -> Callable[[ActRef], str | None]:
    def find(act: ActRef) -> str | None:
        w = reg.find(act)
        return w.frbr_uri if w else None

    return find


def _sidecar_work(reg: _Registry, ref: str) -> WorkRecord | None:
    """The work a sidecar fact names (FRBR URI or citation), if known."""
    from lexversion.parse.acts import find_anchors
    from lexversion.text.language import detect_language

    if ref.startswith("/akn/"):
        return next((w for w in reg.by_id.values() if w.frbr_uri == ref.rstrip("/")), None)
    anchors = find_anchors(ref, detect_language(ref))
    return reg.find(anchors[0].act) if anchors else None


def _expressions_of(
    d: DocSummary,
    own: WorkRecord,
    effects: Iterable[EffectRecord],  # the effects read from this text on its own work
    commencement: Callable[[str], DateFact],
    uri_of: Callable[[ActRef], str | None],
    applied: dict[tuple[str, str, str, str], list[str]],
    reversed_: dict[tuple[str, str, str, str], list[str]],
) -> list[ExpressionPlan]:
    """The corpus text's expressions: the text as exported (``official``, or
    ``consolidated`` when its notes record amendments) and, before each
    amending act's changes, a ``reconstructed`` one as long as every later
    change is exactly reversible (:func:`lexversion.timeline.modify.is_reversible`).

    Amendments are grouped by amending act and ordered by when they take force;
    the version before group *j* applies from group *j-1*'s in-force DateFact
    (the work's own commencement for the original wording).
    """
    lang = d.lang
    start: DateFact = commencement(own.frbr_uri)
    records = {r.key: r for r in effects}
    groups: dict[str, list[tuple[int, Effect, EffectRecord]]] = {}
    for k, e in enumerate(d.effects):
        if e.affected is not None or e.type in {"repeal", "commencement"} or e.affecting is None:
            continue
        by = uri_of(e.affecting)
        rec = records.get((e.type, by or "", own.frbr_uri, e.scope))
        if by is not None and rec is not None:
            groups.setdefault(by, []).append((k, e, rec))
    if not groups:
        uri = expression_uri(d.act, lang, d.act.date)
        return [
            ExpressionPlan(uri, own.frbr_uri, lang, d.act.date, "official", start, (), d.sha256)
        ]
    ordered = sorted(
        groups.values(),
        key=lambda grp: (grp[0][2].in_force.earliest or date.min, grp[0][2].affecting),
    )
    last = ordered[-1][0][2]
    when = last.in_force.earliest
    uri = expression_uri(d.act, lang, when)
    labels = tuple(f"{r.type} by {r.affecting}" for grp in ordered for _, _, r in grp)
    plans = [
        ExpressionPlan(
            uri, own.frbr_uri, lang, when, "consolidated", last.in_force, labels, d.sha256
        )
    ]
    for grp in ordered:
        for _, _, r in grp:
            applied.setdefault(r.key, []).append(uri)
    for j in range(len(ordered) - 1, -1, -1):
        later = [item for grp in ordered[j:] for item in grp]
        if not all(is_reversible(e) for _, e, _ in later):
            break
        prev = ordered[j - 1][0][2] if j > 0 else None
        on = prev.in_force.earliest if prev else d.act.date
        ruri = expression_uri(d.act, lang, on)
        if any(p.uri == ruri for p in plans):
            continue
        kept = tuple(f"{r.type} by {r.affecting}" for grp in ordered[:j] for _, _, r in grp)
        rlabels = kept + tuple(f"reversed: {r.type} by {r.affecting}" for _, _, r in later)
        applies = prev.in_force if prev else start
        plans.append(
            ExpressionPlan(
                ruri,
                own.frbr_uri,
                lang,
                on,
                "reconstructed",
                applies,
                rlabels,
                d.sha256,
                reverse=tuple(k for k, _, _ in later),
            )
        )
        for _, _, r in later:
            reversed_.setdefault(r.key, []).append(ruri)
    return plans


def _edition_doc(d: Document, target: WorkRecord) -> Document:
    """The stub ``target``'s text as set out anew in ``d``'s first annex."""
    att = d.attachments[0]
    body = reprefix(att.body, att.eid, "")
    meta = replace(
        d.meta,
        title=att.title,
        act_type=target.act_type,
        issuer=target.issuer,
        region=target.region,
        body=target.body,
        date=target.date,
        number=target.number,
        registration=None,
        status=None,
        status_label=None,
        repealed_by=None,
        commencement=None,
        notes=(),
        effects=(),
        publication=None,
    )
    preface = Preface(att.title, None, " ".join(att.approval), None, ())
    edition = replace(
        d,
        meta=meta,
        preface=preface,
        preamble=(),
        body=replace(body, eid="body"),
        conclusions=(),
        attachments=(),
        citations=(),
    )
    return mark(edition)  # another act, other texts: mark them again for the projection


__all__ = [
    "CitationRecord",
    "DocSummary",
    "Effect",
    "EffectRecord",
    "EventRecord",
    "ExpressionPlan",
    "ExpressionRecord",
    "Graph",
    "WorkRecord",
    "build_graph",
    "plan_graph",
    "render_plan",
    "summarize",
]
