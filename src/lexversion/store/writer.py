"""One build's writes, streamed in batches inside one transaction.

A national corpus does not fit in memory as documents and texts (issue 4:
100,000 acts, peak memory at most 1 GB), so a build hands the store its
sources and expressions one by one and the derived graph (works, events,
effects, citations) once:

* sources and expressions are insert-only: a row already stored is never
  overwritten (a changed text of a stored expression is reported as *kept*);
  an expression's applies-from DateFact, which later texts can refine, is
  updated in place;
* works are upserted by FRBR URI; works no longer derived are removed unless
  an expression still refers to them;
* events, effects and citations are fingerprinted (SHA-256 over their rows
  in the graph's deterministic order); an unchanged fingerprint writes
  nothing, a changed one replaces the three tables.

Everything goes through one :class:`~sqlalchemy.orm.Session` transaction
(:meth:`lexversion.store.repository.Store.writer`): a failed or killed build
leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from lexversion.model import ExpressionPlan, ExpressionRecord, Graph, WorkRecord
from lexversion.store.rows import (
    BuildStateRow,
    CitationRow,
    DerivationRow,
    EffectRow,
    EventRow,
    ExpressionRow,
    SourceRow,
    WarningRow,
    WorkRow,
)

BATCH = 500


def _work_values(w: WorkRecord) -> dict[str, Any]:
    return {
        "frbr_uri": w.frbr_uri,
        "act_type": w.act_type,
        "issuer": w.issuer,
        "region": w.region,
        "body": w.body,
        "date": w.date,
        "number": w.number,
        "title": w.title,
        "stub": w.stub,
        "languages": ",".join(w.languages),
        "aliases": ",".join(w.aliases),
    }


def event_rows(g: Graph) -> Iterator[dict[str, Any]]:
    """Rows of the ``events`` table for ``g``."""
    return (
        {
            "work_uri": e.work,
            "type": e.type,
            "earliest": e.date.earliest,
            "latest": e.date.latest,
            "certainty": e.date.certainty,
            "basis": e.date.basis,
            "by_uri": e.by,
            "source": e.source,
            "note": e.note,
        }
        for e in g.events
    )


def effect_rows(g: Graph) -> Iterator[dict[str, Any]]:
    """Rows of the ``effects`` table for ``g``."""
    return (
        {
            "type": r.type,
            "affecting": r.affecting,
            "affected": r.affected,
            "scope": r.scope,
            "pairs": [list(p) for p in r.pairs],
            "if_earliest": r.in_force.earliest,
            "if_latest": r.in_force.latest,
            "if_certainty": r.in_force.certainty,
            "if_basis": r.in_force.basis,
            "source": r.source,
            "text": r.text,
            "applied_in": list(r.applied_in),
            "reversed_in": list(r.reversed_in),
        }
        for r in g.effects
    )


def citation_rows(g: Graph) -> Iterator[dict[str, Any]]:
    """Rows of the ``citations`` table for ``g``."""
    return (
        {
            "source_sha": c.source,
            "citing": c.citing,
            "eid": c.eid,
            "start": c.start,
            "end": c.end,
            "raw_start": c.raw_start,
            "raw_end": c.raw_end,
            "text": c.text,
            "cited": c.cited,
            "method": c.method,
            "score": c.score,
        }
        for c in g.citations
    )


def warning_rows(g: Graph) -> Iterator[dict[str, Any]]:
    """Rows of the ``warnings`` table for ``g``."""
    return (
        {
            "work_uri": w.work,
            "code": w.code,
            "expression": w.expression,
            "source": w.source,
            "params": [list(p) for p in w.params],
        }
        for w in g.warnings
    )


_DERIVED = (
    (EventRow, event_rows),
    (EffectRow, effect_rows),
    (CitationRow, citation_rows),
    (WarningRow, warning_rows),
)


def derived_fingerprint(g: Graph) -> str:
    """SHA-256 over the rows of events, effects and citations of ``g`` in the
    graph's deterministic order (generating its lazy streams once: a planning
    failure in them surfaces here, before anything is written)."""
    digest = hashlib.sha256()
    for model, rows in _DERIVED:
        digest.update(model.__tablename__.encode())
        for r in rows(g):
            digest.update(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False).encode())
    return digest.hexdigest()


class GraphWriter:
    """Batched writes of one build inside the session's transaction."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.inserted: dict[str, int] = {}
        self.updated: dict[str, int] = {}
        self.deleted: dict[str, int] = {}
        self.kept: list[str] = []
        self._sources: list[dict[str, Any]] = []
        self._fresh_sources: set[str] = set()
        self.derivation: str | None = None
        self._exprs: list[ExpressionRecord] = []

    def _count(self, table: dict[str, int], name: str, n: int) -> None:
        if n:
            table[name] = table.get(name, 0) + n

    # -- sources ------------------------------------------------------------------
    def add_source(self, sha256: str, name: str, lang: str, data: bytes) -> None:
        """Keep a corpus file byte for byte (insert-only, by SHA-256)."""
        self._sources.append({"sha256": sha256, "name": name, "lang": lang, "data": data})
        if len(self._sources) >= BATCH:
            self._flush_sources()

    def forget_source(self, sha256: str) -> None:
        """Do not keep corpus file ``sha256`` after all (a file the build skipped
        once planning found it unusable): dropped from the buffer, or deleted
        when this build inserted it (a source an earlier build stored stays)."""
        self._sources = [b for b in self._sources if b["sha256"] != sha256]
        if sha256 in self._fresh_sources:
            self.s.execute(delete(SourceRow).where(SourceRow.sha256 == sha256))
            self._fresh_sources.discard(sha256)
            self._count(self.inserted, "sources", -1)

    def source_bytes(self, sha256: str) -> bytes | None:
        """The bytes of corpus file ``sha256`` as this build keeps them (this
        build's or an earlier one's), or ``None``."""
        self._flush_sources()
        data: bytes | None = self.s.scalar(select(SourceRow.data).where(SourceRow.sha256 == sha256))
        return data

    def _flush_sources(self) -> None:
        batch, self._sources = self._sources, []
        if not batch:
            return
        shas = [b["sha256"] for b in batch]
        have = set(self.s.scalars(select(SourceRow.sha256).where(SourceRow.sha256.in_(shas))))
        fresh = {b["sha256"]: b for b in batch if b["sha256"] not in have}
        if fresh:
            self.s.execute(insert(SourceRow), list(fresh.values()))
            self._fresh_sources.update(fresh)
        self._count(self.inserted, "sources", len(fresh))

    # -- works ----------------------------------------------------------------------
    def put_works(self, works: Iterable[WorkRecord]) -> None:
        """Insert new works and update changed ones (before any expression)."""
        self._flush_sources()
        cols = [c for c in WorkRow.__table__.columns]
        existing = {row[0]: tuple(row) for row in self.s.execute(select(*cols))}
        fresh, changed = [], []
        for w in works:
            values = _work_values(w)
            row = tuple(values[c.name] for c in cols)
            old = existing.get(w.frbr_uri)
            if old is None:
                fresh.append(values)
            elif old != row:
                changed.append(values)
        for k in range(0, len(fresh), BATCH):
            self.s.execute(insert(WorkRow), fresh[k : k + BATCH])
        for values in changed:
            self.s.execute(
                update(WorkRow).where(WorkRow.frbr_uri == values["frbr_uri"]).values(**values)
            )
        self._count(self.inserted, "works", len(fresh))
        self._count(self.updated, "works", len(changed))

    def drop_works_not_in(self, wanted: set[str]) -> None:
        """Remove works the graph no longer derives, unless an expression refers to them."""
        self.flush()
        stored = set(self.s.scalars(select(WorkRow.frbr_uri)))
        referenced = set(self.s.scalars(select(ExpressionRow.work_uri).distinct()))
        gone = sorted(stored - wanted - referenced)
        for k in range(0, len(gone), BATCH):
            self.s.execute(delete(WorkRow).where(WorkRow.frbr_uri.in_(gone[k : k + BATCH])))
        self._count(self.deleted, "works", len(gone))

    # -- derivation -------------------------------------------------------------------
    def set_derivation(self, fingerprint: str, description: dict[str, Any]) -> None:
        """The tools this build derives texts with (issue 16): ``fingerprint``
        and its ``description`` (:class:`lexversion.parse.provenance.Derivation`)
        go to ``derivations`` once; every expression written is marked with the
        fingerprint, and a stored expression marked otherwise is derived again."""
        self.derivation = fingerprint
        if self.s.get(DerivationRow, fingerprint) is None:
            blob = json.dumps(description, sort_keys=True, ensure_ascii=False)
            self.s.execute(insert(DerivationRow).values(fingerprint=fingerprint, description=blob))
            self._count(self.inserted, "derivations", 1)

    def _rederived(self, stored: str | None) -> bool:
        """Whether a text stored with derivation ``stored`` is derived again now."""
        return self.derivation is not None and stored != self.derivation

    def _replace_text(self, x: ExpressionRecord) -> None:
        """Store ``x``'s text, derived anew, in place of the stored one; its rows
        in the search index go, for the next sync to index it again."""
        self.s.execute(
            update(ExpressionRow)
            .where(ExpressionRow.uri == x.uri)
            .values(akn=x.akn, derivation=self.derivation, effects=list(x.effects))
        )
        self.s.execute(text("DELETE FROM provision_search WHERE expression = :u"), {"u": x.uri})
        self.s.execute(text("DELETE FROM search_expressions WHERE uri = :u"), {"u": x.uri})
        self._count(self.updated, "expressions", 1)

    # -- expressions ------------------------------------------------------------------
    def add_expression(self, x: ExpressionRecord) -> None:
        """Insert an expression unless stored; refresh its applies-from DateFact."""
        self._exprs.append(x)
        if len(self._exprs) >= BATCH // 5:
            self._flush_expressions()

    def _flush_expressions(self) -> None:
        batch, self._exprs = self._exprs, []
        if not batch:
            return
        uris = [x.uri for x in batch]
        rows = self.s.execute(
            select(
                ExpressionRow.uri,
                ExpressionRow.akn,
                ExpressionRow.af_earliest,
                ExpressionRow.af_latest,
                ExpressionRow.af_certainty,
                ExpressionRow.af_basis,
                ExpressionRow.derivation,
                ExpressionRow.source_sha,
            ).where(ExpressionRow.uri.in_(uris))
        ).all()
        stored = {r[0]: r for r in rows}
        fresh: dict[str, dict[str, Any]] = {}
        for x in batch:
            af = x.applies_from
            old = stored.get(x.uri)
            if old is None:
                fresh[x.uri] = {
                    "uri": x.uri,
                    "work_uri": x.work,
                    "lang": x.lang,
                    "date": x.date,
                    "kind": x.kind,
                    "af_earliest": af.earliest,
                    "af_latest": af.latest,
                    "af_certainty": af.certainty,
                    "af_basis": af.basis,
                    "effects": list(x.effects),
                    "akn": x.akn,
                    "source_sha": x.source,
                    "derivation": self.derivation,
                }
                continue
            if self._rederived(old[6]) and old[7] == x.source:
                self._replace_text(x)
            elif old[1] != x.akn:
                self.kept.append(x.uri)
            if tuple(old[2:6]) != (af.earliest, af.latest, af.certainty, af.basis):
                self.s.execute(
                    update(ExpressionRow)
                    .where(ExpressionRow.uri == x.uri)
                    .values(
                        af_earliest=af.earliest,
                        af_latest=af.latest,
                        af_certainty=af.certainty,
                        af_basis=af.basis,
                    )
                )
                self._count(self.updated, "expressions", 1)
        if fresh:
            self.s.execute(insert(ExpressionRow), list(fresh.values()))
        self._count(self.inserted, "expressions", len(fresh))

    def stored(self, plans: Iterable[ExpressionPlan]) -> set[str]:
        """URIs of ``plans`` already stored from the same source text by the same
        derivation (their text cannot change: expressions are insert-only, and
        the tools are those that built them); their applies-from DateFact is
        refreshed here, so the caller need not render them again. A text built
        by other tools (:meth:`set_derivation`) is not among them: the caller
        renders it again and :meth:`add_expression` replaces it."""
        self.flush()
        wanted = {p.uri: p for p in plans}
        uris = list(wanted)
        done: set[str] = set()
        for k in range(0, len(uris), BATCH):
            rows = self.s.execute(
                select(
                    ExpressionRow.uri,
                    ExpressionRow.source_sha,
                    ExpressionRow.af_earliest,
                    ExpressionRow.af_latest,
                    ExpressionRow.af_certainty,
                    ExpressionRow.af_basis,
                    ExpressionRow.derivation,
                ).where(ExpressionRow.uri.in_(uris[k : k + BATCH]))
            ).all()
            for uri, sha, *af, derivation in rows:
                plan = wanted[uri]
                if sha != plan.sha256 or self._rederived(derivation):
                    continue
                done.add(uri)
                new = plan.applies_from
                if tuple(af) != (new.earliest, new.latest, new.certainty, new.basis):
                    self.s.execute(
                        update(ExpressionRow)
                        .where(ExpressionRow.uri == uri)
                        .values(
                            af_earliest=new.earliest,
                            af_latest=new.latest,
                            af_certainty=new.certainty,
                            af_basis=new.basis,
                        )
                    )
                    self._count(self.updated, "expressions", 1)
        return done

    # -- derived graph ------------------------------------------------------------------
    def put_derived(self, g: Graph, fingerprint: str | None = None) -> None:
        """Make events, effects and citations those of ``g`` (nothing written when
        their fingerprint matches the stored one). Rows are generated twice,
        never held: once for the fingerprint (:func:`derived_fingerprint`, or
        ``fingerprint`` when the caller computed it), once to insert."""
        fingerprint = fingerprint or derived_fingerprint(g)
        stored = self.s.scalar(select(BuildStateRow.value).where(BuildStateRow.key == "derived"))
        if stored == fingerprint:
            return
        for model, rows in _DERIVED:
            name = model.__tablename__
            gone = self.s.scalar(select(func.count()).select_from(model)) or 0
            self.s.execute(delete(model))
            batch: list[dict[str, Any]] = []
            n = 0
            for r in rows(g):
                batch.append(r)
                if len(batch) >= BATCH:
                    self.s.execute(insert(model), batch)
                    n += len(batch)
                    batch = []
            if batch:
                self.s.execute(insert(model), batch)
                n += len(batch)
            self._count(self.deleted, name, gone)
            self._count(self.inserted, name, n)
        if stored is None:
            self.s.execute(insert(BuildStateRow).values(key="derived", value=fingerprint))
        else:
            self.s.execute(
                update(BuildStateRow)
                .where(BuildStateRow.key == "derived")
                .values(value=fingerprint)
            )

    def flush(self) -> None:
        """Send buffered sources and expressions."""
        self._flush_sources()
        self._flush_expressions()
