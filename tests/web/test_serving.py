"""How a serving process settles its heap once its app is made (issue 15: the
tail of the uncached latency came from full collections walking start-up's
objects)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from lexversion.web import app as web


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def thawed() -> Iterator[None]:
    """Whatever a test freezes is unfrozen after it (the test session goes on)."""
    try:
        yield
    finally:
        gc.unfreeze()


def test_settling_freezes_what_is_alive_and_collects_the_rest(thawed: None) -> None:
    dead = _Cycle()
    gone = weakref.ref(dead)
    del dead
    kept = _Cycle()
    web.settle_heap()
    assert gone() is None  # start-up's garbage collected first, not frozen
    assert gc.get_freeze_count() > 0
    assert not any(o is kept for o in gc.get_objects())  # frozen: no collection walks it
    later = _Cycle()
    later_ref = weakref.ref(later)
    del later
    gc.collect()
    assert later_ref() is None  # what is made after settling is still collected


def test_a_worker_settles_its_heap_once_its_app_is_made(
    corpus_url: str, monkeypatch: pytest.MonkeyPatch, thawed: None
) -> None:
    gc.unfreeze()
    monkeypatch.setenv(web.ENV_DB, corpus_url)
    monkeypatch.setenv(web.ENV_CACHE, "0")
    app = web.app_from_env()
    assert gc.get_freeze_count() > 0
    assert not any(o is app for o in gc.get_objects())


def _overlap(app: object, answers: int) -> tuple[int, list[int]]:
    """Ask ``answers`` uncached answers of ``app``'s context at once; the most
    made at the same time and the order they started in."""
    import threading
    import time

    import anyio
    import anyio.from_thread

    ctx = app.state.web  # type: ignore[attr-defined]
    lock = threading.Lock()
    running, most, started = 0, 0, []

    def make(n: int) -> object:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
            started.append(n)
        time.sleep(0.01)
        with lock:
            running -= 1
        return n

    async def ask_all() -> None:
        async with anyio.create_task_group() as tg:
            for n in range(answers):
                tg.start_soon(ctx.cached, ("overlap", n), lambda _s, n=n: make(n))
                await anyio.sleep(0.001)  # arrive one after the other

    # in a thread of its own: another test's event loop (Playwright's) may be
    # running in this one
    with anyio.from_thread.start_blocking_portal() as portal:
        portal.call(ask_all)
    return most, started


def test_a_process_makes_one_answer_at_a_time_in_arrival_order(corpus_url: str) -> None:
    most, started = _overlap(web.create_app(corpus_url, cache_size=0, index="off"), 6)
    assert most == 1
    assert started == sorted(started)
    most, _ = _overlap(web.create_app(corpus_url, cache_size=0, index="off", threads=3), 6)
    assert most > 1  # the limit is the one given, not a lock


def test_the_answer_threads_come_from_the_environment_or_fail_clearly(
    corpus_url: str, monkeypatch: pytest.MonkeyPatch, thawed: None
) -> None:
    monkeypatch.setenv(web.ENV_DB, corpus_url)
    monkeypatch.setenv(web.ENV_THREADS, "2")
    assert web.app_from_env().state.web.threads == 2
    with pytest.raises(ValueError, match="threads=0"):
        web.create_app(corpus_url, index="off", threads=0)
