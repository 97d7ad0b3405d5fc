"""Point in time (lexversion.timeline.pit) on synthetic timelines.

ARCHITECTURE.md "Point in time": before an exact date or a window's earliest
the answer is "before", on or after the latest it is "after", inside an
estimated window it says "uncertain between" instead of guessing.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexversion.model import DateFact, ExpressionInfo, WorkTimeline
from lexversion.timeline.pit import point_in_time, relation

D = date.fromisoformat
WORK = "/akn/kz-19/act/decision/2017-12-15/26-129"
AMENDER = "/akn/kz-19/act/decision/2021-12-14/12-61"
REPEALER = "/akn/kz-19/act/decision/2024-04-16/18-84"


def stated(d: str) -> DateFact:
    return DateFact.stated(D(d), "requisites")


def computed(d: str) -> DateFact:
    return DateFact.computed(D(d), "rule applied to stated dates")


def window(lo: str, hi: str) -> DateFact:
    return DateFact(D(lo), D(hi), "estimated", "publication date not in the corpus")


def expr(uri_date: str, applies_from: DateFact, kind: str = "official", lang: str = "kk",
         effects: tuple[str, ...] = ()) -> ExpressionInfo:  # fmt: skip
    tag = {"kk": "kaz", "ru": "rus"}[lang]
    return ExpressionInfo(
        f"{WORK}/{tag}@{uri_date}", lang, kind, D(uri_date), applies_from, effects
    )


def timeline(
    *,
    adoption: DateFact | None = None,
    commencement: DateFact | None = None,
    repeal: DateFact | None = None,
    expressions: tuple[ExpressionInfo, ...] | None = None,
    stub: bool = False,
    languages: tuple[str, ...] = ("kk",),
) -> WorkTimeline:
    adoption = adoption if adoption is not None else stated("2017-12-15")
    commencement = commencement if commencement is not None else computed("2018-01-20")
    if expressions is None:
        expressions = () if stub else (expr("2017-12-15", commencement),)
    return WorkTimeline(
        work=WORK,
        title="Алматы облысындағы көші-қон процестерін реттеу қағидаларын бекіту туралы",
        stub=stub,
        languages=() if stub else languages,
        adoption=adoption,
        commencement=commencement,
        repeal=repeal,
        repealed_by=REPEALER if repeal else None,
        expressions=expressions,
    )


# -- relation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "fact", "expected"),
    [
        ("2018-01-19", computed("2018-01-20"), "before"),
        ("2018-01-20", computed("2018-01-20"), "after"),
        ("2018-01-21", computed("2018-01-20"), "after"),
        ("2018-01-19", window("2018-01-20", "2018-02-19"), "before"),
        ("2018-01-20", window("2018-01-20", "2018-02-19"), "within"),
        ("2018-02-18", window("2018-01-20", "2018-02-19"), "within"),
        ("2018-02-19", window("2018-01-20", "2018-02-19"), "after"),
        ("2018-02-19", DateFact.unknown("nothing"), "unknown"),
        ("2018-02-19", None, "unknown"),
    ],
)
def test_relation(on: str, fact: DateFact | None, expected: str) -> None:
    assert relation(D(on), fact) == expected


# -- status -------------------------------------------------------------------------


def test_before_adoption_the_act_did_not_exist() -> None:
    pit = point_in_time(timeline(), D("2017-12-14"))
    assert pit.status == "not_yet_in_force"
    assert pit.certainty == "stated"
    assert pit.expression is None
    assert pit.reason is not None and "did not exist" in pit.reason
    assert "2017-12-15" in pit.reason


def test_adopted_but_not_yet_in_force() -> None:
    pit = point_in_time(timeline(), D("2018-01-19"))
    assert pit.status == "not_yet_in_force"
    assert pit.certainty == "computed"
    assert any("entry into force" in n and "2018-01-20" in n for n in pit.notes)


def test_inside_an_estimated_commencement_window_says_so() -> None:
    tl = timeline(commencement=window("2018-01-20", "2018-02-19"))
    pit = point_in_time(tl, D("2018-02-01"))
    assert pit.status == "unknown"
    assert pit.certainty == "estimated"
    assert pit.window == (D("2018-01-20"), D("2018-02-19"))
    assert any("uncertain between 2018-01-20 and 2018-02-19" in n for n in pit.notes)


@pytest.mark.parametrize(
    ("on", "status"),
    [("2018-01-19", "not_yet_in_force"), ("2018-02-18", "unknown"), ("2018-02-19", "in_force")],
)
def test_window_edges(on: str, status: str) -> None:
    tl = timeline(commencement=window("2018-01-20", "2018-02-19"))
    assert point_in_time(tl, D(on)).status == status


def test_after_commencement_in_force() -> None:
    tl = timeline(commencement=window("2018-01-20", "2018-02-19"))
    pit = point_in_time(tl, D("2019-06-01"))
    assert pit.status == "in_force"
    assert pit.certainty == "estimated", "the deciding fact was an estimate"
    assert pit.expression == f"{WORK}/kaz@2017-12-15"
    assert pit.expression_kind == "official"
    assert pit.reason is None
    assert pit.window is None
    assert any("no repeal is recorded" in n for n in pit.notes)


@pytest.mark.parametrize("on", ["2024-04-17", "2024-04-18", "2030-01-01"])
def test_exact_repeal_on_and_after_the_date(on: str) -> None:
    tl = timeline(repeal=computed("2024-04-17"))
    pit = point_in_time(tl, D(on))
    assert pit.status == "repealed"
    assert pit.certainty == "computed"
    assert pit.expression is None, "no wording is in force after a repeal"
    assert pit.reason is not None and "repealed on 2024-04-17" in pit.reason
    assert REPEALER in pit.reason
    assert pit.last_expression == f"{WORK}/kaz@2017-12-15"


def test_day_before_exact_repeal_still_in_force() -> None:
    tl = timeline(repeal=computed("2024-04-17"))
    pit = point_in_time(tl, D("2024-04-16"))
    assert pit.status == "in_force"
    assert pit.expression == f"{WORK}/kaz@2017-12-15"
    assert any("repealed later" in n and "2024-04-17" in n for n in pit.notes)


def test_inside_an_estimated_repeal_window() -> None:
    tl = timeline(repeal=window("2024-04-17", "2024-05-17"))
    pit = point_in_time(tl, D("2024-05-01"))
    assert pit.status == "unknown"
    assert pit.certainty == "estimated"
    assert pit.window == (D("2024-04-17"), D("2024-05-17"))
    assert any("uncertain between 2024-04-17 and 2024-05-17" in n for n in pit.notes)


def test_unknown_commencement_is_unknown() -> None:
    tl = timeline(commencement=DateFact.unknown("no entry-into-force event"))
    pit = point_in_time(tl, D("2019-01-01"))
    assert (pit.status, pit.certainty) == ("unknown", "unknown")


def test_retroactive_application_is_noted_but_status_follows_commencement() -> None:
    tl = dataclasses.replace(
        timeline(commencement=window("2018-01-20", "2018-02-19")),
        retroactive=stated("2018-01-01"),
    )
    before_adoption = point_in_time(tl, D("2017-12-01"))
    assert before_adoption.status == "not_yet_in_force"
    assert not any("retroactively" in n for n in before_adoption.notes)
    inside = point_in_time(tl, D("2018-02-01"))
    assert inside.status == "unknown"
    assert any("retroactively" in n and "2018-01-01" in n for n in inside.notes)
    repealed = point_in_time(
        dataclasses.replace(tl, repeal=computed("2020-01-01")), D("2021-01-01")
    )
    assert repealed.status == "repealed"
    assert not any("retroactively" in n for n in repealed.notes)


# -- expression choice --------------------------------------------------------------


def two_expressions() -> WorkTimeline:
    first = expr("2017-12-15", computed("2018-01-20"), kind="reconstructed")
    second = expr(
        "2021-12-25",
        window("2021-12-25", "2022-01-24"),
        kind="consolidated",
        effects=(f"substitution by {AMENDER}",),
    )
    return timeline(expressions=(second, first))  # order must not matter


def test_before_the_second_expression_the_first_applies() -> None:
    pit = point_in_time(two_expressions(), D("2021-12-24"))
    assert pit.expression == f"{WORK}/kaz@2017-12-15"
    assert pit.certainty == "computed"
    assert any("reconstructed text" in n for n in pit.notes)


def test_inside_the_second_expressions_window_the_earlier_applies_estimated() -> None:
    pit = point_in_time(two_expressions(), D("2022-01-10"))
    assert pit.status == "in_force"
    assert pit.expression == f"{WORK}/kaz@2017-12-15"
    assert pit.certainty == "estimated"
    assert pit.window == (D("2021-12-25"), D("2022-01-24"))
    assert any(f"{WORK}/kaz@2021-12-25" in n and "uncertain between" in n for n in pit.notes)


def test_after_the_second_expressions_window_it_applies() -> None:
    pit = point_in_time(two_expressions(), D("2022-01-24"))
    assert pit.expression == f"{WORK}/kaz@2021-12-25"
    assert pit.expression_kind == "consolidated"
    assert pit.effects == (f"substitution by {AMENDER}",)
    assert pit.certainty == "computed"
    assert pit.window is None


def test_language_choice() -> None:
    kk = expr("2017-12-15", computed("2018-01-20"), lang="kk")
    ru = expr("2017-12-15", computed("2018-01-20"), lang="ru")
    tl = timeline(expressions=(ru, kk), languages=("kk", "ru"))
    assert point_in_time(tl, D("2019-01-01")).expression == kk.uri
    assert point_in_time(tl, D("2019-01-01"), "ru").expression == ru.uri
    only_kk = timeline(expressions=(kk,))
    pit = point_in_time(only_kk, D("2019-01-01"), "ru")
    assert pit.expression is None
    assert pit.reason is not None and "'ru'" in pit.reason


def test_stub_without_expressions() -> None:
    tl = timeline(stub=True)
    pit = point_in_time(tl, D("2019-01-01"))
    assert (pit.status, pit.certainty) == ("unknown", "unknown")
    assert pit.expression is None
    assert pit.reason is not None and "not in the corpus" in pit.reason
    assert pit.to_json()["text"] is None


def test_a_stub_known_only_by_citation_is_in_force_on_the_days_it_is_cited() -> None:
    # issue 13, item 3: "cited as in force by ... on 2003-04-08", unknown elsewhere
    cited = DateFact.stated(D("2019-04-08"), "cited as in force by X on 2019-04-08")
    tl = dataclasses.replace(timeline(stub=True), in_force_evidence=(cited,))
    on_the_day = point_in_time(tl, D("2019-04-08"))
    assert (on_the_day.status, on_the_day.certainty) == ("in_force", "stated")
    assert any("cited as in force by X on 2019-04-08" in n for n in on_the_day.notes)
    for later in ("2018-06-01", "2019-04-09", "2026-01-01"):
        pit = point_in_time(tl, D(later))
        assert (pit.status, pit.certainty) == ("unknown", "unknown")
        assert any("supports it in force on: cited as in force by X" in n for n in pit.notes)
    before = point_in_time(tl, D("2017-12-01"))
    assert before.status == "not_yet_in_force"


def test_stub_whose_first_known_text_is_a_later_edition() -> None:
    later = expr("2021-03-12", window("2021-03-12", "2021-04-11"), kind="consolidated")
    tl = timeline(stub=True, expressions=(later,))
    pit = point_in_time(tl, D("2019-01-01"))
    assert pit.status == "in_force"
    assert pit.expression is None
    assert pit.reason is not None
    assert later.uri in pit.reason and "not in the corpus" in pit.reason


@pytest.mark.parametrize("on", ["2017-12-20", "2018-01-05", "2018-01-19"])
def test_a_later_edition_never_stands_in_for_the_missing_original(on: str) -> None:
    # issue 13: No 152 inside its own entry-into-force window printed the 2021
    # new edition, a text that did not exist yet
    later = expr("2021-03-12", window("2021-03-12", "2021-04-11"), kind="consolidated")
    com = window("2017-12-15", "2018-01-20")
    tl = timeline(stub=True, commencement=com, expressions=(later,))
    pit = point_in_time(tl, D(on))
    assert pit.status == "unknown"
    assert pit.expression is None
    assert pit.reason is not None and later.uri in pit.reason


def test_the_adopted_text_is_shown_while_it_awaits_entry_into_force() -> None:
    tl = timeline()
    pit = point_in_time(tl, D("2018-01-01"))
    assert pit.status == "not_yet_in_force"
    assert pit.expression == tl.expressions[0].uri


def test_to_json_shape() -> None:
    pit = point_in_time(two_expressions(), D("2022-01-10"))
    data = pit.to_json()
    assert data["as_of"] == "2022-01-10"
    assert data["window"] == ["2021-12-25", "2022-01-24"]
    assert data["status"] == "in_force" and data["certainty"] == "estimated"


# -- properties ---------------------------------------------------------------------

RANK = {"not_yet_in_force": 0, "in_force": 1, "repealed": 2}
BASE = D("1990-01-01")


@given(
    adopt=st.integers(0, 10_000),
    to_commence=st.integers(1, 400),
    to_repeal=st.integers(1, 5_000),
    days=st.lists(st.integers(-100, 16_000), min_size=2, max_size=40),
)
def test_status_is_monotone_in_time(
    adopt: int, to_commence: int, to_repeal: int, days: list[int]
) -> None:
    """Exact adoption < commencement < repeal: not_yet_in_force, then in_force, then
    repealed, never going back, and each switch happens exactly on its date."""
    a = BASE + timedelta(days=adopt)
    c = a + timedelta(days=to_commence)
    r = c + timedelta(days=to_repeal)
    tl = timeline(
        adoption=DateFact.stated(a, "requisites"),
        commencement=DateFact.computed(c, "rule"),
        repeal=DateFact.computed(r, "rule"),
        expressions=(expr("2000-01-01", DateFact.computed(c, "rule")),),
    )
    probes = sorted({BASE + timedelta(days=d) for d in days} | {a, c, r})
    statuses = [point_in_time(tl, on).status for on in probes]
    ranks = [RANK[s] for s in statuses]
    assert ranks == sorted(ranks), list(zip(probes, statuses, strict=True))
    for on, s in zip(probes, statuses, strict=True):
        expected = "not_yet_in_force" if on < c else "in_force" if on < r else "repealed"
        assert s == expected


@given(
    adopt=st.integers(0, 10_000),
    to_commence=st.integers(0, 60),
    commence_width=st.integers(0, 60),
    to_repeal=st.integers(1, 3_000),
    repeal_width=st.integers(0, 60),
    days=st.lists(st.integers(-100, 16_000), min_size=2, max_size=40),
)
def test_status_with_windows_is_monotone(
    adopt: int,
    to_commence: int,
    commence_width: int,
    to_repeal: int,
    repeal_width: int,
    days: list[int],
) -> None:
    """With estimated windows the answer may be "unknown" inside them, but only there,
    and the order not_yet -> in_force -> repealed still never goes back."""
    a = BASE + timedelta(days=adopt)
    c0 = a + timedelta(days=to_commence)
    c1 = c0 + timedelta(days=commence_width)
    r0 = c1 + timedelta(days=to_repeal)
    r1 = r0 + timedelta(days=repeal_width)
    com = DateFact(c0, c1, "estimated" if c0 != c1 else "computed", "rule")
    rep = DateFact(r0, r1, "estimated" if r0 != r1 else "computed", "rule")
    tl = timeline(
        adoption=DateFact.stated(a, "requisites"),
        commencement=com,
        repeal=rep,
        expressions=(expr("2000-01-01", com),),
    )
    probes = sorted({BASE + timedelta(days=d) for d in days} | {a, c0, c1, r0, r1})
    ranks: list[float] = []
    for on in probes:
        pit = point_in_time(tl, on)
        if c0 <= on < c1 or r0 <= on < r1:
            assert (pit.status, pit.certainty) == ("unknown", "estimated"), on
            window = (c0, c1) if on < c1 else (r0, r1)
            assert pit.window == window
            ranks.append(0.5 if window == (c0, c1) else 1.5)  # between the states it separates
        else:
            assert pit.status != "unknown", on
            ranks.append(RANK[pit.status])
        if pit.status == "repealed":
            assert pit.expression is None
        if pit.status == "in_force":
            assert pit.expression is not None
    assert ranks == sorted(ranks), list(zip(probes, ranks, strict=True))
