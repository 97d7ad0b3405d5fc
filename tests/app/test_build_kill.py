"""A killed build leaves no store or a usable one (issue 16, Deliver 2).

``lexversion build`` runs in a child process that SIGKILLs itself just before
its k-th write statement (DDL, INSERT, UPDATE, DELETE), for moments spread over
the creation of the schema and the build's writes: a real kill at a known
moment, reproducibly. Afterwards the store opens, holds either nothing or the
whole previous state, and a build completes it. Before issue 16 pysqlite
committed each ``CREATE TABLE`` on its own, and a kill between two left "table
citations already exists" on every later command.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from lexversion import build
from lexversion.model.records import WorkRecord
from lexversion.store import open_store
from tests.conftest import CORPUS

WRITES = ("CREATE", "INSERT", "UPDATE", "DELETE", "DROP", "ALTER")

#: the child: count write statements on every engine, SIGKILL itself before the k-th
CHILD = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
k = int(sys.argv[1]); count = 0
WRITES = ("CREATE", "INSERT", "UPDATE", "DELETE", "DROP", "ALTER")
@event.listens_for(Engine, "before_cursor_execute")
def kill(conn, cursor, statement, *args):
    global count
    if statement.lstrip().upper().startswith(WRITES):
        count += 1
        if count == k:
            os.kill(os.getpid(), signal.SIGKILL)
from lexversion.cli import app
app(sys.argv[2:])
"""


def _head_revision() -> str:
    """The newest Alembic revision of the store's schema (what the last DDL statement stamps)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from lexversion.store.engines import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def _writes(directory: Path, url: str) -> tuple[int, int]:
    """(write statements of a build of ``directory`` into ``url`` while creating
    the schema, and in all), counted in process."""
    counts = {"ddl": 0, "all": 0}

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            counts["all"] += 1
            if "alembic_version" in statement and _head_revision() in statement:
                counts["ddl"] = counts["all"]

    from sqlalchemy.engine import Engine

    event.listen(Engine, "before_cursor_execute", count)
    try:
        build(directory, url)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    return counts["ddl"], counts["all"]


def _spread(first: int, last: int, n: int) -> list[int]:
    """``n`` statement numbers spread evenly over ``first..last``."""
    return sorted({first + (last - first) * i // max(n - 1, 1) for i in range(n)})


def _killed_builds(directory: Path, stores: dict[int, Path]) -> None:
    """Run one child per store, each killed before its own statement number."""
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                str(k),
                "build",
                str(directory),
                "--db",
                f"sqlite:///{db}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for k, db in stores.items()
    ]
    for child in children:
        assert child.wait(timeout=600) == -9  # killed, not finished


def _copy(src: Path, dst: Path) -> None:
    """Copy SQLite store ``src`` (its write-ahead log included) to ``dst``."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, int, list[WorkRecord]]:
    """Write statements of a fresh corpus build (schema creation, all) and the
    works it stores."""
    db = tmp_path_factory.mktemp("count") / "count.db"
    ddl, total = _writes(CORPUS[0].parent, f"sqlite:///{db}")
    return ddl, total, open_store(f"sqlite:///{db}").works()


def test_a_fresh_build_killed_at_any_moment_leaves_a_usable_store(
    tmp_path: Path, counts: tuple[int, int, list[WorkRecord]]
) -> None:
    """Kills during schema creation (every few DDL statements) and during the
    build's writes: the store opens empty, or complete when the kill came after
    the build's commit (while the search index followed), and a build completes it."""
    ddl, total, works = counts
    assert 10 < ddl < total
    moments = _spread(1, ddl, 5) + _spread(ddl + 1, total, 3)
    stores = {k: tmp_path / f"kill{k}.db" for k in moments}
    _killed_builds(CORPUS[0].parent, stores)
    for k, db in stores.items():
        assert open_store(f"sqlite:///{db}").works() in ([], works), k  # never half-made
    for db in (stores[moments[2]], stores[moments[-1]]):
        report = build(CORPUS[0].parent, f"sqlite:///{db}")
        assert not report.failed and open_store(f"sqlite:///{db}").works() == works


def test_an_update_killed_at_any_moment_leaves_the_previous_store(tmp_path: Path) -> None:
    """A store holding four corpus files; a build of all five killed during its
    writes leaves the four-file store exactly (the build is one transaction)."""
    four = tmp_path / "four"
    four.mkdir()
    for p in CORPUS[:4]:
        shutil.copy(p, four / p.name)
    base = tmp_path / "base.db"
    build(four, f"sqlite:///{base}")
    before = open_store(f"sqlite:///{base}").works()
    # an update writes no DDL and (issue 15: incremental) only what changed:
    # count its writes on a copy, then spread the kills over the first half
    # (the build's transaction; the search index follows after its commit)
    probe = tmp_path / "probe.db"
    _copy(base, probe)
    _, update = _writes(CORPUS[0].parent, f"sqlite:///{probe}")
    assert open_store(f"sqlite:///{probe}").works() != before
    stores = {k: tmp_path / f"upd{k}.db" for k in _spread(1, update // 2, 3)}
    for db in stores.values():
        _copy(base, db)
    _killed_builds(CORPUS[0].parent, stores)
    for k, db in stores.items():
        assert open_store(f"sqlite:///{db}").works() == before, k
