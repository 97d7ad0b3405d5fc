"""Expressions of a work: planned from the corpus texts, rendered to AKN.

ARCHITECTURE.md ("The model", "Point in time"). Expressions are insert-only in
the store. A corpus text is an ``official`` expression, or ``consolidated``
when its notes record amendments; before those amendments a ``reconstructed``
expression is derived by reversing them where that is exact
(:mod:`lexversion.timeline.modify`). A new edition of a stub's annex printed in
a corpus text becomes the stub's text from when it takes force
(:func:`edition_plans`, :func:`edition_doc`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from lexversion.akn.build import document_to_akn
from lexversion.akn.frbr import expression_uri, safe_work_uri
from lexversion.graph.identity import work_act
from lexversion.model import DateFact, Document, Effect, EffectType, Node, NodeKind, Preface
from lexversion.model.acts import ActRef
from lexversion.model.records import DocSummary, EffectRecord, ExpressionPlan, WorkRecord
from lexversion.parse.citations.identity import same_act
from lexversion.parse.marks import mark
from lexversion.timeline.modify import apply_words, is_reversible, reprefix, reverse

EffectKey = tuple[str, str, str, str]
#: an amendment of a text: (index among the text's effects, the effect, its record)
Amendment = tuple[int, Effect, EffectRecord]
#: where each effect was applied / reversed: effect key -> expression URIs (filled in place)
Ledger = dict[EffectKey, list[str]]


def render_plan(d: Document, plan: ExpressionPlan) -> bytes:
    """The AKN XML of ``plan`` from its corpus document ``d``."""
    if plan.edition_of is not None:
        # the new edition applies when the version graph says (publication, policy)
        applies = {safe_work_uri(d.act) or "": plan.applies_from}
        return document_to_akn(edition_doc(d, plan.edition_of), plan.date, applies)
    if plan.reverse:
        d = reverse(d, [d.meta.effects[i] for i in plan.reverse])
    if plan.apply:
        d = apply_words(d, plan.apply)
    return document_to_akn(d, plan.date, dict(plan.dates), plan.in_force)


def graph_dates(
    d: DocSummary,
    own: str,
    commencement: Callable[[str], DateFact],
    uri_of: Callable[[ActRef], str | None],
) -> tuple[tuple[str, DateFact], ...]:
    """The dates an expression of text ``d`` states in its AKN lifecycle, as the
    version graph knows them (:attr:`ExpressionPlan.dates`): when ``d``'s act
    applies and when each act its notes name as changing it applies, keyed by
    the work URI the text's own reference gives (:func:`safe_work_uri`, the
    key :mod:`lexversion.akn.build.time` looks up). ``own``: the graph URI of
    ``d``'s work; ``commencement``: the graph's application by graph work URI;
    ``uri_of``: an act's graph URI."""
    out: dict[str, DateFact] = {}
    key = safe_work_uri(d.act)
    if key is not None:
        out[key] = commencement(own)
    for e in d.effects:
        if e.affected is None and e.affecting is not None:
            key, uri = safe_work_uri(e.affecting), uri_of(e.affecting)
            if key is not None and uri is not None:
                out.setdefault(key, commencement(uri))
    return tuple(out.items())


def amendments_by_act(
    d: DocSummary,
    own: WorkRecord,
    effects: Iterable[EffectRecord],
    uri_of: Callable[[ActRef], str | None],
) -> list[list[Amendment]]:
    """The amendments ``d``'s notes record on its own work ``own``, grouped by
    amending act and ordered by when each group takes force (then by the
    amending act's URI). ``effects``: the records read from ``d`` on ``own``."""
    records = {r.key: r for r in effects}
    groups: dict[str, list[Amendment]] = {}
    for k, e in enumerate(d.effects):
        if e.affected is not None or e.type == "repeal" or e.affecting is None:
            continue
        by = uri_of(e.affecting)
        rec = records.get((e.type, by or "", own.frbr_uri, e.scope))
        if by is not None and rec is not None:
            groups.setdefault(by, []).append((k, e, rec))
    return sorted(
        groups.values(),
        key=lambda grp: (grp[0][2].in_force.earliest or date.min, grp[0][2].affecting),
    )


