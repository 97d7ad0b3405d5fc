"""Selective planning: which texts a build plans again (issue 15: the graph is re-planned only where
new, changed or removed texts touch it, transitively).

The store keeps the keys of every text planned and of every work
(``plan_keys``, :mod:`lexversion.graph.touch`). The texts added and removed
since seed the keys; every text of the corpus sharing a followed key joins,
and its keys are followed in turn, to a fixpoint. A hub key
(:func:`lexversion.graph.touch.cuttable`) is cut, not followed: its stub's
events are merged with the stored ones instead, by a patch of the rows that
change (:func:`lexversion.store.hubpatch.hub_patch`), else whole. Title keys are followed only
when an akimat's act is named anywhere (joint acts pair works by title,
:meth:`lexversion.graph.identity.WorkRegistry.join`); without one no join can
happen and titles connect nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from lexversion.app import incremental as inc
from lexversion.app.incremental import SummarySpool
from lexversion.graph.touch import CITED_AS, KeyRow, cuttable, merge_evidence, text_keys, work_key
from lexversion.model import DocSummary, ExpressionPlan, Graph
from lexversion.store.eventseq import with_seq
from lexversion.store.graphrows import event_rows
from lexversion.store.hubpatch import hub_patch
from lexversion.store.writer import GraphWriter


@dataclass(frozen=True, slots=True)
class Closure:
    """What a build plans again: the corpus ``texts`` (SHA-256), the ``keys``
    followed, the hub keys ``cut``, the stored works at followed keys
    (``works``) and at cut keys (``hubs``)."""

    texts: frozenset[str]
    keys: frozenset[str]
    cut: frozenset[str]
    works: frozenset[str]
    hubs: frozenset[str]


def closure(
    w: GraphWriter,
    added: Mapping[str, Sequence[KeyRow]],
    removed: set[str],
    present: set[str],
) -> Closure:
    """The closure of the texts ``added`` (their key rows) and ``removed``
    (their stored rows) over the corpus texts ``present`` (see the module doc)."""
    titles = w.keys.has_role("a") or any(r[1] == "a" for rows in added.values() for r in rows)
    added_by_key: dict[str, list[tuple[str, KeyRow]]] = {}
    for sha, rows in added.items():
        for r in rows:
            added_by_key.setdefault(r[0], []).append((sha, r))
    frontier = {r[0] for rows in added.values() for r in rows}
    frontier |= {r[1] for r in w.keys.rows_of(sorted(removed))}
    texts: set[str] = set(added)
    seen: set[str] = set()
    cut: set[str] = set()
    works: set[str] = set()
    hubs: set[str] = set()
    adding = set(added)
    while frontier:
        batch = sorted(k for k in frontier - seen if titles or not k.startswith("t:"))
        seen |= frontier
        frontier = set()
        for k in _hubs(w, batch, added_by_key, present, adding):
            cut.add(k)
            hubs.update(w.keys.work_owners(k))
        stored: dict[str, list[tuple[str, str, str, str]]] = {}
        for row in w.keys.with_keys([k for k in batch if k not in cut]):
            stored.setdefault(row[1], []).append(row)
        new: set[str] = set()
        for k in batch:
            if k in cut:
                continue
            kept = stored.get(k, [])
            owners = {r[0] for r in kept if r[2] != "w" and r[0] in present}
            owners |= {sha for sha, _ in added_by_key.get(k, [])}
            works |= {r[0] for r in kept if r[2] == "w"}
            new |= owners - texts
        texts |= new
        stored_new = sorted(new - adding)
        frontier |= {r[1] for r in w.keys.rows_of(stored_new)} - seen
    followed = frozenset(k for k in seen if k.startswith("d:")) - cut
    return Closure(frozenset(texts), followed, frozenset(cut), frozenset(works), frozenset(hubs))


def _hubs(
    w: GraphWriter,
    batch: Sequence[str],
    added_by_key: Mapping[str, Sequence[tuple[str, KeyRow]]],
    present: AbstractSet[str],
    adding: AbstractSet[str],
) -> list[str]:
    """The date-and-number keys of ``batch`` to cut: those
    :func:`~lexversion.graph.touch.cuttable` over the rows of every text naming
    them (the stored ones and those of the texts added), and named in the store
    by a text of the corpus (``present``) other than those ``adding``. Reads each key's distinct
    roles and variants, and its texts only until one such is found: never a
    hub's rows (one per text of the store: 38 MB of a 100,000-act ``add``)."""
    dated = [k for k in batch if k.startswith("d:")]
    named = w.keys.named_as(dated)
    out = []
    for k in dated:
        mine = added_by_key.get(k, [])
        rows = [(k, role, v) for role, v in named.get(k, ())] + [r for _, r in mine]
        if cuttable(rows) and w.keys.named_by_one_of(k, present, but=adding):
            out.append(k)
    return out


