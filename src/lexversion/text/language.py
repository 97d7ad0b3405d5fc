"""Which language a text is written in: Kazakh or Russian (DOMAIN.md 1).

The Kazakh Cyrillic alphabet of 1940 is the Russian alphabet plus nine letters
(ә ғ қ ң ө ұ ү һ і); their share of the Cyrillic letters tells the two apart.
"""

from __future__ import annotations

#: the nine letters Kazakh adds to the Russian alphabet, both cases, the most
#: frequent first (so a Kazakh text is told after counting one or two of them)
_KK_LETTERS = "іқғңәүөұһІҚҒҢӘҮӨҰҺ"
#: UTF-8 lead bytes of U+0400-U+04FF (Cyrillic): each starts one Cyrillic letter
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")


def detect_language(text: str) -> str:
    """``"kk"`` or ``"ru"``: Kazakh when its own letters (ә ғ қ ң ө ұ ү һ і) make
    up more than 1% of the Cyrillic letters, else Russian. The Kazakh alphabet
    of 1940 adds exactly these nine letters to the Russian one.

    Every character of ``text`` counts; Cyrillic letters are counted on the
    UTF-8 bytes (each begins with one of the lead bytes 0xD0-0xD3). The count
    of Cyrillic letters is skipped when the Kazakh letters alone decide: none
    at all (Russian), or more than 1% of all characters, which bounds the
    Cyrillic letters from above (Kazakh).
    """
    kk = 0
    for ch in _KK_LETTERS:
        kk += text.count(ch)
        if kk * 100 > len(text):
            return "kk"
    if not kk:
        return "ru"
    data = text.encode("utf-8", "surrogatepass")
    cyr = sum(data.count(b) for b in _CYRILLIC_LEADS)
    return "kk" if kk * 100 > cyr else "ru"
