"""The point-in-time answer's invariants, on every work of the built corpus and any date.

Issue 13, item 1; ARCHITECTURE.md ("Point in time", "Honest dates"). For every
work of the real corpus (stubs included) and dates drawn by hypothesis from
1990 to 2030 (and the day before, of and after every date the store holds):

* the status agrees with the timeline's adoption, commencement and repeal;
* the expression shown applied on the date, or the date lies inside the
  window it applies from and the answer says so (both sides labelled), or it
  is the adopted text awaiting the act's own entry into force; no text is
  shown before adoption or after the repeal;
* it is the latest wording that surely applies, and every wording whose
  window holds the date is named in the notes;
* no text adopted after the date is shown: neither the expression's own date
  nor the adoption of any act whose changes it contains is later;
* the diff between two dates compares exactly those two answers and finds a
  change when their texts differ; the print view (PDF) shows the same
  expression and status, valid from a date not after the as-of date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexversion import build
from lexversion.app.compare import sides
from lexversion.app.print import print_view
from lexversion.app.query import answer, show, store_for
from lexversion.diff import compare
from lexversion.errors import UsageError
from lexversion.model import DateFact, ExpressionInfo, PointInTime, WorkTimeline
from lexversion.render.print_model import STATUS_WORDS
from lexversion.render.text import akn_to_text
from lexversion.timeline.commencement import OBSERVED_LAGS
from lexversion.timeline.pit import NOT_APPLIED, relation

ROOT = Path(__file__).resolve().parents[2]
FIRST, LAST = date(1990, 1, 1), date(2030, 12, 31)
#: an effect label of an expression: "<type> by <affecting work>" (not "reversed: ...")
APPLIED = re.compile(r"^\w+ by (?P<by>/akn/\S+)$")


class Corpus:
    """The built corpus: its store URL and every work's timeline."""

    def __init__(self, db: str) -> None:
        self.db = db
        store = store_for(db)
        self.timelines = {w.frbr_uri: store.timeline(w.frbr_uri) for w in store.works()}
        self.checked = 0

    def boundaries(self) -> list[date]:
        """Every date a timeline holds, with the days around it, within 1990..2030."""
        out: set[date] = set()
        for tl in self.timelines.values():
            facts = [tl.adoption, tl.commencement, tl.repeal, tl.in_force]
            facts += [e.applies_from for e in tl.expressions]
            for f in facts:
                for d in _ends(f):
                    out |= {d - timedelta(days=1), d, d + timedelta(days=1)}
        return sorted(d for d in out if FIRST <= d <= LAST)


def _ends(f: DateFact | None) -> Iterator[date]:
    if f is not None:
        yield from (d for d in (f.earliest, f.latest) if d is not None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'corpus.db'}"
    report = build(ROOT / "corpus", url)
    assert not report.failed
    c = Corpus(url)
    yield c
    print(f"\npoint-in-time invariants: {c.checked} answers ({len(c.timelines)} works)")


def _dates(corpus: Corpus) -> st.SearchStrategy[date]:
    return st.one_of(st.dates(FIRST, LAST), st.sampled_from(corpus.boundaries()))


def _in_window(pit: PointInTime, on: date) -> bool:
    return pit.window is not None and pit.window[0] <= on <= pit.window[1]


def check_status(tl: WorkTimeline, pit: PointInTime, on: date) -> None:
    """The status agrees with adoption, entry into force, application and repeal."""
    adopted = tl.adoption.earliest if tl.adoption else None
    rep = relation(on, tl.repeal) if tl.repeal else "before"
    com = relation(on, tl.commencement)
    force = relation(on, tl.in_force) if tl.in_force else com
    days = {f.earliest for f in tl.in_force_evidence if f.earliest == f.latest}
    only_cited = tl.stub and not tl.expressions and tl.repeal is None and com != "before"
    if only_cited and (com != "within" or on in days):
        # known only by citation: in force only on the days the corpus supports
        assert pit.status == ("in_force" if on in days else "unknown"), pit.notes
        assert pit.certainty != "estimated"
        return
    if pit.status == "in_force":
        assert adopted is None or on >= adopted
        assert com == "after" and force == "after" and rep == "before"
    elif pit.status == NOT_APPLIED:
        # entered into force, not yet put into effect (issue 13, item 4)
        assert tl.in_force is not None and force == "after" and rep == "before"
        assert com == "before"
    elif pit.status == "repealed":
        assert rep == "after" and pit.expression is None
    elif pit.status == "not_yet_in_force":
        assert (adopted is not None and on < adopted) or force == "before"
    else:
        assert pit.status == "unknown"
        assert {com, force} & {"within", "unknown"} or rep == "within"
        if "within" in {com, force, rep}:
            assert _in_window(pit, on) and pit.certainty == "estimated"
    if adopted is not None and on < adopted:
        assert pit.expression is None


