"""Joining printed lines: the fast path agrees with its plain definition (issue 11).

:func:`~lexversion.text.lines.join_lines_screened` (asks whether two lines join
tight only when a line may) against :func:`~lexversion.text.lines.join_lines_plain`
(asks about every two lines), on generated lines, repaired lines with offset maps,
and every paragraph and every two adjacent lines of the corpus.
"""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lexversion.text.lines import (
    Line,
    OffsetMap,
    join_lines,
    join_lines_plain,
    join_lines_screened,
    split_lines,
)
from tests.conftest import corpus_texts

#: line ends and openings that matter to joining, and words
_PIECES = [
    "-",
    '"',
    "(",
    "«",
    ")",
    "»",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "%",
    " ",
    "6",
    "бабы",
    "VIII",
    "a",
]
_text = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join).map(str.strip)


@st.composite
def _line(draw: st.DrawFn) -> Line:
    """A line as printed, blank, or repaired (its text in pieces of an offset map)."""
    text = draw(_text)
    start = draw(st.integers(0, 500))
    if not text or not draw(st.booleans()):
        return Line(draw(st.integers(1, 99)), start, 0, text)
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=3)) | {0})
    cuts = [c for c in cuts if c < len(text)]
    raws = sorted(draw(st.lists(st.integers(0, 900), min_size=len(cuts), max_size=len(cuts))))
    return Line(1, start, 2, text, OffsetMap(tuple(cuts), tuple(raws)))


@settings(max_examples=500, deadline=None)
@given(st.lists(_line(), max_size=6))
@example([Line(1, 0, 0, "6-"), Line(2, 3, 0, "бабының")])
@example([Line(1, 0, 0, 'және "'), Line(2, 7, 0, '" деген')])
@example([Line(1, 0, 0, "-"), Line(2, 2, 0, "x")])
def test_screened_joining_is_its_definition(lines: list[Line]) -> None:
    assert join_lines_screened(lines) == join_lines_plain(lines)


def test_every_paragraph_is_joined_by_the_fast_path() -> None:
    assert join_lines is join_lines_screened


def test_every_corpus_paragraph_and_line_pair_agrees() -> None:
    for text in corpus_texts():
        lines = split_lines(text)
        for blank, group in itertools.groupby(lines, key=lambda ln: ln.blank):
            if not blank:
                block = list(group)
                assert join_lines_screened(block) == join_lines_plain(block)
        for pair in itertools.pairwise([ln for ln in lines if not ln.blank]):
            assert join_lines_screened(pair) == join_lines_plain(pair)


def _lines_one_by_one(text: str) -> list[Line]:
    """What :func:`split_lines` defines, a line at a time: number, offset of the
    first visible character, indent, text without the spaces around it."""
    out = []
    pos = 0
    for no, raw in enumerate(text.split("\n"), start=1):
        body = raw.rstrip()
        stripped = body.lstrip(" \t\u00a0")
        indent = len(body) - len(stripped)
        out.append(Line(no, pos + indent, indent, stripped))
        pos += len(raw) + 1
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab \t\u00a0\n\r\x0cә", max_size=60))
@example("")
@example("\n")
@example("  а б\n\tб \u00a0\n")
def test_split_lines_is_the_line_by_line_definition(text: str) -> None:
    """The lines made all at once (``map`` and comprehensions) are those made one
    by one, and are :class:`Line` s."""
    lines = split_lines(text)
    assert lines == _lines_one_by_one(text)
    assert all(type(ln) is Line and ln.offsets is None for ln in lines)


def test_split_lines_on_the_corpus() -> None:
    for text in corpus_texts():
        assert split_lines(text) == _lines_one_by_one(text)
