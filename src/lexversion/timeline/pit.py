"""Point in time: a work's status, applicable expression and certainty on a date.

ARCHITECTURE.md ("Point in time"). Each date that decides the answer is a
DateFact: before an exact date or before the earliest of a window the answer
is "before", on or after the latest it is "after", inside a window it is
uncertain and the answer says so ("uncertain between D1 and D2") instead of
guessing. The status certainty is the certainty of the deciding fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lexversion.model import DateFact, iso


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
    """What point-in-time needs to know about one work."""

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
        }


def relation(on: date, fact: DateFact | None) -> str:
    """``before``, ``after`` (on or after), ``within`` an estimated window, or ``unknown``."""
    if fact is None or fact.earliest is None:
        return "unknown"
    if on < fact.earliest:
        return "before"
    latest = fact.latest or fact.earliest
    if on >= latest:
        return "after"
    return "within"


def _window_note(what: str, fact: DateFact) -> str:
    assert fact.earliest is not None and fact.latest is not None
    return f"{what} uncertain between {fact.earliest.isoformat()} and {fact.latest.isoformat()} ({fact.certainty}: {fact.basis})"


def _fact_note(what: str, fact: DateFact) -> str:
    if fact.earliest is None:
        return f"{what}: unknown ({fact.basis})"
    if fact.earliest == fact.latest:
        return f"{what}: {fact.earliest.isoformat()} ({fact.certainty}: {fact.basis})"
    return f"{what}: between {iso(fact.earliest)} and {iso(fact.latest)} ({fact.certainty}: {fact.basis})"


def point_in_time(tl: WorkTimeline, on: date, lang: str | None = None) -> PointInTime:
    """Resolve ``tl`` on ``on`` in ``lang`` (``"kk"``/``"ru"``; ``None``: the
    language of the work's corpus text, Kazakh first).

    Returns a :class:`PointInTime` whose ``text`` is left ``None``; the caller
    loads the chosen expression's text. Never raises for a valid timeline.
    """
    notes: list[str] = []
    window: tuple[date, date] | None = None
    langs = sorted(
        {e.lang for e in tl.expressions}, key=lambda x: (x not in tl.languages, x != "kk", x)
    )
    use_lang = lang or (langs[0] if langs else None)
    exprs = sorted(
        (e for e in tl.expressions if e.lang == use_lang),
        key=lambda e: (e.applies_from.earliest or date.min, e.uri),
    )

    # status
    if tl.adoption and tl.adoption.earliest and on < tl.adoption.earliest:
        status, certainty = "not_yet_in_force", tl.adoption.certainty
        notes.append(_fact_note("adopted", tl.adoption))
    else:
        rel_rep = relation(on, tl.repeal) if tl.repeal else "before"
        rel_com = relation(on, tl.commencement)
        if rel_rep == "after":
            assert tl.repeal is not None
            status, certainty = "repealed", tl.repeal.certainty
            notes.append(_fact_note(f"repealed by {tl.repealed_by}", tl.repeal))
        elif rel_rep == "within":
            assert tl.repeal is not None and tl.repeal.earliest and tl.repeal.latest
            status, certainty = "unknown", "estimated"
            window = (tl.repeal.earliest, tl.repeal.latest)
            notes.append(
                _window_note(
                    f"repeal by {tl.repealed_by}: in force before, repealed after; takes effect",
                    tl.repeal,
                )
            )
        elif rel_com == "before":
            status, certainty = "not_yet_in_force", tl.commencement.certainty
            notes.append(_fact_note("entry into force", tl.commencement))
        elif rel_com == "within":
            assert tl.commencement.earliest and tl.commencement.latest
            status, certainty = "unknown", "estimated"
            window = (tl.commencement.earliest, tl.commencement.latest)
            notes.append(
                _window_note(
                    "entry into force: not yet in force before, in force after;", tl.commencement
                )
            )
        elif rel_com == "unknown":
            status, certainty = "unknown", "unknown"
            notes.append(_fact_note("entry into force", tl.commencement))
        else:
            status, certainty = "in_force", tl.commencement.certainty
            notes.append(_fact_note("in force since", tl.commencement))
            if tl.repeal is not None:
                notes.append(_fact_note(f"repealed later by {tl.repealed_by}", tl.repeal))
            else:
                notes.append(
                    "no repeal is recorded in the corpus; changes made by acts outside it are unknown"
                )

    if (
        tl.retroactive is not None
        and tl.retroactive.earliest is not None
        and on >= tl.retroactive.earliest
        and status in {"not_yet_in_force", "in_force", "unknown"}
        and not (tl.adoption and tl.adoption.earliest and on < tl.adoption.earliest)
    ):
        notes.append(_fact_note("applies retroactively to relations arising from", tl.retroactive))

    # expression
    expression: ExpressionInfo | None = None
    reason: str | None = None
    last: ExpressionInfo | None = None
    applicable = [e for e in exprs if relation(on, e.applies_from) in {"after"}]
    pending = [e for e in exprs if relation(on, e.applies_from) == "within"]
    if applicable:
        last = applicable[-1]
    elif exprs and status in {"not_yet_in_force", "unknown"}:
        last = exprs[0]
    if (
        status == "not_yet_in_force"
        and tl.adoption
        and tl.adoption.earliest
        and on < tl.adoption.earliest
    ):
        reason = f"the act did not exist yet on {on.isoformat()} (adopted {tl.adoption.earliest.isoformat()})"
    elif status == "repealed":
        assert tl.repeal is not None
        when = (
            f"on {iso(tl.repeal.earliest)}"
            if tl.repeal.earliest == tl.repeal.latest
            else f"between {iso(tl.repeal.earliest)} and {iso(tl.repeal.latest)} ({tl.repeal.certainty})"
        )
        reason = f"repealed {when} by {tl.repealed_by}: no wording is in force"
        if last:
            notes.append(f"the last wording in force is {last.uri}")
    elif last is not None:
        expression = last
    if pending and status not in {"repealed"}:
        for p in pending:
            assert p.applies_from.earliest and p.applies_from.latest
            notes.append(
                _window_note(
                    f"wording: {p.uri} ({', '.join(p.effects) or p.kind}) applies", p.applies_from
                )
            )
            window = window or (p.applies_from.earliest, p.applies_from.latest)
        if expression is not None and certainty in {"stated", "computed"}:
            certainty = "estimated"
    if expression is None and reason is None:
        if not exprs:
            reason = (
                "the text of this act is not in the corpus (known only from citations)"
                if tl.stub
                else f"no text in language {use_lang!r} in the corpus"
            )
        else:
            first = exprs[0]
            reason = f"the wording before {first.uri} is not in the corpus" + (
                " (the original text of this act is not in the corpus)" if tl.stub else ""
            )
    if expression is not None and expression.kind == "reconstructed":
        notes.append(
            "reconstructed text: derived by reversing recorded effects, not a published text"
        )
    return PointInTime(
        work=tl.work,
        as_of=on,
        status=status,
        certainty=certainty,
        expression=expression.uri if expression else None,
        expression_kind=expression.kind if expression else None,
        lang=use_lang,
        reason=reason,
        effects=expression.effects if expression else (),
        notes=tuple(notes),
        window=window,
        last_expression=last.uri if (last and status == "repealed") else None,
    )
