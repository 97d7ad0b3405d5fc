"""Language data for Kazakh (``kk``) and Russian (``ru``) and the helpers that bind it.

The vocabularies live in :mod:`lexversion.lang.kk` and :mod:`lexversion.lang.ru`
as data (regular-expression fragments, month stems, number words);
:mod:`lexversion.lang.regions` holds the bilingual table of subdivisions. This
module only selects a vocabulary and folds look-alike letters (DOMAIN.md 3:
Kazakh words typed with Latin ``i``, Roman numerals typed with Cyrillic ``І``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from types import ModuleType

from lexversion.lang import kk, ru
from lexversion.lang.kk import citations as kk_citations
from lexversion.lang.kk import notes as kk_notes
from lexversion.lang.ru import citations as ru_citations
from lexversion.lang.ru import notes as ru_notes

LANGS: dict[str, ModuleType] = {"kk": kk, "ru": ru}
#: the words of act references of each language (``lang/<code>/citations.py``)
CITING: dict[str, ModuleType] = {"kk": kk_citations, "ru": ru_citations}
#: the wording of editorial notes of each language (``lang/<code>/notes.py``)
NOTING: dict[str, ModuleType] = {"kk": kk_notes, "ru": ru_notes}

# Same-length folds: offsets in folded text equal offsets in the original.
_TO_LATIN = str.maketrans(
    {"І": "I", "і": "i", "Х": "X", "х": "x", "С": "C", "с": "c", "М": "M", "м": "m", "В": "V",
     # the capitals (and their lower-case look-alikes) an act number's letter prefix is
     # typed with in either script: "№ А-5/285" with Cyrillic or Latin "A"
     "А": "A", "а": "a", "Е": "E", "е": "e", "К": "K", "О": "O", "о": "o", "Р": "P",
     "р": "p", "Т": "T", "Н": "H"}
)  # fmt: skip


#: Latin letters that look like Cyrillic ones, folded to Cyrillic in a word that
#: holds a Cyrillic letter (DOMAIN.md 3: "шешiм" typed with Latin i)
LOOK_ALIKE_LATIN = str.maketrans(
    {"a": "а", "c": "с", "e": "е", "h": "һ", "i": "і", "k": "к", "m": "м", "o": "о",
     "p": "р", "t": "т", "x": "х", "y": "у"}
)  # fmt: skip
#: Cyrillic letters that look like Roman numerals, folded to Latin in a word that
#: is a Roman numeral ("VІІ", "ІІІ": DOMAIN.md 3)
LOOK_ALIKE_ROMAN = str.maketrans({"і": "i", "х": "x", "с": "c", "м": "m"})
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def vocab(lang: str) -> ModuleType:
    """Return the vocabulary module for ``lang`` ("kk" or "ru").

    Raises ``KeyError`` for any other language code.
    """
    return LANGS[lang]


def citing(lang: str) -> ModuleType:
    """Return the words of act references for ``lang`` ("kk" or "ru"): issuer
    phrases, bodies, the names of the Government and the Republic
    (:mod:`lexversion.lang.kk.citations`, :mod:`lexversion.lang.ru.citations`).

    Raises ``KeyError`` for any other language code.
    """
    return CITING[lang]


def noting(lang: str) -> ModuleType:
    """Return the wording of editorial notes for ``lang`` ("kk" or "ru"): note
    markers, amendment and repeal wording, mirror shapes
    (:mod:`lexversion.lang.kk.notes`, :mod:`lexversion.lang.ru.notes`).

    Raises ``KeyError`` for any other language code.
    """
    return NOTING[lang]


@cache
def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` (a regular expression of the vocabulary data) compiled, once per
    process. Raises ``re.error`` for a malformed pattern.

    ``re.search(pattern, ...)`` compiles through the ``re`` module's own cache,
    which holds 512 patterns and drops the oldest when full; this program uses
    more, so a pattern read once per document was compiled anew for each (about
    2% of a parse's interpreter work). The data's patterns are a fixed set, so
    this cache has no bound.
    """
    return re.compile(pattern, flags)


def fold_text(text: str) -> str:
    """Fold Latin ``i``/``I`` to Cyrillic ``і``/``І`` for matching words.

    The result has exactly the length of ``text`` so spans found in it are spans
    of ``text``. The text itself is never changed by lexversion (DOMAIN.md 4.6).
    """
    return text.replace("i", "і").replace("I", "І")


def fold_number(number: str) -> str:
    """Canonical form of an act number for identity: Roman numerals in Latin.

    ``"285/35-ІІІ"`` (Cyrillic ``І``) and ``"285/35-III"`` give the same key, and
    so do a letter prefix typed in Cyrillic or Latin (``"А-5/285"``, ``"A-5/285"``);
    Unicode's Roman numeral signs (``"Ⅷ"``) are read as letters (NFKC).
    Digits and separators are kept; letters are upper-cased after folding.
    """
    return unicodedata.normalize("NFKC", number.strip()).translate(_TO_LATIN).upper()


def fold_word(word: str) -> str:
    """``word`` as search compares words: case-folded, NFC, combining marks
    dropped (stress accents) but ``й`` kept, ``ё`` as ``е``, Latin look-alikes as
    Cyrillic in a word with a Cyrillic letter (:data:`LOOK_ALIKE_LATIN`:
    "шешiм" -> "шешім"), a Roman numeral in Latin whatever script its letters
    were typed in (:data:`LOOK_ALIKE_ROMAN`: "VІІ" -> "vii"). The same for the
    index and the query, so "бойынша" finds "бойынша" and "Ёлка" "елка".
    Raises nothing.
    """
    s = unicodedata.normalize("NFC", word.casefold())
    if not s.isascii():
        s = "".join(c for c in s if not unicodedata.combining(c)).replace("ё", "е")
    roman = s.translate(LOOK_ALIKE_ROMAN)
    if roman and _ROMAN.fullmatch(roman):
        return roman
    if _CYRILLIC.search(s):
        return s.translate(LOOK_ALIKE_LATIN)
    return s
