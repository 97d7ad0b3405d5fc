"""Act references with a date and a number ("anchors"), and act identity.

An *anchor* is a date followed by a number ("2017 жылғы 15 желтоқсандағы №
26-129", "от 29.03.2024 года № 97") with the issuer and act type around it.
They are found by the spaCy rule matching of :mod:`lexversion.parse.citations`
(which also finds laws cited without a number, titles, pinpoints); this module
keeps the anchor view the header, effects and the version graph read, and the
identity rules of acts: look-alike letters folded (DOMAIN.md 3), the region
separating two acts only when both texts name it.

Export artifacts (DOMAIN.md 4.1) may move one word inside the anchor ("№
решение 152"); such anchors are accepted and the moved word reported.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from lexversion.lang import fold_number, fold_text, vocab
from lexversion.model import ActRef
from lexversion.parse.citations import BODY_ACT_TYPES, find

#: a number: digits, then "/"- or "-"-separated groups of digits or Roman numerals
NUMBER = r"\d+(?:[/\-](?:\d+|[IVXLІХ]+)(?![\wІ]))*"

__all__ = [
    "BODY_ACT_TYPES",
    "NUMBER",
    "Anchor",
    "act_key",
    "act_type_of",
    "find_anchors",
    "is_own",
    "same_act",
]


@dataclass(frozen=True)
class Anchor:
    """An act reference: span ``[start, end)`` in the searched text and the act."""

    start: int
    end: int
    act: ActRef
    moved: str = ""


def act_type_of(word: str, lang: str) -> str | None:
    """AKN subtype for an act-type word in any case form ("шешімімен" -> "decision")."""
    w = fold_text(word.lower())
    for stem, subtype in sorted(vocab(lang).ACT_TYPES.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return str(subtype)
    return None


def find_anchors(text: str, lang: str, *, loose_number: bool = False) -> list[Anchor]:
    """Act references with a date and a number in ``text`` (a paragraph of clean
    text), in order; registrations included (the header tells them apart).

    See :func:`lexversion.parse.citations.find` for the rules; with
    ``loose_number`` a date whose number the export moved away takes the single
    "№ ..." of ``text`` (editorial notes).
    """
    return [
        Anchor(f.start, f.end, replace(f.act, title=None), f.moved)
        for f in find(text, lang, loose_number=loose_number)
        if f.act.number is not None
    ]


def same_act(a: ActRef, b: ActRef) -> bool:
    """True when ``a`` and ``b`` name the same act: same date and number
    (look-alike letters folded) and, when both know it, the same region."""
    if a.date is None or b.date is None or a.number is None or b.number is None:
        return False
    if a.date != b.date or fold_number(a.number) != fold_number(b.number):
        return False
    return not (a.region and b.region and a.region != b.region)


def act_key(a: ActRef) -> tuple[str | None, date | None, str | None]:
    """Identity key of an act: (region, date, folded number)."""
    return (a.region, a.date, fold_number(a.number) if a.number else None)


def is_own(a: ActRef, own: ActRef) -> bool:
    """True when reference ``a`` names the act ``own`` itself: the same act
    (:func:`same_act`), or its number printed with another date in its region (a
    slip of the source, DOMAIN.md 4.6: seed 003's extract dates decision No
    225/42-II "2004 жылғы 8 сәуiрдегi"; reported as a warning, not a citation)."""
    if same_act(a, own):
        return True
    return bool(
        a.number
        and own.number
        and fold_number(a.number) == fold_number(own.number)
        and not (a.region and own.region and a.region != own.region)
    )
