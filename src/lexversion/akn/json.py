"""Document -> the JSON object of ``schemas/document.schema.json``.

The CLI's ``parse --format json`` prints exactly :func:`document_json`'s
result. Dates are ISO 8601 strings; every event carries ``certainty`` and
``basis`` (DEVELOPERS.md principle 2).
"""

from __future__ import annotations

from typing import Any

from lexversion.akn.frbr import expression_uri, work_uri
from lexversion.model import Block, Document, iso
from lexversion.timeline.events import consolidation_date, document_events


def document_json(doc: Document) -> dict[str, Any]:
    """The parse result as a JSON-ready dict (see the schema for each field)."""
    m = doc.meta
    try:
        frbr: dict[str, str | None] = {
            "work": work_uri(doc.act),
            "expression": expression_uri(doc.act, m.lang, consolidation_date(doc) or m.date),
        }
    except ValueError:
        frbr = {"work": None, "expression": None}
    return {
        "source": doc.source,
        "sha256": doc.sha256,
        "lang": m.lang,
        "title": m.title,
        "act_type": m.act_type,
        "issuer": m.issuer,
        "region": m.region,
        "date": iso(m.date),
        "number": m.number,
        "registration": m.registration.to_json() if m.registration else None,
        "status": m.status,
        "status_label": m.status_label,
        "repealed_by": (
            {
                "issuer": m.repealed_by.issuer,
                "date": iso(m.repealed_by.date),
                "number": m.repealed_by.number,
            }
            if m.repealed_by
            else None
        ),
        "commencement": m.commencement.to_json() if m.commencement else None,
        "in_force": m.in_force.to_json() if m.in_force else None,
        "frbr": frbr,
        "notes": [n.to_json() for n in m.notes],
        "effects": [e.to_json() for e in m.effects],
        "events": [e.to_json() for e in document_events(doc)],
        "citations": [c.to_json() for c in doc.citations],
        "facts": [f.to_json() for f in doc.facts],
        "structure": {
            "preamble": len(doc.preamble),
            "points": len(doc.body.children),
            "conclusions": len(doc.conclusions),
            "attachments": [{"eid": a.eid, "title": a.title} for a in doc.attachments],
            "tables": [_table_json(b) for b in doc.tables()],
        },
        "warnings": list(doc.warnings),
        "repairs": [r.to_json() for r in doc.repairs],
        "joint": [a.to_json() for a in m.joint],
    }


def _table_json(table: Block) -> dict[str, Any]:
    """``{eid, name, rows, columns}`` of a ``table`` block; ``columns`` counts spans."""
    return {
        "eid": table.eid,
        "name": table.name,
        "rows": len(table.rows),
        "columns": max((sum(c.colspan for c in row) for row in table.rows), default=0),
    }
