"""The fast paths of lexversion.parse agree with their plain definitions (issue 11).

Each speed trick is a named strategy beside the readable way it stands for;
hypothesis checks both give the same answer on generated inputs, and every test
also runs them over the real corpus:

* :func:`~lexversion.parse.layout.despace_screened` (looks for a spaced run's
  literal end first) against :func:`~lexversion.parse.layout.despace_plain`.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lexversion.parse import layout
from lexversion.parse.layout import despace_plain, despace_screened
from tests.conftest import corpus_lines

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
