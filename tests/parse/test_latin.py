"""Latin-script Kazakh in its three official alphabets (issue 12, item 6): the
alphabet told from the page's own letters (the apostrophes of 2017, the acute
accents and digraphs of 2018, the breves and cedillas of 2021; without any, the
dotless ı: "и" in 2018, "ы" in 2021), the page read through its Cyrillic
transliteration, the text kept as printed.

Hand-written openings of maslikhat decisions in each alphabet, in the words the
acts use (DOMAIN.md 2), not copied from any page.
"""

from __future__ import annotations

import warnings

import pytest

from lexversion.parse import parse
from lexversion.text.language import detect_script
from lexversion.text.translit import alphabet_of, to_cyrillic

PAGE_2021 = (
    "Jer salığınıñ mölşerlemelerin joğarılatuw twralı\n"
    "Almatı oblısı Eñbekşiqazaq audandıq mäslihatınıñ 2021 jılğı 12 naurızdağı № 7-40 "
    "şeşimi. Almatı oblısınıñ Ädilet departamentinde 2021 jılğı 20 naurızda № 5912 bolıp "
    "tirkeldi.\n"
    "Qazaqstan Respublikasınıñ Salıq kodeksine säykes, Eñbekşiqazaq audandıq mäslihatı "
    "ŞEŞİM QABILDADI:\n"
    "1. Jer salığınıñ mölşerlemeleri on esege joğarılatılsın.\n"
    "2. Osı şeşim alğaşqı resmi jariyalanğan küninen keyin küntizbelik on kün ötken soñ "
    "qoldanısqa engiziledi.\n"
)
PAGE_2017 = (
    "Jer salyg'ynyn' mo'ls'erlemelerin jog'arylaty' ty'raly\n"
    "Almaty oblysy En'beks'iqazaq ay'dandyq ma'sli'hatynyn' 2018 jylg'y 12 nay'ryzdag'y "
    "№ 7-40 s'es'imi. Almaty oblysynyn' A'dilet departamentinde 2018 jylg'y 20 nay'ryzda "
    "№ 4590 bolyp tirkeldi.\n"
    "Qazaqstan Respy'bli'kasynyn' Salyq kodeksine sa'i'kes, En'beks'iqazaq ay'dandyq "
    "ma'sli'haty S'ES'IM QABYLDADY:\n"
    "1. Jer salyg'ynyn' mo'ls'erlemeleri on esege jog'arylatylsyn.\n"
    "2. Osy s'es'im alg'as'qy resmi jari'ialang'an ku'ninen kei'in ku'ntizbelik on ku'n "
    "o'tken son' qoldanysqa engiziledi.\n"
)


@pytest.mark.parametrize(
    ("page", "alphabet", "year"), [(PAGE_2021, "2021", 2021), (PAGE_2017, "2017", 2018)]
)
def test_a_page_in_each_alphabet_is_read_and_kept_as_printed(
    page: str, alphabet: str, year: int
) -> None:
    assert detect_script(page) == "latn"
    assert alphabet_of(page) == alphabet
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        doc = parse(page)
    m = doc.meta
    assert (m.lang, m.act_type, m.number) == ("kk", "decision", "7-40")
    assert m.date is not None and (m.date.year, m.date.month, m.date.day) == (year, 3, 12)
    assert m.issuer == "Еңбекшіқазақ аудандық мәслихаты"
    assert m.registration is not None and m.registration.number in ("5912", "4590")
    assert doc.text == page
    assert any(f"{alphabet} alphabet" in w for w in doc.warnings)
    assert len(doc.body.children) == 2


@pytest.mark.parametrize(
    ("text", "alphabet"),
    [
        ("Şımkent qalalıq mäslihatınıñ şeşimi", "2021"),
        ("Shymkent qalalyq máslıhatynyń sheshimi", "2018"),
        ("S'ymkent qalalyq ma'sli'hatynyn' s'es'imi", "2017"),
        ("S’ymkent qalalyq ma’sli’hatynyn’ s’es’imi", "2017"),  # typographic apostrophe
        # no letter of its own: more dotless ı than y is 2021 (ı = ы), else 2018 (y = ы)
        ("Almatı qalalıq keñesi", "2021"),
        ("Almaty qalalyq keńesi", "2018"),
        ("Almatı qalalıq", "2021"),
        ("Almaty qalalyq", "2018"),
    ],
)
def test_the_alphabet_is_told_by_its_letters(text: str, alphabet: str) -> None:
    assert alphabet_of(text) == alphabet


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # the dotless ı and y change places between 2018 and 2021
        ("Shymkent qalalyq máslıhaty", "Шымкент қалалық мәслихаты"),
        ("Şımkent qalalıq mäslihatı", "Шымкент қалалық мәслихаты"),
        # 2021 capitals: I is the capital of ı (ы), İ of i (і)
        ("ŞEŞİM QABILDADI:", "ШЕШІМ ҚАБЫЛДАДЫ:"),
        ("ÄKİMDİGİ QAULI ETEDİ:", "ӘКІМДІГІ ҚАУЛЫ ЕТЕДІ:"),
        # 2021 writes и and і alike: a borrowed word's stem keeps its и
        ("Qazaqstan Respublikasınıñ Ministrligi", "Қазақстан Республикасының Министрлігі"),
        # 2017: a letter and its apostrophe; i' is и, or й after a vowel
        (
            "S'ES'IM QABYLDADY: Respy'bli'kasynyn' sa'i'kes",
            "ШЕШІМ ҚАБЫЛДАДЫ: Республикасының сәйкес",
        ),
        ("ay'dandyq ma'sli'haty", "аудандық мәслихаты"),
    ],
)
def test_latin_reads_into_cyrillic_in_its_alphabet(latin: str, cyrillic: str) -> None:
    view = to_cyrillic(latin)
    assert view.text == cyrillic
    mapped = [view.to_source(k) for k in range(len(view.text))]
    assert mapped == sorted(mapped) and all(0 <= k < len(latin) for k in mapped)


@pytest.mark.parametrize(
    "text",
    [
        "Don't touch it, we won't go, I can't say",  # English apostrophes: one kind
        "Решение маслихата от 19 февраля 2021 года № 22",
    ],
)
def test_apostrophes_of_other_languages_are_not_the_2017_alphabet(text: str) -> None:
    assert detect_script(text) == "cyrl"
