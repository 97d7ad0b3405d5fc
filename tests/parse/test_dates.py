"""Date forms of Kazakh and Russian legal texts (DOMAIN.md 3), table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from lexversion.parse.dates import find_dates, parse_date

# --- Kazakh ---------------------------------------------------------------------------------

KK_FORMS = [
    pytest.param("2017 жылғы 15 желтоқсандағы", date(2017, 12, 15), id="jylgy-dagy"),
    pytest.param("2018 жылы 9 қаңтарда", date(2018, 1, 9), id="jyly-da"),
    pytest.param("2002 жылдың 27 наурызындағы", date(2002, 3, 27), id="jyldyn-yndagy"),
    pytest.param('2017 жылғы "15" желтоқсандағы', date(2017, 12, 15), id="quoted-day"),
    pytest.param("2004 жылғы 8 сәуiрдегi", date(2004, 4, 8), id="latin-i"),  # seed 003
    pytest.param("16.04.2024", date(2024, 4, 16), id="dotted"),
    pytest.param("16.04.2024 № 18-84", date(2024, 4, 16), id="dotted-then-number"),
]

#: every month with the case endings of DOMAIN.md 3 (-дағы/-дегі/-тағы/-тегі/-да/-де/-нда/...)
KK_MONTHS = [
    ("2020 жылғы 9 қаңтардағы", 1),
    ("2020 жылғы 9 қаңтарда", 1),
    ("2020 жылғы 22 ақпандағы", 2),
    ("2020 жылғы 22 ақпанда", 2),
    ("2020 жылғы 7 наурыздағы", 3),
    ("2020 жылғы 7 наурызында", 3),
    ("2020 жылғы 16 сәуірдегі", 4),
    ("2020 жылғы 16 сәуірде", 4),
    ("2020 жылғы 25 мамырдағы", 5),
    ("2020 жылғы 25 мамырда", 5),
    ("2020 жылғы 3 маусымдағы", 6),
    ("2020 жылғы 3 маусымында", 6),
    ("2020 жылғы 26 шілдедегі", 7),
    ("2020 жылғы 26 шілдеде", 7),
    ("2020 жылғы 3 тамыздағы", 8),
    ("2020 жылғы 3 тамызда", 8),
    ("2020 жылғы 21 қыркүйектегі", 9),
    ("2020 жылғы 21 қыркүйекте", 9),
    ("2020 жылғы 12 қазандағы", 10),
    ("2020 жылғы 12 қазанда", 10),
    ("2020 жылғы 24 қарашадағы", 11),
    ("2020 жылғы 24 қарашада", 11),
    ("2020 жылғы 30 желтоқсандағы", 12),
    ("2020 жылғы 30 желтоқсанда", 12),
]


@pytest.mark.parametrize(("text", "expected"), KK_FORMS)
def test_kk_date_forms(text: str, expected: date | None) -> None:
    assert parse_date(text, "kk") == expected


@pytest.mark.parametrize(
    ("text", "month"),
    [
        pytest.param(t, m, id=f"{m:02d}-{'adj' if t.endswith(('ғы', 'гі')) else 'loc'}")
        for t, m in KK_MONTHS
    ],
)
def test_kk_every_month_with_endings(text: str, month: int) -> None:
    found = find_dates(text, "kk")
    assert len(found) == 1
    m = found[0]
    assert m.date.month == month
    assert (m.start, m.end) == (0, len(text)), "the span covers the whole date with its ending"
    assert m.displaced == ""


def test_kk_span_inside_a_sentence() -> None:
    text = "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі"
    (m,) = find_dates(text, "kk")
    assert text[m.start : m.end] == "2017 жылғы 15 желтоқсандағы"
    assert m.date == date(2017, 12, 15)


def test_kk_displaced_word_inside_a_date() -> None:
    (m,) = find_dates("2021 жылғы 12 шешімі қазандағы", "kk")
    assert (m.date, m.displaced) == (date(2021, 10, 12), "шешімі")


# --- Russian --------------------------------------------------------------------------------

RU_FORMS = [
    ("от 15 сентября 2017 года", date(2017, 9, 15), "15 сентября 2017 года"),
    ('от "30" сентября 2024 года', date(2024, 9, 30), '"30" сентября 2024 года'),
    ("6 апреля 2016", date(2016, 4, 6), "6 апреля 2016"),
    ("16.04.2024", date(2024, 4, 16), "16.04.2024"),
    ("от 29.03.2024 года № 97", date(2024, 3, 29), "29.03.2024"),
    ("29 марта 2024", date(2024, 3, 29), "29 марта 2024"),  # март, not май
    ("25 мая 2017", date(2017, 5, 25), "25 мая 2017"),  # май, not март
    ("1 марта 2021 года", date(2021, 3, 1), "1 марта 2021 года"),
]

RU_GENITIVE = [
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
]


@pytest.mark.parametrize(
    ("text", "expected", "span"), RU_FORMS, ids=[f"ru-{i}" for i in range(len(RU_FORMS))]
)
def test_ru_date_forms(text: str, expected: date, span: str) -> None:
    (m,) = find_dates(text, "ru")
    assert m.date == expected
    assert text[m.start : m.end] == span


@pytest.mark.parametrize(("word", "month"), RU_GENITIVE, ids=[f"{m:02d}" for _, m in RU_GENITIVE])
def test_ru_every_month_in_genitive(word: str, month: int) -> None:
    text = f"от 28 {word} 2020 года"
    assert parse_date(text, "ru") == date(2020, month, 28)


def test_ru_displaced_word_inside_a_date() -> None:
    text = "от 12 решение октября 2021 года"
    (m,) = find_dates(text, "ru")
    assert m.date == date(2021, 10, 12)
    assert m.displaced == "решение"
    assert text[m.start : m.end] == "12 решение октября 2021 года"


def test_several_dates_in_order() -> None:
    text = "от 15 сентября 2017 года № 152, опубликовано 19 октября 2017 года; 01.03.2021"
    assert [m.date for m in find_dates(text, "ru")] == [
        date(2017, 9, 15),
        date(2017, 10, 19),
        date(2021, 3, 1),
    ]


# --- negative cases -------------------------------------------------------------------------

NOT_DATES = [
    ("kk", "2020 жылғы 31 ақпандағы"),  # impossible: 31 February
    ("kk", "2021 жылғы 29 ақпанда"),  # not a leap year
    ("kk", "2020 жылғы 31 қыркүйектегі"),  # September has 30 days
    ("kk", "2020 жылғы 5 бекітілген"),  # not a month word
    ("kk", "2020 жылғы 0 қаңтарда"),
    ("kk", "2020 жылдар кезеңіне"),
    ("kk", "31.02.2020"),
    ("ru", "31 февраля 2020 года"),
    ("ru", "31 апреля 2020 года"),
    ("ru", "5 машин 2020 года"),  # not a month word
    ("ru", "16.13.2024"),
    ("ru", "32.01.2024"),
    ("ru", "пункт 2-6 статьи 6"),
]


@pytest.mark.parametrize(
    ("lang", "text"), NOT_DATES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(NOT_DATES)]
)
def test_not_a_date(lang: str, text: str) -> None:
    assert find_dates(text, lang) == []


def test_ru_word_that_opens_with_a_month_stem_is_not_a_month() -> None:
    assert find_dates("5 мартышек 2020 года", "ru") == []


def test_leap_day_is_a_date() -> None:
    assert parse_date("2024 жылғы 29 ақпанда", "kk") == date(2024, 2, 29)
    assert parse_date("29 февраля 2024 года", "ru") == date(2024, 2, 29)
