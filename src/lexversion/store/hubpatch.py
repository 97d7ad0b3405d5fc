"""A cut hub's events patched, not rewritten (issue 15: adding one act to a
store of 100,000 must not read the 100,000 evidence rows of the law every act
cites).

Selective planning (:mod:`lexversion.app.selective`) plans a hub's stub with
the texts of the closure only; the stub's rows are then its own rows (its
*anchors*, :func:`lexversion.store.eventseq.keyed`), the evidence of the
texts planned again and the stored evidence of the others
(:func:`lexversion.graph.touch.merge_evidence`). When the anchors are those
stored, every other evidence row keeps its ``seq`` (:mod:`lexversion.store.eventseq`),
so the build reads the stored anchors (``ix_events_anchor``, migration 0015)
and the stored evidence of the works planned again (``ix_events_work_by``),
gives the new evidence rows their ``seq`` from the anchors alone, and writes
the difference (:func:`lexversion.store.derived.patch_group`). Otherwise
(other anchors, a group stored in positions, a key that would not
increase) :func:`hub_patch` declines and the caller merges the whole group.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, TextClause, select, text
from sqlalchemy.orm import Session

from lexversion.store.derived import BATCH, GroupPatch
from lexversion.store.eventseq import WIDTH, anchored, cited, evidence_order, evidence_seq, keyed
from lexversion.store.rows import ANCHOR_WHERE, EventRow


def _cols() -> list[Any]:
    return [c for c in EventRow.__table__.columns if c.name != "id"]


def _rows(s: Session, *where: ColumnElement[bool] | TextClause) -> list[dict[str, Any]]:
    """The event rows ``where`` says, in ``seq`` order: sorted here, for an
    ``ORDER BY seq`` made SQLite read a hub's every row by ``ix_events_work_seq``
    rather than the few ``ix_events_work_by`` finds."""
    rows = [dict(r) for r in s.execute(select(*_cols()).where(*where)).mappings()]
    return sorted(rows, key=lambda r: str(r["seq"]))


def stored_anchors(s: Session, work: str) -> list[dict[str, Any]]:
    """The stored event rows of ``work`` whose ``seq`` is not a keyed row's
    (every column but the id, in ``seq`` order): its anchors, or every row of
    a group stored in positions (the fallback of :mod:`lexversion.store.eventseq`).
    Read by the partial index ``ix_events_anchor``."""
    return _rows(s, EventRow.work_uri == work, text(ANCHOR_WHERE))


def stored_evidence(s: Session, work: str, by: Sequence[str]) -> list[dict[str, Any]]:
    """The stored keyed rows of ``work`` given by the works ``by``
    (``ix_events_work_by``), in ``seq`` order."""
    out: list[dict[str, Any]] = []
    for k in range(0, len(by), BATCH):
        rows = _rows(s, EventRow.work_uri == work, EventRow.by_uri.in_(by[k : k + BATCH]))
        out += [r for r in rows if len(str(r["seq"])) > WIDTH + 1]
    return sorted(out, key=lambda r: str(r["seq"]))


def _at(s: Session, work: str, seqs: Sequence[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for k in range(0, len(seqs), BATCH):
        out += _rows(s, EventRow.work_uri == work, EventRow.seq.in_(seqs[k : k + BATCH]))
    return out


def hub_patch(
    s: Session, work: str, planned: Sequence[dict[str, Any]], replanned: AbstractSet[str]
) -> GroupPatch | None:
    """The patch that makes hub ``work``'s stored events the merge of
    ``planned`` (its rows in the graph planned in part, none when the graph
    has no stub of it) with its stored evidence of works not in ``replanned``
    (:func:`lexversion.graph.touch.merge_evidence`), or ``None`` when that
    merge moves a row's ``seq`` (see the module doc: the caller merges the
    whole group then)."""
    anchors = stored_anchors(s, work)
    if any(not anchored(str(r["seq"])) or cited(r) for r in anchors):
        return None
    bounds = [evidence_order(r) for r in anchors]
    if any(a > b for a, b in pairwise(bounds)):
        return None
    mine = sorted(planned, key=evidence_order)
    own = [r for r in mine if not cited(r)]
    if any(cited(r) and not keyed(r) for r in mine):
        return None
    if mine and own != [{k: v for k, v in r.items() if k != "seq"} for r in anchors]:
        return None
    new = [
        {**r, "seq": evidence_seq(bisect_left(bounds, evidence_order(r)), r)}
        for r in mine
        if cited(r)
    ]
    seqs = [str(r["seq"]) for r in new]
    if len(set(seqs)) != len(seqs):
        return None
    if any(r["by_uri"] not in replanned for r in _at(s, work, seqs)):
        return None  # a kept row holds a new row's key
    old = stored_evidence(s, work, sorted(replanned))
    return GroupPatch(work, tuple(old), tuple(new))


__all__ = ["hub_patch", "stored_anchors", "stored_evidence"]