def plan_keys(summaries: Iterable[DocSummary], graph: Graph) -> dict[str, list[KeyRow]]:
    """The key rows of the texts planned (``summaries``) and of the works of ``graph``."""
    out: dict[str, list[KeyRow]] = {d.sha256: text_keys(d) for d in summaries}
    for uri, x in graph.works.items():
        key = work_key(x)
        if key is not None:
            out[uri] = [(key, "w", "")]
    return out


#: plan the whole corpus when the closure holds more than this share of it
WHOLE = 0.5


def plan_part(
    w: GraphWriter,
    corpus: Sequence[inc.Text],
    plan: Callable[[SummarySpool], tuple[Graph, list[ExpressionPlan]]],
    render: Callable[[list[ExpressionPlan]], set[str]],
    renamed: AbstractSet[str] = frozenset(),
) -> bool:
    """Plan and write only the texts connected to those added and removed since
    the last build (:func:`closure`), and to those ``renamed``; the rest of the
    graph stays as stored. Returns false, having written nothing, when the
    closure is most of the corpus (planning the whole is then no dearer)."""
    summarized = w.summarized_in([t.sha256 for t in corpus])
    planned = w.keys.texts()
    # a renamed text is planned again too: warnings name the file a text came from
    fresh = (summarized - planned) | (renamed & summarized)
    added_texts = [t for t in corpus if t.sha256 in fresh]
    added: dict[str, list[KeyRow]] = {}

    def keyed(d: DocSummary, _: list[str]) -> None:
        added[d.sha256] = text_keys(d)

    inc.summaries_of(w, added_texts, keyed)
    c = closure(w, added, planned - summarized, summarized)
    if len(c.texts) > WHOLE * max(1, len(summarized)):
        return False
    summaries = SummarySpool()
    mine = [t for t in corpus if t.sha256 in c.texts]
    inc.summaries_of(w, mine, lambda d, _: summaries.add(d))
    graph, plans = plan(summaries)
    hubs = set(c.hubs) | {u for u, x in graph.works.items() if work_key(x) in c.cut}
    new_works = {u for u in graph.works if u not in hubs}
    scope = set(c.works) | new_works
    w.put_works(graph.works.values())
    by_work = _planned(graph)
    patches = [
        x
        for x in (hub_patch(w.s, u, by_work.get(u, []), scope) for u in sorted(hubs))
        if x is not None
    ]
    whole = hubs - {x.key for x in patches}  # the hubs merged whole (rare, see hubpatch)
    stored: dict[str, list[dict[str, Any]]] = {}
    for r in w.stored_events(sorted(whole)):
        stored.setdefault(r["work_uri"], []).append(r)
    rows = _events(stored, by_work, scope, whole)
    w.put_derived_in(graph, scope | hubs, rows, stored, patches)
    unrendered = render(plans)
    w.drop_expressions_of(scope, {p.uri for p in plans} - unrendered)
    w.drop_works_of(set(c.works), new_works)
    w.keys.drop((planned - summarized) | (c.texts - {d.sha256 for d in summaries}))
    keys = plan_keys(summaries, graph)
    w.keys.put({k: v for k, v in keys.items() if k not in hubs})
    summaries.close()
    return True


def _planned(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """The event rows of ``graph`` by work."""
    planned: dict[str, list[dict[str, Any]]] = {}
    for r in event_rows(graph):
        planned.setdefault(r["work_uri"], []).append(r)
    return planned


def _events(
    stored: dict[str, list[dict[str, Any]]],
    planned: dict[str, list[dict[str, Any]]],
    scope: set[str],
    hubs: set[str],
) -> Callable[[], Iterator[dict[str, Any]]]:
    """The event rows (with their ``seq``, :func:`with_seq`) of a graph
    planned in part (``planned``, by work, :func:`_planned`): those of the works
    planned again, and each hub's of ``hubs`` merged with its ``stored`` ones
    (by work, :meth:`GraphWriter.stored_events`; :func:`merge_evidence`)."""

    def rows() -> Iterator[dict[str, Any]]:
        return with_seq(merged())

    def merged() -> Iterator[dict[str, Any]]:
        for uri in sorted(scope | hubs, key=lambda u: u):
            if uri in hubs:
                mine = planned.get(uri) or [
                    r for r in stored.get(uri, []) if not str(r["basis"]).startswith(CITED_AS)
                ]
                yield from merge_evidence(mine, stored.get(uri, []), scope)
            else:
                yield from planned.get(uri, [])

    return rows


__all__ = ["WHOLE", "Closure", "closure", "plan_keys", "plan_part"]
