"""Latin-script Kazakh -> a Cyrillic view with a map back to the page as printed.

Pages in the Kazakh Latin alphabets (DOMAIN.md 1; the alphabets are data in
:mod:`lexversion.lang.kk.latin`) are read through a transliteration: the
readers and matchers of lexversion know Kazakh in Cyrillic, so
:func:`lexversion.parse.parse` parses the :class:`View` this module makes,
while the :class:`~lexversion.model.Document` keeps the source text as printed
(``Document.text``, its sha256) and every source offset it reports is mapped
back through :meth:`View.to_source`. The view never replaces the source: it is
a reading of it, like the recognition key of :mod:`lexversion.parse.layout`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lexversion.lang.kk import latin
from lexversion.text.lines import OffsetMap

_WORD = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"[IVXLC]+")


class View(NamedTuple):
    """The Cyrillic reading of a Latin-script text: ``text``, the ``alphabet``
    it was read in ("2018" or "2021") and ``offsets``, mapping each offset of
    ``text`` to the source offset of the character it was read from."""

    text: str
    alphabet: str
    offsets: OffsetMap

    def to_source(self, offset: int) -> int:
        """Source offset of view offset ``offset`` (a digraph's letter maps to its
        first character; the end of the text to the end of the source)."""
        return self.offsets.to_raw(offset)


def alphabet_of(text: str) -> str:
    """``"2018"`` or ``"2021"``: the Latin alphabet whose own letters ``text``
    holds more of (the 2018 alphabet on a tie, the one the mirrors print)."""
    counts = {name: sum(text.count(ch) for ch in marks) for name, marks in latin.MARKS.items()}
    return "2021" if counts["2021"] > counts["2018"] else "2018"


def _word(word: str, table: dict[str, str], semivowel: str) -> str:
    """``word`` in Cyrillic, letter by letter, digraphs first; letters of no
    Latin alphabet (Cyrillic ones typed among them) kept."""
    out: list[str] = []
    low = word.lower()
    k = 0
    while k < len(word):
        pair = low[k : k + 2]
        if len(pair) == 2 and pair in table:
            cyr, step = table[pair], 2
        else:
            ch = low[k]
            cyr, step = table.get(ch, word[k]), 1
            if ch == semivowel and k > 0 and low[k - 1] in latin.VOWELS:
                nxt = low[k + 1 : k + 2]
                if not nxt or nxt not in latin.VOWELS:
                    cyr = "й"
        if word[k].isupper() and cyr != word[k]:
            cyr = cyr[:1].upper() + cyr[1:]
        out.append(cyr)
        k += step
    return "".join(out)


def _kept(text: str, m: re.Match[str]) -> bool:
    """A word left as printed: a Roman numeral ("7/2-II") or the number sign
    "N" before a number. Letters of act numbers are Kazakh letters ("192-Q" is
    "192-Қ", "6s" is "6с") and are read like any other."""
    w = m.group(0)
    if _ROMAN.fullmatch(w):
        return True
    return w == "N" and re.match(r"\s*\d", text[m.end() : m.end() + 3]) is not None


def to_cyrillic(text: str, alphabet: str | None = None) -> View:
    """The Cyrillic :class:`View` of ``text`` read in ``alphabet`` (told by
    :func:`alphabet_of` when ``None``). Everything but the letters of words is
    copied as it is (digits, punctuation, spaces, Cyrillic letters). Raises
    ``KeyError`` for an unknown alphabet name."""
    name = alphabet or alphabet_of(text)
    table, semivowel = latin.ALPHABETS[name], latin.SEMIVOWEL[name]
    out: list[str] = []
    pieces: list[tuple[int, int]] = []
    at = pos = 0
    for m in _WORD.finditer(text):
        if m.start() > pos:
            pieces.append((at, pos))
            out.append(text[pos : m.start()])
            at += m.start() - pos
        word = m.group(0)
        cyr = word if _kept(text, m) else _word(word, table, semivowel)
        if len(cyr) == len(word):
            pieces.append((at, m.start()))
        else:  # a digraph or "x": one map piece per source character read
            pieces.extend(_pieces(word, cyr, table, at, m.start()))
        out.append(cyr)
        at += len(cyr)
        pos = m.end()
    pieces.append((at, pos))
    out.append(text[pos:])
    return View("".join(out), name, OffsetMap.of_pieces(pieces))


def _pieces(word: str, cyr: str, table: dict[str, str], at: int, src: int) -> list[tuple[int, int]]:
    """(view offset, source offset) of each Cyrillic piece of ``word`` (read as
    ``cyr``): a digraph's one letter maps to its first character, each letter
    of a letter read as two ("x" -> "кс") to that letter."""
    out: list[tuple[int, int]] = []
    low = word.lower()
    k = 0
    while k < len(word):
        pair = low[k : k + 2]
        step = 2 if len(pair) == 2 and pair in table else 1
        piece = table.get(low[k : k + step], word[k : k + step])
        out.extend((at + j, src + k) for j in range(len(piece)))  # "x" -> "кс": both from x
        at += len(piece)
        k += step
    return out
