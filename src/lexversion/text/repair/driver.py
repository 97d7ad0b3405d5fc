"""The driver: a line's repairs as named passes run in order (DOMAIN.md 4.1-4.2, 4.5).

A line showing evidence of an artifact (:mod:`.evidence`) becomes a
:class:`LineWork` and goes through :data:`PASSES`, each a function taking the
work and the line's :class:`Env` and returning the work with its tokens changed
and its repairs added (as eyecite's ``clean_text(text, steps)`` runs its named
steps): letter-spaced runs closed up, a passport's labels held in their column,
split words mended in a justified line, the line re-spaced, displaced link text
moved back, detached hyphenated halves mended. Each pass checks whether it
applies. The tokens are then rendered back (:mod:`.tokens`), flowing
(:func:`repair_lines`, :func:`repair`, :func:`repair_line`) or in columns
(:func:`repair_layout`).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lexversion.model import Repair
from lexversion.text.lines import Line, Paragraph, join_lines
from lexversion.text.repair.evidence import marked_once, suspect
from lexversion.text.repair.links import Context, displace, fix_day, lex_of
from lexversion.text.repair.rows import COLUMN_ROWS, Rows
from lexversion.text.repair.spacing import CLOSE_UP, justified, mend_hyphens, mend_words
from lexversion.text.repair.tokens import (
    Tok,
    line_of,
    render,
    render_columns,
    rendered_line,
    words_apart,
)
from lexversion.text.repair.vocabulary import Vocabulary, artifacts, vocabulary


@dataclass(slots=True)
class LineWork:
    """A line going through the passes: the ``line``, its ``toks`` (those right of
    a passport's labels), the ``labels`` held in their column, whether the line
    is ``justified`` (letter-spaced, or its words two spaces apart), whether it
    ``keep`` s its printed spacing (a doubt), and the ``repairs`` made so far.

    The one mutable value of the driver, on purpose: it lives for one line's
    passes only, and each pass updates it in place (a ``NamedTuple`` rebuilt by
    ``_replace`` at every pass cost 4% of the repair step's interpreter work).
    """

    line: Line
    toks: list[Tok] = field(default_factory=list)
    labels: list[Tok] = field(default_factory=list)
    justified: bool = False
    keep: bool = False
    repairs: list[Repair] = field(default_factory=list)


class Env(NamedTuple):
    """What the passes of a line may look at: the language, the line's
    :class:`~.links.Context`, whether link text may ``move``, and the value column
    of a passport (0: none).

    An immutable ``NamedTuple`` rather than a frozen dataclass, as
    :class:`~lexversion.text.lines.Line` is: made for every suspect line, and a
    tuple is made in a third of the time."""

    lang: str
    ctx: Context
    move: bool
    value_col: int = 0


def close_up(work: LineWork, env: Env) -> LineWork:
    """Tokenize the line with its letter-spaced runs closed up (:data:`~.spacing.CLOSE_UP`,
    DOMAIN.md 4.2); a spaced line is justified."""
    work.toks, work.justified = CLOSE_UP(work.line, work.repairs)
    return work


def hold_labels(work: LineWork, env: Env) -> LineWork:
    """Hold a passport's labels (the words left of its value column) where they
    are: no link text moves into them (DOMAIN.md 4.5)."""
    if env.value_col <= 0 or not work.toks:
        return work
    indent = work.line.indent
    held = sum(1 for t in work.toks if t.col + indent < env.value_col)
    work.labels, work.toks = work.toks[:held], work.toks[held:]
    return work


def mend_split_words(work: LineWork, env: Env) -> LineWork:
    """In a justified line (two spaces part its words, so they are no gaps) join
    split words first (:func:`~.spacing.mend_words`, DOMAIN.md 4.2)."""
    if not work.toks or not (work.justified or justified(work.toks)):
        return work
    work.toks = mend_words(work.line, work.toks, env.ctx.words, work.repairs, True)
    work.justified = True
    return work


def respace(work: LineWork, env: Env) -> LineWork:
    """Give a justified line's words the spaces it will be printed with
    (:func:`~.tokens.words_apart`), so the link evidence looked for next is what
    survives re-spacing (as a second repair of the re-spaced line would see it)."""
    if not (work.justified and env.move and work.toks):
        return work
    gaps = words_apart(work.toks)
    for k in range(1, len(work.toks)):
        work.toks[k].space = gaps[k]
    return work


def move_links(work: LineWork, env: Env) -> LineWork:
    """Move displaced link text back (:func:`~.links.displace`, DOMAIN.md 4.1). In
    a justified line a doubt only leaves the words where they are; elsewhere it
    keeps the line as printed. A day number glued to link text after it is cut
    off first (:func:`~.links.fix_day`) when that makes a move possible."""
    if not (env.move and work.toks):
        return work
    line, toks, ctx = work.line, work.toks, env.ctx
    found: list[Repair] = []
    if work.justified:
        moved, doubted = displace(line, toks, ctx, env.lang, found)
        if not doubted:
            work.toks = moved
        work.repairs += found
        return work
    trial = list(toks)
    fix_day(trial, lex_of(env.lang), ctx)
    if len(trial) > len(toks):
        out, keep = displace(line, trial, ctx, env.lang, found)
        if any(r.kind == "displaced_link" for r in found):
            work.toks, work.keep = out, keep
            work.repairs += found
            return work
        found = []
    work.toks, work.keep = displace(line, toks, ctx, env.lang, found)
    work.repairs += found
    return work


def mend_detached_hyphens(work: LineWork, env: Env) -> LineWork:
    """Outside a justified line, join a detached hyphenated half into a known word
    (" -қон", :func:`~.spacing.mend_hyphens`, DOMAIN.md 4.2), unless a doubt keeps
    the line as printed."""
    if work.justified or work.keep:
        return work
    work.toks = mend_hyphens(work.line, work.toks, env.ctx.words, work.repairs)
    return work


#: a pass: the work of a line and its environment in, the work with its repairs out
Pass = Callable[[LineWork, Env], LineWork]

#: the passes, in the order they run
PASSES: tuple[tuple[str, Pass], ...] = (
    ("close_up", close_up),
    ("hold_labels", hold_labels),
    ("mend_split_words", mend_split_words),
    ("respace", respace),
    ("move_links", move_links),
    ("mend_detached_hyphens", mend_detached_hyphens),
)


def run_passes(line: Line, env: Env) -> LineWork:
    """Run :data:`PASSES` over ``line`` in order; returns the work, whose tokens
    are the labels and then the rest. Raises ``ModuleNotFoundError`` for a
    language other than "kk" and "ru"."""
    work = LineWork(line)
    for _, step in PASSES:
        work = step(work, env)
    return work


def _next_visible(lines: Sequence[Line]) -> list[Line | None]:
    """For each position of ``lines``, the next line after it that is not blank."""
    out: list[Line | None] = [None] * len(lines)
    after: Line | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = after
        if not lines[i].blank:
            after = lines[i]
    return out


def _first_word(line: Line | None) -> str | None:
    if line is None or line.blank:
        return None
    return line.text.split()[0]


def _settle(line: Line, env: Env, judged: dict[str, bool] | None) -> tuple[Line, list[Repair]]:
    """Repair a suspect ``line`` of a paragraph, again while a repair or a
    re-spacing brings out another (at most four rounds); returns the new line
    and its repairs."""
    repairs: list[Repair] = []
    new = line
    for _ in range(4):
        work = run_passes(new, env)
        toks = work.labels + work.toks if work.labels else work.toks
        done = new
        if work.keep:
            new = line_of(new, new.text, list(new.pieces()))
        else:
            new = rendered_line(new, toks, *render(toks))
        if new.text == done.text:
            # nothing a reader sees moved (a fragment onto an identical word,
            # "решением решением"): which copy was displaced cannot be told,
            # so the line keeps its map and no move is claimed
            repairs.extend(r for r in work.repairs if not r.applied and done is line)
            return done, repairs
        if done is line:
            repairs += work.repairs
        else:
            repairs.extend(r for r in work.repairs if r.applied)
        if not suspect(new, env.ctx.first, judged):
            break
    return new, repairs


def _first_suspect(lines: Sequence[Line], judged: dict[str, bool] | None) -> int:
    """The index of the first line of a paragraph's ``lines`` a repair looks at
    (:func:`~.evidence.suspect`, the first non-blank line opening the paragraph),
    or ``len(lines)`` when there is none; ``judged``: the verdicts kept so far."""
    first = True
    for i, line in enumerate(lines):
        t = line.text
        if not t:
            continue
        if suspect(line, first, judged):
            return i
        first = False
    return len(lines)


def repair_lines(
    lines: Sequence[Line], lang: str, words: Vocabulary | None = None
) -> tuple[tuple[Line, ...], tuple[Repair, ...]]:
    """Repair the printed lines of one paragraph (in order; blank lines kept).

    Returns lines whose text is repaired, each with the offset map of its text
    back to the source, and the repairs. Line-level context: a line opening the
    paragraph has no line-start gap; the word before and after a line decide
    fragments that straddle it (DOMAIN.md 4.1). ``lang`` is "kk" or "ru"
    (``ModuleNotFoundError`` otherwise: no ``lexversion.lang.<lang>``).
    """
    words = words or vocabulary(lang)
    judged = words.verdicts
    start = _first_suspect(lines, judged)
    if start == len(lines):  # most paragraphs: nothing to repair
        return tuple(lines), ()
    repairs: list[Repair] = []
    out: list[Line] = list(lines[:start])
    nxt: list[Line | None] | None = None  # the next non-blank line, when first needed
    prev_last: str | None = None
    # a line as printed before, whose last word is prev_last
    prev_text = next((ln.text for ln in reversed(out) if ln.text), None)
    first = prev_text is None
    for i, line in enumerate(itertools.islice(lines, start, None), start):
        t = line.text
        if not t:
            out.append(line)
            continue
        if not suspect(line, first, judged):
            out.append(line)
            prev_text, first = t, False
            continue
        if prev_text is not None:
            prev_last, prev_text = prev_text.rsplit(" ", 1)[-1], None
        if nxt is None:
            nxt = _next_visible(lines)
        ctx = Context(first, prev_last, _first_word(nxt[i]), words)
        new, found = _settle(line, Env(lang, ctx, move=True), judged)
        repairs += found
        out.append(new)
        last = new.text.rsplit(None, 1)
        prev_last = last[-1] if last else None
        first = False
    return tuple(out), tuple(repairs)


def repair(
    p: Paragraph, lang: str, words: Vocabulary | None = None
) -> tuple[Paragraph, tuple[Repair, ...]]:
    """Repair a paragraph's export artifacts (DOMAIN.md 4.1-4.2).

    ``p``: printed lines joined by :func:`lexversion.text.lines.join_lines`;
    ``lang``: "kk" or "ru" (``ModuleNotFoundError`` otherwise); ``words``: the vocabulary
    (default: the shipped one of ``lang``). Returns the paragraph joined from the
    repaired lines — its offset map sends every character to its source offset,
    a moved fragment being a piece of its own — and the repairs, ``doubt`` s
    included. Idempotent: repairing the result changes nothing.
    """
    lines, repairs = repair_lines(p.lines, lang, words)
    if not repairs and (lines is p.lines or all(map(operator.is_, lines, p.lines))):
        return p, ()
    return join_lines(lines), repairs


def _passport_line(line: Line, toks: Sequence[Tok], held: int) -> Line:
    """A passport line: its labels (``toks[:held]``) in their columns, the value
    column flowing from where it began."""
    text, cs, rs = render_columns(toks[:held])
    col = max(toks[held].col, len(text) + 1)
    flow, fcs, frs = render(toks[held:])
    end = toks[held - 1].raw_end
    pieces = list(zip(cs, rs, strict=True))
    pieces += [(n, end) for n in range(len(text), col)]
    pieces += [(col + c, r) for c, r in zip(fcs, frs, strict=True)]
    return line_of(line, text.ljust(col) + flow, pieces)


def repair_layout(
    lines: Sequence[Line],
    lang: str,
    name: str,
    words: Vocabulary | None = None,
    *,
    rows: Rows = COLUMN_ROWS,
) -> tuple[tuple[Line, ...], tuple[Repair, ...]]:
    """Repair the lines of a fixed-width block (a table or a passport, DOMAIN.md 4.5).

    Every word stays at its printed column, so columns keep their places: a
    closed-up word is followed by the spaces it gave up. Letter spacing is
    repaired in every cell; displaced link text only in a passport's value
    column (the column where its indented continuation lines start), since
    in a ruled table words from neighbouring cells abut by design. ``name`` is
    the block's kind ("table", "passport"); ``rows`` tells the table rows that
    skip the passes (:mod:`.rows`). Returns the lines and the repairs; raises
    ``ModuleNotFoundError`` for a ``lang`` other than "kk" and "ru".
    """
    words = words or vocabulary(lang)
    repairs: list[Repair] = []
    value_col = min((ln.indent for ln in lines if ln.indent >= 8), default=0)
    move = name == "passport" and value_col > 0
    judged = words.verdicts
    short = artifacts(lang).SHORT_WORDS
    env = Env(lang, Context(True, None, None, words), move, value_col if move else 0)
    out: list[Line] = []
    for line in lines:
        t = line.text
        if not t:
            out.append(line)
            continue
        if not marked_once(t, judged):  # suspect(line, True, judged) of a table's line
            out.append(line)
            continue
        if not move and (row := rows.unchanged(line, short)) is not None:
            out.append(row)
            continue
        work = run_passes(line, env)
        repairs += work.repairs
        held = len(work.labels)
        toks = work.labels + work.toks if held else work.toks
        if work.keep or not toks:
            out.append(line)
        elif move and 0 < held < len(toks):
            out.append(_passport_line(line, toks, held))
        elif move and held == 0:
            out.append(rendered_line(line, toks, *render(toks)))
        else:
            out.append(rendered_line(line, toks, *render_columns(toks)))
    return tuple(out), tuple(repairs)


def repair_line(
    text: str, lang: str, words: Vocabulary | None = None
) -> tuple[str, tuple[Repair, ...]]:
    """Repair one printed line on its own (offsets in the repairs are into ``text``).

    ``text`` is a line as printed (leading spaces are its indent); returns the
    repaired text (flowing, one space between words) and the repairs. Raises
    ``ModuleNotFoundError`` for a ``lang`` other than "kk" and "ru".
    """
    stripped = text.lstrip(" ")
    line = Line(1, len(text) - len(stripped), len(text) - len(stripped), stripped.rstrip())
    (new,), repairs = repair_lines([line], lang, words)
    return new.text, repairs
