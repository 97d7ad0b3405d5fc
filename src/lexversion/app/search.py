"""Full-text search over the provisions of the stored expressions, with an as-of date.

:func:`search` reads the candidate provisions from the index
(:func:`lexversion.store.search.match_provisions`) and, with an as-of date,
keeps a hit only when its expression is the one point in time
(:func:`lexversion.timeline.pit.point_in_time`) gives for that work, language
and date, so the results are the wording in force then. Each hit says whether
its act is in force, repealed or not yet in force on that date (today when no
date was asked) and carries a snippet around its first matched word: a word
matches as the index matched it, by its stem in the hit's language
(:mod:`lexversion.text.analysis`) or, for ``word*``, by its folded beginning. :func:`named_act` says which act a
query names when it reads as a citation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from lexversion.app.query import store_for
from lexversion.app.resolve import find_work
from lexversion.errors import LexversionError
from lexversion.i18n import day, ngettext, term
from lexversion.i18n import gettext as _
from lexversion.model import DateFact, PointInTime, WorkRecord, WorkTimeline, iso
from lexversion.render.labels import provision_label
from lexversion.store.repository import Store
from lexversion.store.search import (
    Term,
    fold,
    index_counts,
    match_provisions,
    parse_query,
)
from lexversion.text.analysis import WORD
from lexversion.text.stem import stem
from lexversion.timeline.pit import point_in_time

#: distinct works resolved per query
MAX_WORKS = 100
#: words of context kept on each side of the first match in a snippet
CONTEXT_WORDS = 14


@dataclass(frozen=True)
class Piece:
    """A run of snippet text; ``hit`` when it is a matched word."""

    text: str
    hit: bool = False


@dataclass(frozen=True)
class Hit:
    """One matching provision: its work (``title``), expression (``kind``, the
    DateFact it applies from, ``None`` when unknown, ``lang``), ``eid`` and
    ``label``, a snippet, and the point-in-time answer on the as-of date when
    one was asked."""

    work: str
    title: str
    expression: str
    kind: str
    applies_from: DateFact | None
    lang: str
    eid: str
    label: str
    snippet: tuple[Piece, ...]
    pit: PointInTime | None = None


@dataclass(frozen=True)
class SearchResult:
    """The hits (best first, at most ``limit``); ``matched``: index rows read;
    ``capped``: the index had more rows than
    :data:`~lexversion.store.search.CANDIDATES` or more works than
    :data:`MAX_WORKS` (the rest were not considered); ``dropped``: hits left out
    because their expression was not the one in force on the as-of date;
    ``indexed``/``stored``: expressions indexed and stored; ``status_on``: the
    date each hit's status is given for (``on``, else the day of the search)."""

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
    status_on: date | None = None


def _matches(word: str, terms: Sequence[Term], lang: str) -> bool:
    w = fold(word)
    return any(w.startswith(t.word) if t.prefix else stem(w, lang) == t.stem(lang) for t in terms)


def snippet(body: str, terms: Sequence[Term], lang: str = "") -> tuple[Piece, ...]:
    """A stretch of ``body`` (written in ``lang``) around its first matched word,
    the matched words marked (any form of a query word, :func:`_matches`);
    whitespace collapsed, ``…`` where text was cut."""
    flat = " ".join(body.split())
    words = list(WORD.finditer(flat))
    hits = [k for k, m in enumerate(words) if _matches(m.group(), terms, lang)]
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
    today: date | None = None,
) -> SearchResult:
    """The provisions of ``store`` matching ``query`` (see the module doc), best
    first, at most ``limit``; with ``on``, only those of the wording in force on
    ``on``; with ``lang`` (``kk``/``ru``), only texts in that language. Each
    hit's status is given for ``on``, else for ``today`` (default: the day of
    the search).

    Raises :class:`~lexversion.errors.UsageError` for a query
    :func:`~lexversion.store.search.parse_query` refuses,
    :class:`sqlalchemy.exc.SQLAlchemyError` when the store cannot be read.
    """
    terms = parse_query(query)
    found = match_provisions(store, terms, lang=lang, on=on)
    capped = found.more
    timelines: dict[str, WorkTimeline] = {}
    pits: dict[tuple[str, str], PointInTime] = {}
    hits: list[Hit] = []
    dropped = 0
    status_on = on or today or date.today()
    for row in found.rows:
        if row.work not in timelines:
            if len(timelines) >= MAX_WORKS:
                capped = True
                continue
            timelines[row.work] = store.timeline(row.work)
        tl = timelines[row.work]
        key = (row.work, row.lang)
        if key not in pits:
            pits[key] = point_in_time(tl, status_on, row.lang)
        pit = pits[key]
        if on is not None and pit.expression != row.expression:
            dropped += 1
            continue
        info = next((x for x in tl.expressions if x.uri == row.expression), None)
        if len(hits) < limit:
            hits.append(
                Hit(
                    work=row.work,
                    title=tl.title or row.work,
                    expression=row.expression,
                    kind=info.kind if info else "",
                    applies_from=info.applies_from if info else None,
                    lang=row.lang,
                    eid=row.eid,
                    label=row.label,
                    snippet=snippet(row.text, terms, row.lang),
                    pit=pit,
                )
            )
    counts = index_counts(store)
    return SearchResult(
        query,
        terms,
        on,
        lang,
        tuple(hits),
        len(found.rows),
        capped,
        dropped,
        counts.indexed,
        counts.stored,
        status_on,
    )


