"""The per-paragraph scan: spaCy's matchers over a paragraph, their matches made
pieces (dates, numbers, act words, issuers, pinpoints, register references).

Each paragraph is scanned once (cached by text) whoever asks: :func:`find` with or
without ``loose_number``, the AKN builder, :func:`issuers_in` and
:func:`regions_in` read one scan. Which paragraphs are worth scanning at all is a
named strategy (:class:`Scanner`, :class:`Prefilter`), as is how the words of a
match are read (:mod:`lexversion.parse.citations.words`).

.. autodata:: PREFILTER
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from lexversion.lang import citing, vocab
from lexversion.parse.citations.issuers import forget as forget_phrases
from lexversion.parse.citations.issuers import (
    issuer_name,
    local,
    longest,
    region_issuers,
    region_of,
)
from lexversion.parse.citations.keys import NUMBERS, Issuer, Key, LocalRule, RegionRule, TokenClass
from lexversion.parse.citations.matchers import matchers
from lexversion.parse.citations.pipelines import own_norm, strings
from lexversion.parse.citations.words import Tokens, Words, tokens

#: an act number: digits, then "/"- or "-"-separated groups of digits or Roman numerals
#: an act's number: digits, then "/"- or "-"-separated groups of digits, Roman numerals
#: or one letter ("26-129", "149/19-VIII", "192-Қ"); a letter prefix or a letter after
#: the first digits is part of it ("А-5/285", "С-45/2", "VI-29/262", "6С-41-7"; issue 12)
NUMBER = re.compile(
    r"(?:[A-ZА-ЯӘІҢҒҮҰҚӨҺ]{1,4}-)?\d+(?:[A-ZА-ЯӘІҢҒҮҰҚӨҺ](?=-))?"
    r"(?:[/\-](?:\d+|[IVXLІХ]+|[A-ZА-ЯӘІҢҒҮҰҚӨҺа-яәіңғүұқөһ])(?![\wІ]))*"
)


class Piece(NamedTuple):
    """A matched piece of a paragraph: char span, key and what it says (a tuple:
    a scan makes hundreds)."""

    start: int
    end: int
    key: Key | Issuer
    value: Any = None
    extra: Any = None


@dataclass
class Scan:
    """What :func:`scan` found in one paragraph: the pieces by key, in order, and
    the paragraph's :class:`~lexversion.parse.citations.words.Tokens`."""

    dates: list[Piece]
    numbers: list[Piece]
    acts: list[Piece]
    issuers: list[Piece]
    regions: list[Piece]
    pins: list[Piece]
    registers: list[Piece]
    republic: list[Piece]
    tokens: Tokens


def date_of(words: Words, s: int, e: int, lang: str) -> tuple[date, str, bool] | None:
    """(date, displaced word, attributive) of the date tokens ``s:e``; ``None`` when
    they make no date of the calendar. Attributive: a Kazakh month word ending in
    ``ATTRIBUTIVE_ENDINGS`` ("23 қаңтардағы", a date that names an act)."""
    v = vocab(lang)
    months = v.MONTHS
    texts, norms = words.texts(s, e), words.norms(s, e)
    try:
        if norms[0] == TokenClass.DATE:
            d, mth, y = (int(x) for x in texts[0].split("."))
            return date(y, mth, d), "", False
        nums = [i for i, n in enumerate(norms) if n in _NUMBER_CLASSES]
        month = next(i for i, n in enumerate(norms) if n in months)
        year = next(i for i in nums if len(texts[i]) == 4)
        day = next(i for i in nums if len(texts[i]) <= 2)
        when = date(int(texts[year]), months[norms[month]], int(texts[day]))
    except (StopIteration, ValueError):
        return None
    displaced = next((w for w in texts[day + 1 : month] if w.isalpha()), "")
    attributive = texts[month].lower().endswith(getattr(v, "ATTRIBUTIVE_ENDINGS", ()))
    return when, displaced, attributive


#: the token classes of a date's day and year
_NUMBER_CLASSES = frozenset(t.value for t in NUMBERS)


# -- which paragraphs are scanned --------------------------------------------------------


