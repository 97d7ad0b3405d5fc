"""A planning failure is the failure of the texts it involves, never of the
whole graph (lexversion.graph.failures, issue 16), and the cases the whole-build
fuzz found (tests/app/test_build_fuzz.py) as regression tests.

Each mutation below is the smallest edit of a corpus file that crashed the
planner before issue 16: an ``AssertionError`` in the registry when a text's
requisites lose their date and number, ``ValueError: max() arg is an empty
sequence`` in fuzzy matching when a work cited by date and number only is the
only candidate of a fuller reference (which one was registered first depended
on the order of the texts' SHA-256).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from lexversion.errors import PlanError
from lexversion.graph import plan_graph, summarize
from lexversion.graph.failures import blame, unidentified
from lexversion.graph.matching import match_act
from lexversion.model import ActRef, DocSummary
from lexversion.model.records import WorkRecord
from lexversion.parse import parse
from tests.conftest import corpus_file

W_97 = "/akn/kz-75/act/decision/2024-03-29/97"


def _summary(seed: str, edit: str, name: str) -> DocSummary:
    """The summary of corpus file ``seed`` after ``edit`` ("sed 2d", or a text replacement)."""
    text = corpus_file(seed).read_text("utf-8")
    lines = text.split("\n")
    if edit == "sed 2d":
        del lines[1]
        text = "\n".join(lines)
    else:
        old, new = edit.split(" => ")
        assert old in text
        text = text.replace(old, new, 1)
    return summarize(parse(text.encode("utf-8"), name))


def _planned(docs: list[DocSummary]) -> set[str]:
    g, _plans = plan_graph(docs)
    list(g.events)
    list(g.citations)
    return set(g.works)


def test_a_text_without_date_and_number_is_named_not_asserted(
    summaries: list[DocSummary],
) -> None:
    """A text whose act has neither date nor number (issue 16's repro was `sed 2d`
    of seed 000, which the parser reads since issue 12; the summary is made so):
    the planner names the file and the problem."""
    read = _summary("000", "sed 2d", "DIR/000.txt")
    assert unidentified(read) is None  # the parser names the act without its title line
    bad = replace(read, act=replace(read.act, date=None, number=None))
    assert unidentified(bad) is not None
    with pytest.raises(PlanError) as caught:
        plan_graph([*summaries[1:], bad])
    assert caught.value.files == ("DIR/000.txt",)
    assert caught.value.shas == (bad.sha256,)
    assert "DIR/000.txt: cannot be planned: no adoption date" in caught.value.message


def test_an_impossible_adoption_date_is_a_skipped_file_not_a_crash(
    summaries: list[DocSummary],
) -> None:
    """ "31 февраля" in seed 001's requisites: the text cannot be a work; it is named."""
    bad = _summary("001", "от 19 \nфевраля 2021 => от 31 \nфевраля 2021", "DIR/001.txt")
    with pytest.raises(PlanError, match=r"DIR/001\.txt"):
        plan_graph([summaries[0], *summaries[2:], bad])


@pytest.mark.parametrize("first", [True, False], ids=["bare-first", "bare-last"])
def test_a_bare_citation_resolves_to_the_named_work_in_any_order(
    summaries: list[DocSummary], first: bool
) -> None:
    """Seed 004 citing "решение от 29 марта 2024 года № 97" (no issuer) beside
    seed 001, repealed by the Almaty city maslikhat's decision No 97: one work
    kz-75 No 97 whether the bare citation's text is read before or after seed
    001 (SHA-256 order decided it: ``ValueError`` in fuzzy matching one way)."""
    bare = _summary(
        "004",
        "      3. Настоящее решение => "
        "      3. См. решение от 29 марта 2024 года № 97.\n      4. Настоящее решение",
        "DIR/004.txt",
    )
    bare = replace(bare, sha256=("0" if first else "f") * 64)
    works = _planned([*summaries[:4], bare])
    assert [w for w in works if "/2024-03-29/" in w] == [W_97]


def test_a_duplicated_requisites_line_plans(summaries: list[DocSummary]) -> None:
    """Seed 001 with its requisites' last line printed again under them (a fuzz
    case: ``ValueError: max() arg is an empty sequence``)."""
    lines = corpus_file("001").read_text("utf-8").split("\n")
    lines.insert(9, "от 19 февраля 2021 года № 22")
    dup = summarize(parse("\n".join(lines).encode("utf-8"), "DIR/001.txt"))
    works = _planned([summaries[0], *summaries[2:], dup])
    assert "/akn/kz-75/act/decision/2021-02-19/22" in works


def test_a_work_without_names_is_never_matched_by_words() -> None:
    """A stub known by date and number only has no issuer or title to score:
    a reference naming another issuer does not match it (and does not crash)."""
    when = date(2024, 3, 29)
    bare = WorkRecord(
        "/akn/kz/act/act/2024-03-29/97", None, None, None, None, when, "97", None, True, ()
    )
    ref = ActRef("decision", "маслихат города Алматы", "75", None, when, "97")
    assert match_act(ref, "решением маслихата города Алматы", [bare]) is None


def test_blame_names_the_texts_and_the_problem() -> None:
    """Any exception inside :func:`blame` becomes a PlanError naming the texts
    (sorted) with the exception's class and first line; a PlanError passes through."""
    with pytest.raises(PlanError) as caught, blame([("b.txt", "2" * 64), ("a.txt", "1" * 64)]):
        raise ValueError("first line\nsecond line")
    assert caught.value.files == ("a.txt", "b.txt")
    assert caught.value.message == "a.txt, b.txt: cannot be planned: ValueError: first line"
    inner = PlanError(("c.txt",), ("3" * 64,), "inner")
    with pytest.raises(PlanError) as again, blame([("a.txt", "1" * 64)]):
        raise inner
    assert again.value is inner
