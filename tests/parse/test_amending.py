"""Amendment and repeal notes in every form the database and its mirrors print
(lexversion.parse.amending, lexversion.parse.notes.find_notes, DOMAIN.md 2.4, 5):
each becomes effects with the amending act's date and number, the provision
it names and its commencement rule; body text is never a note."""

from __future__ import annotations

from datetime import date

import pytest

from lexversion.model import EffectType, ProvisionRef
from lexversion.parse.amending import amending_acts, front_parentheses
from lexversion.parse.effects import read_note
from lexversion.parse.notes import find_notes, read_found

RULE_KK = (
    "(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)"
)
RULE_RU = "(вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования)"

# (lang, note, effect type, scope, pinpoint (kind, num) or None, [(date, number)], rule kind)
NOTES = [
    (
        "kk",
        "Ескерту. Шешімге өзгерістер енгізілді - Павлодар облыстық мәслихатының 14.03.2018 № 220/25 шешімімен "
        + RULE_KK
        + ".",
        EffectType.AMENDMENT,
        "whole",
        None,
        [(date(2018, 3, 14), "220/25")],
        "days_after_publication",
    ),
    (
        "kk",
        "Ескерту. 1-тармақ жаңа редакцияда - Ақтөбе облыстық мәслихатының 2019 жылғы 13 қыркүйектегі "
        "№ 42/438-VI шешімімен " + RULE_KK + ".",
        EffectType.PROVISION_AMENDED,
        "whole",
        ("paragraph", "1"),
        [(date(2019, 9, 13), "42/438-VI")],
        "days_after_publication",
    ),
    (
        "kk",
        "Ескерту. Шешім 3-1-тармақпен толықтырылды - Қарағанды қаласы әкімдігінің 30.09.2015 № 46/10 "
        "(ресми жарияланған күннен бастап қолданысқа енгізіледі) қаулысымен.",
        EffectType.INSERTION,
        "whole",
        ("paragraph", "3-1"),
        [(date(2015, 9, 30), "46/10")],
        "from_publication",
    ),
    (
        "kk",
        "Ескерту. Кіріспе жаңа редакцияда - Қарқаралы аудандық мәслихатының 19.01.2016 № 45/404 "
        "(оның алғаш ресми жарияланған күнінен бастап қолданысқа енгізіледі) шешімімен.",
        EffectType.PROVISION_AMENDED,
        "preamble",
        None,
        [(date(2016, 1, 19), "45/404")],
        "from_publication",
    ),
    (
        "kk",
        "Ескерту. Қосымшаға өзгерістер енгізілді - Шығыс Қазақстан облыстық мәслихатының 2009.09.30 "
        "№ 15/200-IV шешімімен.",
        EffectType.PROVISION_AMENDED,
        "annex",
        None,
        [(date(2009, 9, 30), "15/200-IV")],
        None,
    ),
    (
        "kk",
        "Ескерту. 2-тармақ алып тасталды - Жамбыл облыстық мәслихатының 12.03.2019 № 5 және 10.10.2019 "
        "№ 8 шешімдерімен.",
        EffectType.EXCLUSION,
        "whole",
        ("paragraph", "2"),
        [(date(2019, 3, 12), "5"), (date(2019, 10, 10), "8")],
        None,
    ),
    (
        "ru",
        "Сноска. Внесены изменения решением маслихата Костанайской области от 05.02.2019 № 372 "
        + RULE_RU
        + ".",
        EffectType.AMENDMENT,
        "whole",
        None,
        [(date(2019, 2, 5), "372")],
        "days_after_publication",
    ),
    (
        "ru",
        "Сноска. Пункт 3 исключен решением Шетского районного маслихата Карагандинской области "
        "от 3 сентября 2019 года № 32/285 (вводится в действие со дня первого официального опубликования).",
        EffectType.EXCLUSION,
        "whole",
        ("paragraph", "3"),
        [(date(2019, 9, 3), "32/285")],
        "from_publication",
    ),
    (
        "ru",
        "Сноска. Решение дополнено пунктом 4-1 в соответствии с решением маслихата Акмолинской "
        "области № 12 от 15 мая 2010 года.",
        EffectType.INSERTION,
        "whole",
        ("paragraph", "4-1"),
        [(date(2010, 5, 15), "12")],
        None,
    ),
    (
        "ru",
        "Сноска. Преамбула - в редакции решения Коргалжынского районного маслихата от 22.07.2020 "
        "№ 4/54 " + RULE_RU + ".",
        EffectType.PROVISION_AMENDED,
        "preamble",
        None,
        [(date(2020, 7, 22), "4/54")],
        "days_after_publication",
    ),
    (
        "ru",
        "Пункт 2 с изменением, внесенным решением маслихата города Нур-Султана от 12.03.2021 № 19.",
        EffectType.PROVISION_AMENDED,
        "whole",
        ("paragraph", "2"),
        [(date(2021, 3, 12), "19")],
        None,
    ),
    (
        "ru",
        "Пункт 1 изложен в редакции решения Тимирязевского районного маслихата от 06.04.21 г. № 3/3 "
        "(см. стар. ред.)",
        EffectType.PROVISION_AMENDED,
        "whole",
        ("paragraph", "1"),
        [(date(2021, 4, 6), "3/3")],
        None,
    ),
]


