"""The derived graph's fingerprint kept up to date by a selective build (issue 15):
the value updated from the groups a write changed
(:func:`lexversion.store.derived.updated_fingerprint`) is the one read from
every stored group digest (:func:`lexversion.store.derived.stored_fingerprint`),
which is the one of the same digests not yet stored (``digests_fingerprint``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from lexversion.model import Graph
from lexversion.store import Store, open_store
from lexversion.store.derived import (
    DerivedTable,
    digests_fingerprint,
    digests_of,
    stored_fingerprint,
    updated_fingerprint,
    write_groups,
)
from lexversion.store.rows import EventRow

WORKS = [f"/akn/kz/act/decision/2020-01-0{k}/{k}" for k in range(1, 7)]


def _event(work: str, note: str) -> dict[str, Any]:
    return {
        "work_uri": work,
        "type": "adoption",
        "earliest": None,
        "latest": None,
        "certainty": "exact",
        "basis": "",
        "by_uri": None,
        "source": "s",
        "note": note,
    }


#: a write: for some works, their new events' notes (none: the work's group goes)
WRITES = st.lists(
    st.dictionaries(st.sampled_from(WORKS), st.lists(st.sampled_from("abc"), max_size=2)),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = Path(tmp_path_factory.mktemp("derived")) / "d.db"
    yield open_store(f"sqlite:///{path}")


def _rows(groups: dict[str, list[str]]) -> list[dict[str, Any]]:
    return [_event(w, n) for w in sorted(groups) for n in groups[w]]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(writes=WRITES)
def test_the_updated_fingerprint_is_the_stored_one(
    store: Store, writes: list[dict[str, list[str]]]
) -> None:
    table = DerivedTable(EventRow, lambda g: iter(()), "work_uri")
    graph = cast(Graph, None)  # the rows are given: the graph is not read
    with Session(store.engine) as s:
        kept: str | None = None
        for write in writes:
            rows = _rows(write)
            done = write_groups(s, table, graph, set(write), lambda rows=rows: rows)  # type: ignore[misc]
            kept = updated_fingerprint(s, kept, done.delta)
            assert kept == stored_fingerprint(s)
        s.rollback()


def test_the_stored_fingerprint_is_that_of_the_digests(store: Store) -> None:
    table = DerivedTable(EventRow, lambda g: iter(()), "work_uri")
    rows = _rows({WORKS[0]: ["a", "b"], WORKS[1]: ["c"]})
    with Session(store.engine) as s:
        write_groups(s, table, cast(Graph, None), None, lambda: rows)
        assert stored_fingerprint(s) == digests_fingerprint({"events": digests_of(table, rows)})
        s.rollback()
