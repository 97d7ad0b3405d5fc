"""The parts of an act found by what they say, in any layout (issue 12, items 1-4, 7).

Hand-written openings in each shape web pages print, in both languages, written
from the language of the acts (DOMAIN.md 2, 3, 5) rather than copied: no
indentation, ``|`` table cells, title and requisites on one line or requisites
first, a glued status label, notes first, a body with no header, a mirror's card,
every kind of local act and issuer level, and the traps (a title naming the amended
act, a commission's number in the preamble, a newspaper's number, the repealed act
in the body). Each case says what the metadata must be; ``None`` where the text
does not state it. Every case also gives valid, lossless AKN.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.errors import InputError
from lexversion.lang import fold_number
from lexversion.parse import parse
from lexversion.parse.opening import unwrapped, wrap_width
from lexversion.text.decode import decode
from lexversion.text.lines import split_lines
from tests.akn.test_lossless import nonspace, text_outside_meta


@dataclass(frozen=True)
class Shape:
    id: str
    text: str
    act_type: str | None
    issuer: str | None
    date: date | None = None
    number: str | None = None
    status: str | None = None
    registration: str | None = None
    repealed_by: str | None = None
    warns: tuple[str, ...] = ()  # words some warning must hold


KK_BODY = (
    "1. Қағидалар осы шешімнің қосымшасына сәйкес бекітілсін.\n"
    "2. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен "
    "соң қолданысқа енгізіледі.\n"
)
RU_BODY = (
    "1. Утвердить Правила согласно приложению к настоящему решению.\n"
    "2. Настоящее решение вводится в действие по истечении десяти календарных дней после "
    "дня его первого официального опубликования.\n"
)

SHAPES = [
    Shape(
        "kk-web-full",
        "Жер салығының мөлшерлемелерін жоғарылату туралы\n"
        "Күшін жойған\n"
        "Ақтөбе облысы Мұғалжар аудандық мәслихатының 2016 жылғы 12 наурыздағы № 3/14 шешімі. "
        "Ақтөбе облысының Әділет департаментінде 2016 жылғы 2 сәуірде № 4900 болып тіркелді. "
        "Күші жойылды - Ақтөбе облысы Мұғалжар аудандық мәслихатының 2019 жылғы 5 ақпандағы "
        "№ 40/2 шешімімен\n"
        "Ескерту. Күші жойылды - Ақтөбе облысы Мұғалжар аудандық мәслихатының 05.02.2019 "
        "№ 40/2 шешімімен.\n"
        "Салық кодексіне сәйкес, Мұғалжар аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:\n"
        + KK_BODY
        + "Сессия төрағасы | А. Бекова |\nМәслихат хатшысы | С. Нұров |\n",
        "decision",
        "Мұғалжар аудандық мәслихаты",
        date(2016, 3, 12),
        "3/14",
        "repealed",
        "4900",
        "40/2",
    ),
    Shape(
        "kk-title-requisites-one-line",
        "Иесіз қалдықтарды басқару қағидаларын бекіту туралы. Атырау облысы Құрманғазы "
        "аудандық мәслихатының 2018 жылғы 4 мамырдағы № 7/22 шешiмi. Атырау облысы Әдiлет "
        "департаментiнде 2018 жылғы 28 мамырда № 4150 болып тiркелдi\n",
        "decision",
        "Құрманғазы аудандық мәслихаты",
        date(2018, 5, 4),
        "7/22",
        registration="4150",
    ),
    Shape(
        "kk-glued-status",
        "Жайылымдарды пайдалану жоспарын бекіту туралы\n"
        "Күшін жойғанҚостанай облысы Әулиекөл ауданы әкімдігінің 2017 жылғы 9 қазандағы "
        "№ 210 қаулысы. Қостанай облысының Әділет департаментінде 2017 жылғы 1 қарашада "
        "№ 7300 болып тіркелді. Күші жойылды - Қостанай облысы Әулиекөл ауданы әкімдігінің "
        "2020 жылғы 3 наурыздағы № 55 қаулысымен\n",
        "resolution",
        "Әулиекөл ауданы әкімдігі",
        date(2017, 10, 9),
        "210",
        "repealed",
        "7300",
        "55",
    ),
    Shape(
        "kk-notes-first",
        "Ескерту. Күші жойылды - Жамбыл облысы Талас аудандық мәслихатының 14.03.2018 "
        "№ 28-4 шешімімен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен "
        "соң қолданысқа енгізіледі).\n"
        "Заңына сәйкес, Талас аудандық мәслихаты ШЕШТІ:\n" + KK_BODY,
        "decision",
        "Талас аудандық мәслихаты",
        status="repealed",
        repealed_by="28-4",
        warns=("requisites",),
    ),
    Shape(
        "kk-body-only-akimat-trap-repealed-act",
        "Заңының 27-бабына сәйкес, Шиелі ауданының әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
        "1. Шиелі ауданы әкімдігінің 2016 жылғы 12 мамырдағы № 301-қ қаулысының "
        "(Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 5500 болып "
        "тіркелген) күші жойылды деп танылсын.\n"
        "2. Осы қаулы алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі.\n"
        "Аудан әкімі | Қ. Сәрсенов |\n",
        "resolution",
        "Шиелі ауданының әкімдігі",
        warns=("requisites",),
    ),
    Shape(
        "kk-annex-line",
        "Экологиялық кодексіне сәйкес, Сырдария аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:\n"
        + KK_BODY
        + "Сырдария аудандық мәслихатының хатшысы | Е. Әміров |\n"
        "Сырдария аудандық мәслихатының 2022 жылғы 29 желтоқсандағы № 194 шешіміне қосымша |\n"
        "Тарифтер\n"
        "1 | Абаттандырылған үйлер | 500 |\n",
        "decision",
        "Сырдария аудандық мәслихаты",
        date(2022, 12, 29),
        "194",
        warns=("annex",),
    ),
    Shape(
        "kk-annex-block-in-cells",
        "1. Су қорғау аймағы белгіленсін.\n"
        "Облыс әкімі | Б. Сапарбаев |\n"
        "Әкімдіктің | |\n2015 жылғы 3 маусымдағы | |\n№ 170 қаулысына қосымша |\n"
        "Су қорғау аймағы\n",
        "resolution",
        None,
        date(2015, 6, 3),
        "170",
        warns=("annex", "formula"),
    ),
    Shape(
        "kk-rural-akim-shestim",
        "Ветеринария туралы Заңына сәйкес, Ақши ауылдық округінің әкімі ШЕШТІМ:\n"
        "1. Ақши ауылында шектеу іс-шаралары белгіленсін.\n"
        "2. Осы шешімнің орындалуын бақылауды өзіме қалдырамын.\n"
        "Ақши ауылдық округінің әкімі | Т. Омаров |\n",
        "decision",
        "Ақши ауылдық округінің әкімі",
    ),
    Shape(
        "kk-akim-signature-names-the-issuer",
        "Ұсынысы негізінде, округ әкімі ШЕШІМ ҚАБЫЛДАДЫ:\n"
        "1. Карантин белгіленсін.\n"
        "Көктал ауылдық\nокругінің әкімі Н. Ахметов\n",
        "decision",
        "Көктал ауылдық округінің әкімі",
    ),
    Shape(
        "kk-generic-issuer-stays-null",
        "Заңына сәйкес аудан әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
        "1. Төлем мөлшері бекітілсін.\n"
        "Аудан әкімі Ж. Сейітов\n",
        "resolution",
        None,
        warns=("place",),
    ),
    Shape(
        "kk-akimat-named-by-its-akim",
        "Заңына сәйкес аудан әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
        "1. Ата-ана төлемінің мөлшері бекітілсін.\n"
        "Железин ауданының әкімі | Ж. Шугаев |\n",
        "resolution",
        "Железин ауданының әкімдігі",
        warns=("signature",),
    ),
    Shape(
        "ru-akimat-named-by-its-akim",
        "В соответствии с Законом Республики Казахстан, акимат района ПОСТАНОВЛЯЕТ:\n"
        "1. Утвердить правила.\n"
        "Аким района Байзак | Р. Оспанов |\n",
        "resolution",
        "акимат района Байзак",
        warns=("signature",),
    ),
    Shape(
        "kk-joint-formula",
        "Заңының 11-бабына сәйкес, Атырау облыстық мәслихаты ШЕШІМ ЕТТІ және Атырау "
        "облысының әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
        "1. Ауылдық округтің шекарасы өзгертілсін.\n",
        "decision",
        "Атырау облыстық мәслихаты және Атырау облысының әкімдігі",
    ),
    Shape(
        "kk-prg-card",
        "«Тұрғын үй көмегін көрсету тәртібін айқындау туралы» Солтүстік Қазақстан облысы "
        "Ақжар ауданы мңслихатының 2023 жылғы 14 сңуірдегі № 3/8 шешімі\n"
        "Қазақстан Республикасының Нормативтік құқықтық актілерді мемлекеттік тіркеу "
        "тізілімінде 2023 жылғы 20 сәуірде № 7500-15 тіркелді\n"
        "Жариялануы: «ҚР НҚА электрондық түрдегі эталондық бақылау банкі» 2023 ж. 25 сәуірде\n"
        "Енгізілген өзгерістер:\n"
        "Солтүстік Қазақстан облысы Ақжар ауданы мәслихатының 2024.12.03. № 15/2 шешімімен\n",
        "decision",
        "Ақжар ауданы мңслихаты",
        date(2023, 4, 14),
        "3/8",
        registration="7500-15",
    ),
    Shape(
        "kk-title-status-prg",
        "Үгіт материалдарын орналастыру орындарын белгілеу туралы (күші жойылды)\n"
        "Қарағанды облысы Бұқар жырау ауданы әкімдігінің 2012 жылғы 5 шілдедегі № 18/04 "
        "қаулысы\n",
        "resolution",
        "Бұқар жырау ауданы әкімдігі",
        date(2012, 7, 5),
        "18/04",
        "repealed",
    ),
    Shape(
        "kk-letters-in-number-and-whole-name",
        "Бюджет туралы\n"
        "Шығыс Қазақстан облысы Үлкен Нарын аудандық мәслихатының 2021 жылғы 24 желтоқсандағы "
        "№ С-12/4 шешімі\n",
        "decision",
        "Үлкен Нарын аудандық мәслихаты",
        date(2021, 12, 24),
        "С-12/4",
    ),
    Shape(
        "kk-renamed-region",
        "Төлемақы ставкаларын белгілеу туралы. Оңтүстік Қазақстан облыстық мәслихатының "
        "2015 жылғы 9 желтоқсандағы № 44/351-V шешімі\n",
        "decision",
        "Оңтүстік Қазақстан облыстық мәслихаты",
        date(2015, 12, 9),
        "44/351-V",
    ),
    Shape(
        "kk-akim-requisites",
        "Шектеу іс-шараларын белгілеу туралы\n"
        "Қостанай облысы Әулиекөл ауданы Аманқарағай ауылдық округі әкімінің 2019 жылғы "
        "5 маусымдағы № 3 шешімі. Қостанай облысының Әділет департаментінде 2019 жылғы "
        "10 маусымда № 8500 болып тіркелді\n",
        "decision",
        "Аманқарағай ауылдық округі әкімі",
        date(2019, 6, 5),
        "3",
        registration="8500",
    ),
    Shape(
        "kk-pdf-text-without-indentation",
        "Көші-қон процестерін реттеу қағидаларын бекіту туралы\n\n"
        "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі. Алматы\n"
        "облысы Әділет департаментінде 2018 жылы 9 қаңтарда № 4490 болып тіркелді\n"
        "Қазақстан Республикасының Заңына сәйкес, Алматы облыстық\n"
        "мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:\n"
        "1. Қағидалар бекітілсін.\n",
        "decision",
        "Алматы облыстық мәслихаты",
        date(2017, 12, 15),
        "26-129",
        registration="4490",
    ),
    Shape(
        "ru-akim-requisites",
        "Об установлении ограничительных мероприятий\n"
        "Решение акима Аманкарагайского сельского округа Костанайской области от 5 июня "
        "2019 года № 3. Зарегистрировано Департаментом юстиции Костанайской области 10 июня "
        "2019 года № 8500\n",
        "decision",
        "аким Аманкарагайского сельского округа",
        date(2019, 6, 5),
        "3",
        registration="8500",
    ),
    Shape(
        "ru-preamble-over-two-lines",
        'В соответствии с Законом Республики Казахстан "О местном государственном '
        'управлении"\nи учитывая мнение населения, Шемонаихинский районный маслихат РЕШИЛА:\n'
        "1. Утвердить.\n",
        "decision",
        "Шемонаихинский районный маслихат",
        warns=("requisites",),
    ),
    Shape(
        "ru-web-full",
        "Об утверждении ставок платы за пользование водными ресурсами\n"
        "Утративший силу\n"
        "Решение Кызылординского областного маслихата от 11 июля 2014 года № 210. "
        "Зарегистрировано Департаментом юстиции Кызылординской области 4 августа 2014 года "
        "№ 4740. Утратило силу решением Кызылординского областного маслихата от 28 июня "
        "2019 года № 340\n"
        "Сноска. Утратило силу решением Кызылординского областного маслихата от 28.06.2019 "
        "№ 340.\n"
        "В соответствии с Водным кодексом Республики Казахстан Кызылординский областной "
        "маслихат РЕШИЛ:\n" + RU_BODY + "Председатель сессии | А. Ким |\n",
        "decision",
        "Кызылординский областной маслихат",
        date(2014, 7, 11),
        "210",
        "repealed",
        "4740",
        "340",
    ),
    Shape(
        "ru-requisites-first-title-names-amended-act",
        "Решение маслихата Житикаринского района Костанайской области от 25 марта 2019 года "
        "№ 301\n"
        "О внесении изменений в решение маслихата от 28 декабря 2018 года № 250 «О районном "
        "бюджете»\n"
        "Данная редакция действовала до внесения изменений от 10 июня 2019 года\n"
        "Житикаринский районный маслихат РЕШИЛ:\n" + RU_BODY,
        "decision",
        "маслихат Житикаринского района",
        date(2019, 3, 25),
        "301",
    ),
    Shape(
        "ru-requisites-then-title-on-one-line",
        "Решение внеочередной V сессии маслихата города Шымкент VI созыва от 12 мая 2017 года "
        "№ 18/170 О внесении дополнений в решение маслихата города Шымкент от 20 января "
        "2016 года № 55/473 «О ставках»\n",
        "decision",
        "маслихат города Шымкент",
        date(2017, 5, 12),
        "18/170",
    ),
    Shape(
        "ru-title-requisites-one-line-with-edition-note",
        "Об утверждении норм. Решение Осакаровского районного маслихата Карагандинской "
        "области от 23 декабря 2016 года № 9/68. Зарегистрировано Департаментом юстиции "
        "Карагандинской области 23 января 2017 года № 4127. (в редакции решения "
        "Осакаровского районного маслихата Карагандинской области от 03.09.2019 № 32/285)\n",
        "decision",
        "Осакаровский районный маслихат",
        date(2016, 12, 23),
        "9/68",
        registration="4127",
    ),
    Shape(
        "ru-body-only-commission-trap",
        "В соответствии с Законом Республики Казахстан, на основании заключения ономастической "
        "комиссии № 1 от 19 сентября 2019 года, акимат района Биржан сал ПОСТАНОВЛЯЕТ:\n"
        "1. Переименовать улицу.\n"
        "Аким района Биржан сал | С. Ахметов |\n",
        "resolution",
        "акимат района Биржан сал",
        warns=("requisites",),
    ),
    Shape(
        "ru-joint-formula",
        "В соответствии с Законом Республики Казахстан, акимат Павлодарской области "
        "ПОСТАНОВЛЯЕТ и Павлодарский областной маслихат РЕШИЛ:\n"
        "1. Переименовать село.\n",
        "resolution",
        "акимат Павлодарской области и Павлодарский областной маслихат",
    ),
    Shape(
        "ru-akim-of-settlement",
        "В соответствии с Законом Республики Казахстан, аким поселка Карабалык РЕШИЛ:\n"
        "1. Присвоить наименование улице.\n"
        "2. Контроль за исполнением настоящего решения оставляю за собой.\n",
        "decision",
        "аким поселка Карабалык",
    ),
    Shape(
        "ru-annex-line-genitive-to-nominative",
        "В соответствии с Экологическим кодексом, районный маслихат РЕШИЛ:\n"
        + RU_BODY
        + "Председатель Жаксынского районного маслихата | Б. Абенов |\n"
        "Приложение 1 к решению Жаксынского районного маслихата от 26 декабря 2023 года "
        "№ 15/147 |\n"
        "Правила\n",
        "decision",
        "Жаксынский районный маслихат",
        date(2023, 12, 26),
        "15/147",
        warns=("annex", "signature"),
    ),
    Shape(
        "ru-amending-act-annex-headers",
        "В соответствии с Бюджетным кодексом, Абайский районный маслихат РЕШИЛ:\n"
        "1. Внести в решение маслихата следующие изменения:\n"
        "Приложение 1 к указанному решению изложить в новой редакции согласно приложению "
        "к настоящему решению.\n"
        "2. Настоящее решение вводится в действие с 1 января 2024 года.\n"
        "Приложение к решению Абайского районного маслихата от 5 мая 2024 года № 20/3 |\n"
        "Приложение 1 к решению Абайского районного маслихата от 26 декабря 2023 года "
        "№ 15/147 |\n"
        "Правила\n",
        "decision",
        "Абайский районный маслихат",
        date(2024, 5, 5),
        "20/3",
        warns=("annex",),
    ),
    Shape(
        "ru-zanorda-card-newspaper-trap",
        "Статус:\nНовый\nСведения об акте:\n"
        "Решение маслихата Атырауской области от 17 февраля 2016 года № 502. "
        "Зарегистрировано Департаментом юстиции Атырауской области 15 марта 2016 года № 6217\n"
        "Номер принятия акта:\n502\n"
        "Источник опубликования:\n«Прикаспийская коммуна» от 24 марта 2016 г. № 38\n",
        "decision",
        "Атырауский областной маслихат",
        date(2016, 2, 17),
        "502",
        registration="6217",
    ),
    Shape(
        "ru-newspaper-after-registration",
        "Решение маслихата города Астаны от 27 февраля 2018 года № 237/28-VI\n"
        "Зарегистрировано Департаментом юстиции города Астаны 20 марта 2018 года № 1167\n"
        "Опубликовано: «Вечерняя Астана» от 31 марта 2018 г. № 38 (3716)\n",
        "decision",
        "маслихат города Астана",  # the region's council by its canonical name
        date(2018, 2, 27),
        "237/28-VI",
        registration="1167",
    ),
    Shape(
        "ru-fragment-points-only",
        "1. Утвердить тарифы согласно приложению.\n2. Контроль возложить на заместителя.\n",
        None,
        None,
        warns=("requisites", "formula"),
    ),
]


def _check(shape: Shape) -> None:
    doc = parse(shape.text, f"{shape.id}.txt")
    m = doc.meta
    assert (m.act_type, m.issuer) == (shape.act_type, shape.issuer)
    assert (m.date, fold_number(m.number or "") or None) == (
        shape.date,
        fold_number(shape.number) if shape.number else None,
    )
    assert m.status == shape.status
    assert (m.registration.number if m.registration else None) == shape.registration
    assert (m.repealed_by.number if m.repealed_by else None) == shape.repealed_by
    for word in shape.warns:
        assert any(word in w for w in doc.warnings), (word, doc.warnings)
    xml = document_to_akn(doc)
    assert not errors(xml)
    assert nonspace(text_outside_meta(xml)) == nonspace(shape.text), "lossless"


@pytest.mark.parametrize("shape", [pytest.param(s, id=s.id) for s in SHAPES])
def test_shape_is_read_by_what_it_says(shape: Shape) -> None:
    _check(shape)


_BODIES = ("kk-web-full", "kk-notes-first", "ru-web-full", "ru-joint-formula")


@pytest.mark.parametrize("shape", [pytest.param(s, id=s.id) for s in SHAPES if s.id in _BODIES])
def test_the_same_text_indented_reads_the_same(shape: Shape) -> None:
    """Layout is a hint: the export's six-space paragraphs give the same metadata."""
    lines = shape.text.splitlines()
    first = next(
        i
        for i, ln in enumerate(lines)
        if ln.startswith(("Ескерту", "Сноска")) or ln.endswith(":") or ln[:1].isdigit()
    )
    indented = "\n".join(lines[:first] + ["      " + ln for ln in lines[first:]]) + "\n"
    _check(Shape(**{**shape.__dict__, "text": indented}))


