"""Numeric dates of editorial notes and mirrors (lexversion.parse.dates.find_note_dates):
year first ("2009.09.30", prg.kz's "2016.20.04") and two-digit years ("13.04.20 г.").
An order the text does not tell is not guessed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexversion.parse.dates import find_note_dates, find_numeric_dates, year_first_order


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("14.03.2018 № 220/25", [date(2018, 3, 14)]),
        ("2009.09.30 № 15", [date(2009, 9, 30)]),
        ("2016.20.04 № 2/11", [date(2016, 4, 20)]),
        ("мәслихатының 2025.25.04. № 29/5 шешімімен", [date(2025, 4, 25)]),
        ("от 13.04.20 г. № 45/6", [date(2020, 4, 13)]),
        ("06.04.21 ж. № 3/3", [date(2021, 4, 6)]),
        ("2018 жылғы 13 сәуірдегі № 17/158-VI", [date(2018, 4, 13)]),
        ("от 5 февраля 2019 года № 372", [date(2019, 2, 5)]),
        # ambiguous year first with no evidence: left out
        ("2025.04.03 № 1", []),
        # the other year-first date of the text tells the order
        ("2025.16.05. берілген; 2025.04.03. № 1", [date(2025, 5, 16), date(2025, 3, 4)]),
        # numbered provisions and impossible dates are not dates
        ("5.1.2. бөлім", []),
        ("2016.31.02 № 4", []),
        ("13.04.20 № 45/6", []),
    ],
)
def test_note_dates(text: str, want: list[date]) -> None:
    assert [d.date for d in find_note_dates(text, "kk" if "ж" in text else "ru")] == want


def test_a_page_order_decides_an_ambiguous_note_date() -> None:
    assert year_first_order("2025.16.05. ... 2025.25.04.") == "dm"
    assert year_first_order("2009.09.30") == "md"
    assert year_first_order("2025.04.03") is None
    assert [d.date for d in find_numeric_dates("2025.04.03", "dm")] == [date(2025, 3, 4)]


@given(st.dates(min_value=date(1991, 1, 1), max_value=date(2099, 12, 31)))
def test_a_year_first_date_whose_day_tells_reads_back(d: date) -> None:
    text = f"{d.year}.{d.day:02d}.{d.month:02d}"
    found = find_numeric_dates(text)
    if d.day > 12:
        assert [m.date for m in found] == [d]
    elif d.day == d.month:
        assert [m.date for m in found] == [d]  # either order reads the same
    else:
        assert found == []  # the order is not guessed
