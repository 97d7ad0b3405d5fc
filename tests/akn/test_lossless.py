"""Invariant 1 (ARCHITECTURE.md): the AKN text outside ``<meta>`` holds exactly the
non-whitespace characters of the source, as a multiset. Nothing dropped, nothing invented."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import NS
from lexversion.model import Document
from lexversion.text.decode import decode


def nonspace(text: str) -> Counter[str]:
    """Multiset of the non-whitespace characters of ``text``."""
    return Counter(ch for ch in text if not ch.isspace())


def text_outside_meta(xml: bytes) -> str:
    """All text content of ``xml`` with every ``<meta>`` element (and its tail kept) removed."""
    root = etree.fromstring(xml)
    for meta in list(root.iter(f"{{{NS}}}meta")):
        parent = meta.getparent()
        assert parent is not None
        if meta.tail:  # keep the text that follows the element
            prev = meta.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + meta.tail
            else:
                parent.text = (parent.text or "") + meta.tail
        parent.remove(meta)
    return "".join(root.itertext())


def _describe(missing: Counter[str], extra: Counter[str]) -> str:
    def fmt(c: Counter[str]) -> str:
        return ", ".join(f"{ch!r}x{n}" for ch, n in c.most_common(15)) or "none"

    return f"missing from AKN: {fmt(missing)}; invented in AKN: {fmt(extra)}"


def test_akn_is_lossless(corpus_path: Path, doc: Document) -> None:
    source = nonspace(decode(corpus_path.read_bytes(), corpus_path.name))
    akn = nonspace(text_outside_meta(document_to_akn(doc)))
    assert akn == source, _describe(source - akn, akn - source)


def test_meta_is_excluded_and_text_kept() -> None:
    xml = (
        f'<akomaNtoso xmlns="{NS}"><act><meta><p>МЕТА</p></meta>'
        "<body><p>а б</p></body></act></akomaNtoso>"
    ).encode()
    assert nonspace(text_outside_meta(xml)) == nonspace("аб")


def test_the_check_detects_a_dropped_or_invented_character(doc: Document) -> None:
    """Sanity: the comparison is sharp enough to see one character."""
    text = text_outside_meta(document_to_akn(doc))
    source = nonspace(doc.text)
    i = next(i for i, ch in enumerate(text) if not ch.isspace())
    dropped = text[:i] + text[i + 1 :]
    invented = text + "ә"
    swapped = text[:i] + ("x" if text[i] != "x" else "y") + text[i + 1 :]
    respaced = " ".join(text.split())  # whitespace alone may change
    assert nonspace(dropped) != source
    assert nonspace(invented) != source
    assert nonspace(swapped) != source
    assert nonspace(respaced) == source
