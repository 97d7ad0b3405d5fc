"""The search stemmers (:mod:`lexversion.text.stem`): the Kazakh suffix table
tested on words of the corpus vocabulary (table-driven), short stems never cut,
the table's own checks; Snowball for Russian."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexversion.lang import fold_word
from lexversion.text import stem as stem_module
from lexversion.text.analysis import WORD
from lexversion.text.stem import (
    MIN_STEM,
    kk_endings,
    kk_lexicon,
    kk_stem,
    parse_endings,
    ru_stem,
    stem,
)
from tests.conftest import CORPUS

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


def _stem_with_every_ending(word: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """:func:`kk_stem` uncached, every ending of a slot tried (the plain definition
    of ``_endings_of``, the fast path that tries only those with the word's last letter)."""
    with monkeypatch.context() as m:
        m.setattr(stem_module, "_endings_of", lambda slot, last: kk_endings()[slot])
        return stem_module.kk_stem.__wrapped__(word)


@given(
    st.text(alphabet="аәбғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя", min_size=1, max_size=14)
    | st.sampled_from([w for w, _ in KK_STEMS] + [s for _, s in KK_STEMS])
)
def test_the_last_letter_screen_keeps_every_stem(word: str) -> None:
    """Endings found by the word's last letter give the stems every ending gives."""
    with pytest.MonkeyPatch.context() as mp:
        plain = _stem_with_every_ending(word, mp)
    assert stem_module.kk_stem.__wrapped__(word) == plain


def test_the_last_letter_screen_on_the_corpus_words() -> None:
    """The same on every word of the corpus (folded, as the index sees them)."""
    words = sorted({fold_word(w) for p in CORPUS for w in WORD.findall(p.read_text("utf-8"))})
    assert len(words) > 2000
    with pytest.MonkeyPatch.context() as mp:
        plain = [_stem_with_every_ending(w, mp) for w in words]
    assert [stem_module.kk_stem.__wrapped__(w) for w in words] == plain


@given(st.lists(st.text(alphabet="аәбғқіхсмёIi1- \tЖжx\u0301\r", max_size=6), max_size=8))
def test_one_search_finds_the_words_to_fold(words: list[str]) -> None:
    """The words one search over the joined list finds are those ``_plain`` refuses
    (words of a word list: no line breaks in them)."""
    words = [w for w in words if not w.splitlines()[1:] and "\r" not in w]
    assert stem_module._not_plain(words) == {w for w in words if not stem_module._plain(w)}
