"""Fixtures for the store tests: the corpus parsed once, fresh SQLite stores in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from lexversion.graph import build_graph
from lexversion.model import Document, Graph
from lexversion.parse import parse
from lexversion.store import Store, open_store
from lexversion.store.repository import SourceFile

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"
CORPUS_FILES = sorted(CORPUS_DIR.glob("*.txt"))

Snapshot = dict[str, list[tuple[object, ...]]]


@pytest.fixture(scope="session")
def corpus_docs() -> list[tuple[Document, bytes]]:
    """Every corpus file parsed once: (document, raw bytes), sorted by file name."""
    return [(parse(p.read_bytes(), str(p)), p.read_bytes()) for p in CORPUS_FILES]


def graph_and_sources(
    docs: Sequence[tuple[Document, bytes]],
) -> tuple[Graph, list[SourceFile]]:
    """What ``pipeline.build`` hands to ``Store.write`` for ``docs``."""
    graph = build_graph([d for d, _ in docs])
    sources = [SourceFile(d.sha256, Path(d.source).name, d.meta.lang, b) for d, b in docs]
    return graph, sources


@pytest.fixture
def new_store(tmp_path: Path) -> Callable[[str], Store]:
    """``new_store(name)``: a fresh SQLite store in ``tmp_path``."""

    def make(name: str = "t") -> Store:
        return open_store(f"sqlite:///{tmp_path}/{name}.db")

    return make


def snapshot(engine: Engine) -> Snapshot:
    """Every row of every table, sorted, for exact before/after comparisons."""
    out: Snapshot = {}
    with engine.connect() as conn:
        for table in sorted(inspect(engine).get_table_names()):
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            out[table] = sorted((tuple(r) for r in rows), key=repr)
    return out


def counts(snap: Snapshot) -> dict[str, int]:
    """Row count per table of a :func:`snapshot`."""
    return {t: len(rows) for t, rows in snap.items()}
