"""Incremental builds (issue 15): a text the store holds is not parsed again,
only what changed is written, and the result is byte for byte a fresh build's.

Every comparison is of :func:`canonical` dumps: every table, every row, in a
canonical order. The row ids of events, effects, citations and warnings are surrogate
keys (PostgreSQL's sequences never go back even in a fresh store), so the dump
leaves them out but keeps the order they give within a group, the order
readers ask for (citations of a citing work; events by their ``seq``); so are the
rowid ranges of ``search_expressions`` (where in SQLite's FTS5 table an
expression's rows lie, :mod:`lexversion.store.searchrows`: the rows are
compared by content). ``file_stats`` (the files' stats as the builds
saw them, a cache, :func:`lexversion.app.incremental.hash_files_cached`) is
left out. A kept
summary (``summaries.data``) is compared as the value it unpickles to: pickle
bytes depend on which equal objects the parsing process happened to share.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, inspect, make_url, text

from lexversion.app import incremental as inc
from lexversion.app import ingest, selective
from lexversion.app.ingest import add, build
from lexversion.graph import plan_graph
from lexversion.store import open_store
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]
#: the order within a group that readers rely on (by row id); other tables: all columns
GROUPED = {
    "events": "work_uri",
    "citations": "citing",
    "effects": "affected",
    "warnings": "work_uri",
}
#: a group ordered by a column of its rows, not by row id (``events.seq``,
#: :mod:`lexversion.store.eventseq`: a build may insert one row into a group)
ORDERED = {"events": "seq"}
_SUMMARIES = "SELECT data FROM summaries ORDER BY sha256"
#: SQLite FTS5's own tables (their pages depend on the order of writes, not on the rows)
FTS_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")


def _value(v: Any) -> Any:
    if isinstance(v, bytes | memoryview):
        return "sha256:" + hashlib.sha256(bytes(v)).hexdigest()
    return v


def canonical(url: str) -> list[str]:
    """Every table of the store at ``url`` as sorted JSON lines (see the module doc)."""
    engine = create_engine(url)
    out: list[str] = []
    try:
        with engine.connect() as conn:
            for table in sorted(inspect(engine).get_table_names()):
                if table.endswith(FTS_SHADOWS) and table.startswith("provision_search"):
                    continue
                if table == "file_stats":  # what the builds saw of their files: a cache
                    continue
                order = " ORDER BY sha256" if table == "summaries" else ""
                res = conn.execute(text(f'SELECT * FROM "{table}"{order}'))
                rows = [dict(zip(res.keys(), (_value(v) for v in r), strict=True)) for r in res]
                if table == "build_state":  # how many writes made it: history, not content
                    rows = [r for r in rows if r["key"] != "writes"]
                if table == "summaries":
                    for row, raw in zip(rows, conn.execute(text(_SUMMARIES)), strict=True):
                        row["data"] = repr(pickle.loads(raw[0])) if raw[0] else ""
                if table in GROUPED:
                    by = ORDERED.get(table, "id")
                    rows.sort(key=lambda r: (r[GROUPED[table]], r[by]))
                    for r in rows:
                        del r["id"]
                    out += [f"{table} {json.dumps(r, sort_keys=True, default=str)}" for r in rows]
                else:
                    for r in rows:
                        r.pop("id", None)  # a surrogate key (provision_search on PostgreSQL)
                        if table == "search_expressions":  # where its rows lie: FTS5 rowids
                            r.pop("rows_from", None)
                            r.pop("rows_to", None)
                    lines = [json.dumps(r, sort_keys=True, default=str) for r in rows]
                    out += [f"{table} {line}" for line in sorted(lines)]
    finally:
        engine.dispose()
    return out


def _urls(tmp: Path, name: str) -> str:
    return f"sqlite:///{tmp / name}.db"


@pytest.fixture
def pg_url() -> Iterator[str | None]:
    """The test PostgreSQL (``LEXVERSION_TEST_PG_URL``), emptied, or ``None``."""
    url = os.environ.get("LEXVERSION_TEST_PG_URL")
    if url:
        _empty(url)
    yield url


def _second(url: str) -> str:
    """A second database on the server of ``url`` (created when missing), for fresh builds."""
    u = make_url(url)
    engine = create_engine(u, isolation_level="AUTOCOMMIT")
    name = f"{u.database}_fresh"
    with engine.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return u.set(database=name).render_as_string(hide_password=False)


def _empty(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _fresh(directory: Path, url: str) -> list[str]:
    """The canonical dump of a fresh build of ``directory`` into ``url``."""
    if url.startswith("postgresql"):
        _empty(url)
    build(directory, open_store(url), workers=1)
    return canonical(url)


def _copy(files: list[Path], to: Path) -> Path:
    to.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copyfile(f, to / f.name)
    return to


@pytest.mark.parametrize("whole", [selective.WHOLE, 1.0])
def test_the_real_corpus_built_in_steps_is_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole: float
) -> None:
    # whole 1.0: every step planned selectively, however much of the corpus it touches
    # (the joint act of seed 002, its akimat's resolution and its title, among them)
    monkeypatch.setattr(selective, "WHOLE", whole)
    d = _copy(CORPUS[:-2], tmp_path / "c")
    url = _urls(tmp_path, "inc")
    build(d, open_store(url), workers=1)
    for f in CORPUS[-2:]:  # add one act, then another
        shutil.copyfile(f, d / f.name)
        build(d, open_store(url), workers=1)
        assert canonical(url) == _fresh(d, _urls(tmp_path, f"fresh-{f.stem}"))
    (d / CORPUS[0].name).unlink()  # remove one
    build(d, open_store(url), workers=1)
    assert canonical(url) == _fresh(d, _urls(tmp_path, "fresh-removed"))


def test_a_text_the_store_holds_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = _copy(CORPUS, tmp_path / "c")
    url = _urls(tmp_path, "s")
    build(d, open_store(url), workers=1)
    before = canonical(url)

    def refuse(*_args: Any) -> Any:
        raise AssertionError("parsed again")

    monkeypatch.setattr(ingest, "parse", refuse)
    report = build(d, open_store(url), workers=1)  # nothing changed
    assert report.write is not None and not report.write.changed
    assert canonical(url) == before
    (d / CORPUS[0].name).unlink()  # a removal is planned from the kept summaries
    report = build(d, open_store(url), workers=1)
    assert not report.failed
    assert report.write is not None and report.write.deleted.get("sources") == 1


def test_a_build_parses_each_new_text_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Planning and rendering share one parse of a text: the build keeps the
    documents it parsed (:class:`~lexversion.app.incremental.DocumentSpool`)
    and renders from them; the store is the one each parse used to give."""
    d = _copy(CORPUS, tmp_path / "c")
    parsed: list[str] = []
    real = ingest.parse

    def counting(data: bytes, source: str, *rest: Any) -> Any:
        parsed.append(Path(source).name)
        return real(data, source, *rest)

    monkeypatch.setattr(ingest, "parse", counting)
    url = _urls(tmp_path, "s")
    report = build(d, open_store(url), workers=1)
    assert not report.failed and report.expressions > len(CORPUS)
    assert sorted(parsed) == sorted(p.name for p in CORPUS)
    monkeypatch.setattr(inc, "DocumentSpool", _NoDocuments)  # every text parsed again to render
    parsed.clear()
    assert canonical(url) == _fresh(d, _urls(tmp_path, "twice"))
    assert len(parsed) == 2 * len(CORPUS)


