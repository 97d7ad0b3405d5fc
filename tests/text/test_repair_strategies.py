"""The fast paths of lexversion.text.repair agree with their plain definitions.

Each speed trick is a named strategy beside the readable way it stands for
(as eyecite's ``AhocorasickTokenizer`` only overrides how a ``Tokenizer`` picks
candidates); hypothesis checks that both give the same answer:

* :class:`RegexEvidence` (one regex search) against :class:`Evidence` (one kind
  of evidence at a time), and that against the test's own reference;
* :class:`RunCloseUp` (a printed line's runs closed up by regex) against
  :class:`CloseUp` (a token for every letter, then closed up);
* :class:`ColumnRows` (rows with only column spacing skip the passes) against
  :class:`Rows` (every row through the passes).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lexversion.model import Repair
from lexversion.text.lines import split_lines
from lexversion.text.repair import repair_layout
from lexversion.text.repair.evidence import EVIDENCE, Evidence, RegexEvidence
from lexversion.text.repair.rows import COLUMN_ROWS, ColumnRows, Rows
from lexversion.text.repair.spacing import CLOSE_UP, CloseUp, RunCloseUp
from lexversion.text.repair.tokens import Tok
from tests.text.test_repair import (
    _dense,
    _export,
    _line,
    _odd,
    _reference_marked,
    _row,
    _spaced,
)


def test_every_document_takes_the_fast_paths() -> None:
    assert isinstance(EVIDENCE, RegexEvidence)
    assert isinstance(CLOSE_UP, RunCloseUp)
    assert isinstance(COLUMN_ROWS, ColumnRows)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_line, _spaced, _odd, _dense))
@example('шешімнің" "сәйкес')
@example("бекітілсін.қосымшасына")
@example("РеспубликасыныңЖолдауымен")
@example("Көші -қон")
@example("а\t б")
def test_the_evidence_search_is_its_definition(text: str) -> None:
    text = text.strip()
    if text:
        plain = Evidence().marked(text)
        assert RegexEvidence().marked(text) == plain
        assert plain == _reference_marked(text)


def _tok_view(toks: list[Tok]) -> list[tuple[object, ...]]:
    return [(t.pieces, t.col, t.space, t.glue, t.final, t.text) for t in toks]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        _export,
        _row,
        st.lists(st.one_of(_line, _spaced), min_size=1, max_size=4).map("  ".join),
        st.lists(
            st.tuples(st.sampled_from([" ", "  ", "   ", "\t", "\xa0", " \t"]), _spaced),
            min_size=1,
            max_size=4,
        ).map(lambda ps: "".join(s + w for s, w in ps)),
    )
)
@example("а б в г   N  8  9   ж ы л")  # one-character words two spaces apart: words
@example("2 0 0 3  ж ы л ғ ы  8  с ә у і р\tа б")
@example("Ш Е Ш І М  Қ А Б Ы Л Д А Д Ы:  а  б  в г:  д е ж з и:»")  # glued closers
@example("А Б:  в г д е  ж:")
def test_a_printed_line_closes_up_as_its_letters_would(text: str) -> None:
    """The runs of a line as printed are closed up from its words (by regex) into
    what closing up a token for every letter gives."""
    for line in split_lines(text):
        fast: list[Repair] = []
        slow: list[Repair] = []
        toks, spaced = RunCloseUp()(line, fast)
        ref, ref_spaced = CloseUp()(line, slow)
        assert (_tok_view(toks), spaced, fast) == (_tok_view(ref), ref_spaced, slow)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "  ", "          "]), _row), min_size=1, max_size=5))
def test_table_rows_with_only_column_spacing_render_as_every_row(
    rows: list[tuple[str, str]],
) -> None:
    """A table row whose evidence is only its column spacing skips the passes: the
    lines and their maps are those of the passes."""
    lines = split_lines("\n".join(indent + row for indent, row in rows))
    short = repair_layout(lines, "kk", "table", rows=ColumnRows())
    long = repair_layout(lines, "kk", "table", rows=Rows())
    assert short == long
