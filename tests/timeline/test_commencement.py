"""Entry-into-force rules -> DateFact (lexversion.timeline.commencement).

The rules are those of DOMAIN.md 5 (Law "On legal acts" No 480-V): "ten
calendar days after the day of first publication", published 1 March,
applies from 12 March. A rule applied to stated inputs is ``computed``; a
rule applied to an assumed publication window is ``estimated`` (never
``stated``); a date the text itself gives (``from_date``) is ``stated``;
nothing to go on is ``unknown``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexversion.model import CERTAINTY_ORDER, CommencementRule, DateFact
from lexversion.timeline.commencement import (
    OBSERVED_LAGS,
    THIRTY_DAYS,
    PublicationPolicy,
    entry_into_force,
)

PUBLICATION_WINDOW = OBSERVED_LAGS.days

TEN_DAYS_KK = CommencementRule(
    "days_after_publication",
    10,
    "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң",
)
TEN_DAYS_RU = CommencementRule(
    "days_after_publication",
    10,
    "по истечении десяти календарных дней после дня его первого официального опубликования",
)
DAY_AFTER = CommencementRule("day_after_publication", None, "со дня первого опубликования")
FROM_PUB = CommencementRule("from_publication", None, "со дня его первого опубликования")
FROM_ADOPTION = CommencementRule("from_adoption", None, "қабылданған күннен бастап")
FROM_REG = CommencementRule("from_registration", None, "со дня государственной регистрации")
FROM_DATE = CommencementRule(
    "from_date", None, "вводится в действие с 1 января 2022 года", date=date(2022, 1, 1)
)

D = date.fromisoformat


# (id, rule, adoption, registration, publication, certainty, earliest, latest)
CASES = [
    (
        "ten-days-published-1-march",
        TEN_DAYS_RU,
        D("2021-02-19"),
        D("2021-02-25"),
        D("2021-03-01"),
        "computed",
        D("2021-03-12"),
        D("2021-03-12"),
    ),
    (
        "ten-days-kk-published-1-march",
        TEN_DAYS_KK,
        D("2021-02-19"),
        None,
        D("2021-03-01"),
        "computed",
        D("2021-03-12"),
        D("2021-03-12"),
    ),
    (
        "ten-days-across-year-end",
        TEN_DAYS_RU,
        D("2019-12-10"),
        None,
        D("2019-12-25"),
        "computed",
        D("2020-01-05"),
        D("2020-01-05"),
    ),
    (
        "ten-days-leap-february",
        TEN_DAYS_RU,
        D("2024-02-01"),
        None,
        D("2024-02-20"),
        "computed",
        D("2024-03-02"),
        D("2024-03-02"),
    ),
    (
        "ten-days-no-publication-registered",
        TEN_DAYS_KK,
        D("2017-12-15"),
        D("2018-01-09"),
        None,
        "estimated",
        D("2018-01-20"),
        D("2018-01-09") + timedelta(days=PUBLICATION_WINDOW + 11),
    ),
    (
        "ten-days-no-publication-not-registered",
        TEN_DAYS_RU,
        D("2024-03-29"),
        None,
        None,
        "estimated",
        D("2024-04-09"),
        D("2024-03-29") + timedelta(days=PUBLICATION_WINDOW + 11),
    ),
    (
        "day-after-publication",
        DAY_AFTER,
        D("2021-02-19"),
        None,
        D("2021-03-01"),
        "computed",
        D("2021-03-02"),
        D("2021-03-02"),
    ),
    (
        "from-publication",
        FROM_PUB,
        D("2021-02-19"),
        None,
        D("2021-03-01"),
        "computed",
        D("2021-03-01"),
        D("2021-03-01"),
    ),
    (
        "from-adoption",
        FROM_ADOPTION,
        D("2006-09-21"),
        D("2006-10-05"),
        D("2006-10-20"),
        "computed",
        D("2006-09-21"),
        D("2006-09-21"),
    ),
    (
        "from-registration-registered",
        FROM_REG,
        D("2021-02-19"),
        D("2021-03-01"),
        None,
        "computed",
        D("2021-03-01"),
        D("2021-03-01"),
    ),
    (
        "from-registration-not-registered",
        FROM_REG,
        D("2021-02-19"),
        None,
        None,
        "estimated",
        D("2021-02-19"),
        D("2021-02-19") + timedelta(days=PUBLICATION_WINDOW),
    ),
    (
        "no-rule-stated-publication",
        None,
        D("2017-09-15"),
        None,
        D("2017-10-19"),
        "estimated",
        D("2017-09-15"),
        D("2017-10-30"),
    ),
    (
        "from-stated-date",
        FROM_DATE,
        D("2021-12-14"),
        None,
        None,
        "stated",
        D("2022-01-01"),
        D("2022-01-01"),
    ),
    (
        "from-date-unreadable",
        CommencementRule("from_date", None, "с даты, указанной в приложении"),
        D("2021-12-14"),
        None,
        None,
        "unknown",
        None,
        None,
    ),
    ("no-rule-no-dates", None, None, None, None, "unknown", None, None),
    ("ten-days-no-dates", TEN_DAYS_RU, None, None, None, "unknown", None, None),
    (
        "from-adoption-no-adoption",
        FROM_ADOPTION,
        None,
        D("2021-03-01"),
        None,
        "unknown",
        None,
        None,
    ),
    ("from-registration-no-dates", FROM_REG, None, None, None, "unknown", None, None),
    (
        "unrecognised-kind",
        CommencementRule("from_the_moon", None, "с восходом луны"),
        D("2021-02-19"),
        D("2021-03-01"),
        D("2021-03-05"),
        "unknown",
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("rule", "adoption", "registration", "publication", "certainty", "earliest", "latest"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_entry_into_force(
    rule: CommencementRule | None,
    adoption: date | None,
    registration: date | None,
    publication: date | None,
    certainty: str,
    earliest: date | None,
    latest: date | None,
) -> None:
    fact = entry_into_force(rule, adoption, registration, publication)
    assert (fact.certainty, fact.earliest, fact.latest) == (certainty, earliest, latest)
    assert fact.basis, "every DateFact says where it came from"


def test_ten_days_published_1_march_applies_12_march() -> None:
    fact = entry_into_force(TEN_DAYS_RU, D("2021-02-19"), publication=D("2021-03-01"))
    assert fact.date == D("2021-03-12")
    assert fact.certainty == "computed"
    assert "2021-03-01" in fact.basis


def test_estimated_window_is_never_presented_as_a_date() -> None:
    fact = entry_into_force(TEN_DAYS_KK, D("2017-12-15"), registration=D("2018-01-09"))
    assert fact.certainty == "estimated"
    assert fact.certainty != "stated"
    assert fact.date is None, "an estimate has no single date"
    assert fact.to_json()["date"] is None
    assert (fact.to_json()["earliest"], fact.to_json()["latest"]) == ("2018-01-20", "2018-10-13")
    assert "registration" in fact.basis and "2018-01-09" in fact.basis
    assert f"assumed (policy observed-lags: within {PUBLICATION_WINDOW} days" in fact.basis


def test_the_publication_policy_is_a_parameter_named_in_the_basis() -> None:
    month = entry_into_force(TEN_DAYS_KK, D("2017-12-15"), D("2018-01-09"), policy=THIRTY_DAYS)
    assert (month.earliest, month.latest) == (D("2018-01-20"), D("2018-02-19"))
    assert "assumed (policy thirty-days: within 30 days after registration)" in month.basis
    week = PublicationPolicy("a-week", 7, "test")
    fact = entry_into_force(DAY_AFTER, D("2024-04-16"), policy=week)
    assert (fact.earliest, fact.latest) == (D("2024-04-17"), D("2024-04-24"))
    assert "policy a-week" in fact.basis and fact.certainty == "estimated"


def test_a_stated_publication_needs_no_policy() -> None:
    for policy in (OBSERVED_LAGS, THIRTY_DAYS):
        fact = entry_into_force(DAY_AFTER, D("2024-04-16"), None, D("2024-05-25"), policy)
        assert (fact.certainty, fact.date) == ("computed", D("2024-05-26"))
        assert "assumed" not in fact.basis


def test_registration_is_preferred_to_adoption_as_the_publication_base() -> None:
    with_reg = entry_into_force(TEN_DAYS_RU, D("2021-02-19"), registration=D("2021-03-01"))
    without = entry_into_force(TEN_DAYS_RU, D("2021-02-19"))
    assert with_reg.earliest == D("2021-03-12")
    assert without.earliest == D("2021-03-02")
    assert "adoption" in without.basis


def test_no_rule_with_stated_publication_is_not_presented_as_computed() -> None:
    fact = entry_into_force(None, D("2017-09-15"), publication=D("2017-10-19"))
    assert fact.certainty == "estimated"
    assert "no entry-into-force rule" in fact.basis
    assert fact.earliest is not None and fact.latest is not None
    assert fact.earliest < fact.latest


def test_no_rule_registration_only_is_estimated_from_registration() -> None:
    """The docstring: with no rule, estimated from adoption *or registration*."""
    fact = entry_into_force(None, None, registration=D("2018-01-09"))
    assert fact.certainty == "estimated"
    assert fact.earliest == D("2018-01-09")
    assert fact.latest == D("2018-01-09") + timedelta(days=PUBLICATION_WINDOW + 11)


# -- properties ---------------------------------------------------------------------

RULES = st.one_of(
    st.none(),
    st.sampled_from([DAY_AFTER, FROM_PUB, FROM_ADOPTION, FROM_REG]),
    st.integers(min_value=0, max_value=60).map(
        lambda n: CommencementRule("days_after_publication", n, f"{n} days after publication")
    ),
)
DATES = st.dates(min_value=D("1995-01-01"), max_value=D("2030-12-31"))


@given(
    rule=RULES,
    adoption=st.none() | DATES,
    reg_delay=st.none() | st.integers(0, 120),
    pub_delay=st.none() | st.integers(0, 120),
)
def test_honest_dates(
    rule: CommencementRule | None,
    adoption: date | None,
    reg_delay: int | None,
    pub_delay: int | None,
) -> None:
    """Invariant 3 (ARCHITECTURE.md): never stated; computed is one exact date; estimated
    is a window; unknown has no date; and the certainty is no better than the inputs."""
    registration = (
        adoption + timedelta(days=reg_delay) if adoption and reg_delay is not None else None
    )
    publication = (
        adoption + timedelta(days=pub_delay) if adoption and pub_delay is not None else None
    )
    fact = entry_into_force(rule, adoption, registration, publication)
    assert isinstance(fact, DateFact)
    assert fact.certainty in {"computed", "estimated", "unknown"}
    assert fact.basis
    if fact.certainty == "unknown":
        assert fact.earliest is None and fact.latest is None
    else:
        assert fact.earliest is not None and fact.latest is not None
        assert fact.earliest <= fact.latest
        if adoption is not None:
            assert fact.earliest >= adoption, "nothing applies before it is adopted"
    if fact.certainty == "computed":
        assert fact.date is not None
    if fact.certainty == "estimated":
        assert fact.earliest != fact.latest and fact.date is None
    if rule is not None and rule.kind.endswith("publication") and publication is None:
        assert CERTAINTY_ORDER[fact.certainty] >= CERTAINTY_ORDER["estimated"]


@given(pub=DATES, days=st.integers(min_value=0, max_value=60))
def test_days_after_publication_is_publication_plus_days_plus_one(pub: date, days: int) -> None:
    rule = CommencementRule("days_after_publication", days, "n days")
    fact = entry_into_force(rule, pub - timedelta(days=10), publication=pub)
    assert fact.certainty == "computed"
    assert fact.date == pub + timedelta(days=days + 1)