def named_act(store: Store, query: str) -> WorkRecord | None:
    """The act of ``store`` that ``query`` names when it reads as a citation or
    a URI (:func:`~lexversion.app.resolve.find_work`), else ``None``."""
    try:
        rec, _suffix = find_work(store, query)
    except LexversionError:
        return None
    return rec


def _hit_json(h: Hit) -> dict[str, Any]:
    return {
        "work": h.work,
        "title": h.title,
        "expression": h.expression,
        "expression_kind": h.kind,
        "applies_from": h.applies_from.to_json() if h.applies_from else None,
        "lang": h.lang,
        "eid": h.eid,
        "label": h.label,
        "snippet": "".join(p.text for p in h.snippet),
        "status": h.pit.status if h.pit else None,
        "certainty": h.pit.certainty if h.pit else None,
    }


def result_json(r: SearchResult) -> dict[str, Any]:
    """The object ``lexversion search --format json`` prints for result ``r``:
    the query, its dates (``on``: the wording asked for, ``status_on``: the day
    the statuses are given for), the index counts and the hits, each with its
    act's ``status`` and ``certainty`` on ``status_on``."""
    return {
        "query": r.query,
        "on": iso(r.on),
        "status_on": iso(r.status_on),
        "lang": r.lang,
        "indexed": r.indexed,
        "stored": r.stored,
        "capped": r.capped,
        "dropped": r.dropped,
        "hits": [_hit_json(h) for h in r.hits],
    }


def result_text(r: SearchResult) -> str:
    """The lines ``lexversion search`` prints for result ``r``, in the current
    interface language: a count, then per hit its act, its expression and the
    provision's label (:func:`~lexversion.render.labels.provision_label`, never
    an eId), the wording (with the certainty of its date), the act's status on
    ``r.status_on`` and a snippet, matched words in ``[...]``."""
    n = len(r.hits)
    head = ngettext("%(num)d provision", "%(num)d provisions", n) % {"num": n}
    if r.on:
        head = _("{count} of the wording in force on {day}").format(count=head, day=day(r.on))
        if r.dropped:
            head += " " + _("({count} more in wordings not in force then)").format(count=r.dropped)
    if r.capped:
        head += _("; only the best matches were looked at: add words to narrow the search")
    lines = [head]
    for k, h in enumerate(r.hits, 1):
        af = h.applies_from
        when = (day(af.date) or day(af.earliest) or term("unknown")) if af else term("unknown")
        lines.append(f"{k}. {h.title}")
        lines.append(f"   {h.expression}  {provision_label(h.eid) or h.label}".rstrip())
        lines.append(
            "   "
            + _(
                "{kind}, applies from {day} [{certainty}]; the act on {status_day}: {status}"
            ).format(
                kind=term(h.kind) if h.kind else term("unknown"),
                day=when,
                certainty=term(af.certainty if af else "unknown"),
                status_day=day(r.status_on),
                status=_status(h.pit),
            )
        )
        text = "".join(f"[{p.text}]" if p.hit else p.text for p in h.snippet)
        lines.append(f"   {text}")
    return "\n".join(lines) + "\n"


def _status(pit: PointInTime | None) -> str:
    """The act's status and its certainty in the reader's words ("in force [estimated]")."""
    if pit is None:
        return term("unknown")
    return f"{term(pit.status)} [{term(pit.certainty)}]"


def search_report(
    db: str | Store | None,
    query: str,
    *,
    on: date | None = None,
    lang: str | None = None,
    fmt: str = "text",
) -> tuple[str | dict[str, Any], str | None]:
    """What ``lexversion search`` prints for ``query`` in the store ``db``
    (:func:`search` with ``on`` and ``lang``): the text lines of
    :func:`result_text`, or for ``fmt`` ``json`` the object of
    :func:`result_json`; and a warning when the index does not hold every
    stored text (``None`` when it does). Raises what :func:`search` raises."""
    r = search(store_for(db), query, on=on, lang=lang)
    warning = None
    if r.indexed < r.stored:
        warning = _(
            "the search index holds {indexed} of {stored} texts; "
            "run `lexversion build` to bring it up to date"
        ).format(indexed=r.indexed, stored=r.stored)
    return (result_json(r) if fmt == "json" else result_text(r)), warning
