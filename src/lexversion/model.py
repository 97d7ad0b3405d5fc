"""Values of the lexversion model: frozen dataclasses, no behaviour beyond JSON.

The model follows ARCHITECTURE.md ("The model"): a *work* is an act whatever its
versions, an *expression* its text in one language as it applies from one date,
a :class:`DateFact` a date with its certainty, an :class:`Event` something that
happened to a work, an :class:`Effect` what one act does to another (after
legislation.gov.uk's effects), a :class:`Citation` a reference found in text.
Dates are :class:`datetime.date`; JSON renders them as ISO 8601 strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Certainty = Literal["stated", "computed", "estimated", "unknown"]
CERTAINTY_ORDER: dict[str, int] = {"stated": 0, "computed": 1, "estimated": 2, "unknown": 3}


def iso(d: date | None) -> str | None:
    """ISO 8601 form of ``d`` or ``None``."""
    return d.isoformat() if d else None


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date with its certainty and basis (ARCHITECTURE.md, "DateFact").

    ``earliest``/``latest`` bound the date: equal for a stated or computed date,
    a window for an estimated one, both ``None`` when unknown. ``basis`` says
    where it came from: the text span, or the rule and its inputs.
    """

    earliest: date | None
    latest: date | None
    certainty: Certainty
    basis: str

    @classmethod
    def stated(cls, d: date, basis: str) -> DateFact:
        """A date the text states."""
        return cls(d, d, "stated", basis)

    @classmethod
    def computed(cls, d: date, basis: str) -> DateFact:
        """A date computed by a stated rule from stated inputs."""
        return cls(d, d, "computed", basis)

    @classmethod
    def unknown(cls, basis: str) -> DateFact:
        """A date nothing in the corpus gives."""
        return cls(None, None, "unknown", basis)

    @property
    def date(self) -> date | None:
        """The date when exact, else ``None`` (an estimate is never a date)."""
        return self.earliest if self.earliest == self.latest else None

    def to_json(self) -> dict[str, Any]:
        """``{"date", "earliest", "latest", "certainty", "basis"}``; ``date`` is null unless exact."""
        return {
            "date": iso(self.date),
            "earliest": iso(self.earliest),
            "latest": iso(self.latest),
            "certainty": self.certainty,
            "basis": self.basis,
        }


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
    document the effect was read from. ``type`` is ``repeal``, ``new_edition``,
    ``substitution``, ``insertion`` or ``provision_amended``; ``pairs`` holds the
    (old, new) words of a substitution; ``scope`` the part of the affected act
    (``"annex"``, ``"whole"`` or an eId); ``rule`` the affecting act's own
    entry-into-force rule when the text states it; ``source`` where it was read
    (``note``, ``body``, ``requisites``).
    """

    type: str
    affecting: ActRef | None
    affected: ActRef | None
    scope: str = "whole"
    pairs: tuple[tuple[str, str], ...] = ()
    rule: CommencementRule | None = None
    source: str = "body"
    text: str = ""

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

    ``by`` is the act that caused it (``None``: the work itself).
    """

    type: str
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
class Cell:
    """A table cell: its text, how many columns it spans, whether it heads a column."""

    text: str
    colspan: int = 1
    header: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A block of text inside a provision.

    ``kind``: ``p`` (a paragraph, ``text``; ``name`` its role in an extract:
    ``paragraph`` with ``num``, ``signature``, ``approval``, ``title``,
    ``omission``, ``rule``), ``list`` (unnumbered items: ``text`` the
    introduction or empty, ``items``), ``note`` (an editorial note, ``text``;
    ``lines`` an extract printed with it, line by line; ``extract`` the same
    extract as blocks; ``href`` the FRBR URI of the act it is taken from),
    ``table`` (``rows`` of cells, ``lines`` the ruling lines printed around it,
    ``name`` ``table`` or ``passport``), ``layout`` (fixed-width lines kept line
    by line: ``lines``, ``name``).
    """

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    name: str = ""
    eid: str = ""
    rows: tuple[tuple[Cell, ...], ...] = ()
    extract: tuple[Block, ...] = ()
    num: str = ""
    href: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    """A hierarchical provision: ``chapter``, ``section``, ``subsection``,
    ``paragraph`` (a numbered point "1."), ``point`` (a subpoint "1)"), or the
    container ``body``. ``blocks`` come before ``children`` (AKN ``intro``) or
    are the whole ``content`` when there are no children.
    """

    kind: str
    eid: str
    num: str | None = None
    heading: str | None = None
    blocks: tuple[Block, ...] = ()
    children: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Attachment:
    """An annex: its approval block, title and body (DOMAIN.md 2.8-2.9)."""

    eid: str
    approval: tuple[str, ...]
    title: str
    body: Node


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the header, notes and final points say about the act.

    ``joint``: the other issuers' identities of a joint act ("совместное
    постановление акимата ... и решение маслихата ...", two numbers of one date).
    """

    lang: str
    title: str
    act_type: str | None
    issuer: str | None
    region: str | None
    body: str | None
    date: dt.date | None
    number: str | None
    registration: Registration | None
    status: str | None
    status_label: str | None
    repealed_by: ActRef | None
    commencement: CommencementRule | None
    notes: tuple[Note, ...] = ()
    effects: tuple[Effect, ...] = field(default=())
    publication: dt.date | None = None
    retroactive_from: dt.date | None = None
    joint: tuple[ActRef, ...] = ()
