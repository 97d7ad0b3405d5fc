"""The whole version graph as JSON (``schemas/graph.schema.json``) or Graphviz DOT.

``lexversion graph``: every work (stubs included) with its status on a date,
and every effect between works with the DateFact it takes force on. DOT is
produced with the ``graphviz`` package (it quotes and escapes labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import graphviz

from lexversion.errors import LexversionError
from lexversion.i18n import gettext as _
from lexversion.model import WorkRecord
from lexversion.store.repository import Store
from lexversion.timeline.pit import point_in_time


@dataclass(frozen=True, slots=True)
class WorkStatus:
    """A work of the store with its status on a date (``status`` and its
    ``certainty``, from point-in-time resolution)."""

    work: WorkRecord
    status: str
    certainty: str

    def to_json(self) -> dict[str, Any]:
        """``{frbr_uri, title, issuer, date, number, languages, status, certainty,
        stub, aliases}``: the item of ``lexversion graph``'s ``works``."""
        w = self.work
        return {
            "frbr_uri": w.frbr_uri,
            "title": w.title,
            "issuer": w.issuer,
            "date": w.date.isoformat() if w.date else None,
            "number": w.number,
            "languages": list(w.languages),
            "status": self.status,
            "certainty": self.certainty,
            "stub": w.stub,
            "aliases": list(w.aliases),
        }


def work_rows(store: Store, on: date) -> list[WorkStatus]:
    """Every work of the store (stubs included, ordered by URI) with its status
    on ``on``."""
    rows = []
    for w in store.works():
        pit = point_in_time(store.timeline(w.frbr_uri, cited_by=False), on)
        rows.append(WorkStatus(w, pit.status, pit.certainty))
    return rows


def graph_json(store: Store, on: date) -> dict[str, Any]:
    """``{"as_of", "works": [...], "effects": [...]}`` for the store's whole
    graph on ``on``: :meth:`WorkStatus.to_json` of every work and
    :meth:`~lexversion.model.StoredEffect.to_json` of every effect."""
    return {
        "as_of": on.isoformat(),
        "works": [w.to_json() for w in work_rows(store, on)],
        "effects": [e.to_json() for e in store.effects()],
    }


def _when(fact: dict[str, Any]) -> str:
    if fact["date"]:
        return f"{fact['date']} ({fact['certainty']})"
    if fact["earliest"]:
        return f"{fact['earliest']}..{fact['latest']} ({fact['certainty']})"
    return "date unknown"


def graph_dot(store: Store, on: date) -> str:
    """Graphviz DOT source: works as nodes (stubs dashed), effects as labelled edges."""
    data = graph_json(store, on)
    dot = graphviz.Digraph("lexversion", graph_attr={"rankdir": "LR"}, node_attr={"shape": "box"})
    for w in data["works"]:
        label = f"{w['frbr_uri']}\\n{w['issuer'] or ''} {w['date'] or ''} No {w['number'] or ''}\\n{w['status']} on {on}"
        dot.node(w["frbr_uri"], label, style="dashed" if w["stub"] else "solid")
    for e in data["effects"]:
        dot.edge(e["affecting"], e["affected"], label=f"{e['type']}\\n{_when(e['date'])}")
    return str(dot.source)


def graph_svg(store: Store, on: date) -> bytes:
    """:func:`graph_dot` drawn as SVG by Graphviz's ``dot`` program (the Debian
    package ``graphviz``, which ``scripts/system-deps`` installs). Raises
    :class:`~lexversion.errors.LexversionError` when ``dot`` is not installed."""
    try:
        return bytes(graphviz.Source(graph_dot(store, on)).pipe(format="svg"))
    except graphviz.ExecutableNotFound:
        raise LexversionError(
            _(
                "graph --format svg: Graphviz's dot program is not installed "
                "(scripts/system-deps installs it; --format dot gives the source)"
            )
        ) from None
