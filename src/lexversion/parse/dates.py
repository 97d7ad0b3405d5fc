"""Dates as Kazakh and Russian legal texts write them (DOMAIN.md 3).

kk: "2017 жылғы 15 желтоқсандағы", "2018 жылы 9 қаңтарда", "2002 жылдың 27
наурызындағы", "2017 жылғы "15" желтоқсандағы"; ru: "15 сентября 2017 года",
"от "30" сентября 2024 года", "6 апреля 2016"; both: "16.04.2024".
Month stems and patterns are data in :mod:`lexversion.lang.kk` / ``ru``.

Editorial notes and the database's mirrors write more numeric forms, read by
:func:`find_note_dates` only (the readers of notes), never by :func:`find_dates`:
year first, "2009.09.30" (year.month.day) or, on prg.kz, "2016.20.04"
(year.day.month); and a two-digit year before "г."/"ж.", "13.04.20 г.".
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


#: year first: "2009.09.30" or prg.kz's "2016.20.04", a full stop after it allowed
_YEAR_FIRST = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d\d)\.(?P<a>\d{1,2})\.(?P<b>\d{1,2})(?![\d])\.?"
)
#: a two-digit year, only before the abbreviation of the word year: "13.04.20 г.", "06.04.21 ж."
_SHORT_YEAR = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<yy>\d\d)(?=\s*(?:г|ж)\.)"
)


def _year_first_order(found: list[tuple[int, int]]) -> str | None:
    """``"dm"`` (year.day.month) or ``"md"`` (year.month.day) when every year-first
    date of a text whose two fields tell the order (one above 12) tells the same
    one; ``None`` when none tells or they disagree."""
    orders = {"dm" if a > 12 else "md" for a, b in found if (a > 12) != (b > 12)}
    return orders.pop() if len(orders) == 1 else None


def year_first_order(text: str) -> str | None:
    """The order of the year-first dates of ``text``: ``"dm"`` (year.day.month,
    prg.kz), ``"md"`` (year.month.day) or ``None`` when none of them tells (or
    they disagree), read from the dates whose fields tell it (one above 12)."""
    return _year_first_order([(int(m["a"]), int(m["b"])) for m in _YEAR_FIRST.finditer(text)])


def find_numeric_dates(text: str, order: str | None = None) -> list[DateMatch]:
    """The year-first and two-digit-year dates of ``text``, in order.

    Year first: "2010.18.02" is 18 February (a field above 12 is the day);
    when both fields are 12 or less, the order the text's other year-first
    dates show decides ("2025.16.05. ... 2025.04.03." is 4 March), else
    ``order`` when given (the whole page's, :func:`year_first_order`); with no
    such evidence the date is left out: null rather than a guess. Two-digit
    years (only before "г."/"ж.") are 2000-2099 when not after this century's
    current year, else 1900-1999 (the acts are Kazakhstan's, 1991 on).
    Impossible dates are skipped. Raises nothing.
    """
    hits = list(_YEAR_FIRST.finditer(text))
    own = _year_first_order([(int(m["a"]), int(m["b"])) for m in hits]) if hits else None
    order = own or order
    out: list[DateMatch] = []
    for m in hits:
        a, b = int(m["a"]), int(m["b"])
        dm = a > 12 or (b <= 12 and order == "dm")
        if a <= 12 and b <= 12 and a != b and order is None:
            continue
        try:
            out.append(
                DateMatch(m.start(), m.end(), date(int(m["year"]), b if dm else a, a if dm else b))
            )
        except ValueError:
            continue
    if "." in text:
        this = date.today().year % 100
        for m in _SHORT_YEAR.finditer(text):
            yy = int(m["yy"])
            try:
                d = date((2000 if yy <= this else 1900) + yy, int(m["month"]), int(m["day"]))
            except ValueError:
                continue
            out.append(DateMatch(m.start(), m.end(), d))
    return sorted(out, key=lambda d: d.start)


def find_note_dates(text: str, lang: str, order: str | None = None) -> list[DateMatch]:
    """Every date an editorial note may write: :func:`find_dates` and
    :func:`find_numeric_dates` (year-first dates in ``order`` when the note
    does not tell it), in order, a numeric match overlapping a
    :func:`find_dates` one left out. Raises nothing."""
    plain = find_dates(text, lang)
    extra = [
        d
        for d in find_numeric_dates(text, order)
        if not any(p.start < d.end and d.start < p.end for p in plain)
    ]
    return sorted(plain + extra, key=lambda d: d.start)


def parse_date(text: str, lang: str) -> date | None:
    """The first date in ``text``, or ``None``."""
    found = find_dates(text, lang)
    return found[0].date if found else None
