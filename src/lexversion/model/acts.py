"""Acts and what happens to them: references, registration, commencement rules,
effects, editorial notes, citations and events (ARCHITECTURE.md, "The model").

An :class:`ActRef` names an act as a text does (issuer, type, date, number); an
:class:`Effect` is what one act does to another (after legislation.gov.uk's
effects); an :class:`Event` something that happened to a work, dated by a
:class:`~lexversion.model.dates.DateFact`; a :class:`Citation` a reference found
in text; a :class:`CitedFact` a fact a text states about another act.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from lexversion.model.dates import DateFact, iso


class EffectType(StrEnum):
    """What one act does to another (ARCHITECTURE.md, "Effect"; DOMAIN.md 5).

    Members equal their string values, which JSON, AKN and the store write.
    """

    REPEAL = "repeal"  #: the act (or the affected act) ceases to apply
    NEW_EDITION = "new_edition"  #: an act or its annex set out in new wording
    SUBSTITUTION = "substitution"  #: words replaced throughout the text
    INSERTION = "insertion"  #: a provision added
    PROVISION_AMENDED = "provision_amended"  #: a provision (or the annex) in new wording
    EXCLUSION = "exclusion"  #: a provision removed
    AMENDMENT = (
        "amendment"  #: the act changed, the note naming no provision ("өзгерістер енгізілді")
    )


class EventType(StrEnum):
    """Something that happened to a work (ARCHITECTURE.md, "Event").

    Members equal their string values, which JSON, AKN and the store write.
    """

    ADOPTION = "adoption"
    REGISTRATION = "registration"
    PUBLICATION = "publication"
    #: entry into force ("күшіне енеді", "вступает в силу"); when one rule dates
    #: both, also the day the act applies from
    ENTRY_INTO_FORCE = "entry_into_force"
    #: put into effect, applicable ("қолданысқа енгізіледі", "вводится в
    #: действие"): an event of its own only when the text states its rule apart
    #: from entry into force's (Law No 480-V of 6 April 2016, art. 36; seed 000)
    APPLICATION = "application"
    RETROACTIVE_APPLICATION = "retroactive_application"
    AMENDMENT = "amendment"
    REPEAL = "repeal"
    #: a corpus act adopted on this date cites the work as law then (evidence
    #: that a work known only by citation was in force on that day; issue 13)
    IN_FORCE_EVIDENCE = "in_force_evidence"


@dataclass(frozen=True, slots=True)
class ProvisionRef:
    """A provision an editorial note names, before the parser locates it.

    ``where`` is the eId of the part the note sits in (``"whole"`` for the
    decision, ``"att_1"`` for an annex); ``kind`` the provision's node kind
    (``paragraph``, ``point``, ...); ``num`` its number as printed ("3",
    "2.1"). :func:`lexversion.parse.parse` turns it into the provision's eId
    (the ``scope`` of the :class:`Effect`); a parsed document's effects, in
    ``Metadata.effects`` and in its notes, carry none.
    """

    where: str
    kind: str
    num: str


@dataclass(frozen=True, slots=True)
class ActRef:
    """An act identified by issuer, type, date and number, as text names it.

    ``region`` is the ISO 3166-2:KZ code of the issuer's subdivision (``None``
    for national bodies); ``body`` is ``maslikhat``, ``akimat``, ``government``,
    ``ministry`` or ``parliament``; ``act_type`` the AKN subtype (``decision``,
    ``resolution``, ``order``, ``law``).
    """

    act_type: str | None
    issuer: str | None
    region: str | None
    body: str | None
    date: date | None
    number: str | None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The reference as a JSON object."""
        return {
            "act_type": self.act_type,
            "issuer": self.issuer,
            "region": self.region,
            "body": self.body,
            "date": iso(self.date),
            "number": self.number,
            "title": self.title,
        }


@dataclass(frozen=True, slots=True)
class Registration:
    """State registration with the justice authority (DOMAIN.md 2.3)."""

    authority: str | None
    date: date | None
    number: str | None

    def to_json(self) -> dict[str, Any]:
        """``{authority, date, number}``."""
        return {"authority": self.authority, "date": iso(self.date), "number": self.number}


