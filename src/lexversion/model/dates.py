"""Dates with their certainty: :class:`DateFact` (ARCHITECTURE.md, "DateFact").

A date in lexversion is never bare when it decides an answer: it is *stated*
(the text says it), *computed* (a stated rule applied to stated inputs),
*estimated* (a window: a rule applied to an input the corpus lacks) or
*unknown*. Dates are :class:`datetime.date`; JSON renders them as ISO 8601.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any


class Certainty(StrEnum):
    """How a date is known (ARCHITECTURE.md, "DateFact"), from firmest to weakest.

    Members equal their string values, which JSON, AKN and the store write.
    """

    STATED = "stated"  #: the text says it
    COMPUTED = "computed"  #: a stated rule applied to stated inputs
    ESTIMATED = "estimated"  #: a window: a rule applied to an input the corpus lacks
    UNKNOWN = "unknown"  #: nothing in the corpus gives it


#: rank of each certainty, firmest first (keys are the members, equal to their strings)
CERTAINTY_ORDER: dict[str, int] = {c: k for k, c in enumerate(Certainty)}


def iso(d: date | None) -> str | None:
    """ISO 8601 form of ``d`` or ``None``."""
    return d.isoformat() if d else None


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date with its certainty and basis (ARCHITECTURE.md, "DateFact").

    ``earliest``/``latest`` bound the date: equal for a stated or computed date,
    a window for an estimated one, both ``None`` when unknown. ``basis`` says
    where it came from: the text span, or the rule and its inputs. Raises
    ``ValueError`` for a certainty that is not one of :class:`Certainty`.
    """

    earliest: date | None
    latest: date | None
    #: a :class:`Certainty`; a plain string read back from a store is made the member
    certainty: Certainty
    basis: str

    def __post_init__(self) -> None:
        if type(self.certainty) is not Certainty:
            object.__setattr__(self, "certainty", Certainty(self.certainty))

    @classmethod
    def stated(cls, d: date, basis: str) -> DateFact:
        """A date the text states."""
        return cls(d, d, Certainty.STATED, basis)

    @classmethod
    def computed(cls, d: date, basis: str) -> DateFact:
        """A date computed by a stated rule from stated inputs."""
        return cls(d, d, Certainty.COMPUTED, basis)

    @classmethod
    def unknown(cls, basis: str) -> DateFact:
        """A date nothing in the corpus gives."""
        return cls(None, None, Certainty.UNKNOWN, basis)

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
