"""The provision search index: its SQL, kept in step with the stored expressions.

The index (migration ``0004``) holds one row per provision of every stored
expression: the provisions the diff aligns (:func:`lexversion.akn.provisions.read`:
each AKN hierarchy element and list item under its eId, plus the title,
preamble, conclusions and annex prefaces), their text as ``show`` prints it
(editorial notes, status label and requisites left out).

* :func:`sync_search_index` indexes the expressions not indexed yet (a build
  that rewrites an expression's text drops its rows first, so an indexed
  expression never needs re-indexing) and drops
  rows of expressions that are gone (:mod:`lexversion.store.searchrows`: on
  SQLite by rowid range, never reading the whole index); the build calls it after writing, and
  the web app at start-up;
* :func:`match_provisions` reads the candidate rows of a query: SQLite FTS5
  (``bm25`` ranking), PostgreSQL full-text search (the stored ``tsv``,
  ``ts_rank``), any other database ``LIKE``; with an as-of date, the
  rows that certainly are not of the wording in force then are left out in
  SQL (:data:`AS_OF_FILTER`; point in time makes the final call, in
  :mod:`lexversion.app.search`);
* :func:`index_counts` says how many expressions are indexed and stored.

Every backend indexes the same terms, made by one analysis
(:func:`lexversion.text.analysis.analyze`, migration ``0005``): for each word
of a provision its stem in the provision's language (column ``stems``) and
its folded form (``words``). A query is a list of words (a word ending in
``*`` matches as a prefix, :func:`parse_query`), all of which must occur; a
word is looked up by its stem in each language (Kazakh rows by the Kazakh
stem, Russian rows by the Russian one), a prefix among the folded words.
Everything else is ignored, so no input can reach the SQL or the FTS query
syntax. Each indexed expression records the analysis that indexed it
(:func:`~lexversion.text.analysis.analysis_version`); a sync re-indexes the
ones made by another.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, text

from lexversion.akn.provisions import read
from lexversion.errors import InputError, UsageError
from lexversion.i18n import gettext as _
from lexversion.lang import fold_word
from lexversion.store.repository import Store
from lexversion.store.searchrows import drop_indexed, insert_provisions
from lexversion.text.analysis import WORD, analysis_version, analyze, query_stem

#: longest query accepted (characters) and most words used
MAX_QUERY = 200
MAX_TERMS = 12
#: rows read from the index per query
CANDIDATES = 400
#: the languages the index analyses, each queried by its own stems
LANGS = ("kk", "ru")
_QUERY_WORD = re.compile(WORD.pattern + r"(\*?)")


@dataclass(frozen=True)
class Term:
    """A query word, folded (:func:`fold`); ``prefix`` when it ended in ``*``."""

    word: str
    prefix: bool = False

    def stem(self, lang: str) -> str:
        """The stem this word is looked up by in texts of ``lang``."""
        return query_stem(self.word, lang)


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
    """``word`` folded as the index folds it (:func:`lexversion.lang.fold_word`:
    ``Ё`` -> ``е``, ``й`` kept, look-alike letters)."""
    return fold_word(word)


def parse_query(query: str) -> tuple[Term, ...]:
    """The words of ``query``; raises :class:`UsageError` when it is longer than
    :data:`MAX_QUERY` characters, has no word, or more than :data:`MAX_TERMS` words."""
    if len(query) > MAX_QUERY:
        raise UsageError(
            _("the query is {n} characters long; at most {most}").format(
                n=len(query), most=MAX_QUERY
            )
        )
    found = ((m.group(0).removesuffix("*"), m.group(1)) for m in _QUERY_WORD.finditer(query))
    folded = ((fold(w), star) for w, star in found)
    terms = tuple(dict.fromkeys(Term(w, bool(star)) for w, star in folded if w))
    if not terms:
        raise UsageError(_("the query has no words to search for"))
    if len(terms) > MAX_TERMS:
        raise UsageError(
            _("the query has {n} words; at most {most}").format(n=len(terms), most=MAX_TERMS)
        )
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


#: one stored expression to index: (uri, work, language, AKN bytes)
Stored = tuple[str, str, str, bytes]
#: how the provisions of expressions are read: ``map`` itself, or a process pool's
#: ``map`` (:func:`lexversion.app.ingest.build` after a large build); results in order
Mapper = Callable[
    [Callable[[Stored], list[dict[str, Any]]], Sequence[Stored]], Iterable[list[dict[str, Any]]]
]
#: expressions read from the store at a time, handed to the mapper together
WINDOW = 512


def provision_rows(item: Stored) -> list[dict[str, Any]]:
    """The index rows of one stored expression: each provision with text
    (:func:`lexversion.akn.provisions.read`), its stems and folded words
    (:func:`~lexversion.text.analysis.analyze`); none for an AKN that cannot be
    read. Pure (no store): a pool's worker process can run it."""
    uri, work, lang, akn = item
    try:
        provisions = [p for p in read(bytes(akn)).provisions if p.text.strip()]
    except InputError:
        provisions = []
    rows = []
    for p in provisions:
        a = analyze(p.text, lang)
        rows.append(
            {
                "stems": a.stems,
                "words": a.words,
                "text": p.text,
                "expression": uri,
                "work": work,
                "lang": lang,
                "eid": p.eid,
                "label": p.label,
            }
        )
    return rows


