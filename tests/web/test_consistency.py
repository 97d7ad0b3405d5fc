"""Every answer of the web app comes from one state of the store: pages rendered
from threads while builds rewrite the store are each the page of one build,
and a store file replaced under the same path is noticed and reopened
(:mod:`lexversion.store.live`)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from fastapi import FastAPI

from lexversion.store import open_store
from lexversion.web import create_app
from tests.web.conftest import ALMATY_OBLAST, CORPUS_DIR, TestClient

#: the corpus file of ALMATY_OBLAST, and what build B changes in it: the title
#: (works row) and the registration and repeal dates (events, effects, the
#: repealing stub's URI), so a page mixing the two builds equals neither
FILE = "000_2b6e168a817b5ca2.txt"
EDITS = (
    ("реттеу қағидаларын бекіту туралы", "реттеудің жаңа қағидаларын бекіту туралы"),
    ("2018 жылы 9 қаңтарда", "2018 жылы 19 қаңтарда"),
    ("2024 жылғы \n16 сәуірдегі", "2024 жылғы \n26 сәуірдегі"),
    ("16.04.2024", "26.04.2024"),
)
PATHS = (
    f"{ALMATY_OBLAST}:2024-04-20",
    f"{ALMATY_OBLAST}:2018-02-01",
    f"{ALMATY_OBLAST}/kaz@",
    f"/api/works{ALMATY_OBLAST}:2024-04-20",
    f"/api/history{ALMATY_OBLAST}",
    f"/api/neighbourhood{ALMATY_OBLAST}",
    "/?on=2024-04-20",
    "/akn/kz-19/act/decision/2024-04-16/18-84:2024-06-01",
)
READERS = 4
#: rebuilds under load (``LEXVERSION_REBUILDS`` for a longer run than the suite's)
REBUILDS = int(os.environ.get("LEXVERSION_REBUILDS", "10"))


@pytest.fixture(scope="module")
def corpus_b(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus with :data:`FILE` edited as :data:`EDITS` say."""
    where = tmp_path_factory.mktemp("corpus-b")
    for f in CORPUS_DIR.iterdir():
        shutil.copy(f, where / f.name)
    raw = (where / FILE).read_text("utf-8")
    for old, new in EDITS:
        assert old in raw
        raw = raw.replace(old, new, 1)
    (where / FILE).write_text(raw, "utf-8")
    return where


def copy_store(src_url: str, dest: Path) -> str:
    """A copy of the SQLite store at ``src_url`` in the new file ``dest`` (SQLite's
    backup: consistent even while it is open); the copy's URL."""
    src = sqlite3.connect(src_url.removeprefix("sqlite:///"))
    out = sqlite3.connect(dest)
    with out:
        src.backup(out)
    src.close()
    out.close()
    return f"sqlite:///{dest}"


def build(directory: Path, url: str) -> None:
    """Build ``directory`` into ``url`` and close the builder's connections, as a
    ``lexversion build`` process does when it exits."""
    store = open_store(url)
    from lexversion.app.ingest import build as run

    run(directory, store, workers=1)
    store.engine.dispose()


def pages(app: FastAPI) -> dict[str, tuple[int, str]]:
    """Every path of :data:`PATHS` rendered once: (status, body)."""
    with TestClient(app) as c:
        return {p: ((r := c.get(p)).status_code, r.text) for p in PATHS}