def test_export_layout_with_title_and_requisites_on_one_line() -> None:
    """The export's layout whose front line holds the title and the requisites: the
    front is read again by what it says (``opening.refine_front``)."""
    doc = parse(
        "\nТарифтерді бекіту туралы. Қостанай облысы Қостанай ауданы әкімдігінің 2022 жылғы "
        "8 ақпандағы № 98 қаулысы\n\n"
        "      Заңына сәйкес, Қостанай ауданының әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
        "      1. Тарифтер бекітілсін.\n",
        "indented.txt",
    )
    m = doc.meta
    assert (m.title, m.issuer, m.date, m.number) == (
        "Тарифтерді бекіту туралы.",
        "Қостанай ауданы әкімдігі",
        date(2022, 2, 8),
        "98",
    )


def test_a_formula_naming_another_body_than_the_requisites_is_a_doubt() -> None:
    """Item 4: conflicting evidence is said; the requisites name the act."""
    doc = parse(
        "Тарифтерді бекіту туралы\n"
        "Атырау облыстық мәслихатының 2015 жылғы 29 мамырдағы № 164 шешімі.\n"
        "Заңына сәйкес, Атырау облысының әкімдігі ҚАУЛЫ ЕТЕДІ:\n"
        "1. Тарифтер бекітілсін.\n",
        "conflict.txt",
    )
    assert (doc.meta.issuer, doc.meta.number) == ("Атырау облыстық мәслихаты", "164")
    assert any("another body" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Бүгін ауа райы жақсы болды.\nКешке шай іштік.\n",
        "Купить недорого: доставка по городу.\nЗвоните нам.\n",
        "1. The rules are approved.\n2. This decision enters into force.\n",
    ],
)
def test_text_with_no_sign_of_an_act_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="legal act"):
        parse(text, "x.txt")


