"""Line-level predicates and detection: the fast paths give the defining results.

``despace`` skips its letter-spacing regex when no spaced run's end ``" y z"``
occurs, and ``detect_language`` counts Cyrillic letters on UTF-8 lead bytes
only when the Kazakh letters alone do not decide; both are checked here against
the plain definitions they replace, on random text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lexversion.parse.layout import despace
from lexversion.text.language import KK_SHARE_PERCENT, detect_language

_SPACED_RUN = re.compile(r"(?<!\S)(\S(?: \S){2,})(?!\S)")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_KK = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


def _despace_by_definition(text: str) -> str:
    joined = _SPACED_RUN.sub(lambda m: m.group(1).replace(" ", ""), text)
    return re.sub(r" {2,}", " ", joined)


def _language_by_definition(text: str) -> str:
    cyr = len(_CYRILLIC.findall(text))
    kk = sum(text.count(ch) for ch in _KK)
    return "kk" if cyr and kk / cyr > KK_SHARE_PERCENT / 100 else "ru"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\nаб1.қ", max_size=40))
def test_despace_is_the_regex_definition(text: str) -> None:
    assert despace(text) == _despace_by_definition(text)


def test_despace_joins_letter_spacing_and_double_spaces() -> None:
    assert despace("к ү ш і  ж о й ы л ғ а н") == "күші жойылған"
    assert despace("а б") == "а б"  # two letters are no run
    assert despace("word  word") == "word word"


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + _KK + "Ёё"),
            st.characters(codec="utf-8"),
        ),
        max_size=200,
    )
)
def test_detect_language_is_the_letter_count_definition(text: str) -> None:
    assert detect_language(text) == _language_by_definition(text)


def test_detect_language_at_the_four_percent_boundary() -> None:
    # exactly 4% is not "more than 4%"; the spaces count for the shortcut, not the rule
    assert KK_SHARE_PERCENT == 4
    assert detect_language("і" + "а" * 25) == "ru"
    assert detect_language("і" + "а" * 24) == "ru"
    assert detect_language("і" + "а" * 23) == "kk"
    assert detect_language("і" + "а" * 23 + " " * 500) == "kk"
    assert detect_language("Ә" + "z" * 500) == "kk"  # the only Cyrillic letter is Kazakh


def test_detect_language_on_lone_surrogates_and_empty_text() -> None:
    assert detect_language("") == "ru"
    assert detect_language("\udc80 қазақ") == "kk"
