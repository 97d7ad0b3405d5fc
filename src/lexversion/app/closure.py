"""Which texts a build plans again (issue 15: the graph is re-planned only where
new, changed or removed texts touch it, transitively).

The store keeps the keys of every text planned and of every work
(``plan_keys``, :mod:`lexversion.graph.touch`). The texts added and removed
since seed the keys; every text of the corpus sharing a followed key joins,
and its keys are followed in turn, to a fixpoint. A hub key
(:func:`lexversion.graph.touch.cuttable`) is cut, not followed: its stub's
events are merged with the stored ones instead. Title keys are followed only
when an akimat's act is named anywhere (joint acts pair works by title,
:meth:`lexversion.graph.identity.WorkRegistry.join`); without one no join can
happen and titles connect nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lexversion.graph.touch import KeyRow, cuttable
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
    titles = w.has_role("a") or any(r[1] == "a" for rows in added.values() for r in rows)
    added_by_key: dict[str, list[tuple[str, KeyRow]]] = {}
    for sha, rows in added.items():
        for r in rows:
            added_by_key.setdefault(r[0], []).append((sha, r))
    frontier = {r[0] for rows in added.values() for r in rows}
    frontier |= {r[1] for r in w.rows_of(sorted(removed))}
    texts: set[str] = set(added)
    seen: set[str] = set()
    cut: set[str] = set()
    works: set[str] = set()
    hubs: set[str] = set()
    while frontier:
        batch = sorted(k for k in frontier - seen if titles or not k.startswith("t:"))
        seen |= frontier
        frontier = set()
        stored: dict[str, list[tuple[str, str, str, str]]] = {}
        for row in w.rows_with_keys(batch):
            stored.setdefault(row[1], []).append(row)
        new: set[str] = set()
        for k in batch:
            kept = stored.get(k, [])
            named: list[KeyRow] = [(r[1], r[2], r[3]) for r in kept if r[2] != "w"]
            named += [r for _, r in added_by_key.get(k, [])]
            owners = {r[0] for r in kept if r[2] != "w" and r[0] in present}
            owners |= {sha for sha, _ in added_by_key.get(k, [])}
            wk = {r[0] for r in kept if r[2] == "w"}
            if k.startswith("d:") and cuttable(named) and owners - set(added):
                cut.add(k)
                hubs |= wk
                continue
            works |= wk
            new |= owners - texts
        texts |= new
        stored_new = sorted(new - set(added))
        frontier |= {r[1] for r in w.rows_of(stored_new)} - seen
    followed = frozenset(k for k in seen if k.startswith("d:")) - cut
    return Closure(frozenset(texts), followed, frozenset(cut), frozenset(works), frozenset(hubs))


__all__ = ["Closure", "closure"]
