"""Alembic migrations: a store at an older revision is brought to the head on
open without losing rows; a store at the head is left alone."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from lexversion.store import engines, open_store
from lexversion.store.engines import MIGRATIONS, migrate


def _head() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


HEAD = _head()


def _config(conn: object) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.attributes["connection"] = conn
    return cfg


def test_a_0001_store_is_upgraded_with_its_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0001")
        conn.execute(
            text(
                'INSERT INTO citations (source_sha, citing, eid, start, "end", raw_start, raw_end, text, cited)'
                " VALUES ('s', '/akn/kz/act/decision/2020-01-01/1', 'para_1', 0, 5, 0, 5, 'x', '/akn/kz/act/law/2001-01-23/148')"
            )
        )
    engine.dispose()
    store = open_store(url)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        row = conn.execute(text("SELECT cited, method, score FROM citations")).one()
    assert tuple(row) == ("/akn/kz/act/law/2001-01-23/148", "exact", 100.0)


def test_a_store_at_the_head_is_not_migrated_again(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    assert migrate(store.engine) == HEAD


def test_the_head_known_without_alembic_is_alembic_s() -> None:
    # engines.HEAD lets a current store open without importing Alembic
    assert engines.HEAD == HEAD


def test_a_0012_store_is_upgraded_to_keep_file_stats(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0012")
    engine.dispose()
    assert migrate(open_store(url).engine) == HEAD
    with create_engine(url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM file_stats")).scalar() == 0


def test_a_0012_stores_events_get_their_order_from_their_row_ids(tmp_path: Path) -> None:
    # 0014 (issue 15): each stored event gets the seq a build gives it, from its
    # work's rows in row-id order, the order every earlier build wrote them in
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    hub, sha = "/akn/kz/act/law/2001-01-23/148-ii", "ab" * 32
    rows = [
        (hub, "in_force_evidence", "2002-03-04", "cited as in force by /x on 2002-03-04", sha),
        (hub, "adoption", "2001-01-23", "stated", "s"),  # a later id, a later place
        ("/akn/kz/act/decision/2020-01-01/1", "adoption", None, "stated", "s"),
    ]
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0012")
        for work, kind, day, basis, source in rows:
            conn.execute(
                text(
                    "INSERT INTO events (work_uri, type, earliest, latest, certainty, basis,"
                    " by_uri, source, note) VALUES (:w, :t, :d, :d, 'exact', :b, NULL, :s, '')"
                ),
                {"w": work, "t": kind, "d": day, "b": basis, "s": source},
            )
    engine.dispose()
    store = open_store(url)
    with store.engine.connect() as conn:
        got = conn.execute(text("SELECT seq FROM events ORDER BY id")).scalars().all()
    assert got == [f"{0:08d}120020304{sha}", f"{1:08d}0", f"{1:08d}0"]
