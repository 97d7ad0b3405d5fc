"""Invariant (ARCHITECTURE.md, principle 1): every AKN document the store holds
validates against the official XSD, not only what ``lexversion parse`` prints:
the corpus texts as stored, the reconstructed originals and the consolidated
texts made by applying effects."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import select

from lexversion.akn.validate import errors as akn_errors
from lexversion.model import Document
from lexversion.store import open_store
from lexversion.store.rows import ExpressionRow
from tests.store.conftest import graph_and_sources


@pytest.fixture(scope="module")
def stored(
    corpus_docs: Sequence[tuple[Document, bytes]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[str, bytes]]:
    """Every stored expression of the corpus: URI -> (kind, AKN)."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('akn')}/t.db")
    store.write(*graph_and_sources(corpus_docs))
    with store.connection() as conn:
        rows = conn.execute(select(ExpressionRow.uri, ExpressionRow.kind, ExpressionRow.akn))
        return {uri: (kind, akn) for uri, kind, akn in rows}


def test_the_corpus_store_holds_made_texts_too(stored: dict[str, tuple[str, bytes]]) -> None:
    """The check below covers more than the parsed texts: at least one text the
    store made (a reconstruction or a consolidation) is among them."""
    kinds = {kind for kind, _ in stored.values()}
    assert len(stored) >= 5
    assert kinds - {"official"}, kinds


def test_every_stored_expression_is_valid_akn(stored: dict[str, tuple[str, bytes]]) -> None:
    invalid = {uri: akn_errors(akn)[:3] for uri, (_, akn) in stored.items() if akn_errors(akn)}
    assert invalid == {}
