"""The store at a URL as it is now, for a long-running reader (the web app).

A server opens its store once, but the store may change under it in two ways:

* a build writes into it (one transaction, :meth:`Store.write
  <lexversion.store.repository.Store.write>`): a reader that asks several
  questions must ask them all of one state, else a page shows the title of
  one build and the dates of the next; :meth:`LiveStore.snapshot` gives a
  store whose reads share one read transaction
  (:meth:`Store.snapshot <lexversion.store.repository.Store.snapshot>`);
* the file is replaced under the same path (a build into a new file renamed
  over the old, or the old deleted and built again): a SQLite connection
  keeps reading the file it opened, deleted or not, so :class:`LiveStore`
  compares the device and inode of the path with those of the file it opened
  at the start of every snapshot, and when they differ it waits for the
  snapshots still reading the old file to end, closes its connections and
  opens the new file (without migrating it: a reader never writes the schema).

A store that is not a SQLite file (PostgreSQL, or SQLite in memory) is never
replaced under a path; only the first point applies.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import make_url

from lexversion.errors import StoreError
from lexversion.store.repository import Store, make_engine

#: seconds a snapshot waits for the readers of a replaced file to finish
SWITCH_WAIT = 30.0


def sqlite_file(url: str) -> str | None:
    """The file of a SQLite ``url``, ``None`` for another database or memory."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:"):
        return None
    return str(u.database)


def _identity(path: str | None) -> tuple[int, int] | None:
    """(device, inode) of ``path``; ``None`` when there is no file to watch or
    the file is missing."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino)


class LiveStore:
    """The store at ``url`` (first opened as ``store``), reopened when its
    SQLite file is replaced; every read goes through :meth:`snapshot`.

    ``reopened`` counts the replacements noticed. Thread-safe: a switch to a
    new file waits (at most :data:`SWITCH_WAIT` seconds) for the snapshots of
    the old one to end, and snapshots begun meanwhile wait for the switch.
    """

    def __init__(self, url: str, store: Store) -> None:
        self.url = url
        self.path = sqlite_file(url)
        self._store = store
        self._opened = _identity(self.path)
        self._closed = False
        self._cond = threading.Condition()
        self._active = 0
        self._local = threading.local()
        self.reopened = 0

    @property
    def store(self) -> Store:
        """The store of the file opened last (reads outside a snapshot are not
        consistent with each other: use :meth:`snapshot`)."""
        return self._store

    def _switch(self, now: tuple[int, int] | None) -> None:
        """Close the old file's connections once its readers are done and, when a
        file is at the path (``now``), open it (lock held); raises
        :class:`StoreError` when there is none.

        Closing promptly matters with SQLite's WAL: the old file's ``-wal`` and
        ``-shm`` stay beside the path until its last connection closes (which
        deletes them), and a store built into the path while they are still
        held would share them (SQLite docs, "How To Corrupt An SQLite
        Database", 2.4).
        """
        if not self._cond.wait_for(lambda: self._active == 0, SWITCH_WAIT):
            raise StoreError(f"the store {self.path} was replaced; still reading the old one")
        if not self._closed:
            self._store.engine.dispose()
            self._closed = True
        if now is None:
            raise StoreError(f"the store {self.path} was deleted: build it again")
        self._store = Store(make_engine(self.url))
        self._opened, self._closed = now, False
        self.reopened += 1

    def _enter(self) -> Store:
        depth = getattr(self._local, "depth", 0)
        with self._cond:
            if depth == 0:  # a thread already reading keeps its file
                now = _identity(self.path)
                if self.path is not None and (now is None or now != self._opened):
                    self._switch(now)
            self._active += 1
            self._local.depth = depth + 1
            return self._store

    def _leave(self) -> None:
        self._local.depth -= 1
        with self._cond:
            self._active -= 1
            if self._active == 0:
                self._cond.notify_all()

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """A store reading one consistent state of the file now at the path
        (:meth:`Store.snapshot <lexversion.store.repository.Store.snapshot>`).

        Raises :class:`StoreError` when the file was deleted (and not yet
        built again) or could not be switched to, and
        :class:`sqlalchemy.exc.SQLAlchemyError` when the database cannot be
        read.
        """
        store = self._enter()
        try:
            with store.snapshot() as snap:
                yield snap
        finally:
            self._leave()

    def generation(self) -> tuple[Any, ...]:
        """The file's (device, inode) and the store's
        :meth:`~lexversion.store.repository.Store.generation`, read in one
        snapshot: changes whenever a build or a replacement changes what the
        store holds."""
        with self.snapshot() as s:
            return (self._opened, *s.generation())
