"""Fixtures of the web tests: the corpus built once into a SQLite store, the app
over it (in-process client), a real server on a free loopback port, and
Debian's Chromium driven by Playwright, with a screenshot of every browser
test kept in ``tests/artifacts/web/``."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, sync_playwright

with warnings.catch_warnings():
    # Starlette 1.x would rather its test client ran on httpx2; httpx works the same here
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from starlette.testclient import TestClient

import lexversion
from lexversion.web import create_app

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO_ROOT / "corpus"
ARTIFACTS = REPO_ROOT / "tests" / "artifacts" / "web"
CHROMIUM = os.environ.get("LEXVERSION_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

ALMATY_OBLAST = "/akn/kz-19/act/decision/2017-12-15/26-129"


def build_store(corpus: Path, where: Path) -> str:
    """Build ``corpus`` into a new SQLite store in ``where``; its URL."""
    url = f"sqlite:///{where / 'store.db'}"
    lexversion.build(corpus, url)
    return url


@pytest.fixture(scope="session")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The real corpus in a SQLite store, built once per session."""
    return build_store(CORPUS_DIR, tmp_path_factory.mktemp("web-store"))


@pytest.fixture(scope="session")
def app(corpus_url: str) -> FastAPI:
    """The app over the corpus store, its search index synced."""
    return create_app(corpus_url, index="now")


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    """An in-process HTTP client of :func:`app` (no redirects followed)."""
    return TestClient(app, follow_redirects=False)


class Server:
    """uvicorn serving ``app`` on 127.0.0.1 at a free port, in a thread."""

    def __init__(self, app: FastAPI) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="session")
def server(app: FastAPI) -> Iterator[str]:
    """The base URL of a real server of the corpus app (loopback only)."""
    with Server(app) as s:
        yield s.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium under Playwright (``scripts/system-deps`` installs it)."""
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: run scripts/system-deps (Debian package chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser page (downloads accepted); its last state is kept as
    ``tests/artifacts/web/<test>.png``, and any JavaScript dialog fails the test."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = request.node.name.replace("/", "_")
    try:
        pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    finally:
        context.close()
    assert not dialogs, f"a script ran and opened a dialog: {dialogs}"