def test_requisites_wrapped_before_a_latin_number_sign_read_whole() -> None:
    """A page's requisites wrapped by a narrow copy so that a line opens with the
    Latin "N" older acts print for "№" ("N 31/4 шешімі.") continue the line before
    (it read "N 31/4 шешімі." alone: no date, no act)."""
    text = (
        "Орман пайдалану үшін төлемақы ставкаларын бекіту туралы\n\n"
        "Солтүстік Қазақстан облыстық мәслихатының 2014 жылғы 26 желтоқсандағы\n"
        "N 31/4 шешімі. Солтүстік Қазақстан облысының Әділет департаментінде\n"
        "2015 жылғы 27 қаңтарда N 3083 болып тіркелді\n\n"
        "Қазақстан Республикасының Орман кодексіне сәйкес Солтүстік Қазақстан облыстық\n"
        "мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:\n"
        "1. Төлемақы ставкалары бекітілсін.\n"
    )
    meta = parse(text.encode()).meta
    assert (meta.date, meta.number) == (date(2014, 12, 26), "31/4")


@pytest.mark.parametrize(
    ("preamble", "issuer"),
    [
        (
            "В соответствии с подпунктом 6) пункта 4 статьи 365 Экологического кодекса\n"
            "Республики Казахстан, приказом Министра экологии, геологии и природных\n"
            'ресурсов Республики Казахстан от 1 сентября 2021 года № 347 "Об утверждении\n'
            'Типовых правил расчета норм образования и накопления коммунальных отходов"\n'
            "(зарегистрирован в Реестре государственной регистрации нормативных правовых\n"
            "актов за № 24212), акимат района\n"
            "Марқакөл ПОСТАНОВЛЯЕТ:",
            "акимат района Марқакөл",
        ),
        (
            "В соответствии с Законом Республики Казахстан акимат\n"
            "Карагандинской области ПОСТАНОВЛЯЕТ:",
            "акимат Карагандинской области",
        ),
    ],
)
def test_an_issuer_wrapped_before_the_formula_is_read_whole(preamble: str, issuer: str) -> None:
    """A narrow copy breaks the issuer phrase after its body word, the place name
    opening the formula's line in capitals: the line goes on with the phrase (it
    was a paragraph of its own, and the act had no issuer)."""
    text = f"{preamble}\n1. Утвердить прилагаемые Правила расчета норм образования.\n"
    assert parse(text.encode()).meta.issuer == issuer


