"""The stat cache of builds (issue 15): a build reads again only the files
whose stat changed (:func:`lexversion.app.incremental.hash_files_cached`),
and gives what reading every file gives (:func:`~lexversion.app.incremental.hash_files`)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from lexversion.app import incremental as inc
from lexversion.app import ingest
from lexversion.app.ingest import build
from lexversion.store import open_store
from tests.conftest import CORPUS

OLD = 1_000_000_000_000_000_000  # 2001-09-09, in ns: long before any build


def _old(p: Path, mtime_ns: int = OLD) -> None:
    os.utime(p, ns=(mtime_ns, mtime_ns))


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths :func:`~lexversion.app.incremental.read_hash` reads from now on."""
    read: list[str] = []
    real = inc.read_hash

    def counted(path: str) -> Any:
        read.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(inc, "read_hash", counted)
    return read


def _built(tmp_path: Path) -> tuple[Path, str]:
    d = tmp_path / "c"
    d.mkdir()
    for f in CORPUS:
        shutil.copyfile(f, d / f.name)
        _old(d / f.name)
    url = f"sqlite:///{tmp_path / 's.db'}"
    build(d, open_store(url), workers=1)
    return d, url


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any) -> Any:
        raise AssertionError("parsed again")

    monkeypatch.setattr(ingest, "parse", refuse)


def test_a_no_change_build_reads_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d, url = _built(tmp_path)
    read = _counting(monkeypatch)
    report = build(d, open_store(url), workers=1)
    assert read == []
    assert report.write is not None and not report.write.changed


def test_a_file_touched_is_read_again_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d, url = _built(tmp_path)
    read = _counting(monkeypatch)
    _refuse_parsing(monkeypatch)
    _old(d / CORPUS[0].name, OLD + 10**9)  # touched: same bytes, another mtime
    report = build(d, open_store(url), workers=1)
    assert read == [CORPUS[0].name]
    assert report.write is not None and not report.write.changed
    read.clear()
    build(d, open_store(url), workers=1)  # its new stat is kept
    assert read == []


def _same_size_other_bytes(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[:-1] + (b"\n" if data[-1:] != b"\n" else b" "))


def test_bytes_changed_with_size_and_mtime_put_back_are_seen_by_ctime(tmp_path: Path) -> None:
    d, url = _built(tmp_path)
    p = d / CORPUS[0].name
    _same_size_other_bytes(p)
    _old(p)  # size and mtime as the cache holds them; the ctime is new
    report = build(d, open_store(url), workers=1)
    assert report.write is not None and report.write.changed


def test_what_no_stat_shows_a_rehash_or_fresh_build_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a change no stat shows (the clock set back, a filesystem without ctime):
    # made here by giving the cache the changed file's stat with the old hash
    d, url = _built(tmp_path)
    p = d / CORPUS[0].name
    engine = create_engine(url)
    with engine.begin() as conn:
        _same_size_other_bytes(p)
        _old(p)
        _size, _mtime, ctime, inode = inc.stat_of(os.stat(p))
        conn.execute(
            text("UPDATE file_stats SET ctime_ns = :c, inode = :i WHERE path = :p"),
            {"c": ctime, "i": inode, "p": str(p)},
        )
    engine.dispose()
    report = build(d, open_store(url), workers=1)
    assert report.write is not None and not report.write.changed  # accepted, as git does
    monkeypatch.setenv(inc.REHASH_ENV, "1")
    report = build(d, open_store(url), workers=1)
    assert report.write is not None and report.write.changed


def test_a_file_modified_within_the_racy_window_is_not_trusted(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"one")
    mtime = os.stat(p).st_mtime_ns
    _, _, keep = inc.hash_files_cached([str(p)], {}, mtime + inc.GRANULARITY_NS)
    assert keep == {}  # the next build reads it again
    texts, _, keep = inc.hash_files_cached([str(p)], {}, mtime + inc.GRANULARITY_NS + 1)
    assert keep == {str(p): (inc.stat_of(os.stat(p)), texts[0].sha256)}


def test_a_build_over_a_file_just_written_reads_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d, url = _built(tmp_path)
    (d / CORPUS[0].name).write_bytes((d / CORPUS[0].name).read_bytes())  # mtime: now
    build(d, open_store(url), workers=1)
    read = _counting(monkeypatch)
    build(d, open_store(url), workers=1)  # the first saw it within the racy window
    assert read == [CORPUS[0].name]


# -- the fast path agrees with reading every file -------------------------------------

STEPS = st.lists(
    st.tuples(
        st.sampled_from(["write", "write-same-size", "touch", "put-mtime-back", "remove"]),
        st.integers(0, 3),
        st.binary(min_size=1, max_size=8),
    ),
    max_size=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_the_cached_hashes_are_the_files_hashes(
    steps: list[tuple[str, int, bytes]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    d = tmp_path_factory.mktemp("files")
    paths = [str(d / f"f{k}.txt") for k in range(4)]
    for k, p in enumerate(paths):
        Path(p).write_bytes(b"start %d" % k)
        _old(Path(p))
    known: dict[str, Any] = {}
    for op, k, data in steps:
        p = Path(paths[k])
        if op == "remove":
            p.unlink(missing_ok=True)
        elif op == "touch" and p.exists():
            _old(p, OLD + 10**9 * (len(data) + 1))
        elif op == "put-mtime-back" and p.exists():
            mtime = os.stat(p).st_mtime_ns
            p.write_bytes(data)
            _old(p, mtime)
        elif op == "write-same-size" and p.exists():
            size = os.stat(p).st_size
            p.write_bytes((data * size)[:size])
        elif op.startswith("write"):
            p.write_bytes(data)
        texts, bad, keep = inc.hash_files_cached(paths, known, time.time_ns())
        assert (texts, bad) == inc.hash_files(paths)
        known.update(keep)
