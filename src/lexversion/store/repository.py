"""Read and write the version graph (SQLAlchemy 2.0; any database URL).

``open_store(url)`` opens (and creates) the store: ``url`` or the
``LEXVERSION_DB`` environment variable or ``sqlite:///lexversion.db``.
``Store.write`` replaces the derived graph (works, events, effects,
citations) by the one given, touching only rows that differ, and inserts
sources and expressions that are new (an expression's text is rewritten
only when a build derives it otherwise; :mod:`lexversion.store.writer`); all in
one transaction, so a failed build leaves the store as it was and running a
build twice changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    func,
    inspect,
    select,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from lexversion.errors import NotFound, StoreError
from lexversion.i18n import gettext as _
from lexversion.model import (
    DateFact,
    EffectDetail,
    ExpressionInfo,
    Graph,
    HistoryEntry,
    StoredCitation,
    StoredEffect,
    WarningRecord,
    WorkRecord,
    WorkTimeline,
)
from lexversion.store.engines import (
    BUILD_LOCK,
    WRITE,
    make_engine,
    migrate,
)
from lexversion.store.graphrows import warning_record
from lexversion.store.rows import (
    BuildInputRow,
    BuildStateRow,
    CitationRow,
    EffectRow,
    EventRow,
    ExpressionRow,
    SourceRow,
    WarningRow,
    WorkRow,
)
from lexversion.store.writer import GraphWriter

DEFAULT_URL = "sqlite:///lexversion.db"


def resolve_url(url: str | None) -> str:
    """The store URL: ``url``, else ``$LEXVERSION_DB``, else :data:`DEFAULT_URL`."""
    return url or os.environ.get("LEXVERSION_DB") or DEFAULT_URL


@dataclass(frozen=True)
class SourceFile:
    """A corpus file to keep byte for byte."""

    sha256: str
    name: str
    lang: str
    data: bytes


@dataclass(frozen=True)
class WriteReport:
    """Rows written by one ``Store.write``: inserted, updated, deleted per table."""

    inserted: dict[str, int]
    updated: dict[str, int]
    deleted: dict[str, int]
    kept: list[str]

    @property
    def changed(self) -> bool:
        """True when any row was written."""
        return (
            any(self.inserted.values()) or any(self.updated.values()) or any(self.deleted.values())
        )


def _fact(earliest: date | None, latest: date | None, certainty: str, basis: str) -> DateFact:
    return DateFact(earliest, latest, certainty, basis)  # type: ignore[arg-type]


def _work_rec(r: Any) -> WorkRecord:
    """The record of a work's row (an ORM ``WorkRow`` or a Core row of its table)."""
    return WorkRecord(
        r.frbr_uri,
        r.act_type,
        r.issuer,
        r.region,
        r.body,
        r.date,
        r.number,
        r.title,
        r.stub,
        tuple(x for x in r.languages.split(",") if x),
        tuple(x for x in r.aliases.split(",") if x),
    )


#: the statement of Store.work: the work's row by URI
_WORK = select(WorkRow.__table__).where(WorkRow.__table__.c.frbr_uri == bindparam("uri"))
#: the work a joint act's other URI is an alias of (Store.work)
_ALIAS = select(WorkRow.__table__).where(WorkRow.__table__.c.aliases.contains(bindparam("uri")))

_KINDS = (
    "adoption",
    "entry_into_force",
    "application",
    "repeal",
    "retroactive_application",
    "in_force_evidence",
)
#: an act's own events of one day in the order they happen (a decision in force
#: "from registration" is registered, then in force, then put into effect);
#: other events and effects of that day follow, by type
_LIFECYCLE = {
    "adoption": 0,
    "registration": 1,
    "publication": 2,
    "entry_into_force": 3,
    "application": 4,
}
#: the statements of Store.timeline: work + dated events (in their order, ``seq``), expressions, citing works
_TIMELINE = (
    select(
        WorkRow.title,
        WorkRow.stub,
        WorkRow.languages,
        EventRow.type,
        EventRow.earliest,
        EventRow.latest,
        EventRow.certainty,
        EventRow.basis,
        EventRow.by_uri,
    )
    .select_from(WorkRow)
    .outerjoin(EventRow, and_(EventRow.work_uri == WorkRow.frbr_uri, EventRow.type.in_(_KINDS)))
    .where(WorkRow.frbr_uri == bindparam("uri"))
    .order_by(EventRow.seq),
    select(
        ExpressionRow.uri,
        ExpressionRow.lang,
        ExpressionRow.kind,
        ExpressionRow.date,
        ExpressionRow.af_earliest,
        ExpressionRow.af_latest,
        ExpressionRow.af_certainty,
        ExpressionRow.af_basis,
        ExpressionRow.effects,
    ).where(ExpressionRow.work_uri == bindparam("uri")),
    select(CitationRow.citing).where(CitationRow.cited == bindparam("uri")),
)

