"""Latin-script Kazakh (lexversion.text.translit, lexversion.text.language.detect_script):
told from Cyrillic, read into Cyrillic in the 2018 and 2021 alphabets, with every
view offset mapped back to the page as printed."""

from __future__ import annotations

import json
import string
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexversion.text.language import detect_script
from lexversion.text.translit import alphabet_of, to_cyrillic

DEV = Path(__file__).parents[1] / "parse" / "data" / "realworld_dev_notes.jsonl"
RECORDS = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_the_script_of_every_real_opening_is_told(record: dict) -> None:
    assert detect_script(record["text"]) == record["script"]


@pytest.mark.parametrize(
    "text",
    [
        "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешiмi",  # Latin i inside
        "Решение маслихата от 19 февраля 2021 года № 22 (see www.adilet.zan.kz, PDF)",
        "Download PDF | Print | Share this page on Facebook",  # Latin, but no Kazakh letter
    ],
)
def test_cyrillic_acts_and_foreign_latin_are_not_latin_script_kazakh(text: str) -> None:
    assert detect_script(text) == "cyrl"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        (
            "Shymkent qalasy ákіmіnіń 2010 jylǵy 18 maýsymdaǵy № 14 sheshіmіne ózgerіster engіzý týraly",
            "Шымкент қаласы әкімінің 2010 жылғы 18 маусымдағы № 14 шешіміне өзгерістер енгізу туралы",
        ),
        (
            "Shyǵys Qazaqstan oblystyq Máslıhatynyń 2000 jylǵy 26 jeltoqsandaǵy N 7/2-II sheshіmі",
            "Шығыс Қазақстан облыстық Мәслихатының 2000 жылғы 26 желтоқсандағы N 7/2-II шешімі",
        ),
        ("oblystyq bıýdjet týraly", "облыстық бюджет туралы"),
        (
            "saılaý ýchaskelerіn | Jarııalaý organy | QR",
            "сайлау учаскелерін | Жариялау органы | ҚР",
        ),
        (
            "Qazaqstan Respýblıkasynyń Ishki ister mınıstrliginiń buıryǵy",
            "Қазақстан Республикасының Ішкі істер министрлігінің бұйрығы",
        ),
        ("SHESHІM QABYLDADY: 1. Osy sheshіm 192-Q", "ШЕШІМ ҚАБЫЛДАДЫ: 1. Осы шешім 192-Қ"),
        (
            "Şımkent qalalıq keñesiniñ 2021 jılğı 5 qañtardağı № 3 şeşimi",
            "Шымкент қалалық кеңесінің 2021 жылғы 5 қаңтардағы № 3 шешімі",
        ),
        ("Aymaq saylaw ūsınıs üşin", "Аймақ сайлау ұсыныс үшін"),
    ],
)
def test_latin_kazakh_reads_into_cyrillic(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin).text == cyrillic


def test_the_alphabet_is_told_by_its_own_letters() -> None:
    assert alphabet_of("Shymkent qalalyq máslihatynyń jylǵy") == "2018"
    assert alphabet_of("Şımkent qalalıq mäslihatınıñ jılğı") == "2021"


LATIN = string.ascii_letters + "áǵńóúýıäğñöüūşçÁǴŃÓÚÝ" + "іІ" + string.digits + ' .,;:-/№()|"\n'


@given(st.text(alphabet=LATIN, max_size=120))
def test_every_view_offset_maps_into_the_printed_text_in_order(text: str) -> None:
    view = to_cyrillic(text)
    mapped = [view.to_source(k) for k in range(len(view.text))]
    assert mapped == sorted(mapped)
    assert all(0 <= m < len(text) for m in mapped)
    for k, ch in enumerate(view.text):  # what is not a letter is copied at its place
        if not ch.isalpha():
            assert text[mapped[k]] == ch


def test_a_latin_page_parses_through_its_reading_and_keeps_its_text() -> None:
    import lexversion

    page = (
        "\nShymkent qalasynda saılaý ýchaskelerіn qurý týraly\n\n"
        "Shymkent qalalyq máslıhatynyń 2019 jylǵy 12 naýryzdaǵy № 45/372 sheshіmі. Ońtústіk "
        "Qazaqstan oblysynyń Ádіlet departamentіnde 2019 jylǵy 20 naýryzda № 5001 bolyp tіrkeldі.\n"
        "      Eskertý. Sheshіmge ózgerіster engіzіldі - Shymkent qalalyq máslıhatynyń 2020.15.06 "
        "№ 61/500 sheshіmіmen.\n"
        "      Qazaqstan Respýblıkasynyń 2001 jylǵy 23 qańtardaǵy Zańyna sáıkes, Shymkent qalalyq "
        "máslıhaty SHESHІM QABYLDADY:\n"
        "      1. Shymkent qalasynda saılaý ýchaskelerі qurylsyn.\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        doc = lexversion.parse(page)
    m = doc.meta
    assert (m.lang, m.act_type, m.number, str(m.date)) == ("kk", "decision", "45/372", "2019-03-12")
    assert m.registration is not None and m.registration.number == "5001"
    assert [(e.affecting.number, str(e.affecting.date)) for e in m.effects if e.affecting] == [
        ("61/500", "2020-06-15")
    ]
    assert doc.text == page  # the page as printed
    assert any("Latin-script Kazakh" in w for w in doc.warnings)
    for c in doc.citations:  # spans point into the printed page
        assert 0 <= c.raw_start < c.raw_end <= len(page)
