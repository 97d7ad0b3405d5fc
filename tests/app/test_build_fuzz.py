"""A build never dies of one file (issue 16, lexversion.app.ingest).

Whole-build fuzzing: corpus files mutated the ways an export goes wrong (lines
deleted or printed twice, characters changed, day and year numbers changed) are
built, with the untouched files beside them, into a SQLite store holding the
clean corpus (the update path) or into a fresh one. Whatever the mutation, the
build returns a report: every file is built or skipped with one line naming it,
and the store answers afterwards.

Bounded for every test run: ``LEXVERSION_FUZZ_EXAMPLES`` examples (default 6,
about 4 s each); a long run sets it higher, e.g. ``LEXVERSION_FUZZ_EXAMPLES=400
pytest tests/app/test_build_fuzz.py``. Cases found by fuzzing are regression
tests in tests/graph/test_failures.py and below.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexversion import build
from lexversion.store import open_store
from tests.conftest import CORPUS, corpus_file

EXAMPLES = int(os.environ.get("LEXVERSION_FUZZ_EXAMPLES", "6"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: one edit: (kind, where in the file as a fraction, a character or number)
Edit = tuple[str, float, str]


def mutate(text: str, edits: list[Edit]) -> str:
    """``text`` after ``edits``: ``del`` a line, ``dup`` a line (printed again
    after itself), ``char`` replace one character, ``day``/``year`` replace the
    first one- or two-digit (four-digit) number of a line."""
    lines = text.split("\n")
    for kind, where, what in edits:
        i = min(int(where * len(lines)), len(lines) - 1)
        line = lines[i]
        if kind == "del" and len(lines) > 1:
            del lines[i]
        elif kind == "dup":
            lines.insert(i, line)
        elif kind == "char" and line:
            j = min(int(where * 7919) % len(line), len(line) - 1)
            lines[i] = line[:j] + what + line[j + 1 :]
        elif kind == "day":
            lines[i] = re.sub(r"\b\d{1,2}\b", what, line, count=1)
        elif kind == "year":
            lines[i] = re.sub(r"\b(19|20)\d\d\b", what, line, count=1)
    return "\n".join(lines)


edits = st.lists(
    st.tuples(
        st.sampled_from(["del", "dup", "char", "day", "year"]),
        st.floats(0, 1, exclude_max=True),
        st.sampled_from(["0", "29", "30", "31", "99", "3024", "1066", "№", ".", " ", "N", "-"]),
    ),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def clean_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding the clean corpus (copied per example: the update path)."""
    path = tmp_path_factory.mktemp("clean") / "corpus.db"
    report = build(CORPUS[0].parent, f"sqlite:///{path}")
    assert not report.failed
    return path


def _assert_built_or_named(directory: Path, url: str) -> None:
    """Build ``directory`` into ``url``: every file is read, each skipped one is
    named by one line, the works built are in the store and answer."""
    report = build(directory, url)
    names = {str(p) for p in directory.iterdir()}
    assert set(report.files) == names
    failed = {name for name, _ in report.failed}
    assert failed <= names
    for name, message in report.failed:
        assert name in message and "\n" not in message
    assert report.works <= len(names - failed)
    store = open_store(url)
    works = store.works()
    assert len(works) >= report.works + report.stubs
    for w in works:
        assert store.timeline(w.frbr_uri).work == w.frbr_uri


@FUZZ
@given(
    mutated=st.lists(
        st.tuples(st.sampled_from(["000", "001", "002", "003", "004"]), edits),
        min_size=1,
        max_size=2,
    ),
    update=st.booleans(),
)
def test_no_mutation_of_the_corpus_crashes_a_build(
    tmp_path_factory: pytest.TempPathFactory,
    clean_store: Path,
    mutated: list[tuple[str, list[Edit]]],
    update: bool,
) -> None:
    """Any mutated corpus builds: no exception leaves ``build``, each skipped
    file is named on one line, the store answers afterwards."""
    directory = tmp_path_factory.mktemp("fuzz")
    for p in CORPUS:
        shutil.copy(p, directory / p.name)
    for seed, seed_edits in mutated:
        target = directory / corpus_file(seed).name
        target.write_text(mutate(target.read_text("utf-8"), seed_edits), "utf-8")
    db = directory.parent / f"{directory.name}.db"
    if update:
        with sqlite3.connect(clean_store) as a, sqlite3.connect(db) as b:
            a.backup(b)  # the write-ahead log included
    _assert_built_or_named(directory, f"sqlite:///{db}")


@pytest.mark.parametrize(
    ("seed", "edit"),
    [
        ("000", "sed 2d"),  # the repro: AssertionError in graph planning
        ("001", "от 19 \nфевраля 2021 => от 31 \nфевраля 2021"),  # "31 февраля" aborted the build
    ],
    ids=["title-line-deleted", "31-february"],
)
def test_one_bad_file_is_skipped_in_one_line_and_the_rest_is_built(
    tmp_path: Path, seed: str, edit: str
) -> None:
    """``lexversion build DIR`` with one broken file beside the other four: the
    four others built, and the broken one either read all the same (exit 0:
    since issue 12 the parser names an act without its title line from its
    requisites) or skipped with exit 1 and one ``skipped`` line naming it."""
    from typer.testing import CliRunner

    from lexversion.cli import app

    directory = tmp_path / "corpus"
    directory.mkdir()
    for p in CORPUS:
        shutil.copy(p, directory / p.name)
    target = directory / corpus_file(seed).name
    text = target.read_text("utf-8")
    if edit == "sed 2d":
        lines = text.split("\n")
        del lines[1]
        text = "\n".join(lines)
    else:
        old, new = edit.split(" => ")
        text = text.replace(old, new, 1)
    target.write_text(text, "utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(app, ["build", str(directory), "--db", url])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.stderr
    skipped = [ln for ln in result.stderr.splitlines() if ln.startswith("lexversion: skipped")]
    texts = {w.frbr_uri for w in open_store(url).works() if not w.stub}
    if result.exit_code == 1:
        assert len(skipped) == 1 and str(target) in skipped[0]
        assert result.stdout.startswith("built 4/5 files: 4 works")
        assert len(texts) == 4
    else:
        assert skipped == [] and result.stdout.startswith("built 5/5 files: 5 works")
        assert len(texts) == 5
