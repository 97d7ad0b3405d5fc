"""The eId rules of :mod:`lexversion.akn.eids` (AKN-NC v1.0 section 4.8), table-driven
after bluebell's ``tests/test_eids.py``, and every eId of every golden AKN file
read back through them."""

from __future__ import annotations

import pytest
from lxml import etree

from lexversion.akn import eids
from lexversion.akn.namespaces import NS
from tests.conftest import GOLDEN_DIR


@pytest.mark.parametrize(
    ("num", "key"),
    [
        ("1)", "1"),
        ("1.", "1"),
        ("3-1.", "3-1"),
        ("5.1.", "5-1"),
        ("1-тарау.", "1"),
        ("Глава 2.", "2"),
        ("12-бөлім", "12"),
        ("А)", "а"),
        ("б)", "б"),
        ("Ә)", "ә"),
        ("ж.", "ж"),
        ("a)", "a"),
        ("IV.", "iv"),
        (")", "nn"),
        ("", "nn"),
    ],
)
def test_clean_num(num: str, key: str) -> None:
    assert eids.clean_num(num) == key


@pytest.mark.parametrize(
    ("parent", "element", "key", "eid"),
    [
        ("", "chapter", "1", "chp_1"),
        ("", "paragraph", 3, "para_3"),
        ("chp_1", "paragraph", "3", "chp_1__para_3"),
        ("para_3", "point", "а", "para_3__point_а"),
        ("att_1", "section", "5", "att_1__sec_5"),
        ("att_1__sec_5", "subsection", "5-1", "att_1__sec_5__subsec_5-1"),
        ("para_2", "blockList", 1, "para_2__list_1"),
        ("para_2__list_1", "item", 4, "para_2__list_1__item_4"),
        ("para_2__list_1", "listIntroduction", "", "para_2__list_1__intro"),
        ("att_2", "table", 1, "att_2__table_1"),
        ("att_2__table_1", "blockContainer", "", "att_2__table_1__container"),
        ("", "note", 2, "note_2"),
        ("para_7", "note", 1, "para_7__note_1"),
        ("preface", "container", 1, "preface__container_1"),
        ("preface", "note", 1, "preface__note_1"),
        ("conclusions", "container", 2, "conclusions__container_2"),
        ("conclusions", "role", 15, "conclusions__role_15"),
        ("conclusions", "person", 3, "conclusions__person_3"),
        ("", "hcontainer", 1, "hcontainer_1"),
        (
            "preface__container_1",
            "embeddedStructure",
            1,
            "preface__container_1__embeddedStructure_1",
        ),
        ("", "attachment", 2, "att_2"),
        ("", "eventRef", 1, "e_1"),
        ("", "activeModification", 1, "amod_1"),
        ("", "passiveModification", 2, "pmod_2"),
        ("", "passiveRef", 1, "pref_1"),
        ("", "activeRef", 3, "aref_3"),
        ("amod_1", "old", 1, "amod_1__old_1"),
        ("amod_1", "new", 1, "amod_1__new_1"),
    ],
)
def test_child(parent: str, element: str, key: str | int, eid: str) -> None:
    assert eids.child(parent, element, key) == eid


def test_unique_suffixes_the_second_and_later_siblings() -> None:
    seen: dict[str, int] = {}
    got = [eids.unique(b, seen) for b in ("para_1", "para_2", "para_1", "para_1", "para_2")]
    assert got == ["para_1", "para_2", "para_1-2", "para_1-3", "para_2-2"]


@pytest.mark.parametrize(
    ("eid", "old", "new", "out"),
    [
        ("att_1__chp_1__para_2", "att_1", "", "chp_1__para_2"),
        ("att_1", "att_1", "", ""),
        ("att_1", "att_1", "body", "body"),
        ("att_1__para_2", "att_1", "att_3", "att_3__para_2"),
        ("para_2", "att_1", "", "para_2"),
    ],
)
def test_rebase(eid: str, old: str, new: str, out: str) -> None:
    assert eids.rebase(eid, old, new) == out


@pytest.mark.parametrize(
    ("parent", "element", "num", "eid"),
    [
        ("body", "paragraph", "3", "para_3"),
        ("", "point", "2", "point_2"),
        ("att_1", "chapter", "1", "att_1__chp_1"),
        ("att_1", "paragraph", "5.1", "att_1__para_5-1"),
        ("", "annex", "1", "para_1"),
    ],
)
def test_provision(parent: str, element: str, num: str, eid: str) -> None:
    assert eids.provision(parent, element, num) == eid


def test_before() -> None:
    base = "preface__container_1__embeddedStructure_1"
    assert eids.before(base + "__para_2", "paragraph") == base
    assert eids.before(base, "paragraph") == base


@pytest.mark.parametrize("bad", ["", "para", "para__", "1_para", "preface__"])
def test_split_refuses_what_is_not_an_eid(bad: str) -> None:
    with pytest.raises(ValueError, match="not an AKN eId part"):
        eids.split(bad)


#: ``references`` entries named, not numbered (AKN-NC 4.8.4 leaves their names free)
#: the named entries of ``references`` (AKN-NC 4.8.4: TLC eIds are names)
_NAMED = {
    "original",
    "lexversion",
    "issuer",
    "adoption",
    "registration",
    "publication",
    "entryIntoForce",
    "application",
    "amendment",
    "repeal",
    "inForce",
    "inEffect",
}


def _golden_eids() -> list[tuple[str, str]]:
    out = []
    for path in sorted(GOLDEN_DIR.glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        out += [(path.name, el.get("eId")) for el in root.iter() if el.get("eId") is not None]
    return out


def test_every_golden_eid_round_trips_through_the_rules() -> None:
    found = _golden_eids()
    assert len(found) > 300
    prefixes = set(eids.PREFIX.values())
    for name, eid in found:
        if eid in _NAMED:
            continue
        parts = eids.split(eid)
        assert eids.compose(parts) == eid, (name, eid)
        assert {p.prefix for p in parts} <= prefixes, (name, eid)
        for p in parts:
            if p.prefix in {"chp", "sec", "subsec", "para", "point"}:
                # a cleaned number, or one with its uniqueness suffix "-n"
                base, _, dup = p.key.rpartition("-")
                clean = eids.clean_num(p.key) == p.key
                assert clean or (dup.isdigit() and eids.clean_num(base) == base), (name, eid)


def test_golden_eids_are_unique_per_document() -> None:
    by_file: dict[str, list[str]] = {}
    for name, eid in _golden_eids():
        by_file.setdefault(name, []).append(eid)
    for name, ids in by_file.items():
        assert len(ids) == len(set(ids)), name


def test_golden_children_extend_their_parent_eid() -> None:
    """A hierarchical element's eId is its nearest numbered ancestor's plus parts."""
    tags = {f"{{{NS}}}{t}" for t in ("chapter", "section", "subsection", "paragraph", "point")}
    for path in sorted(GOLDEN_DIR.glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        for el in root.iter(*tags):
            up = el.getparent()
            while up is not None and up.tag not in tags | {f"{{{NS}}}attachment"}:
                up = up.getparent()
            if (
                up is not None
                and up.getparent() is not None
                and "embedded" not in str(el.get("eId"))
            ):
                parent = up.get("eId") or ""
                assert eids.split(el.get("eId") or "")[:-1] == eids.split(parent), (
                    path.name,
                    el.get("eId"),
                )
