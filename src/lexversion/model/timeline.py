"""Values of point in time: a work's timeline and the answer for one date.

ARCHITECTURE.md ("Point in time"). :mod:`lexversion.store` reads a
:class:`WorkTimeline` per work, :func:`lexversion.timeline.pit.point_in_time`
answers with a :class:`PointInTime` (the object ``show --format json`` prints,
``schemas/show.schema.json``). Frozen dataclasses, no behaviour beyond JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lexversion.model.dates import DateFact, iso


@dataclass(frozen=True)
class ExpressionInfo:
    """An expression's identity and the DateFact it applies from."""

    uri: str
    lang: str
    kind: str
    date: date | None
    applies_from: DateFact
    effects: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkTimeline:
    """What point-in-time needs to know about one work.

    ``commencement`` is the day the act applies from (is put into effect:
    "қолданысқа енгізіледі", "вводится в действие"), its text in force from
    then; ``in_force`` its entry into force ("күшіне енеді", "вступает в
    силу") when the text states it apart, else ``None`` (one rule dates both).
    """

    work: str
    title: str | None
    stub: bool
    languages: tuple[str, ...]
    adoption: DateFact | None
    commencement: DateFact
    repeal: DateFact | None
    repealed_by: str | None
    expressions: tuple[ExpressionInfo, ...]
    cited_by: tuple[str, ...] = ()
    retroactive: DateFact | None = None
    #: for a work whose text the corpus lacks: the days corpus acts cite it as
    #: law (``in_force_evidence`` events), each a DateFact with its basis
    in_force_evidence: tuple[DateFact, ...] = ()
    #: entry into force stated apart from application (``commencement``)
    in_force: DateFact | None = None


@dataclass(frozen=True)
class OtherText:
    """The text of another language that applies on the same date, beside the
    one shown (issue 13, item 2): its expression, the version it is (the
    expression's date) and whether that version is ``older``, the ``same`` or
    ``newer`` than the shown one's."""

    lang: str
    expression: str
    date: date
    relation: str

    def to_json(self) -> dict[str, Any]:
        """``{lang, expression, date, relation}``."""
        return {
            "lang": self.lang,
            "expression": self.expression,
            "date": self.date.isoformat(),
            "relation": self.relation,
        }


@dataclass(frozen=True)
class PointInTime:
    """The answer for one work on one date (the object ``show --format json`` prints,
    with ``text`` filled by the caller)."""

    work: str
    as_of: date
    status: str
    certainty: str
    expression: str | None
    expression_kind: str | None
    lang: str | None
    reason: str | None
    effects: tuple[str, ...]
    notes: tuple[str, ...]
    window: tuple[date, date] | None = None
    last_expression: str | None = None
    text: str | None = field(default=None)
    #: the texts of the other languages on the same date (:class:`OtherText`)
    others: tuple[OtherText, ...] = ()
    #: the act's entry into force, and its application (put into effect) when
    #: the text states it apart (``None``: one rule dates both)
    entry_into_force: DateFact | None = None
    application: DateFact | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON object of ``schemas/show.schema.json``."""
        return {
            "work": self.work,
            "as_of": self.as_of.isoformat(),
            "status": self.status,
            "certainty": self.certainty,
            "expression": self.expression,
            "expression_kind": self.expression_kind,
            "lang": self.lang,
            "text": self.text,
            "reason": self.reason,
            "effects": list(self.effects),
            "notes": list(self.notes),
            "window": [iso(self.window[0]), iso(self.window[1])] if self.window else None,
            "last_expression": self.last_expression,
            "other_languages": [o.to_json() for o in self.others],
            "entry_into_force": _fact(self.entry_into_force),
            "application": _fact(self.application),
        }


def _fact(f: DateFact | None) -> dict[str, Any] | None:
    """A DateFact's JSON object (``{date, earliest, latest, certainty, basis}``) or ``None``."""
    return f.to_json() if f is not None else None


__all__ = ["ExpressionInfo", "OtherText", "PointInTime", "WorkTimeline"]