#: the statements of Store.history: the work's events (in their order, ``seq``); effects it has or undergoes
_HISTORY = (
    select(
        EventRow.earliest,
        EventRow.latest,
        EventRow.certainty,
        EventRow.basis,
        EventRow.type,
        EventRow.by_uri,
        EventRow.note,
    )
    .where(EventRow.work_uri == bindparam("uri"))
    .order_by(EventRow.seq),
    select(
        EffectRow.if_earliest,
        EffectRow.if_latest,
        EffectRow.if_certainty,
        EffectRow.if_basis,
        EffectRow.type,
        EffectRow.affecting,
        EffectRow.affected,
        EffectRow.scope,
        EffectRow.pairs,
        EffectRow.applied_in,
        EffectRow.reversed_in,
    ).where((EffectRow.affecting == bindparam("uri")) | (EffectRow.affected == bindparam("uri"))),
)
#: the statement of Store.citations_of, in the order stored (text order)
_CITATIONS_OF = (
    select(
        CitationRow.eid,
        CitationRow.text,
        CitationRow.cited,
        CitationRow.raw_start,
        CitationRow.raw_end,
        CitationRow.method,
        CitationRow.score,
    )
    .where(CitationRow.citing == bindparam("uri"))
    .order_by(CitationRow.id)
)
#: the statement of Store.expression_akn
_EXPRESSION_AKN = select(ExpressionRow.akn).where(ExpressionRow.uri == bindparam("uri"))
#: the statement of Store.works_by_uri: the rows of a set of URIs
_WORKS_IN = select(WorkRow.__table__).where(
    WorkRow.__table__.c.frbr_uri.in_(bindparam("uris", expanding=True))
)