def check_expression(corpus: Corpus, tl: WorkTimeline, pit: PointInTime, on: date) -> None:
    """The expression shown applied on ``on`` (or is labelled as uncertain), is
    the latest that surely applies, and holds no text adopted after ``on``."""
    same = sorted(
        (e for e in tl.expressions if e.lang == pit.lang),
        key=lambda e: (e.applies_from.earliest or date.min, e.uri),
    )
    pending = [e for e in same if relation(on, e.applies_from) == "within"]
    if pit.status != "repealed":
        for e in pending:
            assert e.uri == pit.expression or any(e.uri in n for n in pit.notes), e.uri
            assert _in_window(pit, on)
    if pit.expression is None:
        return
    (shown,) = [e for e in same if e.uri == pit.expression]
    rel = relation(on, shown.applies_from)
    awaiting = (
        pit.status in {"not_yet_in_force", NOT_APPLIED}
        and shown.applies_from == tl.commencement
        and shown is same[0]
    )
    assert rel == "after" or (rel == "within" and _in_window(pit, on)) or awaiting, rel
    surely = [e for e in same if relation(on, e.applies_from) == "after"]
    if surely:
        assert shown == surely[-1] or (
            rel == "within" and same.index(shown) > same.index(surely[-1])
        )
    check_not_later(corpus, shown, on)


def check_not_later(corpus: Corpus, shown: ExpressionInfo, on: date) -> None:
    """Neither ``shown``'s date nor the adoption of an act whose changes it
    contains is after ``on``."""
    assert shown.date is None or shown.date <= on, shown.uri
    for label in shown.effects:
        m = APPLIED.match(label)
        if m and m.group("by") in corpus.timelines:
            by = corpus.timelines[m.group("by")].adoption
            assert by is None or by.earliest is None or by.earliest <= on, label


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_work_on_any_date_answers_consistently(corpus: Corpus, data: st.DataObject) -> None:
    on = data.draw(_dates(corpus), label="date")
    for uri, tl in corpus.timelines.items():
        pit, akn = answer(corpus.db, uri, on, None)
        assert (pit.expression is None) == (akn is None)
        check_status(tl, pit, on)
        check_expression(corpus, tl, pit, on)
        corpus.checked += 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_diff_and_print_view_agree_with_the_answer(corpus: Corpus, data: st.DataObject) -> None:
    uri = data.draw(st.sampled_from(sorted(corpus.timelines)), label="work")
    d1, d2 = data.draw(_dates(corpus), label="from"), data.draw(_dates(corpus), label="to")
    (p1, a1), (p2, a2) = answer(corpus.db, uri, d1, None), answer(corpus.db, uri, d2, None)
    if a1 is None or a2 is None:
        with pytest.raises(UsageError, match="no text on"):
            sides(corpus.db, uri, None, d1, d2, None, None)
    else:
        _, (s1, _), (s2, _) = sides(corpus.db, uri, None, d1, d2, None, None)
        assert (s1.expression, s2.expression) == (p1.expression, p2.expression)
        s = compare(a1, a2).summary
        moved = s.added + s.removed + s.changed + s.moved
        if p1.expression == p2.expression:
            assert moved == 0
        elif akn_to_text(a1, full=False) != akn_to_text(a2, full=False):
            assert moved > 0, (p1.expression, p2.expression)
    for pit in (p1, p2):
        check_print_view(corpus, uri, pit)


