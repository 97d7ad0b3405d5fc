"""Reading one state of the store: :meth:`Store.snapshot` (one read transaction,
SQLite and PostgreSQL) and :class:`lexversion.store.live.LiveStore` (a SQLite
file replaced under its path is reopened once its readers finish)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from lexversion.errors import StoreError
from lexversion.store import Store, open_store
from lexversion.store.live import LiveStore
from tests.store.test_backends import PG, _reset_pg


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store on each backend (PostgreSQL as in ``test_backends``)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG:
        if os.environ.get("LEXVERSION_REQUIRE_PG") == "1":
            pytest.fail("LEXVERSION_REQUIRE_PG=1 but no LEXVERSION_TEST_PG_URL")
        pytest.skip("no PostgreSQL server (set LEXVERSION_TEST_PG_URL; make test starts one)")
    _reset_pg(PG)
    yield PG


def mark(store: Store, value: str) -> None:
    """Commit ``value`` as the store's last build fingerprint (what a build does last)."""
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM build_state WHERE key = 'derived'"))
        conn.execute(
            text("INSERT INTO build_state (key, value) VALUES ('derived', :v)"), {"v": value}
        )


def test_a_snapshot_does_not_see_a_build_committed_meanwhile(url: str) -> None:
    store = open_store(url)
    mark(store, "one")
    with store.snapshot() as snap:
        assert snap.generation()[0] == "one"
        mark(store, "two")  # a build commits while the page is being made
        assert snap.generation()[0] == "one"
        assert snap.works() == []
        with snap.snapshot() as same:  # nested: the same state
            assert same.generation()[0] == "one"
    assert store.generation()[0] == "two"
    with store.snapshot() as snap:
        assert snap.generation()[0] == "two"
    store.engine.dispose()


def _sqlite_store(where: Path, value: str) -> str:
    url = f"sqlite:///{where}"
    store = open_store(url)
    mark(store, value)
    store.engine.dispose()
    return url


def test_a_replaced_file_is_read_once_its_readers_finish(tmp_path: Path) -> None:
    url = _sqlite_store(tmp_path / "store.db", "old")
    _sqlite_store(tmp_path / "new.db", "new")
    live = LiveStore(url, open_store(url))
    seen: list[str | None] = []
    with live.snapshot() as reading:
        os.replace(tmp_path / "new.db", tmp_path / "store.db")
        later = threading.Thread(target=lambda: seen.append(live.generation()[1]))
        later.start()
        later.join(0.5)
        assert later.is_alive()  # waits for the reader of the old file
        assert reading.generation()[0] == "old"
    later.join(10)
    assert seen == ["new"]
    assert live.reopened == 1
    with live.snapshot() as snap:
        assert snap.generation()[0] == "new"


def test_a_deleted_file_is_a_store_error_until_built_again(tmp_path: Path) -> None:
    url = _sqlite_store(tmp_path / "store.db", "old")
    live = LiveStore(url, open_store(url))
    assert live.generation()[1] == "old"
    shutil.move(tmp_path / "store.db", tmp_path / "kept.db")
    with pytest.raises(StoreError, match="was deleted"):
        live.generation()
    _sqlite_store(tmp_path / "store.db", "rebuilt")
    assert live.generation()[1] == "rebuilt"
    assert live.reopened == 1


def test_a_thread_holds_one_connection_and_each_snapshot_sees_the_last_build(url: str) -> None:
    store = open_store(url)
    mark(store, "one")
    live = LiveStore(url, store)
    with live.snapshot() as first, first.connection() as conn:
        assert first.generation()[0] == "one"
        held = conn
    mark(store, "two")
    with live.snapshot() as second, second.connection() as conn:  # the same, a new transaction
        assert conn is held
        assert second.generation()[0] == "two"
    seen: list[object] = []

    def read_in_another_thread() -> None:
        with live.snapshot() as snap, snap.connection() as conn:
            seen.append(conn)

    other = threading.Thread(target=read_in_another_thread)
    other.start()
    other.join(10)
    assert seen and seen[0] is not held  # each thread its own
    live.close()
    assert held.closed and seen[0].closed  # type: ignore[attr-defined]


def test_a_failed_read_gives_the_next_snapshot_another_connection(url: str) -> None:
    store = open_store(url)
    live = LiveStore(url, store)
    with pytest.raises(SQLAlchemyError), live.snapshot() as snap, snap.connection() as conn:
        held = conn
        conn.execute(text("SELECT * FROM no_such_table"))
    assert held.closed  # back to the pool, which resets it
    with live.snapshot() as snap, snap.connection() as conn:
        assert conn is not held
        assert snap.works() == []
    live.close()


def test_a_replaced_file_closes_the_connections_held_to_the_old_one(tmp_path: Path) -> None:
    url = _sqlite_store(tmp_path / "store.db", "old")
    _sqlite_store(tmp_path / "new.db", "new")
    live = LiveStore(url, open_store(url))
    with live.snapshot() as snap, snap.connection() as conn:
        old = conn
    os.replace(tmp_path / "new.db", tmp_path / "store.db")
    with live.snapshot() as snap:
        assert snap.generation()[0] == "new"
    assert old.closed and live.reopened == 1
    live.close()
