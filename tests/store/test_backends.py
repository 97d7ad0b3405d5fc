"""The store on both backends: SQLite (embedded default) and PostgreSQL (server).

PostgreSQL runs when ``LEXVERSION_TEST_PG_URL`` names a server database
(``make test`` starts one with ``scripts/pg-test-server``); with
``LEXVERSION_REQUIRE_PG=1`` (set by ``.ci/run``) its absence is a failure,
not a skip. Each PostgreSQL test starts from an empty ``public`` schema.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from lexversion import build
from lexversion.app.ingest import build as pipeline_build
from lexversion.app.query import answer
from lexversion.store import open_store
from lexversion.store.rows import EffectRow, EventRow, ExpressionRow, SourceRow, WorkRow

ROOT = Path(__file__).resolve().parents[2]
PG = os.environ.get("LEXVERSION_TEST_PG_URL", "")
TABLES = (SourceRow, WorkRow, ExpressionRow, EventRow, EffectRow)


def _reset_pg(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG:
        if os.environ.get("LEXVERSION_REQUIRE_PG") == "1":
            pytest.fail(
                "LEXVERSION_REQUIRE_PG=1 but no LEXVERSION_TEST_PG_URL: the PostgreSQL server did not start"
            )
        pytest.skip("no PostgreSQL server (set LEXVERSION_TEST_PG_URL; make test starts one)")
    _reset_pg(PG)
    yield PG


def counts(url: str) -> dict[str, int]:
    store = open_store(url)
    with Session(store.engine) as s:
        out = {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}
    store.engine.dispose()
    return out


QUESTIONS = [
    ("/akn/kz-19/act/decision/2017-12-15/26-129", "2019-06-01"),
    ("/akn/kz-19/act/decision/2017-12-15/26-129", "2023-06-01"),
    ("/akn/kz-75/act/decision/2017-09-15/152", "2021-06-01"),
    ("/akn/kz-71/act/decision/2003-04-08/225-42-ii", "2006-09-21"),
    ("/akn/kz-61/act/decision/2021-10-12/11-102-vii", "2025-01-01"),
]


def test_build_is_idempotent_and_answers_match_across_backends(url: str, tmp_path: Path) -> None:
    first = build(ROOT / "corpus", url)
    assert first.write is not None and first.write.changed
    before = counts(url)
    second = build(ROOT / "corpus", url)
    assert second.write is not None and not second.write.changed
    assert counts(url) == before
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    build(ROOT / "corpus", reference)
    for work, on in QUESTIONS:
        got, akn = answer(url, work, date.fromisoformat(on), None)
        want, want_akn = answer(reference, work, date.fromisoformat(on), None)
        assert got.to_json() == want.to_json()
        assert akn == want_akn


def test_readers_keep_working_while_a_build_writes(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(ROOT / "corpus", url)
    smaller = tmp_path / "corpus"
    smaller.mkdir()
    for p in sorted((ROOT / "corpus").glob("*.txt"))[:3]:
        (smaller / p.name).write_bytes(p.read_bytes())

    from sqlalchemy.orm.session import SessionTransaction

    original = SessionTransaction.commit
    inside = threading.Event()
    release = threading.Event()

    def slow_commit(self: SessionTransaction, *args: object, **kwargs: object) -> None:
        if threading.current_thread().name == "writer":
            inside.set()
            release.wait(10)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SessionTransaction, "commit", slow_commit)
    writer = threading.Thread(
        target=lambda: pipeline_build(smaller, open_store(url)), name="writer"
    )
    writer.start()
    try:
        assert inside.wait(10), "the build never reached its commit"
        started = time.perf_counter()
        reader = open_store(url)
        works = reader.works()  # the previous state, without waiting for the writer
        elapsed = time.perf_counter() - started
        reader.engine.dispose()
        assert (
            len(works) == 26
        )  # 5 texts + 21 stubs (law No 204-I once, the joint act once, laws by the table: issue 13)
        assert elapsed < 5
    finally:
        release.set()
        writer.join(20)
    assert len(open_store(url).works()) < 26  # the smaller corpus landed afterwards


KILLED_BUILD = """
import sys, time
from sqlalchemy.orm import Session
original = Session.flush
def flush_then_stall(self, *a, **k):
    original(self, *a, **k)
    print("PAUSED", flush=True)  # rows sent to the database, transaction still open
    time.sleep(60)
Session.flush = flush_then_stall
import lexversion
lexversion.build(sys.argv[1], sys.argv[2])
"""


def test_a_build_killed_midway_leaves_the_store_consistent(url: str) -> None:
    open_store(url).engine.dispose()  # schema in place, no data
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(ROOT / "corpus"), url],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "PAUSED", line
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert counts(url) == {t.__tablename__: 0 for t in TABLES}
    report = build(ROOT / "corpus", url)
    assert report.write is not None and report.write.changed
    assert counts(url)["works"] == 26


def test_a_second_build_meanwhile_is_refused_in_one_line(url: str) -> None:
    """Two builds at once (issue 16): while one holds the store's build lock
    (SQLite's write lock, a PostgreSQL advisory lock), a second ``lexversion
    build`` exits 4 with one line "another build is running", never a raw
    IntegrityError, and the first one commits as if alone."""
    from typer.testing import CliRunner

    from lexversion.cli import app

    store = open_store(url)
    with store.writer() as w:
        w.add_source("0" * 64, "held.txt", "kk", b"held")
        w.flush()
        result = CliRunner().invoke(app, ["build", str(ROOT / "corpus"), "--db", url])
        assert result.exit_code == 4
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "another build is running" in lines[0], result.stderr
        assert len(open_store(url).works()) == 0  # the reader answers meanwhile
    with Session(store.engine) as s:
        assert s.scalar(select(func.count()).select_from(SourceRow)) == 1
    store.engine.dispose()
