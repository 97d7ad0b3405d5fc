"""Parsed document -> :class:`~lexversion.model.records.DocSummary`: what the
graph needs of a corpus text, small and picklable (issue 4)."""

from __future__ import annotations

from lexversion.model import Document
from lexversion.model.records import DocSummary


def summarize(d: Document) -> DocSummary:
    """The :class:`DocSummary` of a parsed document."""
    m = d.meta
    return DocSummary(
        d.sha256,
        d.source,
        m.lang,
        d.act,
        m.commencement,
        m.registration.date if m.registration else None,
        m.publication,
        m.retroactive_from,
        m.effects,
        d.facts,
        d.citations,
        bool(d.attachments),
        d.mismatches,
        m.in_force,
    )


__all__ = ["summarize"]