class Scanner:
    """The plain definition of the paragraphs that may hold a reference: all of them.
    Every paragraph is tokenized (:meth:`worth`) and matched (:meth:`matched`)."""

    def worth(self, text: str) -> bool:
        """Whether ``text`` is worth tokenizing: always."""
        return True

    def matched(self, toks: Tokens) -> bool:
        """Whether a tokenized paragraph is worth matching: always."""
        return True


class Prefilter(Scanner):
    """Only paragraphs holding a year are tokenized and only those with a month word
    or a dotted date among their tokens are matched.

    Why it is sound: every reference holds a date (a number alone names no act), and
    every ``DATE`` pattern of :mod:`lexversion.parse.citations.matchers` holds a
    token whose normal form is a month or ``#date`` (:attr:`Tokens.dated`), so a
    paragraph without one has no date piece and :func:`find` finds nothing in it.
    ``_WORTH`` is a text-level superset of the date patterns as dates are printed:
    kk "2017 жылғы 15 ...", ru "15 сентября 2017", dotted "16.04.2024" (the digits
    of the text are where ``re`` looks first), the Kazakh year word in any case and
    abbreviated ("2017 ЖЫЛҒЫ", "2017 ж. 15 желтоқсандағы", as mirrors print it).
    """

    #: paragraphs worth tokenizing: every reference holds a date, kk "2017 жылғы 15 ..."
    #: (or "ЖЫЛҒЫ", "ж."),
    #: ru "15 сентября 2017", or dotted "16.04.2024". The alternatives share their first
    #: digit, so ``re`` skips to the digits of the text
    WORTH = re.compile(
        rf"\d(?:\d{{3}}\s*(?i:{citing('kk').YEAR_WORD})\w*\s+\"?\d"
        r"|\"?\s+\S+\s+(?:\S+\s+)?\d{4}|\.\d{1,2}\.\d{4})"
    )

    def worth(self, text: str) -> bool:
        """Whether ``text`` holds a year as a date prints it (``WORTH``)."""
        return self.WORTH.search(text) is not None

    def matched(self, toks: Tokens) -> bool:
        """Whether a token is a month word or a dotted date (``Tokens.dated``)."""
        return toks.dated


#: the strategy :func:`find` uses
PREFILTER = Prefilter()


# -- the scan ----------------------------------------------------------------------------


class _Hits:
    """The matches of a scan that need more than their span: pinpoints and issuers
    (kept longest), region rules and the bodies of districts and towns."""

    def __init__(self) -> None:
        self.pins: list[tuple[int, int]] = []
        self.named: list[tuple[RegionRule, int, int]] = []
        self.issuers: list[tuple[int, int, Key | Issuer]] = []
        self.local: dict[str, list[tuple[int, int]]] = {}


def _piece(
    out: Scan, hits: _Hits, words: Words, text: str, key: Any, s: int, e: int, lang: str
) -> None:
    """File the match ``key`` over tokens ``s:e`` of ``text``: a piece of ``out``, or
    one of ``hits`` to resolve when all are in."""
    offsets, ends = out.tokens.offsets, out.tokens.ends
    cs, ce = offsets[s], ends[e - 1]
    if key is Key.DATE:
        got = date_of(words, s, e, lang)
        if got is not None:
            out.dates.append(Piece(cs, ce, key, got, s))
    elif key is Key.NUMBER:
        nm = NUMBER.match(text, offsets[e - 1])
        if nm is not None:
            moved = next((w for w in words.texts(s, e - 1) if w.isalpha() and w != "N"), "")
            out.numbers.append(Piece(cs, nm.end(), key, nm.group(0), moved))
    elif key is Key.ACT:
        out.acts.append(Piece(cs, ce, key, vocab(lang).ACT_NORMS[words.norm(s)]))
    elif key is Key.PINPOINT:
        hits.pins.append((s, e))
    elif key is Key.REGISTER:
        out.registers.append(Piece(cs, ce, key, text[offsets[e - 1] : ce]))
    elif key is Key.REPUBLIC:
        out.republic.append(Piece(cs, ce, key))
    elif isinstance(key, RegionRule):
        hits.named.append((key, s, e))
    elif isinstance(key, LocalRule):
        body, span = local(words, key.position, s, e, lang)
        if span:
            hits.local.setdefault(body, []).append(span)
    elif key is Key.MINISTRY:
        hits.issuers.append((s, e, Issuer(None, "ministry")))
    else:  # the Government
        hits.issuers.append((s, e, key))


