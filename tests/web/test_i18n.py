"""The web app in the readers' languages (issue 14): ``?ui=``, the cookie it
leaves, ``Accept-Language``, the switch on every page, ``<html lang>``, no
English status words, dates as the reader writes them, both date forms accepted."""

from __future__ import annotations

import re
import warnings

import pytest
from fastapi import FastAPI

from lexversion.i18n import LANGS, TERMS
from lexversion.web.i18n import COOKIE, href_in

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from starlette.testclient import TestClient

W = "/akn/kz-19/act/decision/2017-12-15/26-129"
ALMATY_CITY_22 = "/akn/kz-75/act/decision/2021-02-19/22"
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
    r = fresh(app).get(f"{path}{sep}ui={ui}")
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
            assert f"ui={other}" in switch
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


def test_ui_wins_and_the_cookie_keeps_it(app: FastAPI) -> None:
    client = fresh(app, **{"accept-language": "kk"})
    r = client.get("/?ui=ru")
    assert '<html lang="ru">' in r.text
    assert f"{COOKIE}=ru" in r.headers["set-cookie"]
    assert '<html lang="ru">' in client.get("/search").text  # the cookie, over Accept-Language
    assert '<html lang="en">' in client.get("/search?ui=en").text
    assert '<html lang="en">' in client.get("/compare").text


def test_unknown_ui_is_a_clear_400(app: FastAPI) -> None:
    r = fresh(app).get("/?ui=de")
    assert r.status_code == 400
    assert "ui=&#39;de&#39;: use one of en, kk, ru" in r.text
    assert 'class="ui-langs"' in r.text
    assert "set-cookie" not in r.headers


def test_answers_are_cached_per_language(app: FastAPI) -> None:
    """The same page asked in two languages is never answered from the other's cache."""
    for _ in range(2):
        for ui in LANGS:
            assert f'<html lang="{ui}">' in _get(app, "/?on=2024-06-01", ui)


def test_api_json_does_not_change_with_the_language(app: FastAPI) -> None:
    en = fresh(app).get(f"/api/works{W}:2019-06-01").json()
    kk = fresh(app).get(f"/api/works{W}:2019-06-01?ui=kk").json()
    assert en == kk
    assert kk["status"] == "in_force"


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
    assert href_in("kk", "/search", "q=%D2%9B&on=2023-06-01&ui=ru") == (
        "/search?q=%D2%9B&on=2023-06-01&ui=kk"
    )
    assert href_in("en", W + ":2019-06-01", "") == W + ":2019-06-01?ui=en"


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
