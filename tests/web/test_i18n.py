"""The web app in the readers' languages (issue 14): ``?lang=`` (and the older
``?ui=``), the cookie it leaves, ``Accept-Language``, the switch on every page,
``<html lang>``, the text in the reader's language where the act has one
(``?text=`` for the other), no English status words, dates as the reader
writes them, both date forms accepted."""

from __future__ import annotations

import re
import warnings

import pytest
from fastapi import FastAPI

from lexversion.i18n import LANGS, TERMS
from lexversion.web.i18n import COOKIE, href_in
from lexversion.web.textlang import TextChoice, choose_text

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from starlette.testclient import TestClient

W = "/akn/kz-19/act/decision/2017-12-15/26-129"
ALMATY_CITY_22 = "/akn/kz-75/act/decision/2021-02-19/22"
#: a work whose corpus text is Russian only (W's is Kazakh only)
ALMATY_CITY_152 = "/akn/kz-75/act/decision/2017-09-15/152"
#: one page of each kind: browse, a work on a date (repealed later), a work
#: without text on the date, search with a date, compare, an error page
PAGES = [
    "/?on=2019-06-01",
    f"{W}:2019-06-01",
    f"{W}:2025-01-01",
    f"{ALMATY_CITY_22}:2021-06-01",
    "/search?q=қандас*&on=2023-06-01",
    "/search",
    f"/compare?work={W}&from=2019-06-01&to=2023-06-01",
    "/compare",
    "/no-such-page",
]
#: the English words of statuses and certainties, as a page would show them
ENGLISH = {TERMS[c] for c in ("in_force", "not_yet_in_force", "repealed", "unknown", "stated")} | {
    TERMS[c] for c in ("computed", "estimated", "official", "consolidated", "reconstructed")
}
_MARKED = re.compile(r'<span class="(?:status|cert|kind)[^"]*">([^<]*)</span>')


def fresh(app: FastAPI, **headers: str) -> TestClient:
    """A client of its own: the session's client must not keep a language cookie."""
    return TestClient(app, follow_redirects=False, headers=headers)


def _get(app: FastAPI, path: str, ui: str) -> str:
    sep = "&" if "?" in path else "?"
    r = fresh(app).get(f"{path}{sep}lang={ui}")
    assert r.status_code in (200, 404), (path, r.status_code, r.text[:300])
    return r.text


