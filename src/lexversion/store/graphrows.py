"""The graph's records as rows of the store's tables: works, and the derived
tables (events, effects, citations, warnings) with the fingerprint over them.

Takes :class:`~lexversion.model.Graph` and its records and returns plain
``dict`` rows in the graph's deterministic order, the values
:class:`~lexversion.store.writer.GraphWriter` inserts and
:mod:`lexversion.store.derived` digests (ARCHITECTURE.md: a build's derived
rows are fingerprinted, an unchanged fingerprint writes nothing). Pure
functions: no session, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lexversion.model import Graph, WarningRecord, WorkRecord
from lexversion.store.derived import derived_tables, digests_fingerprint, group_digests
from lexversion.store.eventseq import with_seq
from lexversion.store.rows import WarningRow


def work_values(w: WorkRecord) -> dict[str, Any]:
    """The ``works`` row of ``w`` (languages and aliases comma-joined)."""
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


def warning_record(r: WarningRow) -> WarningRecord:
    """The :class:`WarningRecord` a ``warnings`` row holds (the inverse of
    :func:`warning_rows`)."""
    return WarningRecord(
        r.work_uri, r.code, r.expression, r.source, tuple((str(k), str(v)) for k, v in r.params)
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


def ordered_event_rows(g: Graph) -> Iterator[dict[str, Any]]:
    """Rows of the ``events`` table for ``g``, each with its ``seq``
    (:func:`lexversion.store.eventseq.with_seq`)."""
    return with_seq(event_rows(g))


#: the derived tables, each with its row stream of a graph
DERIVED_TABLES = derived_tables(ordered_event_rows, effect_rows, citation_rows, warning_rows)


def derived_fingerprint(g: Graph) -> str:
    """The fingerprint of the derived rows of ``g`` (events, effects, citations and
    warnings): SHA-256 over each group's digest
    (:func:`lexversion.store.derived.digests_fingerprint`), the value
    :func:`lexversion.store.derived.stored_fingerprint` gives of a store
    holding them, however many builds wrote them. Generates the graph's lazy
    streams once: a planning failure in them surfaces here, before anything is
    written."""
    return digests_fingerprint({t.name: group_digests(t, g) for t in DERIVED_TABLES})
