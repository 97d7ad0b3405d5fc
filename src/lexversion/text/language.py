"""Which language a text is written in: Kazakh or Russian (DOMAIN.md 1).

The Kazakh Cyrillic alphabet of 1940 is the Russian alphabet plus nine letters
(ә ғ қ ң ө ұ ү һ і); their share of the Cyrillic letters tells the two apart.

Two strategies with one answer: :func:`language_by_share`, the plain definition,
counts both kinds of letters; :func:`language_by_bounds`, the fast path
:func:`detect_language` takes, stops once the Kazakh letters decide. They agree
on every text (tests/text/test_language.py).
"""

from __future__ import annotations

import re

from lexversion.lang.kk import latin

#: the nine letters Kazakh adds to the Russian alphabet, both cases, the most
#: frequent first (so a Kazakh text is told after counting one or two of them)
_KK_LETTERS = "іқғңәүөұһІҚҒҢӘҮӨҰҺ"
#: the share of Kazakh letters among the Cyrillic letters, in percent, above which a
#: text is Kazakh. Measured on the 53 real openings and the corpus: a Kazakh text has
#: 8.4% or more even in its first 150 characters (10-20% whole), a Russian one at most
#: 0.9%; a Russian text names Kazakh places in their own spelling ("район Марқакөл"),
#: which in a short opening can pass 1%, never 4% without a Kazakh sentence
KK_SHARE_PERCENT = 4
#: UTF-8 lead bytes of U+0400-U+04FF (Cyrillic): each starts one Cyrillic letter
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")


def language_by_share(text: str) -> str:
    """``"kk"`` or ``"ru"`` by the plain definition (DOMAIN.md 1): Kazakh when its
    own letters (ә ғ қ ң ө ұ ү һ і, either case) make up more than
    :data:`KK_SHARE_PERCENT` of the Cyrillic letters (U+0400-U+04FF) of ``text``,
    else Russian. Raises nothing."""
    kk = sum(text.count(ch) for ch in _KK_LETTERS)
    cyr = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    return "kk" if kk * 100 > KK_SHARE_PERCENT * cyr else "ru"


def language_by_bounds(text: str) -> str:
    """:func:`language_by_share`, counting only until the Kazakh letters decide.

    Why it is sound: the Kazakh letters are Cyrillic letters and the Cyrillic
    letters are characters, so ``kk <= cyr <= len(text)``. With no Kazakh letter
    the share is 0 (Russian) whatever ``cyr`` is; once ``kk * 100 > p * len(text)``
    (``p`` the :data:`KK_SHARE_PERCENT`) it is also ``> p * cyr`` (Kazakh), and the
    count only grows, so the test may be made after each letter. Otherwise Cyrillic letters are counted on the UTF-8
    bytes: every code point of U+0400-U+04FF is encoded as one of the lead bytes
    0xD0-0xD3 and a continuation byte (0x80-0xBF), no other code point encodes
    with those lead bytes, and continuation bytes are never lead bytes (a lone
    surrogate, kept by ``surrogatepass``, encodes as 0xED and two continuations).
    """
    kk = 0
    for ch in _KK_LETTERS:
        kk += text.count(ch)
        if kk * 100 > KK_SHARE_PERCENT * len(text):
            return "kk"
    if not kk:
        return "ru"
    data = text.encode("utf-8", "surrogatepass")
    cyr = sum(data.count(b) for b in _CYRILLIC_LEADS)
    return "kk" if kk * 100 > KK_SHARE_PERCENT * cyr else "ru"


def detect_language(text: str) -> str:
    """``"kk"`` or ``"ru"``: the language of ``text`` (DOMAIN.md 1), Kazakh when
    its own letters make up more than :data:`KK_SHARE_PERCENT` percent of the
    Cyrillic letters (:func:`language_by_share`), told by the fast path :func:`language_by_bounds`.
    Every character of ``text`` counts. Raises nothing."""
    return language_by_bounds(text)


#: letters of the Kazakh Latin alphabets beyond ASCII (2018: acute accents and ı; 2021)
_KK_LATIN = "áǵńóúýıäğñöüūşçÁǴŃÓÚÝÄĞÑÖÜŪŞÇİ"
_KK_LATIN_RE = re.compile(f"[{_KK_LATIN}]")
_LATIN_RE = re.compile(f"[A-Za-z{_KK_LATIN}]")
#: the 2017 alphabet's letters with their apostrophe ("s'es'im"), of two kinds or more
_KK_2017_RE = re.compile(latin.APOSTROPHE_PAIRS, re.IGNORECASE)


def _apostrophe_kazakh(head: str) -> bool:
    """Whether ``head`` is written in the 2017 alphabet: five letters or more with
    their apostrophe, of two kinds or more (an English "don't" is one kind)."""
    if "'" not in head and "’" not in head and "ʼ" not in head:
        return False
    found = _KK_2017_RE.findall(head)
    return len(found) >= 5 and len({p[0].lower() for p in found}) >= 2


def detect_script(text: str) -> str:
    """``"latn"`` or ``"cyrl"``: the script ``text`` is written in (DOMAIN.md 1).

    Latin when its Latin letters (ASCII and the Kazakh Latin letters
    :data:`_KK_LATIN`) outnumber its Cyrillic letters (U+0400-U+04FF) and it
    has a letter only the Kazakh Latin alphabets have, so a Cyrillic act with
    Latin look-alikes ("шешiм") or an English line is not taken for Latin-script
    Kazakh (the 2017 alphabet's letters are ASCII with an apostrophe: five such
    letters of two kinds or more count); read from the first 4000 characters. Cyrillic letters are counted
    on the UTF-8 bytes as :func:`language_by_bounds` does, the others by
    regular expression. Raises nothing.
    """
    head = text[:4000]
    if not _KK_LATIN_RE.search(head) and not _apostrophe_kazakh(head):
        # no Kazakh Latin letter: Cyrillic (or not Kazakh)
        return "cyrl"
    data = head.encode("utf-8", "surrogatepass")
    cyr = sum(data.count(b) for b in _CYRILLIC_LEADS)
    lat = len(_LATIN_RE.findall(head))
    return "latn" if lat > cyr else "cyrl"
