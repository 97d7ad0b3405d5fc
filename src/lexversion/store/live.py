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

Every snapshot is a :class:`~lexversion.store.memo.MemoStore` over the
:class:`~lexversion.store.memo.Memo` of its generation, so the per-work reads
of one generation are made once (:mod:`lexversion.store.memo` says why that is
sound). Knowing a snapshot's generation must then cost less than the reads it
saves: :func:`generation_of` reads it again only when the database says that
something was committed since it was last read on that connection.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from lexversion.errors import StoreError
from lexversion.store.engines import make_engine
from lexversion.store.memo import MEMO_BYTES, Memo, MemoStore
from lexversion.store.repository import Store

#: seconds a snapshot waits for the readers of a replaced file to finish
SWITCH_WAIT = 30.0
#: generations whose memos are kept (a snapshot begun before a build may still be reading)
MEMOS = 2
#: the key, in a database connection's ``info``, of (commit mark, generation) last read on it
_SEEN = "lexversion.generation"


def commit_mark(conn: Connection) -> Hashable | None:
    """A value that is the same for two reads on ``conn`` only when no
    transaction committed between them, where the database says so cheaply;
    ``None`` where it does not.

    SQLite: ``PRAGMA data_version``, which changes on a connection whenever
    another connection commits (SQLite docs, "PRAGMA data_version"), with the
    rows the connection itself changed (``total_changes``: the pragma does not
    see a connection's own writes).
    PostgreSQL 13+: the transaction's snapshot (``pg_current_snapshot()``: the
    oldest transaction still running, the next to start and those running
    between); two snapshots that are equal see the same committed
    transactions (PostgreSQL docs, 9.27 "Snapshot Information Functions").
    Raises :class:`sqlalchemy.exc.SQLAlchemyError` when the database cannot be read.
    """
    name = conn.dialect.name
    if name == "sqlite":  # on the driver's connection: SQLAlchemy's execution costs more
        raw = conn.connection.dbapi_connection
        version = raw.execute("PRAGMA data_version").fetchone()[0]  # type: ignore[union-attr]
        return (version, raw.total_changes)  # type: ignore[union-attr]
    version = conn.dialect.server_version_info or (0,)
    if name == "postgresql" and version >= (13,):
        return conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar()
    return None


def generation_of(snap: Store) -> tuple[Any, ...]:
    """The :meth:`Store.generation <lexversion.store.repository.Store.generation>`
    of the snapshot ``snap``: kept on its connection with the
    :func:`commit_mark` it was read at, and read again only when the mark
    differs (or the database gives none). Call it first in the snapshot, so
    that the mark is that of the snapshot's read transaction."""
    with snap.connection() as conn:
        mark = commit_mark(conn)
        seen = conn.info.get(_SEEN)
        if mark is not None and seen is not None and seen[0] == mark:
            gen: tuple[Any, ...] = seen[1]
            return gen
        gen = snap.generation()
        conn.info[_SEEN] = (mark, gen)
        return gen


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
    SQLite file is replaced; every read goes through :meth:`snapshot`, whose
    per-work reads are kept in a memo of at most ``memo_bytes`` (estimated) a
    generation (0: none; :mod:`lexversion.store.memo`).

    ``reopened`` counts the replacements noticed. Thread-safe: a switch to a
    new file waits (at most :data:`SWITCH_WAIT` seconds) for the snapshots of
    the old one to end, and snapshots begun meanwhile wait for the switch.
    """

    def __init__(self, url: str, store: Store, memo_bytes: int = MEMO_BYTES) -> None:
        self.url = url
        self.path = sqlite_file(url)
        self._store = store
        self._opened = _identity(self.path)
        self._closed = False
        self._cond = threading.Condition()
        self._active = 0
        self._local = threading.local()
        self._held: list[Connection] = []  # the connections threads hold (:meth:`_connection`)
        self._memos: OrderedDict[tuple[Any, ...], Memo] = OrderedDict()
        self.memo_bytes = memo_bytes
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
            self._release()
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

    def memo(self, generation: tuple[Any, ...]) -> Memo:
        """The memo of ``generation`` (made when new; the last :data:`MEMOS` kept)."""
        with self._cond:
            memo = self._memos.get(generation)
            if memo is None:
                memo = self._memos[generation] = Memo(self.memo_bytes)
                while len(self._memos) > MEMOS:
                    self._memos.popitem(last=False)
            self._memos.move_to_end(generation)
            return memo

    def _generation(self, snap: Store) -> tuple[Any, ...]:
        """The generation of the snapshot ``snap`` of the file opened last."""
        return (self._opened, *generation_of(snap))

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """A store reading one consistent state of the file now at the path
        (:meth:`Store.snapshot <lexversion.store.repository.Store.snapshot>`),
        its per-work reads kept in the memo of its generation
        (:class:`~lexversion.store.memo.MemoStore`).

        Raises :class:`StoreError` when the file was deleted (and not yet
        built again) or could not be switched to, and
        :class:`sqlalchemy.exc.SQLAlchemyError` when the database cannot be
        read.
        """
        store = self._enter()
        try:
            if self._local.depth > 1:  # a snapshot inside this thread's own: one of its own
                with store.snapshot() as snap, snap.connection() as conn:
                    yield MemoStore(snap.engine, conn, self.memo(self._generation(snap)))
                return
            conn = self._connection(store)
            try:
                with store.snapshot_on(conn) as snap:
                    yield MemoStore(snap.engine, conn, self.memo(self._generation(snap)))
            except SQLAlchemyError:
                self._drop(conn)  # whatever state it is left in, the next snapshot opens another
                raise
        finally:
            self._leave()

    def _connection(self, store: Store) -> Connection:
        """The connection to ``store`` this thread holds for its outermost
        snapshot, opened when it has none
        (or one to a file since replaced). A snapshot checks none out of the pool:
        on an answer from memo, checking out and back in (a ``Connection``, its
        pool record and the pool's rollback) was a third of the CPU."""
        held: tuple[Store, Connection] | None = getattr(self._local, "conn", None)
        if held is not None and held[0] is store and not held[1].closed and not held[1].invalidated:
            return held[1]
        conn = store.engine.connect()
        self._local.conn = (store, conn)
        with self._cond:
            self._held.append(conn)
        return conn

    def _drop(self, conn: Connection) -> None:
        """Close ``conn``, a held connection, and forget it."""
        with self._cond:
            if conn in self._held:
                self._held.remove(conn)
        conn.close()

    def _release(self) -> None:
        """Close the connections threads hold (lock held, no snapshot active: a
        file is switched, or the store closed)."""
        held, self._held = self._held, []
        for conn in held:
            conn.close()

    def close(self) -> None:
        """Close the connections this store's threads hold and its engine's pool
        (a server shutting down; tests). Waits, as a switch does, for the
        snapshots still reading."""
        with self._cond:
            self._cond.wait_for(lambda: self._active == 0, SWITCH_WAIT)
            self._release()
            self._store.engine.dispose()

    def generation(self) -> tuple[Any, ...]:
        """The file's (device, inode) and the store's
        :meth:`~lexversion.store.repository.Store.generation`, read in one
        snapshot: changes whenever a build or a replacement changes what the
        store holds."""
        store = self._enter()
        try:
            with store.snapshot() as snap:
                return self._generation(snap)
        finally:
            self._leave()
