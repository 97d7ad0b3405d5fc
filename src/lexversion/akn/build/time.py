"""The time of an act as AKN states it: lifecycle events and their periods.

AKN 3.0 keeps time in ``meta``: ``lifecycle`` lists dated ``eventRef``\\ s,
``temporalData`` groups them into periods (``temporalGroup`` of
``timeInterval``\\ s whose ``start``/``end`` name ``eventRef``\\ s and whose
``refersTo`` names the kind of period, a ``TLCConcept``), and a modification
says by ``period`` from when it applies. This module decides *which* events and
periods a document has; :mod:`lexversion.akn.build.meta` writes them.

The events (:func:`act_events`): adoption, registration and publication as
stated; entry into force and application (two events when the text states two
rules, "күшіне енеді" / "вступает в силу" and "қолданысқа енгізіледі" /
"вводится в действие", else one rule dates both); one ``amendment`` event per
amending act, dated when its changes *apply* (its own entry-into-force rule as
the editorial note quotes it, :func:`lexversion.timeline.commencement.entry_into_force`),
not when it was adopted; the ``repeal``, dated when the repeal applies.

An ``eventRef`` carries one day: an estimated date is written as the earliest
day of its window, and its certainty, window and basis go to ``proprietary``
(:func:`certainty_notes`), so no date is presented surer than it is. An event
whose date is unknown has no ``eventRef`` (nor a period starting from it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from lexversion.akn.frbr import safe_work_uri
from lexversion.model import ActRef, Certainty, DateFact, Document, Effect, EffectType
from lexversion.timeline.commencement import entry_into_force

#: TLCConcept eIds of the two periods (``timeInterval/@refersTo``): in force
#: ("күшіне енеді", "вступает в силу") and in effect, applying ("қолданысқа
#: енгізіледі", "вводится в действие"; AKN's efficacy)
IN_FORCE = "inForce"
APPLICATION = "inEffect"
#: ``showAs`` of the TLCEvents and TLCConcepts
SHOW = {
    "entryIntoForce": "entry into force",
    "application": "application (put into effect)",
    IN_FORCE: "in force",
    APPLICATION: "in effect (applying)",
}


@dataclass(frozen=True, slots=True)
class TimeEvent:
    """One lifecycle event: its ``fact`` (the ``eventRef`` date is its earliest
    day), ``name`` (the TLCEvent: adoption, registration, publication,
    entryIntoForce, application, amendment, repeal), ``kind`` (the ``eventRef``
    type: generation, amendment, repeal) and ``by``, the act that caused it
    (``None``: the act itself)."""

    fact: DateFact
    name: str
    kind: str
    by: ActRef | None = None

    @property
    def day(self) -> date:
        """The day the ``eventRef`` carries (the earliest of the window)."""
        assert self.fact.earliest is not None
        return self.fact.earliest


def _known(events: list[TimeEvent]) -> list[TimeEvent]:
    return [e for e in events if e.fact.earliest is not None]


def own_events(
    doc: Document,
    applies: Mapping[str, DateFact] | None = None,
    in_force: DateFact | None = None,
) -> list[TimeEvent]:
    """Adoption, registration, publication, entry into force and application of
    ``doc``'s act (those with a known date). One rule for both (``in_force``
    unset): entry into force and application are one event, ``entryIntoForce``.

    ``applies[<the act's work URI>]`` and ``in_force`` are the version graph's
    dates of application and entry into force when the caller knows them
    (the corpus sidecar's publication dates, the build's policy); else each is
    the text's rule applied to the dates the text states."""
    m = doc.meta
    reg = m.registration.date if m.registration else None
    out: list[TimeEvent] = []
    if m.date:
        out.append(TimeEvent(DateFact.stated(m.date, "requisites"), "adoption", "generation"))
    if reg:
        out.append(TimeEvent(DateFact.stated(reg, "requisites"), "registration", "generation"))
    if m.publication:
        out.append(TimeEvent(DateFact.stated(m.publication, "text"), "publication", "generation"))
    if m.date:
        known = (applies or {}).get(safe_work_uri(doc.act) or "")
        applies_fact = known or entry_into_force(m.commencement, m.date, reg, m.publication)
        if m.in_force is not None:
            force = in_force or entry_into_force(m.in_force, m.date, reg, m.publication)
            out.append(TimeEvent(force, "entryIntoForce", "generation"))
            out.append(TimeEvent(applies_fact, "application", "generation"))
        else:
            out.append(TimeEvent(applies_fact, "entryIntoForce", "generation"))
    return _known(out)


def change_fact(e: Effect, applies: Mapping[str, DateFact]) -> DateFact:
    """When the change ``e`` (made on this act by ``e.affecting``) applies:
    ``applies[<affecting work URI>]`` when the caller knows it (the version
    graph's date), else the affecting act's rule as the note quotes it applied
    to its adoption date; unknown without that date."""
    assert e.affecting is not None
    known = applies.get(safe_work_uri(e.affecting) or "")
    if known is not None:
        return known
    if e.affecting.date is None:
        return DateFact.unknown("the amending act's date is not stated")
    return entry_into_force(e.rule, e.affecting.date)


def change_events(passive: list[Effect], applies: Mapping[str, DateFact]) -> list[TimeEvent]:
    """One ``amendment`` event per amending act and one ``repeal`` event per
    repealing act of ``passive`` (effects on this act), each dated when it
    applies (:func:`change_fact`), those with a known date."""
    out: dict[tuple[str, str], TimeEvent] = {}
    for e in passive:
        assert e.affecting is not None
        kind = "repeal" if e.type == EffectType.REPEAL else "amendment"
        key = (kind, safe_work_uri(e.affecting) or repr(e.affecting))
        if key not in out:
            out[key] = TimeEvent(change_fact(e, applies), kind, kind, e.affecting)
    return _known(list(out.values()))


def event_of(events: list[TimeEvent], e: Effect) -> TimeEvent | None:
    """The event of ``events`` that effect ``e`` (on this act) belongs to."""
    kind = "repeal" if e.type == EffectType.REPEAL else "amendment"
    by = safe_work_uri(e.affecting) if e.affecting else None
    return next(
        (ev for ev in events if ev.kind == kind and ev.by and safe_work_uri(ev.by) == by), None
    )


def certain(fact: DateFact) -> bool:
    """True when ``fact`` is one day, stated or computed (nothing to add)."""
    return fact.certainty in {Certainty.STATED, Certainty.COMPUTED} and (
        fact.latest is None or fact.latest == fact.earliest
    )


__all__ = [
    "APPLICATION",
    "IN_FORCE",
    "SHOW",
    "TimeEvent",
    "certain",
    "change_events",
    "change_fact",
    "event_of",
    "own_events",
]
