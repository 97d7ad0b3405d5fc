"""Point in time over every work of the built corpus and many dates.

ARCHITECTURE.md ("Point in time"): the status never goes back (not yet in
force, in force, repealed: the corpus records no revival); inside an estimated
window the answer is "unknown", never a stated status; the expression given
applies from a date on or before the asked date (or is the first wording of an
act not yet in force) and is the latest such.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexversion.model.timeline import WorkTimeline
from lexversion.timeline.pit import point_in_time, relation

RANK = {"not_yet_in_force": 0, "in_force": 1, "repealed": 2}
DATES = st.dates(min_value=date(1995, 1, 1), max_value=date(2032, 12, 31))
LANGS = st.sampled_from([None, "kk", "ru"])
FIXTURE_OK = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _probes(tl: WorkTimeline, extra: list[date]) -> list[date]:
    """``extra`` and, for every deciding fact of ``tl``, the days around its bounds."""
    facts = [tl.adoption, tl.commencement, tl.repeal, *(e.applies_from for e in tl.expressions)]
    edges = {d for f in facts if f is not None for d in (f.earliest, f.latest) if d is not None}
    near = {d + timedelta(days=k) for d in edges for k in (-1, 0, 1)}
    return sorted(near | set(extra))


@FIXTURE_OK
@given(days=st.lists(DATES, min_size=1, max_size=20), lang=LANGS)
def test_status_never_goes_back(
    timelines: list[WorkTimeline], days: list[date], lang: str | None
) -> None:
    """For every work: once in force never again not yet in force, once repealed never again in force."""
    for tl in timelines:
        answers = [(on, point_in_time(tl, on, lang).status) for on in _probes(tl, days)]
        ranks = [RANK[s] for _, s in answers if s in RANK]
        assert ranks == sorted(ranks), (tl.work, answers)


@FIXTURE_OK
@given(days=st.lists(DATES, min_size=1, max_size=20), lang=LANGS)
def test_an_estimated_window_never_yields_a_stated_status(
    timelines: list[WorkTimeline], days: list[date], lang: str | None
) -> None:
    """Inside the window of the fact that decides the status, the answer is
    "unknown" (estimated) with that window; any window given holds the date."""
    for tl in timelines:
        for on in _probes(tl, days):
            pit = point_in_time(tl, on, lang)
            if pit.window is not None:
                assert pit.window[0] <= on < pit.window[1], (tl.work, on, pit)
                assert pit.certainty not in {"stated", "computed"}, (tl.work, on, pit)
            existed = not (tl.adoption and tl.adoption.earliest and on < tl.adoption.earliest)
            rep = relation(on, tl.repeal) if tl.repeal else "before"
            deciding = (
                tl.repeal if rep == "within" else tl.commencement if rep == "before" else None
            )
            cited = {f.earliest for f in tl.in_force_evidence if f.earliest == f.latest}
            if tl.stub and not tl.expressions and tl.repeal is None and on in cited:
                continue  # a corpus act cites it as law that day (issue 13, item 3)
            if existed and deciding is not None and relation(on, deciding) == "within":
                assert (pit.status, pit.certainty) == ("unknown", "estimated"), (tl.work, on)
                assert pit.window == (deciding.earliest, deciding.latest)


@FIXTURE_OK
@given(days=st.lists(DATES, min_size=1, max_size=20), lang=LANGS)
def test_the_expression_applies_from_a_date_on_or_before_the_asked_one(
    timelines: list[WorkTimeline], days: list[date], lang: str | None
) -> None:
    """In force: the expression given applies from on or before the date and no
    expression of its language applying by then is later. Not yet in force (or
    unknown): it may be the first wording. Repealed: no expression, the last one named."""
    for tl in timelines:
        for on in _probes(tl, days):
            pit = point_in_time(tl, on, lang)
            exprs = {e.uri: e for e in tl.expressions}
            if pit.status == "repealed":
                assert pit.expression is None and pit.reason
                continue
            if pit.expression is None:
                assert pit.reason, (tl.work, on)
                continue
            chosen = exprs[pit.expression]
            assert chosen.lang == pit.lang and pit.expression_kind == chosen.kind
            same_lang = [e for e in tl.expressions if e.lang == chosen.lang]
            applying = [e for e in same_lang if relation(on, e.applies_from) == "after"]
            if pit.status == "in_force" or applying:
                assert relation(on, chosen.applies_from) == "after", (tl.work, on, pit)
                start = chosen.applies_from.earliest
                assert start is not None and start <= on
                assert all(
                    (e.applies_from.earliest or date.min, e.uri)
                    <= (chosen.applies_from.earliest or date.min, chosen.uri)
                    for e in applying
                )
            else:
                # before application: not yet in force, in force but not yet
                # put into effect (issue 13, item 4), or unknown in a window
                assert pit.status in {"not_yet_in_force", "in_force_not_applied", "unknown"}
                first = min(same_lang, key=lambda e: (e.applies_from.earliest or date.min, e.uri))
                assert chosen == first
