"""Full-text search over the provisions of the stored expressions, with an as-of date.

The index (migration ``0004``) holds one row per provision of every stored
expression: the provisions the diff aligns (:func:`lexversion.akn.provisions.read`:
each AKN hierarchy element and list item under its eId, plus the title,
preamble, conclusions and annex prefaces), their text as ``show`` prints it
(editorial notes, status label and requisites left out).

* :func:`sync_search_index` indexes the expressions not indexed yet (they are
  insert-only, so an indexed expression never needs re-indexing) and drops
  rows of expressions that are gone; the build calls it after writing, and
  the web app at start-up;
* :func:`search` answers a query: SQLite FTS5 (``bm25`` ranking), PostgreSQL
  full-text search (``to_tsvector('simple', ...)``, ``ts_rank``), any other
  database ``LIKE``. With an as-of date, a hit is kept only when its
  expression is the one point in time
  (:func:`lexversion.timeline.pit.point_in_time`) gives for that work,
  language and date, so the results are the wording in force then.

A query is a list of words (``\\w+``; a word ending in ``*`` matches as a
prefix), all of which must occur; everything else is ignored, so no input can
reach the SQL or the FTS query syntax.
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
from lexversion.render.pdf import ShownDate, shown
from lexversion.store.repository import Store
from lexversion.timeline.pit import PointInTime, WorkTimeline, point_in_time
from lexversion.web.refs import work_href

#: longest query accepted (characters) and most words used
MAX_QUERY = 200
MAX_TERMS = 12
#: rows read from the index per query, distinct works resolved per query
CANDIDATES = 400
MAX_WORKS = 100
#: words of context kept on each side of the first match in a snippet
CONTEXT_WORDS = 14
_WORD = re.compile(r"(\w+)(\*?)")
_TEXT_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    """A query word, folded (:func:`fold`); ``prefix`` when it ended in ``*``."""

    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Piece:
    """A run of snippet text; ``hit`` when it is a matched word."""

    text: str
    hit: bool = False


@dataclass(frozen=True)
class Hit:
    """One matching provision: its work (``title``), expression (``kind``, the
    DateFact it applies from as shown, ``lang``), ``eid`` and ``label``, a
    snippet, its page (``href``: the work as of the date asked, else the
    expression, at the provision) and the point-in-time answer on the as-of
    date when one was asked."""

    work: str
    title: str
    expression: str
    kind: str
    applies_from: ShownDate
    lang: str
    eid: str
    label: str
    snippet: tuple[Piece, ...]
    href: str
    pit: PointInTime | None = None


@dataclass(frozen=True)
class SearchResult:
    """The hits (best first, at most ``limit``); ``matched``: index rows read;
    ``capped``: the index had more rows than :data:`CANDIDATES` or more works than
    :data:`MAX_WORKS` (the rest were not considered); ``dropped``: hits left out
    because their expression was not the one in force on the as-of date;
    ``indexed``/``stored``: expressions indexed and stored."""

    query: str
    terms: tuple[Term, ...]
    on: date | None
    lang: str | None
    hits: tuple[Hit, ...]
    matched: int
    capped: bool
    dropped: int
    indexed: int
    stored: int


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


# -- the index ------------------------------------------------------------------------


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for k in range(0, len(items), size):
        yield items[k : k + size]


def index_counts(store: Store) -> tuple[int, int]:
    """(expressions indexed, expressions stored)."""
    with store.engine.connect() as conn:
        indexed = conn.execute(text("SELECT count(*) FROM search_expressions")).scalar_one()
        stored = conn.execute(text("SELECT count(*) FROM expressions")).scalar_one()
    return int(indexed), int(stored)


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


# -- querying -------------------------------------------------------------------------


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
    dialect: str, terms: Sequence[Term], lang: str | None, on: date | None
) -> tuple[str, dict[str, Any]]:
    """The candidate query for ``dialect`` and its parameters."""
    params: dict[str, Any] = {"n": CANDIDATES + 1}
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


def _matches(word: str, terms: Sequence[Term]) -> bool:
    w = fold(word)
    return any(w.startswith(t.word) if t.prefix else w == t.word for t in terms)


def snippet(body: str, terms: Sequence[Term]) -> tuple[Piece, ...]:
    """A stretch of ``body`` around its first matched word, the matched words
    marked; whitespace collapsed, ``…`` where text was cut."""
    flat = " ".join(body.split())
    words = list(_TEXT_WORD.finditer(flat))
    hits = [k for k, m in enumerate(words) if _matches(m.group(), terms)]
    if not words:
        return (Piece(flat),) if flat else ()
    first = hits[0] if hits else 0
    lo = max(first - CONTEXT_WORDS, 0)
    hi = min(first + 2 * CONTEXT_WORDS, len(words) - 1)
    start = words[lo].start() if lo else 0
    end = words[hi].end() if hi < len(words) - 1 else len(flat)
    out: list[Piece] = [Piece("… ")] if start else []
    at = start
    for k in hits:
        m = words[k]
        if m.start() < start or m.end() > end:
            continue
        if m.start() > at:
            out.append(Piece(flat[at : m.start()]))
        out.append(Piece(m.group(), True))
        at = m.end()
    if at < end:
        out.append(Piece(flat[at:end]))
    if end < len(flat):
        out.append(Piece(" …"))
    return tuple(out)


def search(
    store: Store,
    query: str,
    *,
    on: date | None = None,
    lang: str | None = None,
    limit: int = 50,
) -> SearchResult:
    """The provisions matching ``query`` (see the module doc), best first, at most
    ``limit``; with ``on``, only those of the wording in force on ``on``; with
    ``lang`` (``kk``/``ru``), only texts in that language.

    Raises :class:`UsageError` for a query :func:`parse_query` refuses.
    """
    terms = parse_query(query)
    sql, params = _sql(store.engine.dialect.name, terms, lang, on)
    with store.engine.connect() as conn:
        rows = conn.execute(text(sql), params).all()
    capped = len(rows) > CANDIDATES
    rows = rows[:CANDIDATES]
    timelines: dict[str, WorkTimeline] = {}
    pits: dict[tuple[str, str], PointInTime] = {}
    hits: list[Hit] = []
    dropped = 0
    for work, expression, hit_lang, eid, label, body in rows:
        if work not in timelines:
            if len(timelines) >= MAX_WORKS:
                capped = True
                continue
            timelines[work] = store.timeline(work)
        tl = timelines[work]
        pit = None
        if on is not None:
            key = (work, hit_lang)
            if key not in pits:
                pits[key] = point_in_time(tl, on, hit_lang)
            pit = pits[key]
            if pit.expression != expression:
                dropped += 1
                continue
        info = next((x for x in tl.expressions if x.uri == expression), None)
        if len(hits) < limit:
            hits.append(
                Hit(
                    work=work,
                    title=tl.title or work,
                    expression=expression,
                    kind=info.kind if info else "",
                    applies_from=shown(info.applies_from if info else None, "unknown"),
                    lang=hit_lang,
                    eid=eid,
                    label=label,
                    snippet=snippet(body, terms),
                    href=(work_href(work, on, hit_lang) if on else expression) + "#" + eid,
                    pit=pit,
                )
            )
    indexed, stored = index_counts(store)
    return SearchResult(
        query, terms, on, lang, tuple(hits), len(rows), capped, dropped, indexed, stored
    )
