"""The provision search index: its SQL, kept in step with the stored expressions.

The index (migration ``0004``) holds one row per provision of every stored
expression: the provisions the diff aligns (:func:`lexversion.akn.provisions.read`:
each AKN hierarchy element and list item under its eId, plus the title,
preamble, conclusions and annex prefaces), their text as ``show`` prints it
(editorial notes, status label and requisites left out).

* :func:`sync_search_index` indexes the expressions not indexed yet (they are
  insert-only, so an indexed expression never needs re-indexing) and drops
  rows of expressions that are gone; the build calls it after writing, and
  the web app at start-up;
* :func:`match_provisions` reads the candidate rows of a query: SQLite FTS5
  (``bm25`` ranking), PostgreSQL full-text search (``to_tsvector('simple',
  ...)``, ``ts_rank``), any other database ``LIKE``; with an as-of date, the
  rows that certainly are not of the wording in force then are left out in
  SQL (:data:`AS_OF_FILTER`; point in time makes the final call, in
  :mod:`lexversion.app.search`);
* :func:`index_counts` says how many expressions are indexed and stored.

A query is a list of words (``\\w+``; a word ending in ``*`` matches as a
prefix, :func:`parse_query`), all of which must occur; everything else is
ignored, so no input can reach the SQL or the FTS query syntax.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, text

from lexversion.akn.provisions import read
from lexversion.errors import InputError, UsageError
from lexversion.store.repository import Store

#: longest query accepted (characters) and most words used
MAX_QUERY = 200
MAX_TERMS = 12
#: rows read from the index per query
CANDIDATES = 400
_WORD = re.compile(r"(\w+)(\*?)")


@dataclass(frozen=True)
class Term:
    """A query word, folded (:func:`fold`); ``prefix`` when it ended in ``*``."""

    word: str
    prefix: bool = False


@dataclass(frozen=True)
class IndexCounts:
    """Expressions ``indexed`` by the search index and ``stored``."""

    indexed: int
    stored: int


@dataclass(frozen=True)
class ProvisionRow:
    """A row of the index: the provision ``eid`` (``label``, ``text``) of
    expression ``expression`` of ``work`` in ``lang``."""

    work: str
    expression: str
    lang: str
    eid: str
    label: str
    text: str


@dataclass(frozen=True)
class Matches:
    """The rows matching a query, best first (at most ``limit``); ``more``: the
    index held more."""

    rows: tuple[ProvisionRow, ...]
    more: bool


def fold(word: str) -> str:
    """``word`` case-folded without combining marks (``Ё`` -> ``е``), as the index folds."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def parse_query(query: str) -> tuple[Term, ...]:
    """The words of ``query``; raises :class:`UsageError` when it is longer than
    :data:`MAX_QUERY` characters, has no word, or more than :data:`MAX_TERMS` words."""
    if len(query) > MAX_QUERY:
        raise UsageError(f"the query is {len(query)} characters long; at most {MAX_QUERY}")
    terms = tuple(dict.fromkeys(Term(fold(w), bool(star)) for w, star in _WORD.findall(query)))
    if not terms:
        raise UsageError("the query has no words to search for")
    if len(terms) > MAX_TERMS:
        raise UsageError(f"the query has {len(terms)} words; at most {MAX_TERMS}")
    return terms


# -- keeping the index in step -----------------------------------------------------------


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for k in range(0, len(items), size):
        yield items[k : k + size]


def index_counts(store: Store) -> IndexCounts:
    """How many expressions the index of ``store`` holds, and the store."""
    with store.connection() as conn:
        indexed = conn.execute(text("SELECT count(*) FROM search_expressions")).scalar_one()
        stored = conn.execute(text("SELECT count(*) FROM expressions")).scalar_one()
    return IndexCounts(int(indexed), int(stored))


def _index_rows(conn: Connection, uris: Sequence[str]) -> int:
    """Index expressions ``uris`` on ``conn``; returns the provisions written."""
    query = text("SELECT uri, work_uri, lang, akn FROM expressions WHERE uri IN :uris")
    rows = conn.execute(query.bindparams(bindparam("uris", expanding=True)), {"uris": list(uris)})
    written = 0
    for uri, work, lang, akn in rows.all():
        try:
            provisions = [p for p in read(bytes(akn)).provisions if p.text.strip()]
        except InputError:
            provisions = []
        if provisions:
            conn.execute(
                text(
                    "INSERT INTO provision_search (text, expression, work, lang, eid, label) "
                    "VALUES (:text, :expression, :work, :lang, :eid, :label)"
                ),
                [
                    {
                        "text": p.text,
                        "expression": uri,
                        "work": work,
                        "lang": lang,
                        "eid": p.eid,
                        "label": p.label,
                    }
                    for p in provisions
                ],
            )
        conn.execute(
            text(
                "INSERT INTO search_expressions (uri, work_uri, provisions) "
                "VALUES (:uri, :work, :n)"
            ),
            {"uri": uri, "work": work, "n": len(provisions)},
        )
        written += len(provisions)
    return written


