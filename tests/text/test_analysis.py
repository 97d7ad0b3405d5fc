"""The search analysis (:mod:`lexversion.text.analysis`) and the word fold it
uses (:func:`lexversion.lang.fold_word`): the same terms at index and at query
time, whatever letters a word was typed with."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexversion.lang import fold_word
from lexversion.text.analysis import Analysis, analysis_version, analyze, query_stem, words


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Бойынша", "бойынша"),  # й is a letter of its own: kept on both sides
        ("Ёлка", "елка"),
        ("ёлка", "елка"),
        ("шешiм", "шешім"),  # Latin i in a Kazakh word (DOMAIN.md 3)
        ("күшiне", "күшіне"),
        ("Kазақстан", "казақстан"),  # Latin K
        ("VІІ", "vii"),  # Cyrillic І in a Roman numeral
        ("ІІІ", "iii"),
        ("VIII", "viii"),
        ("бо\u0301льшая", "большая"),  # a stress accent
        ("и\u0306", "й"),  # й typed as и + breve
        ("Covid", "covid"),
        ("2017", "2017"),
    ],
)
def test_fold_word(typed: str, folded: str) -> None:
    assert fold_word(typed) == folded


@given(st.text(max_size=20))
def test_fold_is_idempotent(word: str) -> None:
    once = fold_word(word)
    assert fold_word(once) == once


def test_words_cut_like_fts5() -> None:
    assert words("1-тарау. Жалпы_ережелер, бо\u0301льшая") == [
        "1",
        "тарау",
        "жалпы",
        "ережелер",
        "большая",
    ]


def test_analyze_gives_stems_and_words_in_order() -> None:
    a = analyze("Қандастарды бейімдеу бойынша шешiм", "kk")
    assert a == Analysis("қандас бейімде бойынша шешім", "қандастарды бейімдеу бойынша шешім")
    r = analyze("Мигранты и кандасов", "ru")
    assert r.stems.split() == ["мигрант", "и", "кандас"]
    assert analyze("", "kk") == Analysis("", "")


@pytest.mark.parametrize(
    ("query", "indexed", "lang"),
    [
        ("қандастарға", "Қандастарды", "kk"),
        ("бойынша", "бойынша", "kk"),
        ("шешім", "шешiмі", "kk"),
        ("мигранты", "мигрантов", "ru"),
        ("ёлка", "Елки", "ru"),
    ],
)
def test_query_and_index_meet(query: str, indexed: str, lang: str) -> None:
    assert query_stem(fold_word(query), lang) in analyze(indexed, lang).stems.split()


def test_version_is_stable_and_short() -> None:
    assert analysis_version() == analysis_version()
    assert len(analysis_version()) == 16
