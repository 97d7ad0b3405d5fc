"""Shared fixtures: the real corpus, a session cache of parsed documents, ``--regen-golden``.

The corpus is found relative to the repository root (this file's parent's
parent), so the suite runs the same from any working directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lexversion.model import Document
from lexversion.parse import parse

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"
CORPUS: list[Path] = sorted(CORPUS_DIR.glob("*.txt"))
GOLDEN_DIR = REPO_ROOT / "tests" / "golden"


def seed_of(path: Path) -> str:
    """The seed number a corpus file name opens with: ``"000"`` for ``000_2b6e....txt``."""
    return path.name.split("_", 1)[0]


def corpus_file(seed: str) -> Path:
    """The corpus file of seed ``seed`` ("000" ... "004")."""
    (path,) = [p for p in CORPUS if seed_of(p) == seed]
    return path


def corpus_texts() -> list[str]:
    """The decoded text of every corpus file, in seed order (for property tests
    that run a fast path and its plain definition over the real corpus)."""
    from lexversion.text.decode import decode

    return [decode(p.read_bytes(), p.name) for p in CORPUS]


def corpus_lines() -> list[str]:
    """Every printed line of the corpus, stripped, blank lines dropped."""
    return [ln.strip() for text in corpus_texts() for ln in text.split("\n") if ln.strip()]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.xml from the current parser instead of comparing",
    )


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to regenerate golden files."""
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(scope="session")
def corpus_paths() -> list[Path]:
    """All corpus documents, sorted by name."""
    return list(CORPUS)


@pytest.fixture(params=CORPUS, ids=seed_of)
def corpus_path(request: pytest.FixtureRequest) -> Path:
    """Each corpus document in turn (test ids are the seed numbers)."""
    path: Path = request.param
    return path


@pytest.fixture(scope="session")
def parsed() -> Callable[[Path], Document]:
    """``parsed(path)``: the :class:`Document` of a corpus file, parsed once per session."""
    cache: dict[Path, Document] = {}

    def get(path: Path) -> Document:
        path = path.resolve()
        if path not in cache:
            cache[path] = parse(path.read_bytes(), str(path.relative_to(REPO_ROOT)))
        return cache[path]

    return get


@pytest.fixture
def doc(corpus_path: Path, parsed: Callable[[Path], Document]) -> Document:
    """The parsed document of ``corpus_path`` (from the session cache)."""
    return parsed(corpus_path)


@pytest.fixture(scope="session")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store built from the corpus by ``lexversion build`` through the CLI, once
    a session (read-only for the tests); its SQLAlchemy URL."""
    from typer.testing import CliRunner

    from lexversion.cli import app

    url = f"sqlite:///{tmp_path_factory.mktemp('cli-store')}/t.db"
    result = CliRunner().invoke(app, ["build", str(CORPUS_DIR), "--db", url])
    assert result.exit_code == 0, result.stderr
    return url