def check_print_view(corpus: Corpus, uri: str, pit: PointInTime) -> None:
    """The print view of ``uri`` on ``pit.as_of`` shows ``pit``'s expression and
    status, valid from a date not after the as-of date (or labelled uncertain)."""
    if pit.expression is None:
        with pytest.raises(UsageError, match="no text in force"):
            print_view(corpus.db, uri, pit.as_of, None)
        return
    cover = print_view(corpus.db, uri, pit.as_of, None).cover
    assert (cover.expression, cover.status) == (pit.expression, STATUS_WORDS[pit.status])
    (shown,) = [e for e in corpus.timelines[uri].expressions if e.uri == pit.expression]
    start = shown.applies_from.earliest
    assert start is not None
    assert start <= pit.as_of or pit.status in {"not_yet_in_force", NOT_APPLIED}, cover.applies_from


def _two_dates(corpus: Corpus) -> list[str]:
    """The works whose text states entry into force apart from application."""
    return sorted(uri for uri, tl in corpus.timelines.items() if tl.in_force is not None)


def test_entry_into_force_is_never_after_application(corpus: Corpus) -> None:
    # issue 13, item 4: both dates in the store for every work that states two
    # (seed 000: in force on registration, put into effect ten days after publication)
    two = _two_dates(corpus)
    assert "/akn/kz-19/act/decision/2017-12-15/26-129" in two
    for uri in two:
        tl = corpus.timelines[uri]
        force, applies = tl.in_force, tl.commencement
        assert force is not None and force.earliest is not None and applies.earliest is not None
        assert force.earliest <= applies.earliest, uri
        assert (force.latest or force.earliest) <= (applies.latest or applies.earliest), uri
        kinds = [i.type for i in store_for(corpus.db).history(uri)]
        assert kinds.count("entry_into_force") == kinds.count("application") == 1, kinds


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_between_entry_into_force_and_application_show_status_and_text_agree(
    corpus: Corpus, data: st.DataObject
) -> None:
    # a date from entry into force to just past the application window: the
    # status says in force but not yet applied (or unknown inside a window),
    # the text shown is the one that applies from application, labelled so,
    # and show (JSON), the print view and the answer name the same dates
    uri = data.draw(st.sampled_from(_two_dates(corpus)), label="work")
    tl = corpus.timelines[uri]
    assert tl.in_force is not None and tl.in_force.earliest is not None
    end = tl.commencement.latest or tl.commencement.earliest or LAST
    on = data.draw(st.dates(tl.in_force.earliest, end + timedelta(days=2)), label="date")
    pit, akn = answer(corpus.db, uri, on, None)
    check_status(tl, pit, on)
    check_expression(corpus, tl, pit, on)
    assert pit.entry_into_force == tl.in_force and pit.application == tl.commencement
    if relation(on, tl.in_force) == "after" and relation(on, tl.commencement) == "before":
        assert pit.status == NOT_APPLIED and pit.certainty == tl.in_force.certainty
        assert any("put into effect" in n for n in pit.notes), pit.notes
    if pit.status == NOT_APPLIED:
        (shown,) = [e for e in tl.expressions if e.uri == pit.expression]
        assert shown.applies_from == tl.commencement and akn is not None
    js = show(corpus.db, uri, on, None, "json")
    assert isinstance(js, dict)
    assert (js["status"], js["expression"]) == (pit.status, pit.expression)
    assert js["entry_into_force"] == tl.in_force.to_json()
    assert js["application"] == tl.commencement.to_json()
    check_print_view(corpus, uri, pit)


def test_the_default_publication_policy_covers_every_lag_the_corpus_states(
    corpus: Corpus,
) -> None:
    # issue 13, item 4: an assumed window must hold the real dates the corpus shows
    store = store_for(corpus.db)
    lags = []
    for uri, tl in corpus.timelines.items():
        pubs = [i.date.earliest for i in store.history(uri) if i.type == "publication"]
        if tl.adoption and tl.adoption.earliest and pubs and pubs[0]:
            lags.append((pubs[0] - tl.adoption.earliest).days)
    assert sorted(lags) == [34, 266]
    assert max(lags) <= OBSERVED_LAGS.days
