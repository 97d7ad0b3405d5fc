"""The search index's store functions: typed records, the candidate limit, the
as-of pre-filter (a necessary condition only: point in time decides) and the counts (:mod:`lexversion.store.search`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

import lexversion
from lexversion.store import Store, open_store
from lexversion.store.engines import MIGRATIONS
from lexversion.store.search import (
    IndexCounts,
    ProvisionRow,
    index_counts,
    match_provisions,
    parse_query,
    sync_search_index,
)
from lexversion.text.analysis import analysis_version
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


def test_an_index_made_by_another_analysis_is_rebuilt(store: Store) -> None:
    """Each indexed expression records its analysis; a sync re-indexes those made
    by another (here: one marked as made by an older analysis)."""
    with store.engine.begin() as conn:
        uri = conn.execute(text("SELECT min(uri) FROM search_expressions")).scalar_one()
        conn.execute(
            text("UPDATE search_expressions SET analysis = 'older' WHERE uri = :u"), {"u": uri}
        )
        before = conn.execute(
            text("SELECT count(*) FROM provision_search WHERE expression = :u"), {"u": uri}
        ).scalar_one()
    assert sync_search_index(store) == 1
    with store.engine.connect() as conn:
        after = conn.execute(
            text("SELECT count(*) FROM provision_search WHERE expression = :u"), {"u": uri}
        ).scalar_one()
        versions = set(conn.execute(text("SELECT analysis FROM search_expressions")).scalars())
    assert after == before > 0
    assert versions == {analysis_version()}


def test_a_0004_index_is_emptied_and_rebuilt(tmp_path: Path) -> None:
    """Migration 0005 drops the index of raw text; the next sync rebuilds it with
    stems and words (derived data only)."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.execute(
            text("INSERT INTO search_expressions (uri, work_uri, provisions) VALUES ('e', 'w', 1)")
        )
        conn.execute(
            text(
                "INSERT INTO provision_search (text, expression, work, lang, eid, label) "
                "VALUES ('бойынша', 'e', 'w', 'kk', 'para_1', '1.')"
            )
        )
    engine.dispose()
    migrated = open_store(url)
    with migrated.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_expressions")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM provision_search")).scalar_one() == 0
    assert index_counts(migrated) == IndexCounts(0, 0)


def _index(url: str) -> list[tuple[object, ...]]:
    with create_engine(url).connect() as conn:
        return [
            tuple(r) for r in conn.execute(text("SELECT * FROM provision_search ORDER BY 4, 7"))
        ]


def test_a_sync_through_a_pool_writes_what_a_plain_one_writes(store: Store, tmp_path: Path) -> None:
    """The provisions read on worker processes (``mapper``: a pool's ``map``) are
    the rows a plain sync writes, in batches smaller than a window."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    url = f"sqlite:///{tmp_path / 'copy.db'}"
    lexversion.build(Path(CORPUS_DIR), url)
    with create_engine(url).begin() as conn:  # the index emptied: every expression to do
        conn.execute(text("DELETE FROM provision_search"))
        conn.execute(text("DELETE FROM search_expressions"))
    ticks: list[tuple[int, int]] = []
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        done = sync_search_index(
            open_store(url),
            batch=3,
            tick=lambda d, n: ticks.append((d, n)),
            mapper=lambda fn, items: pool.map(fn, items, chunksize=2),
        )
    assert done == index_counts(store).stored == ticks[-1][0] == ticks[-1][1]
    assert [d for d, _ in ticks] == sorted({d for d, _ in ticks})
    assert _index(url) == _index(str(store.engine.url))
