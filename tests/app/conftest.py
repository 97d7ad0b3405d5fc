"""Fixtures for the use-case tests: the real corpus built once into a temporary store."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexversion import build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """SQLAlchemy URL of a SQLite store holding the whole corpus."""
    url = f"sqlite:///{tmp_path_factory.mktemp('app-store') / 'corpus.db'}"
    report = build(ROOT / "corpus", url)
    assert not report.failed
    return url
