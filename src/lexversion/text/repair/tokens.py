"""Tokens: the words of a line being repaired, and how they render back.

A line becomes :class:`Tok` s (:func:`tokens`): its words, each made of verbatim
pieces of the source with their raw offsets. The passes (:mod:`.driver`) move,
join and cut tokens but never change a character (ARCHITECTURE.md invariant 1);
:func:`render` (flowing text) and :func:`render_columns` (fixed-width text, DOMAIN.md
4.5) print them back with the offset map of every character to the source
(:class:`~lexversion.text.lines.OffsetMap`), and :func:`rendered_line` makes the line.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from lexversion.text.lines import Line, OffsetMap


class Tok:
    """A word of a line being repaired: verbatim pieces ``(text, raw offset)``,
    the column where it starts and the spaces before it in the printed line;
    ``text`` is the pieces joined (given when the caller has it)."""

    __slots__ = ("col", "final", "glue", "pieces", "space", "text")

    def __init__(
        self,
        pieces: list[tuple[str, int]],
        col: int,
        space: int,
        glue: bool = False,
        text: str | None = None,
        final: bool = False,
    ) -> None:
        self.pieces = pieces
        self.col = col
        self.space = space
        self.glue = glue  # rendered with no space before it
        self.final = final  # a word closed up from spaced letters: never joined again
        if text is None:
            text = pieces[0][0] if len(pieces) == 1 else "".join([t for t, _ in pieces])
        self.text = text

    @property
    def raw_start(self) -> int:
        """Source offset of the token's first character."""
        return self.pieces[0][1]

    @property
    def raw_end(self) -> int:
        """Source offset after the token's last piece."""
        t, r = self.pieces[-1]
        return r + len(t)


_WORD = re.compile(r"\S+")


def _printed_tokens(line: Line) -> list[Tok]:
    """The words of ``line`` as printed (no offset map; maximal runs of non-space
    characters), one piece each, with the column of each in its text and the
    spaces before each (the indent before the first)."""
    text = line.text
    words = text.split()
    if not words:
        return []
    find = text.find
    start = line.start
    w = words[0]
    end = find(w)
    out = [Tok([(w, start + end)], end, line.indent, False, w)]
    append = out.append
    end += len(w)
    for w in itertools.islice(words, 1, None):
        a = find(w, end)  # the next occurrence of a word is where it stands
        append(Tok([(w, start + a)], a, a - end, False, w))
        end = a + len(w)
    return out


def tokens(line: Line) -> list[Tok]:
    """The words of ``line`` (maximal runs of non-space characters), each with
    its pieces: one for a line as printed, cut where the line's offset map
    starts a piece for a repaired line."""
    if line.offsets is None:  # a line as printed: one piece per word
        return _printed_tokens(line)
    text = line.text
    out: list[Tok] = []
    space = line.indent
    end = 0
    marks = sorted(set(line.offsets.clean_starts))
    for m in _WORD.finditer(text):
        a, b = m.span()
        cuts = [a, *marks[bisect_right(marks, a) : bisect_left(marks, b)], b]
        pieces = [(text[x:y], line.to_raw(x)) for x, y in itertools.pairwise(cuts)]
        out.append(Tok(pieces, a, space if not out else a - end, text=m.group()))
        end = b
    return out


def split_token(tok: Tok, k: int) -> tuple[Tok, Tok]:
    """Cut ``tok`` before its ``k``-th character; the right part is glued to the left."""
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    n = 0
    for t, r in tok.pieces:
        if n + len(t) <= k:
            left.append((t, r))
        elif n >= k:
            right.append((t, r))
        else:
            left.append((t[: k - n], r))
            right.append((t[k - n :], r + k - n))
        n += len(t)
    return Tok(left, tok.col, tok.space, tok.glue), Tok(right, tok.col + k, 0, True)


def merge_tokens(toks: Sequence[Tok]) -> Tok:
    """One token of the non-empty ``toks`` (their pieces in order), where the first stood."""
    first = toks[0]
    pieces = [p for t in toks for p in t.pieces]
    return Tok(pieces, first.col, first.space, first.glue, "".join([t.text for t in toks]))


