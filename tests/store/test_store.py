"""The store (lexversion.store): idempotent builds, atomic writes, raw sources kept.

ARCHITECTURE.md invariants 1 (the raw file is stored byte for byte) and 4
(re-running ``build`` changes nothing); repository.py: one transaction per
write, so a failed write leaves the store as it was; expressions are
insert-only.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from lexversion.app import ingest as pipeline
from lexversion.errors import StoreError
from lexversion.model import Document
from lexversion.store import Store, open_store
from lexversion.store.rows import ExpressionRow, SourceRow
from tests.store.conftest import (
    CORPUS_DIR,
    CORPUS_FILES,
    counts,
    graph_and_sources,
    snapshot,
)

Docs = list[tuple[Document, bytes]]
TABLES = {
    "sources",
    "works",
    "expressions",
    "events",
    "effects",
    "citations",
    "derivations",
    "warnings",
}


def test_corpus_is_what_these_tests_assume() -> None:
    assert len(CORPUS_FILES) == 5


def test_build_creates_every_table(new_store: Callable[[str], Store]) -> None:
    store = new_store("t")
    report = pipeline.build(CORPUS_DIR, store)
    assert report.failed == []
    assert report.write is not None and report.write.changed
    snap = {t: n for t, n in counts(snapshot(store.engine)).items() if t in TABLES}
    assert set(snap) == TABLES
    assert all(n > 0 for n in snap.values()), snap
    assert snap["sources"] == 5
    assert snap["works"] == report.works + report.stubs == 26
    assert snap["expressions"] == report.expressions
    assert snap["effects"] == report.effects
    assert snap["citations"] == report.citations
    assert report.write.inserted == snap


def test_second_build_changes_nothing(new_store: Callable[[str], Store]) -> None:
    store = new_store("t")
    first = pipeline.build(CORPUS_DIR, store)
    before = snapshot(store.engine)
    second = pipeline.build(CORPUS_DIR, store)
    assert first.write is not None and first.write.changed is True
    assert second.write is not None
    assert second.write.changed is False
    assert second.write.inserted == second.write.updated == second.write.deleted == {}
    assert second.write.kept == []
    after = snapshot(store.engine)
    assert counts(after) == counts(before)
    assert after == before, "a second identical build rewrote rows (ids or contents)"


def test_generation_changes_with_a_build_and_only_then(new_store: Callable[[str], Store]) -> None:
    """``Store.generation`` (what the web cache keys answers by): no fingerprint
    on an empty store; a build sets it with the works and expressions counted;
    a second identical build leaves it as it was."""
    store = new_store("t")
    assert store.generation() == (None, 0, 0, None)
    report = pipeline.build(CORPUS_DIR, store)
    derived, works, exprs, writes = store.generation()
    assert derived and works == 26 and exprs == report.expressions and writes == "1"
    pipeline.build(CORPUS_DIR, store)
    assert store.generation() == (derived, works, exprs, writes)


def test_every_write_that_changes_a_row_is_a_new_generation(
    new_store: Callable[[str], Store],
) -> None:
    """A write transaction that changes rows but none of the fingerprints and counts
    (here: one source row's name) still gives a new generation, so that no
    per-generation memo or ETag outlives it; one that changes nothing does not."""
    store = new_store("w")
    pipeline.build(CORPUS_DIR, store)
    before = store.generation()
    with store.writer() as w:
        pass
    assert store.generation() == before
    with store.writer() as w:
        w.s.execute(
            text(
                "UPDATE sources SET name = name || '.copy' WHERE sha256 = "
                "(SELECT min(sha256) FROM sources)"
            )
        )
        w.updated["sources"] = 1
    after = store.generation()
    assert after[:3] == before[:3] and after != before


def test_two_stores_from_the_same_corpus_are_identical(
    built: Store, new_store: Callable[[str], Store]
) -> None:
    other = new_store("other")
    pipeline.build(CORPUS_DIR, other)
    assert snapshot(other.engine) == snapshot(built.engine)


def test_a_build_on_worker_processes_is_the_serial_build(
    built: Store, new_store: Callable[[str], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the process pool (and its initializer, start_worker) serves only batches of
    # PARALLEL_MIN files or more; lowered, the five seeds go to two spawned workers
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 2)
    other = new_store("parallel")
    report = pipeline.build(CORPUS_DIR, other, workers=2)
    assert report.failed == []
    assert snapshot(other.engine) == snapshot(built.engine)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A store built once from the corpus, for tests that only read it."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('built')}/t.db")
    report = pipeline.build(CORPUS_DIR, store)
    assert report.failed == []
    return store


def test_sources_are_kept_byte_for_byte(built: Store) -> None:
    store = built
    with Session(store.engine) as s:
        stored = {r.name: (r.sha256, r.data) for r in s.scalars(select(SourceRow))}
    assert set(stored) == {p.name for p in CORPUS_FILES}
    for path in CORPUS_FILES:
        raw = path.read_bytes()
        sha, data = stored[path.name]
        assert isinstance(data, bytes)
        assert data == raw, f"{path.name}: stored bytes differ from the corpus file"
        assert sha == hashlib.sha256(raw).hexdigest()


def test_every_expression_points_at_a_stored_source(built: Store) -> None:
    store = built
    with Session(store.engine) as s:
        shas = set(s.scalars(select(SourceRow.sha256)))
        refs = {r for r in s.scalars(select(ExpressionRow.source_sha)) if r is not None}
    assert refs, "no expression records its source"
    assert refs <= shas


def test_a_smaller_corpus_with_keep_deletes_nothing(
    tmp_path: Path, new_store: Callable[[str], Store]
) -> None:
    """``build --keep``: a smaller directory deletes no expression and no source."""
    store = new_store("t")
    pipeline.build(CORPUS_DIR, store)
    before = snapshot(store.engine)
    smaller = tmp_path / "smaller"
    smaller.mkdir()
    for path in CORPUS_FILES[:-1]:
        shutil.copy(path, smaller / path.name)
    report = pipeline.build(smaller, store, prune=False)
    assert report.write is not None and not report.write.changed
    assert snapshot(store.engine) == before


def test_a_smaller_corpus_removes_what_the_file_alone_gave(
    tmp_path: Path, new_store: Callable[[str], Store]
) -> None:
    """``build`` (``--prune``): the texts of files no longer in the directory go,
    with their expressions (issue 15: the store is a fresh build's)."""
    store = new_store("t")
    pipeline.build(CORPUS_DIR, store)
    before = snapshot(store.engine)
    smaller = tmp_path / "smaller"
    smaller.mkdir()
    for path in CORPUS_FILES[:-1]:
        shutil.copy(path, smaller / path.name)
    report = pipeline.build(smaller, store)
    assert report.write is not None and report.write.deleted.get("sources") == 1
    after = snapshot(store.engine)
    assert len(after["sources"]) == len(before["sources"]) - 1
    assert len(after["expressions"]) < len(before["expressions"])


def test_a_changed_text_replaces_its_stored_expression(
    tmp_path: Path, new_store: Callable[[str], Store]
) -> None:
    """A file whose bytes changed gives its expression the new text (before
    issue 15 the stored text was kept and reported; a fresh build of the
    directory holds the new one)."""
    store = new_store("t")
    pipeline.build(CORPUS_DIR, store)
    with Session(store.engine) as s:
        before = {r.uri: r.akn for r in s.scalars(select(ExpressionRow))}
    edited = tmp_path / "edited"
    shutil.copytree(CORPUS_DIR, edited)
    target = next(p for p in edited.glob("004_*.txt"))
    raw = target.read_bytes()
    old, new = "мигра".encode(), "МИГРА".encode()
    assert old in raw
    target.write_bytes(raw.replace(old, new, 1))
    report = pipeline.build(edited, store)
    assert report.failed == []
    assert report.write is not None
    assert report.write.inserted.get("sources") == 1
    assert report.write.deleted.get("sources") == 1
    with Session(store.engine) as s:
        after = {r.uri: r.akn for r in s.scalars(select(ExpressionRow))}
    assert after.keys() == before.keys()
    (changed,) = [u for u in after if after[u] != before[u]]
    assert "/rus@" in changed and "МИГРА".encode() in after[changed]


# -- atomic writes ------------------------------------------------------------------


def _half_corpus_store(store: Store, corpus_docs: Docs) -> None:
    graph, sources = graph_and_sources(corpus_docs[:2])
    report = store.write(graph, sources)
    assert report.changed


def _count_inserts(store: Store) -> list[str]:
    seen: list[str] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def _record(
        conn: object,
        cursor: object,
        statement: str,
        params: object,
        context: object,
        executemany: bool,
    ) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            seen.append(statement)

    return seen


@pytest.mark.parametrize("fail_at", [1, 2, 3, 5, 8])
def test_failing_flush_leaves_the_store_as_it_was(
    fail_at: int,
    corpus_docs: Docs,
    new_store: Callable[[str], Store],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = new_store("t")
    _half_corpus_store(store, corpus_docs)
    before = snapshot(store.engine)
    graph, sources = graph_and_sources(corpus_docs)

    real_flush = Session.flush
    calls = {"n": 0}

    def flaky_flush(self: Session, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise OperationalError("INSERT ...", {}, Exception("disk I/O error"))
        real_flush(self, *args, **kwargs)  # type: ignore[arg-type]

    writes = _count_inserts(store)
    monkeypatch.setattr(Session, "flush", flaky_flush)
    with pytest.raises(StoreError) as info:
        store.write(graph, sources)
    monkeypatch.undo()

    assert calls["n"] == fail_at
    if fail_at > 2:
        assert writes, "the failure was meant to come after rows were sent"
    assert info.value.exit_code == 4
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"store sqlite:///{Path(store.engine.url.database or '')}")
    assert "OperationalError" in message
    assert isinstance(info.value.__cause__, OperationalError)
    assert snapshot(store.engine) == before

    # the store is still usable and the same write now succeeds
    assert store.write(graph, sources).changed
    assert counts(snapshot(store.engine))["sources"] == 5


def test_duplicate_effect_key_is_a_store_error_and_writes_nothing(
    corpus_docs: Docs, new_store: Callable[[str], Store]
) -> None:
    store = new_store("t")
    _half_corpus_store(store, corpus_docs)
    before = snapshot(store.engine)
    graph, sources = graph_and_sources(corpus_docs)
    dup = dataclasses.replace(graph.effects[0], text=graph.effects[0].text + " (again)")
    assert dup.key == graph.effects[0].key
    graph.effects.append(dup)
    writes = _count_inserts(store)
    with pytest.raises(StoreError) as info:
        store.write(graph, sources)
    assert writes, "rows were sent before the constraint failed"
    assert isinstance(info.value.__cause__, IntegrityError)
    assert "IntegrityError" in str(info.value)
    assert snapshot(store.engine) == before


def test_failing_build_leaves_an_empty_store_empty(
    new_store: Callable[[str], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store("t")
    empty = snapshot(store.engine)
    assert set(empty) >= TABLES
    assert not any(empty[t] for t in TABLES)
    real_flush = Session.flush
    calls = {"n": 0}

    def flaky_flush(self: Session, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OperationalError("INSERT ...", {}, Exception("disk I/O error"))
        real_flush(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Session, "flush", flaky_flush)
    with pytest.raises(StoreError):
        pipeline.build(CORPUS_DIR, store)
    monkeypatch.undo()
    assert snapshot(store.engine) == empty


def test_locked_database_is_a_store_error_and_writes_nothing(
    tmp_path: Path, corpus_docs: Docs, new_store: Callable[[str], Store]
) -> None:
    """A real failure: another writer holds the SQLite write lock."""
    store = new_store("t")
    _half_corpus_store(store, corpus_docs)
    before = snapshot(store.engine)
    graph, sources = graph_and_sources(corpus_docs)
    impatient = Store(create_engine(f"sqlite:///{tmp_path}/t.db", connect_args={"timeout": 0.05}))
    holder = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError) as info:
            impatient.write(graph, sources)
        assert "locked" in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(store.engine) == before
    assert impatient.write(graph, sources).changed


def test_open_store_bad_url_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_store("nosuchdialect://x/y")
    assert info.value.exit_code == 4
    assert "nosuchdialect" in str(info.value)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{blocker}/sub/t.db")


def test_lexversion_db_env_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path}/env.db"
    monkeypatch.setenv("LEXVERSION_DB", url)
    store = open_store(None)
    assert str(store.engine.url) == url
    assert (tmp_path / "env.db").exists()


# -- reading ------------------------------------------------------------------------


def test_reads_after_a_build(built: Store) -> None:
    store = built
    works = store.works()
    uris = [w.frbr_uri for w in works]
    assert uris == sorted(uris)
    assert sum(not w.stub for w in works) == 5
    uri = "/akn/kz-19/act/decision/2017-12-15/26-129"
    tl = store.timeline(uri)
    assert tl.adoption is not None and tl.adoption.certainty == "stated"
    kinds = sorted(e.kind for e in tl.expressions)
    assert kinds == ["consolidated", "reconstructed"]
    for e in tl.expressions:
        akn = store.expression_akn(e.uri)
        assert akn.startswith(b"<?xml")
    items = store.history(uri)
    assert [i.type for i in items][:2] == ["adoption", "registration"]
    with Session(store.engine) as s:
        n = s.execute(text("SELECT count(*) FROM citations WHERE citing = :u"), {"u": uri})
        assert len(store.citations_of(uri)) == n.scalar_one()


def test_store_created_before_migrations_still_opens(tmp_path: Path, corpus_docs: Docs) -> None:
    from lexversion.store.rows import Base

    url = f"sqlite:///{tmp_path}/old.db"
    engine = create_engine(url)
    Base.metadata.create_all(engine)  # what open_store did before migrations existed
    graph, sources = graph_and_sources(corpus_docs)
    Store(engine).write(graph, sources)
    before = snapshot(engine)
    engine.dispose()
    store = open_store(url)
    assert len(store.works()) == 26
    assert {t: r for t, r in snapshot(store.engine).items() if t in TABLES} == {
        t: r for t, r in before.items() if t in TABLES
    }
