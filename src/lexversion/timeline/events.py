"""A parsed document's own events, each with a DateFact (ARCHITECTURE.md).

adoption and registration are stated by the requisites; entry into force (and
application, when the text states its rule apart) is computed (or estimated)
from the act's own rule; repeal and amendments take
effect when the repealing or amending act does, by the rule the editorial
note quotes for it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from lexversion.model import DateFact, EffectType, Event, EventType
from lexversion.timeline.commencement import entry_into_force

if TYPE_CHECKING:
    from lexversion.model import Document


def document_events(doc: Document) -> list[Event]:
    """Events of ``doc``'s act in date order (unknown dates last)."""
    m = doc.meta
    out: list[Event] = []
    if m.date:
        out.append(
            Event(
                EventType.ADOPTION,
                DateFact.stated(m.date, "requisites: " + doc.preface.requisites[:120]),
            )
        )
    reg = m.registration
    if reg is not None and reg.date is not None:
        basis = f"requisites: registered by {reg.authority} No {reg.number}"
        out.append(Event(EventType.REGISTRATION, DateFact.stated(reg.date, basis)))
    if m.publication:
        out.append(
            Event(EventType.PUBLICATION, DateFact.stated(m.publication, "stated in the corpus"))
        )
    if m.date:
        out += _commencement_events(doc)
    if m.retroactive_from:
        out.append(
            Event(
                EventType.RETROACTIVE_APPLICATION,
                DateFact.stated(
                    m.retroactive_from, "the act applies to relations arising from this date"
                ),
            )
        )
    for e in m.effects:
        if e.affected is not None or e.affecting is None:
            continue
        when = (
            entry_into_force(e.rule, e.affecting.date)
            if e.affecting.date
            else DateFact.unknown("no date")
        )
        kind = EventType.REPEAL if e.type == EffectType.REPEAL else EventType.AMENDMENT
        out.append(Event(kind, when, by=e.affecting, note=e.text[:200]))
    out.sort(key=lambda ev: (ev.date.earliest is None, ev.date.earliest or m.date))
    return out


def _commencement_events(doc: Document) -> list[Event]:
    """Entry into force, and application as an event of its own when the text
    states its rule apart ("... күшіне енеді және ... қолданысқа енгізіледі";
    ``Metadata.in_force``), each by :func:`entry_into_force` of its rule."""
    m = doc.meta
    assert m.date is not None
    reg = m.registration.date if m.registration else None
    applies = entry_into_force(m.commencement, m.date, reg, m.publication)
    if m.in_force is None:
        return [Event(EventType.ENTRY_INTO_FORCE, applies)]
    force = entry_into_force(m.in_force, m.date, reg, m.publication)
    return [Event(EventType.ENTRY_INTO_FORCE, force), Event(EventType.APPLICATION, applies)]


def consolidation_date(doc: Document) -> date | None:
    """The date a consolidated text is dated by: the earliest day from which
    the last change its notes record applies (Indigo's point-in-time dates,
    AKN-NC 5.2: an expression is dated by the last change it contains), as
    :func:`lexversion.graph.expressions.expressions_of` dates it in the store;
    ``None`` when the text records no amendment of itself (it is dated by its
    adoption). Repeals are not changes of the wording."""
    m = doc.meta
    ends = [
        entry_into_force(e.rule, e.affecting.date).earliest
        for e in m.effects
        if e.affected is None
        and e.affecting is not None
        and e.affecting.date is not None
        and e.type != EffectType.REPEAL
    ]
    known = [d for d in ends if d is not None]
    return max(known) if known else None
