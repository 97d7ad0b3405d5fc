"""Stub texts in their place (issue 13, item 5): the new edition of decision
No 152's annex (the Rules, set out in decision No 22's annex) is stored as the
annex of 152's expression, under the decision's title as No 22 cites it, so the
eIds amending instructions name resolve; and every effect's destination
resolves in the expressions it is applied in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from lexversion.akn.validate import NS, errors
from lexversion.graph import build_graph
from lexversion.model import Document, Graph
from tests.conftest import CORPUS

Q = f"{{{NS}}}"
DECISION_152 = "/akn/kz-75/act/decision/2017-09-15/152"
DECISION_22 = "/akn/kz-75/act/decision/2021-02-19/22"
#: an effect's scope -> the eId it names in the affected act's expression (None: the whole)
EID_OF_SCOPE: dict[str, str | None] = {"whole": None, "annex": "att_1"}


@pytest.fixture(scope="module")
def graph(parsed: Callable[[Path], Document]) -> Graph:
    return build_graph([parsed(p) for p in CORPUS])


def eids_of(akn: bytes) -> set[str]:
    return {e.get("eId", "") for e in etree.fromstring(akn).iter() if e.get("eId")}


def test_the_new_edition_is_the_annex_of_the_decision(graph: Graph) -> None:
    (x,) = [x for x in graph.expressions if x.work == DECISION_152]
    root = etree.fromstring(x.akn)
    assert errors(x.akn) == []
    title = root.find(f"{Q}act/{Q}preface//{Q}docTitle")
    assert title is not None
    assert (
        title.text == "Об утверждении правил регулирования миграционных процессов в городе Алматы"
    )
    body = root.find(f"{Q}act/{Q}body")
    assert body is not None and not list(body.iter(f"{Q}chapter")), (
        "the decision's own text is not in the corpus"
    )
    att = root.find(f".//{Q}attachment[@eId='att_1']")
    assert att is not None
    chapters = [c.get("eId") for c in att.iter(f"{Q}chapter")]
    assert chapters[:2] == ["att_1__chp_1", "att_1__chp_2"]
    alias = root.find(f".//{Q}attachment//{Q}FRBRWork/{Q}FRBRthis")
    assert alias is not None and alias.get("value") == f"{DECISION_152}/!annex_1"


def test_the_new_edition_records_its_modification(graph: Graph) -> None:
    """Its passiveModifications: a substitution of the annex by No 22, in the
    period from when No 22 applies (the expression's date)."""
    (x,) = [x for x in graph.expressions if x.work == DECISION_152]
    root = etree.fromstring(x.akn)
    (tm,) = root.iter(f"{Q}textualMod")
    assert tm.getparent().tag == f"{Q}passiveModifications"  # type: ignore[union-attr]
    refs = {r.get("eId"): r.get("href") for r in root.iter(f"{Q}passiveRef")}
    src = tm.find(f"{Q}source")
    dest = tm.find(f"{Q}destination")
    assert src is not None and dest is not None
    assert refs[src.get("href", "")[1:]] == DECISION_22
    assert dest.get("href") == f"{x.uri}#att_1"
    (amend,) = [e for e in root.iter(f"{Q}eventRef") if e.get("type") == "amendment"]
    assert x.date is not None and amend.get("date") == x.date.isoformat()


def test_every_effect_destination_resolves(graph: Graph) -> None:
    """Each effect naming a provision names one that is there in every
    expression it is applied in; and every textualMod destination with an eId
    resolves in the expression it names when the store holds that expression."""
    held = {x.uri: eids_of(x.akn) for x in graph.expressions}
    checked = 0
    for r in graph.effects:
        eid = EID_OF_SCOPE.get(r.scope, r.scope)
        if eid is None:
            continue
        assert r.applied_in or r.reversed_in, f"{r.key} is applied in no expression"
        for uri in r.applied_in:
            assert eid in held[uri], f"{r.key}: {eid} not in {uri}"
            checked += 1
    for x in graph.expressions:
        for dest in etree.fromstring(x.akn).iter(f"{Q}destination"):
            uri, _, eid = dest.get("href", "").partition("#")
            if eid and uri in held:
                assert eid in held[uri], f"{x.uri}: {eid} not in {uri}"
                checked += 1
    assert checked >= 4  # 000's substitution and 152's new edition, as effects and in AKN
