"""A bounded cache of rendered answers that empties itself when the store changes.

The web app is read-only and its pages are functions of the store and the
request, so a page or API answer can be kept and served again. What it must
not do is serve an answer from before a rebuild: :class:`StoreCache` keys every
entry by the store's *generation*
(:meth:`~lexversion.store.live.LiveStore.generation`: the file's device and
inode, the build's
derived-graph fingerprint and the number of works and of expressions, which
change whenever a build writes anything a page shows). A
daemon thread looks the generation up every ``check_every`` seconds, so a
request never waits for that look-up and a burst of requests never repeats
it; an answer may thus outlive a rebuild by up to ``check_every`` seconds
(plus the look-up). Entries are evicted least recently used beyond ``size``;
``size=0`` turns caching off (the benchmarks use it to measure the uncached
path).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Generational(Protocol):
    """A store that says when it changed (e.g. :class:`~lexversion.store.live.LiveStore`)."""

    def generation(self) -> tuple[Any, ...]:
        """A value that changes whenever what the store holds changes."""


class StoreCache:
    """LRU cache of at most ``size`` answers, emptied when the store's
    :meth:`~lexversion.store.Store.generation` changes."""

    def __init__(self, store: Generational, size: int = 2048, check_every: float = 1.0) -> None:
        self.store = store
        self.size = size
        self.check_every = check_every
        self._lock = threading.Lock()
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._generation: tuple[Any, ...] | None = None
        self._watcher: threading.Thread | None = None
        self._stop = threading.Event()
        self.hits = 0
        self.misses = 0

    def check(self) -> None:
        """Look the store's generation up and empty the cache when it changed."""
        now = self.store.generation()
        with self._lock:
            if now != self._generation:
                self._data.clear()
                self._generation = now

    def _watch(self) -> None:
        while not self._stop.wait(self.check_every):
            try:
                self.check()
            except Exception:
                with self._lock:
                    self._data.clear()
                    self._generation = None

    def start(self) -> None:
        """Look the generation up now and start the watcher thread (once)."""
        if self.size <= 0 or self._watcher is not None:
            return
        self.check()
        self._watcher = threading.Thread(target=self._watch, name="lexversion-cache", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        """Stop the watcher thread (the cache is then off)."""
        self._stop.set()
        self.size = 0

    def peek(self, key: Hashable) -> Any | None:
        """The cached answer for ``key``, or ``None`` (never touches the database:
        safe on the event loop)."""
        if self.size <= 0:
            return None
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
                self.hits += 1
            return value

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The answer for ``key``: cached, or ``make()`` (then kept). Blocking:
        call from a worker thread."""
        if self.size <= 0:
            return make()
        self.start()
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                cached: T = self._data[key]
                return cached
            self.misses += 1
            seen = self._generation
        value = make()
        with self._lock:
            if self._generation == seen:
                self._data[key] = value
                self._data.move_to_end(key)
                while len(self._data) > self.size:
                    self._data.popitem(last=False)
        return value
