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
#: a word of the 2017 alphabet: letters with the apostrophes some of them carry
_WORD_2017 = re.compile(rf"[^\W\d_]+(?:[{latin.APOSTROPHES}][^\W\d_]*)*")
_PAIRS_2017 = re.compile(latin.APOSTROPHE_PAIRS, re.IGNORECASE)
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
    """``"2017"``, ``"2018"`` or ``"2021"``: the Latin alphabet whose own letters
    ``text`` holds most of (:data:`~lexversion.lang.kk.latin.MARKS`; the 2018
    digraphs "sh", "ch" count for 2018, a letter with its apostrophe for 2017).
    Without any, the dotless ``ı`` tells: more ``ı`` than ``y`` is the 2021
    alphabet (``ı`` is "ы" there), else 2018 (the one the mirrors print)."""
    low = text.lower()
    counts = {name: sum(text.count(ch) for ch in marks) for name, marks in latin.MARKS.items()}
    counts["2018"] += low.count("sh") + low.count("ch")
    counts["2017"] = len(_PAIRS_2017.findall(text))
    best = max(counts.values())
    if best == 0:
        return "2021" if low.count("ı") > low.count("y") else "2018"
    return next(name for name in ("2018", "2021", "2017") if counts[name] == best)


def _lower(word: str, name: str) -> str:
    """``word`` in small letters of alphabet ``name``, one for one (the capitals of
    :data:`~lexversion.lang.kk.latin.LOWER` as that alphabet has them)."""
    small = latin.LOWER[name]
    return "".join(small.get(c) or (c.lower() if len(c.lower()) == 1 else c) for c in word)


def _word(word: str, name: str) -> str:
    """``word`` in Cyrillic, letter by letter in alphabet ``name``, digraphs first;
    letters of no Latin alphabet (Cyrillic ones typed among them) kept."""
    table, semivowel = latin.ALPHABETS[name], latin.SEMIVOWEL[name]
    out: list[str] = []
    low = _lower(word, name)
    k = 0
    while k < len(word):
        pair = low[k : k + 2]
        step = 2 if len(pair) == 2 and pair in table else 1
        key = low[k : k + step]
        cyr = table.get(key, word[k])
        if key in semivowel and _after_vowel(low, k):
            nxt = low[k + step : k + step + 1]
            if not nxt or nxt not in latin.VOWELS:
                cyr = "й"
        if word[k].isupper() and cyr != word[k]:
            cyr = cyr[:1].upper() + cyr[1:]
        out.append(cyr)
        k += step
    read = "".join(out)
    return _loanword(read) if name == "2021" and "і" in read.lower() else read


def _loanword(word: str) -> str:
    """``word`` read in the 2021 alphabet with the "і" of a borrowed stem as "и"
    (:data:`~lexversion.lang.kk.latin.LOAN_STEMS_2021`); same length."""
    key = word.lower().replace("і", "и")
    stem = next((s for s in latin.LOAN_STEMS_2021 if key.startswith(s)), None)
    if stem is None:
        return word
    head = "".join(("И" if c == "І" else "и") if c in "іІ" else c for c in word[: len(stem)])
    return head + word[len(stem) :]


def _after_vowel(low: str, k: int) -> bool:
    """Whether the letter at ``k`` follows a vowel (a 2017 letter's apostrophe
    skipped: "a'" is a vowel)."""
    j = k - 1
    if j > 0 and low[j] in latin.APOSTROPHES:
        j -= 1
    return j >= 0 and low[j] in latin.VOWELS


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
    table = latin.ALPHABETS[name]
    out: list[str] = []
    pieces: list[tuple[int, int]] = []
    at = pos = 0
    for m in (_WORD_2017 if name == "2017" else _WORD).finditer(text):
        if m.start() > pos:
            pieces.append((at, pos))
            out.append(text[pos : m.start()])
            at += m.start() - pos
        word = m.group(0)
        cyr = word if _kept(text, m) else _word(word, name)
        if len(cyr) == len(word):
            pieces.append((at, m.start()))
        else:  # a digraph or "x": one map piece per source character read
            pieces.extend(_pieces(_lower(word, name), table, at, m.start()))
        out.append(cyr)
        at += len(cyr)
        pos = m.end()
    pieces.append((at, pos))
    out.append(text[pos:])
    return View("".join(out), name, OffsetMap.of_pieces(pieces))


def _pieces(low: str, table: dict[str, str], at: int, src: int) -> list[tuple[int, int]]:
    """(view offset, source offset) of each Cyrillic piece of a word (``low``, in
    small letters): a digraph's one letter maps to its first character, each
    letter of a letter read as two ("x" -> "кс") to that letter."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(low):
        pair = low[k : k + 2]
        step = 2 if len(pair) == 2 and pair in table else 1
        piece = table.get(low[k : k + step], low[k : k + step])
        out.extend((at + j, src + k) for j in range(len(piece)))  # "x" -> "кс": both from x
        at += len(piece)
        k += step
    return out
