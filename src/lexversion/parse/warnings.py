"""What a parse reports without failing: doubts, unread requisites, truncation, slips.

A step of :func:`lexversion.parse.parse`. An act that parses with warnings is
still an act (a truncated export keeps what it has); the warnings say what a
reader should not trust. Slips of the source (DOMAIN.md 4.6) are reported,
never corrected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lexversion.lang import fold_text, vocab
from lexversion.model import ActRef, Repair, RepairKind
from lexversion.parse import citations as C
from lexversion.parse.formula import states_formula
from lexversion.parse.header import Front
from lexversion.parse.structure import Parts
from lexversion.parse.tree import Provisions, SourceMap
from lexversion.text.lines import Line
from lexversion.text.xmlchars import xml_char_warning

#: how a complete act's last line ends
_ENDS = re.compile(r"[.;:!?)\"»_|]$")
#: requisites cut off inside a reference ("... 2017 жылғы", "от", "№")
_DANGLING = re.compile(
    r"(?:\b(?:жылғы|жылы|от|года)|№|\bN|[-–])\s*$|(?<!№ )(?<!№)(?<!N )\b\d{4}\s*$"
)


def input_warnings(repairs: Sequence[Repair]) -> tuple[str, ...]:
    """Warnings of the repairs made to the input itself (issue 16): one per run
    of bytes that were not UTF-8 (``invalid_byte``), one summing up the
    characters XML cannot carry (``xml_char``). Never raises."""
    out = [
        f"line {r.line}: {r.place} (the repair log keeps the original)"
        for r in repairs
        if r.kind == RepairKind.INVALID_BYTE
    ]
    xml = xml_char_warning(tuple(repairs))
    if xml:
        out.append(xml)
    return tuple(out)


def document_warnings(
    parts: Parts,
    front: Front,
    provisions: Provisions,
    lines: Sequence[Line],
    sources: Sequence[SourceMap],
    act: ActRef,
    lang: str,
) -> tuple[str, ...]:
    """Every warning of a parse, in this order: the repairs' doubts
    (``parts.warnings``), the requisites' (``front.header.warnings``), signs of
    a missing structure or a truncated file, then slips found in ``sources``.
    Never raises."""
    return (
        *parts.warnings,
        *front.header.warnings,
        *_structure(parts, front, provisions, lines, lang),
        *_slips(sources, act, lang),
    )


def _structure(
    parts: Parts, front: Front, provisions: Provisions, lines: Sequence[Line], lang: str
) -> list[str]:
    """No numbered points, no enacting formula, a file that ends mid-sentence,
    requisites that end mid-reference or name no repealing act, empty annexes."""
    out: list[str] = []
    requisites = front.requisites.text
    if parts.body and not provisions.body.children:
        out.append("body: no numbered points found")
    if parts.preamble and not any(states_formula(p.text, lang) for p in parts.preamble):
        out.append("preamble: no enacting formula (ШЕШІМ ҚАБЫЛДАДЫ / РЕШИЛ)")
    last = next((ln.text for ln in reversed(lines) if not ln.blank), "")
    if (parts.body or provisions.attachments) and not _ENDS.search(last):
        out.append("text ends mid-sentence: the file may be truncated")
    if (
        re.search(vocab(lang).REPEAL_PREFIX, requisites, re.IGNORECASE)
        and front.header.repealed_by is None
    ):
        out.append("requisites: a repeal clause names no readable act: the file may be truncated")
    if requisites and _DANGLING.search(requisites):
        out.append("requisites end mid-reference: the file may be truncated")
    for att in provisions.attachments:
        if not att.body.children and not att.body.blocks:
            out.append(
                f"{att.eid}: annex '{att.title[:60]}' has no content: the file may be truncated"
            )
    return out


def _slips(sources: Sequence[SourceMap], act: ActRef, lang: str) -> list[str]:
    """Slips of the source (DOMAIN.md 4.6): the act's number printed with
    another date elsewhere in the text. Reported, never corrected."""
    if act.number is None or act.date is None:
        return []
    out = []
    for s in sources:
        for f in C.find(s.text, lang):
            a = f.act
            if a.number and fold_text(a.number) == fold_text(act.number) and a.date != act.date:
                out.append(
                    f"the text dates act No {act.number} {a.date} where the requisites say {act.date} (kept as published)"
                )
    return sorted(set(out))


def transliterated(alphabet: str) -> str:
    """The warning of a page read through a transliteration (DOMAIN.md 1): what
    the parts and metadata are, and where the text as printed is."""
    return (
        f"Latin-script Kazakh ({alphabet} alphabet) read through a transliteration to "
        "Cyrillic: the parts and metadata are that reading; the text as printed is the source text"
    )
