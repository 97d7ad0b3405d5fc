"""A mirror's card of labelled fields read when no requisites sentence is printed
(issue 12, items 1 and 3): the date, number, issuer and registration it states,
with a basis saying so; the requisites sentence decides when there is one; a card
that disagrees with the annex approval line says nothing.

Hand-written cards in the shapes mirrors print them (label and value on one line,
the value on the next line, table cells), in Kazakh and Russian.
"""

from __future__ import annotations

from datetime import date

import pytest

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.parse import parse
from lexversion.parse.card import field_of, read_card
from tests.akn.test_lossless import nonspace, text_outside_meta

KK_BODY = (
    "Қазақстан Республикасының «Қазақстан Республикасындағы жергілікті мемлекеттік "
    "басқару және өзін-өзі басқару туралы» Заңына сәйкес, аудандық мәслихат ШЕШІМ "
    "ҚАБЫЛДАДЫ:\n"
    "1. Тұрғын үй көмегін көрсету қағидалары осы шешімнің қосымшасына сәйкес бекітілсін.\n"
    "2. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен "
    "соң қолданысқа енгізіледі.\n"
)
RU_BODY = (
    "В соответствии с Законом Республики Казахстан «О местном государственном управлении "
    "и самоуправлении в Республике Казахстан» районный маслихат РЕШИЛ:\n"
    "1. Утвердить Правила оказания жилищной помощи согласно приложению к настоящему "
    "решению.\n"
    "2. Настоящее решение вводится в действие по истечении десяти календарных дней после "
    "дня его первого официального опубликования.\n"
)

RU_CARD_LINES = (
    "Об утверждении Правил оказания жилищной помощи\n"
    "Вид акта: Решение\n"
    "Дата принятия: 24.09.2020\n"
    "Номер: № 61/455\n"
    "Орган: Зерендинский районный маслихат\n"
    "Дата регистрации: 06.10.2020\n"
    "Номер регистрации: 8102\n"
)
RU_CARD_NEXT_LINE = (
    "Об утверждении Правил оказания жилищной помощи\n"
    "Дата принятия документа:\n24.09.2020\n"
    "Номер принятия акта:\n61/455\n"
    "Принявший орган:\nЗерендинский районный маслихат\n"
    "Номер в государственном реестре:\n100912\n"
    "Дата регистрации в МЮ РК:\n06.10.2020\n"
    "Номер регистрации в МЮ:\n8102\n"
)
KK_CARD_LINES = (
    "Тұрғын үй көмегін көрсету қағидаларын бекіту туралы\n"
    "Акт түрі: Шешім\n"
    "Қабылданған күні: 2020 жылғы 24 қыркүйек\n"
    "Нөмірі: 61/455\n"
    "Қабылдау органы: Зеренді аудандық мәслихаты\n"
    "Тіркелген күні: 06.10.2020\n"
    "Тіркеу нөмірі: 8102\n"
)
KK_CARD_CELLS = (
    "Тұрғын үй көмегін көрсету қағидаларын бекіту туралы\n"
    "| Акт түрі | Шешім |\n"
    "| Қабылданған күні | 24.09.2020 |\n"
    "| Нөмірі | № 61/455 |\n"
    "| Қабылдау органы | Зеренді аудандық мәслихаты |\n"
    "| Тіркелген күні | 06.10.2020 |\n"
    "| Тіркеу нөмірі | 8102 |\n"
)


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (RU_CARD_NEXT_LINE + RU_BODY, "Зерендинский районный маслихат"),
        (
            RU_CARD_LINES + RU_BODY,
            "Зерендинский районный маслихат",
        ),
        (KK_CARD_LINES + KK_BODY, "Зеренді аудандық мәслихаты"),
        (KK_CARD_CELLS + KK_BODY, "Зеренді аудандық мәслихаты"),
    ],
    ids=["ru-value-on-next-line", "ru-label-and-value", "kk-label-and-value", "kk-cells"],
)
def test_the_card_names_the_act_when_no_requisites_do(text: str, issuer: str) -> None:
    doc = parse(text)
    assert doc.meta.date == date(2020, 9, 24)
    assert doc.meta.number == "61/455"
    assert doc.meta.issuer == issuer
    assert doc.meta.act_type == "decision"
    assert doc.meta.registration is not None
    assert doc.meta.registration.number == "8102"
    assert doc.meta.registration.date == date(2020, 10, 6)
    assert any("mirror's card" in w and "date and number" in w for w in doc.warnings)
    assert any("registration: read from the mirror's card" in w for w in doc.warnings)
    assert doc.body.children
    xml = document_to_akn(doc)
    assert not errors(xml)
    assert nonspace(text_outside_meta(xml)) == nonspace(text), "lossless"