def expressions_of(
    d: DocSummary,
    own: WorkRecord,
    effects: Iterable[EffectRecord],
    commencement: Callable[[str], DateFact],
    uri_of: Callable[[ActRef], str | None],
    applied: Ledger,
    reversed_: Ledger,
) -> list[ExpressionPlan]:
    """The corpus text's expressions: the text as exported (``official``, or
    ``consolidated`` when its notes record amendments) and, before each
    amending act's changes, a ``reconstructed`` one as long as every later
    change is exactly reversible (:func:`lexversion.timeline.modify.is_reversible`).

    ``effects``: the effects read from this text on its own work ``own``.
    Amendments are grouped by amending act and ordered by when they take force
    (:func:`amendments_by_act`); the version before group *j* applies from
    group *j-1*'s in-force DateFact (the work's own commencement for the
    original wording). Records the URIs in ``applied`` and ``reversed_``.
    """
    lang = d.lang
    start: DateFact = commencement(own.frbr_uri)
    ordered = amendments_by_act(d, own, effects, uri_of)
    if not ordered:
        uri = expression_uri(d.act, lang, d.act.date)
        return [
            ExpressionPlan(uri, own.frbr_uri, lang, d.act.date, "official", start, (), d.sha256)
        ]
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
    plans += reconstructed(d, own, ordered, start, reversed_, {uri})
    return plans


def reconstructed(
    d: DocSummary,
    own: WorkRecord,
    ordered: list[list[Amendment]],
    start: DateFact,
    reversed_: Ledger,
    taken: set[str],
) -> list[ExpressionPlan]:
    """The ``reconstructed`` expressions of ``d`` before each group of
    ``ordered`` (:func:`amendments_by_act`), latest first, while every later
    change is exactly reversible. ``start``: the work's commencement (the
    original wording applies from it); ``taken``: expression URIs already
    planned for ``d`` (skipped, and extended). Records the URIs in ``reversed_``."""
    plans: list[ExpressionPlan] = []
    for j in range(len(ordered) - 1, -1, -1):
        later = [item for grp in ordered[j:] for item in grp]
        if not all(is_reversible(e) for _, e, _ in later):
            break
        prev = ordered[j - 1][0][2] if j > 0 else None
        on = prev.in_force.earliest if prev else d.act.date
        ruri = expression_uri(d.act, d.lang, on)
        if ruri in taken:
            continue
        taken.add(ruri)
        kept = tuple(f"{r.type} by {r.affecting}" for grp in ordered[:j] for _, _, r in grp)
        rlabels = kept + tuple(f"reversed: {r.type} by {r.affecting}" for _, _, r in later)
        applies = prev.in_force if prev else start
        plans.append(
            ExpressionPlan(
                ruri,
                own.frbr_uri,
                d.lang,
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


def edition_plans(
    d: DocSummary, editions: Iterable[EffectRecord], works: dict[str, WorkRecord], applied: Ledger
) -> list[ExpressionPlan]:
    """The stubs' new editions ``d`` sets out in its annex: one ``consolidated``
    expression per ``new_edition`` effect of ``d``'s act on a stub's annex,
    applying from when that effect takes force. None when ``d`` has no annex.
    Records the URIs in ``applied``."""
    plans: list[ExpressionPlan] = []
    for r in editions:
        if not d.has_annex:
            continue
        target = works[r.affected]
        since = r.in_force.earliest
        plan = ExpressionPlan(
            expression_uri(work_act(target), d.lang, since),
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
    return plans


def edition_doc(d: Document, target: WorkRecord) -> Document:
    """The stub ``target``'s expression with the text ``d``'s first annex sets out
    anew (issue 13, item 5): the decision, titled as ``d`` cites it (its quoted
    title; the annex's title when no citation gives one), whose own text is not
    in the corpus (an empty body), and the annex as its ``attachment`` ``att_1``,
    so that the eIds amending instructions name (``152/!annex_1``, ``att_1__...``)
    resolve. Its ``new_edition`` effect is recorded as the modification the
    expression holds (``passiveModifications``), by ``d``'s act; the stub's
    publication date is the one ``d`` states, if any."""
    att = d.attachments[0]
    stub = work_act(target)
    title = (
        next((c.title for c in d.citations if c.title and same_act(c.act, stub)), None) or att.title
    )
    edition = next(
        (
            e
            for e in d.meta.effects
            if e.type == EffectType.NEW_EDITION and e.affected and same_act(e.affected, stub)
        ),
        None,
    )
    changes = (
        ()
        if edition is None
        else (
            replace(
                edition, affecting=d.act, affected=None, scope="att_1", rule=d.meta.commencement
            ),
        )
    )
    meta = replace(
        d.meta,
        title=title,
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
        in_force=None,
        notes=(),
        effects=changes,
        publication=next(
            (f.date for f in d.facts if f.kind == "publication" and same_act(f.act, stub)), None
        ),
        retroactive_from=None,
        joint=(),
    )
    doc = replace(
        d,
        meta=meta,
        preface=Preface(title, None, "", None, ()),
        preamble=(),
        body=Node(NodeKind.BODY, "body"),
        conclusions=(),
        attachments=(replace(att, eid="att_1", body=reprefix(att.body, att.eid, "att_1")),),
        citations=(),
    )
    return mark(doc)  # another act, other texts: mark them again for the projection


__all__ = [
    "amendments_by_act",
    "edition_doc",
    "edition_plans",
    "expressions_of",
    "graph_dates",
    "reconstructed",
    "render_plan",
]
