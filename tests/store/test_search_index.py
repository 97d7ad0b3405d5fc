"""The search index's store functions: typed records, the candidate limit, the
as-of pre-filter (a necessary condition only: point in time decides) and the counts (:mod:`lexversion.store.search`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import lexversion
from lexversion.store import Store, open_store
from lexversion.store.search import (
    IndexCounts,
    ProvisionRow,
    index_counts,
    match_provisions,
    parse_query,
    sync_search_index,
)
from tests.store.conftest import CORPUS_DIR

ALMATY_OBLAST = "/akn/kz-19/act/decision/2017-12-15/26-129"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The corpus built into a SQLite store (the build syncs the index)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('search-index') / 'store.db'}"
    lexversion.build(Path(CORPUS_DIR), url)
    return open_store(url)


def test_counts_and_sync(store: Store) -> None:
    counts = index_counts(store)
    assert isinstance(counts, IndexCounts)
    assert counts.indexed == counts.stored >= 7
    assert sync_search_index(store) == 0


def test_rows_are_typed_and_limited(store: Store) -> None:
    terms = parse_query("және")
    every = match_provisions(store, terms)
    assert every.rows and all(isinstance(r, ProvisionRow) for r in every.rows)
    assert all(r.expression.startswith(r.work) for r in every.rows)
    few = match_provisions(store, terms, limit=2)
    assert few.rows == every.rows[:2]
    assert few.more


def test_as_of_pre_filter_and_language(store: Store) -> None:
    terms = parse_query("оралмандарды")
    old = match_provisions(store, terms, on=date(2019, 6, 1))
    assert f"{ALMATY_OBLAST}/kaz@2017-12-15" in {r.expression for r in old.rows}
    assert not old.more
    new = match_provisions(store, terms, on=date(2023, 6, 1))
    assert f"{ALMATY_OBLAST}/kaz@2017-12-15" not in {r.expression for r in new.rows}
    assert match_provisions(store, terms, lang="ru").rows == ()
