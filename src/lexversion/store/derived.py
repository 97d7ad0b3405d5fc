"""Events, effects, citations and warnings written group by group (issue 15: only the
changed rows of an incremental build are written).

Each derived table is cut into groups, the unit a reader asks for: events by
work (``events.work_uri``), effects by affected work, citations by citing work,
warnings by work.
A group's digest is kept in ``derived_groups``: SHA-256 over its rows in the
graph's order; for events, the sum modulo 2**256 of each row's SHA-256, its
``seq`` included (:mod:`lexversion.store.eventseq`: the order is in the
rows; migration 0015). A build deletes and re-inserts only the groups whose
digest changed and deletes the groups no longer derived. Rows of a group are
inserted in the graph's order, so the reader's order within a group (by row
id) is that of a fresh build. Events are read by their ``seq`` instead, so a
changed event group whose stored rows the caller holds is updated row by row
(only the rows that differ are deleted and inserted), and a cut hub's group
is patched from the few rows a build changes (:func:`patch_group`,
:mod:`lexversion.store.hubpatch`), its digest updated from those rows alone.
A table holding rows but no digests (a store from before
0007) is replaced whole, once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Result, delete, func, insert, select
from sqlalchemy.orm import Session

from lexversion.model import Graph
from lexversion.store.rows import (
    Base,
    CitationRow,
    DerivedGroupRow,
    EffectRow,
    EventRow,
    WarningRow,
)

BATCH = 500


def deleted_rows(result: Result[Any]) -> int:
    """The rows a DELETE removed (a :class:`~sqlalchemy.CursorResult`'s ``rowcount``)."""
    return int(cast(CursorResult[Any], result).rowcount)


@dataclass(frozen=True, slots=True)
class DerivedTable:
    """A derived table: its ORM ``model``, the ``rows`` a graph gives it, the
    column that names a row's ``group`` and the column, if any, that orders a
    group's rows (``order``, :mod:`lexversion.store.eventseq`; else row ids
    do). A group with an ``order`` column has an order-free digest over its
    rows, ``order`` included (:func:`digests_of`)."""

    model: type[Base]
    rows: Callable[[Graph], Iterator[dict[str, Any]]]
    group: str
    order: str | None = None

    @property
    def name(self) -> str:
        """The table's name."""
        return str(self.model.__tablename__)


def row_blob(row: dict[str, Any]) -> bytes:
    """The bytes a row is fingerprinted by (sorted-key JSON)."""
    return json.dumps(row, sort_keys=True, default=str, ensure_ascii=False).encode()


def group_digests(table: DerivedTable, g: Graph) -> dict[str, str]:
    """The digest of each group of ``table``'s rows in ``g``, by group."""
    return digests_of(table, table.rows(g))


def row_number(row: dict[str, Any]) -> int:
    """The SHA-256 of ``row``'s bytes (:func:`row_blob`) as a number: its term
    in the order-free digest of a group with an ``order`` column (:func:`digests_of`)."""
    return int.from_bytes(hashlib.sha256(row_blob(row)).digest(), "big")


def sum_digest(total: int) -> str:
    """An order-free group digest from the sum of its rows' :func:`row_number`
    (modulo 2**256, in hex)."""
    return f"{total % _MODULUS:064x}"


def digests_of(table: DerivedTable, rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The digest of each group of ``table``'s ``rows``, by group: SHA-256
    over its rows in order; for a table with an ``order`` column (events, whose
    ``seq`` states the order), the sum of its rows' :func:`row_number` (``order``
    included) modulo 2**256 instead, so that a build inserting or deleting a
    few rows of a large group updates its digest from those rows alone
    (:func:`patch_group`, issue 15)."""
    if table.order is not None:
        sums: dict[str, int] = {}
        for r in rows:
            key = r[table.group]
            sums[key] = sums.get(key, 0) + row_number(r)
        return {k: sum_digest(t) for k, t in sums.items()}
    digests: dict[str, Any] = {}
    for r in rows:
        key = r[table.group]
        h = digests.get(key)
        if h is None:
            h = digests[key] = hashlib.sha256()
        h.update(row_blob(r))
    return {k: h.hexdigest() for k, h in digests.items()}


@dataclass(frozen=True, slots=True)
class GroupWrite:
    """Rows a :func:`write_groups` deleted and inserted, and the ``delta`` of
    the derived fingerprint's sum (:func:`fingerprint_delta`): the lines of the
    digests written minus those of the digests deleted."""

    deleted: int
    inserted: int
    delta: int = 0


def _stored_digests(s: Session, table: DerivedTable, scope: set[str] | None) -> dict[str, str]:
    """The stored digests of ``table``'s groups (``scope``: of those groups only)."""
    grp = DerivedGroupRow
    q = select(grp.grp, grp.digest).where(grp.tbl == table.name)
    if scope is None:
        return {k: d for k, d in s.execute(q)}
    keys, out = sorted(scope), {}
    for k in range(0, len(keys), BATCH):
        out.update({g: d for g, d in s.execute(q.where(grp.grp.in_(keys[k : k + BATCH])))})
    return out


def write_groups(
    s: Session,
    table: DerivedTable,
    g: Graph,
    scope: set[str] | None = None,
    rows: Callable[[], Iterable[dict[str, Any]]] | None = None,
    in_place: Mapping[str, Sequence[dict[str, Any]]] | None = None,
) -> GroupWrite:
    """Make ``table`` hold the rows ``g`` gives it (or ``rows()``), writing only
    changed groups (inside the caller's transaction); returns the rows deleted
    and inserted (and the fingerprint's delta). ``scope``: the groups planned again (selective planning,
    :mod:`lexversion.graph.touch`): only those are compared, written or removed,
    the others are kept as stored. ``in_place``: the stored rows (every column
    but the id) of groups to update row by row, a table with an ``order``
    column only (:func:`_update_in_place`): a changed one of them that is
    stored and still derived loses and gains only the rows that differ."""
    model, col = table.model, getattr(table.model, table.group)
    make = rows or (lambda: table.rows(g))
    new = digests_of(table, make())
    grp = DerivedGroupRow
    old = _stored_digests(s, table, scope)
    deleted = 0
    if scope is None and not old and (s.scalar(select(func.count()).select_from(model)) or 0):
        deleted = deleted_rows(s.execute(delete(model)))  # untracked rows: replaced whole
        changed = set(new)
    else:
        changed = {k for k, d in new.items() if old.get(k) != d}
    places = {k: in_place[k] for k in changed & set(old) if k in in_place} if in_place else {}
    if places and table.order is None:
        raise ValueError(f"{table.name}: no order column, no update in place")
    stale = sorted((changed - set(places)) | (set(old) - set(new)))
    # the digests deleted: those read, and (a scope) those of groups outside it
    gone = {k: old[k] for k in [*stale, *places] if k in old}
    if scope is not None:
        gone |= _stored_digests(s, table, {k for k in stale if k not in old})
    for k in range(0, len(stale), BATCH):
        part = stale[k : k + BATCH]
        deleted += deleted_rows(s.execute(delete(model).where(col.in_(part))))
        s.execute(delete(grp).where(grp.tbl == table.name, grp.grp.in_(part)))
    inserted = 0
    batch: list[dict[str, Any]] = []
    placed: dict[str, list[dict[str, Any]]] = {k: [] for k in places}
    for r in make():
        if r[table.group] in placed:
            placed[r[table.group]].append(r)
        elif r[table.group] in changed:
            batch.append(r)
            if len(batch) >= BATCH:
                s.execute(insert(model), batch)
                inserted, batch = inserted + len(batch), []
    if batch:
        s.execute(insert(model), batch)
        inserted += len(batch)
    for key in sorted(places):
        d, i = _update_in_place(s, table, key, places[key], placed[key])
        deleted, inserted = deleted + d, inserted + i
    if places:
        s.execute(delete(grp).where(grp.tbl == table.name, grp.grp.in_(sorted(places))))
    digests = [{"tbl": table.name, "grp": k, "digest": new[k]} for k in sorted(changed)]
    for k in range(0, len(digests), BATCH):
        s.execute(insert(grp), digests[k : k + BATCH])
    delta = fingerprint_delta(table.name, gone, {k: new[k] for k in changed})
    return GroupWrite(deleted, inserted, delta)


def _update_in_place(
    s: Session,
    table: DerivedTable,
    key: str,
    stored: Sequence[dict[str, Any]],
    rows: Sequence[dict[str, Any]],
) -> tuple[int, int]:
    """Make group ``key`` of ``table`` (stored as ``stored``) hold ``rows``:
    delete the stored rows no row of ``rows`` equals (same ``order`` key, same
    columns) and insert the rows of ``rows`` no stored row equals; returns the
    rows deleted and inserted. Sound because the ``order`` key is unique in a
    group and readers order by it, not by row id: the group then reads as
    ``rows`` whatever ids its rows have."""
    order = str(table.order)
    model, col = table.model, getattr(table.model, table.group)
    gone, new = row_changes(order, stored, rows)
    deleted = 0
    ordcol = getattr(model, order)
    keys = sorted(str(r[order]) for r in gone)
    for k in range(0, len(keys), BATCH):
        q = delete(model).where(col == key, ordcol.in_(keys[k : k + BATCH]))
        deleted += deleted_rows(s.execute(q))
    for k in range(0, len(new), BATCH):
        s.execute(insert(model), new[k : k + BATCH])
    return deleted, len(new)


def row_changes(
    order: str, stored: Sequence[dict[str, Any]], rows: Sequence[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of ``stored`` no row of ``rows`` equals (same ``order`` key,
    same columns), and the rows of ``rows`` no stored row equals: what a
    group holding ``stored`` deletes and inserts to hold ``rows``."""
    kept = {str(r[order]): r for r in stored}
    wanted = {str(r[order]): r for r in rows}
    gone = [r for k, r in kept.items() if wanted.get(k) != r]
    return gone, [r for k, r in wanted.items() if kept.get(k) != r]


@dataclass(frozen=True, slots=True)
class GroupPatch:
    """Rows of one group of a table with an ``order`` column that a build
    changes without reading the rest (a cut hub's evidence, issue 15): the
    ``stored`` rows it looked at (every column but the id) and the ``rows``
    they become; the group's other rows stay as they are."""

    key: str
    stored: tuple[dict[str, Any], ...]
    rows: tuple[dict[str, Any], ...]


def patch_group(s: Session, table: DerivedTable, patch: GroupPatch) -> GroupWrite:
    """Apply ``patch`` to ``table`` (one with an ``order`` column): delete and
    insert the rows that differ (:func:`row_changes`) and update the group's
    order-free digest by their :func:`row_number` (a group left empty loses
    its digest); returns the rows deleted and inserted and the fingerprint's
    delta. Raises :class:`ValueError` for a table without an ``order`` column."""
    if table.order is None:
        raise ValueError(f"{table.name}: no order column, no patch")
    gone, new = row_changes(table.order, patch.stored, patch.rows)
    if not gone and not new:
        return GroupWrite(0, 0)
    grp = DerivedGroupRow
    mine = (grp.tbl == table.name, grp.grp == patch.key)
    old = s.scalar(select(grp.digest).where(*mine))
    deleted, inserted = _update_in_place(s, table, patch.key, patch.stored, patch.rows)
    total = int(old or "0", 16) + sum(map(row_number, new)) - sum(map(row_number, gone))
    col = getattr(table.model, table.group)
    left = s.scalar(select(col).where(col == patch.key).limit(1)) is not None
    s.execute(delete(grp).where(*mine))
    digest = {patch.key: sum_digest(total)} if left else {}
    if left:
        s.execute(insert(grp).values(tbl=table.name, grp=patch.key, digest=digest[patch.key]))
    gone_digest = {patch.key: old} if old is not None else {}
    return GroupWrite(deleted, inserted, fingerprint_delta(table.name, gone_digest, digest))


#: the fingerprint of the derived rows is a sum of its groups' lines modulo this
_MODULUS = 1 << 256
#: what a fingerprint of this definition starts with (one from before it has no prefix)
SUM = "sum:"


def _line(tbl: str, grp_: str, digest: str) -> int:
    """A stored group digest (table, group, digest) as a number: its SHA-256."""
    blob = f"{tbl}\x1f{grp_}\x1f{digest}\n".encode()
    return int.from_bytes(hashlib.sha256(blob).digest(), "big")


def _sum_text(total: int) -> str:
    return f"{SUM}{total % _MODULUS:064x}"


def stored_fingerprint(s: Session | Connection) -> str:
    """The derived graph's fingerprint, the same whichever builds made the
    groups: :func:`digests_fingerprint` of every stored group digest. Reads
    them all (a selective build updates the kept value instead,
    :func:`updated_fingerprint`)."""
    q = select(DerivedGroupRow.tbl, DerivedGroupRow.grp, DerivedGroupRow.digest)
    return _sum_text(sum(_line(*row) for row in s.execute(q)))


def digests_fingerprint(digests: dict[str, dict[str, str]]) -> str:
    """The fingerprint of groups ``digests`` (by table name, then group):
    ``sum:`` and the sum modulo 2**256 of the SHA-256 of each (table, group,
    digest) line, in hex. A sum (a multiset hash, as the ``AdHash`` of
    Bellare and Micciancio, "A new paradigm for collision-free hashing", 1997),
    not a hash of the sorted lines, so that a build writing a few groups
    updates it from those alone (:func:`updated_fingerprint`); it tells
    builds' outputs apart, no adversary chooses them."""
    return _sum_text(
        sum(_line(t, k, d) for t, groups in digests.items() for k, d in groups.items())
    )


def fingerprint_delta(tbl: str, removed: dict[str, str], added: dict[str, str]) -> int:
    """What the fingerprint's sum gains when table ``tbl``'s group digests
    ``removed`` (by group) are deleted and ``added`` inserted."""
    gained = sum(_line(tbl, k, d) for k, d in added.items())
    return gained - sum(_line(tbl, k, d) for k, d in removed.items())


def updated_fingerprint(s: Session, kept: str | None, delta: int) -> str:
    """The fingerprint of the stored group digests, given the value ``kept``
    before a write and the write's ``delta`` (:class:`GroupWrite`): sound
    because the sum over the groups after the write is the sum before, less
    the lines deleted, plus those inserted (the definition,
    :func:`stored_fingerprint`, reads every digest: used when ``kept`` is of
    an older definition or missing; ``tests/store/test_derived.py`` checks that
    both agree)."""
    if kept is None or not kept.startswith(SUM):
        return stored_fingerprint(s)
    return _sum_text(int(kept.removeprefix(SUM), 16) + delta)


def derived_tables(
    events: Callable[[Graph], Iterator[dict[str, Any]]],
    effects: Callable[[Graph], Iterator[dict[str, Any]]],
    citations: Callable[[Graph], Iterator[dict[str, Any]]],
    warnings: Callable[[Graph], Iterator[dict[str, Any]]],
) -> tuple[DerivedTable, ...]:
    """The four derived tables with their row generators and groups."""
    return (
        DerivedTable(EventRow, events, "work_uri", "seq"),
        DerivedTable(EffectRow, effects, "affected"),
        DerivedTable(CitationRow, citations, "citing"),
        DerivedTable(WarningRow, warnings, "work_uri"),
    )


__all__ = [
    "DerivedTable",
    "GroupPatch",
    "GroupWrite",
    "derived_tables",
    "digests_fingerprint",
    "digests_of",
    "fingerprint_delta",
    "group_digests",
    "patch_group",
    "row_blob",
    "row_changes",
    "row_number",
    "stored_fingerprint",
    "sum_digest",
    "updated_fingerprint",
    "write_groups",
]
