"""The memo of a long-running reader (:mod:`lexversion.store.memo`,
:class:`lexversion.store.live.LiveStore`): a generation's per-work reads are
made once, answer exactly as the store does, and are never given to a
snapshot of another generation; the generation itself is read again only
after a commit."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event

from lexversion.errors import NotFound
from lexversion.model import Document
from lexversion.store import Store, open_store
from lexversion.store.live import LiveStore
from lexversion.store.memo import RECORD_BYTES, Memo, MemoStore, kept
from tests.store.conftest import graph_and_sources
from tests.store.test_snapshot import mark, url  # noqa: F401 (the fixture: each backend)


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements SQLAlchemy runs on ``engine`` inside the block."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_the_least_recently_used_go_beyond_the_budget() -> None:
    memo = Memo(budget=3 * RECORD_BYTES)
    for key in "abc":
        memo.put(key, object())
    memo.peek("a")  # a is now the most recently used
    memo.put("d", object())
    assert memo.peek("b", None) is None
    assert all(memo.peek(k, None) is not None for k in "acd")
    assert memo.get("b", lambda: "made") == "made"
    assert len(Memo(budget=0)) == 0 and Memo(budget=0).get("x", lambda: 1) == 1


def test_a_read_that_raises_is_not_kept() -> None:
    memo = Memo()

    def missing() -> str:
        raise NotFound("no such work")

    with pytest.raises(NotFound):
        memo.get("w", missing)
    assert memo.get("w", lambda: "found") == "found"


def _reads(s: Store, works: Sequence[str]) -> list[Any]:
    """Every per-work read a page or API answer makes, for each of ``works``."""
    out: list[Any] = [s.works_by_uri([*works, "/akn/kz/act/law/1900-01-01/none"])]
    for uri in works:
        tl = s.timeline(uri)
        out += [s.work(uri), tl, s.timeline(uri, cited_by=False), s.history(uri)]
        out += [s.citations_of(uri), s.warnings(uri)]
        for x in tl.expressions:
            out += [s.expression_akn(x.uri), s.sources_of(x.uri)]
    return out


def test_a_memo_store_answers_as_the_store_and_reads_each_once(
    corpus_docs: list[tuple[Document, bytes]], new_store: Callable[[str], Store]
) -> None:
    store = new_store("memo")
    store.write(*graph_and_sources(corpus_docs))
    works = [w.frbr_uri for w in store.works()]
    with store.snapshot() as snap, snap.connection() as conn:
        plain = _reads(snap, works)
        memo = MemoStore(store.engine, conn, Memo())
        with statements(store.engine) as first:
            assert _reads(memo, works) == plain
        with statements(store.engine) as second:
            assert _reads(memo, works) == plain
        assert first and not second  # the second time every read came from the memo
        assert kept(memo, "k", lambda: 1) == 1 and kept(memo, "k", lambda: 2) == 1
    assert kept(store, "k", lambda: 2) == 2  # a plain store keeps nothing
    with store.snapshot() as snap, snap.connection() as conn:  # lists handed out are copies
        memo = MemoStore(store.engine, conn, Memo())
        memo.history(works[0]).clear()
        assert memo.history(works[0]) == store.history(works[0])


def test_the_generation_is_read_again_only_after_a_commit(url: str) -> None:  # noqa: F811
    store = open_store(url)
    mark(store, "one")
    live = LiveStore(url, store)
    first = live.generation()
    with statements(store.engine) as seen:
        assert live.generation() == first
    assert not [s for s in seen if "build_state" in s]  # the mark alone said nothing changed
    mark(store, "two")
    with statements(store.engine) as seen:
        again = live.generation()
    assert again != first and again[1] == "two"
    assert [s for s in seen if "build_state" in s]
    store.engine.dispose()


def test_a_snapshot_reads_the_memo_of_its_own_generation(url: str) -> None:  # noqa: F811
    store = open_store(url)
    mark(store, "one")
    live = LiveStore(url, store)
    with live.snapshot() as before:
        assert isinstance(before, MemoStore)
        kept(before, "k", lambda: "one")
        mark(store, "two")  # a build commits while the answer is being made
        assert kept(before, "k", lambda: "?") == "one"
        with live.snapshot() as after:  # a new reader sees the new build, with a memo of its own
            assert isinstance(after, MemoStore) and after.memo is not before.memo
            assert kept(after, "k", lambda: "two") == "two"
    with live.snapshot() as later:
        assert kept(later, "k", lambda: "?") == "two"
    store.engine.dispose()
