"""Read and write the version graph (SQLAlchemy 2.0; any database URL).

``open_store(url)`` opens (and creates) the store: ``url`` or the
``LEXVERSION_DB`` environment variable or ``sqlite:///lexversion.db``.
``Store.write`` replaces the derived graph (works, events, effects,
citations) by the one given, touching only rows that differ, and inserts
sources and expressions that are new (expressions are insert-only); all in
one transaction, so a failed build leaves the store as it was and running a
build twice changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, bindparam, create_engine, event, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lexversion.errors import NotFound, StoreError
from lexversion.model import (
    DateFact,
    EffectDetail,
    ExpressionInfo,
    Graph,
    HistoryEntry,
    StoredCitation,
    StoredEffect,
    WorkRecord,
    WorkTimeline,
)
from lexversion.store.rows import (
    BuildStateRow,
    CitationRow,
    EffectRow,
    EventRow,
    ExpressionRow,
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


def _work_rec(r: WorkRow) -> WorkRecord:
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
    )


_KINDS = ("adoption", "entry_into_force", "repeal", "retroactive_application", "in_force_evidence")
#: the statements of Store.timeline: work + dated events, expressions, citing works
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
    .where(WorkRow.frbr_uri == bindparam("uri")),
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


class Store:
    """The version graph in a database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- writing ------------------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[GraphWriter]:
        """A :class:`~lexversion.store.writer.GraphWriter` inside one transaction:
        committed when the block ends, rolled back (store unchanged) when it
        raises. Database errors become :class:`StoreError`."""
        try:
            with Session(self.engine) as s, s.begin():
                w = GraphWriter(s)
                yield w
                w.flush()
        except SQLAlchemyError as exc:
            first = str(exc).splitlines()[0]
            where = self.engine.url.render_as_string(hide_password=True)
            raise StoreError(f"store {where}: {exc.__class__.__name__}: {first}") from exc

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
        with Session(self.engine) as s:
            return [_work_rec(r) for r in s.scalars(select(WorkRow).order_by(WorkRow.frbr_uri))]

    def work(self, uri: str) -> WorkRecord:
        """The work with FRBR URI ``uri``; raises :class:`NotFound`."""
        with Session(self.engine) as s:
            row = s.get(WorkRow, uri)
            if row is None:
                raise NotFound(f"no work {uri} in the store (run 'lexversion build' first?)")
            return _work_rec(row)

    def timeline(self, uri: str, *, cited_by: bool = True) -> WorkTimeline:
        """What point-in-time resolution needs about work ``uri``: the work with
        its dated events (one joined query) and its expressions (a second),
        texts not loaded; ``cited_by`` adds a third query for the works citing
        it. The statements are built once (:data:`_TIMELINE`): building them is
        what costs, not running them. Raises :class:`NotFound`."""
        with self.engine.connect() as conn:
            rows = conn.execute(_TIMELINE[0], {"uri": uri}).all()
            if not rows:
                raise NotFound(f"no work {uri} in the store (run 'lexversion build' first?)")
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
        return WorkTimeline(
            work=uri,
            title=w.title,
            stub=w.stub,
            languages=tuple(x for x in w.languages.split(",") if x),
            adoption=first["adoption"][0] if "adoption" in first else None,
            commencement=(
                first["entry_into_force"][0]
                if "entry_into_force" in first
                else DateFact.unknown("no entry-into-force event")
            ),
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
        with Session(self.engine) as s:
            akn = s.scalar(select(ExpressionRow.akn).where(ExpressionRow.uri == uri))
        if akn is None:
            raise NotFound(f"no expression {uri} in the store")
        return akn

    def history(self, uri: str) -> list[HistoryEntry]:
        """Events on work ``uri`` and effects it has on others or others have on
        it, in date order (earliest day, unknown dates last, then type).

        An event's ``detail`` is its note, an effect's an :class:`EffectDetail`;
        ``HistoryEntry.to_json()`` is the item ``lexversion history --format
        json`` prints. Raises :class:`NotFound` for an unknown work.
        """
        self.work(uri)
        out: list[HistoryEntry] = []
        with Session(self.engine) as s:
            for e in s.scalars(select(EventRow).where(EventRow.work_uri == uri)):
                f = _fact(e.earliest, e.latest, e.certainty, e.basis)
                out.append(HistoryEntry(f, e.type, e.by_uri, uri, e.note))
            for r in s.scalars(
                select(EffectRow).where((EffectRow.affecting == uri) | (EffectRow.affected == uri))
            ):
                detail = EffectDetail(
                    r.scope,
                    tuple((old, new) for old, new in r.pairs),
                    tuple(r.applied_in),
                    tuple(r.reversed_in),
                )
                f = _fact(r.if_earliest, r.if_latest, r.if_certainty, r.if_basis)
                out.append(HistoryEntry(f, f"effect:{r.type}", r.affecting, r.affected, detail))
        out.sort(key=lambda h: (h.date.earliest is None, h.date.earliest or date.min, h.type))
        return out

    def effects(self) -> list[StoredEffect]:
        """Every effect between works, ordered by affected work, type and
        affecting work (``StoredEffect.to_json()`` is the item of ``lexversion
        graph``'s ``effects``)."""
        with Session(self.engine) as s:
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
        with Session(self.engine) as s:
            rows = s.scalars(
                select(CitationRow).where(CitationRow.citing == uri).order_by(CitationRow.id)
            )
            return [
                StoredCitation(r.eid, r.text, r.cited, r.raw_start, r.raw_end, r.method, r.score)
                for r in rows
            ]

    def generation(self) -> tuple[str | None, int, int]:
        """A value that changes whenever a build changes what the store holds:
        (the last build's derived-graph fingerprint, ``None`` before any build;
        the number of works; the number of expressions, which are insert-only).

        Three small queries on one connection; raises
        :class:`sqlalchemy.exc.SQLAlchemyError` when the database cannot be read.
        """
        with self.engine.connect() as conn:
            derived = conn.scalar(select(BuildStateRow.value).where(BuildStateRow.key == "derived"))
            works = conn.scalar(select(func.count()).select_from(WorkRow))
            exprs = conn.scalar(select(func.count()).select_from(ExpressionRow))
        return (derived, int(works or 0), int(exprs or 0))


MIGRATIONS = "lexversion.store:migrations"


def migrate(engine: Engine) -> str | None:
    """Bring the store's schema to the newest Alembic revision; return the
    revision it was at (``None`` for an empty database). A store already at
    the head is left untouched (no DDL, no lock)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
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


def open_store(url: str | None = None) -> Store:
    """Open (creating tables if needed) the store at ``url`` (see :func:`resolve_url`).

    Raises :class:`StoreError` when the URL is malformed or the database
    cannot be reached.
    """
    target = resolve_url(url)
    try:
        if target.startswith("sqlite:///") and not target.startswith("sqlite:///:memory:"):
            path = Path(target.removeprefix("sqlite:///"))
            if path.parent and not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(target)
        if engine.dialect.name == "sqlite":

            @event.listens_for(engine, "connect")
            def _pragmas(conn: Any, _record: Any) -> None:
                cur = conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.close()

        migrate(engine)
    except (SQLAlchemyError, ValueError, OSError) as exc:
        raise StoreError(f"cannot open store {target}: {str(exc).splitlines()[0]}") from exc
    return Store(engine)
