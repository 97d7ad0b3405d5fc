"""The Republic's codes and main laws found through the table of lang/national
(lexversion.parse.citations.national; issue 13, item 7): one work whichever
language cites them, by date and title or by name alone."""

from __future__ import annotations

from datetime import date

import pytest

from lexversion.model import ActRef
from lexversion.parse.citations.cited import cited
from lexversion.parse.citations.identity import work_uri

#: a local act citing them, adopted on this day
ON = date(2024, 3, 7)
OWN = ActRef("decision", None, "KZ-71", "maslikhat", ON, "149/19-VIII")


def _hrefs(text: str, lang: str, on: date = ON) -> list[str | None]:
    own = ActRef("decision", None, "KZ-71", "maslikhat", on, "1/1-VIII")
    return [work_uri(f.act) for f in cited(text, lang, own)]


def test_a_law_cited_by_date_and_title_is_one_work_in_kazakh_and_russian() -> None:
    kk = (
        'Қазақстан Республикасының 2001 жылғы 23 қаңтардағы "Қазақстан Республикасындағы '
        'жергілікті мемлекеттік басқару және өзін-өзі басқару туралы" Заңына сәйкес'
    )
    ru = (
        'В соответствии с Законом Республики Казахстан от 23 января 2001 года "О местном '
        'государственном управлении и самоуправлении в Республике Казахстан"'
    )
    assert _hrefs(kk, "kk") == _hrefs(ru, "ru") == ["/akn/kz/act/law/2001-01-23/148-ii"]


def test_a_law_cited_by_its_quoted_title_alone_is_the_one_in_effect_on_the_citing_date() -> None:
    kk = '"Халықтың көші-қоны туралы" Қазақстан Республикасы Заңы 15-бабы'
    assert _hrefs(kk, "kk") == ["/akn/kz/act/law/2011-07-22/477-iv"]
    assert _hrefs(kk, "kk", date(2003, 4, 8)) == ["/akn/kz/act/law/1997-12-13/204-i"]
    ru = 'Законом Республики Казахстан "О миграции населения"'
    assert _hrefs(ru, "ru") == ["/akn/kz/act/law/2011-07-22/477-iv"]


def test_a_quoted_title_without_a_law_word_is_no_citation() -> None:
    assert _hrefs('Қағидалар "Халықтың көші-қоны туралы" тақырыбымен', "kk") == []


@pytest.mark.parametrize(
    ("text", "lang", "on", "href"),
    [
        ("Қазақстан Республикасының Әлеуметтік кодексіне сәйкес", "kk", ON, "code/2023-04-20/224-vii"),
        ("в соответствии с Социальным кодексом Республики Казахстан;", "ru", ON, "code/2023-04-20/224-vii"),
        ("В соответствии с Экологическим кодексом, районный маслихат", "ru", ON, "code/2021-01-02/400-vi"),
        ("Экологиялық кодексіне сәйкес", "kk", ON, "code/2021-01-02/400-vi"),
        ("В соответствии с Бюджетным кодексом, Абайский", "ru", ON, "code/2008-12-04/95-iv"),
        ("Бюджет кодексінің 6-бабына", "kk", ON, "code/2008-12-04/95-iv"),
        ("Салық кодексіне сәйкес", "kk", date(2019, 5, 1), "code/2017-12-25/120-vi"),
        ("Салық кодексіне сәйкес", "kk", date(2026, 2, 1), "code/2025-07-18/214-viii"),
        ("статьей 3 Кодекса Республики Казахстан об административных правонарушениях", "ru",
         date(2016, 1, 1), "code/2014-07-05/235-v"),
        ("Кодексом об административных правонарушениях", "ru", date(2010, 1, 1),
         "code/2001-01-30/155-ii"),
        ("Әкімшілік құқық бұзушылық туралы кодексінің", "kk", ON, "code/2014-07-05/235-v"),
    ],
)  # fmt: skip
def test_a_code_cited_by_name_alone_is_the_one_in_effect_on_the_citing_date(
    text: str, lang: str, on: date, href: str
) -> None:
    assert _hrefs(text, lang, on) == [f"/akn/kz/act/{href}"]


def test_a_code_not_yet_in_effect_is_not_guessed() -> None:
    """Before the first Social Code applied, its name resolves to nothing."""
    assert _hrefs("Әлеуметтік кодексіне сәйкес", "kk", date(2020, 1, 1)) == []


def test_a_law_outside_the_table_keeps_its_title_slug() -> None:
    law = ActRef(
        "law", None, None, "parliament", date(2005, 6, 28), None, "О государственных пособиях"
    )
    assert work_uri(law) == "/akn/kz/act/law/2005-06-28/nn-o-gosudarstvennykh-posobiyakh"
