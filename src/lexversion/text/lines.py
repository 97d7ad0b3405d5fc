"""Decoded text -> lines, and paragraphs with an offset map back to the source.

Normalisation moves and re-spaces text; it never drops or invents a non-blank
character (ARCHITECTURE.md invariant 1). What it does (DOMAIN.md 4.3-4.4):

* decodes the file (UTF-8, else the encoding ``charset-normalizer`` detects,
  e.g. Windows-1251 or UTF-16) and unifies line ends;
* splits lines, measures their indent and drops trailing spaces;
* joins the printed lines of a paragraph with one space, or with none after a
  hyphen at a line end ("6-" + "бабының" -> "6-бабының") and next to
  punctuation that belongs to the other line ("енгізіледі)" + "." ->
  "енгізіледі).");
* keeps, for every paragraph, the offsets of its pieces in the decoded text
  (:class:`OffsetMap`), so spans found in clean text map back to the source.

Repairs of export artifacts (displaced link text, letter spacing, DOMAIN.md
4.1-4.2) live in :mod:`lexversion.text.repair`; they work on the same lines and maps.

Blank lines (page breaks) are not decided here: :mod:`lexversion.parse.structure`
decides which blank lines end a block and which fall mid-sentence.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence
from typing import NamedTuple


class OffsetMap(NamedTuple):
    """Maps offsets in a paragraph's clean text to offsets in the decoded source.

    ``clean_starts[i]`` is where piece ``i`` begins in the clean text and
    ``raw_starts[i]`` where it begins in the source; pieces are copied verbatim,
    so inside a piece the offsets move together. ``clean_starts`` always rises;
    ``raw_starts`` rises too except where a repair moved a piece
    (:mod:`lexversion.text.repair`, DOMAIN.md 4.1), and every repair is recorded.

    Like :class:`Line` and :class:`Paragraph`, an immutable ``NamedTuple``: made
    for every line, paragraph and cell, and a tuple is made faster than a frozen
    dataclass.
    """

    clean_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]

    def to_raw(self, offset: int) -> int:
        """Source offset of clean-text ``offset`` (a joining space maps to the next piece)."""
        i = bisect.bisect_right(self.clean_starts, offset) - 1
        if i < 0:
            return self.raw_starts[0] if self.raw_starts else 0
        return self.raw_starts[i] + (offset - self.clean_starts[i])

    @classmethod
    def of_pieces(cls, pieces: Sequence[tuple[int, int]]) -> OffsetMap:
        """Map from ``(clean_start, raw_start)`` pairs in clean order, merging a piece
        into the one before it when both offsets continue it (same text, fewer pieces)."""
        cs: list[int] = []
        rs: list[int] = []
        c0 = r0 = 0  # the last piece kept (cs[-1], rs[-1])
        for c, r in pieces:
            if cs:
                if c > c0 and c - c0 == r - r0:
                    continue
                if c == c0:
                    rs[-1] = r0 = r
                    continue
            cs.append(c)
            rs.append(r)
            c0, r0 = c, r
        return cls(tuple(cs), tuple(rs))

    def suffix(self, text: str, rest: str) -> OffsetMap:
        """The map of ``rest.strip()``, a suffix of ``text`` (the paragraph this
        map belongs to): offsets shift left by where the stripped suffix starts."""
        delta = len(text) - len(rest.lstrip())
        cs: list[int] = []
        rs: list[int] = []
        for c, r in zip(self.clean_starts, self.raw_starts, strict=True):
            if c <= delta:  # the piece holding ``delta`` starts the new map
                cs, rs = [0], [r + (delta - c)]
            else:
                cs.append(c - delta)
                rs.append(r)
        return OffsetMap(tuple(cs), tuple(rs))


class Line(NamedTuple):
    """One printed line: 1-based number, offset of its first non-blank
    character in the decoded text, leading-space count, and stripped text.

    ``offsets`` is ``None`` for a line as printed (``text`` is the source from
    ``start`` on); a line whose text a repair changed (:mod:`lexversion.text.repair`)
    carries the map of its text back to the source.

    A ``NamedTuple`` rather than a frozen dataclass: a document makes a
    ``Line`` of every printed line and of every repaired one, and a tuple is
    made in a third of the time (an immutable value all the same).
    """

    no: int
    start: int
    indent: int
    text: str
    offsets: OffsetMap | None = None

    @property
    def blank(self) -> bool:
        """True for a line with no visible character."""
        return not self.text

    def to_raw(self, offset: int) -> int:
        """Source offset of ``text[offset]``."""
        if self.offsets is None:
            return self.start + offset
        return self.offsets.to_raw(offset)

    def pieces(self) -> tuple[tuple[int, int], ...]:
        """``(text_offset, raw_offset)`` of each verbatim piece of ``text``."""
        if self.offsets is None:
            return ((0, self.start),)
        return tuple(zip(self.offsets.clean_starts, self.offsets.raw_starts, strict=True))


def split_lines(text: str) -> list[Line]:
    """Split decoded text into :class:`Line` s (trailing spaces dropped).

    Each step runs over all lines at once (a comprehension or ``map``), and the
    lines are made as ``Line._make`` makes them, without a Python frame each: a
    document has thousands of lines. Raises nothing."""
    raws = text.split("\n")
    bodies = [raw.rstrip() for raw in raws]
    texts = [body.lstrip(" \t\u00a0") for body in bodies]
    indents = list(map(operator.sub, map(len, bodies), map(len, texts)))
    # where each line begins in ``text``: after the lines before it and their "\n"
    begins = itertools.accumulate(map((1).__add__, map(len, raws)), initial=0)
    starts = map(operator.add, begins, indents)
    rows = zip(itertools.count(1), starts, indents, texts, itertools.repeat(None))
    return list(map(tuple.__new__, itertools.repeat(Line), rows))


class Paragraph(NamedTuple):
    """Printed lines joined into one paragraph, with their offset map."""

    text: str
    lines: tuple[Line, ...]
    offsets: OffsetMap

    @property
    def first(self) -> Line:
        """The paragraph's first line."""
        return self.lines[0]