class Store:
    """The version graph in a database.

    A store made by :func:`open_store` reads each method's answer on a
    connection of its own; the store :meth:`snapshot` yields reads every
    answer on one connection inside one transaction, so that several answers
    (a page's title, dates and text) all come from the same build.
    """

    def __init__(self, engine: Engine, conn: Connection | None = None) -> None:
        self.engine = engine
        self._conn = conn

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A connection to read on: the snapshot's own, else a new one from the
        pool (returned when the block ends)."""
        if self._conn is not None:
            yield self._conn
            return
        with self.engine.connect() as conn:
            yield conn

    def _session(self) -> Session:
        return Session(self._conn if self._conn is not None else self.engine)

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """This store as one consistent state: a :class:`Store` whose reads all
        run on one connection in one read transaction, ended (rolled back)
        when the block ends, so that a build committing meanwhile is either
        wholly seen or not at all.

        SQLite: an explicit ``BEGIN`` (pysqlite starts no transaction for a
        ``SELECT``), whose snapshot is taken at the first read (in WAL mode a
        reader never waits for a writer; SQLite docs, "Isolation In SQLite").
        PostgreSQL: ``REPEATABLE READ``, one snapshot from the first statement
        (PostgreSQL docs, 13.2.2). Other databases: their default isolation in
        one transaction. Inside a snapshot, ``snapshot()`` yields the same store.
        Raises :class:`sqlalchemy.exc.SQLAlchemyError` when the database cannot
        be reached.
        """
        if self._conn is not None:
            yield self
            return
        with self.engine.connect() as conn, self.snapshot_on(conn) as snap:
            yield snap

    @contextmanager
    def snapshot_on(self, conn: Connection) -> Iterator[Store]:
        """:meth:`snapshot` on ``conn``, a connection of this store's engine the
        caller holds open (a server's thread keeps one: checking a connection
        out of the pool and back in cost a third of an answer from memo); its
        read transaction is rolled back when the block ends, the connection
        stays open. Raises what :meth:`snapshot` raises."""
        name = conn.dialect.name
        if name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        tx = conn.begin()
        if name == "sqlite" and not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
            conn.exec_driver_sql("BEGIN")  # an engine without make_engine's recipe
        try:
            yield Store(self.engine, conn)
        finally:
            tx.rollback()

    # -- writing ------------------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[GraphWriter]:
        """A :class:`~lexversion.store.writer.GraphWriter` inside one transaction:
        committed when the block ends, rolled back (store unchanged) when it
        raises. The transaction takes the build lock first (:meth:`_lock`): a
        second build at the same time raises :class:`StoreError` "another build
        is running" instead of racing this one. Database errors become
        :class:`StoreError`."""
        where = self.engine.url.render_as_string(hide_password=True)
        try:
            with Session(self.engine.execution_options(**{WRITE: True})) as s, s.begin():
                self._lock(s, where)
                w = GraphWriter(s)
                yield w
                w.flush()
                w.mark_written()
        except SQLAlchemyError as exc:
            first = str(exc).splitlines()[0]
            raise StoreError(f"store {where}: {exc.__class__.__name__}: {first}") from exc

    def _lock(self, s: Session, where: str) -> None:
        """Take the build lock of the store for the transaction of ``s``: SQLite's
        write lock (``BEGIN IMMEDIATE``, waiting up to the driver's 5 s busy
        timeout), a PostgreSQL transaction-level advisory lock (not waiting).
        Raises :class:`StoreError` (exit 4) when another build holds it."""
        busy = StoreError(
            f"store {where}: another build is running (it holds the store's write "
            "lock); run this one when it has finished"
        )
        try:
            if self.engine.dialect.name == "postgresql":
                if not s.scalar(select(func.pg_try_advisory_xact_lock(BUILD_LOCK))):
                    raise busy
            else:
                s.connection()  # SQLite: BEGIN IMMEDIATE, the write lock
        except OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise busy from exc
            raise

    def write(self, graph: Graph, sources: Sequence[SourceFile]) -> WriteReport:
        """Make the store hold ``graph`` (with its rendered expressions) and
        ``sources``, in one transaction; raises :class:`StoreError` on database
        errors, leaving the store unchanged."""
        with self.writer() as w:
            for src in sources:
                w.add_source(src.sha256, src.name, src.lang, src.data)
            w.put_works(graph.works.values())
            for x in graph.expressions:
                w.add_expression(x)
            w.put_derived(graph)
            w.drop_works_not_in(set(graph.works))
        return WriteReport(w.inserted, w.updated, w.deleted, w.kept)

    # -- reading ------------------------------------------------------------------
    def works(self) -> list[WorkRecord]:
        """Every work, stubs included, ordered by URI."""
        with self._session() as s:
            return [_work_rec(r) for r in s.scalars(select(WorkRow).order_by(WorkRow.frbr_uri))]

    def work(self, uri: str) -> WorkRecord:
        """The work with FRBR URI ``uri`` (or with ``uri`` among its aliases: a joint
        act's other half); raises :class:`NotFound`. One prepared
        Core statement (:data:`_WORK`): every page and API answer asks this
        first, and the ORM's identity map cost more than the query."""
        with self.connection() as conn:
            row = conn.execute(_WORK, {"uri": uri}).first()
            if row is None:  # a joint act's other half resolves to the work (:data:`_ALIAS`)
                rows = conn.execute(_ALIAS, {"uri": uri}).all()
                row = next((r for r in rows if uri in r.aliases.split(",")), None)
        if row is None:
            raise NotFound(
                _("no work {uri} in the store (run 'lexversion build' first?)").format(uri=uri)
            )
        return _work_rec(row)

    def works_by_uri(self, uris: Iterable[str]) -> dict[str, WorkRecord]:
        """The stored works among ``uris``, by URI (a URI the store lacks is not a
        key): one Core statement (:data:`_WORKS_IN`) for what a page mentions,
        instead of a query per work."""
        wanted = sorted(set(uris))
        if not wanted:
            return {}
        with self.connection() as conn:
            rows = conn.execute(_WORKS_IN, {"uris": wanted}).all()
        return {r.frbr_uri: _work_rec(r) for r in rows}

    def timeline(self, uri: str, *, cited_by: bool = True) -> WorkTimeline:
        """What point-in-time resolution needs about work ``uri``: the work with
        its dated events (one joined query) and its expressions (a second),
        texts not loaded; ``cited_by`` adds a third query for the works citing
        it. The statements are built once (:data:`_TIMELINE`): building them is
        what costs, not running them. Raises :class:`NotFound`."""
        with self.connection() as conn:
            rows = conn.execute(_TIMELINE[0], {"uri": uri}).all()
            if not rows:
                raise NotFound(
                    _("no work {uri} in the store (run 'lexversion build' first?)").format(uri=uri)
                )
            w = rows[0]
            events: list[tuple[str, date | None, date | None, str, str, str | None]] = [
                (r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows if r[3] is not None
            ]
            exprs = conn.execute(_TIMELINE[1], {"uri": uri}).all()
            citing = sorted(set(conn.scalars(_TIMELINE[2], {"uri": uri}))) if cited_by else []
        first: dict[str, tuple[DateFact, str | None]] = {}
        for kind, earliest, latest, certainty, basis, by in sorted(
            events, key=lambda e: (e[1] or date.max, e[0])
        ):
            first.setdefault(kind, (_fact(earliest, latest, certainty, basis), by))
        repeal = first.get("repeal")
        force = first["entry_into_force"][0] if "entry_into_force" in first else None
        applies = first["application"][0] if "application" in first else None
        return WorkTimeline(
            work=uri,
            title=w.title,
            stub=w.stub,
            languages=tuple(x for x in w.languages.split(",") if x),
            adoption=first["adoption"][0] if "adoption" in first else None,
            commencement=applies or force or DateFact.unknown("no entry-into-force event"),
            in_force=force if applies is not None else None,
            repeal=repeal[0] if repeal else None,
            repealed_by=repeal[1] if repeal else None,
            expressions=tuple(
                ExpressionInfo(
                    x[0], x[1], x[2], x[3], _fact(x[4], x[5], x[6], x[7]), tuple(x[8] or ())
                )
                for x in exprs
            ),
            cited_by=tuple(citing),
            retroactive=(
                first["retroactive_application"][0] if "retroactive_application" in first else None
            ),
            in_force_evidence=tuple(
                sorted(
                    {_fact(e[1], e[2], e[3], e[4]) for e in events if e[0] == "in_force_evidence"},
                    key=lambda f: (f.earliest or date.min, f.basis),
                )
            ),
        )

    def expression_akn(self, uri: str) -> bytes:
        """The AKN XML of expression ``uri``; raises :class:`NotFound`."""
        with self.connection() as conn:
            akn = conn.scalar(_EXPRESSION_AKN, {"uri": uri})
        if akn is None:
            raise NotFound(_("no expression {uri} in the store").format(uri=uri))
        return akn

    def history(self, uri: str) -> list[HistoryEntry]:
        """Events on work ``uri`` and effects it has on others or others have on
        it, in date order (earliest day, unknown dates last; on one day the
        act's own events in lifecycle order, :data:`_LIFECYCLE`, then by type).

        An event's ``detail`` is its note, an effect's an :class:`EffectDetail`;
        ``HistoryEntry.to_json()`` is the item ``lexversion history --format
        json`` prints. Raises :class:`NotFound` for an unknown work.
        """
        self.work(uri)
        with self.connection() as conn:
            events = conn.execute(_HISTORY[0], {"uri": uri}).all()
            effects = conn.execute(_HISTORY[1], {"uri": uri}).all()
        out = [HistoryEntry(_fact(*e[:4]), e.type, e.by_uri, uri, e.note) for e in events]
        for r in effects:
            detail = EffectDetail(
                r.scope,
                tuple((old, new) for old, new in r.pairs),
                tuple(r.applied_in),
                tuple(r.reversed_in),
            )
            f = _fact(*r[:4])
            out.append(HistoryEntry(f, f"effect:{r.type}", r.affecting, r.affected, detail))
        out.sort(
            key=lambda h: (
                h.date.earliest is None,
                h.date.earliest or date.min,
                _LIFECYCLE.get(h.type, len(_LIFECYCLE)),
                h.type,
            )
        )
        return out

    def effects(self) -> list[StoredEffect]:
        """Every effect between works, ordered by affected work, type and
        affecting work (``StoredEffect.to_json()`` is the item of ``lexversion
        graph``'s ``effects``)."""
        with self._session() as s:
            rows = s.scalars(
                select(EffectRow).order_by(EffectRow.affected, EffectRow.type, EffectRow.affecting)
            )
            return [
                StoredEffect(
                    r.type,
                    r.affecting,
                    r.affected,
                    r.scope,
                    _fact(r.if_earliest, r.if_latest, r.if_certainty, r.if_basis),
                    tuple(r.applied_in or ()),
                )
                for r in rows
            ]

    def citations_of(self, uri: str) -> list[StoredCitation]:
        """Citations made by work ``uri``'s texts, in the order they were
        stored (text order); empty for an unknown work."""
        with self.connection() as conn:
            rows = conn.execute(_CITATIONS_OF, {"uri": uri}).all()
        return [StoredCitation(*r) for r in rows]

    def warnings(self, uri: str) -> list[WarningRecord]:
        """What the last build found doubtful about work ``uri``'s texts
        (copies, conflicts, effects the text disagrees with, texts lacking a
        change; :class:`WarningRecord`), in the order it found them; empty
        for an unknown work."""
        with self._session() as s:
            rows = s.scalars(
                select(WarningRow).where(WarningRow.work_uri == uri).order_by(WarningRow.id)
            )
            return [warning_record(r) for r in rows]

    def sources_of(self, expression: str) -> list[str]:
        """The names of the corpus files expression ``expression`` was stored
        from: the text rendered, then its copies (``duplicate_text``
        warnings), each file once; empty for an unknown expression."""
        with self._session() as s:
            first = s.scalar(
                select(ExpressionRow.source_sha).where(ExpressionRow.uri == expression)
            )
            copies = s.scalars(
                select(WarningRow.source)
                .where(WarningRow.expression == expression, WarningRow.code == "duplicate_text")
                .order_by(WarningRow.id)
            )
            shas = [x for x in dict.fromkeys([first, *copies]) if x]
            rows = s.execute(
                select(SourceRow.sha256, SourceRow.name).where(SourceRow.sha256.in_(shas))
            ).all()
            names = {sha: name for sha, name in rows}
        return [names[x] for x in shas if x in names]

    def generation(self) -> tuple[str | None, int, int, str | None]:
        """A value that changes whenever a build changes what the store holds:
        (the last build's derived-graph fingerprint, joined by ``:`` to its
        corpus fingerprint when it kept one, :mod:`lexversion.app.incremental`:
        a text rewritten in place changes the latter; ``None`` before any
        build; the number of works; the number of expressions; the number of
        write transactions that changed a row,
        :meth:`~lexversion.store.writer.GraphWriter.mark_written`, which changes
        even when the rest does not).

        Five small queries on one connection; raises
        :class:`sqlalchemy.exc.SQLAlchemyError` when the database cannot be read.
        """
        with self.connection() as conn:
            writes = conn.scalar(select(BuildStateRow.value).where(BuildStateRow.key == "writes"))
            derived = conn.scalar(select(BuildStateRow.value).where(BuildStateRow.key == "derived"))
            corpus = conn.scalar(select(BuildInputRow.value).where(BuildInputRow.key == "corpus"))
            works = conn.scalar(select(func.count()).select_from(WorkRow))
            exprs = conn.scalar(select(func.count()).select_from(ExpressionRow))
        if derived is not None and corpus is not None:
            derived = f"{derived}:{corpus.strip(chr(34))}"
        return (derived, int(works or 0), int(exprs or 0), writes)


def _no_store(target: str) -> StoreError:
    return StoreError(
        _("no store at {target}: build one first (lexversion build DIR --db {target})").format(
            target=target
        )
    )


def _holds_a_store(engine: Engine) -> bool:
    """Whether the database of ``engine`` holds a store (its tables, whatever
    their schema revision)."""
    with engine.connect() as conn:
        return inspect(conn).has_table("works")


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open the store at ``url`` (see :func:`resolve_url`), bringing its schema
    to the newest revision.

    With ``create`` (what ``build`` does) a missing store is created; without
    it (every read-only command and the web app) nothing is created: a
    missing SQLite file or a database without the store's tables raises
    :class:`StoreError` naming the URL and the ``build`` command. Raises
    :class:`StoreError` too when the URL is malformed or the database cannot
    be reached.
    """
    target = resolve_url(url)
    try:
        if target.startswith("sqlite:///") and not target.startswith("sqlite:///:memory:"):
            path = Path(target.removeprefix("sqlite:///"))
            if not create and not path.is_file():
                raise _no_store(target)
            if path.parent and not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(target)
        if not create and not _holds_a_store(engine):
            raise _no_store(target)
        migrate(engine)
    except (SQLAlchemyError, ValueError, OSError) as exc:
        raise StoreError(
            _("cannot open store {target}: {why}").format(
                target=target, why=str(exc).splitlines()[0]
            )
        ) from exc
    return Store(engine)
