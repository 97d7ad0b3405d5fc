"""Fixtures for the graph properties: the corpus summarised once, and built once
into a SQLite store whose timelines the point-in-time properties ask."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lexversion import build
from lexversion.graph import summarize
from lexversion.model import DocSummary, Document
from lexversion.model.timeline import WorkTimeline
from lexversion.store import open_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def summaries(corpus_paths: list[Path], parsed: Callable[[Path], Document]) -> list[DocSummary]:
    """The :class:`DocSummary` of every corpus text, in file-name order."""
    return [summarize(parsed(p)) for p in corpus_paths]


@pytest.fixture(scope="session")
def timelines(tmp_path_factory: pytest.TempPathFactory) -> list[WorkTimeline]:
    """The timeline of every work (stubs included) of the corpus built into a store."""
    url = f"sqlite:///{tmp_path_factory.mktemp('graph') / 'corpus.db'}"
    report = build(ROOT / "corpus", url)
    assert not report.failed
    store = open_store(url)
    return [store.timeline(w.frbr_uri) for w in store.works()]
