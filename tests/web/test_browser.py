"""The web app in a real browser (Debian's Chromium under Playwright): open a
work, pick a date and see the wording change, compare two dates, download a
PDF, follow a citation. Screenshots go to ``tests/artifacts/web/``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import ALMATY_OBLAST

WORDING_2019 = "оралмандарды және қоныс аударушыларды қабылдаудың"
WORDING_2023 = "қандастарды және қоныс аударушыларды қабылдаудың"
ALMATY_CITY_2021 = "/akn/kz-75/act/decision/2021-02-19/22"
ALMATY_CITY_152 = "/akn/kz-75/act/decision/2017-09-15/152"


def pick(page: Page, day: str) -> None:
    """Choose ``day`` in the work page's date picker and submit it."""
    page.locator("form.picker input[name=on]").fill(day)
    page.locator("form.picker button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(day) + "$"))


def test_picking_a_date_changes_the_wording(page: Page, server: str) -> None:
    page.goto(server + ALMATY_OBLAST)
    expect(page.locator("h1")).to_contain_text("көші-қон процестерін реттеу")
    pick(page, "2019-06-01")
    assert page.url.endswith(f"{ALMATY_OBLAST}/kaz:2019-06-01")
    text = page.locator(".akn")
    expect(text).to_contain_text(WORDING_2019)
    expect(text).not_to_contain_text(WORDING_2023)
    banner = page.locator(".banner")
    expect(banner).to_contain_text("in force")
    expect(banner).to_contain_text("reconstructed")
    page.screenshot(path=str(_artifact("wording-2019")), full_page=True)

    pick(page, "2023-06-01")
    expect(text).to_contain_text(WORDING_2023)
    expect(text).not_to_contain_text(WORDING_2019)
    expect(banner).to_contain_text("consolidated")

    pick(page, "2025-06-01")
    expect(banner).to_contain_text("repealed")
    expect(page.locator(".akn")).to_have_count(0)


def test_compare_two_dates_shows_a_redline(page: Page, server: str) -> None:
    page.goto(f"{server}{ALMATY_OBLAST}:2023-06-01")
    form = page.locator("form.compare")
    form.locator("input[name=from]").fill("2019-06-01")
    form.locator("input[name=to]").fill("2023-06-01")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/compare\?"))
    expect(page.locator(".sides")).to_contain_text("kaz@2017-12-15")
    expect(page.locator(".sides")).to_contain_text("kaz@2021-12-25")
    expect(page.locator("del").filter(has_text="оралмандарды").first).to_be_visible()
    expect(page.locator("ins").filter(has_text="қандастарды").first).to_be_visible()
    expect(page.locator("ul.summary .changed .n")).not_to_have_text("0")


def test_download_a_pdf(page: Page, server: str) -> None:
    page.goto(f"{server}{ALMATY_OBLAST}:2023-06-01")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("link", name="PDF", exact=True).click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    pdf = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert "2023-06-01" in text
    assert "қандастарды" in text


def test_follow_a_citation_to_a_stub(page: Page, server: str) -> None:
    page.goto(f"{server}{ALMATY_CITY_2021}:2021-06-01")
    link = page.locator(f".akn a.cite[href='{ALMATY_CITY_152}']").first
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(re.compile(re.escape(ALMATY_CITY_152) + "$"))
    expect(page.locator(".work-head")).to_contain_text("stub")
    cited_by = page.locator("ul.cited-by")
    expect(cited_by).to_contain_text("2021-02-19 № 22")
    # the stub's own text is not in the corpus, but the new edition printed in No 22 is
    pick(page, "2022-01-01")
    expect(page.locator(".banner")).to_contain_text("consolidated")
    pick(page, "2017-12-01")
    expect(page.locator(".banner")).to_contain_text("not in the corpus")


def test_browse_filter_and_search(page: Page, server: str) -> None:
    page.goto(server + "/")
    page.locator("form.filters select[name=text]").select_option("yes")
    page.locator("form.filters select[name=status]").select_option("repealed")
    page.locator("form.filters input[name=on]").fill("2025-09-01")
    page.locator("form.filters button[type=submit]").click()
    rows = page.locator("table.works tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("table.works")).to_contain_text("26-129")
    page.locator("header.site input[name=q]").fill("қандастарды")
    page.locator("header.site form.quick button").click()
    expect(page.locator("ol.hits li").first).to_be_visible()
    page.locator("form.search input[name=on]").fill("2019-06-01")
    page.locator("form.search button[type=submit]").click()
    expect(page.locator("p.count")).to_contain_text("in force on 2019-06-01")
    expect(page.locator("ol.hits")).not_to_contain_text("26-129")


def _artifact(name: str):  # type: ignore[no-untyped-def]
    from tests.web.conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def test_the_browse_table_never_breaks_a_date_or_number(page: Page, server: str) -> None:
    page.set_viewport_size({"width": 420, "height": 900})
    page.goto(server + "/")
    cells = page.locator(
        "table.works tbody tr td:nth-child(3), table.works tbody tr td:nth-child(4)"
    )
    assert cells.count() >= 20
    # one line each: a cell's text is no taller than one line of it
    tall = page.evaluate(
        """sel => [...document.querySelectorAll(sel)].filter(td => {
            const r = document.createRange(); r.selectNodeContents(td);
            const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
            return lines.size > 1;
        }).map(td => td.textContent)""",
        "table.works tbody tr td:nth-child(3), table.works tbody tr td:nth-child(4)",
    )
    assert tall == []
    page.screenshot(path=str(_artifact("browse-narrow")), full_page=True)


PAGES = {
    "browse": "/",
    "work": ALMATY_OBLAST,
    "point-in-time": f"{ALMATY_OBLAST}:2019-06-01",
    "compare": f"/compare?work={ALMATY_OBLAST}&from=2019-06-01&to=2023-06-01",
    "search": "/search?q=қандас&on=2019-06-01",
}
#: a word of each interface on every page: its name in the language switch
ENGLISH_ONLY = ("in force", "repealed", "Search")


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_in_every_interface_language(
    page: Page, server: str, name: str, ui: str
) -> None:
    """Browse, work, point in time, compare and search in Chromium, in kk, ru and
    en (issue 14, item 5): the page says its language, the switch is there, no
    English status word shows in kk or ru, no script runs and the CSP allows none."""
    path = PAGES[name]
    response = page.goto(server + path + ("&" if "?" in path else "?") + f"lang={ui}")
    assert response is not None and response.status == 200
    assert "default-src 'none'" in (response.headers.get("content-security-policy") or "")
    assert page.evaluate("document.documentElement.lang") == ui
    assert page.locator("script").count() == 0
    body = page.locator("main").inner_text()
    if ui != "en":
        for word in ENGLISH_ONLY:
            assert word not in body, (name, ui, word)
    page.screenshot(path=str(_artifact(f"{name}-{ui}")), full_page=True)
