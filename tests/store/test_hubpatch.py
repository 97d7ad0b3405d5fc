"""A cut hub's events patched (issue 15, :mod:`lexversion.store.hubpatch`):
the group reads as the merge written whole, with the same digest and
fingerprint, having read only its anchors and the evidence of the works
planned again; a group stored in positions is declined."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from lexversion.graph.touch import CITED_AS, merge_evidence
from lexversion.model import Graph
from lexversion.store import open_store
from lexversion.store.derived import (
    DerivedTable,
    digests_of,
    patch_group,
    stored_fingerprint,
    updated_fingerprint,
    write_groups,
)
from lexversion.store.eventseq import WIDTH, with_seq
from lexversion.store.hubpatch import hub_patch
from lexversion.store.rows import ANCHOR_WHERE, DerivedGroupRow, EventRow
from tests.store.eventrows import HUB, event_row

TABLE = DerivedTable(EventRow, lambda g: iter(()), "work_uri", "seq")


def _cited(day: int, k: int, v: int = 0) -> dict[str, Any]:
    return event_row("in_force_evidence", day, f"{CITED_AS}x{k}.{v}", f"{k:064x}", f"w{k}")


def _own(own: list[tuple[str, int | None]]) -> list[dict[str, Any]]:
    return [event_row(kind, day, "own", "s", None) for kind, day in own]


def _read(s: Session) -> list[dict[str, Any]]:
    cols = [c for c in EventRow.__table__.columns if c.name != "id"]
    q = select(*cols).where(EventRow.work_uri == HUB).order_by(EventRow.seq)
    return [dict(r) for r in s.execute(q).mappings()]


OWN = st.lists(
    st.tuples(
        st.sampled_from(["adoption", "entry_into_force", "in_force_evidence"]),
        st.none() | st.integers(0, 40),
    ),
    max_size=3,
)
CITED = st.dictionaries(st.integers(0, 30), st.integers(0, 40), max_size=12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    own=OWN,
    cited=CITED,
    again=st.sets(st.integers(0, 35), max_size=6),
    now=CITED,
    stub=st.booleans(),
)
def test_a_patched_hub_reads_as_the_merge_written_whole(
    tmp_path: Path,
    own: list[tuple[str, int | None]],
    cited: dict[int, int],
    again: set[int],
    now: dict[int, int],
    stub: bool,
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}")
    graph = cast(Graph, None)
    first = merge_evidence(_own(own), [_cited(d, k) for k, d in cited.items()], set())
    replanned = {f"w{k}" for k in again}
    # the works planned again cite the hub anew (another day, another basis)
    planned = _own(own) + [_cited(d, k, 1) for k, d in now.items() if k in again] if stub else []
    # a graph without the stub keeps the stored anchors (selective._events)
    mine = planned or [r for r in first if not str(r["basis"]).startswith(CITED_AS)]
    merged = list(with_seq(merge_evidence(mine, list(with_seq(first)), replanned)))
    with Session(store.engine) as s:
        kept = updated_fingerprint(
            s, None, write_groups(s, TABLE, graph, {HUB}, lambda: list(with_seq(first))).delta
        )
        patch = hub_patch(s, HUB, planned, replanned)
        assert patch is not None  # the anchors are those stored
        done = patch_group(s, TABLE, patch)
        assert _read(s) == merged
        digest = s.scalar(select(DerivedGroupRow.digest).where(DerivedGroupRow.grp == HUB))
        assert digest == digests_of(TABLE, merged).get(HUB)
        assert updated_fingerprint(s, kept, done.delta) == stored_fingerprint(s)
        s.rollback()


def test_a_hub_stored_in_positions_is_merged_whole(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}")
    odd = event_row("in_force_evidence", 3, f"{CITED_AS}x", "not a sha", "w9")
    positions = list(with_seq([_cited(1, 5), _cited(1, 2)]))  # one day, not in SHA-256 order
    assert all(len(r["seq"]) == WIDTH for r in positions)
    unkeyed = list(with_seq(merge_evidence([], [_cited(5, 1), odd, _cited(1, 2)], set())))
    for rows in (positions, unkeyed):
        with Session(store.engine) as s:
            write_groups(s, TABLE, cast(Graph, None), {HUB}, lambda rows=rows: rows)
            assert hub_patch(s, HUB, [_cited(7, 3)], {"w3"}) is None
            s.rollback()


def test_the_anchor_index_is_the_anchors_width() -> None:
    assert f"length(seq) <= {WIDTH + 1}" == ANCHOR_WHERE
