"""Reproducible builds (issue 16, Deliver 5): what derived each text is stored,
and a change of the tools re-derives the texts.

The seed 003 text (letter-spaced Kazakh) is repaired differently with and
without Debian's Kazakh hunspell word list (scripts/system-deps installs it);
a store built without it must not keep that text once the list is installed.
``$LEXVERSION_HUNSPELL_DIR`` pointing at an empty directory is a host without
the dictionaries.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from lexversion import build
from lexversion.parse import forget_texts
from lexversion.parse.provenance import derivation
from lexversion.store import open_store
from lexversion.store.rows import DerivationRow, ExpressionRow
from tests.conftest import CORPUS_DIR

W_003 = "/akn/kz-71/act/decision/2003-04-08/225-42-ii"


@pytest.fixture
def no_dictionaries(tmp_path: Path) -> Iterator[Path]:
    """A host without the hunspell dictionaries while the test runs (caches emptied
    on the way in and out, so no other test sees answers of the wrong host)."""
    empty = tmp_path / "no-hunspell"
    empty.mkdir()
    os.environ["LEXVERSION_HUNSPELL_DIR"] = str(empty)
    forget_texts()
    try:
        yield empty
    finally:
        os.environ.pop("LEXVERSION_HUNSPELL_DIR", None)
        forget_texts()


def _texts(url: str) -> dict[str, tuple[bytes, str | None]]:
    with Session(open_store(url).engine) as s:
        rows = s.execute(select(ExpressionRow.uri, ExpressionRow.akn, ExpressionRow.derivation))
        return {uri: (akn, d) for uri, akn, d in rows}


def _described(url: str) -> dict[str, dict[str, object]]:
    with Session(open_store(url).engine) as s:
        return {
            f: json.loads(d)
            for f, d in s.execute(select(DerivationRow.fingerprint, DerivationRow.description))
        }


def test_the_fingerprint_covers_version_code_vocabularies_and_dictionaries(
    no_dictionaries: Path,
) -> None:
    """Without the dictionaries the derivation says so (None) and differs."""
    without = derivation()
    assert without.missing() == ("hunspell-kk", "hunspell-ru")
    os.environ.pop("LEXVERSION_HUNSPELL_DIR")
    with_ = derivation()
    assert with_.missing() == ()  # scripts/system-deps installs hunspell-kk and hunspell-ru
    assert with_.fingerprint != without.fingerprint
    assert (with_.version, with_.code, with_.vocabularies) == (
        without.version,
        without.code,
        without.vocabularies,
    )
    assert {"lang/kk/words.tsv", "lang/ru/bigrams.tsv"} <= dict(with_.vocabularies).keys()


def test_installing_a_dictionary_re_derives_the_texts_it_changes(
    tmp_path: Path, no_dictionaries: Path
) -> None:
    """Built without the word lists (with the warning), then with them: the
    texts are derived again (seed 003's changes), each marked with the
    dictionaries that built it; a third build changes nothing."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    first = build(CORPUS_DIR, url)
    assert any("kk_KZ word list" in w and "not installed" in w for _, w in first.warnings)
    before = _texts(url)
    os.environ.pop("LEXVERSION_HUNSPELL_DIR")
    forget_texts()
    second = build(CORPUS_DIR, url)
    assert second.write is not None
    assert second.write.updated.get("expressions") == len(before)
    after = _texts(url)
    assert after.keys() == before.keys()
    changed = {uri for uri in after if after[uri][0] != before[uri][0]}
    assert changed and all(uri.startswith(W_003) for uri in changed)
    described = _described(url)
    for _akn, fingerprint in after.values():
        assert fingerprint is not None
        assert None not in described[fingerprint]["dictionaries"].values()  # type: ignore[union-attr]
    assert len(described) == 2  # the tools of both builds stay named
    third = build(CORPUS_DIR, url)
    assert third.write is not None and not third.write.changed