@pytest.mark.parametrize(("lang", "note", "kind", "scope", "pin", "acts", "rule"), NOTES)
def test_an_amendment_note_becomes_effects_with_the_act_provision_and_rule(
    lang: str,
    note: str,
    kind: EffectType,
    scope: str,
    pin: tuple[str, str] | None,
    acts: list[tuple[date, str]],
    rule: str | None,
) -> None:
    effects = read_note(note, (), lang, "whole", None).effects
    assert [(e.affecting.date, e.affecting.number) for e in effects if e.affecting] == acts
    for e in effects:
        assert (e.type, e.scope, e.source) == (kind, scope, "note")
        assert e.pinpoint == (ProvisionRef("whole", *pin) if pin else None)
        assert (e.rule.kind if e.rule else None) == rule
    assert effects[0].text == note


@pytest.mark.parametrize(
    ("lang", "note", "when", "number"),
    [
        (
            "kk",
            "Ескерту. Күші жойылды - Қарағанды облысы Қарқаралы аудандық мәслихатының 21.06.2018 № "
            "VI-29/262 (оның алғаш ресми жарияланған күнінен бастап қолданысқа енгізіледі) шешімімен.",
            date(2018, 6, 21),
            "VI-29/262",
        ),
        (
            "kk",
            "Ескерту. Куші жойылды - Ақмола облысы Жарқайың ауданы Бірсуат ауылы әкімінің 12.11.2020 № 5 "
            "шешімімен.",
            date(2020, 11, 12),
            "5",
        ),
        (
            "kk",
            "Ескерту. Күші жойылды - Шал ақын ауданы мәслихатының 2016.20.04 № 2/11 шешімімен.",
            date(2016, 4, 20),
            "2/11",
        ),
        (
            "ru",
            "Сноска. Утратило силу решением маслихата Джангельдинского района от 17 мая 2018 года № 170 "
            + RULE_RU
            + ".",
            date(2018, 5, 17),
            "170",
        ),
    ],
)
def test_a_repeal_note_names_the_repealing_act(
    lang: str, note: str, when: date, number: str
) -> None:
    (e,) = read_note(note, (), lang, "whole", None).effects
    assert e.type is EffectType.REPEAL
    assert e.affecting is not None and (e.affecting.date, e.affecting.number) == (when, number)


def test_a_note_naming_two_acts_gives_each_its_own_rule() -> None:
    note = (
        "(заголовок в редакции решений маслихата Костанайской области от 5 февраля 2019 года № 372 "
        "(вводится в действие со дня первого официального опубликования); от 12 марта 2021 года № 19 "
        + RULE_RU
        + ")"
    )
    acts = amending_acts(note, "ru")
    assert [(a.act.number, a.rule.kind if a.rule else None) for a in acts] == [
        ("372", "from_publication"),
        ("19", "days_after_publication"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an act's own points: imperative, not a note
        (
            "kk",
            "1. Мәслихаттың 2020 жылғы 24 желтоқсандағы № 46/463 шешіміне мынадай өзгерістер енгізілсін:",
        ),
        (
            "kk",
            "2. Аудандық мәслихаттың 2019 жылғы 28 маусымдағы № 39-5-VI шешімі күші жойылды деп танылсын.",
        ),
        ("ru", "1. Внести в решение маслихата от 22 декабря 2022 года № 7 следующие изменения:"),
        ("ru", "2. Пункт 1 изложить в новой редакции решением не требуется."),
        # the title of an amending act names the amended act
        ("ru", "О внесении изменений в решение маслихата от 15 сентября 2017 года № 152"),
        (
            "kk",
            "Шымкент қаласы әкімінің 2010 жылғы 18 маусымдағы № 14 шешіміне өзгерістер енгізу туралы",
        ),
        # a body's parenthesis about the amendments of an act it cites
        (
            "ru",
            "3. Признать утратившим силу решение маслихата от 12 марта 2016 года № 12 (с изменениями, "
            "внесенными решением маслихата от 3 апреля 2017 года № 45).",
        ),
        # a mirror's remarks that name no amending act
        ("ru", "(с изменениями по состоянию на 06.04.2021 г.)"),
        ("ru", "Данная редакция действовала до внесения изменений от 2 августа 2022 года"),
        # the database's remark on the text and an annex's own "Note:"
        (
            "kk",
            "РҚАО-ның ескертпесі.\nҚұжаттың мәтінінде түпнұсқаның пунктуациясы мен орфографиясы сақталған.",
        ),
        (
            "kk",
            "Ескерту: аймақтың шекарасы картографиялық материалда көрсетілген (2015 жылғы 1 наурыздағы № 3).",
        ),
        # a registration is not an amending act
        (
            "kk",
            "Ақмола облысының Әділет департаментінде 2016 жылғы 26 сәуірде № 4356 болып тіркелді.",
        ),
    ],
)
def test_body_text_is_not_an_amendment_note(lang: str, text: str) -> None:
    effects = [e for n in find_notes(text, lang) for e in read_found(n, lang, None).effects]
    assert effects == []


