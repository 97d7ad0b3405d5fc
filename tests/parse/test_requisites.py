"""Requisites as the wider database writes them (issue 3, item 6), table-driven.

Each case is a header-only document (title, blank line, optional status line,
requisites) in one language, parsed by :func:`lexversion.parse.parse`; the
metadata must say what the requisites say. Shapes beyond the five corpus files:
"N" and "№", zero-padded days, registration by district justice offices and
newer numbers, no registration, joint acts, a status label glued to the next
word, a repeal note with a parenthesis inside, a title naming another act,
session and convocation numerals, district councils, a former region name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from lexversion.akn.build import document_to_akn
from lexversion.lang import fold_number
from lexversion.parse import parse


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    title: str
    requisites: str
    issuer: str
    region: str | None
    date: date
    number: str
    act_type: str = "decision"
    status_line: str | None = None
    registration: tuple[date, str] | None = None
    status: str | None = None
    status_label: str | None = None
    repealed_by: tuple[date, str] | None = None
    joint: tuple[tuple[str | None, str], ...] = field(default=())

    def text(self) -> str:
        lines = ["", self.title, ""]
        if self.status_line:
            lines.append(self.status_line)
        lines.append(self.requisites)
        return "\n".join(lines) + "\n"


KK_TITLE = "Көші-қон процестерін реттеу қағидаларын бекіту туралы"
RU_TITLE = "Об утверждении Правил регулирования миграционных процессов"

CASES = [
    Case(
        "kk-latin-N",
        "kk",
        KK_TITLE,
        "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы N 26-129 шешімі. Алматы "
        "облысы Әділет департаментінде 2018 жылы 9 қаңтарда N 4490 болып тіркелді",
        "Алматы облыстық мәслихаты",
        "KZ-19",
        date(2017, 12, 15),
        "26-129",
        registration=(date(2018, 1, 9), "4490"),
    ),
    Case(
        "ru-numero-sign-glued",
        "ru",
        RU_TITLE,
        "Решение маслихата города Алматы от 19 февраля 2021 года №22. Зарегистрировано "
        "Департаментом юстиции города Алматы 1 марта 2021 года №1691",
        "маслихат города Алматы",
        "KZ-75",
        date(2021, 2, 19),
        "22",
        registration=(date(2021, 3, 1), "1691"),
    ),
    Case(
        "kk-zero-padded-day",
        "kk",
        KK_TITLE,
        "Астана қаласы мәслихатының 2019 жылғы 06 наурыздағы № 356/45-VI шешімі. Астана "
        "қаласының Әділет департаментінде 2019 жылы 08 сәуірде № 1220 болып тіркелді",
        "Астана қаласы мәслихаты",
        "KZ-71",
        date(2019, 3, 6),
        "356/45-VI",
        registration=(date(2019, 4, 8), "1220"),
    ),
    Case(
        "ru-zero-padded-dotted",
        "ru",
        RU_TITLE,
        "Решение маслихата Алматинской области от 05.12.2017 года № 26-129. Зарегистрировано "
        "Департаментом юстиции Алматинской области 09.01.2018 года № 4490",
        "Алматинский областной маслихат",
        "KZ-19",
        date(2017, 12, 5),
        "26-129",
        registration=(date(2018, 1, 9), "4490"),
    ),
    Case(
        "kk-district-registration",
        "kk",
        KK_TITLE,
        "Аягөз аудандық мәслихатының 2008 жылғы 12 ақпандағы № 5/61-IV шешімі. Шығыс "
        "Қазақстан облысы Аягөз ауданының Әділет басқармасында 2008 жылғы 14 наурызда "
        "№ 1-16-101 тіркелді",
        "Аягөз аудандық мәслихаты",
        "KZ-63",
        date(2008, 2, 12),
        "5/61-IV",
        registration=(date(2008, 3, 14), "1-16-101"),
    ),
    Case(
        "ru-district-registration",
        "ru",
        RU_TITLE,
        "Решение Аягозского районного маслихата Восточно-Казахстанской области от 12 февраля "
        "2008 года № 5/61-IV. Зарегистрировано Управлением юстиции Аягозского района 14 марта "
        "2008 года № 1-16-101",
        "Аягозский районный маслихат",  # in the nominative (issue 12)
        "KZ-63",
        date(2008, 2, 12),
        "5/61-IV",
        registration=(date(2008, 3, 14), "1-16-101"),
    ),
    Case(
        "ru-newer-registration-number",
        "ru",
        RU_TITLE,
        "Решение маслихата Туркестанской области от 10 декабря 2018 года № 37/385-VI. "
        "Зарегистрировано Департаментом юстиции Туркестанской области 21 декабря 2018 года "
        "№ 1368-01",
        "Туркестанский областной маслихат",
        "KZ-61",
        date(2018, 12, 10),
        "37/385-VI",
        registration=(date(2018, 12, 21), "1368-01"),
    ),
    Case(
        "kk-no-registration",
        "kk",
        KK_TITLE,
        "Астана қаласы мәслихатының 2024 жылғы 7 наурыздағы № 149/19-VIII шешімі",
        "Астана қаласы мәслихаты",
        "KZ-71",
        date(2024, 3, 7),
        "149/19-VIII",
    ),
    Case(
        "ru-no-registration",
        "ru",
        RU_TITLE,
        "Решение Туркестанского областного маслихата от 30 сентября 2024 года № 12/160-VIII",
        "Туркестанский областной маслихат",
        "KZ-61",
        date(2024, 9, 30),
        "12/160-VIII",
    ),
    Case(
        "kk-joint-two-dates-and-numbers",
        "kk",
        KK_TITLE,
        "Қостанай облысы әкімдігінің 2015 жылғы 10 наурыздағы № 95 қаулысы және Қостанай "
        "облыстық мәслихатының 2015 жылғы 10 наурыздағы № 401 шешімі. Қостанай облысының "
        "Әділет департаментінде 2015 жылы 2 сәуірде № 5496 болып тіркелді",
        "Қостанай облысының әкімдігі",
        "KZ-39",
        date(2015, 3, 10),
        "95",
        act_type="resolution",
        registration=(date(2015, 4, 2), "5496"),
        joint=(("KZ-39", "401"),),
    ),
    Case(
        "ru-joint-one-date-two-numbers",
        "ru",
        RU_TITLE,
        "Совместное постановление акимата Северо-Казахстанской области и решение "
        "Северо-Казахстанского областного маслихата от 13 декабря 2013 года N 449 и N 27/5. "
        "Зарегистрировано Департаментом юстиции Северо-Казахстанской области 10 января 2014 "
        "года N 2490",
        "акимат Северо-Казахстанской области",
        "KZ-59",
        date(2013, 12, 13),
        "449",
        act_type="resolution",
        registration=(date(2014, 1, 10), "2490"),
        joint=(("KZ-59", "27/5"),),
    ),
    Case(
        "kk-status-glued",
        "kk",
        KK_TITLE,
        "Күшін жойғанҚостанай облыстық мәслихатының 2015 жылғы 12 наурыздағы № 401 шешімі. "
        "Қостанай облысының Әділет департаментінде 2015 жылы 2 сәуірде № 5496 болып тіркелді. "
        "Күші жойылды - Қостанай облыстық мәслихатының 2020 жылғы 3 ақпандағы № 512 шешімімен",
        "Қостанай облыстық мәслихаты",
        "KZ-39",
        date(2015, 3, 12),
        "401",
        registration=(date(2015, 4, 2), "5496"),
        status="repealed",
        status_label="Күшін жойған",
        repealed_by=(date(2020, 2, 3), "512"),
    ),
    Case(
        "ru-status-glued",
        "ru",
        RU_TITLE,
        "Утративший силуРешение маслихата Костанайской области от 12 марта 2015 года № 401. "
        "Зарегистрировано Департаментом юстиции Костанайской области 2 апреля 2015 года "
        "№ 5496. Утратило силу решением маслихата Костанайской области от 3 февраля 2020 года "
        "№ 512",
        "Костанайский областной маслихат",
        "KZ-39",
        date(2015, 3, 12),
        "401",
        registration=(date(2015, 4, 2), "5496"),
        status="repealed",
        status_label="Утративший силу",
        repealed_by=(date(2020, 2, 3), "512"),
    ),
    Case(
        "kk-repeal-note-with-parenthesis",
        "kk",
        KK_TITLE,
        "Қостанай облыстық мәслихатының 2015 жылғы 12 наурыздағы № 401 шешімі. Күші жойылды - "
        "Қостанай облыстық мәслихатының 2016 жылғы 20 қаңтардағы № 15 (алғашқы ресми "
        "жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) "
        "шешімімен",
        "Қостанай облыстық мәслихаты",
        "KZ-39",
        date(2015, 3, 12),
        "401",
        status="repealed",
        status_line="Күшін жойған",
        status_label="Күшін жойған",
        repealed_by=(date(2016, 1, 20), "15"),
    ),
    Case(
        "ru-repeal-note-with-parenthesis",
        "ru",
        RU_TITLE,
        "Решение маслихата Костанайской области от 12 марта 2015 года № 401. Утратило силу "
        "решением маслихата Костанайской области от 20.01.2016 № 15 (вводится в действие со "
        "дня подписания)",
        "Костанайский областной маслихат",
        "KZ-39",
        date(2015, 3, 12),
        "401",
        status="repealed",
        repealed_by=(date(2016, 1, 20), "15"),
    ),
    Case(
        "kk-title-names-another-act",
        "kk",
        "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешіміне "
        "өзгерістер енгізу туралы",
        "Алматы облыстық мәслихатының 2021 жылғы 14 желтоқсандағы № 12-61 шешімі. Алматы "
        "облысы Әділет департаментінде 2021 жылы 22 желтоқсанда № 26001 болып тіркелді",
        "Алматы облыстық мәслихаты",
        "KZ-19",
        date(2021, 12, 14),
        "12-61",
        registration=(date(2021, 12, 22), "26001"),
    ),
    Case(
        "ru-title-names-another-act",
        "ru",
        "О внесении изменения в решение маслихата города Алматы от 15 сентября 2017 года "
        '№ 152 "Об утверждении правил регулирования миграционных процессов в городе Алматы"',
        "Решение маслихата города Алматы от 19 февраля 2021 года № 22",
        "маслихат города Алматы",
        "KZ-75",
        date(2021, 2, 19),
        "22",
    ),
    Case(
        "kk-session-and-convocation",
        "kk",
        KK_TITLE,
        "VI шақырылған Алматы қалалық мәслихатының XVII сессиясының 2017 жылғы 15 "
        "қыркүйектегі № 152 шешімі",
        "Алматы қаласы мәслихаты",
        "KZ-75",
        date(2017, 9, 15),
        "152",
    ),
    Case(
        "ru-session-and-convocation",
        "ru",
        RU_TITLE,
        "Решение XVII сессии маслихата города Алматы VI созыва от 15 сентября 2017 года № 152",
        "маслихат города Алматы",
        "KZ-75",
        date(2017, 9, 15),
        "152",
    ),
    Case(
        "kk-region-renamed",
        "kk",
        KK_TITLE,
        "Оңтүстік Қазақстан облыстық мәслихатының 2017 жылғы 12 қазандағы № 5/60-VI шешімі. "
        "Оңтүстік Қазақстан облысының Әділет департаментінде 2017 жылы 30 қазанда № 4262 "
        "болып тіркелді",
        "Оңтүстік Қазақстан облыстық мәслихаты",  # as named then; the region is KZ-61 now
        "KZ-61",
        date(2017, 10, 12),
        "5/60-VI",
        registration=(date(2017, 10, 30), "4262"),
    ),
    Case(
        "ru-region-renamed",
        "ru",
        RU_TITLE,
        "Решение Южно-Казахстанского областного маслихата от 12 октября 2017 года № 5/60-VI. "
        "Зарегистрировано Департаментом юстиции Южно-Казахстанской области 30 октября 2017 "
        "года № 4262",
        "Южно-Казахстанский областной маслихат",  # as named then; the region is KZ-61 now
        "KZ-61",
        date(2017, 10, 12),
        "5/60-VI",
        registration=(date(2017, 10, 30), "4262"),
    ),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_requisites(case: Case) -> None:
    doc = parse(case.text(), f"{case.id}.txt")
    m = doc.meta
    assert m.lang == case.lang
    assert m.title == case.title
    assert (m.act_type, m.issuer, m.region) == (case.act_type, case.issuer, case.region)
    assert (m.date, m.number) == (case.date, case.number)
    if case.registration is None:
        assert m.registration is None
    else:
        assert m.registration is not None
        assert (m.registration.date, m.registration.number) == case.registration
    assert (m.status, m.status_label) == (case.status, case.status_label)
    if case.repealed_by is None:
        assert m.repealed_by is None
    else:
        assert m.repealed_by is not None
        assert (m.repealed_by.date, fold_number(m.repealed_by.number or "")) == case.repealed_by
    assert tuple((a.region, a.number) for a in m.joint) == case.joint
    assert doc.partial
    assert "requisites: no adoption date and number found" not in doc.warnings


def test_every_shape_is_tested_in_both_languages() -> None:
    shapes = {c.id.split("-", 1)[1] for c in CASES}
    for shape in {"title-names-another-act", "session-and-convocation", "region-renamed"}:
        assert shape in shapes
    assert {c.lang for c in CASES} == {"kk", "ru"}
    assert sum(c.lang == "kk" for c in CASES) >= 9 and sum(c.lang == "ru" for c in CASES) >= 9


def test_the_status_label_glued_to_the_requisites_is_kept_in_the_akn() -> None:
    (case,) = [c for c in CASES if c.id == "kk-status-glued"]
    doc = parse(case.text(), "glued.txt")
    xml = document_to_akn(doc).decode()
    assert "<docStatus>Күшін жойған</docStatus>" in xml
    assert ">Қостанай облыстық мәслихатының <docDate" in xml
