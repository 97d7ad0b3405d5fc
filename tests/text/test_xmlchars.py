"""Characters XML cannot carry (issue 16): stand-ins of one character, repairs, and an
AKN that holds them visibly and validates."""

from __future__ import annotations

import pytest
from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.model import RepairKind
from lexversion.parse import parse
from lexversion.text.xmlchars import NOT_XML, stand_in, xml_char_repairs, xml_safe
from tests.conftest import corpus_file


@pytest.mark.parametrize(
    ("ch", "shown"),
    [("\x00", "␀"), ("\x0b", "␋"), ("\x1f", "␟"), ("\x0c", "␌"), ("\ufffe", "\ufffd"),
     ("\uffff", "\ufffd"), ("\ud800", "\ufffd")],
)  # fmt: skip
def test_stand_ins(ch: str, shown: str) -> None:
    assert NOT_XML.fullmatch(ch)
    assert stand_in(ch) == shown
    assert xml_safe(f"а{ch}б") == f"а{shown}б"


@pytest.mark.parametrize("ch", ["\t", "\n", "\r", " ", "\x7f", "\x85", "\u2028", "\ufffd", "😀"])
def test_what_xml_carries_is_left_alone(ch: str) -> None:
    assert NOT_XML.search(ch) is None
    text = f"а{ch}б"
    assert xml_safe(text) is text


def test_repairs_name_line_offset_original_and_stand_in() -> None:
    (r,) = xml_char_repairs("а\nб\x0bв")
    assert (r.kind, r.line, r.raw_start, r.raw_end, r.original, r.text) == (
        RepairKind.XML_CHAR, 2, 3, 4, "\x0b", "␋",
    )  # fmt: skip
    assert xml_char_repairs("а\nб") == ()


@pytest.mark.parametrize("ch", ["\x0b", "\x1f", "\x01", "\uffff"])
def test_a_control_character_in_the_title_is_shown_and_the_akn_validates(ch: str) -> None:
    text = corpus_file("000").read_text(encoding="utf-8")
    cut = text.index("бекіту туралы")
    doc = parse(text[:cut] + ch + text[cut:], "x.txt")
    assert [r.original for r in doc.repairs if r.kind == RepairKind.XML_CHAR] == [ch]
    assert any("XML cannot carry" in w for w in doc.warnings)
    xml = document_to_akn(doc)
    assert errors(xml) == []
    shown = stand_in(ch)
    title = etree.fromstring(xml).find(".//{*}docTitle")
    assert title is not None
    assert shown in "".join(title.itertext())
    assert ch in doc.text  # the source keeps it


def test_the_corpus_has_no_character_xml_cannot_carry() -> None:
    for seed in ("000", "001", "002", "003", "004"):
        assert xml_char_repairs(corpus_file(seed).read_text(encoding="utf-8")) == ()