def test_the_requisites_sentence_decides_over_the_card() -> None:
    text = (
        "Об утверждении Правил оказания жилищной помощи\n"
        "Решение Зерендинского районного маслихата Акмолинской области от 24 сентября 2020 "
        "года № 61/455. Зарегистрировано Департаментом юстиции Акмолинской области 6 октября "
        "2020 года № 8102\n"
        "Дата принятия: 25.09.2020\n"
        "Номер: 61/456\n" + RU_BODY
    )
    doc = parse(text)
    assert (doc.meta.date, doc.meta.number) == (date(2020, 9, 24), "61/455")
    assert not any("mirror's card" in w for w in doc.warnings)


def test_a_card_that_disagrees_with_the_annex_line_says_nothing() -> None:
    text = (
        "Дата принятия: 24.09.2020\n"
        "Номер: 61/455\n" + RU_BODY + "Председатель сессии | А. Ахметов |\n"
        "Приложение к решению Зерендинского районного маслихата от 24 сентября 2020 года "
        "№ 61/454 |\n"
        "Правила оказания жилищной помощи\n"
    )
    doc = parse(text)
    assert doc.meta.number is None and doc.meta.date is None
    assert any("card and the annex approval line differ" in w for w in doc.warnings)


def test_a_card_that_agrees_with_the_annex_line_is_read() -> None:
    text = (
        "Дата принятия: 24.09.2020\n"
        "Номер: 61/455\n" + RU_BODY + "Председатель сессии | А. Ахметов |\n"
        "Приложение к решению Зерендинского районного маслихата от 24 сентября 2020 года "
        "№ 61/455 |\n"
        "Правила оказания жилищной помощи\n"
    )
    doc = parse(text)
    assert (doc.meta.date, doc.meta.number) == (date(2020, 9, 24), "61/455")


@pytest.mark.parametrize(
    ("lang", "line", "field"),
    [
        ("ru", "Номер в государственном реестре: 100912", None),
        ("ru", "Номер группы регистрации: V20N0008102", None),
        ("ru", "Дата опубликования: 15.10.2020", None),
        ("ru", "Номер: 61/455", ("number", "61/455")),
        (
            "ru",
            "| Орган | Зерендинский районный маслихат |",
            ("issuer", "Зерендинский районный маслихат"),
        ),
        ("kk", "Жариялау органы: «Әділет» АҚЖ", None),
        ("kk", "Ресми тіркеу органы: Әділет министрлігі", None),
        ("kk", "Тіркеу нөмірі:", ("registration_number", "")),
        ("kk", "Тіркеу күні: 06.10.2020", ("registration_date", "06.10.2020")),
        (
            "ru",
            "Орган, принявший акт: Зерендинский районный маслихат",
            ("issuer", "Зерендинский районный маслихат"),
        ),
        ("kk", "| Қабылданған күні | 24.09.2020 |", ("date", "24.09.2020")),
        # a preamble sentence with a colon is no card field
        ("ru", "В соответствии со статьей 6 Закона маслихат РЕШИЛ: 1. Утвердить", None),
    ],
)
def test_card_fields_are_told_by_their_whole_label(
    lang: str, line: str, field: tuple[str, str] | None
) -> None:
    assert field_of(line, lang) == field


def test_two_values_for_one_field_say_nothing() -> None:
    card = read_card([("number", "61/455"), ("number", "61/456"), ("date", "24.09.2020")], "ru")
    assert card.number is None
    assert card.date == date(2020, 9, 24)


def test_numbers_with_letters_are_read_whole() -> None:
    card = read_card([("number", "№ 6С-41-7"), ("registration_number", "N 1-16-101")], "kk")
    assert card.number == "6С-41-7"
    assert card.registration_number == "1-16-101"