def _issuer_pieces(out: Scan, hits: _Hits, words: Words, text: str, lang: str) -> None:
    """Resolve the issuers of ``hits`` into the issuer and region pieces of ``out``:
    the Government, ministries, the bodies of districts and towns, the bodies and
    names of regions (the region read back from the words), leftmost-longest."""
    offsets, ends = out.tokens.offsets, out.tokens.ends
    issuers = hits.issuers
    issuers += [(s, e, Issuer(None, b)) for b in hits.local for s, e in longest(hits.local[b])]
    issuers += region_issuers(words, hits.named, lang)
    for s, e, key in sorted(issuers, key=lambda h: (h[0], -h[1])):
        cs, ce = offsets[s], ends[e - 1]
        if isinstance(key, Key):  # the Government
            out.issuers.append(Piece(cs, ce, key, (None, "government"), text[cs:ce]))
            continue
        kind, body = key
        region = region_of(words, s, e, lang, kind) if kind is not None else None
        if kind is not None and region is None:
            continue
        if body == "region":
            out.regions.append(Piece(cs, ce, key, region))
        else:
            out.issuers.append(Piece(cs, ce, key, (region, body), text[cs:ce]))
    out.issuers = _no_overlap(out.issuers)


@lru_cache(maxsize=512)
def scan(text: str, lang: str) -> Scan:
    """The pieces of ``text`` (a paragraph) in ``lang``, by the matchers of
    :func:`~lexversion.parse.citations.matchers.matchers`. Cached by text (a scan
    holds its ``Doc``, so the cache is small): :func:`find` with and without
    ``loose_number``, :func:`issuers_in` and :func:`regions_in` read one scan of a
    paragraph. Callers must not change it."""
    m = matchers(lang)
    toks = tokens(text, lang)
    words = Words(text, toks, strings(lang))
    out = Scan([], [], [], [], [], [], [], [], toks)
    hits = _Hits()
    found = sorted([*m.patterns(toks.doc), *m.phrases(toks.doc)], key=lambda h: (h[1], -h[2]))
    for match_id, s, e in found:
        _piece(out, hits, words, text, m.keys[match_id], s, e, lang)
    out.pins = [
        Piece(toks.offsets[s], toks.ends[e - 1], Key.PINPOINT)
        for s, e in sorted(longest(hits.pins))
    ]
    _issuer_pieces(out, hits, words, text, lang)
    return out


def _no_overlap(pieces: list[Piece]) -> list[Piece]:
    """Leftmost-longest pieces, a named region preferred to a district or town."""

    def rank(p: Piece) -> tuple[int, int, int]:
        region, _ = p.value
        return (p.start, -(p.end - p.start), 0 if region is not None else 1)

    out: list[Piece] = []
    for p in sorted(pieces, key=rank):
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out


def forget() -> None:
    """Forget every text: the scans, the tokens, the words read from them and the
    issuer phrases read."""
    scan.cache_clear()
    tokens.cache_clear()
    own_norm.cache_clear()
    strings.cache_clear()
    forget_phrases()


def warm(langs: Iterable[str] = ("kk", "ru")) -> None:
    """Build the pipelines and matchers of ``langs`` (outside any timing)."""
    for lang in langs:
        matchers(lang)


def issuers_in(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    """Issuing bodies named in ``text``, in order: (name, region code, body)."""
    out = []
    for p in scan(text, lang).issuers:
        region, body = p.value
        out.append(
            (issuer_name(region, body, lang, p.extra), region.code if region else None, body)
        )
    return out


def regions_in(text: str, lang: str) -> list[str | None]:
    """Region codes of the oblasts and cities named in ``text`` (issuers included)."""
    sc = scan(text, lang)
    codes = [p.value.code for p in sc.regions]
    codes += [p.value[0].code for p in sc.issuers if p.value[0] is not None]
    return codes
