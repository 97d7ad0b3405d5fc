"""``akn.build`` is a pure projection of the Document (issue 11): it reads no text
again, and a document whose texts changed is marked again before it is projected."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

from lexversion.akn import build
from lexversion.akn.build import document_to_akn
from lexversion.model import Document
from lexversion.parse.marks import mark
from lexversion.timeline.modify import reverse


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.ImportFrom) and n.module:
            out.add(n.module)
        elif isinstance(n, ast.Import):
            out.update(a.name for a in n.names)
    return out


def test_the_projection_imports_nothing_from_parse() -> None:
    for path in Path(build.__file__).parent.glob("*.py"):
        bad = {m for m in _imports(path) if m.startswith(("lexversion.parse", "lexversion.lang"))}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_marks_are_recomputed_identically(doc: Document) -> None:
    assert mark(doc).marks == doc.marks
    assert document_to_akn(mark(doc)) == document_to_akn(doc)


def test_a_document_without_marks_has_no_inline_markup(doc: Document) -> None:
    bare = replace(doc, marks=type(doc.marks)())
    assert b"<ref " not in document_to_akn(bare)


def test_reverse_marks_the_changed_texts(doc: Document) -> None:
    back = reverse(doc, [])
    assert back.marks == mark(back).marks