def _stored(store: Store, uris: Sequence[str]) -> list[Stored]:
    """The expressions ``uris`` as stored, in the order given."""
    query = text("SELECT uri, work_uri, lang, akn FROM expressions WHERE uri IN :uris")
    with store.connection() as conn:
        found = conn.execute(
            query.bindparams(bindparam("uris", expanding=True)), {"uris": list(uris)}
        )
        by_uri = {r[0]: (r[0], r[1], r[2], bytes(r[3])) for r in found}
    return [by_uri[u] for u in uris if u in by_uri]


def _write_index(conn: Connection, item: Stored, rows: list[dict[str, Any]]) -> None:
    """Write the index rows of expression ``item`` and its ``search_expressions`` row."""
    uri, work = item[0], item[1]
    first, last = insert_provisions(conn, uri, rows)
    conn.execute(
        text(
            "INSERT INTO search_expressions "
            "(uri, work_uri, provisions, analysis, rows_from, rows_to) "
            "VALUES (:uri, :work, :n, :analysis, :a, :b)"
        ),
        {
            "uri": uri,
            "work": work,
            "n": len(rows),
            "analysis": analysis_version(),
            "a": first,
            "b": last,
        },
    )


#: the indexed expressions to drop: no longer stored, or indexed by another analysis
_STALE = (
    "SELECT s.uri FROM search_expressions s LEFT JOIN expressions e ON e.uri = s.uri "
    "WHERE e.uri IS NULL OR s.analysis IS NULL OR s.analysis != :v"
)
#: the stored expressions not indexed
_MISSING = (
    "SELECT e.uri FROM expressions e LEFT JOIN search_expressions s "
    "ON s.uri = e.uri WHERE s.uri IS NULL ORDER BY e.uri"
)


def sync_search_index(
    store: Store,
    *,
    batch: int = 100,
    tick: Callable[[int, int], None] | None = None,
    mapper: Mapper | None = None,
) -> int:
    """Bring the search index of ``store`` up to date; returns the number of
    expressions indexed.

    Expressions not in ``search_expressions`` are read, cut into provisions
    (:func:`provision_rows`, through ``mapper``: default ``map``; a pool's
    ``map`` reads them on several cores while this process writes) and
    written, ``batch`` expressions per transaction (a reader never waits long;
    an interrupted sync keeps what it committed and the next one goes on);
    rows of expressions no longer stored, or indexed by another analysis
    (:func:`~lexversion.text.analysis.analysis_version`), are deleted first,
    by :func:`lexversion.store.searchrows.drop_indexed` (the index is never
    read whole: two joins of the ``uri`` columns find what to do, issue 15).
    ``tick(done, total)`` is called after each batch. Raises
    :class:`sqlalchemy.exc.SQLAlchemyError` when the store cannot be written
    (e.g. a build holds the SQLite write lock).
    """
    with store.engine.begin() as conn:
        stale = list(conn.execute(text(_STALE), {"v": analysis_version()}).scalars())
        drop_indexed(conn, stale)
        missing = list(conn.execute(text(_MISSING)).scalars())
    read_rows: Mapper = mapper or map
    size = max(batch, 1)
    done = 0
    for window in _chunks(missing, WINDOW):
        items = _stored(store, window)
        read = zip(items, read_rows(provision_rows, items), strict=True)
        # a transaction a batch, written as the mapper gives them
        for part in iter(lambda: list(itertools.islice(read, size)), []):  # noqa: B023
            with store.engine.begin() as conn:
                for item, rows in part:
                    _write_index(conn, item, rows)
            done += len(part)
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


