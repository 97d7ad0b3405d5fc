"""The engines and the schema of a store: an SQLAlchemy engine per URL (SQLite
with WAL, foreign keys and real transactions), the Alembic migrations that bring
a store to the newest revision (without importing Alembic when it is already
there), the write and advisory-lock options, and closing every engine before a
process ends. :mod:`lexversion.store.repository` opens a store with them.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, inspect, select, text

MIGRATIONS = "lexversion.store:migrations"
#: execution option asking the SQLite ``BEGIN`` of a transaction to take the
#: write lock at once (``BEGIN IMMEDIATE``): the build's and a migration's
WRITE = "lexversion_write"
#: PostgreSQL advisory lock keys: one build at a time, one migration at a time
BUILD_LOCK = 0x6C657876  # "lexv"
MIGRATION_LOCK = 0x6C65786D  # "lexm"


#: the newest Alembic revision of ``migrations/versions`` (a test checks it
#: against Alembic's script directory): a store at it is opened without importing Alembic
HEAD = "0015"


def _at_head(conn: Any) -> bool:
    """Whether the store of ``conn`` is at :data:`HEAD`: its ``alembic_version``
    table (Alembic's own, one row per head) holds exactly that revision. A plain
    query, so that opening a current store does not import Alembic (about 0.5 s)."""
    if not inspect(conn).has_table("alembic_version"):
        return False
    return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars()) == [HEAD]


def _revisions(conn: Any, cfg: Any) -> tuple[str | None, str | None]:
    """(the store's Alembic revision, the newest revision)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(cfg).get_current_head()
    return MigrationContext.configure(conn).get_current_revision(), head


def migrate(engine: Engine) -> str | None:
    """Bring the store's schema to the newest Alembic revision; return the
    revision it was at (``None`` for an empty database).

    A store already at the head is left untouched (one read, no DDL, no lock,
    Alembic not imported: :func:`_at_head`).
    Otherwise the whole upgrade is one transaction holding the write lock (SQLite
    ``BEGIN IMMEDIATE``, with DDL made transactional by :func:`open_store`;
    PostgreSQL DDL is transactional and a ``pg_advisory_xact_lock`` serialises
    two processes migrating at once): a kill at any moment leaves the schema as
    it was or complete, never tables without their revision (issue 16).
    """
    with engine.connect() as conn:
        if _at_head(conn):
            return HEAD
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    with engine.connect() as conn:
        current, head = _revisions(conn, cfg)
    if current == head:
        return current
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK)))
            current, head = _revisions(conn, cfg)  # another process may have migrated it
            if current != head:
                cfg.attributes["connection"] = conn
                if current is None and inspect(conn).has_table("works"):
                    # a store created before migrations existed (Base.metadata.create_all):
                    # stamp the revision its tables already match, then upgrade from there
                    columns = {c["name"] for c in inspect(conn).get_columns("citations")}
                    stamp = "0002" if "method" in columns else "0001"
                    if inspect(conn).has_table("build_state"):
                        stamp = "0003"
                    command.stamp(cfg, stamp)
                command.upgrade(cfg, "head")
    return current


def _sqlite_transactions(engine: Engine) -> None:
    """Make every SQLite transaction a real one (SQLAlchemy's recipe for pysqlite,
    "Serializable isolation / Savepoints / Transactional DDL"): the driver's own
    transaction handling is switched off and SQLAlchemy's begin emits ``BEGIN``
    (``BEGIN IMMEDIATE`` on a connection with the :data:`WRITE` option). Without
    it pysqlite commits each ``CREATE TABLE`` on its own, and a kill while a
    store was created left tables without a revision: "table citations already
    exists" on every later command (issue 16). A read is one snapshot, too."""

    @event.listens_for(engine, "connect")
    def _pragmas(conn: Any, _record: Any) -> None:
        conn.isolation_level = None
        cur = conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE):  # its "database is locked" as SQLAlchemy's
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:  # a read's BEGIN (which takes no lock) on the driver's connection: through
            # SQLAlchemy it costs more than a server's answer from memo (lexversion.store.memo)
            conn.connection.dbapi_connection.execute("BEGIN")


def make_engine(url: str) -> Engine:
    """The SQLAlchemy engine of a store's ``url``: for SQLite with WAL, foreign
    keys and real transactions (:func:`_sqlite_transactions`). Every engine a
    store is read or written through comes from here (and is closed by
    :func:`close_engines`). Raises what ``create_engine`` raises for a
    malformed URL."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _sqlite_transactions(engine)
    _ENGINES.add(engine)
    return engine


#: the engines :func:`make_engine` made that are still alive (weakly held: an
#: engine nothing else holds goes as before)
_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


def close_engines() -> None:
    """Close the pooled connections of every store engine still alive
    (``Engine.dispose``): what a process does before it ends without letting
    the interpreter's exit collect its objects (:func:`lexversion.cli.main`),
    which is otherwise what closes an engine a cache holds. Closing SQLite's
    last connection to a file folds its ``-wal`` back into it and removes the
    ``-wal`` and ``-shm`` files. An engine stays usable (it connects again
    when asked); a connection checked out is left alone. Raises nothing
    SQLAlchemy does not raise in closing a connection."""
    for engine in list(_ENGINES):
        engine.dispose()
