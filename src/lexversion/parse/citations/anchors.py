"""Act references with a date and a number ("anchors").

An *anchor* is a date followed by a number ("2017 жылғы 15 желтоқсандағы №
26-129", "от 29.03.2024 года № 97") with the issuer and act type around it.
They are found by the spaCy rule matching of :mod:`lexversion.parse.citations`
(which also finds laws cited without a number, titles, pinpoints); this module
keeps the anchor view the header, effects and the version graph read. Whether two
anchors name the same act is :mod:`lexversion.parse.citations.identity`.

Export artifacts (DOMAIN.md 4.1) may move one word inside the anchor ("№
решение 152"); such anchors are accepted and the moved word reported.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lexversion.model import ActRef
from lexversion.parse.citations.assemble import find

#: a number: digits, then "/"- or "-"-separated groups of digits or Roman numerals
NUMBER = r"\d+(?:[/\-](?:\d+|[IVXLІХ]+)(?![\wІ]))*"

__all__ = ["NUMBER", "Anchor", "find_anchors"]


@dataclass(frozen=True)
class Anchor:
    """An act reference: span ``[start, end)`` in the searched text and the act."""

    start: int
    end: int
    act: ActRef
    moved: str = ""


def find_anchors(text: str, lang: str, *, loose_number: bool = False) -> list[Anchor]:
    """Act references with a date and a number in ``text`` (a paragraph of clean
    text), in order; registrations included (the header tells them apart).

    See :func:`lexversion.parse.citations.find` for the rules; with
    ``loose_number`` a date whose number the export moved away takes the single
    "№ ..." of ``text`` (editorial notes).
    """
    return [
        Anchor(f.start, f.end, _untitled(f.act), f.moved)
        for f in find(text, lang, loose_number=loose_number)
        if f.act.number is not None
    ]


def _untitled(act: ActRef) -> ActRef:
    """``act`` without its quoted title (an anchor names an act by date and number);
    ``act`` itself when it has none (the same value, not rebuilt field by field)."""
    return act if act.title is None else replace(act, title=None)
