"""The web app over the real corpus, through HTTP: AKN addressing, the JSON API
(exactly ``show --format json``), downloads, the browser's filters, compare,
timeline honesty, neighbourhood, citations and the language switch."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from lexversion.app.query import show
from lexversion.model import WorkRecord
from lexversion.store import Store, open_store
from lexversion.timeline.pit import point_in_time
from lexversion.web import create_app
from lexversion.web.pages import work_page
from tests.web.conftest import ALMATY_OBLAST, REPO_ROOT, TestClient, build_store

ALMATY_CITY_152 = "/akn/kz-75/act/decision/2017-09-15/152"
ALMATY_CITY_22 = "/akn/kz-75/act/decision/2021-02-19/22"
CLI = "from lexversion.cli import main; main()"


@pytest.mark.parametrize(
    "address",
    [
        f"{ALMATY_OBLAST}:2019-06-01",
        f"{ALMATY_OBLAST}:2023-06-01",
        f"{ALMATY_OBLAST}:2024-06-01",
        f"{ALMATY_OBLAST}@2017-12-15",
        f"{ALMATY_OBLAST}/kaz@2021-12-25",
        f"{ALMATY_OBLAST}@",
        f"{ALMATY_CITY_152}:2017-12-01",
        f"{ALMATY_CITY_152}/rus:2021-06-01",
    ],
)
def test_api_answers_exactly_what_show_prints(
    client: TestClient, corpus_url: str, address: str
) -> None:
    r = client.get(f"/api/works{address}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.json() == show(corpus_url, address, None, None, "json")


def test_api_errors_are_json(client: TestClient) -> None:
    r = client.get(f"/api/works{ALMATY_OBLAST}")
    assert r.status_code == 400
    assert "YYYY-MM-DD" in r.json()["error"]["message"]
    r = client.get("/api/works/akn/kz-19/act/decision/2017-12-15/1:2019-06-01")
    assert r.status_code == 404
    r = client.get(f"/api/works{ALMATY_OBLAST}@2018-01-01")
    assert r.status_code == 404
    assert "no such expression" in r.json()["error"]["message"]


def test_openapi_documents_the_api(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    assert {"/api/works", "/api/works/{address}", "/api/search"} <= set(paths)
    schema = paths["/api/works/{address}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    assert {"status", "certainty", "expression", "text"} <= set(schema["properties"])
    assert not any(p.startswith("/akn") or p == "/" for p in paths)


#: the API as /openapi.json documents it, in order: path, method, operationId, parameters
API_OPERATIONS = [
    (
        "/api/works",
        "get",
        "api_works_api_works_get",
        ["on", "region", "issuer", "status", "type", "year", "lang", "text", "page"],
    ),
    (
        "/api/works/{address}",
        "get",
        "api_show_api_works__address__get",
        ["address", "lang", "text"],
    ),
    ("/api/search", "get", "api_search_api_search_get", ["q", "on", "lang", "text"]),
    ("/api/history/{address}", "get", "api_history_api_history__address__get", ["address"]),
    (
        "/api/neighbourhood/{address}",
        "get",
        "api_neighbourhood_api_neighbourhood__address__get",
        ["address"],
    ),
]


def test_openapi_paths_are_stable(client: TestClient) -> None:
    """The routes may move between routers; what the API documents may not."""
    doc = client.get("/openapi.json").json()
    found = [
        (path, method, op["operationId"], [p["name"] for p in op.get("parameters", [])])
        for path, ops in doc["paths"].items()
        for method, op in ops.items()
    ]
    assert found == API_OPERATIONS
    assert set(doc["components"]["schemas"]) == {"HTTPValidationError", "ValidationError"}


@pytest.mark.parametrize(
    ("address", "expression", "kind"),
    [
        (f"{ALMATY_OBLAST}:2019-06-01", "kaz@2017-12-15", "reconstructed"),
        (f"{ALMATY_OBLAST}:2023-06-01", "kaz@2021-12-25", "consolidated"),
        (f"{ALMATY_OBLAST}@", "kaz@2017-12-15", "reconstructed"),
        (f"{ALMATY_OBLAST}/kaz@2021-12-25", "kaz@2021-12-25", "consolidated"),
    ],
)
def test_work_page_addressing(client: TestClient, address: str, expression: str, kind: str) -> None:
    r = client.get(address)
    assert r.status_code == 200
    banner = r.text.split('class="banner', 1)[1].split("</section>", 1)[0]
    assert f"{ALMATY_OBLAST}/{expression}" in banner
    assert f"kind-{kind}" in banner


def test_work_page_without_a_date_is_today(client: TestClient) -> None:
    r = client.get("/akn/kz-61/act/decision/2024-09-30/12-160-viii")
    assert f'On <strong class="asof">{date.today().isoformat()}</strong>' in r.text


def test_a_repealed_acts_page_opens_on_its_last_day_in_force(client: TestClient) -> None:
    # repealed by 18-84 of 2024-04-16, in force from 2024-04-17 at the earliest
    r = client.get(ALMATY_OBLAST)
    assert 'On <strong class="asof">2024-04-16</strong>' in r.text
    assert "қандастарды және қоныс аударушыларды қабылдаудың" in r.text
    assert "/akn/kz-19/act/decision/2024-04-16/18-84" in r.text  # the repeal is shown
    assert "No text shown: repealed" not in r.text


def test_date_picker_redirects_to_the_akn_address(client: TestClient) -> None:
    r = client.get(f"{ALMATY_OBLAST}?on=2019-06-01")
    assert r.status_code == 303
    assert r.headers["location"] == f"{ALMATY_OBLAST}:2019-06-01"
    r = client.get(f"{ALMATY_OBLAST}/kaz:2023-01-01?on=2019-06-01")
    assert r.headers["location"] == f"{ALMATY_OBLAST}/kaz:2019-06-01"
    assert client.get(f"{ALMATY_OBLAST}?on=2019-02-30").status_code == 400


def test_downloads(client: TestClient, corpus_url: str) -> None:
    at = f"{ALMATY_OBLAST}/kaz:2019-06-01"
    xml = client.get(f"{at}.xml")
    assert xml.headers["content-type"] == "application/akn+xml"
    assert xml.content == show(corpus_url, at, None, None, "akn")
    root = etree.fromstring(xml.content)
    assert etree.QName(root).localname == "akomaNtoso"
    txt = client.get(f"{at}.txt")
    assert txt.text == show(corpus_url, at, None, None, "text")
    assert "оралмандарды және қоныс аударушыларды" in txt.text
    html = client.get(f"{at}.html")
    assert html.headers["content-disposition"] == (
        'attachment; filename="kz-19_act_decision_2017-12-15_26-129_kaz_2019-06-01.html"'
    )
    nothing = client.get(f"{ALMATY_OBLAST}:2025-06-01.pdf")
    assert nothing.status_code == 400
    assert "no text in force on 2025-06-01" in nothing.text
    assert client.get(f"{ALMATY_OBLAST}:2025-06-01.xml").status_code == 400


def test_timeline_draws_estimates_as_ranges(corpus_url: str) -> None:
    p = work_page(open_store(corpus_url), f"{ALMATY_OBLAST}:2019-06-01", None, date(2025, 1, 1))
    rows = {r.what: r for r in p.timeline.rows}
    # seed 000: in force on registration (computed, a day), put into effect
    # ten days after first publication (estimated, a range)
    adoption, commencement = rows["adoption"], rows["put into effect"]
    assert (adoption.certainty, adoption.shape, adoption.when.text) == (
        "stated",
        "dot",
        "2017-12-15",
    )
    force = rows["entry into force"]
    assert (force.certainty, force.shape, force.when.text) == ("computed", "dot", "2018-01-09")
    assert commencement.certainty == "estimated"
    assert commencement.shape == "bar"
    assert commencement.x is not None and commencement.x2 is not None
    assert commencement.x2 > commencement.x
    assert commencement.when.text == "2018-01-20 – 2018-10-13"
    assert all(r.shape != "dot" for r in p.timeline.rows if r.certainty == "estimated")
    assert p.timeline.as_of == "2019-06-01"


def test_timeline_table_prints_certainty(client: TestClient) -> None:
    body = client.get(f"{ALMATY_OBLAST}:2019-06-01").text
    table = body.split('<table class="events">', 1)[1].split("</table>", 1)[0]
    assert '2018-01-20 – 2018-10-13</span> <span class="cert cert-estimated">' in table


def test_neighbourhood(client: TestClient) -> None:
    got = client.get(f"/api/neighbourhood{ALMATY_OBLAST}").json()
    rel = {n["frbr_uri"]: n["relations"] for n in got["neighbours"]}
    assert "amended by" in rel["/akn/kz-19/act/decision/2021-12-14/12-61"]
    assert "repealed by" in rel["/akn/kz-19/act/decision/2024-04-16/18-84"]
    assert "cites" in rel["/akn/kz/act/resolution/2017-05-25/296"]
    page = client.get(f"{ALMATY_OBLAST}:2019-06-01").text
    assert '<svg class="graph"' in page
    stubs = sum(1 for n in got["neighbours"] if n["stub"])
    assert stubs >= 3
    assert page.count('<g class="node stub">') == stubs


def test_citations_link_and_mark_stubs(client: TestClient) -> None:
    page = client.get(f"{ALMATY_CITY_22}:2021-06-01").text
    assert f'<a href="{ALMATY_CITY_152}" class="cite stub"' in page
    cited = client.get(ALMATY_CITY_152).text
    cited_by = cited.split('<ul class="cited-by">', 1)[1].split("</ul>", 1)[0]
    assert f'href="{ALMATY_CITY_22}"' in cited_by


def _status(store: Store, w: WorkRecord, on: date) -> str:
    return point_in_time(store.timeline(w.frbr_uri), on).status


FILTERS: list[tuple[str, Callable[[Store, WorkRecord], bool]]] = [
    ("", lambda s, w: True),
    ("text=stub", lambda s, w: w.stub),
    ("text=yes", lambda s, w: not w.stub),
    ("region=KZ-19", lambda s, w: w.region == "KZ-19"),
    ("region=KZ", lambda s, w: w.region is None),
    ("text=ru", lambda s, w: "ru" in w.languages),
    ("text=kk", lambda s, w: "kk" in w.languages),
    ("year=2017", lambda s, w: w.date is not None and w.date.year == 2017),
    ("type=resolution", lambda s, w: w.act_type == "resolution"),
    ("issuer=астана", lambda s, w: "астана" in (w.issuer or "").casefold()),
    (
        "text=yes&status=repealed&on=2025-01-01",
        lambda s, w: not w.stub and _status(s, w, date(2025, 1, 1)) == "repealed",
    ),
    (
        "status=not_yet_in_force&on=2024-03-10",
        lambda s, w: _status(s, w, date(2024, 3, 10)) == "not_yet_in_force",
    ),
]


@pytest.mark.parametrize(("query", "keep"), FILTERS, ids=[q or "all" for q, _ in FILTERS])
def test_browser_filters(
    client: TestClient, corpus_url: str, query: str, keep: Callable[[Store, WorkRecord], bool]
) -> None:
    store = open_store(corpus_url)
    want = sorted(w.frbr_uri for w in store.works() if keep(store, w))
    got = client.get(f"/api/works?{query}").json()
    assert [w["frbr_uri"] for w in got["works"]] == want
    assert got["total"] == len(want)
    page = client.get(f"/?{query}").text
    assert page.count("<tr>") - 1 == len(want)


def test_browser_known_answers(client: TestClient) -> None:
    assert len(client.get("/api/works?text=yes").json()["works"]) == 5  # the five corpus files
    repealed = client.get("/api/works?text=yes&status=repealed&on=2025-09-01").json()["works"]
    assert ALMATY_OBLAST in {w["frbr_uri"] for w in repealed}
    assert all(w["certainty"] in {"stated", "computed", "estimated"} for w in repealed)


def test_compare(client: TestClient) -> None:
    r = client.get(f"/compare?work={ALMATY_OBLAST}&from=2019-06-01&to=2023-06-01")
    assert r.status_code == 200
    assert "<del>оралмандарды</del><ins>қандастарды</ins>" in r.text
    sbs = client.get(
        f"/compare?work={ALMATY_OBLAST}&from=2019-06-01&to=2023-06-01&view=side-by-side"
    )
    assert '<table class="sbs">' in sbs.text
    two = client.get(f"/compare?work={ALMATY_CITY_152}&work_b={ALMATY_CITY_22}&on=2022-01-01")
    assert two.status_code == 200
    assert "rus@2021-03-12" in two.text and "rus@2021-02-19" in two.text
    half = client.get(f"/compare?work={ALMATY_OBLAST}&from=2019-06-01")
    assert half.status_code == 400
    assert "give both dates" in half.text
    notext = client.get(f"/compare?work={ALMATY_OBLAST}&from=2019-06-01&to=2025-06-01")
    assert notext.status_code == 400
    assert "no text on 2025-06-01" in notext.text


def test_search_with_an_as_of_date(client: TestClient) -> None:
    before = client.get("/api/search?q=оралмандарды+қоныс&on=2019-06-01").json()
    assert {h["expression"] for h in before["hits"]} == {f"{ALMATY_OBLAST}/kaz@2017-12-15"}
    assert all(h["status"] == "in_force" for h in before["hits"])
    after = client.get("/api/search?q=қандастарды&on=2023-06-01").json()
    assert f"{ALMATY_OBLAST}/kaz@2021-12-25" in {h["expression"] for h in after["hits"]}
    assert f"{ALMATY_OBLAST}/kaz@2017-12-15" not in {h["expression"] for h in after["hits"]}
    page = client.get("/search?q=қандас*&on=2023-06-01").text
    assert "<mark>қандастарды</mark>" in page
    assert f'href="{ALMATY_OBLAST}/kaz:2023-06-01#' in page


def test_search_names_a_cited_act(client: TestClient) -> None:
    q = "решение маслихата города Алматы от 15 сентября 2017 года № 152"
    page = client.get(f"/search?q={q}").text
    assert f'This names the act <a href="{ALMATY_CITY_152}">' in page.replace("\n", " ") or (
        f'<a href="{ALMATY_CITY_152}">' in page.split('class="named"', 1)[1]
    )


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The app over a small synthetic corpus (bench/make_corpus.py) with acts in both languages."""
    corpus = tmp_path_factory.mktemp("synthetic")
    subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / "make_corpus.py"), "12", str(corpus)],
        check=True,
        capture_output=True,
    )
    url = build_store(corpus, tmp_path_factory.mktemp("synthetic-store"))
    return TestClient(create_app(url, index="now"), follow_redirects=False)


