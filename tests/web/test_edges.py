"""The HTTP edges of the web app a hostile client pokes at: dates outside
1900-2100 anywhere a request names one (400 with one line, never a 500),
405 with ``Allow``, and ``lexversion serve`` advertising no server software."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexversion.web.http import FIRST_DAY, LAST_DAY
from tests.web.conftest import ALMATY_OBLAST, TestClient

W = ALMATY_OBLAST
#: every place a request names a date, with {d} for it
WHERE = (
    W + ":{d}",
    W + "@{d}",
    W + "/rus:{d}",
    W + "/kaz@{d}",
    W + ":{d}.xml",
    W + ":{d}.html",
    W + ":{d}.txt",
    W + ":{d}.pdf",
    W + "?on={d}",
    "/api/works" + W + ":{d}",
    "/api/history" + W + ":{d}",
    "/api/neighbourhood" + W + ":{d}",
    "/?on={d}",
    "/api/works?on={d}",
    "/search?q=көші&on={d}",
    "/api/search?q=көші&on={d}",
    "/compare?work=" + W + "&from={d}&to=2024-01-01",
    "/compare?work=" + W + "&from=2019-01-01&to={d}",
    "/compare?work=" + W + ":{d}&work_b=" + W + ":2019-01-01",
    "/compare?work=" + W + "&work_b=" + W + "&on={d}",
)
OUTSIDE = ("9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "0000-01-01")


def _one_line_400(r: object, path: str) -> None:
    assert r.status_code == 400, (path, r.status_code, r.text[:300])  # type: ignore[attr-defined]
    if path.startswith("/api"):
        message = r.json()["error"]["message"]  # type: ignore[attr-defined]
        assert "\n" not in message
    else:
        assert 'class="message"' in r.text  # type: ignore[attr-defined]
        assert "Traceback" not in r.text  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("day", OUTSIDE)
def test_a_date_outside_1900_2100_is_a_400(client: TestClient, where: str, day: str) -> None:
    path = where.format(d=day)
    r = client.get(path)
    _one_line_400(r, path)
    if day != "0000-01-01":  # not a date at all: said so
        assert "1900-01-01 to 2100-12-31" in r.text


@pytest.mark.parametrize("where", [W + ":{d}", "/api/works" + W + ":{d}", "/?on={d}"])
@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
def test_the_first_and_last_days_are_answered(client: TestClient, where: str, day: str) -> None:
    assert client.get(where.format(d=day)).status_code == 200


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=st.dates(), where=st.sampled_from([w for w in WHERE if ".pdf" not in w]))
def test_no_date_gives_a_server_error(client: TestClient, day: date, where: str) -> None:
    path = where.format(d=day.isoformat())
    r = client.get(path, follow_redirects=False)
    assert r.status_code < 500, (path, r.text[:300])
    if not FIRST_DAY <= day <= LAST_DAY:
        _one_line_400(r, path)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
@pytest.mark.parametrize("path", ["/", W, "/api/works", "/search", "/static/web.css"])
def test_405_says_what_is_allowed(client: TestClient, method: str, path: str) -> None:
    r = client.request(method, path)
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, HEAD"
    assert "use GET, HEAD" in r.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_advertises_no_server_software(corpus_url: str, workers: str) -> None:
    port = _free_port()
    cmd = [sys.executable, "-c", "from lexversion.cli import main; main()", "serve"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--db", corpus_url, "--workers", workers]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, "lexversion serve exited"
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", "/")
                r = conn.getresponse()
                break
            except OSError:
                assert time.monotonic() < deadline, "lexversion serve did not come up"
                time.sleep(0.2)
        assert r.status == 200
        r.read()
        names = {k.lower() for k, _ in r.getheaders()}
        assert "server" not in names
        assert "date" in names  # RFC 9110, 6.6.1: a server with a clock sends it
        conn.request("POST", "/")
        r = conn.getresponse()
        assert r.status == 405 and r.getheader("allow") == "GET, HEAD"
        assert r.getheader("server") is None
        r.read()
        for _ in range(4):  # whichever worker answers, the same tag and a 304
            conn.request("GET", ALMATY_OBLAST + ":2019-06-01")
            page = conn.getresponse()
            page.read()
            tag = page.getheader("etag")
            conn.request("GET", ALMATY_OBLAST + ":2019-06-01", headers={"If-None-Match": tag})
            again = conn.getresponse()
            again.read()
            assert (page.status, again.status) == (200, 304)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
