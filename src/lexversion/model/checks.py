"""Values of the consistency checks: where a recorded effect and the text disagree.

Issue 13, item 9. An editorial note recording a substitution "throughout the
text" ("Бүкіл мәтін бойынша ... ауыстырылды", "по всему тексту ... заменены")
says the old words are gone; a :class:`Mismatch` records an old form the
published text still has (seed 000: "оралмандарды" in point 7 after оралман ->
қандас). Reported, never corrected (DOMAIN.md 4.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A substitution recorded as made whose old form the text still has:
    ``effect`` the index of the effect among the document's effects, its
    ``scope``, the (``old``, ``new``) pair, the eIds of the provisions still
    holding ``old`` and how many times it occurs."""

    effect: int
    scope: str
    old: str
    new: str
    eids: tuple[str, ...]
    count: int

    @property
    def message(self) -> str:
        """The English warning (``parse``'s warnings list; the UI translates the
        stored fields instead)."""
        where = ", ".join(self.eids)
        return (
            f'effect and text disagree: a substitution of "{self.old}" by "{self.new}" is '
            f'recorded as made throughout {self.scope}, yet the text still has "{self.old}" '
            f"{self.count} time(s), in {where} (the text is not corrected)"
        )

    def to_json(self) -> dict[str, Any]:
        """``{effect, scope, old, new, eids, count}``."""
        return {
            "effect": self.effect,
            "scope": self.scope,
            "old": self.old,
            "new": self.new,
            "eids": list(self.eids),
            "count": self.count,
        }


__all__ = ["Mismatch"]
