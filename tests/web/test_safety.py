"""Safety of the web app: a hostile document is escaped everywhere, no path
reaches the file system, sizes are bounded, errors are pages, and nothing
the app serves writes to the store."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect
from sqlalchemy import text

from lexversion.web import create_app
from tests.web.conftest import CORPUS_DIR, Server, TestClient, build_store

EVIL = "<script>alert(1)</script> & \"кавычки\" 'апостроф'"
Q = quote(EVIL)
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;кавычки&#34; &#39;апостроф&#39;"
TURKESTAN = "/akn/kz-61/act/decision/2024-09-30/12-160-viii"
TABLES = ("works", "expressions", "events", "effects", "citations", "sources", "search_expressions")


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app over a corpus of one file whose title and first point hold :data:`EVIL`."""
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    raw = (CORPUS_DIR / "004_bfa7075c0b7c1774.txt").read_text("utf-8")
    title = "Об утверждении Правил регулирования миграционных процессов в Туркестанской \nобласти"
    assert title in raw
    raw = raw.replace(title, title.replace("Правил", f"Правил {EVIL}"), 1)
    raw = raw.replace("1. Утвердить прилагаемые", f"1. Утвердить {EVIL} прилагаемые", 1)
    (corpus / "evil.txt").write_text(raw, "utf-8")
    url = build_store(corpus, tmp_path_factory.mktemp("hostile-store"))
    return create_app(url, index="now")


@pytest.fixture(scope="module")
def hostile(hostile_app: FastAPI) -> TestClient:
    return TestClient(hostile_app, follow_redirects=False)


@pytest.fixture(scope="module")
def hostile_server(hostile_app: FastAPI) -> Iterator[Server]:
    with Server(hostile_app) as s:
        yield s


HTML_PAGES = [
    "/",
    "/?text=yes",
    f"/?issuer={Q}",
    TURKESTAN,
    f"{TURKESTAN}:2025-01-01",
    f"{TURKESTAN}/rus@2024-09-30",
    "/search?q=alert",
    "/search?q=кавычки&on=2025-01-01",
    f"/search?q={Q}",
    f"/compare?work={TURKESTAN}&from=2024-06-01&to=2025-06-01",
    f"/compare?work={Q}&from=2024-06-01&to=2025-06-01",
    f"{TURKESTAN}:2025-01-01.html",
    f"/akn/{Q}",
    f"{TURKESTAN}:{Q}",
]


@pytest.mark.parametrize("path", HTML_PAGES)
def test_hostile_text_is_escaped_on_every_page(hostile: TestClient, path: str) -> None:
    r = hostile.get(path)
    assert r.status_code in {200, 400, 404}, r.text[:300]
    assert "text/html" in r.headers["content-type"]
    body = r.text
    assert "<script" not in body.lower()
    assert "alert(1)</" not in body


@pytest.mark.parametrize("path", [TURKESTAN, "/", "/search?q=alert"])
def test_the_hostile_words_are_shown_escaped(hostile: TestClient, path: str) -> None:
    body = hostile.get(path).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    if path == TURKESTAN:
        assert ESCAPED in body


def test_json_and_text_carry_the_words_as_data(hostile: TestClient) -> None:
    r = hostile.get(f"/api/works{TURKESTAN}:2025-01-01")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert EVIL in r.json()["text"]
    t = hostile.get(f"{TURKESTAN}:2025-01-01.txt")
    assert t.headers["content-type"].startswith("text/plain")
    assert t.headers["content-disposition"].startswith("attachment;")


def test_no_script_runs_in_the_browser(page: Page, hostile_server: Server) -> None:
    page.goto(hostile_server.url + TURKESTAN)
    expect(page.locator("h1")).to_contain_text("<script>alert(1)</script>")
    expect(page.locator(".akn")).to_contain_text(EVIL)
    page.goto(f"{hostile_server.url}/search?q={Q}")
    expect(page.locator("form.search input[name=q]")).to_have_value(EVIL)
    # the page fixture fails the test if any dialog opened