_CLOSERS = frozenset(".,;:!?)»%")
_OPENERS = frozenset("(«")
#: a line opening with none of these after one ending in none of ``_ENDS_TIGHT``
#: joins with a space (:func:`_joins_tight` needs one of them to say otherwise)
_OPENS_TIGHT = _CLOSERS | {'"'}
_ENDS_TIGHT = _OPENERS | {"-", '"'}


def _joins_tight(prev: str, nxt: str) -> bool:
    """Whether two printed lines join without a space (DOMAIN.md 4.4).

    A hyphen glued to a word or number ends a broken compound ("6-" +
    "бабының"); a line opening with closing punctuation ("." / ", мемлекеттің")
    or a closing quote ('" деген') belongs to the word before it; a line ending
    in an opening bracket or an opening quote ('және "') belongs to the next.
    """
    if prev.endswith("-") and len(prev) > 1 and not prev[-2].isspace():
        return True
    if nxt[0] in _CLOSERS or prev[-1] in _OPENERS:
        return True
    if nxt[0] == '"' and (len(nxt) == 1 or nxt[1] == " " or nxt[1] in _CLOSERS):
        return True
    return prev[-1] == '"' and (len(prev) == 1 or prev[-2] == " ")


def join_lines_plain(lines: Sequence[Line]) -> Paragraph:
    """Join non-blank ``lines`` into a :class:`Paragraph` (DOMAIN.md 4.4), the plain
    definition: :func:`_joins_tight` is asked about every two lines joined.

    Lines are joined with one space, or with none where :func:`_joins_tight`
    says the break fell inside a word or next to punctuation ("6-" +
    "бабының", "12/160-" + "VIII", "енгізіледі)" + "."). Blank lines are
    skipped. A line carrying its own offset map (a repaired line) keeps its
    pieces. Raises nothing.
    """
    return _join(lines, screen=False)


def join_lines_screened(lines: Sequence[Line]) -> Paragraph:
    """:func:`join_lines_plain`, asking :func:`_joins_tight` only when a line may join
    tight (the fast path :func:`join_lines` takes).

    Why it is sound: :func:`_joins_tight` says yes only when the next line opens
    with a closer or a quote (``_OPENS_TIGHT``) or the line before ends in a
    hyphen, an opener or a quote (``_ENDS_TIGHT``); when neither holds, the lines
    join with a space without asking, an inline test of two characters instead
    of a call. Raises nothing.
    """
    return _join(lines, screen=True)


#: how every paragraph is joined: the fast path of :func:`join_lines_plain`
#: (tests/text/test_lines.py checks they agree)
join_lines = join_lines_screened


def _join(lines: Sequence[Line], screen: bool) -> Paragraph:
    """:func:`join_lines_plain` (``screen`` false) or :func:`join_lines_screened`."""
    parts: list[str] = []
    clean_starts: list[int] = []
    raw_starts: list[int] = []
    kept: list[Line] = []
    length = 0
    prev = ""
    for line in lines:
        text = line.text
        if not text:  # a blank line
            continue
        if kept and (
            (screen and text[0] not in _OPENS_TIGHT and prev[-1] not in _ENDS_TIGHT)
            or not _joins_tight(prev, text)
        ):
            parts.append(" ")
            length += 1
        om = line.offsets
        if om is None:
            clean_starts.append(length)
            raw_starts.append(line.start)
        else:  # a repaired line: its pieces, shifted to where it starts
            clean_starts.extend(map(length.__add__, om.clean_starts))
            raw_starts.extend(om.raw_starts)
        parts.append(text)
        length += len(text)
        kept.append(line)
        prev = text
    return Paragraph("".join(parts), tuple(kept), OffsetMap(tuple(clean_starts), tuple(raw_starts)))
