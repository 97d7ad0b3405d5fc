"""Alembic migrations: a store at an older revision is brought to the head on
open without losing rows; a store at the head is left alone."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from lexversion.store import open_store, repository
from lexversion.store.repository import MIGRATIONS, migrate


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
    # repository.HEAD lets a current store open without importing Alembic
    assert repository.HEAD == HEAD


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