def test_every_response_forbids_scripts(hostile: TestClient) -> None:
    for path in ("/", TURKESTAN, "/nowhere", f"{TURKESTAN}:2025-01-01.html", "/openapi.json"):
        r = hostile.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp
        assert "script-src" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


RAW_TRAVERSALS = [
    "/static/../../pyproject.toml",
    "/static/..%2f..%2fpyproject.toml",
    "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%5c..%5cpyproject.toml",
    "/static/web.css/../../../../etc/passwd",
    "/static//etc/passwd",
    "/akn/../../etc/passwd",
    "/akn/..%2f..%2fetc%2fpasswd.xml",
    "/akn/kz-61/act/decision/2024-09-30/12-160-viii:2025-01-01.xml/../../../etc/passwd",
    "/akn/kz-61/act/decision/2024-09-30/12-160-viii:2025-01-01.%2e%2e",
    "/api/works/..%2f..%2fetc/passwd",
]


@pytest.mark.parametrize("raw", RAW_TRAVERSALS)
def test_no_path_reaches_the_file_system(hostile_server: Server, raw: str) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", hostile_server.port, timeout=10)
    conn.putrequest("GET", raw, skip_accept_encoding=True)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read().decode("utf-8", "replace")
    conn.close()
    assert r.status in {400, 404}, (raw, r.status)
    assert "root:" not in body
    assert "[project]" not in body
    assert "<script" not in body.lower()


def test_only_the_listed_static_file_is_served(hostile: TestClient) -> None:
    assert hostile.get("/static/web.css").status_code == 200
    for name in ("web_base.html", "print.css", "expression.html", "__init__.py", ".env"):
        assert hostile.get(f"/static/{name}").status_code == 404


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/search?q=" + "слово " * 40, 400),
        ("/search?q=" + "a" * 201, 400),
        ("/search?q=" + " ".join(f"w{k}" for k in range(13)), 400),
        ("/?issuer=" + "x" * 301, 400),
        ("/?page=999999", 400),
        ("/?year=12", 400),
        ("/?on=2024-02-30", 400),
        ("/?status=alive", 400),
        ("/?region=../../etc", 400),
        ("/" + "a" * 3000, 414),
        ("/?q=" + "b" * 3000, 414),
        ("/api/search?q=" + "a" * 201, 400),
        ("/api/search", 400),
        (f"{TURKESTAN}:2025-01-01.exe", 404),
        (f"{TURKESTAN}:2025-13-01", 400),
        (f"{TURKESTAN}@2020-01-01", 404),
        ("/akn/kz-99/act/decision/2024-09-30/1", 404),
        ("/nowhere", 404),
    ],
)
def test_bad_requests_get_clear_answers(hostile: TestClient, path: str, status: int) -> None:
    r = hostile.get(path)
    assert r.status_code == status, r.text[:300]
    if path.startswith("/api"):
        assert r.json()["error"]["status"] == status
        assert r.json()["error"]["message"]
    else:
        assert "text/html" in r.headers["content-type"]
        assert f'<span class="code">{status}</span>' in r.text
        assert "Traceback" not in r.text
        assert 'class="message"' in r.text


def test_head_is_get_without_a_body(hostile: TestClient) -> None:
    get, head = hostile.get(TURKESTAN), hostile.head(TURKESTAN)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]


def test_only_get(hostile: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        r = hostile.request(method, TURKESTAN)
        assert r.status_code == 405
        assert "Method not allowed" in r.text


def _counts(app: FastAPI) -> dict[str, int]:
    with app.state.store.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def test_serving_never_writes(hostile_app: FastAPI, hostile: TestClient, tmp_path: Path) -> None:
    before = _counts(hostile_app)
    db = Path(hostile_app.state.store.engine.url.database)
    mtime = db.stat().st_mtime_ns
    for path in HTML_PAGES:
        hostile.get(path)
    hostile.get(f"/api/works{TURKESTAN}:2025-01-01")
    hostile.get(f"/api/history{TURKESTAN}")
    hostile.get("/api/search?q=alert")
    assert _counts(hostile_app) == before
    assert db.stat().st_mtime_ns == mtime
