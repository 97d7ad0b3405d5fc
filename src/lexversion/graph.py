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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import cast

from lexversion.akn.frbr import expression_uri, work_uri
from lexversion.lang import fold_number
from lexversion.matching import Match, match_act
from lexversion.model import ActRef, CommencementRule, DateFact, Effect
from lexversion.parse import Document, Preface
from lexversion.timeline.commencement import entry_into_force
from lexversion.timeline.modify import is_reversible, reprefix, reverse


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class EventRecord:
    """An event on ``work`` with its DateFact; ``by`` the causing work's URI."""

    work: str
    type: str
    date: DateFact
    by: str | None
    source: str
    note: str = ""


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass
class Graph:
    """The whole version graph built from a corpus."""

    works: dict[str, WorkRecord] = field(default_factory=dict)
    events: list[EventRecord] = field(default_factory=list)
    effects: list[EffectRecord] = field(default_factory=list)
    expressions: list[ExpressionRecord] = field(default_factory=list)
    citations: list[CitationRecord] = field(default_factory=list)


def act_identity(act: ActRef) -> tuple[str | None, date | None, str | None]:
    """(region, date, folded number): how works are matched across texts."""
    return (act.region, act.date, fold_number(act.number) if act.number else None)


class _Registry:
    """Works by identity, indexed by (date, folded number); stubs are upgraded
    when their text turns up. Lookups go through :func:`lexversion.matching.match_act`."""

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
    """The version graph of ``docs`` (parsed corpus texts, any order).

    ``publications``: (work as FRBR URI or citation, date, source) facts from
    the corpus sidecar, used where no text states the publication date.
    Deterministic: the same documents give the same graph whatever their order.
    """
    docs = sorted(docs, key=lambda d: d.sha256)
    reg = _Registry()
    for d in docs:
        reg.ensure(d.act, stub=False, lang=d.meta.lang)
    for d in docs:
        for e in d.meta.effects:
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
        if d.meta.retroactive_from:
            retro[w.frbr_uri] = (d.meta.retroactive_from, d.sha256)
        rules[w.frbr_uri] = (
            d.meta.commencement,
            d.meta.date,
            d.meta.registration.date if d.meta.registration else None,
            d.sha256,
        )
        if d.meta.publication:
            pubs[w.frbr_uri] = (d.meta.publication, f"stated in {d.source}")
        for f in d.facts:
            fw = reg.find(f.act)
            if fw is not None and f.kind == "publication":
                pubs.setdefault(fw.frbr_uri, (f.date, f"stated in {d.source}: {f.basis[:160]}"))
    for ref, when, source in publications:
        sw = _sidecar_work(reg, ref)
        if sw is not None:
            pubs.setdefault(sw.frbr_uri, (when, f"corpus sidecar metadata.json: {source}"))
    quoted: dict[str, CommencementRule] = {}
    for d in docs:
        for e in d.meta.effects:
            if e.affecting is not None and e.rule is not None:
                aw = reg.find(e.affecting)
                if aw is not None:
                    quoted.setdefault(aw.frbr_uri, e.rule)

    def commencement(uri: str) -> DateFact:
        w = _work(reg, uri)
        pub = pubs.get(uri)
        if uri in rules:
            rule, adopted, registered, _ = rules[uri]
            return entry_into_force(rule, adopted, registered, pub[0] if pub else None)
        return entry_into_force(quoted.get(uri), w.date, None, pub[0] if pub else None)

    g = Graph()
    for w in sorted({w.frbr_uri: w for w in reg.by_id.values()}.values(), key=lambda w: w.frbr_uri):
        g.works[w.frbr_uri] = w
        if w.date:
            basis = "requisites of the corpus text" if not w.stub else "cited in the corpus"
            g.events.append(
                EventRecord(w.frbr_uri, "adoption", DateFact.stated(w.date, basis), None, "graph")
            )
        if w.frbr_uri in pubs:
            when, basis = pubs[w.frbr_uri]
            g.events.append(
                EventRecord(w.frbr_uri, "publication", DateFact.stated(when, basis), None, "graph")
            )
        if w.frbr_uri in rules and rules[w.frbr_uri][2]:
            _, _, registered, sha = rules[w.frbr_uri]
            assert registered is not None
            g.events.append(
                EventRecord(
                    w.frbr_uri, "registration", DateFact.stated(registered, "requisites"), None, sha
                )
            )
        g.events.append(
            EventRecord(w.frbr_uri, "entry_into_force", commencement(w.frbr_uri), None, "graph")
        )
        if w.frbr_uri in retro:
            back, sha = retro[w.frbr_uri]
            fact = DateFact.stated(back, "the act applies to relations arising from this date")
            g.events.append(EventRecord(w.frbr_uri, "retroactive_application", fact, None, sha))

    # effects
    seen: dict[tuple[str, str, str, str], EffectRecord] = {}
    for d in docs:
        own = reg.find(d.act)
        assert own is not None
        for e in d.meta.effects:
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
    for r in effects:
        if r.type == "repeal":
            g.events.append(EventRecord(r.affected, "repeal", r.in_force, r.affecting, r.source))
        else:
            g.events.append(
                EventRecord(r.affected, "amendment", r.in_force, r.affecting, r.source, r.type)
            )

    # expressions
    applied: dict[tuple[str, str, str, str], list[str]] = {}
    reversed_: dict[tuple[str, str, str, str], list[str]] = {}
    for d in docs:
        own = reg.find(d.act)
        assert own is not None
        _expressions_of(d, own, effects, commencement, _uri_of(reg), g, applied, reversed_)
    for d in docs:
        own = reg.find(d.act)
        assert own is not None
        for r in effects:
            if (
                r.type == "new_edition"
                and r.affecting == own.frbr_uri
                and r.scope == "annex"
                and d.attachments
            ):
                target = g.works[r.affected]
                uri = _edition(d, target, r, g)
                applied.setdefault(r.key, []).append(uri)
    for uri, w in list(g.works.items()):
        langs = tuple(sorted({*w.languages, *(x.lang for x in g.expressions if x.work == uri)}))
        if langs != w.languages:
            g.works[uri] = replace(w, languages=langs)
    g.effects = [
        replace(
            r, applied_in=tuple(applied.get(r.key, ())), reversed_in=tuple(reversed_.get(r.key, ()))
        )
        for r in effects
    ]
    g.events.sort(key=lambda e: (e.work, e.date.earliest or date.max, e.type))

    # citations
    for d in docs:
        own = reg.find(d.act)
        assert own is not None
        for c in d.citations:
            m = reg.match(c.act, c.text)
            if m is None:
                continue
            g.citations.append(
                CitationRecord(
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
            )
    return g


def _uri_of(reg: _Registry) -> Callable[[ActRef], str | None]:
    def find(act: ActRef) -> str | None:
        w = reg.find(act)
        return w.frbr_uri if w else None

    return find


def _sidecar_work(reg: _Registry, ref: str) -> WorkRecord | None:
    """The work a sidecar fact names (FRBR URI or citation), if known."""
    from lexversion.parse import detect_language
    from lexversion.parse.acts import find_anchors

    if ref.startswith("/akn/"):
        return next((w for w in reg.by_id.values() if w.frbr_uri == ref.rstrip("/")), None)
    anchors = find_anchors(ref, detect_language(ref))
    return reg.find(anchors[0].act) if anchors else None


def _work(reg: _Registry, uri: str) -> WorkRecord:
    for w in reg.by_id.values():
        if w.frbr_uri == uri:
            return w
    raise KeyError(uri)


def _expressions_of(
    d: Document,
    own: WorkRecord,
    effects: Iterable[EffectRecord],
    commencement: Callable[[str], DateFact],
    uri_of: Callable[[ActRef], str | None],
    g: Graph,
    applied: dict[tuple[str, str, str, str], list[str]],
    reversed_: dict[tuple[str, str, str, str], list[str]],
) -> None:
    """The corpus text's expressions: the text as exported (``official``, or
    ``consolidated`` when its notes record amendments) and, before each
    amending act's changes, a ``reconstructed`` one as long as every later
    change is exactly reversible (:func:`lexversion.timeline.modify.is_reversible`).

    Amendments are grouped by amending act and ordered by when they take force;
    the version before group *j* applies from group *j-1*'s in-force DateFact
    (the work's own commencement for the original wording).
    """
    lang = d.meta.lang
    start: DateFact = commencement(own.frbr_uri)
    records = {r.key: r for r in effects if r.affected == own.frbr_uri and r.source == d.sha256}
    groups: dict[str, list[tuple[Effect, EffectRecord]]] = {}
    for e in d.meta.effects:
        if e.affected is not None or e.type in {"repeal", "commencement"} or e.affecting is None:
            continue
        by = uri_of(e.affecting)
        rec = records.get((e.type, by or "", own.frbr_uri, e.scope))
        if by is not None and rec is not None:
            groups.setdefault(by, []).append((e, rec))
    if not groups:
        uri = expression_uri(d.act, lang, d.meta.date)
        g.expressions.append(
            ExpressionRecord(
                uri, own.frbr_uri, lang, d.meta.date, "official", start, (), d.to_akn(), d.sha256
            )
        )
        return
    ordered = sorted(
        groups.values(),
        key=lambda grp: (grp[0][1].in_force.earliest or date.min, grp[0][1].affecting),
    )
    last = ordered[-1][0][1]
    when = last.in_force.earliest
    uri = expression_uri(d.act, lang, when)
    labels = tuple(f"{r.type} by {r.affecting}" for grp in ordered for _, r in grp)
    g.expressions.append(
        ExpressionRecord(
            uri,
            own.frbr_uri,
            lang,
            when,
            "consolidated",
            last.in_force,
            labels,
            d.to_akn(when),
            d.sha256,
        )
    )
    for grp in ordered:
        for _, r in grp:
            applied.setdefault(r.key, []).append(uri)
    for j in range(len(ordered) - 1, -1, -1):
        later = [pair for grp in ordered[j:] for pair in grp]
        if not all(is_reversible(e) for e, _ in later):
            break
        before = reverse(d, [e for e, _ in later])
        prev = ordered[j - 1][0][1] if j > 0 else None
        on = prev.in_force.earliest if prev else d.meta.date
        ruri = expression_uri(d.act, lang, on)
        if any(x.uri == ruri for x in g.expressions):
            continue
        kept = tuple(f"{r.type} by {r.affecting}" for grp in ordered[:j] for _, r in grp)
        rlabels = kept + tuple(f"reversed: {r.type} by {r.affecting}" for _, r in later)
        applies = prev.in_force if prev else start
        g.expressions.append(
            ExpressionRecord(
                ruri,
                own.frbr_uri,
                lang,
                on,
                "reconstructed",
                applies,
                rlabels,
                before.to_akn(on),
                d.sha256,
            )
        )
        for _, r in later:
            reversed_.setdefault(r.key, []).append(ruri)


def _edition(d: Document, target: WorkRecord, r: EffectRecord, g: Graph) -> str:
    """The stub ``target``'s text as set out anew in ``d``'s first annex."""
    att = d.attachments[0]
    act = ActRef(
        target.act_type,
        target.issuer,
        target.region,
        target.body,
        target.date,
        target.number,
        att.title,
    )
    when = r.in_force.earliest
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
    doc = replace(
        d,
        meta=meta,
        preface=preface,
        preamble=(),
        body=replace(body, eid="body"),
        conclusions=(),
        attachments=(),
        citations=(),
    )
    uri = expression_uri(act, d.meta.lang, when)
    g.expressions.append(
        ExpressionRecord(
            uri,
            target.frbr_uri,
            d.meta.lang,
            when,
            "consolidated",
            r.in_force,
            (f"new_edition by {r.affecting}",),
            doc.to_akn(when),
            d.sha256,
        )
    )
    return uri


__all__ = [
    "CitationRecord",
    "Effect",
    "EffectRecord",
    "EventRecord",
    "ExpressionRecord",
    "Graph",
    "WorkRecord",
    "build_graph",
]
