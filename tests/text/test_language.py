"""Language detection's fast path agrees with its plain definition (issue 11).

:func:`~lexversion.text.language.language_by_bounds` (stops counting once the
Kazakh letters decide, counts Cyrillic on UTF-8 lead bytes) against
:func:`~lexversion.text.language.language_by_share` (the share of the nine Kazakh
letters among the Cyrillic letters), on generated texts and on every line and
whole file of the corpus.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lexversion.text.language import detect_language, language_by_bounds, language_by_share
from tests.conftest import corpus_lines, corpus_texts

#: Kazakh-only letters, Russian letters, Cyrillic beyond both, Latin, digits, spaces,
#: a lone surrogate and characters whose UTF-8 continuation bytes look Cyrillic
_ALPHABET = "іқғңәүөұһІҚҒҢӘҮӨҰҺабвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯѣѢӀ abcZ019.,\n\ud800Ѐӿ"


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=_ALPHABET, max_size=300),
        st.tuples(st.integers(0, 12), st.integers(0, 400), st.integers(0, 50)).map(
            lambda t: "ә" * t[0] + "д" * t[1] + "x" * t[2]
        ),
        st.text(max_size=80),
    )
)
@example("")
@example("ә" + "д" * 24)  # exactly 4%: Russian
@example("ә" + "д" * 23)  # just over: Kazakh
@example("ә" + "x" * 99 + "д" * 20)  # few Cyrillic among many characters
def test_language_by_bounds_is_its_definition(text: str) -> None:
    assert language_by_bounds(text) == language_by_share(text)


def test_a_short_russian_opening_naming_kazakh_places_is_russian() -> None:
    """A Russian title and requisites spelling a district's name in Kazakh (2.7% of
    the letters are Kazakh ones: Kazakh at the 1% the rule had) are Russian."""
    text = (
        "Об утверждении Правил расчета норм образования коммунальных отходов по району "
        "Марқакөл\nПостановление акимата района Марқакөл Восточно-Казахстанской области "
        "от 12 мая 2022 года № 115"
    )
    assert detect_language(text) == "ru"


def test_detect_language_takes_the_fast_path() -> None:
    assert detect_language("қ" + "д" * 20) == language_by_bounds("қ" + "д" * 20) == "kk"


def test_every_corpus_file_agrees() -> None:
    texts = corpus_texts()
    assert len(texts) == 5
    assert [language_by_bounds(t) for t in texts] == [language_by_share(t) for t in texts]


def test_every_corpus_line_agrees() -> None:
    lines = corpus_lines()
    assert lines
    assert [language_by_bounds(t) for t in lines] == [language_by_share(t) for t in lines]
