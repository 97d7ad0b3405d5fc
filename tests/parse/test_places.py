"""An issuer whose enacting phrase names only its body and level ("районный
маслихат РЕШИЛ", "аудан әкімдігі ҚАУЛЫ ЕТЕДІ") named from the rest of the act
(issue 12, item 3): the one issuer of the same body and level the text names (an
act amends and repeals its own body's acts), else the one place of that level it
names; two different ones, or places of another level only, say nothing.

Hand-written openings in the words of local acts (DOMAIN.md 2), in Kazakh and Russian.
"""

from __future__ import annotations

import pytest

from lexversion.parse import parse
from lexversion.parse.enacting import places_named

RU_AMENDING = (
    "В соответствии с Бюджетным кодексом Республики Казахстан районный маслихат РЕШИЛ:\n"
    "1. Внести в решение Осакаровского районного маслихата «О районном бюджете на "
    "2024-2026 годы» от 21 декабря 2023 года № 15/140 следующие изменения:\n"
    "пункт 1 изложить в новой редакции.\n"
    "2. Настоящее решение вводится в действие с 1 января 2024 года.\n"
)
KK_NOTE_NAMES_IT = (
    "Ескерту. Күші жойылды - Ақмола облысы Сандықтау аудандық мәслихатының 12.05.2022 "
    "№ 18/3 шешімімен.\n"
    "Қазақстан Республикасының Салық кодексіне сәйкес, аудандық мәслихат ШЕШІМ ЕТТІ:\n"
    "1. Жер салығының базалық мөлшерлемелері он есеге жоғарылатылсын.\n"
    "2. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен "
    "соң қолданысқа енгізіледі.\n"
)
KK_PLACE_ONLY = (
    "Қазақстан Республикасының «Білім туралы» Заңына сәйкес аудан әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
    "1. Осы Тайынша ауданының мектепке дейінгі ұйымдарындағы ата-ана төлемақысының "
    "мөлшері бекітілсін.\n"
    "2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
    "қолданысқа енгізіледі.\n"
    "Аудан әкімі | Б. Сүлейменов |\n"
)
RU_PLACE_ONLY = (
    "В соответствии с Законом Республики Казахстан «Об образовании» акимат района "
    "ПОСТАНОВЛЯЕТ:\n"
    "1. Установить размер родительской платы в дошкольных организациях Тайыншинского "
    "района согласно приложению.\n"
    "2. Контроль за исполнением настоящего постановления возложить на заместителя акима "
    "Тайыншинского района.\n"
    "Аким района | Б. Сулейменов |\n"
)


@pytest.mark.parametrize(
    ("text", "issuer", "basis"),
    [
        (RU_AMENDING, "Осакаровский районный маслихат", "one district maslikhat"),
        (KK_NOTE_NAMES_IT, "Сандықтау аудандық мәслихаты", "one district maslikhat"),
        (KK_PLACE_ONLY, "Тайынша ауданының әкімдігі", "one district the text names"),
        (RU_PLACE_ONLY, "акимат Тайыншинского района", "one district the text names"),
    ],
    ids=["ru-amended-act", "kk-repeal-note", "kk-place", "ru-place"],
)
def test_the_place_is_read_from_the_act(text: str, issuer: str, basis: str) -> None:
    doc = parse(text)
    assert doc.meta.issuer == issuer
    assert any(basis in w for w in doc.warnings)


def test_two_districts_say_nothing() -> None:
    text = RU_PLACE_ONLY.replace(
        "заместителя акима Тайыншинского района", "заместителя акима Кызылжарского района"
    )
    doc = parse(text)
    assert doc.meta.issuer is None
    assert any("names its body without its place" in w for w in doc.warnings)


def test_two_councils_of_the_same_level_say_nothing() -> None:
    text = RU_AMENDING.replace(
        "2. Настоящее решение",
        "Решение Абайского районного маслихата от 5 мая 2023 года № 3/20 учесть.\n"
        "2. Настоящее решение",
    )
    assert parse(text).meta.issuer is None


def test_a_place_of_another_level_is_not_the_issuers() -> None:
    # an oblast akimat's resolution about a district: the district is not the issuer,
    # its oblast's akimat is (lang/districts.py), the level kept
    text = (
        "Қазақстан Республикасының Су кодексіне сәйкес облыс әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
        "1. Қостанай ауданындағы жер асты сулары көздерінің санитарлық қорғау аймағы "
        "белгіленсін.\n"
        "2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
        "қолданысқа енгізіледі.\n"
        "Облыс әкімі | Н. Сейітов |\n"
    )
    doc = parse(text)
    assert doc.meta.issuer == "Қостанай облысының әкімдігі"
    assert (doc.meta.region, doc.meta.body) == ("KZ-39", "akimat")


@pytest.mark.parametrize(
    ("lang", "text", "level", "names"),
    [
        ("kk", "1. Осы Шиелі ауданының аумағында", "district", ["шиелі"]),
        ("kk", "Қарағанды облысы Үлкен Нарын ауданында", "district", ["үлкен нарын"]),
        ("kk", "Қазақстан Республикасы аумағында", "district", []),
        (
            "ru",
            "в Бухар-Жырауском районе и Бухар-Жырауского района",
            "district",
            ["бухар-жырауск"] * 2,
        ),
        ("ru", "Решение маслихата района", "district", []),
    ],
)
def test_places_are_read_by_their_level_word(
    lang: str, text: str, level: str, names: list[str]
) -> None:
    assert [k for k, _name in places_named(text, level, lang)] == names
