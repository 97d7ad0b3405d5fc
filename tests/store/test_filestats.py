"""``FileStats.known`` of some paths (issue 15: ``lexversion add`` looks up the
files it is given) is every kept row's, restricted to them, whether it looks
them up or reads every row."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from lexversion.store import filestats, open_store
from lexversion.store.filestats import FileStats

PATHS = [f"/c/f{i}.txt" for i in range(12)]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kept=st.sets(st.sampled_from(PATHS)),
    asked=st.lists(st.sampled_from([*PATHS, "/c/other.txt"])),
    few=st.sampled_from([0, 3, 1000]),
)
def test_the_stats_of_some_paths_are_every_rows_restricted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: set[str], asked: list[str], few: int
) -> None:
    monkeypatch.setattr(filestats, "FEW", few)
    store = open_store(f"sqlite:///{tmp_path / 'f.db'}")
    with Session(store.engine) as s:
        stats = FileStats(s)
        stats.put(
            {p: ((i, i + 1, i + 2, f"1:{i}"), f"{i:064x}") for i, p in enumerate(sorted(kept))}
        )
        every = stats.known()
        assert stats.known(asked) == {p: v for p, v in every.items() if p in set(asked)}
        s.rollback()
