"""Table rows whose only evidence is their column spacing (DOMAIN.md 4.5).

A table's rows keep their words at their printed columns; most rows show no
artifact but the spaces between their columns. :class:`Rows` (the plain way:
every row through the passes) and :class:`ColumnRows` (such rows skip them) give
:func:`~.driver.repair_layout` the same lines and maps.
"""

from __future__ import annotations

import itertools
import re

from lexversion.text.lines import Line, OffsetMap
from lexversion.text.repair.spacing import FRAGMENT, SPACED_4

#: two or more spaces: a gap between columns (or between justified words)
_COLUMN_GAP = re.compile(r"\s{2,}")
#: how a word that is a fragment (:data:`FRAGMENT`) and not 1-3 letters opens
_FRAGMENT_OPENS = ".,;:)%-"
#: a word opening with a hyphen after a space (" -қон")
_HYPHEN_WORD = re.compile(r"\s-")


class Rows:
    """Which rows of a fixed-width block (DOMAIN.md 4.5) skip the passes, the plain
    way: none. Every row goes through the passes and is rendered in columns
    (:func:`~.tokens.render_columns`)."""

    def unchanged(self, line: Line, short: frozenset[str]) -> Line | None:
        """The line a table row repairs into when no repair can apply to it (then the
        passes are skipped), else ``None``; ``short``: the language's short words.
        The plain way never knows: ``None``. Raises nothing."""
        return None


class ColumnRows(Rows):
    """Rows whose only evidence is the spacing of their columns skip the passes.

    Sound because such a row has no spaced run of four letters (no
    :data:`~.spacing.SPACED_4`, so :class:`~.spacing.CloseUp` changes nothing), no
    word a justified row's words may join (no :data:`~.spacing.FRAGMENT` word
    outside ``short``: :func:`~.spacing.mend_words`), and, with fewer than three
    column gaps, no hyphenated half (:func:`~.spacing.mend_hyphens`); no link
    text moves in a table. Its words then render at their printed columns: the
    text as printed, and the map :func:`_unchanged_row` builds directly. The
    hypothesis property in tests/text/test_repair_strategies.py checks the rows
    and maps equal those of the passes.
    """

    def unchanged(self, line: Line, short: frozenset[str]) -> Line | None:
        """The row as :func:`_unchanged_row` repairs it, or ``None``; raises nothing."""
        return _unchanged_row(line, short)


#: how the rows of every table are screened
COLUMN_ROWS: Rows = ColumnRows()


def _unchanged_row(line: Line, short: frozenset[str]) -> Line | None:
    """The line a table row as printed (no offset map) repairs into when no
    repair can apply, else ``None``: a row whose evidence is only the spacing of
    its columns. Then no run of four letters is spaced (:func:`close_up`), and
    no word is one a justified row's words may join (no :data:`FRAGMENT` word
    outside ``short``, :func:`mend_words`), nor a row with fewer than three
    column gaps a hyphenated half (:func:`mend_hyphens`). Such a row renders
    as :func:`render_columns` renders its words: the text as printed; the map
    has a piece for every padding space after the first of a gap, and one for
    the word after it (as :meth:`OffsetMap.of_pieces` merges them)."""
    text = line.text
    if (
        line.offsets is not None
        or not text.isprintable()  # a space other than a plain one (and some more)
        or text[0] == " "
        or text[-1] == " "
        or SPACED_4.search(text)
    ):
        return None
    gaps = [m.span() for m in _COLUMN_GAP.finditer(text)]
    if len(gaps) >= 3:
        for w in text.split():
            if (
                (len(w) <= 3 or w[0] in _FRAGMENT_OPENS)
                and w not in short
                and FRAGMENT.fullmatch(w)
            ):
                return None
    elif _HYPHEN_WORD.search(text):
        return None
    if " " not in text:  # one word: the line as printed
        return line
    start = line.start
    cs: list[int] = [0]
    rs: list[int] = [start]
    for b, a in gaps:
        cs.extend(range(b + 1, a + 1))
        rs.extend(itertools.repeat(start + b, a - b - 1))
        rs.append(start + a)
    return Line(line.no, start, line.indent, text, OffsetMap(tuple(cs), tuple(rs)))
