"""The enacting formula as web pages print it (issue 12, item 2): without its colon,
broken over two lines, with its letters spaced, in lower case inside the preamble's
sentence, in Kazakh and Russian; ordinary prose never counts.

Hand-written openings in the words of maslikhat decisions and akimat resolutions
(DOMAIN.md 2.5), not copied from any record.
"""

from __future__ import annotations

import pytest

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.parse import parse
from lexversion.parse.formula import formula_at, formulas_in
from tests.akn.test_lossless import nonspace, text_outside_meta

KK_BODY = (
    "1. Жайылымдарды басқару және оларды пайдалану жөніндегі жоспар осы шешімнің "
    "қосымшасына сәйкес бекітілсін.\n"
    "2. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен "
    "соң қолданысқа енгізіледі.\n"
)
KK_AKIMAT_BODY = (
    "1. Мектепке дейінгі білім беру ұйымдарындағы ата-ана төлемақысының мөлшері осы "
    "қаулының қосымшасына сәйкес бекітілсін.\n"
    "2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
    "қолданысқа енгізіледі.\n"
)
RU_BODY = (
    "1. Утвердить план по управлению пастбищами и их использованию согласно приложению "
    "к настоящему решению.\n"
    "2. Настоящее решение вводится в действие по истечении десяти календарных дней после "
    "дня его первого официального опубликования.\n"
)
RU_AKIMAT_BODY = (
    "1. Установить размер родительской платы согласно приложению к настоящему "
    "постановлению.\n"
    "2. Настоящее постановление вводится в действие по истечении десяти календарных дней "
    "после дня его первого официального опубликования.\n"
)
KK_PREAMBLE = (
    "Қазақстан Республикасының «Жайылымдар туралы» Заңының 8-бабының 1) тармақшасына сәйкес, "
)
RU_PREAMBLE = "В соответствии с подпунктом 1) статьи 8 Закона Республики Казахстан «О пастбищах», "

CASES = [
    # (id, text, act type, issuer)
    (
        "kk-no-colon",
        KK_PREAMBLE + "Жаңаарқа аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ\n" + KK_BODY,
        "decision",
        "Жаңаарқа аудандық мәслихаты",
    ),
    (
        "kk-split-in-the-formula",
        KK_PREAMBLE + "Жаңаарқа аудандық мәслихаты ШЕШІМ\nҚАБЫЛДАДЫ:\n" + KK_BODY,
        "decision",
        "Жаңаарқа аудандық мәслихаты",
    ),
    (
        "kk-split-before-the-formula",
        KK_PREAMBLE + "Сарыағаш ауданының әкімдігі\nҚАУЛЫ ЕТЕДІ:\n" + KK_AKIMAT_BODY,
        "resolution",
        "Сарыағаш ауданының әкімдігі",
    ),
    (
        "kk-letter-spaced",
        KK_PREAMBLE + "Жаңаарқа аудандық мәслихаты Ш Е Ш І М  Қ А Б Ы Л Д А Д Ы\n" + KK_BODY,
        "decision",
        "Жаңаарқа аудандық мәслихаты",
    ),
    (
        "kk-letter-spaced-colon-spaced",
        KK_PREAMBLE + "Сарыағаш ауданының әкімдігі Қ А У Л Ы  Е Т Е Д І :\n" + KK_AKIMAT_BODY,
        "resolution",
        "Сарыағаш ауданының әкімдігі",
    ),
    (
        "kk-lower-case",
        KK_PREAMBLE + "Жаңаарқа аудандық мәслихаты шешім қабылдады:\n" + KK_BODY,
        "decision",
        "Жаңаарқа аудандық мәслихаты",
    ),
    (
        "kk-akim-no-colon",
        KK_PREAMBLE + "Бірлік ауылдық округінің әкімі ШЕШТІМ\n" + KK_BODY,
        "decision",
        "Бірлік ауылдық округінің әкімі",
    ),
    (
        "ru-no-colon",
        RU_PREAMBLE + "Шетский районный маслихат РЕШИЛ\n" + RU_BODY,
        "decision",
        "Шетский районный маслихат",
    ),
    (
        "ru-lower-case-in-the-sentence",
        RU_PREAMBLE + "Шетский районный маслихат решил:\n" + RU_BODY,
        "decision",
        "Шетский районный маслихат",
    ),
    (
        "ru-lower-case-no-colon",
        RU_PREAMBLE + "Шетский районный маслихат решил\n" + RU_BODY,
        "decision",
        "Шетский районный маслихат",
    ),
    (
        "ru-split-before-the-formula",
        RU_PREAMBLE + "акимат района Биржан сал\nПОСТАНОВЛЯЕТ:\n" + RU_AKIMAT_BODY,
        "resolution",
        "акимат района Биржан сал",
    ),
    (
        "ru-letter-spaced",
        RU_PREAMBLE + "Шетский районный маслихат Р Е Ш И Л\n" + RU_BODY,
        "decision",
        "Шетский районный маслихат",
    ),
    (
        "ru-letter-spaced-colon-spaced",
        RU_PREAMBLE + "акимат района Биржан сал П О С Т А Н О В Л Я Е Т :\n" + RU_AKIMAT_BODY,
        "resolution",
        "акимат района Биржан сал",
    ),
]