def _fts5(terms: Sequence[Term], lang: str) -> str:
    """The FTS5 query of ``terms`` for rows in ``lang``: stems as phrases of
    column ``stems``, prefixes of column ``words`` (terms are words: no syntax)."""
    return " AND ".join(
        f'words : "{t.word}" *' if t.prefix else f'stems : "{t.stem(lang)}"' for t in terms
    )


def _tsquery(terms: Sequence[Term], lang: str) -> str:
    """The PostgreSQL ``tsquery`` of ``terms`` for rows in ``lang``: stems of
    weight A, prefixes of weight B (the stored ``tsv`` of migration ``0005``)."""
    return " & ".join(f"'{t.word}':*B" if t.prefix else f"'{t.stem(lang)}':A" for t in terms)


def _sql(
    dialect: str, terms: Sequence[Term], lang: str | None, on: date | None, limit: int
) -> tuple[str, dict[str, Any]]:
    """The candidate query for ``dialect`` and its parameters (``limit + 1`` rows):
    for each language asked (``lang``, else :data:`LANGS`), the rows of that
    language holding the query's terms made in it."""
    params: dict[str, Any] = {"n": limit + 1}
    where = ""
    if on is not None:
        params["on"] = on if dialect == "postgresql" else on.isoformat()
        where += AS_OF_FILTER
    langs = (lang,) if lang else LANGS
    cols = "work, expression, lang, eid, label, text"
    if dialect == "sqlite":
        parts = []
        for k, code in enumerate(langs):
            params[f"q{k}"], params[f"l{k}"] = _fts5(terms, code), code
            parts.append(
                f"SELECT {cols}, bm25(provision_search) AS score FROM provision_search "
                f"WHERE provision_search MATCH :q{k} AND lang = :l{k}{where}"
            )
        return (
            " UNION ALL ".join(parts) + " ORDER BY score, expression, eid LIMIT :n",
            params,
        )
    if dialect == "postgresql":
        ors = []
        for k, code in enumerate(langs):
            params[f"q{k}"], params[f"l{k}"] = _tsquery(terms, code), code
            ors.append(f"(lang = :l{k} AND tsv @@ to_tsquery('simple', :q{k}))")
        rank = " + ".join(
            f"CASE WHEN lang = :l{k} THEN ts_rank(tsv, to_tsquery('simple', :q{k})) ELSE 0 END"
            for k in range(len(langs))
        )
        return (
            f"SELECT {cols} FROM provision_search WHERE ({' OR '.join(ors)}){where} "
            f"ORDER BY {rank} DESC, expression, eid LIMIT :n",
            params,
        )
    ors = []
    for k, code in enumerate(langs):
        params[f"l{k}"] = code
        likes = [f"lang = :l{k}"]
        for j, t in enumerate(terms):
            word = t.word if t.prefix else t.stem(code)
            params[f"t{k}_{j}"] = "% " + word + ("%" if t.prefix else " %")
            column = "words" if t.prefix else "stems"
            likes.append(f"(' ' || {column} || ' ') LIKE :t{k}_{j}")
        ors.append("(" + " AND ".join(likes) + ")")
    return (
        f"SELECT {cols} FROM provision_search WHERE ({' OR '.join(ors)}){where} "
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
        tuple(ProvisionRow(*row[:6]) for row in rows[:limit]),
        len(rows) > limit,
    )
