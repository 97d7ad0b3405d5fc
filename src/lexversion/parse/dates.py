"""Dates as Kazakh and Russian legal texts write them (DOMAIN.md 3).

kk: "2017 жылғы 15 желтоқсандағы", "2018 жылы 9 қаңтарда", "2002 жылдың 27
наурызындағы", "2017 жылғы "15" желтоқсандағы"; ru: "15 сентября 2017 года",
"от "30" сентября 2024 года", "6 апреля 2016"; both: "16.04.2024".
Month stems and patterns are data in :mod:`lexversion.lang.kk` / ``ru``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from lexversion.lang import fold_text, vocab

_DOTTED = r"(?P<dday>\d{1,2})\.(?P<dmonth>\d{1,2})\.(?P<dyear>\d{4})"


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: half-open span ``[start, end)`` and the date.

    ``displaced`` is a word the export moved into the date (DOMAIN.md 4.1:
    "от 12 решение октября 2021 года"), or empty.
    """

    start: int
    end: int
    date: date
    displaced: str = ""


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    words = "|".join(f"(?:{p})" for p in vocab(lang).DATE_PATTERNS)
    return re.compile(rf"(?:{words})|(?:\b{_DOTTED}\b)", re.IGNORECASE)


def month_number(word: str, lang: str) -> int | None:
    """Month of ``word`` ("желтоқсандағы", "сентября", "мая"), or ``None``.

    The word must be a month stem followed by one of the language's case
    endings (``MONTH_ENDING``), so "марта" is March, "мая" May and "мартышек"
    no month; the longest matching stem wins.
    """
    w = fold_text(word.lower())
    v = vocab(lang)
    best: tuple[int, int] | None = None
    for stem, month in v.MONTHS.items():
        if (
            w.startswith(stem)
            and re.fullmatch(v.MONTH_ENDING, w[len(stem) :])
            and (best is None or len(stem) > best[0])
        ):
            best = (len(stem), month)
    return best[1] if best else None


def find_dates(text: str, lang: str) -> list[DateMatch]:
    """All dates in ``text`` (any language form plus ``dd.mm.yyyy``), in order.

    Impossible dates ("31 ақпан") and words that are not months are skipped.
    """
    folded = fold_text(text)
    out: list[DateMatch] = []
    for m in _pattern(lang).finditer(folded):
        g = m.groupdict()
        try:
            if g.get("dyear"):
                d = date(int(g["dyear"]), int(g["dmonth"]), int(g["dday"]))
            else:
                end, displaced = m.end(), g.get("displaced") or ""
                month = month_number(g["month"], lang)
                if month is None and displaced:
                    # the optional displaced word took the month: "... желтоқсандағы шешімі"
                    month, end, displaced = month_number(displaced, lang), m.end("displaced"), ""
                if month is None:
                    continue
                d = date(int(g["year"]), month, int(g["day"]))
        except ValueError:
            continue
        if g.get("dyear"):
            end, displaced = m.end(), ""
        out.append(DateMatch(m.start(), end, d, displaced))
    return out


def impossible_dates(text: str, lang: str) -> list[tuple[int, int, int, int]]:
    """Date-shaped text in ``text`` that is no date ("31 февраля 3024",
    "30.02.2024", "31.13.2024"): ``(start, end, day_start, day_end)`` of each, the
    day digits' span too, in order (month digits instead when the month is
    past 12). :func:`find_dates` skips such text; the plausibility checks
    (:mod:`lexversion.parse.plausibility`) report it.
    """
    folded = fold_text(text)
    out: list[tuple[int, int, int, int]] = []
    for m in _pattern(lang).finditer(folded):
        g = m.groupdict()
        if g.get("dyear"):
            day, month, year, key = int(g["dday"]), int(g["dmonth"]), int(g["dyear"]), "dday"
            if month > 12:
                key = "dmonth"
        elif 1 <= int(g["day"]) <= 28:
            continue  # a day every month has (the month word is looked up only if not)
        else:
            month_no = month_number(g["month"], lang)
            if month_no is None:
                continue
            day, month, year, key = int(g["day"]), month_no, int(g["year"]), "day"
        try:
            date(year, month, day)
        except ValueError:
            out.append((m.start(), m.end(), m.start(key), m.end(key)))
    return out


def parse_date(text: str, lang: str) -> date | None:
    """The first date in ``text``, or ``None``."""
    found = find_dates(text, lang)
    return found[0].date if found else None