@pytest.mark.parametrize(
    ("text", "act_type", "issuer"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_formula_as_pages_print_it(text: str, act_type: str, issuer: str) -> None:
    doc = parse(text)
    assert doc.meta.act_type == act_type
    assert doc.meta.issuer == issuer
    assert not any("enacting formula" in w for w in doc.warnings)
    assert doc.body.children, "the numbered points are the body"
    xml = document_to_akn(doc)
    assert not errors(xml)
    assert nonspace(text_outside_meta(xml)) == nonspace(text), "lossless"


PROSE = [
    # a commission's conclusion in the preamble is no formula: the act's own comes later
    (
        "ru",
        "Рассмотрев протокол, комиссия решила, что Шетский районный маслихат вправе "
        "установить ставки.",
    ),
    ("ru", "Собрание решило перенести рассмотрение вопроса"),
    ("kk", "Комиссия отырысында мәселені кейінге қалдыру деп шешті."),
    ("kk", "Жиналыс бұл мәселені келесі отырыста қарауды шешті, алайда"),
]


@pytest.mark.parametrize(("lang", "text"), PROSE)
def test_prose_is_no_formula(lang: str, text: str) -> None:
    assert formula_at(text, lang) is None


def test_a_commission_deciding_in_the_preamble_is_not_the_formula() -> None:
    text = (
        "Рассмотрев протокол, комиссия решила, что ставки следует повысить, и в "
        "соответствии с Законом Республики Казахстан Шетский районный маслихат РЕШИЛ:\n" + RU_BODY
    )
    found = formulas_in(text, "ru")
    assert [f.words for f in found] == ["решил"]
    assert parse(text).meta.issuer == "Шетский районный маслихат"


def test_lower_case_without_colon_needs_its_body_or_capitals() -> None:
    assert formula_at("... Шетский районный маслихат решил", "ru") is not None
    assert formula_at("... и тогда сессия решила", "ru") is None
    assert formula_at("... аудандық мәслихаты ШЕШТІ", "kk") is not None
    assert formula_at("... бұл мәселені қарауды шешті", "kk") is None


def test_a_colonless_formula_counts_only_before_the_points() -> None:
    text = (
        "Қазақстан Республикасының Заңына сәйкес Жаңаарқа аудандық мәслихаты ШЕШТІ\n"
        "Осы мәселе бойынша мәслихат хатшысына тапсырылсын деп шешті.\n" + KK_BODY
    )
    doc = parse(text)
    assert doc.meta.act_type is None  # the colonless formula is not followed by the points


def test_letter_spaced_formula_spans_the_printed_letters() -> None:
    text = "маслихат Р Е Ш И Л:"
    found = formula_at(text, "ru")
    assert found is not None
    assert text[found.start : found.end] == "Р Е Ш И Л"
    assert found.words == "решил"
