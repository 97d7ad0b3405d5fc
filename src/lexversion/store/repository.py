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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lexversion.errors import NotFound, StoreError
from lexversion.graph import Graph, WorkRecord
from lexversion.model import DateFact
from lexversion.store.rows import (
    CitationRow,
    EffectRow,
    EventRow,
    ExpressionRow,
    SourceRow,
    WorkRow,
)
from lexversion.timeline.pit import ExpressionInfo, WorkTimeline

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


class Store:
    """The version graph in a database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- writing ------------------------------------------------------------------
    def write(self, graph: Graph, sources: Sequence[SourceFile]) -> WriteReport:
        """Make the store hold ``graph``; raises :class:`StoreError` on database errors."""
        ins: dict[str, int] = {}
        upd: dict[str, int] = {}
        dele: dict[str, int] = {}
        kept: list[str] = []
        try:
            with Session(self.engine) as s, s.begin():
                have = set(s.scalars(select(SourceRow.sha256)))
                for src in sources:
                    if src.sha256 not in have:
                        s.add(
                            SourceRow(
                                sha256=src.sha256, name=src.name, lang=src.lang, data=src.data
                            )
                        )
                        ins["sources"] = ins.get("sources", 0) + 1
                # works: upsert by URI, delete those no longer derived
                want = {w.frbr_uri: w for w in graph.works.values()}
                rows = {r.frbr_uri: r for r in s.scalars(select(WorkRow))}
                for uri, w in want.items():
                    values = dict(
                        act_type=w.act_type,
                        issuer=w.issuer,
                        region=w.region,
                        body=w.body,
                        date=w.date,
                        number=w.number,
                        title=w.title,
                        stub=w.stub,
                        languages=",".join(w.languages),
                    )
                    row = rows.get(uri)
                    if row is None:
                        s.add(WorkRow(frbr_uri=uri, **values))
                        ins["works"] = ins.get("works", 0) + 1
                    elif any(getattr(row, k) != v for k, v in values.items()):
                        for k, v in values.items():
                            setattr(row, k, v)
                        upd["works"] = upd.get("works", 0) + 1
                s.flush()
                # expressions: insert-only
                known = {
                    r.uri: r.akn
                    for r in s.execute(select(ExpressionRow.uri, ExpressionRow.akn)).all()
                }
                for x in graph.expressions:
                    if x.uri in known:
                        if known[x.uri] != x.akn:
                            kept.append(x.uri)
                        continue
                    af = x.applies_from
                    s.add(
                        ExpressionRow(
                            uri=x.uri,
                            work_uri=x.work,
                            lang=x.lang,
                            date=x.date,
                            kind=x.kind,
                            af_earliest=af.earliest,
                            af_latest=af.latest,
                            af_certainty=af.certainty,
                            af_basis=af.basis,
                            effects=list(x.effects),
                            akn=x.akn,
                            source_sha=x.source,
                        )
                    )
                    ins["expressions"] = ins.get("expressions", 0) + 1
                self._sync(s, EventRow, _event_rows(graph), ins, dele)
                self._sync(s, EffectRow, _effect_rows(graph), ins, dele)
                self._sync(s, CitationRow, _citation_rows(graph), ins, dele)
                for uri, row in rows.items():
                    if uri not in want and not s.scalar(
                        select(ExpressionRow.uri).where(ExpressionRow.work_uri == uri).limit(1)
                    ):
                        s.delete(row)
                        dele["works"] = dele.get("works", 0) + 1
        except SQLAlchemyError as exc:
            raise StoreError(
                f"store {self.engine.url.render_as_string(hide_password=True)}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}"
            ) from exc
        return WriteReport(ins, upd, dele, kept)

    @staticmethod
    def _sync(
        s: Session,
        model: Any,
        wanted: list[dict[str, Any]],
        ins: dict[str, int],
        dele: dict[str, int],
    ) -> None:
        """Make ``model``'s table hold exactly ``wanted`` (compared without ids)."""
        table = model.__tablename__
        cols = [c.name for c in model.__table__.columns if c.name != "id"]

        def key(d: dict[str, Any]) -> str:
            return repr([d.get(c) for c in cols])

        existing = {key({c: getattr(r, c) for c in cols}): r for r in s.scalars(select(model))}
        target = {key(d): d for d in wanted}
        for k, r in existing.items():
            if k not in target:
                s.delete(r)
                dele[table] = dele.get(table, 0) + 1
        s.flush()
        for k, d in target.items():
            if k not in existing:
                s.add(model(**d))
                ins[table] = ins.get(table, 0) + 1

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

    def timeline(self, uri: str) -> WorkTimeline:
        """What point-in-time resolution needs about work ``uri``."""
        w = self.work(uri)
        with Session(self.engine) as s:
            events = list(s.scalars(select(EventRow).where(EventRow.work_uri == uri)))
            exprs = list(s.scalars(select(ExpressionRow).where(ExpressionRow.work_uri == uri)))
            cited_by = sorted(
                set(s.scalars(select(CitationRow.citing).where(CitationRow.cited == uri)))
            )

        def first(kind: str) -> EventRow | None:
            hits = sorted(
                (e for e in events if e.type == kind), key=lambda e: e.earliest or date.max
            )
            return hits[0] if hits else None

        adoption = first("adoption")
        commencement = first("entry_into_force")
        repeal = first("repeal")
        retro = first("retroactive_application")
        return WorkTimeline(
            work=uri,
            title=w.title,
            stub=w.stub,
            languages=w.languages,
            adoption=_fact(adoption.earliest, adoption.latest, adoption.certainty, adoption.basis)
            if adoption
            else None,
            commencement=(
                _fact(
                    commencement.earliest,
                    commencement.latest,
                    commencement.certainty,
                    commencement.basis,
                )
                if commencement
                else DateFact.unknown("no entry-into-force event")
            ),
            repeal=_fact(repeal.earliest, repeal.latest, repeal.certainty, repeal.basis)
            if repeal
            else None,
            repealed_by=repeal.by_uri if repeal else None,
            expressions=tuple(
                ExpressionInfo(
                    x.uri,
                    x.lang,
                    x.kind,
                    x.date,
                    _fact(x.af_earliest, x.af_latest, x.af_certainty, x.af_basis),
                    tuple(x.effects or ()),
                )
                for x in exprs
            ),
            cited_by=tuple(cited_by),
            retroactive=(
                _fact(retro.earliest, retro.latest, retro.certainty, retro.basis) if retro else None
            ),
        )

    def expression_akn(self, uri: str) -> bytes:
        """The AKN XML of expression ``uri``; raises :class:`NotFound`."""
        with Session(self.engine) as s:
            akn = s.scalar(select(ExpressionRow.akn).where(ExpressionRow.uri == uri))
        if akn is None:
            raise NotFound(f"no expression {uri} in the store")
        return akn

    def history(self, uri: str) -> list[dict[str, Any]]:
        """Events on work ``uri`` and effects it has on others, in date order.

        Each item: ``{date, earliest, latest, certainty, basis, type, by, on, detail}``.
        """
        self.work(uri)
        out: list[dict[str, Any]] = []
        with Session(self.engine) as s:
            for e in s.scalars(select(EventRow).where(EventRow.work_uri == uri)):
                f = _fact(e.earliest, e.latest, e.certainty, e.basis).to_json()
                out.append({**f, "type": e.type, "by": e.by_uri, "on": uri, "detail": e.note})
            for r in s.scalars(
                select(EffectRow).where((EffectRow.affecting == uri) | (EffectRow.affected == uri))
            ):
                f = _fact(r.if_earliest, r.if_latest, r.if_certainty, r.if_basis).to_json()
                out.append(
                    {
                        **f,
                        "type": f"effect:{r.type}",
                        "by": r.affecting,
                        "on": r.affected,
                        "detail": {
                            "scope": r.scope,
                            "pairs": r.pairs,
                            "applied_in": r.applied_in,
                            "reversed_in": r.reversed_in,
                        },
                    }
                )
        out.sort(key=lambda d: (d["earliest"] is None, d["earliest"] or "", str(d["type"])))
        return out

    def effects(self) -> list[dict[str, Any]]:
        """Every effect: ``{type, affecting, affected, scope, date (DateFact JSON), applied_in}``."""
        with Session(self.engine) as s:
            rows = s.scalars(
                select(EffectRow).order_by(EffectRow.affected, EffectRow.type, EffectRow.affecting)
            )
            return [
                {
                    "type": r.type,
                    "affecting": r.affecting,
                    "affected": r.affected,
                    "scope": r.scope,
                    "date": _fact(r.if_earliest, r.if_latest, r.if_certainty, r.if_basis).to_json(),
                    "applied_in": list(r.applied_in or ()),
                }
                for r in rows
            ]

    def citations_of(self, uri: str) -> list[dict[str, Any]]:
        """Citations made by work ``uri``'s texts: ``{eid, text, cited, raw_span}``."""
        with Session(self.engine) as s:
            rows = s.scalars(
                select(CitationRow).where(CitationRow.citing == uri).order_by(CitationRow.id)
            )
            return [
                {
                    "eid": r.eid,
                    "text": r.text,
                    "cited": r.cited,
                    "raw_span": [r.raw_start, r.raw_end],
                    "method": r.method,
                    "score": r.score,
                }
                for r in rows
            ]