@pytest.mark.parametrize("ui", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_its_language(app: FastAPI, path: str, ui: str) -> None:
    page = _get(app, path, ui)
    assert f'<html lang="{ui}">' in page
    switch = page.split('<nav class="ui-langs"', 1)[1].split("</nav>", 1)[0]
    for other in LANGS:
        if other == ui:
            assert f'<strong lang="{other}">' in switch
        else:
            assert f"lang={other}" in switch
    marked = _MARKED.findall(page)
    if ui == "en":
        return
    assert not ENGLISH & set(marked), (path, ENGLISH & set(marked))
    for words in ENGLISH:
        assert f">{words}<" not in page, (path, words)


def test_status_words_are_the_acts_words(app: FastAPI) -> None:
    kk = _get(app, f"{W}:2025-06-01", "kk")
    assert '<span class="status status-repealed">күші жойылды</span>' in kk
    ru = _get(app, f"{W}:2025-06-01", "ru")
    assert '<span class="status status-repealed">утратил силу</span>' in ru
    ru_on = _get(app, f"{W}:2023-06-01", "ru")
    assert '<span class="status status-in_force">действует</span>' in ru_on


def test_dates_are_shown_as_the_reader_writes_them(app: FastAPI) -> None:
    kk = _get(app, f"{W}:2019-06-01", "kk")
    assert '<strong class="asof">01.06.2019</strong>' in kk
    assert 'value="2019-06-01"' in kk  # a date input keeps ISO (the browser shows it)
    en = _get(app, f"{W}:2019-06-01", "en")
    assert '<strong class="asof">2019-06-01</strong>' in en


def test_provision_labels_in_the_citations(app: FastAPI) -> None:
    kk = _get(app, f"{W}:2019-06-01", "kk")
    assert ">1-қосымша 1-тарау 1-тармақ</a>" in kk
    ru = _get(app, f"{W}:2019-06-01", "ru")
    assert ">приложение 1, глава 1, пункт 1</a>" in ru


def test_accept_language_chooses_the_interface(app: FastAPI) -> None:
    assert '<html lang="kk">' in fresh(app, **{"accept-language": "kk-KZ,kk;q=0.9"}).get("/").text
    ru = fresh(app, **{"accept-language": "de;q=0.9, ru;q=0.8"}).get("/search")
    assert '<html lang="ru">' in ru.text
    assert "Accept-Language" in ru.headers["vary"]
    assert '<html lang="en">' in fresh(app, **{"accept-language": "fr"}).get("/").text
    assert '<html lang="en">' in fresh(app).get("/").text


@pytest.mark.parametrize("param", ["lang", "ui"])
def test_lang_wins_and_the_cookie_keeps_it(app: FastAPI, param: str) -> None:
    client = fresh(app, **{"accept-language": "kk"})
    r = client.get(f"/?{param}=ru")
    assert '<html lang="ru">' in r.text
    assert f"{COOKIE}=ru" in r.headers["set-cookie"]
    assert '<html lang="ru">' in client.get("/search").text  # the cookie, over Accept-Language
    assert '<html lang="en">' in client.get(f"/search?{param}=en").text
    assert '<html lang="en">' in client.get("/compare").text


@pytest.mark.parametrize("param", ["lang", "ui"])
def test_unknown_language_is_a_clear_400(app: FastAPI, param: str) -> None:
    r = fresh(app).get(f"/?{param}=de")
    assert r.status_code == 400
    assert f"{param}=&#39;de&#39;: use one of en, kk, ru" in r.text
    assert 'class="ui-langs"' in r.text
    assert "set-cookie" not in r.headers


#: what a page says when the text in the reader's language is not in the corpus
NO_KK = {
    "kk": "Бұл актінің қазақ тіліндегі мәтіні корпуста жоқ; орыс тіліндегі мәтіні көрсетілді.",
    "ru": "Текста этого акта на казахском языке в корпусе нет; показан текст на русском языке.",
}
NO_RU = {
    "kk": "Бұл актінің орыс тіліндегі мәтіні корпуста жоқ; қазақ тіліндегі мәтіні көрсетілді.",
    "ru": "Текста этого акта на русском языке в корпусе нет; показан текст на казахском языке.",
}


def test_lang_prefers_the_readers_text_and_says_when_it_is_missing(app: FastAPI) -> None:
    kk_only = fresh(app).get(f"{W}:2019-06-01?lang=kk").text
    assert '<div class="akn" lang="kk">' in kk_only
    assert "text-notice" not in kk_only
    ru_reader = fresh(app).get(f"{W}:2019-06-01?lang=ru").text
    assert '<html lang="ru">' in ru_reader
    assert '<div class="akn" lang="kk">' in ru_reader  # the text there is
    assert NO_RU["ru"] in ru_reader
    kk_reader = fresh(app).get(f"{ALMATY_CITY_152}:2023-06-01?lang=kk").text
    assert '<div class="akn" lang="ru">' in kk_reader
    assert NO_KK["kk"] in kk_reader
    # the interface language chosen otherwise (cookie, Accept-Language) prefers too
    by_header = fresh(app, **{"accept-language": "ru"}).get(f"{W}:2019-06-01").text
    assert NO_RU["ru"] in by_header
    assert "text-notice" not in fresh(app).get(f"{W}:2019-06-01?lang=en").text


def test_ui_alias_changes_only_the_words(app: FastAPI) -> None:
    """An older link ``?ui=kk&lang=ru`` (Kazakh words, Russian text) keeps its meaning."""
    page = fresh(app).get(f"{W}:2019-06-01?ui=kk&lang=ru").text
    assert '<html lang="kk">' in page
    assert NO_RU["kk"] in page


def test_text_asks_for_a_language_explicitly(app: FastAPI) -> None:
    shown = fresh(app).get(f"{ALMATY_CITY_152}:2023-06-01?lang=kk&text=ru").text
    assert '<html lang="kk">' in shown
    assert '<div class="akn" lang="ru">' in shown
    assert "text-notice" not in shown
    missing = fresh(app).get(f"{W}:2019-06-01?lang=kk&text=ru")  # strict: no other text
    assert '<html lang="kk">' in missing.text
    assert '<div class="akn"' not in missing.text
    assert '<p class="reason">' in missing.text
    assert fresh(app).get(f"{W}:2019-06-01?text=de").status_code == 400


@pytest.mark.parametrize(
    ("explicit", "preferred", "held", "lang", "notice"),
    [
        ("ru", "kk", {"kk"}, "ru", False),  # explicit is strict: no text shown
        (None, "kk", {"kk", "ru"}, "kk", False),
        (None, "ru", {"kk", "ru"}, "ru", False),
        (None, "ru", {"kk"}, None, True),
        (None, "ru", set(), None, False),  # a stub: no text in any language
        (None, None, {"kk", "ru"}, None, False),
    ],
)
def test_choose_text(
    explicit: str | None, preferred: str | None, held: set[str], lang: str | None, notice: bool
) -> None:
    got = choose_text(explicit, preferred, held)
    assert got.lang == lang
    assert (got.notice is not None) == notice
    assert isinstance(got, TextChoice)


def test_answers_are_cached_per_language(app: FastAPI) -> None:
    """The same page asked in two languages is never answered from the other's cache."""
    for _ in range(2):
        for ui in LANGS:
            assert f'<html lang="{ui}">' in _get(app, "/?on=2024-06-01", ui)


def test_api_json_does_not_change_with_the_language(app: FastAPI) -> None:
    en = fresh(app).get(f"/api/works{W}:2019-06-01").json()
    kk = fresh(app).get(f"/api/works{W}:2019-06-01?lang=kk").json()
    assert en == kk
    assert kk["status"] == "in_force"
    ru = fresh(app).get(f"/api/works{W}:2019-06-01?lang=ru").json()
    assert ru == en  # Russian preferred, the Kazakh text is the one there is
    assert fresh(app).get(f"/api/works{W}:2019-06-01?text=ru").json()["expression"] is None


@pytest.mark.parametrize("on", ["2019-06-01", "01.06.2019", "1.6.2019"])
def test_dates_accepted_in_both_forms(client: TestClient, on: str) -> None:
    works = client.get(f"/api/works?on={on}").json()
    assert works["as_of"] == "2019-06-01"
    picked = client.get(f"{W}?on={on}")
    assert picked.status_code == 303
    assert picked.headers["location"].endswith(":2019-06-01")
    hits = client.get(f"/api/search?q=оралмандарды&on={on}").json()
    assert hits["hits"]


def test_bad_date_names_both_forms(client: TestClient) -> None:
    r = client.get("/api/works?on=32.01.2019")
    assert r.status_code == 400
    assert "YYYY-MM-DD or DD.MM.YYYY" in r.json()["error"]["message"]


def test_switch_keeps_the_other_parameters() -> None:
    assert href_in("kk", "/search", "q=%D2%9B&on=2023-06-01&lang=ru") == (
        "/search?q=%D2%9B&on=2023-06-01&lang=kk"
    )
    assert href_in("kk", "/search", "ui=ru&text=ru") == "/search?text=ru&lang=kk"
    assert href_in("en", W + ":2019-06-01", "") == W + ":2019-06-01?lang=en"


def test_a_kept_answer_is_never_one_in_another_language(app: FastAPI) -> None:
    """The validator (ETag) names the interface language: an English answer a
    browser kept is not revalidated (304) for a reader whose cookie says Kazakh."""
    english = fresh(app).get("/search")
    tag = english.headers["etag"]
    assert fresh(app).get("/search", headers={"if-none-match": tag}).status_code == 304
    kk = fresh(app).get("/search", headers={"if-none-match": tag, "cookie": f"{COOKIE}=kk"})
    assert kk.status_code == 200
    assert '<html lang="kk">' in kk.text
    assert "Cookie" in kk.headers["vary"]


@pytest.mark.parametrize(
    ("path", "want"),
    [
        (f"/compare?work={W}&from=2019-06-01&lang=ru", "укажите обе даты (from и to)"),
        (f"/compare?work={W}&from=2019-06-01&to=June&lang=ru", "to=&#39;June&#39;: не дата"),
        ("/?region=Almaty&lang=kk", "ISO 3166-2:KZ коды керек"),
        ("/akn/kz-19/act/nonsense?lang=ru", "не FRBR URI акта"),
        ("/no/such/page?lang=kk", "мекенжайында ештеңе жоқ"),
        (f"{W}/kaz@2019-06-01.docx?lang=ru", "нет формата .docx"),
    ],
)
def test_errors_in_the_readers_language(app: FastAPI, path: str, want: str) -> None:
    r = fresh(app).get(path)
    assert r.status_code in {400, 404}, r.status_code
    assert want in r.text, re.findall(r"<p[^>]*>[^<]*</p>", r.text)[:3]