class _NoDocuments(inc.DocumentSpool):
    """A spool that keeps nothing: the build before documents were kept."""

    def put(self, sha256: str, name: str, blob: bytes) -> None:
        pass


def test_a_packed_document_is_the_document() -> None:
    """:func:`~lexversion.app.incremental.pack` and ``unpack`` give back an equal
    document for every corpus text; the spool finds it by text and name only."""
    spool = inc.DocumentSpool()
    try:
        for path in CORPUS:
            doc = ingest.parse(path.read_bytes(), str(path))
            spool.put(doc.sha256, str(path), inc.pack(doc))
            assert inc.unpack(spool.get(doc.sha256, str(path)) or b"") == doc
            assert spool.get(doc.sha256, "elsewhere.txt") is None
            assert (doc.sha256, str(path)) in spool and (doc.sha256, "elsewhere.txt") not in spool
        assert len(spool) == len(CORPUS)
    finally:
        spool.close()


def test_with_keep_the_store_keeps_its_texts(tmp_path: Path) -> None:
    d = _copy(CORPUS, tmp_path / "c")
    url = _urls(tmp_path, "s")
    build(d, open_store(url), workers=1)
    before = canonical(url)
    (d / CORPUS[0].name).unlink()
    report = build(d, open_store(url), workers=1, prune=False)
    assert report.write is not None and not report.write.changed
    assert canonical(url) == before


def test_add_is_a_fresh_build_of_the_store_and_the_files(tmp_path: Path) -> None:
    d = _copy(CORPUS[:-1], tmp_path / "c")
    url = _urls(tmp_path, "s")
    build(d, open_store(url), workers=1)
    report = add([CORPUS[-1]], open_store(url), workers=1)
    assert not report.failed
    assert canonical(url) == _fresh(_copy(CORPUS, tmp_path / "all"), _urls(tmp_path, "fresh"))


