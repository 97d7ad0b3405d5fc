"""The registry of works (lexversion.graph.identity): a joint act is one work
(issue 13, item 3), an alias resolves to it, a repeal or amendment of either half
reaches it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from lexversion.graph import plan_graph
from lexversion.graph.identity import WorkRegistry
from lexversion.model import ActRef, DocSummary

TITLE = "Астана қаласының көші-қон процестерін реттеу қағидаларын бекіту туралы"
DECISION = ActRef(
    "decision",
    "Астана қаласы мәслихаты",
    "KZ-71",
    "maslikhat",
    date(2019, 3, 6),
    "356/45-VI",
    TITLE,
)
RESOLUTION = ActRef(
    "resolution",
    "Астана қаласының әкімдігі",
    "KZ-71",
    "akimat",
    date(2019, 2, 22),
    "507-290",
    TITLE,
)


def _joined(*acts: ActRef) -> WorkRegistry:
    reg = WorkRegistry()
    for a in acts:
        reg.ensure(a, stub=True)
    reg.join()
    return reg


def test_a_decision_and_a_resolution_of_one_title_are_one_joint_work() -> None:
    reg = _joined(DECISION, RESOLUTION)
    (w,) = reg.works()
    assert w.frbr_uri == "/akn/kz-71/act/decision/2019-03-06/356-45-vi"
    assert w.aliases == ("/akn/kz-71/act/resolution/2019-02-22/507-290",)
    assert w.issuer == "Астана қаласы мәслихаты, Астана қаласының әкімдігі"
    assert reg.find(RESOLUTION) == w
    assert reg.find(ActRef("resolution", None, None, None, date(2019, 2, 22), "507-290")) == w


def test_acts_of_other_titles_regions_or_times_stay_apart() -> None:
    other_title = replace(RESOLUTION, title="Басқа қағидаларды бекіту туралы")
    assert len(list(_joined(DECISION, other_title).works())) == 2
    far = ActRef("resolution", None, "KZ-71", "akimat", date(2018, 1, 10), "1-1", TITLE)
    assert len(list(_joined(DECISION, far).works())) == 2
    elsewhere = ActRef("resolution", None, "KZ-75", "akimat", date(2019, 2, 22), "507-290", TITLE)
    assert len(list(_joined(DECISION, elsewhere).works())) == 2


def test_in_the_corpus_the_joint_act_is_amended_and_repealed_as_one(
    summaries: list[DocSummary],
) -> None:
    g, _ = plan_graph(summaries)
    joint = "/akn/kz-71/act/decision/2019-03-06/356-45-vi"
    assert "/akn/kz-71/act/resolution/2019-02-22/507-290" not in g.works
    assert g.works[joint].aliases == ("/akn/kz-71/act/resolution/2019-02-22/507-290",)
    on_joint = {(r.type, r.affecting) for r in g.effects if r.affected == joint}
    assert on_joint == {
        ("amendment", "/akn/kz-71/act/decision/2021-11-24/106-15-vii"),
        ("repeal", "/akn/kz-71/act/decision/2024-03-07/149-19-viii"),
    }
