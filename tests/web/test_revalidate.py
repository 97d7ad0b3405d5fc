"""ETag, Cache-Control and 304 answers (issue 15, item 3)."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from lexversion.web.revalidate import Generation, etag
from tests.web.conftest import ALMATY_OBLAST

DATED = f"{ALMATY_OBLAST}:2019-06-01"


def test_a_held_answer_is_not_made_again(client: TestClient) -> None:
    first = client.get(DATED)
    tag = first.headers["etag"]
    assert tag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
    assert first.headers["vary"] == "Accept-Language, Cookie"
    again = client.get(DATED, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    assert client.get(DATED, headers={"If-None-Match": '"other", ' + tag}).status_code == 304
    # another language, another page: another tag
    assert (
        client.get(DATED, headers={"If-None-Match": tag, "Accept-Language": "ru"}).status_code
        == 200
    )
    api = client.get("/api/works" + DATED)
    assert api.status_code == 200 and api.headers["etag"] != tag


def test_errors_and_static_files(client: TestClient) -> None:
    missing = client.get(ALMATY_OBLAST[:-1])
    assert missing.status_code == 404 and "etag" not in missing.headers
    css = client.get("/static/web.css")
    assert css.headers["cache-control"] == "public, max-age=86400"
    assert (
        client.get("/static/web.css", headers={"If-None-Match": css.headers["etag"]}).status_code
        == 304
    )


def test_the_tag_changes_with_the_store_and_the_day() -> None:
    scope = {"path": DATED, "raw_path": DATED.encode(), "query_string": b"", "headers": []}
    day = date(2026, 1, 1)
    assert etag(("a", 1), scope, day) == etag(("a", 1), scope, day)
    assert etag(("a", 1), scope, day) != etag(("a", 2), scope, day)
    assert etag(("a", 1), scope, day) != etag(("a", 1), scope, date(2026, 1, 2))


def test_the_generation_is_looked_up_at_most_once_per_ttl() -> None:
    calls: list[int] = []

    def lookup() -> tuple[int]:
        calls.append(1)
        return (len(calls),)

    g = Generation(lookup, ttl=60.0)
    assert g.fresh() is None
    assert g.current() == (1,) and g.current() == (1,) and g.fresh() == (1,)
    assert len(calls) == 1
    g.ttl = 0.0
    assert g.current() == (2,)
