"""A change made to a language's text from another text's words (issue 13, item 2).

A substitution's words belong to one language: the Kazakh note's pair
оралман -> қандас says nothing of the Russian text. When an amending act's text
in a language states the change with its words (an effect on another act
with its (old, new) pairs, ``Effect.affected`` set), the affected work's
latest text in that language that predates the change and does not apply it
gets a further expression from the day the change takes force: the same
text with those words replaced (:func:`lexversion.timeline.modify.apply_words`),
labelled as applied from that act's text. Without such words the language's
text is marked not consolidated instead (:func:`lexversion.graph.checks.unconsolidated`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from lexversion.akn.frbr import expression_uri
from lexversion.graph.expressions import Ledger
from lexversion.graph.failures import blame, text_of
from lexversion.graph.identity import WorkRegistry, work_act
from lexversion.model import EffectType
from lexversion.model.records import DocSummary, EffectRecord, ExpressionPlan, WorkRecord

Pairs = tuple[tuple[str, str], ...]


#: a substitution between two works in a language: (type, affecting, affected, language)
Said = tuple[str, str, str, str]


def wordings(docs: Iterable[DocSummary], reg: WorkRegistry) -> dict[Said, tuple[str, Pairs]]:
    """The words each language's amending text gives each substitution on
    another act: (type, affecting, affected, language) -> (scope, (old, new)
    pairs), the first text met stating them."""
    out: dict[Said, tuple[str, Pairs]] = {}
    for d in docs:
        with blame([text_of(d)]):
            own = reg.text_work(d.sha256)
            for e in d.effects:
                if e.type != EffectType.SUBSTITUTION or e.affected is None or not e.pairs:
                    continue
                by = reg.find(e.affecting) if e.affecting else own
                on = reg.find(e.affected)
                if by is not None and on is not None:
                    said = (str(e.type), by.frbr_uri, on.frbr_uri, d.lang)
                    out.setdefault(said, (e.scope, e.pairs))
    return out


def _within(said: str, recorded: str) -> bool:
    """Whether words said of scope ``said`` are those of the change recorded
    with scope ``recorded`` ("the annex" is any annex; else the same scope)."""
    return said == recorded or (said == "annex" and recorded.startswith("att_"))


def _latest(plans: Iterable[ExpressionPlan]) -> dict[tuple[str, str], ExpressionPlan]:
    """The latest plan of each (work, language)."""
    out: dict[tuple[str, str], ExpressionPlan] = {}
    for p in plans:
        k = (p.work, p.lang)
        if k not in out or (p.date or date.min, p.uri) > (out[k].date or date.min, out[k].uri):
            out[k] = p
    return out


def forward_plans(
    effects: Sequence[EffectRecord],
    plans: Sequence[ExpressionPlan],
    works: dict[str, WorkRecord],
    words: dict[Said, tuple[str, Pairs]],
    applied: Ledger,
) -> list[ExpressionPlan]:
    """The expressions made by applying ``words`` (:func:`wordings`) to the
    latest text of each language that predates a substitution and applies it
    nowhere, in the order the changes take force (a later one builds on the
    earlier). Records them in ``applied``."""
    if not words:
        return []
    lang_of = {p.uri: p.lang for p in plans}
    latest = _latest(plans)
    out: list[ExpressionPlan] = []
    for r in sorted(effects, key=lambda r: (r.in_force.earliest or date.max, r.key)):
        since = r.in_force.earliest
        if since is None:
            continue
        done = {lang_of.get(u) for u in applied.get(r.key, ())}
        for (work, lang), base in sorted(latest.items()):
            said = words.get((r.type, r.affecting, r.affected, lang))
            if work != r.affected or said is None or lang in done:
                continue
            scope, pairs = said
            if not _within(scope, r.scope):
                continue
            if base.edition_of is not None or (base.date is not None and base.date >= since):
                continue
            uri = expression_uri(work_act(works[work]), lang, since)
            if uri in lang_of:
                continue  # a text of that version is planned already
            plan = replace(
                base,
                uri=uri,
                date=since,
                kind="consolidated",
                applies_from=r.in_force,
                effects=(*base.effects, f"{r.type} by {r.affecting} (words of its {lang} text)"),
                apply=(*base.apply, (scope, pairs)),
            )
            out.append(plan)
            latest[(work, lang)] = plan
            lang_of[uri] = lang
            applied.setdefault(r.key, []).append(uri)
    return out


__all__ = ["forward_plans", "wordings"]
