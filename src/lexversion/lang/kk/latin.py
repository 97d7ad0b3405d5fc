"""Kazakh in the Latin alphabets, read into the Cyrillic alphabet: data only.

Three official Latin alphabets have been printed on public pages of legal acts
(zanorda.kz lists, egemen.kz): the alphabet of the Decree of the President of
26 October 2017 No 569 ("2017": an apostrophe after a letter, a' g' n' o' u'
y' i' s' c': "S'ymkent qalalyq ma'slihatynyn' s'es'imi"), the same Decree as
amended on 19 February 2018 No 637 ("2018": acute
accents, á ǵ ń ó ú ý, dotless ı, digraphs sh and ch: "Shymkent qalalyq
máslihatynyń 2019 jylǵy ... sheshimi") and the alphabet presented in January
2021 ("2021": ä ğ ñ ö ü ū ş ç). Each maps a Latin letter (lower case; a
capital maps to the capital of its Cyrillic letter) to Cyrillic; the
digraphs are tried first. ``SEMIVOWEL`` is the letter read as "й" after a
vowel and before a consonant or the end of the word ("saılaý" -> "сайлау"),
"и" elsewhere ("Respýblıka" -> "Республика").

A Roman numeral ("II", "VIII") and the number sign "N" before a number are
left as printed.

The dotless ``ı`` is "и" in the 2018 alphabet and "ы" in the 2021 one, and
``y`` the other way round ("ы" in 2018, "и"/"й" in 2021): a page is read in the
alphabet whose own letters (``MARKS``; for 2017 a letter and its apostrophe,
``APOSTROPHE_PAIRS``) it holds most of; a page with none reads ``ı`` as "ы"
(2021) when it prints more ``ı`` than ``y``, Kazakh "ы" being the commoner
vowel of the two.
"""

from __future__ import annotations

LATIN_2018: dict[str, str] = {
    "sh": "ш",
    "ch": "ч",
    "ıa": "я",
    "ıý": "ю",
    "a": "а",
    "á": "ә",
    "b": "б",
    "c": "ц",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "ǵ": "ғ",
    "h": "х",
    "i": "і",
    "ı": "и",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ń": "ң",
    "o": "о",
    "ó": "ө",
    "p": "п",
    "q": "қ",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "ұ",
    "ú": "ү",
    "v": "в",
    "w": "у",
    "x": "кс",
    "y": "ы",
    "ý": "у",
    "z": "з",
}

#: the apostrophes pages print after a letter of the 2017 alphabet
APOSTROPHES = "'’ʼ"
_LATIN_2017_PAIRS: dict[str, str] = {
    "a'": "ә",
    "g'": "ғ",
    "i'": "и",
    "n'": "ң",
    "o'": "ө",
    "s'": "ш",
    "c'": "ч",
    "u'": "ү",
    "y'": "у",
}
LATIN_2017: dict[str, str] = {
    **{pair[0] + mark: cyr for pair, cyr in _LATIN_2017_PAIRS.items() for mark in APOSTROPHES},
    "a": "а",
    "b": "б",
    "c": "ц",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "і",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "q": "қ",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "ұ",
    "v": "в",
    "w": "у",
    "x": "кс",
    "y": "ы",
    "z": "з",
}
#: a letter of the 2017 alphabet with its apostrophe: how a page shows it uses it
APOSTROPHE_PAIRS = f"[{''.join(sorted({p[0] for p in _LATIN_2017_PAIRS}))}][{APOSTROPHES}]"

LATIN_2021: dict[str, str] = {
    "a": "а",
    "ä": "ә",
    "b": "б",
    "c": "ц",
    "ç": "ч",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "ğ": "ғ",
    "h": "х",
    "ı": "ы",
    "i": "і",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ñ": "ң",
    "o": "о",
    "ö": "ө",
    "p": "п",
    "q": "қ",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "ū": "ұ",
    "ü": "ү",
    "v": "в",
    "w": "у",
    "x": "кс",
    "y": "и",
    "z": "з",
}

#: the letters only one alphabet has: they tell which one a page is written in
MARKS: dict[str, str] = {"2018": "áǵńóúýÁǴŃÓÚÝ", "2021": "äğñöüūşçÄĞÑÖÜŪŞÇ"}
ALPHABETS: dict[str, dict[str, str]] = {
    "2017": LATIN_2017,
    "2018": LATIN_2018,
    "2021": LATIN_2021,
}
#: the 2021 alphabet writes "и" and "і" alike as "i" (read "і"): the stems of the
#: borrowed words of legal acts that have "и", read so where a word opens with one
#: ("mäslihat" -> "мәслихат", "Respublikası" -> "Республикасы")
LOAN_STEMS_2021: tuple[str, ...] = (
    "мәслихат",
    "маслихат",
    "республик",
    "министр",
    "инвестиц",
    "лиценз",
    "коммуникац",
    "экономик",
    "политик",
    "статистик",
    "техник",
    "инспекц",
    "комисси",
    "бизнес",
    "архив",
    "полиц",
    "милиц",
    "кодифика",
    "ипотек",
    "интернет",
    "инфрақұрылым",
    "индустри",
    "инженер",
    "медицин",
    "клиник",
    "регион",
    "президент",
    "дивиденд",
)

#: capitals whose small letter is not the one Python's ``lower`` gives: in the 2021
#: alphabet "I" is the capital of "ı" (ы) and "İ" that of "i" (і), as in Turkish;
#: "İ" is "i" in every alphabet (``lower`` would add a combining dot)
LOWER: dict[str, dict[str, str]] = {
    "2017": {"İ": "i"},
    "2018": {"İ": "i"},
    "2021": {"I": "ı", "İ": "i"},
}
#: the letter read as "й" after a vowel and before a consonant or the word's end
SEMIVOWEL: dict[str, tuple[str, ...]] = {
    "2017": tuple("i" + mark for mark in APOSTROPHES),
    "2018": ("ı",),
    "2021": ("y",),
}
VOWELS = "aáäeiıoóöuúüūyý"
