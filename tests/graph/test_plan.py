"""Properties of the planned graph over the corpus (lexversion.graph.plan).

ARCHITECTURE.md ("The model"): the same documents give the same graph whatever
their order; every edge ends on a work of the graph; act identity is decided
once (no two works share an identity key).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexversion.graph import act_identity, plan_graph
from lexversion.graph.identity import work_act
from lexversion.model import DocSummary, ExpressionPlan, Graph

FIXTURE_OK = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _flat(g: Graph, plans: list[ExpressionPlan]) -> tuple[object, ...]:
    return (g.works, list(g.events), g.effects, list(g.citations), plans)


@FIXTURE_OK
@given(data=st.data())
def test_the_graph_does_not_depend_on_the_order_of_the_texts(
    summaries: list[DocSummary], data: st.DataObject
) -> None:
    """Any permutation of the corpus summaries plans the same graph, stream for stream."""
    shuffled = data.draw(st.permutations(summaries))
    assert _flat(*plan_graph(list(shuffled))) == _flat(*plan_graph(summaries))


def test_every_edge_ends_on_a_work(summaries: list[DocSummary]) -> None:
    """Events, effects, citations and expressions name only works of the graph."""
    g, plans = plan_graph(summaries)
    works = set(g.works)
    assert {e.work for e in g.events} <= works
    assert {e.by for e in g.events if e.by is not None} <= works
    assert {x for r in g.effects for x in (r.affecting, r.affected)} <= works
    assert {c.cited for c in g.citations} | {c.citing for c in g.citations} <= works
    assert {p.work for p in plans} <= works
    assert all(p.lang in g.works[p.work].languages for p in plans)


def test_act_identity_is_decided_once(summaries: list[DocSummary]) -> None:
    """No two works share an identity key, and every corpus text's act is a non-stub work."""
    g, _ = plan_graph(summaries)
    keys = [act_identity(work_act(w)) for w in g.works.values()]
    assert len(keys) == len(set(keys))
    by_key = {act_identity(work_act(w)): w for w in g.works.values()}
    for d in summaries:
        assert not by_key[act_identity(d.act)].stub


def test_every_effect_is_applied_or_reversed_only_in_planned_expressions(
    summaries: list[DocSummary],
) -> None:
    """``applied_in`` / ``reversed_in`` name expressions of the plan, of the affected work."""
    g, plans = plan_graph(summaries)
    planned = {p.uri: p.work for p in plans}
    for r in g.effects:
        for uri in (*r.applied_in, *r.reversed_in):
            assert planned[uri] == r.affected


def test_each_works_events_are_in_date_order(summaries: list[DocSummary]) -> None:
    """The event stream is work by work in URI order, each work's events by date."""
    g, _ = plan_graph(summaries)
    events = list(g.events)
    works = [e.work for e in events]
    assert works == sorted(works)
    for uri in g.works:
        mine = [e for e in events if e.work == uri]
        starts = [e.date.earliest for e in mine if e.date.earliest is not None]
        assert starts == sorted(starts)
    assert len(g.events) == len(events)  # the stream is regenerated, not consumed


def test_every_parsed_citation_is_stored_and_resolves_to_its_href(
    summaries: list[DocSummary],
) -> None:
    """Issue 13, item 7: each citation the parser finds is a citation of the graph
    (a stub where its act has no text), on the work its ``href`` names or whose
    alias it is (a joint act's other half)."""
    g, _ = plan_graph(summaries)
    parsed = [c for d in summaries for c in d.citations]
    stored = list(g.citations)
    assert len(stored) == len(parsed) == 50
    work_of = {u: w.frbr_uri for w in g.works.values() for u in (w.frbr_uri, *w.aliases)}
    assert sorted(c.cited for c in stored) == sorted(work_of[c.href or ""] for c in parsed)
