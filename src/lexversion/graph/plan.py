"""Planning the version graph, phase by phase (:func:`plan_graph`).

ARCHITECTURE.md ("The model", "Point in time"). The phases, in order:

1. :func:`register_works`: every corpus text's act is a work; every act an
   effect or citation names is a stub unless its text is in the corpus
   (:class:`~lexversion.graph.identity.WorkRegistry`).
2. :func:`stated_dates`: the commencement rules, registration, publication and
   retroactivity dates the corpus states for each work (its own text, other
   texts' notes, the corpus sidecar).
3. :class:`Commencement`: each work's entry into force
   (:mod:`lexversion.timeline.commencement`), by its own rule when the corpus
   holds the act, else by the rule an editorial note quotes for it, else
   estimated; computed once per work.
4. :func:`plan_effects`: the effects between works, each in force when its
   affecting act is.
5. :func:`events_of`: each work's events (a lazy stream).
6. :func:`plan_expressions`: the expressions to render
   (:mod:`lexversion.graph.expressions`).
7. :func:`citations_of`: the citations resolved to works (a lazy stream).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import PurePath
from typing import cast

from lexversion.errors import PlanError
from lexversion.graph.checks import mismatch_warnings, unconsolidated
from lexversion.graph.expressions import (
    Ledger,
    edition_plans,
    expressions_of,
    graph_dates,
    render_plan,
)
from lexversion.graph.failures import blame, text_of, unidentified
from lexversion.graph.forward import forward_plans, wordings
from lexversion.graph.identity import WorkRegistry
from lexversion.graph.stream import Regenerable
from lexversion.graph.summary import summarize
from lexversion.graph.texts import TextOf, settle, shared
from lexversion.model import ActRef, CommencementRule, DateFact, Document
from lexversion.model.records import (
    CitationRecord,
    DocSummary,
    EffectRecord,
    EventRecord,
    ExpressionPlan,
    Graph,
    WarningRecord,
    WorkRecord,
)
from lexversion.timeline.commencement import OBSERVED_LAGS, PublicationPolicy, entry_into_force

#: what a corpus text states of its own act: (rule, adopted, registered, sha256)
OwnRule = tuple[CommencementRule | None, date | None, date | None, str]
#: a stated date with its basis (or the SHA-256 of the text stating it)
Stated = tuple[date, str]


@dataclass(frozen=True, slots=True)
class StatedDates:
    """What the corpus states about each work's dates, by FRBR work URI:
    ``rules`` of works whose text is in the corpus, ``publications``,
    ``retroactive`` application, ``quoted`` rules (an editorial note's wording
    for an amending act not in the corpus), adoption ``dates`` of every work,
    and the rules of entry into force of the works whose text states it apart
    from the rule of application (``in_force``; the rule in ``rules`` is then
    application's)."""

    rules: dict[str, OwnRule]
    publications: dict[str, Stated]
    retroactive: dict[str, Stated]
    quoted: dict[str, CommencementRule]
    dates: dict[str, date | None]
    in_force: dict[str, CommencementRule] = field(default_factory=dict)


def register_works(docs: Iterable[DocSummary]) -> WorkRegistry:
    """Phase 1: the works of the corpus texts ``docs``, then the stubs their
    effects and citations name. Acts whose issuer was read (a region) are
    registered before those whose issuer was not, so that a bare "decision of
    29 March 2024 No 97" resolves to the work a fuller reference names whatever
    the order of the texts (issue 16). Each text is bound to its work
    (:meth:`WorkRegistry.bind`); the halves of a joint act are then one work
    (:meth:`WorkRegistry.join`). Raises :class:`~lexversion.errors.PlanError`
    naming a text that cannot be registered (see
    :func:`lexversion.graph.failures.unidentified`)."""
    reg = WorkRegistry()
    for regioned in (True, False):
        for d in docs:
            if (d.act.region is not None) is regioned:
                with blame([text_of(d)]):
                    w = reg.ensure(d.act, stub=False, lang=d.lang)
                    if w is None:
                        problem = unidentified(d) or "the act cannot be identified"
                        raise PlanError((d.source,), (d.sha256,), problem)
                    reg.bind(d.sha256, w, d.source)
    for regioned in (True, False):
        for d in docs:
            with blame([text_of(d)]):
                for act, words in _named(d):
                    if (act.region is not None) is regioned:
                        w = reg.ensure(act, stub=True, words=words)
                        if w is not None:
                            reg.named(w, d.source, d.sha256)
    reg.join()
    return reg


def _named(d: DocSummary) -> Iterator[tuple[ActRef, str]]:
    """The acts text ``d``'s effects and citations name, with the words naming them."""
    for e in d.effects:
        for a in (e.affecting, e.affected):
            if a is not None:
                yield a, ""
    for c in d.citations:
        yield c.act, c.text


def own_work(reg: WorkRegistry, d: DocSummary) -> WorkRecord:
    """The work whose text ``d`` is (bound in phase 1)."""
    w = reg.text_work(d.sha256)
    if w is None:
        raise LookupError(f"{PurePath(d.source).name} was not registered as a work")
    return w


def stated_dates(
    docs: Iterable[DocSummary],
    reg: WorkRegistry,
    publications: Sequence[tuple[str, date, str]],
) -> StatedDates:
    """Phase 2: the rules and dates the corpus states for each work. The
    sidecar's publication dates (``publications``: work, date, source; real
    dates from the official publication) win over a date a text states of its
    own act, which wins over one another text states (issue 13, item 4)."""
    rules: dict[str, OwnRule] = {}
    pubs: dict[str, Stated] = {}
    retro: dict[str, Stated] = {}
    forces: dict[str, CommencementRule] = {}
    for ref, when, source in publications:
        sw = reg.sidecar_work(ref)
        if sw is not None:
            pubs.setdefault(sw.frbr_uri, (when, f"corpus sidecar metadata.json: {source}"))
    for d in docs:
        with blame([text_of(d)]):
            w = own_work(reg, d)
            _state(d, w, reg, rules, pubs, retro)
            if d.in_force is not None:
                forces[w.frbr_uri] = d.in_force
            else:
                forces.pop(w.frbr_uri, None)  # the rule in ``rules`` is this text's
    dates = {w.frbr_uri: w.date for w in reg.works()}
    return StatedDates(rules, pubs, retro, quoted_rules(docs, reg), dates, forces)


def _state(
    d: DocSummary,
    w: WorkRecord,
    reg: WorkRegistry,
    rules: dict[str, OwnRule],
    pubs: dict[str, Stated],
    retro: dict[str, Stated],
) -> None:
    """What text ``d`` states of its own act ``w`` and of the acts it cites (phase 2)."""
    if d.retroactive_from:
        retro[w.frbr_uri] = (d.retroactive_from, d.sha256)
    rules[w.frbr_uri] = (d.commencement, d.act.date, d.registration, d.sha256)
    if d.publication:
        pubs.setdefault(w.frbr_uri, (d.publication, f"stated in {PurePath(d.source).name}"))
    for f in d.facts:
        fw = reg.find(f.act)
        if fw is not None and f.kind == "publication":
            pubs.setdefault(
                fw.frbr_uri, (f.date, f"stated in {PurePath(d.source).name}: {f.basis[:160]}")
            )


def quoted_rules(docs: Iterable[DocSummary], reg: WorkRegistry) -> dict[str, CommencementRule]:
    """The commencement rule editorial notes quote for each amending act (the
    first one met, texts in SHA-256 order)."""
    quoted: dict[str, CommencementRule] = {}
    for d in docs:
        with blame([text_of(d)]):
            for e in d.effects:
                if e.affecting is not None and e.rule is not None:
                    aw = reg.find(e.affecting)
                    if aw is not None:
                        quoted.setdefault(aw.frbr_uri, e.rule)
    return quoted


class Commencement:
    """Phase 3: each work's application (the day its text applies from; one
    rule usually dates both entry into force and application) as a DateFact,
    computed once (events and effects share it):
    :func:`lexversion.timeline.commencement.entry_into_force` of the work's own
    rule when its text is in the corpus, else of the rule a note quotes, with
    the publication date the corpus states (the sidecar's first), or one
    assumed by ``policy``. :meth:`in_force` dates entry into force when the
    text states it apart ("күшіне енеді" / "вступает в силу", DOMAIN.md 5)."""

    def __init__(self, stated: StatedDates, policy: PublicationPolicy = OBSERVED_LAGS) -> None:
        self.stated = stated
        self.policy = policy
        self._known: dict[str, DateFact] = {}

    def __call__(self, uri: str) -> DateFact:
        """The application of work ``uri`` (its entry into force when one rule dates both)."""
        if uri not in self._known:
            self._known[uri] = self._compute(uri)
        return self._known[uri]

    def _publication(self, uri: str) -> date | None:
        pub = self.stated.publications.get(uri)
        return pub[0] if pub else None

    def _compute(self, uri: str) -> DateFact:
        s = self.stated
        when = self._publication(uri)
        if uri in s.rules:
            rule, adopted, registered, _ = s.rules[uri]
            return entry_into_force(rule, adopted, registered, when, self.policy)
        return entry_into_force(s.quoted.get(uri), s.dates[uri], None, when, self.policy)

    def in_force(self, uri: str) -> DateFact | None:
        """The entry into force of work ``uri`` when its text states it apart
        from application (by the same inputs and policy), else ``None``."""
        rule = self.stated.in_force.get(uri)
        if rule is None or uri not in self.stated.rules:
            return None
        _, adopted, registered, _ = self.stated.rules[uri]
        return entry_into_force(rule, adopted, registered, self._publication(uri), self.policy)


def plan_effects(
    docs: Iterable[DocSummary], reg: WorkRegistry, commencement: Commencement
) -> list[EffectRecord]:
    """Phase 4: the effects the corpus texts record between works (the first
    text met states each one), sorted by key."""
    seen: dict[tuple[str, str, str, str], EffectRecord] = {}
    for d in docs:
        with blame([text_of(d)]):
            own = own_work(reg, d)
            for e in d.effects:
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
    return sorted(_one_per_change(seen.values()), key=lambda r: r.key)


def _one_per_change(records: Iterable[EffectRecord]) -> list[EffectRecord]:
    """``records`` without a substitution scoped to "the annex" when a text
    names the same substitution (same acts) in a given annex: an amending act
    says "в приложении", the amended text's note sits in ``att_1``; one change."""
    records = list(records)
    precise = {
        (r.type, r.affecting, r.affected)
        for r in records
        if r.type == "substitution" and r.scope.startswith("att_")
    }
    return [
        r
        for r in records
        if not (
            r.type == "substitution"
            and r.scope == "annex"
            and (r.type, r.affecting, r.affected) in precise
        )
    ]


def work_events(
    w: WorkRecord, stated: StatedDates, commencement: Commencement
) -> list[EventRecord]:
    """The events of ``w`` itself: adoption, publication, registration, entry
    into force, application (an event of its own only when the text states
    its rule apart from entry into force's), retroactive application (those
    the corpus gives)."""
    uri = w.frbr_uri
    out: list[EventRecord] = []
    if w.date:
        basis = "requisites of the corpus text" if not w.stub else "cited in the corpus"
        out.append(EventRecord(uri, "adoption", DateFact.stated(w.date, basis), None, "graph"))
    if uri in stated.publications:
        when, basis = stated.publications[uri]
        out.append(EventRecord(uri, "publication", DateFact.stated(when, basis), None, "graph"))
    if uri in stated.rules and stated.rules[uri][2]:
        _, _, registered, sha = stated.rules[uri]
        assert registered is not None
        fact = DateFact.stated(registered, "requisites")
        out.append(EventRecord(uri, "registration", fact, None, sha))
    force = commencement.in_force(uri)
    if force is None:  # one rule dates entry into force and application
        out.append(EventRecord(uri, "entry_into_force", commencement(uri), None, "graph"))
    else:
        out.append(EventRecord(uri, "entry_into_force", force, None, "graph"))
        out.append(EventRecord(uri, "application", commencement(uri), None, "graph"))
    if uri in stated.retroactive:
        back, sha = stated.retroactive[uri]
        fact = DateFact.stated(back, "the act applies to relations arising from this date")
        out.append(EventRecord(uri, "retroactive_application", fact, None, sha))
    return out


def in_force_evidence(
    docs: Iterable[DocSummary], reg: WorkRegistry
) -> dict[str, list[EventRecord]]:
    """The ``in_force_evidence`` events of the stubs: a corpus act adopted on day D
    that cites a stub adopted on or before D cites it as law on D (issue 13,
    item 3: an act known only by citation is in force on the days the citing
    acts imply, and on no other day the corpus supports). One event per stub,
    citing act and day, by stub URI."""
    out: dict[str, dict[tuple[str, date], EventRecord]] = {}
    for d in docs:
        own = reg.find(d.act)
        if own is None or d.act.date is None:
            continue
        for c in d.citations:
            w = reg.find(c.act, c.text)
            if w is None or not w.stub or w.frbr_uri == own.frbr_uri:
                continue
            if w.date is not None and w.date > d.act.date:
                continue  # an editorial note naming a later act: no evidence for day D
            basis = f"cited as in force by {own.frbr_uri} on {d.act.date.isoformat()}"
            fact = DateFact.stated(d.act.date, basis)
            ev = EventRecord(w.frbr_uri, "in_force_evidence", fact, own.frbr_uri, d.sha256)
            out.setdefault(w.frbr_uri, {}).setdefault((own.frbr_uri, d.act.date), ev)
    return {
        uri: sorted(evs.values(), key=lambda e: e.date.earliest or date.min)
        for uri, evs in out.items()
    }


def acting_evidence(
    effects: Iterable[EffectRecord], works: dict[str, WorkRecord]
) -> dict[str, list[EventRecord]]:
    """The ``in_force_evidence`` events of stubs whose effects on corpus acts
    take effect on one known day (stated or computed): the act was in force
    that day (issue 13, item 3). By stub URI."""
    out: dict[str, list[EventRecord]] = {}
    for r in effects:
        w = works.get(r.affecting)
        f = r.in_force
        if w is None or not w.stub or f.earliest is None or f.earliest != f.latest:
            continue
        basis = (
            f"its {r.type} of {r.affected} takes effect on {f.earliest.isoformat()} "
            f"({f.certainty}: {f.basis})"
        )
        fact = DateFact(f.earliest, f.latest, f.certainty, basis)
        out.setdefault(w.frbr_uri, []).append(
            EventRecord(w.frbr_uri, "in_force_evidence", fact, r.affected, r.source)
        )
    return out


def events_of(
    works: dict[str, WorkRecord],
    stated: StatedDates,
    commencement: Commencement,
    effects: Iterable[EffectRecord],
    reg: WorkRegistry | None = None,
    cited: dict[str, list[EventRecord]] | None = None,
) -> Iterator[EventRecord]:
    """Phase 5: every work's events, work by work (URI order), each work's by
    date and type: its own (:func:`work_events`), a repeal or amendment for
    each effect on it, and the days corpus acts cite it as law (``cited``,
    :func:`in_force_evidence`). A failure is blamed on the texts naming the
    work (``reg``: :meth:`WorkRegistry.named_by`)."""
    incoming: dict[str, list[EffectRecord]] = {}
    for r in effects:
        incoming.setdefault(r.affected, []).append(r)
    for uri, w in works.items():
        with blame(reg.named_by(w) if reg is not None else ()):
            evs = work_events(w, stated, commencement) + (cited or {}).get(uri, [])
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


@dataclass(frozen=True, slots=True)
class PlannedTexts:
    """Phase 6's answer: the expressions to render (one per URI), where each
    effect was applied and reversed, the warnings about the texts, and the
    texts stored only as copies of others (:class:`lexversion.graph.texts.Settled`)."""

    plans: list[ExpressionPlan]
    applied: Ledger
    reversed_: Ledger
    warnings: list[WarningRecord]
    copies: set[str]


def plan_expressions(
    docs: Iterable[DocSummary],
    reg: WorkRegistry,
    effects: Sequence[EffectRecord],
    works: dict[str, WorkRecord],
    commencement: Commencement,
    read_text: TextOf | None = None,
) -> PlannedTexts:
    """Phase 6: the expressions of every corpus text
    (:func:`lexversion.graph.expressions.expressions_of`), then the stubs' new
    editions (:func:`lexversion.graph.expressions.edition_plans`), one per
    expression URI when several texts plan the same one
    (:func:`lexversion.graph.texts.settle`: copies stored once, conflicts
    warned; ``read_text`` reads the texts compared); with the expressions each
    effect was applied in and reversed in.
    Every text of a work gets the effects on the work its own notes record,
    whichever text the effect was first read from (issue 13, item 2)."""
    applied: Ledger = {}
    reversed_: Ledger = {}
    plans: list[ExpressionPlan] = []
    on_work: dict[str, list[EffectRecord]] = {}  # affected -> effects
    editions: dict[str, list[EffectRecord]] = {}  # affecting -> new editions of annexes
    for r in effects:
        on_work.setdefault(r.affected, []).append(r)
        if r.type == "new_edition" and r.scope == "annex":
            editions.setdefault(r.affecting, []).append(r)
    for d in docs:
        with blame([text_of(d)]):
            own = own_work(reg, d)
            mine = on_work.get(own.frbr_uri, [])
            dates = graph_dates(d, own.frbr_uri, commencement, reg.uri)
            force = commencement.in_force(own.frbr_uri)
            plans += [
                replace(p, dates=dates, in_force=force)
                for p in expressions_of(d, own, mine, commencement, reg.uri, applied, reversed_)
            ]
    for d in docs:
        with blame([text_of(d)]):
            own = own_work(reg, d)
            plans += edition_plans(d, editions.get(own.frbr_uri, []), works, applied)
    wanted = shared(plans)
    names = {d.sha256: PurePath(d.source).name for d in docs if d.sha256 in wanted}
    settled = settle(plans, names, read_text)
    kinds = {p.uri: p.kind for p in settled.plans}
    applied = _kept(applied, kinds, "consolidated")
    more = forward_plans(effects, settled.plans, works, wordings(docs, reg), applied)
    kinds |= {p.uri: p.kind for p in more}
    return PlannedTexts(
        [*settled.plans, *more],
        _kept(applied, kinds, "consolidated"),
        _kept(reversed_, kinds, "reconstructed"),
        settled.warnings,
        settled.copies,
    )


def _kept(ledger: Ledger, kinds: dict[str, str], kind: str) -> Ledger:
    """``ledger`` with each expression once and only those planned as ``kind``
    (a reconstruction that a published text of the same version replaced
    applies nothing)."""
    return {
        key: list(dict.fromkeys(u for u in uris if kinds.get(u) == kind))
        for key, uris in ledger.items()
    }


def citations_of(
    docs: Iterable[DocSummary], reg: WorkRegistry, copies: frozenset[str] = frozenset()
) -> Iterator[CitationRecord]:
    """Phase 7: the citations of the corpus texts that resolve to a work
    (:meth:`~lexversion.graph.identity.WorkRegistry.match`), text by text;
    ``copies``: texts stored only as copies of another (their citations are
    the kept text's)."""
    for d in docs:
        if d.sha256 in copies:
            continue
        with blame([text_of(d)]):
            own = own_work(reg, d)
            found = [(c, reg.match(c.act, c.text)) for c in d.citations]
        for c, m in found:
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


def with_languages(
    works: dict[str, WorkRecord], plans: Iterable[ExpressionPlan]
) -> dict[str, WorkRecord]:
    """``works`` (in place, same order) with each work's languages extended by
    those of its planned expressions."""
    plan_langs: dict[str, set[str]] = {}
    for x in plans:
        plan_langs.setdefault(x.work, set()).add(x.lang)
    for uri, w in list(works.items()):
        langs = tuple(sorted({*w.languages, *plan_langs.get(uri, ())}))
        if langs != w.languages:
            works[uri] = replace(w, languages=langs)
    return works


def plan_graph(
    docs: Iterable[DocSummary],
    publications: Sequence[tuple[str, date, str]] = (),
    policy: PublicationPolicy = OBSERVED_LAGS,
    read_text: TextOf | None = None,
) -> tuple[Graph, list[ExpressionPlan]]:
    """The version graph of the summarised corpus texts ``docs`` (any order),
    without expression texts, and the plans to render them
    (:func:`lexversion.graph.expressions.render_plan`).

    ``docs``: a list, or any re-iterable yielding summaries in SHA-256 order
    (it is read several times, and again by the citation stream).
    ``publications``: (work as FRBR URI or citation, date, source) facts from
    the corpus sidecar; they win over dates the texts state.
    ``policy``: how a publication date nothing states is assumed.
    ``read_text``: the text of a corpus text by SHA-256, read only for texts
    planning the same expression as another (to tell a copy from a
    conflict; :func:`lexversion.graph.texts.settle`).
    Deterministic: the same documents give the same graph whatever their
    order. The graph's events and citations are lazy
    :class:`~lexversion.graph.stream.Regenerable` streams.
    """
    if isinstance(docs, list):
        docs = sorted(docs, key=lambda d: d.sha256)  # else: re-iterable in SHA-256 order
    reg = register_works(docs)
    stated = stated_dates(docs, reg, publications)
    commencement = Commencement(stated, policy)
    works = {w.frbr_uri: w for w in sorted(reg.works(), key=lambda w: w.frbr_uri)}
    effects = plan_effects(docs, reg, commencement)
    texts = plan_expressions(docs, reg, effects, works, commencement, read_text)
    plans, applied, reversed_ = texts.plans, texts.applied, texts.reversed_
    evidence = in_force_evidence(docs, reg)
    for uri, evs in acting_evidence(effects, works).items():
        evidence[uri] = sorted(
            [*evidence.get(uri, []), *evs], key=lambda e: e.date.earliest or date.min
        )
    graph = Graph(
        works=with_languages(works, plans),
        events=Regenerable(partial(events_of, works, stated, commencement, effects, reg, evidence)),
        effects=[
            replace(
                r,
                applied_in=tuple(applied.get(r.key, ())),
                reversed_in=tuple(reversed_.get(r.key, ())),
            )
            for r in effects
        ],
        citations=Regenerable(partial(citations_of, docs, reg, frozenset(texts.copies))),
        warnings=[
            *texts.warnings,
            *mismatch_warnings(docs, reg, plans),
            *unconsolidated(effects, plans, applied, reversed_),
        ],
    )
    return graph, plans


def build_graph(
    docs: Sequence[Document],
    publications: Sequence[tuple[str, date, str]] = (),
    policy: PublicationPolicy = OBSERVED_LAGS,
) -> Graph:
    """The version graph of ``docs`` with every expression rendered (in process).

    See :func:`plan_graph`; this is the small-corpus path, and what tests use.
    """
    by_sha = {d.sha256: d for d in docs}
    g, plans = plan_graph(
        [summarize(d) for d in docs], publications, policy, lambda sha: by_sha[sha].text
    )
    return replace(
        g,
        events=list(g.events),
        citations=list(g.citations),
        expressions=[p.record(render_plan(by_sha[p.sha256], p)) for p in plans],
    )


__all__ = [
    "Commencement",
    "PlannedTexts",
    "StatedDates",
    "acting_evidence",
    "build_graph",
    "citations_of",
    "events_of",
    "in_force_evidence",
    "plan_effects",
    "plan_expressions",
    "plan_graph",
    "quoted_rules",
    "register_works",
    "stated_dates",
    "with_languages",
]
