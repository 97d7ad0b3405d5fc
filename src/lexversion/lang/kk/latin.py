"""Kazakh in the Latin alphabets, read into the Cyrillic alphabet: data only.

Two official Latin alphabets have been printed on public pages of legal acts
(zanorda.kz lists, egemen.kz): the alphabet of the Decree of the President of
26 October 2017 No 569 as amended on 19 February 2018 No 637 ("2018": acute
accents, á ǵ ń ó ú ý, dotless ı, digraphs sh and ch: "Shymkent qalalyq
máslihatynyń 2019 jylǵy ... sheshimi") and the alphabet presented in January
2021 ("2021": ä ğ ñ ö ü ū ş ç). Each maps a Latin letter (lower case; a
capital maps to the capital of its Cyrillic letter) to Cyrillic; the
digraphs are tried first. ``SEMIVOWEL`` is the letter read as "й" after a
vowel and before a consonant or the end of the word ("saılaý" -> "сайлау"),
"и" elsewhere ("Respýblıka" -> "Республика").

A Roman numeral ("II", "VIII") and the number sign "N" before a number are
left as printed.
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
ALPHABETS: dict[str, dict[str, str]] = {"2018": LATIN_2018, "2021": LATIN_2021}
#: the letter read as "й" after a vowel and before a consonant or the word's end
SEMIVOWEL: dict[str, str] = {"2018": "ı", "2021": "y"}
VOWELS = "aáäeiıoóöuúüūyý"
