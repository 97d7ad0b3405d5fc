"""The parts of a decision, cut but not yet read: :class:`Parts` and its pieces.

Shared by the two cutters, the export's layout (:mod:`lexversion.parse.structure`)
and text printed without it (:mod:`lexversion.parse.opening`): the values, and how
the decision's paragraphs split into preamble, body and conclusions (DOMAIN.md 2.5-2.7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexversion.model import Repair
from lexversion.parse import layout as L
from lexversion.parse.formula import formula_index
from lexversion.text.lines import Line, Paragraph

#: a note marker's word and its stop ("Ескерту.", "Сноска -")
_MARKER_WORD = re.compile(r"^\s*\S+\s*[.\-–]")

INDENT = 2  # a line indented by this much or more opens a paragraph


@dataclass
class Part:
    """A run of paragraphs of one kind, in source order.

    ``kind``: ``p`` (a paragraph), ``heading`` (chapter or section heading),
    ``note`` (editorial note; ``extract`` holds a printed extract), ``layout``
    (fixed-width lines kept one by one, ``name`` ``table``/``passport``).
    """

    kind: str
    para: Paragraph
    extract: list[Paragraph] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    name: str = ""
    level: str = ""  # for headings: chapter | section | subsection


@dataclass
class AnnexParts:
    """One annex: approval-block lines, title lines, content parts."""

    approval: list[Line]
    title: list[Line]
    content: list[Part]


@dataclass
class Parts:
    """The whole document cut into parts (no text interpreted yet)."""

    title: list[Line] = field(default_factory=list)
    status: Line | None = None
    requisites: list[Line] = field(default_factory=list)
    notes: list[Part] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list)
    body: list[Part] = field(default_factory=list)
    conclusions: list[Paragraph] = field(default_factory=list)
    annexes: list[AnnexParts] = field(default_factory=list)
    #: repairs of export artifacts (DOMAIN.md 4.1-4.2), doubts included, in part order
    repairs: list[Repair] = field(default_factory=list)
    #: one line per doubt: evidence of an artifact left as printed
    warnings: list[str] = field(default_factory=list)
    #: a mirror's card of labelled fields before the decision, ``(field, value)`` in
    #: order (:mod:`lexversion.parse.card`); its lines are filed as notes too
    card: list[tuple[str, str]] = field(default_factory=list)


def split_decision(paras: list[Paragraph], lang: str, parts: Parts) -> None:
    """Split the decision's paragraphs into ``parts.preamble`` (up to the enacting
    formula, else up to the first numbered point), ``parts.body`` and
    ``parts.conclusions`` (the trailing run of short paragraphs holding a signature)."""
    formula = formula_index([p.text for p in paras], lang)
    if formula is None:
        formula = (
            next(
                (
                    k
                    for k, p in enumerate(paras)
                    if L.NUMBERED.match(p.text) or L.SUBPOINT.match(p.text)
                ),
                len(paras),
            )
            - 1
        )
    parts.preamble = paras[: formula + 1]
    rest = paras[formula + 1 :]
    # conclusions: the trailing run of short, unnumbered paragraphs holding a signature
    cut = len(rest)
    for k in range(len(rest) - 1, -1, -1):
        p = rest[k]
        if len(L.despace(p.text)) > 160 or L.NUMBERED.match(p.text) or L.SUBPOINT.match(p.text):
            break
        cut = k
    tail = rest[cut:]
    if tail and not any(
        L.is_signature_like(p.text, lang) or L.matches(lang, "APPROVAL_LIST", p.text) for p in tail
    ):
        cut = len(rest)
    # a signature run never starts before the first numbered point
    first_num = next((k for k, p in enumerate(rest) if L.NUMBERED.match(p.text)), None)
    if first_num is not None and cut <= first_num:
        cut = len(rest)
    parts.body = [classify(p, lang) for p in rest[:cut]]
    parts.conclusions = rest[cut:]


def classify(p: Paragraph, lang: str) -> Part:
    """A paragraph as a part: an editorial ``note`` ("Ескерту. ...") or a ``p``."""
    if L.matches(lang, "NOTE_MARKERS", p.text[:30]) and _MARKER_WORD.match(L.despace(p.text)):
        return Part("note", p)
    return Part("p", p)
