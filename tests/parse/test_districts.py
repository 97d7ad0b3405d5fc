"""The oblast of an act that names only its district or city (issue 12, item 3),
read from the table of districts and cities of oblast significance
(``lang/districts.py``): the region filled with a basis, the issuer's level kept,
a stated region never overwritten, a name two regions share or a unit that moved
between regions on an unknown date naming none; an oblast body's act named from
the districts it is about. Hand-written in the words of local acts (DOMAIN.md 2),
in Kazakh and Russian.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lexversion.lang.districts import CITIES, DISTRICTS, FORMER, MOVED
from lexversion.lang.regions import BY_CODE, REGIONS
from lexversion.parse import parse
from lexversion.parse.places import district_region

BEFORE, AFTER = dt.date(2021, 3, 1), dt.date(2023, 3, 1)


@pytest.mark.parametrize(
    ("issuer", "lang", "when", "region"),
    [
        ("Жылыой аудандық мәслихаты", "kk", None, "KZ-23"),
        ("Жылыойский районный маслихат", "ru", None, "KZ-23"),
        ("Железин ауданының әкімдігі", "kk", None, "KZ-55"),
        ("маслихат Джангельдинского района", "ru", None, "KZ-39"),
        ("акимат района Марқакөл", "ru", None, "KZ-63"),
        ("Ғабит Мүсірепов атындағы аудан әкімдігі", "kk", None, "KZ-59"),
        ("Бұқар-Жырау аудандық мәслихаты", "kk", None, "KZ-35"),
        ("Бухар-Жырауский районный маслихат", "ru", None, "KZ-35"),
        ("Қапшағай қалалық мәслихаты", "kk", None, "KZ-19"),
        ("Щучинский районный маслихат", "ru", None, "KZ-11"),  # Бурабай's former name
        # shared by two regions: none
        ("Абай ауданының мәслихаты", "kk", None, None),
        ("Абайский районный маслихат", "ru", None, None),
        ("Есіл аудандық мәслихаты", "kk", None, None),
        ("Актогайский районный маслихат", "ru", None, None),
        # passed to a new region in 2022: the act's date says which
        ("Бородулиха аудандық мәслихаты", "kk", BEFORE, "KZ-63"),
        ("Бородулиха аудандық мәслихаты", "kk", AFTER, "KZ-10"),
        ("Бородулиха аудандық мәслихаты", "kk", None, None),
        ("маслихат города Талдыкорган", "ru", BEFORE, "KZ-19"),
        ("маслихат города Талдыкорган", "ru", AFTER, "KZ-33"),
        ("Жаңаарқа аудандық мәслихаты", "kk", AFTER, "KZ-62"),
        # names no district or city the table knows
        ("Заречный ауылдық округінің әкімі", "kk", None, None),
        ("Үлкен Нарын аудандық мәслихаты", "kk", None, "KZ-63"),  # formed in 2024
        ("Қарауыл аудандық мәслихаты", "kk", None, None),  # a village, no district
        ("аудандық мәслихат", "kk", None, None),
    ],
)
def test_the_region_of_a_district(
    issuer: str, lang: str, when: dt.date | None, region: str | None
) -> None:
    found = district_region(issuer, lang, when)
    assert (found[0] if found else None) == region
    if found:
        assert "inferred from the" in found[1]


KK_DISTRICT = (
    "Қазақстан Республикасының Салық кодексіне сәйкес Жылыой аудандық мәслихаты "
    "ШЕШІМ ҚАБЫЛДАДЫ:\n"
    "1. Жер салығының базалық мөлшерлемелері жоғарылатылсын.\n"
    "2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
    "қолданысқа енгізіледі.\n"
)
RU_DISTRICT = (
    "В соответствии с Налоговым кодексом Республики Казахстан Коргалжынский районный "
    "маслихат РЕШИЛ:\n"
    "1. Повысить базовые ставки земельного налога.\n"
    "2. Настоящее решение вводится в действие по истечении десяти календарных дней после "
    "дня его первого официального опубликования.\n"
)
KK_SHARED = KK_DISTRICT.replace("Жылыой аудандық", "Абай аудандық")
RU_SHARED = RU_DISTRICT.replace("Коргалжынский", "Абайский")
KK_STATED = (
    "Қостанай облысы Жылыой аудандық мәслихатының 2019 жылғы 5 наурыздағы № 12/3 шешімі.\n"
    + KK_DISTRICT
)


@pytest.mark.parametrize(
    ("text", "issuer", "region", "inferred"),
    [
        (KK_DISTRICT, "Жылыой аудандық мәслихаты", "KZ-23", True),
        (RU_DISTRICT, "Коргалжынский районный маслихат", "KZ-11", True),
        (KK_SHARED, "Абай аудандық мәслихаты", None, False),
        (RU_SHARED, "Абайский районный маслихат", None, False),
        # a stated region is kept, though the table puts the district elsewhere
        (KK_STATED, "Жылыой аудандық мәслихаты", "KZ-39", False),
    ],
    ids=["kk-district", "ru-district", "kk-shared", "ru-shared", "kk-stated"],
)
def test_an_act_naming_its_district_gets_its_oblast(
    text: str, issuer: str, region: str | None, inferred: bool
) -> None:
    doc = parse(text)
    assert doc.meta.issuer == issuer  # the level kept: the district's body
    assert doc.meta.region == region
    assert any("inferred from the district" in w for w in doc.warnings) is inferred


KK_OBLAST = (
    "Қазақстан Республикасының Жер кодексіне сәйкес облыстық мәслихат ШЕШІМ ЕТТІ:\n"
    "1. Жылыой ауданы Жем ауылдық округінің шекарасы өзгертілсін.\n"
    "2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
    "қолданысқа енгізіледі.\n"
)
RU_OBLAST = (
    "В соответствии с Земельным кодексом Республики Казахстан областной маслихат РЕШИЛ:\n"
    "1. Изменить границу Жемского сельского округа Жылыойского района.\n"
    "2. Настоящее решение вводится в действие по истечении десяти календарных дней после "
    "дня его первого официального опубликования.\n"
)
KK_JOINT = (
    "Қазақстан Республикасының Заңына сәйкес облыстық мәслихат ШЕШІМ ЕТТІ және облыс "
    "әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
    "1. Қарасу ауданы Октябрь ауылдық округінің шекарасы өзгертілсін.\n"
    "2. Осы қаулы мен шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн "
    "өткен соң қолданысқа енгізіледі.\n"
)
RU_TWO_OBLASTS = RU_OBLAST.replace("Жылыойского района.", "Жылыойского района и Шетского района.")
RU_JOINT = (
    "В соответствии с Законом Республики Казахстан областной маслихат РЕШИЛ и акимат "
    "области ПОСТАНОВЛЯЕТ:\n"
    "1. Изменить границу сельского округа Карасуского района.\n"
    "2. Настоящее постановление и решение вводятся в действие по истечении десяти "
    "календарных дней после дня его первого официального опубликования.\n"
)
#: no formula: the annex line says a resolution (an akimat's), "Аким области" signs
RU_SIGNED = (
    "1. Установить зону санитарной охраны источника водоснабжения в Костанайском районе.\n"
    "2. Настоящее постановление вводится в действие по истечении десяти календарных "
    "дней после дня его первого официального опубликования.\n"
    "Аким области | А. Мухамбетов |\n"
    "Приложение к постановлению акимата от 2 сентября 2014 года № 432\n"
    "Зона санитарной охраны источника водоснабжения.\n"
)
#: no formula: the annex line says a decision, the maslikhat's chairman signs
KK_SIGNED_COUNCIL = (
    "1. Жылыой ауданы Жем ауылдық округінің шекарасы өзгертілсін.\n"
    "2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
    "қолданысқа енгізіледі.\n"
    "Облыстық мәслихат сессиясының төрағасы | Б. Рысқалиев |\n"
    "2019 жылғы 5 наурыздағы № 12/3 шешіміне қосымша\n"
    "Шекараның сипаттамасы.\n"
)
RU_SIGNED_COUNCIL = (
    "1. Изменить границу Жемского сельского округа Жылыойского района.\n"
    "2. Настоящее решение вводится в действие по истечении десяти календарных дней после "
    "дня его первого официального опубликования.\n"
    "Председатель сессии областного маслихата | Б. Рыскалиев |\n"
    "Приложение к решению от 5 марта 2019 года № 12/3\n"
    "Описание границы.\n"
)
KK_SIGNED = (
    "1. Қостанай ауданындағы жер асты сулары көздерінің санитарлық қорғау аймағы "
    "белгіленсін.\n"
    "2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
    "қолданысқа енгізіледі.\n"
    "Облыс әкімі | Н. Садуақасов |\n"
    "Әкімдіктің 2014 жылғы 2 қыркүйектегі № 432 қаулысына қосымша\n"
    "Санитарлық қорғау аймағы.\n"
)


@pytest.mark.parametrize(
    ("text", "issuer", "region"),
    [
        (KK_OBLAST, "Атырау облыстық мәслихаты", "KZ-23"),
        (RU_OBLAST, "маслихат Атырауской области", "KZ-23"),
        (KK_JOINT, "Қостанай облыстық мәслихаты және облыс әкімдігі", "KZ-39"),
        (RU_JOINT, "маслихат Костанайской области и акимат области", "KZ-39"),
        (KK_SIGNED, "Қостанай облысының әкімдігі", "KZ-39"),
        (RU_SIGNED, "акимат Костанайской области", "KZ-39"),
        (KK_SIGNED_COUNCIL, "Атырау облыстық мәслихаты", "KZ-23"),
        (RU_SIGNED_COUNCIL, "маслихат Атырауской области", "KZ-23"),
        (RU_TWO_OBLASTS, None, None),  # districts of two oblasts: none
        (RU_SIGNED.replace("районе.", "районе и Шетском районе."), None, None),
    ],
    ids=[
        "kk-oblast",
        "ru-oblast",
        "kk-joint",
        "ru-joint",
        "kk-signed",
        "ru-signed",
        "kk-signed-council",
        "ru-signed-council",
        "ru-two-oblasts",
        "ru-signed-two-oblasts",
    ],
)
def test_an_oblast_body_is_named_from_its_districts(
    text: str, issuer: str | None, region: str | None
) -> None:
    doc = parse(text)
    assert (doc.meta.issuer, doc.meta.region) == (issuer, region)
    said = any("the districts and cities the text names" in w for w in doc.warnings)
    assert said is (issuer is not None)


def test_the_table_covers_every_region_and_stays_consistent() -> None:
    oblasts = {r.code for r in REGIONS if r.kind == "oblast"}
    cities = {r.code for r in REGIONS if r.kind == "city"}
    assert len(oblasts) == 17 and len(cities) == 3
    assert set(DISTRICTS) == oblasts | cities
    assert set(CITIES) == oblasts  # cities of oblast significance
    assert {code for _level, code, _kk, _ru in FORMER} <= oblasts
    assert all(a in BY_CODE and b in BY_CODE for a, b in MOVED)
    for table in (DISTRICTS, CITIES):
        for names in table.values():
            kk = [k for k, _ru in names]
            assert len(kk) == len(set(kk)), kk
