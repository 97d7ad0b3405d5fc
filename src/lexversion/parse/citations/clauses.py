"""Clauses of a paragraph: an act reference never crosses their boundaries.

Two strategies with one interface: :class:`Clauses`, the plain definition, searches
the boundaries from each offset it is asked about; :class:`BisectClauses`, the fast
path :func:`~lexversion.parse.citations.find` uses, makes one boundary pass over
the paragraph and answers each question by :mod:`bisect`. They agree on every text
and offset (tests/parse/citations).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

#: clause boundaries: an act reference never crosses them
BOUNDARY = re.compile(r"[;:]|\.\s|\d\)\s")


class Clauses:
    """The clauses of ``text`` by its boundaries (:data:`BOUNDARY`), searched anew
    for each question (the plain definition)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def start(self, pos: int) -> int:
        """Where the clause holding offset ``pos`` starts: the end of the last boundary
        ending at or before ``pos``, else 0."""
        ends = [b.end() for b in BOUNDARY.finditer(self.text) if b.end() <= pos]
        return ends[-1] if ends else 0

    def end(self, pos: int) -> int:
        """Where the clause holding offset ``pos`` ends: the start of the first boundary
        at or after ``pos`` (``BOUNDARY.search(text, pos)``), else the end of ``text``."""
        nxt = BOUNDARY.search(self.text, pos)
        return nxt.start() if nxt else len(self.text)


class BisectClauses(Clauses):
    """:class:`Clauses` from one boundary pass and :mod:`bisect` (the fast path).

    Why it is sound: ``finditer`` gives the boundaries left to right without overlap,
    so their starts (``opens``) and ends (``stops``) ascend. The last boundary ending
    at or before ``pos`` is ``stops[bisect_right(stops, pos) - 1]``. The first match
    of ``BOUNDARY.search(text, pos)`` is the first boundary of the pass starting at
    or after ``pos``: no boundary starts inside another (their later characters, ")"
    and a space, start none), so a search from ``pos`` meets the same matches as the
    pass.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        bounds = [b.span() for b in BOUNDARY.finditer(text)]
        self.opens = [b[0] for b in bounds]
        self.stops = [b[1] for b in bounds]

    def start(self, pos: int) -> int:
        """:meth:`Clauses.start` by bisection."""
        k = bisect_right(self.stops, pos)
        return self.stops[k - 1] if k else 0

    def end(self, pos: int) -> int:
        """:meth:`Clauses.end` by bisection."""
        k = bisect_left(self.opens, pos)
        return self.opens[k] if k < len(self.opens) else len(self.text)
