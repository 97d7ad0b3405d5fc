"""Typed names of what the citation matchers find: token classes, match keys, issuers.

spaCy labels a match by a string (its hash comes back with the match), so every
key here has the label spaCy knows it by (``label``); the scan maps a match's hash
back to its key (:func:`labels`) and never splits or compares label strings.
The labels are those the matchers always had ("RGN|name", "LOCAL|0"): the same
labels have the same hashes, so whatever spaCy orders equal matches by, the
order (hence the output) stays as it was.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class TokenClass(StrEnum):
    """The normal forms (``NORM``) that stand for a class of tokens rather than a word:
    the numbers of ``lang/kk`` and ``lang/ru`` ``NORMS`` and the words naming a region
    (:data:`lexversion.parse.citations.pipelines.REGION_WORD`)."""

    #: a dotted date, "16.04.2024"
    DATE = "#date"
    #: four digits, "2017"
    YEAR = "#year"
    #: one or two digits, "15"
    DAY = "#day"
    #: another number, "26-129", "149/19-VIII"
    NUM = "#num"
    #: the first word of a region's name in an issuer phrase, "Алматы", "Алматинского"
    REGION = "#rgn"


#: token classes an act number or a register number may be
NUMBERS: tuple[TokenClass, ...] = (TokenClass.DAY, TokenClass.NUM, TokenClass.YEAR)


class Key(StrEnum):
    """The match keys of one kind of piece (the value is spaCy's label)."""

    DATE = "DATE"
    NUMBER = "NUM"
    ACT = "ACT"
    PINPOINT = "PIN"
    REGISTER = "REG"
    GOVERNMENT = "GOV"
    REPUBLIC = "REPUBLIC"
    MINISTRY = "ISS|-|ministry"

    @property
    def label(self) -> str:
        """spaCy's label of the key."""
        return self.value


class RegionRule(StrEnum):
    """The issuer phrases of a region (a superset: the words say which issuer)."""

    #: Kazakh: a region's name, council words, "мәслихат"/"әкімдік"
    NAME = "RGN|name"
    #: Russian: a region adjective before or after the council words
    ADJECTIVE = "RGN|adjective"
    #: Russian: a city's name after "маслихат ... город", "акимат город", "город"
    CITY = "RGN|city"
    #: Russian: "маслихат" and an oblast's name that starts with "область"
    NAMED = "RGN|named"

    @property
    def label(self) -> str:
        """spaCy's label of the rule."""
        return self.value


class LocalRule(NamedTuple):
    """The words around the title-case name of a district or town: rule ``position`` of
    the language's ``LOCAL`` table (:mod:`lexversion.lang.kk.citations`)."""

    position: int

    @property
    def label(self) -> str:
        """spaCy's label of the rule."""
        return f"LOCAL|{self.position}"


#: any key of a match
MatchKey = Key | RegionRule | LocalRule


class Issuer(NamedTuple):
    """An issuer a phrase names: the ``kind`` of its region (``oblast``, ``city``;
    ``None`` for the Government, a ministry, a district's or town's body) and its
    ``body`` (``maslikhat``, ``akimat``, ``government``, ``ministry``; ``region`` for
    a region's name alone)."""

    kind: str | None
    body: str


#: the issuers of a region, in the order spaCy met them when each had its own key
REGION_ISSUERS: tuple[Issuer, ...] = tuple(
    Issuer(kind, body) for kind in ("oblast", "city") for body in ("maslikhat", "akimat", "region")
)


def labels(local_rules: int) -> dict[str, MatchKey]:
    """Every key by its spaCy label, with ``local_rules`` rules of :class:`LocalRule`."""
    keys: list[MatchKey] = [*Key, *RegionRule, *(LocalRule(i) for i in range(local_rules))]
    return {k.label: k for k in keys}
