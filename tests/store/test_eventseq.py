"""A work's events ordered by their ``seq`` (issue 15, :mod:`lexversion.store.eventseq`):
sorting by it gives the graph's order, a citing text's evidence row does not
move the others', and a group updated in place reads as one written whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from lexversion.graph.touch import CITED_AS
from lexversion.model import Graph
from lexversion.store import open_store
from lexversion.store.derived import (
    DerivedTable,
    stored_fingerprint,
    updated_fingerprint,
    write_groups,
)
from lexversion.store.eventseq import seqs, with_seq
from lexversion.store.rows import EventRow
from tests.store.eventrows import HUB, event_row


def _cited(day: int, k: int) -> dict[str, Any]:
    return event_row("in_force_evidence", day, f"{CITED_AS}x{k}", f"{k:064x}")


def _hub(own: list[tuple[str, int | None]], cited: set[tuple[int, int]]) -> list[dict[str, Any]]:
    """A stub's events in the graph's order: its own and the citing texts'
    evidence, by day and type, evidence of one day by source (``merge_evidence``)."""
    rows = [event_row(kind, day, "own", "s") for kind, day in own]
    rows += [_cited(day, k) for day, k in sorted(cited)]
    return sorted(rows, key=lambda r: (r["earliest"] or date.max, r["type"]))


OWN = st.lists(
    st.tuples(
        st.sampled_from(["adoption", "entry_into_force", "in_force_evidence"]),
        st.none() | st.integers(0, 40),
    ),
    max_size=4,
)
CITED = st.sets(st.tuples(st.integers(0, 40), st.integers(0, 30)), max_size=12)


@given(rows=st.lists(st.builds(_cited, st.integers(0, 5), st.integers(0, 3)), max_size=8))
def test_sorting_by_seq_gives_the_rows_order(rows: list[dict[str, Any]]) -> None:
    keys = seqs(rows)
    assert sorted(range(len(rows)), key=lambda i: keys[i]) == list(range(len(rows)))


@settings(max_examples=200)
@given(own=OWN, cited=CITED, one=st.tuples(st.integers(0, 40), st.integers(31, 40)))
def test_a_citing_texts_evidence_moves_no_otherevent_row(
    own: list[tuple[str, int | None]], cited: set[tuple[int, int]], one: tuple[int, int]
) -> None:
    before = list(with_seq(_hub(own, cited)))
    after = list(with_seq(_hub(own, cited | {one})))
    assert [r["seq"] for r in after] == sorted(r["seq"] for r in after)
    assert len({r["seq"] for r in after}) == len(after)
    new = {r["seq"] for r in after} - {r["seq"] for r in before}
    assert len(new) == 1
    assert [r for r in after if r["seq"] not in new] == before


def test_a_group_updated_in_place_reads_as_one_written_whole(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    table = DerivedTable(EventRow, lambda g: iter(()), "work_uri", "seq")
    own = [("adoption", 0), ("entry_into_force", 10)]
    cited = {(d, k) for d, k in zip(range(0, 60, 3), range(20), strict=True)}
    first = list(with_seq(_hub(own, cited)))
    second = list(with_seq(_hub(own, (cited - {(3, 1)}) | {(5, 25)})))
    graph = cast(Graph, None)
    with Session(store.engine) as s:
        kept = updated_fingerprint(
            s, None, write_groups(s, table, graph, {HUB}, lambda: first).delta
        )
        done = write_groups(s, table, graph, {HUB}, lambda: second, {HUB: first})
        assert (done.deleted, done.inserted) == (1, 1)
        assert updated_fingerprint(s, kept, done.delta) == stored_fingerprint(s)
        cols = [c for c in EventRow.__table__.columns if c.name != "id"]
        q = select(*cols).where(EventRow.work_uri == HUB).order_by(EventRow.seq)
        assert [dict(r) for r in s.execute(q).mappings()] == second
        s.rollback()