def test_an_unchanged_build_loads_no_spacy_nor_alembic(tmp_path: Path) -> None:
    url = _urls(tmp_path, "s")
    build(ROOT / "corpus", open_store(url), workers=1)
    probe = (
        "import sys; from pathlib import Path; from lexversion.app.ingest import build;"
        "from lexversion.store import open_store;"
        f"r = build(Path({str(ROOT / 'corpus')!r}), open_store({url!r}), workers=1);"
        "assert not r.write.changed; print('spacy' in sys.modules, 'alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"  # nor Alembic: the store is at its head


# -- random sequences of add, change and remove on a synthetic corpus -------------------

N_SYN = 10


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    """Two synthetic corpora of the same file names (the second: the acts
    "changed"), from ``bench/make_corpus.py``."""
    out = []
    for seed in (1, 2):
        d = tmp_path_factory.mktemp(f"syn{seed}")
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "make_corpus.py"),
                str(N_SYN),
                str(d),
                "--seed",
                str(seed),
            ],
            check=True,
            capture_output=True,
        )
        out.append(sorted(p for p in d.iterdir() if p.suffix == ".txt"))
    return out[0], out[1]


OPS = st.lists(
    st.tuples(st.sampled_from(["add", "change", "remove"]), st.integers(0, 10**6)),
    min_size=2,
    max_size=3,
)


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each example is builds: no shrinking
)
@given(ops=OPS)
def test_random_sequences_give_a_fresh_build(
    ops: list[tuple[str, int]],
    synthetic: tuple[list[Path], list[Path]],
    tmp_path_factory: pytest.TempPathFactory,
    pg_url: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selective, "WHOLE", 1.0)  # every step planned selectively
    first, second = synthetic
    tmp = tmp_path_factory.mktemp("seq")
    d = _copy(first[: len(first) // 2], tmp / "c")
    url = pg_url or _urls(tmp, "inc")
    build(d, open_store(url), workers=1)
    for op, k in ops:
        present = sorted(p.name for p in d.iterdir())
        absent = sorted({p.name for p in first} - set(present))
        if op == "add" and absent:
            shutil.copyfile(first[0].parent / absent[k % len(absent)], d / absent[k % len(absent)])
        elif op == "change" and present:
            name = present[k % len(present)]
            shutil.copyfile(
                second[0].parent / name if (second[0].parent / name).exists() else second[0],
                d / name,
            )
        elif op == "remove" and len(present) > 1:
            (d / present[k % len(present)]).unlink()
        build(d, open_store(url), workers=1)
        fresh = _second(pg_url) if pg_url else _urls(tmp, f"fresh-{len(present)}")
        assert canonical(url) == _fresh(d, fresh)


# -- selective planning: a change planned with the texts it touches only -------------

N_CHAIN = 40


@pytest.fixture(scope="module")
def chains(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A synthetic corpus of chains: each region's rules repealed by the next,
    amended by acts cited only, every act citing the same law (a hub)."""
    d = tmp_path_factory.mktemp("chains")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(N_CHAIN), str(d)],
        check=True,
        capture_output=True,
    )
    return sorted(p for p in d.iterdir() if p.suffix == ".txt")


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(picks=st.lists(st.integers(0, 10**6), min_size=1, max_size=3))
def test_acts_added_to_their_chains_are_planned_alone_and_give_a_fresh_build(
    picks: list[int],
    chains: list[Path],
    tmp_path_factory: pytest.TempPathFactory,
    pg_url: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # acts arrive late beside the acts that repeal them, cite them or that they
    # amend: the change reaches stored works through repeals and citations
    tmp = tmp_path_factory.mktemp("sel")
    late = {chains[k % len(chains)].name[:10] for k in picks}
    d = _copy([p for p in chains if p.name[:10] not in late], tmp / "c")
    url = pg_url or _urls(tmp, "inc")
    build(d, open_store(url), workers=1)
    planned: list[int] = []
    plan = plan_graph

    def counting(docs: Any, *args: Any) -> Any:
        planned.append(sum(1 for _ in docs))
        return plan(docs, *args)

    monkeypatch.setattr(ingest, "plan_graph", counting)
    for name in sorted(late):
        add([p for p in chains if p.name.startswith(name)], open_store(url), workers=1)
    every = sum(1 for p in chains if (d / p.name).exists() or p.name[:10] in late)
    assert planned and max(planned) < every  # never the whole corpus
    whole = _copy(chains, tmp / "all")
    fresh = _second(pg_url) if pg_url else _urls(tmp, "fresh")
    assert canonical(url) == _fresh(whole, fresh)


def test_a_renamed_file_is_planned_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a warning names the file its text came from: a text under a new name is
    # planned again even when its bytes are stored (selective planning, WHOLE=1)
    monkeypatch.setattr(selective, "WHOLE", 1.0)
    d = _copy(CORPUS, tmp_path / "c")
    url = _urls(tmp_path, "inc")
    build(d, open_store(url), workers=1)
    for f in CORPUS:
        (d / f.name).rename(d / f"renamed-{f.name}")
    build(d, open_store(url), workers=1)
    assert canonical(url) == _fresh(d, _urls(tmp_path, "fresh"))