def test_no_page_mixes_two_builds(corpus_url: str, corpus_b: Path, tmp_path: Path) -> None:
    url = copy_store(corpus_url, tmp_path / "store.db")
    build(corpus_b, url)  # the store now holds the texts of both builds
    app = create_app(url, cache_size=0, index="off")
    build(CORPUS_DIR, url)
    state_a = pages(app)
    build(corpus_b, url)
    state_b = pages(app)
    assert all(state_a[p] != state_b[p] for p in PATHS)

    stop = threading.Event()
    seen: Counter[str] = Counter()
    mixed: list[tuple[str, tuple[int, str]]] = []
    lock = threading.Lock()

    def read() -> None:
        with TestClient(app) as c:
            while not stop.is_set():
                for p in PATHS:
                    r = c.get(p)
                    got = (r.status_code, r.text)
                    which = "a" if got == state_a[p] else "b" if got == state_b[p] else "mixed"
                    with lock:
                        seen[which] += 1
                        if which == "mixed":
                            mixed.append((p, got))

    readers = [threading.Thread(target=read) for _ in range(READERS)]
    for t in readers:
        t.start()
    try:
        for k in range(REBUILDS):
            time.sleep(0.2)
            build(CORPUS_DIR if k % 2 == 0 else corpus_b, url)
        time.sleep(0.2)
    finally:
        stop.set()
        for t in readers:
            t.join(60)
    total = sum(seen.values())
    print(f"pages rendered during {REBUILDS} rebuilds: {total}; mixed: {len(mixed)}; {dict(seen)}")
    assert seen["a"] > 0 and seen["b"] > 0  # the readers saw both builds
    assert total >= 100
    assert not mixed, f"{len(mixed)} of {total} pages mixed two builds: {mixed[0][0]}"


@pytest.fixture
def replaced(corpus_url: str, corpus_b: Path, tmp_path: Path) -> tuple[str, str]:
    """(URL of a store of the corpus, URL of a store of corpus B), in ``tmp_path``."""
    a = copy_store(corpus_url, tmp_path / "store.db")
    b = copy_store(corpus_url, tmp_path / "b.db")
    build(corpus_b, b)
    return a, b


TITLE_A = "көші-қон процестерін реттеу қағидаларын бекіту туралы"
TITLE_B = "көші-қон процестерін реттеудің жаңа қағидаларын бекіту туралы"


def heading(page: str) -> str:
    """The work's title as the page's heading shows it."""
    m = re.search(r"<h1[^>]*>([^<]*)</h1>", page)
    assert m, page[:300]
    return m.group(1)


def test_a_store_replaced_under_its_path_is_reopened(replaced: tuple[str, str]) -> None:
    a, b = replaced
    path = a.removeprefix("sqlite:///")
    app = create_app(a, cache_size=0, index="off")
    with TestClient(app) as c:
        assert heading(c.get(f"{ALMATY_OBLAST}:2018-02-01").text).endswith(TITLE_A)
        os.replace(b.removeprefix("sqlite:///"), path)  # built elsewhere, renamed over it
        assert heading(c.get(f"{ALMATY_OBLAST}:2018-02-01").text).endswith(TITLE_B)
        assert app.state.live.reopened == 1
        api = c.get(f"/api/works{ALMATY_OBLAST}:2018-02-01").json()
        # B's registration date + 11 days, up to the publication policy's 266 days later
        assert api["window"] == ["2018-01-30", "2018-10-23"]
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_deleted_store_is_503_until_built_again(
    replaced: tuple[str, str], corpus_b: Path
) -> None:
    a, _ = replaced
    path = Path(a.removeprefix("sqlite:///"))
    app = create_app(a, index="off")  # cached answers too
    with TestClient(app) as c:
        assert heading(c.get(ALMATY_OBLAST).text).endswith(TITLE_A)
        path.unlink()  # rm store.db
        r = c.get(f"{ALMATY_OBLAST}:2018-02-01")
        assert r.status_code == 503
        assert "was deleted" in r.text
        copy_store(replaced[1], path)  # built again into the same path
        assert heading(c.get(f"{ALMATY_OBLAST}:2018-02-01").text).endswith(TITLE_B)


def test_cached_answers_follow_a_replaced_store(replaced: tuple[str, str]) -> None:
    a, b = replaced
    app = create_app(a, index="off")
    cache = app.state.cache
    with TestClient(app) as c:
        assert heading(c.get(ALMATY_OBLAST).text).endswith(TITLE_A)
        assert heading(c.get(ALMATY_OBLAST).text).endswith(TITLE_A)  # from the cache
        assert cache.hits >= 1
        os.replace(b.removeprefix("sqlite:///"), a.removeprefix("sqlite:///"))
        cache.check()  # what the watcher thread does every second
        assert heading(c.get(ALMATY_OBLAST).text).endswith(TITLE_B)
