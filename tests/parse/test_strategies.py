"""The fast paths of lexversion.parse agree with their plain definitions (issue 11).

Each speed trick is a named strategy beside the readable way it stands for;
hypothesis checks both give the same answer on generated inputs, and every test
also runs them over the real corpus:

* :func:`~lexversion.parse.layout.despace_screened` (looks for a spaced run's
  literal end first) against :func:`~lexversion.parse.layout.despace_plain`;
* :func:`~lexversion.parse.effects.publications_screened` (the shared citation
  scan first, the publication word second) against
  :func:`~lexversion.parse.effects.publications_plain` (every paragraph read).
"""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lexversion.parse import effects, layout
from lexversion.parse.effects import publications_plain, publications_screened
from lexversion.parse.layout import despace_plain, despace_screened
from lexversion.text.language import detect_language
from lexversion.text.lines import join_lines, split_lines
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
