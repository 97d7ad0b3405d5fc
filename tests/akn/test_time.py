"""AKN time (issue 13, item 8): ``lifecycle`` events dated when each change
applies, ``temporalData`` periods in force and in effect, ``textualMod``\\ s from
the amending provision to the amended one, certainty in ``proprietary``; every
reference inside ``meta`` names an element that is there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.akn.namespaces import LEXVERSION
from lexversion.akn.validate import NS
from lexversion.model import Document
from tests.conftest import corpus_file

Q = f"{{{NS}}}"
DECISION_152 = "/akn/kz-75/act/decision/2017-09-15/152"


def akn(doc: Document) -> etree._Element:
    return etree.fromstring(document_to_akn(doc))


def events(root: etree._Element) -> dict[str, etree._Element]:
    """eventRef eId -> eventRef."""
    return {e.get("eId", ""): e for e in root.iter(f"{Q}eventRef")}


def by_name(root: etree._Element, name: str) -> list[etree._Element]:
    """The eventRefs of TLCEvent ``name``."""
    return [e for e in root.iter(f"{Q}eventRef") if e.get("refersTo") == f"#{name}"]


def test_every_reference_in_meta_resolves(doc: Document) -> None:
    """timeInterval start/end name eventRefs, a textualMod's period a
    temporalGroup, refersTo a TLC entry, proprietary dates eventRefs."""
    root = akn(doc)
    meta = root.find(f"{Q}act/{Q}meta")
    assert meta is not None
    evs = events(meta)
    groups = {g.get("eId") for g in meta.iter(f"{Q}temporalGroup")}
    refs = meta.find(f"{Q}references")
    assert refs is not None
    tlc = {r.get("eId") for r in refs}
    assert groups, "every dated act has its periods"
    for ti in meta.iter(f"{Q}timeInterval"):
        assert ti.get("start", "")[1:] in evs
        assert ti.get("end") is None or ti.get("end", "")[1:] in evs
        assert ti.get("refersTo", "")[1:] in tlc
    for ev in evs.values():
        assert ev.get("refersTo", "")[1:] in tlc
        assert ev.get("source", "")[1:] in tlc
    for tm in meta.iter(f"{Q}textualMod"):
        period = tm.get("period")
        assert period is None or period[1:] in groups
        assert tm.find(f"{Q}source") is not None and tm.find(f"{Q}destination") is not None
    for d in meta.iter(f"{{{LEXVERSION}}}date"):
        assert d.get("refersTo", "")[1:] in evs
        assert d.get("certainty") in {"estimated", "unknown"}


def test_two_periods_of_000(parsed: Callable[[Path], Document]) -> None:
    """Seed 000 enters into force on registration (2018-01-09) and applies ten
    days after publication (from 2018-01-20 at the earliest, estimated)."""
    root = akn(parsed(corpus_file("000")))
    (force,) = by_name(root, "entryIntoForce")
    (applies,) = by_name(root, "application")
    assert (force.get("date"), applies.get("date")) == ("2018-01-09", "2018-01-20")
    starts: dict[str | None, str | None] = {}
    for ti in root.iter(f"{Q}timeInterval"):  # the act's own periods come first
        starts.setdefault(ti.get("refersTo"), ti.get("start"))
    assert starts["#inForce"] == f"#{force.get('eId')}"
    (unsure,) = [
        d for d in root.iter(f"{{{LEXVERSION}}}date") if d.get("refersTo") == starts["#inEffect"]
    ]
    assert (unsure.get("certainty"), unsure.get("latest")) == ("estimated", "2018-10-13")


def test_changes_dated_when_they_apply(parsed: Callable[[Path], Document]) -> None:
    """The 2021 substitution in 000 applies ten days after 12-61's publication,
    not on its adoption (2021-12-14); the repeal a day after 18-84's."""
    root = akn(parsed(corpus_file("000")))
    (amend,) = by_name(root, "amendment")
    (repeal,) = by_name(root, "repeal")
    assert (amend.get("date"), amend.get("type")) == ("2021-12-25", "amendment")
    assert (repeal.get("date"), repeal.get("type")) == ("2024-04-17", "repeal")
    refs = {r.get("eId"): r.get("href") for r in root.iter(f"{Q}passiveRef")}
    assert refs[amend.get("source", "")[1:]] == "/akn/kz-19/act/decision/2021-12-14/12-61"
    # every period ends with the repeal
    assert {ti.get("end") for ti in root.iter(f"{Q}timeInterval")} == {f"#{repeal.get('eId')}"}