def test_language_switch(bilingual: TestClient) -> None:
    works = bilingual.get("/api/works?text=ru").json()["works"]
    both = next(w for w in works if w["languages"] == ["kk", "ru"])
    uri = both["frbr_uri"]
    kk = bilingual.get(f"{uri}/kaz:2025-01-01").text
    assert '<span class="langs"' in kk
    assert f'<a href="{uri}/rus:2025-01-01">русский</a>' in kk
    assert '<div class="akn" lang="kk">' in kk
    ru = bilingual.get(f"{uri}/rus:2025-01-01").text
    assert '<div class="akn" lang="ru">' in ru
    assert f'<a href="{uri}/kaz:2025-01-01">қазақша</a>' in ru
    single = next(w for w in works if w["languages"] == ["ru"])
    assert '<span class="langs"' not in bilingual.get(single["frbr_uri"]).text


def test_lang_prefers_the_text_in_the_readers_language(bilingual: TestClient) -> None:
    """``?lang=`` chooses the words and, where the act has both texts, the text
    (issue 14); ``?text=`` reads the other one with the words unchanged."""
    works = bilingual.get("/api/works?text=ru").json()["works"]
    uri = next(w for w in works if w["languages"] == ["kk", "ru"])["frbr_uri"]
    for lang in ("kk", "ru"):
        page = bilingual.get(f"{uri}:2025-01-01?lang={lang}").text
        assert f'<html lang="{lang}">' in page
        assert f'<div class="akn" lang="{lang}">' in page
        assert "text-notice" not in page
        api = bilingual.get(f"/api/works{uri}:2025-01-01?lang={lang}").json()
        assert api["lang"] == lang
    other = bilingual.get(f"{uri}:2025-01-01?lang=kk&text=ru").text
    assert '<html lang="kk">' in other
    assert '<div class="akn" lang="ru">' in other


