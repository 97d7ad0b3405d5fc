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