def test_a_mirror_list_of_amending_acts_gives_one_amendment_a_line() -> None:
    text = (
        "«Тұрғын үй көмегін көрсету туралы» Шал ақын ауданы мәслихатының 2024 жылғы 5 сәуірдегі "
        "№ 16/1 шешімі (2025.16.05. берілген өзгерістермен)\n"
        "Енгізілген өзгерістер:\n"
        "Шал ақын ауданы мәслихатының 2025.25.04. № 29/5 шешімімен (2025 ж. 16 мамырдан бастап "
        "қолданысқа енгізілді)\n"
        "Шал ақын ауданы мәслихатының 2025.03.06. № 31/2 шешімімен\n"
        "Бұрынғы редакциялар:\n"
        "2025 ж. 25 сәуірге дейін қолданылған редакция\n"
    )
    found = find_notes(text, "kk")
    assert [n.shape for n in found] == ["list", "list"]
    effects = [e for n in found for e in read_found(n, "kk", None).effects]
    assert [(e.type, e.affecting.date, e.affecting.number) for e in effects if e.affecting] == [
        (EffectType.AMENDMENT, date(2025, 4, 25), "29/5"),
        (
            EffectType.AMENDMENT,
            date(2025, 6, 3),
            "31/2",
        ),  # year.day.month, as the list's other date
    ]


def test_a_note_glued_to_point_1_ends_before_the_point() -> None:
    text = (
        "Ескерту. Кіріспе жаңа редакцияда - Қарқаралы аудандық мәслихатының 19.01.2016 № 45/404 "
        "шешімімен.1. Қарқаралы ауданының аумағында жер салығының мөлшерлемелері жоғарылатылсын.\n"
    )
    (note,) = find_notes(text, "kk")
    assert note.text.endswith("шешімімен.")
    assert text[note.start : note.end] == note.text


def test_a_front_parenthesis_opens_a_sentence_and_holds_an_act() -> None:
    line = (
        "Решение Шетского районного маслихата от 23 декабря 2016 года № 9/68. (в редакции решения "
        "Шетского районного маслихата Карагандинской области от 03.09.2019 № 32/285)"
    )
    ((start, end),) = front_parentheses(line, "ru")
    assert line[start] == "(" and line[end - 1] == ")"
    assert front_parentheses("Решение № 12 (в редакции решения от 03.09.2019 № 32/285)", "ru") == []


def test_a_front_parenthesis_after_the_first_point_is_body_text() -> None:
    text = "Приложение.\n1. Утвердить.\n(в редакции решения маслихата от 03.09.2019 № 32/285)\n"
    assert find_notes(text, "ru") == []


KK_DOC = """
Салық мөлшерлемелерін жоғарылату туралы

Қарағанды облысы Қарқаралы аудандық мәслихатының 2015 жылғы 18 наурыздағы № 12/03 шешімі. Қарағанды облысының Әділет департаментінде 2015 жылғы 22 сәуірде № 3231 болып тіркелді.
      Ескерту. Кіріспе жаңа редакцияда - Қарағанды облысы Қарқаралы аудандық мәслихатының 19.01.2016 № 45/404 (оның алғаш ресми жарияланған күнінен бастап қолданысқа енгізіледі) шешімімен.
      Ескерту. Шешімге өзгерістер енгізілді - Қарағанды облысы Қарқаралы аудандық мәслихатының 2016.20.04 № 2/11 шешімімен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).
      Қазақстан Республикасының Салық кодексіне сәйкес, аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:
      1. Жер салығының мөлшерлемелері он есеге жоғарылатылсын.
      Ескерту. 1-тармақ жаңа редакцияда - Қарағанды облысы Қарқаралы аудандық мәслихатының 12.12.2016 № 9/80 шешімімен.
      2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
"""

