"""Golden AKN files for every corpus document, compared canonically and validated together.

``pytest --regen-golden`` rewrites ``tests/golden/<stem>.xml`` from the current
parser (still validating); review the change with ``git diff tests/golden``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.model import Document
from lexversion.parse import parse
from tests.conftest import GOLDEN_DIR, REPO_ROOT

_PARSER = etree.XMLParser(remove_blank_text=True)


def canonical(xml: bytes) -> str:
    """C14N 2.0 of ``xml`` after dropping whitespace-only text between elements."""
    root = etree.fromstring(xml, _PARSER)
    return etree.tostring(root, method="c14n2").decode("utf-8")


def _diff(expected: str, actual: str, limit: int = 60) -> str:
    def lines(s: str) -> list[str]:
        return s.replace("><", ">\n<").splitlines()

    diff = list(
        difflib.unified_diff(lines(expected), lines(actual), "golden", "parsed", lineterm="")
    )
    more = f"\n... {len(diff) - limit} more diff lines" if len(diff) > limit else ""
    return "\n".join(diff[:limit]) + more


def test_golden_akn(corpus_path: Path, doc: Document, regen_golden: bool) -> None:
    akn = document_to_akn(doc)
    problems = errors(akn)
    assert problems == [], "invalid against akomantoso30.xsd:\n" + "\n".join(problems[:20])

    golden = GOLDEN_DIR / f"{corpus_path.stem}.xml"
    if regen_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(akn)
        return
    if not golden.exists():
        pytest.fail(f"no golden file {golden.relative_to(REPO_ROOT)}: run pytest --regen-golden")
    assert errors(golden.read_bytes()) == [], "the golden file itself must stay valid"
    expected, actual = canonical(golden.read_bytes()), canonical(akn)
    assert actual == expected, (
        f"AKN of {corpus_path.name} differs from {golden.name} "
        "(review, then pytest --regen-golden):\n" + _diff(expected, actual)
    )


def test_canonical_form_ignores_indentation_only() -> None:
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    pretty = f'<a xmlns="{ns}">\n  <b x="1"  y="2">t</b>\n</a>'.encode()
    flat = f'<a xmlns="{ns}"><b y="2" x="1">t</b></a>'.encode()
    assert canonical(pretty) == canonical(flat)
    assert canonical(flat) != canonical(flat.replace(b">t<", b">u<"))


def test_akn_is_deterministic(corpus_path: Path, parsed: Callable[[Path], Document]) -> None:
    data = corpus_path.read_bytes()
    first = document_to_akn(parse(data, corpus_path.name))
    second = document_to_akn(parse(data, corpus_path.name))
    assert first == second, "two parses of the same bytes give different AKN"
    cached = parsed(corpus_path)
    assert document_to_akn(cached) == document_to_akn(cached), (
        "to_akn() twice on one Document differs"
    )
