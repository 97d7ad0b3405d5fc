"""``lexversion normalize``: a raw export's repaired text, part by part, with its repairs.

Decodes and cuts the export into its parts as :func:`lexversion.parse.parse`
does (:mod:`lexversion.parse.structure`), so the text shown is the text the
parser reads; each repair and doubt is listed for ``--explain``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lexversion.model import Repair
from lexversion.parse.structure import split
from lexversion.text.decode import decode
from lexversion.text.language import detect_language
from lexversion.text.lines import Line, join_lines, split_lines
from lexversion.text.repair import KINDS


@dataclass(frozen=True)
class Normalized:
    """A document's repaired text, one paragraph (or layout line) a line, with its repairs."""

    source: str
    lang: str
    text: str
    repairs: tuple[Repair, ...]

    def explain(self) -> str:
        """A header with the counts, then one line per repair or doubt, in source order."""
        counts = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in self.counts().items())
        rows = [f"# {self.source}: {counts or 'nothing to repair'}"]
        rows += [str(r) for r in sorted(self.repairs, key=lambda r: (r.line, r.raw_start))]
        return "\n".join(rows)

    def to_json(self) -> dict[str, Any]:
        """``{source, lang, text, counts, repairs}``."""
        return {
            "source": self.source,
            "lang": self.lang,
            "text": self.text,
            "counts": self.counts(),
            "repairs": [r.to_json() for r in self.repairs],
        }

    def counts(self) -> dict[str, int]:
        """Number of repairs of each kind."""
        c = Counter(r.kind for r in self.repairs)
        return {k: c[k] for k in KINDS if c[k]}


def normalize_document(data: bytes | str, source: str = "<input>") -> Normalized:
    """Decode, cut and repair a raw export; the text reads part by part.

    Raises :class:`~lexversion.errors.InputError` for input that
    :func:`lexversion.text.decode.decode` rejects.
    """
    text = decode(data, source)
    lang = detect_language(text)
    parts = split(split_lines(text), lang)
    blocks: list[list[str]] = []

    def lines_of(ls: Iterable[Line]) -> list[str]:
        return [ln.text for ln in ls if not ln.blank]

    blocks.append([join_lines(parts.title).text] if parts.title else [])
    if parts.status is not None:
        blocks.append([parts.status.text])
    blocks.append([join_lines(parts.requisites).text] if parts.requisites else [])
    blocks.append([t for n in parts.notes for t in [n.para.text, *(e.text for e in n.extract)]])
    blocks.append([p.text for p in parts.preamble])
    blocks.append(list(_part_texts(parts.body)))
    blocks.append([p.text for p in parts.conclusions])
    for annex in parts.annexes:
        blocks.append(lines_of(annex.approval))
        blocks.append([join_lines(annex.title).text] if annex.title else [])
        blocks.append(list(_part_texts(annex.content)))
    body = "\n\n".join("\n".join(b) for b in blocks if b)
    return Normalized(source, lang, body + "\n", tuple(parts.repairs))


def _part_texts(parts: Iterable[Any]) -> Iterator[str]:
    for part in parts:
        if part.kind == "layout":
            yield from (ln.text for ln in part.lines)
        else:
            yield part.para.text
            yield from (e.text for e in part.extract)