def sync_search_index(
    store: Store, *, batch: int = 100, tick: Callable[[int, int], None] | None = None
) -> int:
    """Bring the search index of ``store`` up to date; returns the number of
    expressions indexed.

    Expressions not in ``search_expressions`` are read, cut into provisions and
    written, ``batch`` expressions per transaction (a reader never waits long;
    an interrupted sync keeps what it committed and the next one goes on);
    rows of expressions no longer stored are deleted first. ``tick(done,
    total)`` is called after each batch. Raises
    :class:`sqlalchemy.exc.SQLAlchemyError` when the store cannot be written
    (e.g. a build holds the SQLite write lock).
    """
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "DELETE FROM provision_search WHERE expression NOT IN (SELECT uri FROM expressions)"
            )
        )
        conn.execute(
            text("DELETE FROM search_expressions WHERE uri NOT IN (SELECT uri FROM expressions)")
        )
        missing = list(
            conn.execute(
                text(
                    "SELECT e.uri FROM expressions e LEFT JOIN search_expressions s "
                    "ON s.uri = e.uri WHERE s.uri IS NULL ORDER BY e.uri"
                )
            ).scalars()
        )
    done = 0
    for chunk in _chunks(missing, max(batch, 1)):
        with store.engine.begin() as conn:
            _index_rows(conn, chunk)
        done += len(chunk)
        if tick:
            tick(done, len(missing))
    return done


# -- querying ---------------------------------------------------------------------------


#: a necessary condition for a provision to be in the wording in force on ``:on``
#: (point in time makes the final call): no later wording of the same work and
#: language certainly applies by then, and the work is not certainly repealed
#: by then (every repeal event's latest day on or before it, the act adopted),
#: and it was adopted by then
AS_OF_FILTER = """
 AND NOT EXISTS (
  SELECT 1 FROM expressions e JOIN expressions e2
    ON e2.work_uri = e.work_uri AND e2.lang = e.lang AND e2.uri != e.uri
  WHERE e.uri = provision_search.expression
    AND COALESCE(e2.af_latest, e2.af_earliest) <= :on
    AND (e2.af_earliest > e.af_earliest OR (e2.af_earliest = e.af_earliest AND e2.uri > e.uri)))
 AND NOT (
  EXISTS (SELECT 1 FROM events r WHERE r.work_uri = provision_search.work AND r.type = 'repeal')
  AND NOT EXISTS (
    SELECT 1 FROM events r WHERE r.work_uri = provision_search.work AND r.type = 'repeal'
      AND (COALESCE(r.latest, r.earliest) IS NULL OR COALESCE(r.latest, r.earliest) > :on))
  AND NOT EXISTS (
    SELECT 1 FROM events a WHERE a.work_uri = provision_search.work AND a.type = 'adoption'
      AND a.earliest > :on))
 AND NOT (
  EXISTS (
    SELECT 1 FROM events a WHERE a.work_uri = provision_search.work AND a.type = 'adoption'
      AND a.earliest > :on)
  AND NOT EXISTS (
    SELECT 1 FROM events a WHERE a.work_uri = provision_search.work AND a.type = 'adoption'
      AND a.earliest <= :on))"""


def _sql(
    dialect: str, terms: Sequence[Term], lang: str | None, on: date | None, limit: int
) -> tuple[str, dict[str, Any]]:
    """The candidate query for ``dialect`` and its parameters (``limit + 1`` rows)."""
    params: dict[str, Any] = {"n": limit + 1}
    where = ""
    if lang:
        params["lang"] = lang
        where += " AND lang = :lang"
    if on is not None:
        params["on"] = on if dialect == "postgresql" else on.isoformat()
        where += AS_OF_FILTER
    cols = "work, expression, lang, eid, label, text"
    if dialect == "sqlite":
        params["q"] = " ".join(f'"{t.word}"' + ("*" if t.prefix else "") for t in terms)
        return (
            f"SELECT {cols} FROM provision_search WHERE provision_search MATCH :q{where} "
            "ORDER BY bm25(provision_search), expression, eid LIMIT :n",
            params,
        )
    if dialect == "postgresql":
        params["q"] = " & ".join(t.word + (":*" if t.prefix else "") for t in terms)
        return (
            f"SELECT {cols} FROM provision_search "
            "WHERE to_tsvector('simple', text) @@ to_tsquery('simple', :q)"
            f"{where} ORDER BY ts_rank(to_tsvector('simple', text), "
            "to_tsquery('simple', :q)) DESC, expression, eid LIMIT :n",
            params,
        )
    likes = []
    for k, t in enumerate(terms):
        word = t.word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"t{k}"] = f"%{word}%"
        likes.append(f"lower(text) LIKE :t{k} ESCAPE '\\'")
    return (
        f"SELECT {cols} FROM provision_search WHERE {' AND '.join(likes)}{where} "
        "ORDER BY expression, eid LIMIT :n",
        params,
    )


def match_provisions(
    store: Store,
    terms: Sequence[Term],
    *,
    lang: str | None = None,
    on: date | None = None,
    limit: int = CANDIDATES,
) -> Matches:
    """The index rows of ``store`` holding every word of ``terms``, best first,
    at most ``limit``; with ``lang``, only texts in that language; with ``on``,
    only rows that may be of the wording in force on ``on`` (:data:`AS_OF_FILTER`).

    Raises :class:`sqlalchemy.exc.SQLAlchemyError` when the store cannot be read.
    """
    sql, params = _sql(store.engine.dialect.name, terms, lang, on, limit)
    with store.connection() as conn:
        rows = conn.execute(text(sql), params).all()
    return Matches(
        tuple(ProvisionRow(*row) for row in rows[:limit]),
        len(rows) > limit,
    )
