"""The Republic's codes and main laws cited by name or title, found through the table
of :mod:`lexversion.lang.national` (issue 13, item 7).

A law cited by its date and quoted title without its number ("Қазақстан
Республикасының 2001 жылғы 23 қаңтардағы "..." Заңы") is the table's act of that
title and date (:func:`by_title`); a code cited by name alone ("Әлеуметтік
кодексіне сәйкес", "в соответствии с Экологическим кодексом") or a law by its
quoted title alone ("Халықтың көші-қоны туралы" Қазақстан Республикасы Заңы) is
the table's act of that name in effect on the citing act's date
(:func:`find_named`): the latest put into effect on or before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache

from lexversion.lang import fold_text, fold_word, regex
from lexversion.lang.national import ACTS, CODE_WORD, LAW_WORDS, NationalAct
from lexversion.model import ActRef

#: how far from a quoted title its law word may stand ("..." Қазақстан Республикасы Заңы)
_LAW_WORD_REACH = 40
_WORD = re.compile(r"[\w-]+")


def title_key_plain(title: str) -> str:
    """``title`` as titles are compared: its words folded (:func:`fold_word`:
    case, look-alike letters, stress marks), punctuation and spacing ignored."""
    return " ".join(fold_word(w) for w in _WORD.findall(title))


@lru_cache(maxsize=4096)
def title_key_remembered(title: str) -> str:
    """:func:`title_key_plain`, remembered by title (the fast path :func:`title_key`
    takes).

    Why it is sound: the key is a function of the title's characters alone. A
    parse folds the same titles again and again: a law cited by date and title is
    looked up in the table (:func:`complete`) for each reading of its reference,
    a quoted title for each reader of its paragraph (:func:`find_named`).
    :func:`forget` empties it (:func:`lexversion.parse.forget_texts`).
    tests/parse/citations/test_strategies.py checks they agree. Raises nothing.
    """
    return title_key_plain(title)


#: how every title is keyed: the fast path of :func:`title_key_plain`
title_key = title_key_remembered


def forget() -> None:
    """Forget every title :func:`title_key` has seen."""
    title_key_remembered.cache_clear()


@cache
def _titles() -> dict[str, tuple[NationalAct, ...]]:
    out: dict[str, list[NationalAct]] = {}
    for a in ACTS:
        for t in (*a.kk_titles, *a.ru_titles):
            out.setdefault(title_key(t), []).append(a)
    return {k: tuple(v) for k, v in out.items()}


def in_effect(acts: Iterable[NationalAct], on: date | None) -> NationalAct | None:
    """Of ``acts`` (one name), the one in effect on ``on``: the latest put into effect
    (``applies``, else adopted) on or before it; the latest of all when ``on`` is
    ``None``; ``None`` when none was in effect yet."""
    ranked = sorted(acts, key=lambda a: a.applies or a.date)
    if on is not None:
        ranked = [a for a in ranked if (a.applies or a.date) <= on]
    return ranked[-1] if ranked else None


def by_title(title: str | None, cited: date | None, on: date | None = None) -> NationalAct | None:
    """The table's act titled ``title`` (in either language): the one adopted on
    ``cited`` when the citation gives a date, else the one in effect on ``on`` (the
    citing act's date; :func:`in_effect`). ``None`` when no act of the table has that
    title (or date)."""
    if not title:
        return None
    acts = _titles().get(title_key(title), ())
    if cited is not None:
        return next((a for a in acts if a.date == cited), None)
    return in_effect(acts, on)


def act_ref(a: NationalAct, title: str | None) -> ActRef:
    """The reference to table act ``a`` (``title``: as the text names it)."""
    return ActRef(a.act_type, None, None, "parliament", a.date, a.number or f"nn-{a.key}", title)


def complete(act: ActRef) -> ActRef:
    """``act`` with the number the table gives a law or code of the Republic cited
    by date and title without its number ("204-1"-style numbers are left to
    :func:`lexversion.parse.citations.identity.canonical_number`); ``act`` itself
    otherwise."""
    if act.number or act.region or act.date is None or act.act_type not in ("law", "code"):
        return act
    found = by_title(act.title, act.date)
    return replace(act, number=found.number or f"nn-{found.key}") if found else act


@cache
def _name_patterns(lang: str) -> tuple[tuple[re.Pattern[str], tuple[NationalAct, ...]], ...]:
    by_pattern: dict[str, list[NationalAct]] = {}
    for a in ACTS:
        for p in a.kk_names if lang == "kk" else a.ru_names:
            by_pattern.setdefault(p, []).append(a)
    return tuple((re.compile(fold_text(p), re.IGNORECASE), tuple(v)) for p, v in by_pattern.items())


def find_named(
    text: str, lang: str, on: date | None, pairs: Sequence[tuple[int, int]]
) -> list[tuple[int, int, ActRef]]:
    """The codes named and the laws titled in ``text`` (``pairs``: its quote pairs,
    :func:`lexversion.parse.citations.titles.quote_pairs`), as (start, end, act) in
    order: a code's name ("Әлеуметтік кодексіне"), a quoted law title with the
    law's word within reach ("..." Қазақстан Республикасы Заңы). Each the table's act
    in effect on ``on`` (the citing act's date)."""
    folded = fold_text(text)
    out: list[tuple[int, int, ActRef]] = []
    if CODE_WORD in folded.lower():  # screened: most paragraphs name no code
        for pattern, acts in _name_patterns(lang):
            for m in pattern.finditer(folded):
                a = in_effect(acts, on)
                if a is not None:
                    out.append((m.start(), m.end(), act_ref(a, text[m.start() : m.end()])))
    law = regex(LAW_WORDS.get(lang, r"(?!x)x"))
    for o, c in pairs:
        near = text[max(0, o - _LAW_WORD_REACH) : o] + text[c + 1 : c + 1 + _LAW_WORD_REACH]
        if not law.search(near):  # asked first: folding a title's words costs more
            continue
        title = text[o + 1 : c]
        a = in_effect(_titles().get(title_key(title), ()), on)
        if a is not None:
            out.append((o, c + 1, act_ref(a, title.strip())))
    return sorted(out, key=lambda t: t[0])


__all__ = ["act_ref", "by_title", "complete", "find_named", "in_effect", "title_key"]
