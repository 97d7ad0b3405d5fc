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

Data flow::

    Document --summary.summarize--> DocSummary (small, picklable)
    DocSummaries --plan.plan_graph--> Graph (works, effects; lazy events and
        citations: stream.Regenerable) + ExpressionPlans
        phases: plan.register_works (identity.WorkRegistry, matching.match_act)
                -> plan.stated_dates -> plan.Commencement -> plan.plan_effects
                -> plan.events_of -> plan.plan_expressions (expressions.expressions_of,
                   expressions.edition_plans) -> plan.citations_of
    Document + ExpressionPlan --expressions.render_plan--> AKN XML
        -> ExpressionPlan.record -> ExpressionRecord
    plan.build_graph: all of it in process (small corpora, tests).

The values (:class:`WorkRecord`, :class:`Graph`, ...) live in
:mod:`lexversion.model.records`; act identity is decided once, by
:func:`act_identity` (:mod:`lexversion.graph.identity`).
"""

from __future__ import annotations

from lexversion.graph.expressions import render_plan
from lexversion.graph.identity import act_identity
from lexversion.graph.plan import build_graph, plan_graph
from lexversion.graph.stream import Regenerable
from lexversion.graph.summary import summarize

__all__ = [
    "Regenerable",
    "act_identity",
    "build_graph",
    "plan_graph",
    "render_plan",
    "summarize",
]