def test_no_real_opening_is_taken_for_a_wrapped_copy() -> None:
    """The pages of the real openings print a paragraph a line: none is read as a
    copy wrapped at a width, and the corpus's indented exports are left as printed."""
    records = Path(__file__).with_name("realworld") / "openings-dev.jsonl"
    for row in records.read_text(encoding="utf-8").splitlines():
        assert wrap_width(split_lines(json.loads(row)["text"])) is None
    for path in sorted(Path(__file__).parents[2].joinpath("corpus").glob("*.txt")):
        text = decode(path.read_bytes())
        assert unwrapped(text, split_lines(text), "kk") == text


def test_a_wrapped_copy_is_unwrapped_one_character_for_one() -> None:
    """In a copy wrapped at 60 columns, the breaks inside a paragraph become spaces
    (offsets kept), the break after a sentence stays."""
    sentence = (
        "Солтүстік Қазақстан облыстық мәслихатының 2014 жылғы 26 желтоқсандағы "
        "№ 31/4 шешімі Солтүстік Қазақстан облысының Әділет департаментінде 2015 "
        "жылғы 27 қаңтарда № 3083 болып тіркелді."
    )
    text = "\n".join([_fill(sentence, 60)] * 4)
    lines = split_lines(text)
    assert wrap_width(lines) is not None
    out = unwrapped(text, lines, "kk")
    assert len(out) == len(text)
    assert out.split("\n") == [sentence] * 4


def _fill(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))