def words_apart(toks: Sequence[Tok]) -> list[int]:
    """Spaces to print before each word: one, none before a glued word, and two
    between one-character words printed two or more spaces apart, so that no
    run of spaced letters appears that the print did not have (and a second
    repair finds nothing new). Glued words count as one word."""
    n = len(toks)
    out = [1] * n
    back = 0  # length of the word before, its glued parts included
    for i, tok in enumerate(toks):
        size = len(tok.text)
        if tok.glue or not i:
            out[i] = 0
            back += size
            continue
        if back == 1 and tok.space >= 2 and not tok.final:
            ahead = size  # this word with the parts glued after it
            j = i + 1
            while j < n and toks[j].glue:
                ahead += len(toks[j].text)
                j += 1
            if ahead == 1:
                out[i] = 2
        back = size
    return out


# The renderers give the text offsets and the source offsets of the pieces of
# their text, merged as :meth:`OffsetMap.of_pieces` merges them: text offsets
# rise piece by piece, so a piece that continues the last one kept (the same
# distance between the offsets) is dropped. Only that distance is kept: text
# less source offset, 1 before the first piece, which no piece continues (its
# text offset is 0).


def render(toks: Sequence[Tok]) -> tuple[str, list[int], list[int]]:
    """Flowing text, the words :func:`words_apart`, and its pieces' text and
    source offsets. A space after a moved fragment maps to the word after it,
    keeping the map inside the source."""
    out: list[str] = []
    cs: list[int] = []
    rs: list[int] = []
    d = 1  # text less source offset of the last piece kept
    n = 0
    end = 0  # source offset after the word before
    for tok, gap in zip(toks, words_apart(toks), strict=True):
        own = tok.pieces
        start = own[0][1]
        if gap:
            if end > start:
                for k in range(n, n + gap):
                    if k - start != d:
                        cs.append(k)
                        rs.append(start)
                        d = k - start
            out.append(" " * gap)
            n += gap
        text = tok.text
        out.append(text)
        if len(own) == 1:  # most words: one piece
            if n - start != d:
                cs.append(n)
                rs.append(start)
                d = n - start
            n += len(text)
            end = start + len(text)
            continue
        for t, r in own:
            if n - r != d:
                cs.append(n)
                rs.append(r)
                d = n - r
            n += len(t)
        end = n - d  # the last piece continues the last one kept
    return "".join(out), cs, rs


def render_columns(toks: Sequence[Tok]) -> tuple[str, list[int], list[int]]:
    """Fixed-width text: every word at its printed column, so table columns stay
    where they were; a closed-up word leaves its spaces after it. Returns the
    text and its pieces' text and source offsets: a padding space maps to the
    source character after the word before it (monotonic)."""
    out: list[str] = []
    cs: list[int] = []
    rs: list[int] = []
    d = 1  # text less source offset of the last piece kept
    n = 0
    end = 0  # source offset after the word before
    for i, tok in enumerate(toks):
        col = tok.col
        want = col if col > n else n + (0 if tok.glue or not i else 1)
        if i and want > n:
            # the first padding space may continue the word before; the others,
            # mapping to the same source offset, are pieces of their own
            if n - end != d:
                cs.append(n)
                rs.append(end)
            if want - n > 1:
                cs.extend(range(n + 1, want))
                rs.extend(itertools.repeat(end, want - n - 1))
            d = want - 1 - end
            out.append(" " * (want - n))
            n = want
        out.append(tok.text)
        for t, r in tok.pieces:
            if n - r != d:
                cs.append(n)
                rs.append(r)
                d = n - r
            n += len(t)
        end = n - d  # the last piece continues the last one kept
    return "".join(out), cs, rs


def line_of(line: Line, text: str, pieces: list[tuple[int, int]]) -> Line:
    """``line`` with ``text`` and the map of its ``(text offset, source offset)``
    pieces; ``line`` itself when that is the line as printed."""
    if line.offsets is None and pieces == [(0, line.start)] and text == line.text:
        return line
    return Line(line.no, line.start, line.indent, text, OffsetMap.of_pieces(pieces))


def rendered_line(line: Line, toks: Sequence[Tok], text: str, cs: list[int], rs: list[int]) -> Line:
    """:func:`line_of` the ``text`` and merged pieces (text offsets ``cs``, source
    offsets ``rs``) a renderer made of ``toks`` (the pieces are already what
    :meth:`OffsetMap.of_pieces` would keep)."""
    if len(toks) == 1 and len(toks[0].pieces) == 1:  # one piece: maybe the line as printed
        return line_of(line, text, list(zip(cs, rs, strict=True)))
    return Line(line.no, line.start, line.indent, text, OffsetMap(tuple(cs), tuple(rs)))