RU_DOC = """
Об утверждении норм образования коммунальных отходов

Решение Шетского районного маслихата Карагандинской области от 23 декабря 2016 года № 9/68. Зарегистрировано Департаментом юстиции Карагандинской области 23 января 2017 года № 4127. (в редакции решения Шетского районного маслихата Карагандинской области от 03.09.2019 № 32/285)
      Сноска. Пункт 2 исключен решением Шетского районного маслихата Карагандинской области от 12.05.2020 № 41/330 (вводится в действие со дня первого официального опубликования).
      В соответствии с Законом Республики Казахстан "О местном государственном управлении и самоуправлении в Республике Казахстан" Шетский районный маслихат РЕШИЛ:
      1. Утвердить нормы образования коммунальных отходов.
      2. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""


def _effects(text: str) -> list[tuple[str, str, str | None, str | None]]:
    from lexversion.parse import parse

    doc = parse(text)
    return [
        (
            e.type.value,
            e.scope,
            e.affecting.date.isoformat() if e.affecting and e.affecting.date else None,
            e.affecting.number if e.affecting else None,
        )
        for e in doc.meta.effects
    ]


def test_a_parsed_act_records_its_amendment_notes_and_no_edition_of_its_own() -> None:
    """The preface's and a point's notes become effects located in the act; the
    point's note is not read as the act setting out another act anew."""
    assert _effects(KK_DOC) == [
        ("provision_amended", "preamble", "2016-01-19", "45/404"),
        ("amendment", "whole", "2016-04-20", "2/11"),
        ("provision_amended", "para_1", "2016-12-12", "9/80"),
    ]


def test_a_parsed_act_records_the_front_parenthesis_as_a_note() -> None:
    from lexversion.parse import parse

    assert _effects(RU_DOC) == [
        ("exclusion", "para_2", "2020-05-12", "41/330"),
        ("amendment", "whole", "2019-09-03", "32/285"),
    ]
    notes = parse(RU_DOC).meta.notes
    assert notes[-1].text.startswith("(в редакции решения") and notes[-1].text.endswith("№ 32/285)")


@pytest.mark.parametrize(
    ("lang", "note", "pin"),
    [
        (
            "ru",
            "Сноска. Пункт 2 утратил силу решением маслихата от 12.05.2020 № 41/330.",
            ("paragraph", "2"),
        ),
        (
            "kk",
            "Ескерту. 3-тармақтың күші жойылды - аудандық мәслихатының 12.05.2020 № 41/330 шешімімен.",
            ("paragraph", "3"),
        ),
    ],
)
def test_a_provision_that_lost_force_is_excluded_not_the_act_repealed(
    lang: str, note: str, pin: tuple[str, str]
) -> None:
    (e,) = read_note(note, (), lang, "whole", None).effects
    assert e.type is EffectType.EXCLUSION and e.pinpoint == ProvisionRef("whole", *pin)
    assert e.affecting is not None and e.affecting.number == "41/330"


@pytest.mark.parametrize(
    ("lang", "note", "scope"),
    [
        (
            "kk",
            "Ескерту. Тақырыпқа өзгеріс енгізілді - аудандық мәслихатының 12.05.2020 № 41/330 шешімімен.",
            "whole",
        ),
        ("ru", "Изменения внесены решением маслихата от 12.05.2020 № 41/330.", "whole"),
        (
            "ru",
            "Сноска. Приложение 1 - в редакции решения маслихата от 12.05.2020 № 41/330.",
            "annex",
        ),
    ],
)
def test_more_wordings_of_an_amendment(lang: str, note: str, scope: str) -> None:
    (e,) = read_note(note, (), lang, "whole", None).effects
    assert e.scope == scope and e.affecting is not None and e.affecting.number == "41/330"


def test_a_list_ends_at_a_note_a_blank_line_or_its_end_heading() -> None:
    text = (
        "Енгізілген өзгерістер:\n"
        "Шал ақын ауданы мәслихатының 2025.25.04. № 29/5 шешімімен\n"
        "Ескерту. Күші жойылды - Шал ақын ауданы мәслихатының 2026.20.01. № 40/1 шешімімен.\n"
        "\n"
        "Шал ақын ауданы мәслихатының 2024 жылғы 5 сәуірдегі № 16/1 шешімі\n"
    )
    found = find_notes(text, "kk")
    assert [(n.shape, n.text[:20]) for n in found] == [
        ("list", "Шал ақын ауданы мәсл"),
        ("marker", "Ескерту. Күші жойылд"),
    ]
    (repeal,) = read_found(found[1], "kk", None).effects
    assert repeal.type is EffectType.REPEAL and repeal.affecting is not None
    assert (repeal.affecting.date, repeal.affecting.number) == (date(2026, 1, 20), "40/1")
