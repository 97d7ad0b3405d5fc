"""One build's writes, streamed in batches inside one transaction.

A national corpus does not fit in memory as documents and texts (issue 4:
100,000 acts, peak memory at most 1 GB), so a build hands the store its
sources and expressions one by one and the derived graph (works, events,
effects, citations) once:

* sources are kept by SHA-256 with the summary their parse gave (issue 15:
  a build does not parse again a file whose bytes the store holds); a source
  that leaves the corpus (``build --prune``) goes with its summary;
* an expression is inserted once and rewritten only when the build derives
  it otherwise (another source, other tools, refined applies-from DateFact);
  expressions the build no longer plans are removed;
* works are upserted by FRBR URI; works no longer derived are removed unless
  an expression still refers to them;
* events, effects and citations are fingerprinted (SHA-256 over their rows
  in the graph's deterministic order); an unchanged fingerprint writes
  nothing, a changed one replaces the groups of rows that changed
  (:mod:`lexversion.store.derived`).

Everything goes through one :class:`~sqlalchemy.orm.Session` transaction
(:meth:`lexversion.store.repository.Store.writer`): a failed or killed build
leaves the store as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Text, cast, delete, func, insert, select, update
from sqlalchemy.orm import Session

from lexversion.model import ExpressionPlan, ExpressionRecord, Graph, WarningRecord, WorkRecord
from lexversion.store.derived import (
    GroupPatch,
    GroupWrite,
    deleted_rows,
    patch_group,
    updated_fingerprint,
    write_groups,
)
from lexversion.store.filestats import FileStats
from lexversion.store.graphrows import (
    DERIVED_TABLES,
    derived_fingerprint,
    warning_record,
    work_values,
)
from lexversion.store.keys import PlanKeys
from lexversion.store.rows import (
    BuildInputRow,
    BuildStateRow,
    CitationRow,
    DerivationRow,
    EffectRow,
    EventRow,
    ExpressionRow,
    SourceRow,
    SummaryRow,
    WarningRow,
    WorkRow,
)
from lexversion.store.searchrows import drop_indexed

BATCH = 500


class GraphWriter:
    """Batched writes of one build inside the session's transaction."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.inserted: dict[str, int] = {}
        self.updated: dict[str, int] = {}
        self.deleted: dict[str, int] = {}
        self.kept: list[str] = []
        self._sources: list[dict[str, Any]] = []
        self._summaries: dict[str, dict[str, Any]] = {}  # put, not yet sent: by SHA-256
        self._fresh_sources: set[str] = set()
        self.derivation: str | None = None
        self._exprs: list[ExpressionRecord] = []
        #: the keys selective planning follows (issue 15)
        self.keys = PlanKeys(session)
        #: what the last builds saw of their files (issue 15: a cache, not counted as writes)
        self.stats = FileStats(session)

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
        once planning found it unusable): dropped from the buffer, and its row
        and summary deleted (a fresh build of the corpus would not hold them)."""
        self._sources = [b for b in self._sources if b["sha256"] != sha256]
        self.drop_sources([sha256])

    def drop_sources(self, shas: Iterable[str]) -> None:
        """Delete the sources ``shas`` and their summaries (those stored)."""
        self._flush_sources()
        self._flush_summaries()
        gone = sorted(shas)
        for k in range(0, len(gone), BATCH):
            part = gone[k : k + BATCH]
            n = deleted_rows(self.s.execute(delete(SourceRow).where(SourceRow.sha256.in_(part))))
            self.s.execute(delete(SummaryRow).where(SummaryRow.sha256.in_(part)))
            fresh = self._fresh_sources & set(part)
            self._fresh_sources -= fresh
            self._count(self.inserted, "sources", -len(fresh))
            self._count(self.deleted, "sources", n - len(fresh))

    def source_names(self) -> dict[str, str]:
        """The stored sources: file name by SHA-256."""
        self._flush_sources()
        # Core rows on the session's connection: the ORM's result machinery cost
        # more than the read, for every source (issue 15)
        q = select(SourceRow.sha256, SourceRow.name)
        return {sha: name for sha, name in self.s.connection().execute(q)}

    def rename_source(self, sha256: str, name: str) -> None:
        """Record ``name`` as the file name of stored source ``sha256``."""
        self.s.execute(update(SourceRow).where(SourceRow.sha256 == sha256).values(name=name))
        self._count(self.updated, "sources", 1)

    def source_data(self, sha256: str) -> bytes:
        """The bytes of stored source ``sha256``."""
        self._flush_sources()
        return bytes(self.s.scalar(select(SourceRow.data).where(SourceRow.sha256 == sha256)) or b"")

    # -- summaries (issue 15) -------------------------------------------------------------
    def summarized(self) -> set[str]:
        """SHA-256 of the sources whose summary this build's derivation made."""
        self._flush_summaries()
        q = select(SummaryRow.sha256).where(SummaryRow.derivation == self.derivation)
        return set(self.s.scalars(q))

    def put_summary(
        self, sha256: str, blob: bytes, warnings: Sequence[str], error: str | None = None
    ) -> None:
        """Keep the pickled summary ``blob`` of source ``sha256`` and its parse
        ``warnings``, or the ``error`` its parse failed with (``blob`` empty),
        made by this build's derivation (replacing another's). Sent :data:`BATCH`
        at a time (a statement per summary was 186 s of a 100,000-act build);
        every read of the summaries sends those put first."""
        self._summaries.pop(sha256, None)  # a summary put again goes last, as it was written
        self._summaries[sha256] = {
            "sha256": sha256,
            "derivation": self.derivation,
            "data": blob,
            "error": error,
            "warnings": list(warnings),
        }
        if len(self._summaries) >= BATCH:
            self._flush_summaries()

    def _flush_summaries(self) -> None:
        """Send the summaries put since the last send: those stored of their
        sources deleted, then inserted in the order put."""
        batch, self._summaries = list(self._summaries.values()), {}
        if not batch:
            return
        self.s.execute(
            delete(SummaryRow).where(SummaryRow.sha256.in_([b["sha256"] for b in batch]))
        )
        self.s.execute(insert(SummaryRow), batch)

    def summaries(self, shas: Sequence[str]) -> Iterator[tuple[str, bytes, list[str]]]:
        """(SHA-256, pickled summary, warnings) of sources ``shas`` that have a
        summary (not those whose parse failed), in batches."""
        self._flush_summaries()
        for k in range(0, len(shas), BATCH):
            q = select(SummaryRow.sha256, SummaryRow.data, SummaryRow.warnings)
            q = q.where(SummaryRow.sha256.in_(shas[k : k + BATCH]), SummaryRow.error.is_(None))
            for sha, blob, warnings in self.s.execute(q):
                yield sha, bytes(blob), list(warnings)

    def summarized_in(self, shas: Sequence[str]) -> set[str]:
        """The texts of ``shas`` that have a summary (their parse did not fail).
        One scan of ``ix_summaries_state`` (migration 0012), not a lookup per
        text: it is asked of the whole corpus (issue 15)."""
        self._flush_summaries()
        wanted = set(shas)
        q = select(SummaryRow.sha256).where(SummaryRow.error.is_(None))
        return {sha for sha in self.s.scalars(q) if sha in wanted}

    def parse_errors(self, shas: Sequence[str]) -> dict[str, str]:
        """The errors of the texts ``shas`` whose parse failed, by SHA-256 (from
        ``ix_summaries_state``: the failed texts are read, not every text asked)."""
        self._flush_summaries()
        wanted = set(shas)
        q = select(SummaryRow.sha256, SummaryRow.error).where(SummaryRow.error.is_not(None))
        return {sha: str(error) for sha, error in self.s.execute(q) if sha in wanted}

    def drop_summaries_not_in(self, shas: set[str]) -> None:
        """Delete the summaries (and parse errors) of texts not in ``shas``."""
        self._flush_summaries()
        gone = sorted(set(self.s.scalars(select(SummaryRow.sha256))) - shas)
        for k in range(0, len(gone), BATCH):
            self.s.execute(delete(SummaryRow).where(SummaryRow.sha256.in_(gone[k : k + BATCH])))

    def parse_warnings(self, shas: Sequence[str]) -> Iterator[tuple[str, str]]:
        """(SHA-256, warning) of the parses of sources ``shas``, in SHA-256 order.
        Asked of more than :data:`BATCH` texts (a build of a whole directory),
        the rows that have warnings are read in one query and the rest never
        leaves the database (issue 15: a lookup per text took seconds at
        100,000); else a lookup per text."""
        self._flush_summaries()
        cols = (SummaryRow.sha256, SummaryRow.warnings)
        if len(shas) > BATCH:
            wanted = set(shas)
            q = select(*cols).where(cast(SummaryRow.warnings, Text) != "[]")
            found = [r for r in self.s.connection().execute(q) if r[0] in wanted]
        else:
            found = list(
                self.s.connection().execute(select(*cols).where(SummaryRow.sha256.in_(shas)))
            )
        for sha, warnings in sorted(found):
            yield from ((sha, x) for x in warnings)

    def tallies(self) -> dict[str, int]:
        """The stored graph's size: works (not stubs), stubs, expressions,
        effects and citations."""
        n = {
            "works": select(func.count()).where(WorkRow.stub.is_(False)),
            "stubs": select(func.count()).where(WorkRow.stub.is_(True)),
            "expressions": select(func.count()).select_from(ExpressionRow),
            "effects": select(func.count()).select_from(EffectRow),
            "citations": select(func.count()).select_from(CitationRow),
        }
        return {k: int(self.s.scalar(q) or 0) for k, q in n.items()}

    # -- build inputs -----------------------------------------------------------------
    def get_input(self, key: str) -> Any:
        """The JSON value the last build kept under ``key`` (``None``: none)."""
        value = self.s.scalar(select(BuildInputRow.value).where(BuildInputRow.key == key))
        return None if value is None else json.loads(value)

    def set_input(self, key: str, value: Any) -> None:
        """Keep ``value`` (JSON) under ``key`` for the next build (``None``: none)."""
        self.s.execute(delete(BuildInputRow).where(BuildInputRow.key == key))
        if value is None:
            return
        blob = json.dumps(value, sort_keys=True, ensure_ascii=False)
        self.s.execute(insert(BuildInputRow).values(key=key, value=blob))

    def stored_warnings(self) -> list[WarningRecord]:
        """The graph's warnings about texts as the store holds them, in the
        order they were written."""
        return [
            warning_record(r) for r in self.s.scalars(select(WarningRow).order_by(WarningRow.id))
        ]

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
        works = list(works)
        uris = [w.frbr_uri for w in works]
        existing: dict[str, tuple[Any, ...]] = {}
        for k in range(0, len(uris), BATCH):  # those given only: a selective build gives a few
            q = select(*cols).where(WorkRow.frbr_uri.in_(uris[k : k + BATCH]))
            existing.update((row[0], tuple(row)) for row in self.s.execute(q))
        fresh, changed = [], []
        for w in works:
            values = work_values(w)
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

    def _values(self, x: ExpressionRecord) -> dict[str, Any]:
        """The row of expression ``x`` as this build derives it."""
        af = x.applies_from
        return {
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
            "timing": x.timing,
        }

    # -- expressions ------------------------------------------------------------------
    def add_expression(self, x: ExpressionRecord) -> None:
        """Insert an expression, or make the stored row of its URI the one this
        build derives (a text derived anew, from another source or by other
        tools, replaces the stored one: a build's result is that of a fresh
        build of its corpus, issue 15)."""
        self._exprs.append(x)
        if len(self._exprs) >= BATCH // 5:
            self._flush_expressions()

    def _flush_expressions(self) -> None:
        batch, self._exprs = self._exprs, []
        if not batch:
            return
        cols = [c for c in ExpressionRow.__table__.columns]
        uris = [x.uri for x in batch]
        stored = {
            r[0]: dict(zip([c.name for c in cols], r, strict=True))
            for r in self.s.execute(select(*cols).where(ExpressionRow.uri.in_(uris)))
        }
        fresh: dict[str, dict[str, Any]] = {}
        for x in batch:
            values = self._values(x)
            old = stored.get(x.uri)
            if old is None:
                fresh[x.uri] = values
            elif old != values:
                self.s.execute(
                    update(ExpressionRow).where(ExpressionRow.uri == x.uri).values(values)
                )
                if old["akn"] != values["akn"]:
                    self._unindex([x.uri])
                self._count(self.updated, "expressions", 1)
        if fresh:
            self.s.execute(insert(ExpressionRow), list(fresh.values()))
        self._count(self.inserted, "expressions", len(fresh))

    def _unindex(self, uris: list[str]) -> None:
        """Drop the search index rows of expressions ``uris`` (the next sync
        indexes them again), by :func:`lexversion.store.searchrows.drop_indexed`."""
        drop_indexed(self.s, uris)

    def stored(self, plans: Iterable[ExpressionPlan]) -> set[str]:
        """URIs of ``plans`` already stored as planned (same work, language, date,
        kind and effects), from the same source text by the same derivation
        (their text cannot change) and stating the same graph dates in their
        lifecycle (:attr:`ExpressionPlan.timing`: the sidecar or another text
        may have dated an amending act anew); their applies-from DateFact is refreshed
        here, so the caller need not render them again. A text built from
        another source or by other tools (:meth:`set_derivation`) is not among
        them: the caller renders it again and :meth:`add_expression` replaces it."""
        self.flush()
        wanted = {p.uri: p for p in plans}
        uris = list(wanted)
        done: set[str] = set()
        cols = [c for c in ExpressionRow.__table__.columns if c.name != "akn"]
        for k in range(0, len(uris), BATCH):
            rows = self.s.execute(select(*cols).where(ExpressionRow.uri.in_(uris[k : k + BATCH])))
            for row in rows.mappings():
                plan = wanted[row["uri"]]
                same = (row["work_uri"], row["lang"], row["date"], row["kind"], row["effects"])
                if (
                    row["source_sha"] != plan.sha256
                    or self._rederived(row["derivation"])
                    or same != (plan.work, plan.lang, plan.date, plan.kind, list(plan.effects))
                    or row["timing"] != plan.timing
                ):
                    continue
                done.add(plan.uri)
                new = plan.applies_from
                af = (row["af_earliest"], row["af_latest"], row["af_certainty"], row["af_basis"])
                if af != (new.earliest, new.latest, new.certainty, new.basis):
                    self.s.execute(
                        update(ExpressionRow)
                        .where(ExpressionRow.uri == plan.uri)
                        .values(
                            af_earliest=new.earliest,
                            af_latest=new.latest,
                            af_certainty=new.certainty,
                            af_basis=new.basis,
                        )
                    )
                    self._count(self.updated, "expressions", 1)
        return done

    def drop_expressions_not_in(self, wanted: set[str]) -> None:
        """Remove stored expressions the build no longer plans (their texts left
        the corpus, or the graph derives other expressions from them)."""
        self.flush()
        gone = sorted(set(self.s.scalars(select(ExpressionRow.uri))) - wanted)
        for k in range(0, len(gone), BATCH):
            self.s.execute(delete(ExpressionRow).where(ExpressionRow.uri.in_(gone[k : k + BATCH])))
        self._unindex(gone)
        self._count(self.deleted, "expressions", len(gone))

    # -- derived graph ------------------------------------------------------------------
    def put_derived(self, g: Graph, fingerprint: str | None = None) -> None:
        """Make events, effects, citations and warnings those of ``g`` (nothing written when
        their fingerprint matches the stored one; else only the groups that
        changed, :func:`lexversion.store.derived.write_groups`). Rows are
        generated, never held: for the fingerprint (:func:`derived_fingerprint`,
        or ``fingerprint`` when the caller computed it), per table for the group
        digests and again to insert."""
        fingerprint = fingerprint or derived_fingerprint(g)
        if self._derived_state() == fingerprint:
            return
        for table in DERIVED_TABLES:
            self._wrote(table.name, write_groups(self.s, table, g))
        self._set_derived_state(fingerprint)

    def put_derived_in(
        self,
        g: Graph,
        scope: set[str],
        events: Callable[[], Iterable[dict[str, Any]]] | None = None,
        in_place: Mapping[str, Sequence[dict[str, Any]]] | None = None,
        patches: Sequence[GroupPatch] = (),
    ) -> None:
        """Make the groups ``scope`` (works planned again) of events, effects,
        citations and warnings those of ``g`` (selective planning: ``g`` is the
        graph of part of the corpus), keeping every other group as stored;
        ``events``: the events' rows (with their ``seq``), when the caller merged some
        (:func:`lexversion.graph.touch.merge_evidence`); ``in_place``: the
        stored event rows (:meth:`stored_events`) of works whose events are
        updated row by row (:func:`lexversion.store.derived.write_groups`);
        ``patches``: event groups changed by a few rows instead
        (:func:`lexversion.store.derived.patch_group`, a cut hub's evidence)."""
        kept, delta = self._derived_state(), 0
        patched = {p.key for p in patches}
        for table in DERIVED_TABLES:
            ev = table.name == "events"
            rows, places = (events, in_place) if ev else (None, None)
            done = write_groups(self.s, table, g, scope - patched if ev else scope, rows, places)
            self._wrote(table.name, done)
            delta += done.delta
            for patch in patches if table.name == "events" else ():
                done = patch_group(self.s, table, patch)
                self._wrote(table.name, done)
                delta += done.delta
        self._set_derived_state(updated_fingerprint(self.s, kept, delta))

    def stored_events(self, works: Sequence[str]) -> Iterator[dict[str, Any]]:
        """The stored event rows of ``works`` (every column but the id), each
        work's in its order (``seq``, :mod:`lexversion.store.eventseq`)."""
        cols = [c for c in EventRow.__table__.columns if c.name != "id"]
        for k in range(0, len(works), BATCH):
            q = select(*cols).where(EventRow.work_uri.in_(works[k : k + BATCH]))
            for row in self.s.execute(q.order_by(EventRow.work_uri, EventRow.seq)).mappings():
                yield dict(row)

    def _wrote(self, name: str, done: GroupWrite) -> None:
        self._count(self.deleted, name, done.deleted)
        self._count(self.inserted, name, done.inserted)

    def _derived_state(self) -> str | None:
        return self.s.scalar(select(BuildStateRow.value).where(BuildStateRow.key == "derived"))

    def _set_derived_state(self, fingerprint: str) -> None:
        self.s.execute(delete(BuildStateRow).where(BuildStateRow.key == "derived"))
        self.s.execute(insert(BuildStateRow).values(key="derived", value=fingerprint))

    def drop_expressions_of(self, works: set[str], wanted: set[str]) -> None:
        """Remove the stored expressions of ``works`` the build no longer plans (``wanted``)."""
        self.flush()
        ws, gone = sorted(works), []
        for k in range(0, len(ws), BATCH):
            q = select(ExpressionRow.uri).where(ExpressionRow.work_uri.in_(ws[k : k + BATCH]))
            gone += [u for u in self.s.scalars(q) if u not in wanted]
        gone.sort()
        for k in range(0, len(gone), BATCH):
            self.s.execute(delete(ExpressionRow).where(ExpressionRow.uri.in_(gone[k : k + BATCH])))
        self._unindex(gone)
        self._count(self.deleted, "expressions", len(gone))

    def drop_works_of(self, works: set[str], wanted: set[str]) -> None:
        """Remove the works of ``works`` not in ``wanted`` unless an expression refers to them."""
        self.flush()
        cand = sorted(works - wanted)
        gone = []
        for k in range(0, len(cand), BATCH):
            part = cand[k : k + BATCH]
            q = select(ExpressionRow.work_uri).where(ExpressionRow.work_uri.in_(part)).distinct()
            referenced = set(self.s.scalars(q))
            gone += [u for u in part if u not in referenced]
        for k in range(0, len(gone), BATCH):
            self.s.execute(delete(WorkRow).where(WorkRow.frbr_uri.in_(gone[k : k + BATCH])))
        self.keys.drop(gone)
        self._count(self.deleted, "works", len(gone))

    def mark_written(self) -> None:
        """Count this transaction in ``build_state``'s ``writes`` (a number kept as
        text) when it changed any row: :meth:`lexversion.store.repository.Store.generation`
        reads it, so that every write that changes what the store holds gives a new
        generation, also one that leaves the fingerprints and counts as they were
        (the server's per-generation memo, its ETags). Call it after :meth:`flush`."""
        if not any(n for d in (self.inserted, self.updated, self.deleted) for n in d.values()):
            return
        stored = self.s.scalar(select(BuildStateRow.value).where(BuildStateRow.key == "writes"))
        if stored is None:
            self.s.execute(insert(BuildStateRow).values(key="writes", value="1"))
        else:
            self.s.execute(
                update(BuildStateRow)
                .where(BuildStateRow.key == "writes")
                .values(value=str(int(stored) + 1))
            )

    def flush(self) -> None:
        """Send buffered sources, summaries and expressions."""
        self._flush_sources()
        self._flush_summaries()
        self._flush_expressions()
