"""What a long-running reader read of one store generation, kept for its next answers.

The web app asks the store the same per-work questions again and again: a
point-in-time answer of a work on any of 13,000 dates reads the same work
record, timeline, text, warnings and sources each time; only the date
differs. Each of those reads is a function of what the store holds, and
what the store holds changes only when a build commits, which changes the
store's *generation* (:meth:`Store.generation
<lexversion.store.repository.Store.generation>`, the value the web app's
``ETag`` and answer cache are keyed by). So a read made in a snapshot at
generation ``G`` may answer the same read in any later snapshot at ``G``.

:class:`MemoStore` is such a snapshot (:meth:`Store.snapshot
<lexversion.store.repository.Store.snapshot>`) whose per-work reads go
through the :class:`Memo` of its generation: :meth:`~Store.work`,
:meth:`~Store.works_by_uri`, :meth:`~Store.timeline`,
:meth:`~Store.expression_akn`, :meth:`~Store.history`,
:meth:`~Store.citations_of`, :meth:`~Store.warnings` and
:meth:`~Store.sources_of`. Everything else (the list of all works, search,
the generation itself) is read from the snapshot as before. What is kept is
derived data, never an answer: the point in time, the JSON and the pages are
made anew for every request. A read that raises (an unknown work) is not
kept.

Sound because every value kept in the memo of ``G`` was read in a snapshot at
``G``, and a :class:`MemoStore` is only ever made for a snapshot whose own
generation is ``G`` (:class:`~lexversion.store.live.LiveStore`), so an answer
mixes nothing of two builds. Values are immutable records (lists are kept as
tuples and handed out as new lists).

A layer above the store may keep what it derives from the store's contents
alone in the same memo (:func:`kept`): the web app keeps a text's rendered
HTML there, which depends on the expression and the works its references
name, never on the request's date.

Bounded: entries are dropped least recently used once their estimated size
passes :data:`MEMO_BYTES` (a text counts its bytes, a record or a list of
records an estimate per item).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

from lexversion.model import HistoryEntry, StoredCitation, WarningRecord, WorkRecord, WorkTimeline
from lexversion.store.repository import Store

T = TypeVar("T")

#: estimated bytes a memo may hold (per process)
MEMO_BYTES = 64 * 1024 * 1024
#: estimated bytes of a record (a work, a timeline, a warning, ...) in memory
RECORD_BYTES = 512
_ABSENT = object()


def _weight(value: Any) -> int:
    """The estimated size of ``value`` in bytes: a text's length, else
    :data:`RECORD_BYTES` a record (a tuple counts its items)."""
    if isinstance(value, bytes | str):
        return len(value) + 64
    if isinstance(value, tuple):
        return RECORD_BYTES * (1 + len(value))
    return RECORD_BYTES


class Memo:
    """Reads of one store generation by key, least recently used dropped beyond
    ``budget`` estimated bytes (0 keeps nothing; thread-safe). ``hits`` and
    ``misses`` count."""

    def __init__(self, budget: int = MEMO_BYTES) -> None:
        self.budget = budget
        self._data: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._used = 0
        self.hits = 0
        self.misses = 0

    def peek(self, key: Hashable, default: Any = _ABSENT) -> Any:
        """The value kept for ``key``, else ``default``."""
        with self._lock:
            kept = self._data.get(key)
            if kept is None:
                self.misses += 1
                return default
            self._data.move_to_end(key)
            self.hits += 1
            return kept[0]

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key``, dropping the least recently used beyond the budget."""
        size = _weight(value)
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._used -= old[1]
            self._data[key] = (value, size)
            self._used += size
            while self._used > self.budget and self._data:
                _key, (_value, dropped) = self._data.popitem(last=False)
                self._used -= dropped

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for ``key``, else ``make()`` (kept; raises what it raises)."""
        value = self.peek(key)
        if value is _ABSENT:
            value = make()
            self.put(key, value)
        return value  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return len(self._data)


class MemoStore(Store):
    """A snapshot store (on ``conn``, in one read transaction) whose per-work
    reads go through ``memo``, the :class:`Memo` of the snapshot's generation
    (see the module doc). Raises what :class:`Store`'s reads raise."""

    def __init__(self, engine: Engine, conn: Connection, memo: Memo) -> None:
        super().__init__(engine, conn)
        self.memo = memo

    def work(self, uri: str) -> WorkRecord:
        """:meth:`Store.work`, kept."""
        return self.memo.get(("work", uri), lambda: Store.work(self, uri))

    def works_by_uri(self, uris: Iterable[str]) -> dict[str, WorkRecord]:
        """:meth:`Store.works_by_uri`, each URI's record (or its absence) kept."""
        out: dict[str, WorkRecord] = {}
        unknown = []
        for uri in set(uris):
            kept = self.memo.peek(("work?", uri))
            if kept is _ABSENT:
                unknown.append(uri)
            elif kept is not None:
                out[uri] = kept
        if unknown:
            found = Store.works_by_uri(self, unknown)
            for uri in unknown:
                self.memo.put(("work?", uri), found.get(uri))
            out.update(found)
        return out

    def timeline(self, uri: str, *, cited_by: bool = True) -> WorkTimeline:
        """:meth:`Store.timeline`, kept."""
        return self.memo.get(
            ("timeline", uri, cited_by), lambda: Store.timeline(self, uri, cited_by=cited_by)
        )

    def expression_akn(self, uri: str) -> bytes:
        """:meth:`Store.expression_akn`, kept."""
        return self.memo.get(("akn", uri), lambda: Store.expression_akn(self, uri))

    def history(self, uri: str) -> list[HistoryEntry]:
        """:meth:`Store.history`, kept."""
        return list(self.memo.get(("history", uri), lambda: tuple(Store.history(self, uri))))

    def citations_of(self, uri: str) -> list[StoredCitation]:
        """:meth:`Store.citations_of`, kept."""
        return list(self.memo.get(("citations", uri), lambda: tuple(Store.citations_of(self, uri))))

    def warnings(self, uri: str) -> list[WarningRecord]:
        """:meth:`Store.warnings`, kept."""
        return list(self.memo.get(("warnings", uri), lambda: tuple(Store.warnings(self, uri))))

    def sources_of(self, expression: str) -> list[str]:
        """:meth:`Store.sources_of`, kept."""
        return list(
            self.memo.get(
                ("sources", expression), lambda: tuple(Store.sources_of(self, expression))
            )
        )


def kept(store: Store, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, kept under ``key`` in the memo of ``store``'s generation when
    ``store`` is a :class:`MemoStore`, else made every time (raises what
    ``make`` raises). ``make`` must depend on nothing but the store's contents
    and ``key``."""
    if isinstance(store, MemoStore):
        return store.memo.get(("kept", key), make)
    return make()
