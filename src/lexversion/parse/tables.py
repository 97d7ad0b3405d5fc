"""Fixed-width layout -> tables of rows and cells (DOMAIN.md 2.9, 4.5).

Older programmes print tables ruled with dashes and two-column passports in a
fixed-width font (seed 003 from line 92). The export keeps every printed line
with its indent, so columns are where the lines leave *gutters*: positions that
(almost) no line of the block covers. Letter-spaced lines ("К е л г е н д е р
2 2 6", DOMAIN.md 4.2) were widened after the layout was made, every visible
character followed by one space; their characters are mapped back to the
columns they were printed in (position minus the visible characters before it)
and their words closed up ("Келгендер", "226"). Nothing else is changed: a cell
holds its lines' text joined by single spaces.

Rows:

* **ruled tables**: the lines between the first two rules are the header (one
  row of ``th``); below, a table whose rows are numbered at the margin ("1.",
  "А)", the measures table of seed 003) starts a row at each number, its cells
  running on over the following lines in the same columns, the number a cell of
  its own; a numbered line that ignores the columns ("1. Ұйымдастырушылық және
  ...") is a group heading spanning the row. Otherwise (the migration table) a
  row ends at a line holding figures: label lines before it are its label, a
  label ending in ":" is a heading row.
* **passports**: two columns, label and value; a row starts where a label
  starts again after lines without one.

Every non-blank character of the block lands in exactly one cell or rule line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lexversion.parse.layout import RULE
from lexversion.text.lines import Line, OffsetMap

_RUN = re.compile(r"\S+")
_ROW_NUM = re.compile(r"^(?:\d+\s?\.|[А-ЯA-ZӘІҢҒҮҰҚӨҺ]\))(?=\s|$)")


@dataclass(frozen=True)
class Cell:
    """A table cell: text, column span, header flag, offsets into the source."""

    text: str
    offsets: OffsetMap
    colspan: int = 1
    header: bool = False


@dataclass(frozen=True)
class Table:
    """Rows of cells and the ruling lines printed around them (kept as text)."""

    rows: tuple[tuple[Cell, ...], ...]
    rules: tuple[str, ...]
    columns: int


class _Run(NamedTuple):
    """A word of a printed line: text (letter spacing closed up), column span in
    the printed layout, source offset of each piece of ``text``. (A named tuple:
    a table makes thousands of these.)"""

    text: str
    start: int
    end: int
    clean: tuple[int, ...]
    raw: tuple[int, ...]


#: makes a :class:`_Run` of a 5-tuple, as ``_Run._make`` does, without the Python
#: frame of the generated ``__new__`` (a table makes thousands of runs)
_new = tuple.__new__


def _spaced(text: str) -> bool:
    """A letter-spaced line: every run of visible characters is one character long."""
    runs = text.split()
    return len(runs) >= 3 and all(len(r) == 1 for r in runs)


def runs_of_plain(line: Line) -> list[_Run]:
    """The words of ``line`` (a :class:`~lexversion.text.lines.Line`) with the
    columns they were printed in, left to right (DOMAIN.md 2.9): the plain
    definition, reading a repaired line's words character by character.

    A line whose text a repair changed (``line.offsets`` set: letter spacing
    closed up, :mod:`lexversion.text.repair`) keeps its repaired words; their columns
    come from where their characters stand in the source (``line.to_raw`` of
    each), their pieces are those :func:`_pieces` makes of them, and a line
    letter-spaced there (every word one character or with no two of its
    characters side by side, DOMAIN.md 4.2) is mapped back to its printed
    columns. Raises nothing.
    """
    if line.offsets is None:
        return _printed_runs(line)
    base = line.start - line.indent  # source offset of the printed line's column 0
    out: list[_Run] = []
    spaced = True
    for m in _RUN.finditer(line.text):
        a, b = m.span()
        raws = [line.to_raw(k) for k in range(a, b)]
        clean, raw = _pieces(raws)
        out.append(_Run(m.group(), raws[0] - base, raws[0] - base + b - a, clean, raw))
        spaced = spaced and all(y - x >= 2 for x, y in itertools.pairwise(raws))
    return _unspaced(out) if spaced else out


def runs_of_pieces(line: Line) -> list[_Run]:
    """:func:`runs_of_plain`, reading a repaired line's words from the pieces of
    its offset map instead of character by character (the fast path
    :func:`runs_of` takes).

    Why it is sound: inside a piece of the map the clean and source offsets move
    together, so a word inside one piece is one verbatim piece starting at the
    source offset of its first character (its characters side by side: apart
    only if it has one); a word across pieces gets from :func:`_across` the
    pieces, and the apartness, :func:`_pieces` makes of its characters' source
    offsets, piece by piece. Raises nothing.
    """
    om = line.offsets
    if om is None:
        return _printed_runs(line)
    base = line.start - line.indent  # source offset of the printed line's column 0
    cs, rs = om.clean_starts, om.raw_starts
    last = len(cs) - 1
    out: list[_Run] = []
    # letter-spaced in the source: every word one character or with no two of its
    # characters side by side there
    spaced = True
    bisect_right = bisect.bisect_right
    for m in _RUN.finditer(line.text):
        a, b = m.span()
        i = bisect_right(cs, a) - 1
        if i >= 0 and (i == last or cs[i + 1] >= b):  # one verbatim piece of the map
            first = rs[i] + (a - cs[i])
            col = first - base
            out.append(_new(_Run, (m.group(), col, col + b - a, (0,), (first,))))
            if b - a > 1:
                spaced = False
        else:  # the word spans pieces (letter spacing closed up)
            clean, raw, apart = _across(cs, rs, i, a, b)
            col = raw[0] - base
            out.append(_new(_Run, (m.group(), col, col + b - a, clean, raw)))
            if b - a > 1 and not apart:
                spaced = False
    return _unspaced(out) if spaced else out


#: how every table line's words are read: the fast path of :func:`runs_of_plain`
#: (tests/parse/test_strategies.py checks they agree)
runs_of = runs_of_pieces


def _unspaced(out: list[_Run]) -> list[_Run]:
    """The words ``out`` of a line letter-spaced in the source moved back to their
    printed columns (each left by the visible characters before it), when they
    hold three characters or more; else ``out``."""
    if sum(len(r.text) for r in out) < 3:
        return out
    seen = 0
    for k, (word, start, end, clean, raw) in enumerate(out):
        out[k] = _new(_Run, (word, start - seen, end - seen, clean, raw))
        seen += len(word)
    return out


def _across(
    cs: tuple[int, ...], rs: tuple[int, ...], i: int, a: int, b: int
) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
    """The verbatim pieces (clean starts, raw starts: what :func:`_pieces` makes of
    its characters' source offsets) of the word ``a:b`` of a line whose offset map
    is ``cs``, ``rs`` and whose piece ``i`` holds ``a`` (``-1``: ``a`` stands before
    the first piece, and characters there take the first raw offset), and whether
    no two of its characters stand side by side in the source."""
    end = bisect.bisect_left(cs, b, max(i, 0))  # the pieces from i on that start before b
    if i >= 0 and end - i == b - a and cs[i:end] == tuple(range(a, b)):
        # a piece for each character, as where letter spacing was closed up
        letters = rs[i:end]
        if all(y - x >= 2 for x, y in itertools.pairwise(letters)):  # none continues another
            return tuple(range(b - a)), letters, True
    if i >= 0:
        pc, pr = list(cs[i:end]), list(rs[i:end])
    else:  # a character before the first piece: a piece of its own
        r0 = rs[0] if rs else 0
        stop = cs[0] if cs and cs[0] < b else b
        pc = [*range(a, stop), *cs[:end]]
        pr = [*itertools.repeat(r0, stop - a), *rs[:end]]
    pc.append(b)
    clean: list[int] = []
    raw: list[int] = []
    apart = True
    last = 0  # source offset of the last character so far
    for c, hi, r in zip(pc, pc[1:], pr, strict=False):
        lo = c if c > a else a
        if hi <= lo:  # an empty piece
            continue
        r += lo - c
        if hi - lo > 1 or (raw and r - last < 2):
            apart = False
        if not raw or r - raw[-1] != lo - a - clean[-1]:  # not continuing the piece before
            clean.append(lo - a)
            raw.append(r)
        last = r + (hi - lo - 1)
    if last - raw[0] == b - a - 1:  # copied verbatim (as _pieces tells it)
        return (0,), (raw[0],), apart
    return tuple(clean), tuple(raw), apart


def _pieces(raws: Sequence[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(clean starts, raw starts) of the verbatim pieces of a word whose characters
    stand at source offsets ``raws``."""
    n = len(raws)
    if n and raws[-1] - raws[0] == n - 1:  # copied verbatim
        return (0,), (raws[0],)
    clean: list[int] = []
    raw: list[int] = []
    for k, r in enumerate(raws):
        if raw and r - raw[-1] == k - clean[-1]:
            continue
        clean.append(k)
        raw.append(r)
    return tuple(clean), tuple(raw)


def _printed_runs(line: Line) -> list[_Run]:
    """Runs of a line as printed (letter-spaced lines closed up here)."""
    text = line.text
    if not _spaced(text):
        indent, start = line.indent, line.start
        return [
            _new(_Run, (m.group(), indent + a, indent + b, (0,), (start + a,)))
            for m in _RUN.finditer(text)
            for a, b in (m.span(),)
        ]
    out: list[_Run] = []
    letters: list[tuple[int, int, str]] = []  # (column, raw offset, char)
    seen = 0
    prev = -2
    for i, ch in enumerate(text):
        if ch == " ":
            continue
        if letters and i - prev > 2:  # a double space: the word ends
            out.append(_word(letters))
            letters = []
        letters.append((line.indent + i - seen, line.start + i, ch))
        seen += 1
        prev = i
    if letters:
        out.append(_word(letters))
    return out


def _word(letters: list[tuple[int, int, str]]) -> _Run:
    return _Run(
        "".join(ch for _, _, ch in letters),
        letters[0][0],
        letters[-1][0] + 1,
        tuple(range(len(letters))),
        tuple(raw for _, raw, _ in letters),
    )


def _occupancy(lines: Sequence[list[_Run]]) -> list[int]:
    """How many of ``lines`` cover each position, from 0 to the widest run's end."""
    width = max((r.end for runs in lines for r in runs), default=0)
    delta = [0] * (width + 1)
    for runs in lines:
        for _, start, end, _, _ in runs:
            delta[start] += 1
            delta[end] -= 1
    return list(itertools.accumulate(delta[:width]))


def gutters_plain(lines: Sequence[list[_Run]], window: int = 8) -> list[int]:
    """Column starts: positions where a gutter gives way to printed text (the plain
    definition, DOMAIN.md 2.9). Takes each line's runs; returns the starts, the
    first 0.

    A gutter is a position covered by few lines compared with the text on both
    sides: at most 40% of the lower of the two peaks within ``window`` positions
    left and right, and at most a quarter of the lines. Words that run over a
    column's edge in a few lines do not close a gutter. A column starts where a
    gutter ends, at least 3 positions after the last start. Raises nothing.
    """
    occ = _occupancy(lines)
    if not occ:
        return [0]
    cap = len(lines) / 4
    starts = [0]
    gap = False
    for pos, n in enumerate(occ):
        left = max(occ[max(0, pos - window) : pos], default=0)
        right = max(occ[pos + 1 : pos + 1 + window], default=0)
        if pos > 0 and n <= cap and n <= 0.4 * min(left, right):
            gap = True
            continue
        if gap and pos - starts[-1] >= 3:
            starts.append(pos)
        gap = False
    return starts


def gutters_capped(lines: Sequence[list[_Run]], window: int = 8) -> list[int]:
    """:func:`gutters_plain`, looking up the peaks either side of a position only when
    the cap leaves it open (the fast path :func:`gutters` takes).

    Why it is sound: a gutter must be covered by at most a quarter of the lines
    and by at most 40% of the lower peak; the first test is one comparison, and
    where it fails the position is no gutter whatever the peaks are, so they are
    not looked up (most positions hold text). Raises nothing.
    """
    occ = _occupancy(lines)
    if not occ:
        return [0]
    cap = len(lines) / 4
    starts = [0]
    gap = False
    for pos, n in enumerate(occ):
        if pos > 0 and n <= cap:
            left = max(occ[max(0, pos - window) : pos], default=0)
            right = max(occ[pos + 1 : pos + 1 + window], default=0)
            if n <= 0.4 * min(left, right):
                gap = True
                continue
        if gap and pos - starts[-1] >= 3:
            starts.append(pos)
        gap = False
    return starts


#: how every table's columns are found: the fast path of :func:`gutters_plain`
#: (tests/parse/test_strategies.py checks they agree)
gutters = gutters_capped


def _split(runs: list[_Run], starts: Sequence[int]) -> list[list[_Run]]:
    """Distribute a line's runs into columns; in a line printed to the grid, a run
    across a column start without a space (two cells abutting) is cut there. A
    line partly letter-spaced by justification is off the grid: its runs are not
    cut. Takes the line's runs (:func:`runs_of`) and the column starts
    (:func:`gutters`); returns the runs of each column (DOMAIN.md 2.9)."""
    cols: list[list[_Run]] = [[] for _ in starts]
    bounds = [*starts[1:], 10**6]
    last = len(starts) - 1
    first = starts[0]
    gridded: bool | None = None  # told when a run first leaves its column
    for r in runs:
        k = bisect.bisect_right(starts, r.start if r.start > first else first) - 1
        if r.end <= bounds[k] + 1:  # inside its column (the common case)
            cols[k].append(r)
            continue
        if gridded is None:
            gridded = sum(1 for x in runs if len(x.text) == 1) < 3
        while gridded and r.end > bounds[k] + 1 and k < last and r.start < bounds[k]:
            cut = bounds[k] - r.start
            if cut <= 0:
                break
            head, r = _cut(r, cut)
            cols[k].append(head)
            k += 1
        if k < last and r.start >= bounds[k] - 1 and r.end > bounds[k] + 1:
            k += 1
        cols[k].append(r)
    return cols


def _cut(r: _Run, n: int) -> tuple[_Run, _Run]:
    """``r`` cut after ``n`` characters of its text."""
    ends = [*r.clean[1:], len(r.text)]
    raws = [x for c, e, p in zip(r.clean, ends, r.raw, strict=True) for x in range(p, p + e - c)]
    c1, p1 = _pieces(raws[:n])
    c2, p2 = _pieces(raws[n:])
    return (
        _Run(r.text[:n], r.start, r.start + n, c1, p1),
        _Run(r.text[n:], r.start + n, r.end, c2, p2),
    )


def _cell(runs: Sequence[_Run], colspan: int = 1, header: bool = False) -> Cell:
    """The cell holding ``runs`` (in reading order): their text joined by single
    spaces, none after a word ending in a hyphen (a word broken over two lines,
    "көші-" + "қон"), with the offset map of every piece (DOMAIN.md 2.9)."""
    if len(runs) <= 1:
        if not runs:
            return Cell("", OffsetMap((), ()), colspan, header)
        r = runs[0]
        return Cell(r.text, OffsetMap(r.clean, r.raw), colspan, header)
    words = [r.text for r in runs]
    text = " ".join(words)
    if "- " in text:  # maybe a word that joins the next at its hyphen
        text, at = _joined(words)
    else:
        at = list(itertools.accumulate([len(w) + 1 for w in words], initial=0))
    clean = [pos + c for pos, r in zip(at, runs, strict=False) for c in r.clean]
    raw = [x for r in runs for x in r.raw]
    return Cell(text, OffsetMap(tuple(clean), tuple(raw)), colspan, header)


def _joined(words: Sequence[str]) -> tuple[str, list[int]]:
    """``words`` joined by single spaces, none after a word ending in a hyphen
    (not a lone "-"), and the offset of each word in the result."""
    parts: list[str] = []
    at: list[int] = []
    pos = 0
    for w in words:
        if parts:
            prev = parts[-1]
            if not (prev.endswith("-") and len(prev) > 1 and not prev[-2].isspace()):
                parts.append(" ")
                pos += 1
        at.append(pos)
        parts.append(w)
        pos += len(w)
    return "".join(parts), at


def _is_heading(runs: list[_Run], starts: Sequence[int], cols: list[list[_Run]]) -> bool:
    """A group heading of a numbered table (DOMAIN.md 2.9): a line that fills at
    most two columns (``cols``: ``_split(runs, starts)``) or ignores them (words
    printed across two column starts)."""
    if sum(1 for col in cols if col) <= 2:
        return True
    crossing = 0
    for s in starts[1:]:
        if any(r.start < s and r.end > s + 1 for r in runs):
            crossing += 1
            if crossing == 2:
                return True
    return False


def table(lines: Sequence[Line], name: str) -> Table | None:
    """The table printed in ``lines`` (a layout block named ``name``, "table" or
    "passport"; blank lines dropped), or ``None`` when no two columns can be told
    apart (DOMAIN.md 2.9, 4.5)."""
    kept = [ln for ln in lines if not ln.blank]
    ruled = [bool(RULE.match(ln.text)) for ln in kept]
    if name == "table":
        idx = [i for i, is_rule in enumerate(ruled) if is_rule]
        if len(idx) < 2 or idx[0] != 0:
            return None
        head = kept[idx[0] + 1 : idx[1]]
        below = idx[1] + 1
        body = [ln for ln, is_rule in zip(kept[below:], ruled[below:], strict=True) if not is_rule]
    elif name == "passport":  # a rule printed inside a passport stays a rule, not a cell
        head = []
        body = [ln for ln, is_rule in zip(kept, ruled, strict=True) if not is_rule]
    else:
        return None
    body_runs = [runs_of(ln) for ln in body]
    starts = gutters(body_runs)
    if len(starts) < 2:
        return None
    rows: list[tuple[Cell, ...]] = []
    opens = [ln.indent == 0 and bool(_ROW_NUM.match(ln.text)) for ln in body]
    numbered = sum(opens) >= 2
    ncols = len(starts) + (1 if numbered else 0)
    if head:
        rows.append(_header(head, starts, ncols))
    if name == "passport":
        rows.extend(_passport(body_runs, starts))
    elif numbered:
        rows.extend(_numbered(opens, body_runs, starts, ncols))
    else:
        rows.extend(_figures(body_runs, starts, ncols))
    rules = tuple(ln.text for ln, is_rule in zip(kept, ruled, strict=True) if is_rule)
    return Table(tuple(rows), rules, ncols)


def _header(lines: Sequence[Line], starts: Sequence[int], ncols: int) -> tuple[Cell, ...]:
    """One header row: the header's words grouped into columns by overlap with the
    body's columns, a body column holding two groups of words (the number column
    of a numbered table) giving two cells."""
    bounds = [*starts[1:], 10**6]
    chunks: list[list[_Run]] = []
    for ln in lines:
        runs = runs_of(ln)
        cur: list[_Run] = []
        for r in runs:
            if cur and (
                r.start - cur[-1].end >= 2
                or any(cur[-1].end <= s < r.end and r.start > cur[-1].end for s in starts[1:])
            ):
                chunks.append(cur)
                cur = []
            cur.append(r)
        if cur:
            chunks.append(cur)

    def column(ch: list[_Run]) -> int:
        s, e = ch[0].start, ch[-1].end
        overlaps = [max(0, min(e, b) - max(s, a)) for a, b in zip(starts, bounds, strict=True)]
        return max(range(len(starts)), key=lambda k: (overlaps[k], -k))

    groups: list[list[list[_Run]]] = [[] for _ in starts]
    for ch in chunks:
        groups[column(ch)].append(ch)
    cells: list[Cell] = []
    for g in groups:
        clusters: list[tuple[int, list[list[_Run]]]] = []  # (max end, chunks)
        for ch in sorted(g, key=lambda c: c[0].start):
            if clusters and ch[0].start <= clusters[-1][0] + 1:
                clusters[-1][1].append(ch)
                clusters[-1] = (max(clusters[-1][0], ch[-1].end), clusters[-1][1])
            else:
                clusters.append((ch[-1].end, [ch]))
        if not clusters:
            clusters = [(0, [])]
        for _, chs in clusters:
            cells.append(_cell([r for ch in chs for r in ch], header=True))
    while len(cells) > ncols and not cells[-1].text:
        cells.pop()
    return tuple(cells)


def _passport(body: Sequence[list[_Run]], starts: Sequence[int]) -> list[tuple[Cell, ...]]:
    """Rows of a two-column passport from its lines' runs (DOMAIN.md 2.9): a row
    starts where a label starts again after lines without one."""
    rows: list[tuple[list[_Run], list[_Run]]] = []  # (label, value)
    label_before = False
    for runs in body:
        label, value = _split(runs, starts[:2])
        if not rows or (label and not label_before):
            rows.append(([], []))
        rows[-1][0].extend(label)
        rows[-1][1].extend(value)
        label_before = bool(label)
    return [(_cell(label), _cell(value)) for label, value in rows]


def _numbered(
    opens: Sequence[bool], body: Sequence[list[_Run]], starts: Sequence[int], ncols: int
) -> list[tuple[Cell, ...]]:
    """Rows of a table numbered at the margin (DOMAIN.md 2.9): a row starts at each
    number, which is a cell of its own; a numbered line that ignores the columns
    is a group heading spanning all ``ncols``. Takes whether each body line opens
    with a row number at the margin, the lines' runs and the column starts."""
    # (heading, runs of each cell: [number, columns...] or [heading])
    rows: list[tuple[bool, list[list[_Run]]]] = []
    for opens_row, runs in zip(opens, body, strict=True):
        cols = _split(runs, starts) if opens_row else None
        if cols is not None and _is_heading(runs, starts, cols):
            rows.append((True, [[]]))
        elif opens_row or not rows:
            rows.append((False, [[] for _ in range(len(starts) + 1)]))
        heading, cells = rows[-1]
        if heading:
            cells[0].extend(runs)
            continue
        if cols is None:
            cols = _split(runs, starts)
        if opens_row:  # the row number: "1.", "4 .", "А)"
            head = cols[0]
            take = 2 if len(head) > 1 and head[0].text.isdigit() and head[1].text == "." else 1
            cells[0].extend(head[:take])
            cols[0] = head[take:]
        for cell, col in zip(cells[1:], cols, strict=True):
            cell.extend(col)
    return [
        (_cell(cells[0], colspan=ncols),) if heading else tuple(_cell(c) for c in cells)
        for heading, cells in rows
    ]


def _figures(
    body: Sequence[list[_Run]], starts: Sequence[int], ncols: int
) -> list[tuple[Cell, ...]]:
    """Rows of a ruled table that is not numbered (DOMAIN.md 2.9): a row ends at a
    line holding figures, the label lines before it its label; a label ending in
    ":" is a heading row spanning all ``ncols``."""
    rows: list[tuple[Cell, ...]] = []
    pending: list[_Run] = []
    for runs in body:
        cols = _split(runs, starts)
        if not any(cols[1:]):
            pending.extend(cols[0])
            if pending and pending[-1].text.endswith(":"):
                rows.append((_cell(pending, colspan=ncols),))
                pending = []
            continue
        rows.append((_cell(pending + cols[0]), *(_cell(col) for col in cols[1:])))
        pending = []
    if pending:
        rows.append((_cell(pending, colspan=ncols),))
    return rows
