"""The fast paths of lexversion.parse agree with their plain definitions (issue 11).

Each speed trick is a named strategy beside the readable way it stands for;
hypothesis checks both give the same answer on generated inputs, and every test
also runs them over the real corpus:

* :func:`~lexversion.parse.layout.despace_screened` (looks for a spaced run's
  literal end first) against :func:`~lexversion.parse.layout.despace_plain`;
* :func:`~lexversion.parse.effects.publications_screened` (the shared citation
  scan first, the publication word second) against
  :func:`~lexversion.parse.effects.publications_plain` (every paragraph read);
* :func:`~lexversion.parse.tables.runs_of_pieces` (a table line's words read from
  its offset map's pieces) against :func:`~lexversion.parse.tables.runs_of_plain`
  (character by character), and :func:`~lexversion.parse.tables.gutters_capped`
  (peaks looked up only where the cap leaves a gutter open) against
  :func:`~lexversion.parse.tables.gutters_plain`.
"""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lexversion.parse import effects, layout, tables
from lexversion.parse.effects import publications_plain, publications_screened
from lexversion.parse.layout import despace_plain, despace_screened
from lexversion.parse.tables import gutters_capped, gutters_plain, runs_of_pieces, runs_of_plain
from lexversion.text.language import detect_language
from lexversion.text.lines import Line, OffsetMap, join_lines, split_lines
from lexversion.text.repair import repair_layout
from tests.conftest import corpus_lines, corpus_texts
from tests.parse.citations.test_strategies import PIECES

#: letters, spaces of every width that matters, tabs and no-break spaces
_SPACED = st.text(alphabet="аәбқ1.  \t\xa0", max_size=40)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        _SPACED,
        st.lists(st.sampled_from(["к", "ү", "ш", "i", "  ", " ", "жой", "\t"])).map("".join),
    )
)
@example("к ү ш i  ж о й ы л ғ а н")
@example("a b")
@example("a b c")
@example(" a b c ")
@example("ab c d")
def test_screened_despacing_is_its_definition(text: str) -> None:
    assert despace_screened(text) == despace_plain(text)


def test_despacing_takes_the_fast_path_on_every_corpus_line() -> None:
    assert layout.despace is despace_screened
    lines = corpus_lines()
    assert [despace_screened(t) for t in lines] == [despace_plain(t) for t in lines]


#: how the corpus reports publication, letter-spaced too
_PUBLISHED = {
    "kk": [
        "газетінде жарияланды",
        "газетiнде жарияланды",
        "жарияланды",
        "ж а р и я л а н д ы",
        "ЖАРИЯЛАНДЫ",
    ],
    "ru": ["опубликовано", "опубликован в газете", "о п у б л и к о в а н о", "Опубликовано"],
}


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]))
def test_screened_publications_are_their_definition(data: st.DataObject, lang: str) -> None:
    """Reading only paragraphs naming an act and holding the word loses no date."""
    pieces = st.sampled_from(PIECES[lang] + _PUBLISHED[lang])
    texts = data.draw(st.lists(st.lists(pieces, max_size=16).map(" ".join), max_size=3))
    assert publications_screened(texts, lang) == publications_plain(texts, lang)


def test_publications_take_the_fast_path_on_every_corpus_paragraph() -> None:
    assert effects.publications is publications_screened
    found = 0
    for text in corpus_texts():
        lang = detect_language(text)
        lines = split_lines(text)
        paras = [
            join_lines(list(g)).text
            for blank, g in itertools.groupby(lines, key=lambda ln: ln.blank)
            if not blank
        ]
        fast = publications_screened(paras, lang)
        assert fast == publications_plain(paras, lang)
        found += len(fast)
    assert found  # the corpus states publication dates


#: table words: letters, digits, letter-spaced words, column gaps
_ROW = (
    st.lists(
        st.sampled_from(["а", "Келгендер", "226", "1.", " ", "  ", "   ", "к е л", "-"]),
        min_size=1,
        max_size=10,
    )
    .map("".join)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def _table_line(draw: st.DrawFn) -> Line:
    """A table line as printed or repaired: its text cut into pieces of an offset map
    whose source offsets rise (letters pulled together) or fall (a piece moved)."""
    text = draw(_ROW)
    indent = draw(st.integers(0, 12))
    start = draw(st.integers(indent, 300))
    if draw(st.booleans()):
        return Line(1, start, indent, text)
    cuts = sorted(draw(st.sets(st.integers(0, len(text) - 1), max_size=len(text))) | {0})
    steps = draw(st.lists(st.integers(-3, 4), min_size=len(cuts), max_size=len(cuts)))
    raws, r = [], start
    for k, (c, step) in enumerate(zip(cuts, steps, strict=True)):
        r = max(start, r + (c - cuts[k - 1] if k else 0) + step)
        raws.append(r)
    return Line(1, start, indent, text, OffsetMap(tuple(cuts), tuple(raws)))


@settings(max_examples=600, deadline=None)
@given(_table_line())
@example(Line(1, 10, 0, "Келгендер 226", OffsetMap((0, 1, 2), (10, 12, 14))))
@example(Line(1, 10, 2, "ab c", OffsetMap((1, 3), (10, 20))))  # a character before the map
def test_table_words_from_pieces_are_their_definition(line: Line) -> None:
    assert runs_of_pieces(line) == runs_of_plain(line)


@settings(max_examples=300, deadline=None)
@given(st.lists(_table_line(), min_size=1, max_size=12), st.integers(1, 10))
def test_capped_gutters_are_their_definition(lines: list[Line], window: int) -> None:
    runs = [runs_of_plain(ln) for ln in lines]
    assert gutters_capped(runs, window) == gutters_plain(runs, window)


def test_tables_take_the_fast_paths_on_every_corpus_block() -> None:
    """Every block of the corpus between blank lines, repaired as a table and as a
    passport: its words and its columns are those of the plain definitions."""
    assert tables.runs_of is runs_of_pieces
    assert tables.gutters is gutters_capped
    repaired = 0
    for text in corpus_texts():
        lang = detect_language(text)
        for blank, g in itertools.groupby(split_lines(text), key=lambda ln: ln.blank):
            if blank:
                continue
            block = list(g)
            for name in ("table", "passport"):
                lines, _ = repair_layout(block, lang, name)
                runs = [runs_of_pieces(ln) for ln in lines]
                assert runs == [runs_of_plain(ln) for ln in lines]
                assert gutters_capped(runs) == gutters_plain(runs)
                repaired += sum(1 for ln in lines if ln.offsets is not None)
    assert repaired  # repaired lines (with offset maps) were read


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]))
def test_a_space_after_a_paragraph_changes_no_publication(data: st.DataObject, lang: str) -> None:
    """A note without an extract is read for publication dates as its text, without
    the space a join with its (no) lines put after it (``parse._publication_texts``):
    no date, act reference or publication word ends in a space, so both read alike."""
    pieces = st.sampled_from(PIECES[lang] + _PUBLISHED[lang])
    texts = data.draw(st.lists(st.lists(pieces, max_size=16).map(" ".join), max_size=3))
    spaced = [t + " " for t in texts]
    assert publications_plain(spaced, lang) == publications_plain(texts, lang)