@dataclass(frozen=True, slots=True)
class CommencementRule:
    """An entry-into-force rule as stated (DOMAIN.md 5).

    ``kind`` is one of ``days_after_publication`` (``days`` set),
    ``day_after_publication``, ``from_publication``, ``from_adoption``,
    ``from_registration``, ``from_date`` (``date`` set); ``text`` the wording
    it was read from.
    """

    kind: str
    days: int | None
    text: str
    date: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        """The rule as a JSON object (``date`` for ``from_date`` rules)."""
        return {"kind": self.kind, "days": self.days, "text": self.text, "date": iso(self.date)}


@dataclass(frozen=True, slots=True)
class Effect:
    """What one act does to another (ARCHITECTURE.md, "Effect").

    ``affecting``/``affected`` are :class:`ActRef`; ``None`` stands for the
    document the effect was read from. ``type`` is an :class:`EffectType`;
    ``pairs`` holds the (old, new) words of a substitution; ``scope`` the part
    of the affected act (``"annex"``, ``"whole"`` or an eId); ``rule`` the
    affecting act's own entry-into-force rule when the text states it;
    ``source`` where it was read (``note``, ``body``, ``requisites``);
    ``pinpoint`` the provision a note names while it is not yet located (the
    parser turns it into ``scope`` and drops it; never in JSON).
    """

    type: EffectType
    affecting: ActRef | None
    affected: ActRef | None
    scope: str = "whole"
    pairs: tuple[tuple[str, str], ...] = ()
    rule: CommencementRule | None = None
    source: str = "body"
    text: str = ""
    pinpoint: ProvisionRef | None = None

    def to_json(self) -> dict[str, Any]:
        """The effect as a JSON object (``null`` affecting/affected: this document)."""
        return {
            "type": self.type,
            "affecting": self.affecting.to_json() if self.affecting else None,
            "affected": self.affected.to_json() if self.affected else None,
            "scope": self.scope,
            "pairs": [list(p) for p in self.pairs],
            "rule": self.rule.to_json() if self.rule else None,
            "source": self.source,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Note:
    """An editorial note of the database (kk *Ескерту*, ru *Сноска*), DOMAIN.md 2.4."""

    eid: str
    text: str
    effects: tuple[Effect, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """``{eid, text, effects}``."""
        return {"eid": self.eid, "text": self.text, "effects": [e.to_json() for e in self.effects]}


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to another act found in the text.

    ``start``/``end`` are offsets in the paragraph-joined text of ``eid``;
    ``raw_start``/``raw_end`` are offsets (in characters) in the decoded source.
    """

    act: ActRef
    text: str
    eid: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    href: str | None = None
    title: str | None = None
    pinpoint: str | None = None
    registration: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The citation as a JSON object: the act, its FRBR work URI (``href``),
        the words, where they are (``eid``, ``span`` in the block's text,
        ``raw_span`` in the decoded source), quoted title, pinpoint, register number."""
        return {
            "act": self.act.to_json(),
            "href": self.href,
            "text": self.text,
            "eid": self.eid,
            "span": [self.start, self.end],
            "raw_span": [self.raw_start, self.raw_end],
            "title": self.title,
            "pinpoint": self.pinpoint,
            "registration": self.registration,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to a work (adoption, registration, publication,
    entry into force, amendment, repeal), with its date as a :class:`DateFact`.

    ``type`` is an :class:`EventType`; ``by`` the act that caused it
    (``None``: the work itself).
    """

    type: EventType
    date: DateFact
    by: ActRef | None = None
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """``{type, date, certainty, basis, by}``: ``date`` ISO or null, window in ``earliest``/``latest``."""
        d = self.date.to_json()
        return {
            "type": self.type,
            "date": d["date"],
            "earliest": d["earliest"],
            "latest": d["latest"],
            "certainty": d["certainty"],
            "basis": d["basis"],
            "by": self.by.to_json() if self.by else None,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class CitedFact:
    """A fact the text states about another act: ``kind`` ``publication``,
    its ``date``, and the words it was read from."""

    act: ActRef
    kind: str
    date: date
    basis: str

    def to_json(self) -> dict[str, Any]:
        """``{act, kind, date, basis}``."""
        return {
            "act": self.act.to_json(),
            "kind": self.kind,
            "date": self.date.isoformat(),
            "basis": self.basis,
        }