def test_static_css(client: TestClient) -> None:
    r = client.get("/static/web.css")
    assert r.headers["content-type"].startswith("text/css")
    assert (REPO_ROOT / "templates" / "web.css").read_bytes() == r.content


def test_cli_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CLI, "serve", "--db", f"sqlite:///{tmp_path}/no.db"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 4
    assert done.stderr.startswith("lexversion: no store at")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "no.db").exists()


def test_stubs_are_titled_and_laws_have_their_issuer(client: TestClient) -> None:
    """Readers see a stub's citation (issuer, date, number), never its URI as its
    title, and a law of the Republic its issuer (issue 14)."""
    page = client.get("/?text=stub").text
    titles = re.findall(r'<td><a href="/akn/[^"]*"[^>]*>([^<]*)</a>', page)
    assert len(titles) >= 15 and not [t for t in titles if t.startswith("/akn/")]
    assert "маслихат города Алматы 2017-09-15 № 152" in page
    assert "Republic of Kazakhstan" in page
    # by Accept-Language: ?ui= would set a cookie on the session's shared client
    kk = client.get("/?text=stub", headers={"Accept-Language": "kk"}).text
    assert "Қазақстан Республикасы" in kk


def test_between_entry_into_force_and_application_the_page_says_so(corpus_url: str) -> None:
    # seed 000 entered into force on 2018-01-09 and is put into effect from
    # 2018-01-20 at the earliest (issue 13, item 4)
    p = work_page(open_store(corpus_url), f"{ALMATY_OBLAST}:2018-01-15", None, date(2025, 1, 1))
    b = p.banner
    assert (b.status, b.status_words, b.certainty) == (
        "in_force_not_applied",
        "in force, not yet put into effect",
        "computed",
    )
    assert b.expression is not None and "not yet on 2018-01-15" in b.addressed
    facts = {f.key: f for f in p.facts}
    assert facts["entry into force"].when is not None
    assert facts["entry into force"].when.text == "2018-01-09"
    assert facts["put into effect"].when is not None
    assert facts["put into effect"].when.text == "2018-01-20 – 2018-10-13"