def _event_rows(g: Graph) -> list[dict[str, Any]]:
    return [
        dict(
            work_uri=e.work,
            type=e.type,
            earliest=e.date.earliest,
            latest=e.date.latest,
            certainty=e.date.certainty,
            basis=e.date.basis,
            by_uri=e.by,
            source=e.source,
            note=e.note,
        )
        for e in g.events
    ]


def _effect_rows(g: Graph) -> list[dict[str, Any]]:
    return [
        dict(
            type=r.type,
            affecting=r.affecting,
            affected=r.affected,
            scope=r.scope,
            pairs=[list(p) for p in r.pairs],
            if_earliest=r.in_force.earliest,
            if_latest=r.in_force.latest,
            if_certainty=r.in_force.certainty,
            if_basis=r.in_force.basis,
            source=r.source,
            text=r.text,
            applied_in=list(r.applied_in),
            reversed_in=list(r.reversed_in),
        )
        for r in g.effects
    ]


def _citation_rows(g: Graph) -> list[dict[str, Any]]:
    return [
        dict(
            source_sha=c.source,
            citing=c.citing,
            eid=c.eid,
            start=c.start,
            end=c.end,
            raw_start=c.raw_start,
            raw_end=c.raw_end,
            text=c.text,
            cited=c.cited,
            method=c.method,
            score=c.score,
        )
        for c in g.citations
    ]


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
                command.stamp(cfg, "0002" if "method" in columns else "0001")
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
