"""Complete structure in the AKN of seed 003, the long 2003 programme (issue 3, item 4):
sections, the passport and the fixed-width tables as ``table`` rows and cells,
signatories and the approval list as ``signature``/``role``, the extract of the
repealing decision as an ``embeddedStructure`` apart from the act's own body."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.akn.json import document_json
from lexversion.akn.validate import NS
from lexversion.model import Document
from tests.conftest import corpus_file

Q = f"{{{NS}}}"


@pytest.fixture(scope="module")
def akn003(parsed: Callable[[Path], Document]) -> etree._Element:  # type: ignore[misc]
    return etree.fromstring(document_to_akn(parsed(corpus_file("003"))))


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _rows(table: etree._Element) -> list[list[str]]:
    return [[_text(c) for c in tr] for tr in table.iter(f"{Q}tr")]


def test_sections_one_to_eight_and_five_one(akn003: etree._Element) -> None:
    att = akn003.find(f".//{Q}attachment[@eId='att_1']")
    assert att is not None
    sections = [s.get("eId") for s in att.iter(f"{Q}section")]
    assert sections == [f"att_1__sec_{n}" for n in range(1, 9)]
    assert [s.get("eId") for s in att.iter(f"{Q}subsection")] == [
        "att_1__sec_5__subsec_5-1",
        "att_1__sec_5__subsec_5-2",
    ]


def test_passport_is_a_table_of_labels_and_values(akn003: etree._Element) -> None:
    table = akn003.find(f".//{Q}table[@eId='att_1__sec_1__table_1']")
    assert table is not None and table.get("class") == "passport"
    rows = _rows(table)
    assert len(rows) == 8 and all(len(r) == 2 for r in rows)
    labels = [r[0] for r in rows]
    assert labels[0] == "Атауы" and labels[1] == "Негізгі әзірлеуші"
    assert labels[-1] == "Күтілетін нәтижелер"
    assert rows[0][1].startswith("2003-2005 жылдар кезеңіне арналған")
    cited = [r.get("href") for r in table.iter(f"{Q}ref")]
    assert "/akn/kz/act/law/2002-03-27/313-ii" in cited


def test_migration_table_rows_and_cells(akn003: etree._Element) -> None:
    table = akn003.find(f".//{Q}table[@eId='att_2__table_1']")
    assert table is not None
    rows = _rows(table)
    assert len(rows) == 16
    header = table.find(f"{Q}tr")
    assert header is not None and all(c.tag == f"{Q}th" for c in header)
    assert rows[0][:2] == ["Қозғалыс мәтіні", "1999 ж."] and len(rows[0]) == 6
    assert ["Барлық келгендер", "61704", "68950", "62134", "15153", "207941"] in rows
    assert ["Келгендер", "226", "110", "236", "51", "623"] in rows  # letter-spaced in the source
    headings = [tr for tr in table.iter(f"{Q}tr") if len(tr) == 1]
    assert [_text(h) for h in headings] == [
        "Алыс шетелдермен халықаралық көші-қон:",
        "ТМД елдерімен көші-қон:",
        "Елдің басқа аймақтарынан:",
    ]
    assert all(h[0].get("colspan") == "6" for h in headings)
    container = table.getparent()
    assert container is not None
    assert [p.get("class") for p in container if p.tag == f"{Q}p"] == ["rule", "rule", "rule"]


def test_measures_table_cells_span_lines(akn003: etree._Element) -> None:
    table = akn003.find(f".//{Q}table[@eId='att_3__table_1']")
    assert table is not None
    rows = _rows(table)
    assert len(rows) == 32  # header, 5 group headings, 21 measures, 5 sub-measures А)-Д)
    assert rows[0] == [
        "Рет N",
        "Шаралар",
        "Аяқталу қалпы",
        "Орындауға жауаптылар",
        "Орындалу мерзімі",
    ]
    groups = [r[0] for r in rows if len(r) == 1]
    assert len(groups) == 5 and groups[0].startswith("1. Ұйымдастырушылық")
    numbered = [r for r in rows[1:] if len(r) == 5]
    assert [r[0] for r in numbered if r[0].endswith(".")] == [f"{n}." for n in range(1, 22)]
    assert [r[0] for r in numbered if r[0].endswith(")")] == ["А)", "Б)", "В)", "Г)", "Д)"]
    first = next(r for r in numbered if r[0] == "1.")
    assert first[1].startswith("Қала құрылымдарымен бірлескен ақпарат жүйесін құру жолы")
    assert first[1].endswith("пайымдау:")
    assert first[2] == "Қала әкімінің үкімі"
    assert first[3] == "Көші-қон және де. мография басқар. масы"
    assert first[4] == "үшінші тоқсан, 2003 ж."


def test_signatories_and_approval_list(akn003: etree._Element) -> None:
    con = akn003.find(f".//{Q}conclusions")
    assert con is not None
    own = [s for s in con if s.tag == f"{Q}p" and s.get("class") == "signature"]
    assert [_text(p) for p in own] == [
        "Астана қаласы мәслихаты сессиясының төрағасы",
        "Астана қаласы мәслихатының хатшысы",
    ]
    approval = con.find(f"{Q}container[@name='approvalList']")
    assert approval is not None
    roles = [_text(r) for r in approval.iter(f"{Q}role")]
    assert len(roles) == 15
    assert roles[0] == "Астана қаласы бойынша Көші-қон және демография басқармасының бастығы"
    assert roles[-1] == '"Ақбота" қоғамдық қорының атқарушы директоры'
    for role in con.iter(f"{Q}role"):
        assert role.getparent() is not None and role.getparent().tag == f"{Q}signature"  # type: ignore[union-attr]


def test_people_are_persons(parsed: Callable[[Path], Document]) -> None:
    root = etree.fromstring(document_to_akn(parsed(corpus_file("000"))))
    people = [_text(p) for p in root.iter(f"{Q}person")]
    assert people == ["Р. Ибраимова", "С. Дүйсембінов"]
    roles = [_text(r) for r in root.iter(f"{Q}role")]
    assert roles == ["Облыстық мәслихат сессиясының төрағасы", "Облыстық мәслихаттың хатшысы"]


def test_extract_of_the_repealing_decision_is_embedded(akn003: etree._Element) -> None:
    emb = akn003.find(f".//{Q}preface//{Q}embeddedStructure")
    assert emb is not None
    assert emb.get("href") == "/akn/kz-71/act/decision/2006-09-21/285-35-iii"
    paras = [p.get("eId") for p in emb.iter(f"{Q}paragraph")]
    assert paras == [
        "preface__container_1__embeddedStructure_1__para_1",
        "preface__container_1__embeddedStructure_1__para_2",
        "preface__container_1__embeddedStructure_1__para_6",
    ]
    assert len(list(emb.iter(f"{Q}omissis"))) == 2
    body = akn003.find(f"{Q}act/{Q}body")
    assert body is not None
    assert [p.get("eId") for p in body.iter(f"{Q}paragraph")] == ["para_1"]


def test_json_lists_the_tables(parsed: Callable[[Path], Document]) -> None:
    tables = document_json(parsed(corpus_file("003")))["structure"]["tables"]
    assert [(t["eid"], t["name"], t["rows"], t["columns"]) for t in tables] == [
        ("att_1__sec_1__table_1", "passport", 8, 2),
        ("att_2__table_1", "table", 16, 6),
        ("att_3__table_1", "table", 32, 5),
    ]
