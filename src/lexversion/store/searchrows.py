"""The search index's rows of given expressions, written and deleted without
reading the rest of the index (issue 15: a build's cost follows what it
changed, not the store's size).

SQLite's ``provision_search`` is an FTS5 table, which finds rows only by term
or rowid: a ``WHERE expression IN (...)`` reads the whole index. So on SQLite
an expression's provisions are inserted with consecutive rowids chosen here
(after the largest, inside the writing transaction, which holds the write
lock) and ``search_expressions`` keeps the range (``rows_from``, ``rows_to``,
migration ``0012``); they are deleted by range. PostgreSQL and other
databases index ``provision_search.expression`` and delete by it. A row
indexed before ``0012`` without a range is deleted by ``expression`` (on
SQLite a scan, once).

Used by :mod:`lexversion.store.search` (the sync) and
:mod:`lexversion.store.writer` (a build dropping or rewriting expressions);
it imports neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

BATCH = 500
#: the columns of ``provision_search`` an index row gives, in the order written
COLUMNS = ("stems", "words", "text", "expression", "work", "lang", "eid", "label")


#: what runs a statement inside a transaction: the sync's connection, a build's session
Executes = Connection | Session


def _dialect(conn: Executes) -> str:
    """The dialect name of the connection or session ``conn``."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    return str(bind.dialect.name)


def insert_provisions(
    conn: Executes, uri: str, rows: Sequence[dict[str, Any]]
) -> tuple[int | None, int | None]:
    """Insert the index ``rows`` (the columns of ``provision_search``) of
    expression ``uri``; returns the (first, last) rowid on SQLite, consecutive
    (see the module doc), else ``(None, None)``."""
    if not rows:
        return None, None
    values = ", ".join(f":{c}" for c in COLUMNS)
    cols = ", ".join(COLUMNS)
    dialect = _dialect(conn)
    if dialect == "postgresql":
        _copy(conn, rows)
        return None, None
    if dialect != "sqlite":
        conn.execute(text(f"INSERT INTO provision_search ({cols}) VALUES ({values})"), list(rows))
        return None, None
    last = conn.execute(text("SELECT max(rowid) FROM provision_search")).scalar() or 0
    first = int(last) + 1
    conn.execute(
        text(f"INSERT INTO provision_search (rowid, {cols}) VALUES (:rowid, {values})"),
        [{**r, "rowid": first + k} for k, r in enumerate(rows)],
    )
    return first, first + len(rows) - 1


def _copy(conn: Executes, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL: the ``rows`` by one ``COPY ... FROM STDIN`` on the transaction's
    own connection (psycopg 3's ``Cursor.copy``; the server computes ``tsv``, a
    generated column, as for an ``INSERT``). At 100,000 acts the executemany of
    4.5 million rows was 286 s of a build's process (PostgreSQL docs, "Populating
    a Database": COPY is the fastest way to load many rows)."""
    sa = conn.connection() if isinstance(conn, Session) else conn
    raw: Any = sa.connection.dbapi_connection
    with (
        raw.cursor() as cur,
        cur.copy(f"COPY provision_search ({', '.join(COLUMNS)}) FROM STDIN") as copy,
    ):
        for r in rows:
            copy.write_row([r[c] for c in COLUMNS])


def drop_indexed(conn: Executes, uris: Sequence[str]) -> None:
    """Delete the index rows of expressions ``uris`` and their
    ``search_expressions`` rows (the next sync indexes them again if they are
    still stored): by rowid range where one is kept, else by ``expression``
    (see the module doc)."""
    sqlite = _dialect(conn) == "sqlite"
    for k in range(0, len(uris), BATCH):
        part = {"u": list(uris[k : k + BATCH])}
        ranges = conn.execute(
            text(
                "SELECT uri, rows_from, rows_to, provisions FROM search_expressions WHERE uri IN :u"
            ).bindparams(bindparam("u", expanding=True)),
            part,
        ).all()
        spans = [{"a": a, "b": b} for _, a, b, _ in ranges if sqlite and a is not None]
        if spans:
            conn.execute(text("DELETE FROM provision_search WHERE rowid BETWEEN :a AND :b"), spans)
        # by expression: not SQLite (an index), or indexed before 0012 (a scan,
        # once); an expression without a search_expressions row has no index
        # rows (both are written in one transaction, :func:`lexversion.store.search.sync_search_index`)
        rest = part["u"] if not sqlite else [u for u, a, _, n in ranges if a is None and n]
        if rest:
            conn.execute(
                text("DELETE FROM provision_search WHERE expression IN :u").bindparams(
                    bindparam("u", expanding=True)
                ),
                {"u": rest},
            )
        conn.execute(
            text("DELETE FROM search_expressions WHERE uri IN :u").bindparams(
                bindparam("u", expanding=True)
            ),
            part,
        )


__all__ = ["drop_indexed", "insert_provisions"]
