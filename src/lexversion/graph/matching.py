"""Match an act reference to a known work: exact, then fuzzy (rapidfuzz).

Exact: the same (region, date, number) with look-alike letters folded
(DOMAIN.md 3: "285/35-ІІІ" is "285/35-III"), the identity key of
:func:`lexversion.parse.citations.identity.act_key` (the only rule of act identity). When the reference names no
issuer the reader recognised, a single work with that date and number is the
match. Otherwise the candidates with that date and number are scored with
rapidfuzz's ``partial_ratio`` of each candidate's issuer names in both
languages (the bilingual table :mod:`lexversion.lang.regions`) and title
within the words of the reference; the best wins, with its score, when it
reaches :data:`THRESHOLD` and leads the next by :data:`MARGIN`. A candidate
with no name at all (a stub cited by date and number only) scores 0: it can be
matched exactly or uniquely, never by words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from rapidfuzz import fuzz

from lexversion.lang import fold_text
from lexversion.lang.regions import BY_CODE
from lexversion.model import ActRef
from lexversion.parse.citations.identity import act_key

THRESHOLD = 70.0
MARGIN = 10.0


class Candidate(Protocol):
    """What matching needs of a work."""

    @property
    def region(self) -> str | None: ...
    @property
    def date(self) -> date | None: ...
    @property
    def number(self) -> str | None: ...
    @property
    def issuer(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...


@dataclass(frozen=True)
class Match:
    """A match: the work, ``method`` (``exact``, ``unique``, ``fuzzy``) and the score (0-100)."""

    work: Candidate
    method: str
    score: float


def issuer_names(region: str | None, issuer: str | None) -> list[str]:
    """Every name of a work's issuer: as stored and the council's names in both languages."""
    names = [issuer] if issuer else []
    r = BY_CODE.get(region or "")
    if r is not None:
        names += [r.council_kk, r.council_ru]
    return names


def names(c: Candidate) -> list[str]:
    """Issuer names and title of a candidate (empty strings dropped)."""
    return [n for n in [*issuer_names(c.region, c.issuer), c.title or ""] if len(n) > 3]


def _key(c: Candidate) -> tuple[str | None, date | None, str | None]:
    """The identity key (:func:`lexversion.parse.citations.identity.act_key`) of a candidate."""
    return act_key(ActRef(None, c.issuer, c.region, None, c.date, c.number))


def match_act(act: ActRef, words: str, candidates: Iterable[Candidate]) -> Match | None:
    """The work ``act`` refers to among ``candidates``, or ``None``.

    ``words``: the text of the reference as written (issuer words, quoted title).
    """
    if act.date is None or not act.number:
        return None
    key = act_key(act)
    same = [c for c in candidates if _key(c)[1:] == key[1:]]
    if not same:
        return None
    if act.region is not None:
        exact = [c for c in same if _key(c) == key]
        if len(exact) == 1:
            return Match(exact[0], "exact", 100.0)
    elif len(same) == 1:
        return Match(same[0], "unique", 100.0)
    text = fold_text(words).lower()
    scored = sorted(
        (
            (
                max(
                    (fuzz.partial_ratio(fold_text(n).lower(), text) for n in names(c)), default=0.0
                ),
                i,
                c,
            )
            for i, c in enumerate(same)
        ),
        key=lambda t: (-t[0], t[1]),
    )
    best_score, _, best = scored[0]
    if best_score >= THRESHOLD and (len(scored) == 1 or scored[1][0] <= best_score - MARGIN):
        return Match(best, "fuzzy", round(best_score, 1))
    return None
