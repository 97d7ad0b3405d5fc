"""Answers made from the memo of a store generation (:mod:`lexversion.store.memo`:
the work records, timelines, texts, warnings and rendered text a server keeps
between requests) are byte for byte those made without it: the point-in-time
API answers and the work pages of every work with a text, on dates from 1990
to 2025, in each interface language."""

from __future__ import annotations

from datetime import date, timedelta

from lexversion.store import open_store
from lexversion.store.memo import MemoStore
from lexversion.web import create_app
from tests.web.conftest import TestClient

#: dates from 1990 to 2025, a prime number of days apart (every weekday and month)
DATES = [date(1990, 1, 1) + timedelta(days=k) for k in range(0, 13149, 557)]


def test_answers_from_the_memo_are_those_made_without_it(corpus_url: str) -> None:
    memo_app = create_app(corpus_url, cache_size=0, index="off")
    plain_app = create_app(corpus_url, cache_size=0, index="off")
    plain_app.state.live.memo_bytes = 0  # keeps nothing: every read from the store
    works = [w.frbr_uri for w in open_store(corpus_url).works() if not w.stub]
    paths = [f"{prefix}{w}:{d}" for w in works for d in DATES for prefix in ("/api/works", "")]
    paths += [
        f"{prefix}{w}{suffix}"
        for w in works
        for suffix in ("@", "/rus@", "/kaz")
        for prefix in ("/api/works", "")
    ]
    compared = 0
    with TestClient(memo_app) as a, TestClient(plain_app) as b:
        for path in paths:
            for query in ("", "?lang=kk", "?lang=ru"):
                got, want = a.get(path + query), b.get(path + query)
                assert (got.status_code, got.content) == (want.status_code, want.content), path
                compared += got.status_code == 200
    assert compared > len(paths)
    with memo_app.state.live.snapshot() as s:
        assert isinstance(s, MemoStore) and s.memo.hits > compared  # the memo was used
