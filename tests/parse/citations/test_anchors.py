"""Act references (anchors) in Kazakh and Russian text, table-driven (DOMAIN.md 3, 4.1)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest

from lexversion.lang import fold_number
from lexversion.model import ActRef
from lexversion.parse.citations.anchors import find_anchors
from lexversion.parse.citations.assemble import act_type_of
from lexversion.parse.citations.identity import same_act

KK_GOV = "Қазақстан Республикасының Үкіметі"
RU_GOV = "Правительство Республики Казахстан"


class Case(NamedTuple):
    id: str
    lang: str
    text: str
    act_type: str | None
    issuer: str | None
    region: str | None
    body: str | None
    date: date
    number: str
    moved: str = ""


CASES = [
    # --- Kazakh: issuer before the date, act type after the number
    Case(
        "kk-requisites",
        "kk",
        "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі",
        "decision",
        "Алматы облыстық мәслихаты",
        "KZ-19",
        "maslikhat",
        date(2017, 12, 15),
        "26-129",
    ),
    Case(
        "kk-repealed-by",
        "kk",
        "Күші жойылды - Алматы облыстық мәслихатының 2024 жылғы 16 сәуірдегі № 18-84 шешімімен",
        "decision",
        "Алматы облыстық мәслихаты",
        "KZ-19",
        "maslikhat",
        date(2024, 4, 16),
        "18-84",
    ),
    Case(
        "kk-dotted-date",
        "kk",
        "Алматы облыстық мәслихатының 16.04.2024 № 18-84 шешімімен",
        "decision",
        "Алматы облыстық мәслихаты",
        "KZ-19",
        "maslikhat",
        date(2024, 4, 16),
        "18-84",
    ),
    Case(
        "kk-session-convocation",
        "kk",
        "Астана қаласы мәслихатының 2019 жылғы 6 наурыздағы № 356/45-VI шешімінің",
        "decision",
        "Астана қаласы мәслихаты",
        "KZ-71",
        "maslikhat",
        date(2019, 3, 6),
        "356/45-VI",
    ),
    Case(
        "kk-cyrillic-roman-numerals",
        "kk",
        "Астана қаласы мәслихатының 2006 жылғы 21 қыркүйектегі N 285/35-ІІІ шешімімен",
        "decision",
        "Астана қаласы мәслихаты",
        "KZ-71",
        "maslikhat",
        date(2006, 9, 21),
        "285/35-ІІІ",  # Cyrillic І, kept as typed
    ),
    Case(
        "kk-latin-i",
        "kk",
        "Астана қаласы мәслихатының 2004 жылғы 8 сәуiрдегi N 225/42-II шешiмi",
        "decision",
        "Астана қаласы мәслихаты",
        "KZ-71",
        "maslikhat",
        date(2004, 4, 8),
        "225/42-II",
    ),
    Case(
        "kk-no-space-after-sign",
        "kk",
        "Түркістан облыстық мәслихатының 2021 жылғы 12 қазандағы №11/102-VII шешімі",
        "decision",
        "Түркістан облыстық мәслихаты",
        "KZ-61",
        "maslikhat",
        date(2021, 10, 12),
        "11/102-VII",
    ),
    Case(
        "kk-government-after-number",
        "kk",
        "2017 жылғы 25 мамырдағы № 296 Қазақстан Республикасы Үкіметінің қаулысына сәйкес",
        "resolution",
        KK_GOV,
        None,
        "government",
        date(2017, 5, 25),
        "296",
    ),
    Case(
        # seed 000 preamble: the act-type word displaced to the line end, a council named later
        "kk-government-displaced-type",
        "kk",
        '"...үлгілік қағидаларын бекіту туралы" 2017 жылғы 25 мамырдағы № 296 Қазақстан '
        "Республикасы Үкіметінің  сәйкес, Алматы облыстық мәслихаты ШЕШІМ қаулысына",
        "resolution",
        KK_GOV,
        None,
        "government",
        date(2017, 5, 25),
        "296",
    ),
    Case(
        "kk-akimat",
        "kk",
        "Астана қаласы әкімдігінің 2019 жылғы 22 ақпандағы № 507-290 қаулысына",
        "resolution",
        "Астана қаласының әкімдігі",
        "KZ-71",
        "akimat",
        date(2019, 2, 22),
        "507-290",
    ),
    Case(
        "kk-former-oblast-name",
        "kk",
        "Оңтүстік Қазақстан облыстық мәслихатының 2017 жылғы 12 қазандағы № 5/60-VI шешімі",
        "decision",
        "Түркістан облыстық мәслихаты",
        "KZ-61",
        "maslikhat",
        date(2017, 10, 12),
        "5/60-VI",
    ),
    Case(
        "kk-former-city-name",
        "kk",
        "Нұр-Сұлтан қаласы мәслихатының 2020 жылғы 12 қазандағы № 5/60-VI шешімі",
        "decision",
        "Астана қаласы мәслихаты",
        "KZ-71",
        "maslikhat",
        date(2020, 10, 12),
        "5/60-VI",
    ),
    Case(
        "kk-shymkent",
        "kk",
        "Шымкент қаласы мәслихатының 2020 жылғы 12 қазандағы № 5/60-VI шешімі",
        "decision",
        "Шымкент қаласы мәслихаты",
        "KZ-79",
        "maslikhat",
        date(2020, 10, 12),
        "5/60-VI",
    ),
    Case(
        "kk-moved-word",
        "kk",
        "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № шешімі 26-129",
        "decision",
        "Алматы облыстық мәслихаты",
        "KZ-19",
        "maslikhat",
        date(2017, 12, 15),
        "26-129",
        moved="шешімі",
    ),
    # --- Russian: act type and issuer before the date
    Case(
        "ru-city-council",
        "ru",
        "решение маслихата города Алматы от 15 сентября 2017 года № 152",
        "decision",
        "маслихат города Алматы",
        "KZ-75",
        "maslikhat",
        date(2017, 9, 15),
        "152",
    ),
    Case(
        # seed 001 point 1: "решение" moved between "№" and the number
        "ru-moved-word",
        "ru",
        'Внести в  маслихата города Алматы от 15 сентября 2017 года № решение 152 "Об утверждении',
        "decision",
        "маслихат города Алматы",
        "KZ-75",
        "maslikhat",
        date(2017, 9, 15),
        "152",
        moved="решение",
    ),
    Case(
        # seed 004 point 2: "решение" moved into the date, number glued to "№"
        "ru-moved-into-date",
        "ru",
        "Признать утратившим силу  Туркестанского областного маслихата от 12 решение октября "
        '2021 года №11/102-VII "Об утверждении',
        "decision",
        "Туркестанский областной маслихат",
        "KZ-61",
        "maslikhat",
        date(2021, 10, 12),
        "11/102-VII",
        moved="решение",
    ),
    Case(
        "ru-repealed-by",
        "ru",
        "Утратило силу решением маслихата города Алматы от 29 марта 2024 года № 97",
        "decision",
        "маслихат города Алматы",
        "KZ-75",
        "maslikhat",
        date(2024, 3, 29),
        "97",
    ),
    Case(
        "ru-dotted-date-type-after",
        "ru",
        "Утратило силу  маслихата города Алматы от 29.03.2024 года № 97 (решением вводится",
        "decision",
        "маслихат города Алматы",
        "KZ-75",
        "maslikhat",
        date(2024, 3, 29),
        "97",
    ),
    Case(
        "ru-oblast-adjective",
        "ru",
        "Решение Туркестанского областного маслихата от 30 сентября 2024 года № 12/160-VIII",
        "decision",
        "Туркестанский областной маслихат",
        "KZ-61",
        "maslikhat",
        date(2024, 9, 30),
        "12/160-VIII",
    ),
    Case(
        "ru-oblast-genitive",
        "ru",
        "решение маслихата Алматинской области от 15 декабря 2017 года № 26-129",
        "decision",
        "Алматинский областной маслихат",
        "KZ-19",
        "maslikhat",
        date(2017, 12, 15),
        "26-129",
    ),
    Case(
        "ru-former-oblast-name",
        "ru",
        "решение Южно-Казахстанского областного маслихата от 12 октября 2017 года № 5/60-VI",
        "decision",
        "Туркестанский областной маслихат",
        "KZ-61",
        "maslikhat",
        date(2017, 10, 12),
        "5/60-VI",
    ),
    Case(
        "ru-cyrillic-roman-numerals",
        "ru",
        "решением Астанинского городского маслихата от 21 сентября 2006 года № 285/35-ІІІ",
        "decision",
        "маслихат города Астана",
        "KZ-71",
        "maslikhat",
        date(2006, 9, 21),
        "285/35-ІІІ",
    ),
    Case(
        "ru-former-city-name",
        "ru",
        "решением маслихата города Нур-Султан от 21 сентября 2020 года № 5/6-VII",
        "decision",
        "маслихат города Астана",
        "KZ-71",
        "maslikhat",
        date(2020, 9, 21),
        "5/6-VII",
    ),
    Case(
        "ru-number-without-space",
        "ru",
        "решение маслихата города Алматы от 15.09.2017 года №1427",
        "decision",
        "маслихат города Алматы",
        "KZ-75",
        "maslikhat",
        date(2017, 9, 15),
        "1427",
    ),
    Case(
        "ru-government",
        "ru",
        "постановлением Правительства Республики Казахстан от 25 мая 2017 года № 296",
        "resolution",
        RU_GOV,
        None,
        "government",
        date(2017, 5, 25),
        "296",
    ),
    Case(
        "ru-akimat-latin-N",
        "ru",
        "постановлением акимата Туркестанской области от 15 декабря 2017 года N 26",
        "resolution",
        "акимат Туркестанской области",
        "KZ-61",
        "akimat",
        date(2017, 12, 15),
        "26",
    ),
    Case(
        "ru-law",
        "ru",
        'Закона Республики Казахстан от 6 апреля 2016 года № 480-V "О правовых актах"',
        "law",
        None,
        None,
        "parliament",
        date(2016, 4, 6),
        "480-V",
    ),
    Case(
        "ru-ministry-order",
        "ru",
        "приказом Министра труда и социальной защиты населения от 26 июля 2023 года № 312",
        "order",
        "министерство",
        None,
        "ministry",
        date(2023, 7, 26),
        "312",
    ),
]

XFAIL_CASES = [
    pytest.param(
        Case(
            "ru-city-genitive-astana",
            "ru",
            "решением маслихата города Астаны от 21 сентября 2006 года № 285/35-ІІІ",
            "decision",
            "маслихат города Астана",
            "KZ-71",
            "maslikhat",
            date(2006, 9, 21),
            "285/35-ІІІ",
        ),
        id="ru-city-genitive-astana",
    ),
    pytest.param(
        Case(
            "ru-city-genitive-shymkent",
            "ru",
            "решением маслихата города Шымкента от 21 сентября 2020 года № 5/6-VII",
            "decision",
            "маслихат города Шымкент",
            "KZ-79",
            "maslikhat",
            date(2020, 9, 21),
            "5/6-VII",
        ),
        id="ru-city-genitive-shymkent",
    ),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES] + XFAIL_CASES)
def test_anchor(case: Case) -> None:
    anchors = find_anchors(case.text, case.lang)
    assert len(anchors) == 1, anchors
    (a,) = anchors
    expected = ActRef(
        case.act_type, case.issuer, case.region, case.body, case.date, case.number, None
    )
    assert a.act == expected
    assert a.moved == case.moved
    span = case.text[a.start : a.end]
    assert span.endswith(case.number), "the anchor ends with the number"
    if case.moved:
        assert case.moved in span


def test_issuer_named_before_is_inside_the_span() -> None:
    text = "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі"
    (a,) = find_anchors(text, "kk")
    assert (
        text[a.start : a.end] == "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129"
    )


def test_government_named_after_the_number_is_outside_the_span() -> None:
    text = "2017 жылғы 25 мамырдағы № 296 Қазақстан Республикасы Үкіметінің қаулысына сәйкес"
    (a,) = find_anchors(text, "kk")
    assert text[a.start : a.end] == "2017 жылғы 25 мамырдағы № 296"


def test_two_anchors_in_one_clause_get_their_own_issuers() -> None:
    # seed 002 point 2 2): an akimat resolution cited inside the title of a council decision
    text = (
        '"Астана қаласының көші-қон процестерін реттеу қағидаларын бекіту туралы" Астана қаласы '
        'әкімдігінің 2019 жылғы 22 ақпандағы № 507-290 қаулысына өзгерістер енгізу туралы" '
        "Астана қаласы мәслихатының 2021 жылғы 24 қарашадағы № 106/15-VII шешімінің"
    )
    acts = [a.act for a in find_anchors(text, "kk")]
    assert [(a.body, a.act_type, a.region, a.number) for a in acts] == [
        ("akimat", "resolution", "KZ-71", "507-290"),
        ("maslikhat", "decision", "KZ-71", "106/15-VII"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", 'Закона Республики Казахстан от 6 апреля 2016 года "О правовых актах"'),
        ("ru", "зарегистрировано за № 1410"),
        ("kk", "2001 жылғы 23 қаңтардағы Қазақстан Республикасы Заңының 6-бабының"),
        ("kk", "2003-2005 жылдар кезеңіне арналған № 2 қосымша"),
    ],
)
def test_no_anchor_without_date_and_number(lang: str, text: str) -> None:
    assert find_anchors(text, lang) == []


ACT_TYPE_WORDS = [
    ("kk", "шешімі", "decision"),
    ("kk", "шешімімен", "decision"),
    ("kk", "шешiмi", "decision"),  # Latin i
    ("kk", "қаулысына", "resolution"),
    ("kk", "бұйрық", "order"),
    ("kk", "Заңының", "law"),
    ("ru", "решением", "decision"),
    ("ru", "постановления", "resolution"),
    ("ru", "приказом", "order"),
    ("ru", "Закона", "law"),
    ("ru", "маслихата", None),
]


@pytest.mark.parametrize(
    ("lang", "word", "subtype"),
    [pytest.param(*w, id=f"{w[0]}-{w[2]}-{i}") for i, w in enumerate(ACT_TYPE_WORDS)]
    + [
        pytest.param("kk", "бұйрығына", "order", id="kk-order-voiced"),
        pytest.param("kk", "Жарлығымен", "decree", id="kk-decree-voiced"),
    ],
)
def test_act_type_words(lang: str, word: str, subtype: str | None) -> None:
    assert act_type_of(word, lang) == subtype


def test_same_act_folds_cyrillic_roman_numerals() -> None:
    cyr = ActRef("decision", None, "KZ-71", "maslikhat", date(2006, 9, 21), "285/35-ІІІ")
    lat = ActRef("decision", None, "KZ-71", "maslikhat", date(2006, 9, 21), "285/35-III")
    mixed = ActRef("decision", None, None, None, date(2006, 9, 21), "285/35-IIІ")
    assert fold_number("285/35-ІІІ") == fold_number("285/35-III") == "285/35-III"
    assert same_act(cyr, lat)
    assert same_act(cyr, mixed), "a missing region does not separate two acts"
    other_region = ActRef("decision", None, "KZ-75", "maslikhat", date(2006, 9, 21), "285/35-III")
    assert not same_act(cyr, other_region)
    other_date = ActRef("decision", None, "KZ-71", "maslikhat", date(2004, 4, 8), "285/35-III")
    assert not same_act(cyr, other_date)