def test_passive_modifications_of_000(parsed: Callable[[Path], Document]) -> None:
    """The substitution's destination is the annex in this (consolidated)
    expression, its period from when it applies; the repeal's the work."""
    root = akn(parsed(corpus_file("000")))
    mods = {tm.get("type"): tm for tm in root.iter(f"{Q}textualMod")}
    dest = mods["substitution"].find(f"{Q}destination")
    assert dest is not None
    assert dest.get("href") == "/akn/kz-19/act/decision/2017-12-15/26-129/kaz@2021-12-25#att_1"
    (amend,) = by_name(root, "amendment")
    group = root.find(f".//{Q}temporalGroup[@eId='{mods['substitution'].get('period', '')[1:]}']")
    assert group is not None and group[0].get("start") == f"#{amend.get('eId')}"
    repeal_dest = mods["repeal"].find(f"{Q}destination")
    assert repeal_dest is not None
    assert repeal_dest.get("href") == "/akn/kz-19/act/decision/2017-12-15/26-129"


@pytest.mark.parametrize(
    ("seed", "sources", "destinations"),
    [
        (
            "001",
            ["/akn/kz-75/act/decision/2021-02-19/22/rus@2021-02-19#para_1"],
            [f"{DECISION_152}/rus@2021-03-12#att_1"],
        ),
        (
            "002",
            [
                "/akn/kz-71/act/decision/2024-03-07/149-19-viii/kaz@2024-03-07#para_2__point_1",
                "/akn/kz-71/act/decision/2024-03-07/149-19-viii/kaz@2024-03-07#para_2__point_2",
            ],
            [
                "/akn/kz-71/act/decision/2019-03-06/356-45-vi",
                "/akn/kz-71/act/decision/2021-11-24/106-15-vii",
            ],
        ),
        (
            "004",
            ["/akn/kz-61/act/decision/2024-09-30/12-160-viii/rus@2024-09-30#para_2"],
            ["/akn/kz-61/act/decision/2021-10-12/11-102-vii"],
        ),
    ],
)
def test_active_modifications_name_the_provisions(
    parsed: Callable[[Path], Document], seed: str, sources: list[str], destinations: list[str]
) -> None:
    """An amending act's textualMod comes from the point that says so and goes
    to the provision it changes in the expression of the day the act applies
    (a repealed act: its work)."""
    root = akn(parsed(corpus_file(seed)))
    am = root.find(f".//{Q}activeModifications")
    assert am is not None
    assert [tm.find(f"{Q}source").get("href") for tm in am] == sources  # type: ignore[union-attr]
    assert [tm.find(f"{Q}destination").get("href") for tm in am] == destinations  # type: ignore[union-attr]
    groups = {ti.getparent().get("eId"): ti.get("refersTo") for ti in root.iter(f"{Q}timeInterval")}  # type: ignore[union-attr]
    assert all(groups[tm.get("period", "")[1:]] == "#inEffect" for tm in am)


REALWORLD = Path(__file__).parents[1] / "parse" / "data" / "realworld_dev_notes.jsonl"


def test_real_notes_modifications_resolve_in_their_expression() -> None:
    """Real editorial notes (repeals, substitutions, insertions, new wordings,
    the preamble's too): each passive textualMod naming a provision names one
    of this very expression, and the AKN stays valid."""
    import json

    from lexversion.akn.validate import errors
    from lexversion.parse import parse

    kinds: set[str] = set()
    for line in REALWORLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        xml = document_to_akn(parse(record["text"].encode(), record["id"]))
        assert errors(xml) == [], record["id"]
        root = etree.fromstring(xml)
        held = {e.get("eId") for e in root.iter() if e.get("eId")}
        expr = root.find(f".//{Q}FRBRExpression/{Q}FRBRuri")
        assert expr is not None
        for tm in root.iterfind(f".//{Q}passiveModifications/{Q}textualMod"):
            kinds.add(tm.get("type", ""))
            dest = tm.find(f"{Q}destination")
            assert dest is not None
            uri, _, eid = dest.get("href", "").partition("#")
            if eid:
                assert (uri, eid in held) == (expr.get("value"), True), record["id"]
    assert {"repeal", "substitution", "insertion"} <= kinds
