"""Later events out of the printed text: what the body says about after the as-of date.

Issue 13, item 10: a PDF of the text in force on a date shows only what
applies on that date. The exported text carries the database's editorial notes
and requisites as of export, so a text printed as of 2023 says "Күші жойылды -
... 2024 ... № 18-84 шешімімен" (repealed by a 2024 decision). :func:`split_later`
takes out of the view blocks every editorial note, and every sentence of
another block, that links to an act whose event on the work comes after the
as-of date (the history's date lies wholly after it), and returns them apart;
the print template shows them in a section titled "Later events". Nothing
is dropped: each piece moved is printed there, in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from lxml import etree

from lexversion.akn.namespaces import NS
from lexversion.model import HistoryEntry
from lexversion.render.html import Segment, ViewBlock
from lexversion.render.text import all_text
from lexversion.timeline.pit import relation

#: history item types whose "by" act acts on the work itself
_ACTING = ("repeal", "amendment")


def later_acts(history: Iterable[HistoryEntry], as_of: date, work: str) -> frozenset[str]:
    """The acts whose repeal or amendment of ``work`` takes effect wholly after
    ``as_of`` (``history``: the work's ``Store.history`` items)."""
    return frozenset(
        it.by
        for it in history
        if it.by
        and it.by != work
        and (it.type in _ACTING or it.type.startswith("effect:"))
        and it.on in {work, None}
        and relation(as_of, it.date) == "before"
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def later_notes(xml: bytes, later: frozenset[str]) -> frozenset[str]:
    """The texts (whitespace collapsed) of the editorial notes of ``xml`` that
    link to a ``later`` act (the view keeps a note's text, not its links)."""
    if not later:
        return frozenset()
    root = etree.fromstring(xml)
    out = set()
    for remark in root.iter(f"{{{NS}}}remark"):
        if any(r.get("href") in later for r in remark.iter(f"{{{NS}}}ref")):
            out.add(_flat(all_text(remark)))
    return frozenset(out)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` holding ``text[start:end]``: from
    after the last ". " before ``start`` to the first "." after ``end`` (or the end)."""
    lo = text.rfind(". ", 0, start)
    hi = text.find(".", end)
    return (0 if lo < 0 else lo + 2), (len(text) if hi < 0 else hi + 1)


def _slice(segments: Sequence[Segment], lo: int, hi: int) -> tuple[Segment, ...]:
    """The runs of ``segments`` between character offsets ``lo`` and ``hi``."""
    out: list[Segment] = []
    at = 0
    for s in segments:
        a, b = max(lo, at), min(hi, at + len(s.text))
        if a < b:
            out.append(Segment(s.text[a - at : b - at], s.href))
        at += len(s.text)
    return tuple(out)


def _cut(b: ViewBlock, later: frozenset[str]) -> tuple[ViewBlock | None, list[str]]:
    """``b`` without the sentences linking to a ``later`` act, and those sentences."""
    text = "".join(s.text for s in b.segments)
    cuts: list[tuple[int, int]] = []
    at = 0
    for s in b.segments:
        if s.href in later:
            cuts.append(_sentence(text, at, at + len(s.text)))
        at += len(s.text)
    if not cuts:
        return b, []
    kept: list[Segment] = []
    moved: list[str] = []
    prev = 0
    for lo, hi in sorted(set(cuts)):
        lo = max(lo, prev)
        kept += _slice(b.segments, prev, lo)
        moved.append(text[lo:hi].strip())
        prev = max(prev, hi)
    kept += _slice(b.segments, prev, len(text))
    if not "".join(s.text for s in kept).strip():
        return None, moved
    return ViewBlock(b.kind, b.depth, tuple(kept), b.label, b.eid), moved


def split_later(
    blocks: Sequence[ViewBlock], later: frozenset[str], notes: frozenset[str] = frozenset()
) -> tuple[tuple[ViewBlock, ...], tuple[str, ...]]:
    """(the blocks as in force on the as-of date, the pieces about ``later``
    acts in reading order): a whole editorial note when it links to a later
    act (or its text is one of ``notes``, :func:`later_notes`), else the
    sentence holding the link."""
    if not later:
        return tuple(blocks), ()
    kept: list[ViewBlock] = []
    moved: list[str] = []
    run: list[ViewBlock] = []  # consecutive note blocks: one note, a line each
    for b in [*blocks, ViewBlock("end", 0, ())]:
        if b.kind == "note":
            run.append(b)
            continue
        if run:
            texts = [_flat("".join(s.text for s in x.segments)) for x in run]
            hit = any(t in notes for t in texts) or any(
                s.href in later for x in run for s in x.segments
            )
            if hit:
                moved.append(" ".join(t for t in texts if t))
            else:
                kept += run
            run = []
        if b.kind == "end":
            break
        nb, pieces = _cut(b, later)
        moved += pieces
        if nb is not None:
            kept.append(nb)
    return tuple(kept), tuple(moved)


__all__ = ["later_acts", "later_notes", "split_later"]
