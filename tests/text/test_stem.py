"""The search stemmers (:mod:`lexversion.text.stem`): the Kazakh suffix table
tested on words of the corpus vocabulary (table-driven), short stems never cut,
the table's own checks; Snowball for Russian."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexversion.lang import fold_word
from lexversion.text.stem import (
    MIN_STEM,
    kk_endings,
    kk_lexicon,
    kk_stem,
    parse_endings,
    ru_stem,
    stem,
)

#: forms of the corpus vocabulary (lang/kk/words.tsv) and the stem they share
KK_STEMS = [
    # plural + case; the 1920s-2020 word and its replacement (DOMAIN.md 5)
    ("қандас", "қандас"),
    ("қандастар", "қандас"),
    ("қандастарды", "қандас"),
    ("қандастардың", "қандас"),
    ("қандастарға", "қандас"),
    ("оралмандарды", "оралман"),
    ("оралмандармен", "оралман"),
    # possessive + case, the possessive bound to -на/-не, -нда, -н
    ("шешім", "шешім"),
    ("шешімнің", "шешім"),
    ("шешіміне", "шешім"),
    ("шешімімен", "шешім"),
    ("шешімін", "шешім"),
    ("қаласына", "қала"),
    ("қаласындағы", "қала"),
    ("облысының", "облыс"),
    ("облысындағы", "облыс"),
    ("облыстардағы", "облыс"),
    ("мәслихатының", "мәслихат"),
    ("мәслихаттың", "мәслихат"),
    ("республикасының", "республика"),
    ("бағдарламасын", "бағдарлама"),
    ("қағидаларын", "қағида"),
    ("күшіне", "күш"),
    # the relative -ғы/-дағы ("2017 жылғы 15 желтоқсандағы")
    ("жылғы", "жыл"),
    ("желтоқсандағы", "желтоқсан"),
    # a voiced last consonant before a vowel: қ/к/п in the bare word
    ("орталығын", "орталық"),
    ("есебінен", "есеп"),
    ("тәртібі", "тәртіп"),
    # verb forms and the passive (DOMAIN.md 5: бекітілсін, жойылды, енгізіледі)
    ("бекіту", "бекіт"),
    ("бекітілген", "бекіт"),
    ("бекітілсін", "бекіт"),
    ("жойылды", "жой"),
    ("жою", "жой"),
    ("енгізіледі", "енгіз"),
    ("қабылдады", "қабылда"),
    ("қабылданған", "қабылда"),
    ("тіркелген", "тірке"),
    # -лық/-лік, only to a stem the lexicon knows
    ("облыстық", "облыс"),
    ("автокөліктермен", "автокөлік"),  # no "автокө"
]

#: words whose stem is the word: short stems, words a different word hides in,
#: endings that do not fit the sound before them or its vowel harmony
KK_KEPT = [
    "заң",
    "енді",
    "бар",
    "ай",
    "тіл",
    "барлық",
    "басқа",
    "тегін",
    "тұрғын",
    "отбасы",
    "бойынша",
    "және",
    "2017",
    "vii",
]


@pytest.mark.parametrize(("word", "expected"), KK_STEMS)
def test_kazakh_forms_share_a_stem(word: str, expected: str) -> None:
    assert kk_stem(word) == expected


@pytest.mark.parametrize("word", KK_KEPT)
def test_kazakh_words_not_cut(word: str) -> None:
    assert kk_stem(word) == word


def test_short_stems_are_not_cut() -> None:
    """Under :data:`MIN_STEM` letters nothing is cut ("айында": ай); under five
    letters only to a stem the lexicon knows ("жолы" -> "жол", but the made-up
    "зомттар" keeps its -тар while "зомбаттар" loses it)."""
    assert kk_stem("айында") == "айында"
    assert kk_stem("жолы") == "жол"
    assert "жол" in kk_lexicon()
    assert kk_stem("зомттар") == "зомттар"
    assert kk_stem("зомбаттар") == "зомбат"


def test_harmony_and_sound_decide() -> None:
    # -тар only after a voiceless consonant, -лер only after front vowels
    assert kk_stem("адамтар") == "адамтар"
    assert kk_stem("қалалер") == "қалалер"


@given(st.text(alphabet="аәбғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя", max_size=14))
def test_kazakh_stems_are_cut_words(word: str) -> None:
    """A stem is the word, or a prefix of it (its last letter maybe devoiced or
    restored: жою -> жой) of at least :data:`MIN_STEM` letters."""
    s = kk_stem(word)
    assert s == word or (len(s) >= MIN_STEM and word.startswith(s[:-1]) and len(s) <= len(word))


def test_the_table_is_read_and_checked() -> None:
    slots = kk_endings()
    assert {"case", "possessive", "plural", "verb", "voice", "derivation"} <= set(slots)
    assert all(e.after for e in slots["case"])
    assert {e.ending for e in slots["plural"]} == {"лар", "лер", "дар", "дер", "тар", "тер"}
    with pytest.raises(ValueError, match="line 1"):
        parse_endings("case\tға")
    with pytest.raises(ValueError, match="unknown class"):
        parse_endings("case\tға\tQQ\t-")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("мигранты", "мигрант"),
        ("мигрантов", "мигрант"),
        ("кандасов", "кандас"),
        ("процессов", "процесс"),
        ("решения", "решен"),
        ("решением", "решен"),
        ("области", "област"),
    ],
)
def test_russian_snowball(word: str, expected: str) -> None:
    assert ru_stem(word) == expected
    assert stem(word, "ru") == expected


def test_other_languages_are_not_stemmed() -> None:
    assert stem("decisions", "en") == "decisions"


def test_the_lexicon_is_folded() -> None:
    assert sorted(w for w in kk_lexicon() if fold_word(w) != w) == []
