"""Plausibility of what the requisites state (issue 16): impossible dates are no facts.

A step of :func:`lexversion.parse.parse` after :func:`lexversion.parse.header.read_front`.
Three kinds of date are refused as facts (made ``None``, i.e. unknown) and
warned about, never shown as stated:

* **No date at all** ("31 февраля 3024", "30.02.2024"). The reader of the
  requisites skips such text, so before this check the act reference it dated
  vanished and the next clause's act took its place (issue 16: the
  registration took the repealing act's date and number, marked stated). The
  requisites are read again with the impossible day made a possible one of the
  same length (offsets unchanged); the act reference found there keeps its
  number and issuer, and its date becomes unknown.
* **After the build**: a year later than :data:`FUTURE_MARGIN_YEARS` after
  today (adoption, registration and repeal are past events when the export is
  made; a year of margin allows for a clock or a time zone, not for 3024).
* **Before local councils and akimats existed**: earlier than
  :data:`LOCAL_ACTS_FLOOR`, 10 December 1993, the Law of the Republic of
  Kazakhstan "On local representative and executive bodies of the Republic of
  Kazakhstan" that replaced the local Soviets with maslikhats (elected from
  March 1994) and heads of local administration (akims); the Constitution of 30
  August 1995 (Articles 86-87) and the Law of 23 January 2001 No 148-II "On
  local state administration and self-government in the Republic of
  Kazakhstan" continue them. Every act this check sees (the act itself, its
  registration, the local act repealing it) is a local act or its registration,
  so none can be older.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from lexversion.errors import InputError
from lexversion.model import ActRef, Registration
from lexversion.parse.dates import find_dates, impossible_dates
from lexversion.parse.header import Front, Header, read_header

#: a status label's first word (DOMAIN.md 2.2)
_STATUS_LABEL = r"(?:Утративш|Күшін жой|Жаңа|Новый|Қолданыстағы|Действующ)"
#: not a numbered point ("2. ... мәслихатының ... шешімі күші жойылды деп танылсын"):
#: a title or a requisites sentence never opens with a point's number, so a
#: point between blank lines (a web copy that spaces every paragraph) opens no export
_NO_POINT = r"(?![ \t]*\d+(?:-\d+)?\s*[.)]\s)"
#: not a field label ("Сведения об акте:", a mirror card's, DOMAIN.md 2.3): a title
#: never ends with a colon
_NO_LABEL = r"(?![^\n]*:[ \t]*\n)"
#: a title line of an export: no point, no field label
_TITLE_LINE = _NO_POINT + _NO_LABEL + r"\S[^\n]*\n"
#: the requisites naming a council's or an akimat's act
_REQUISITES = (
    _NO_POINT + r"(?:(?:Решение|Постановление|Совместн)[^\n]*\bот\b"
    r"|[^\n]*(?:мәслихатының|әкімдігінің|әкімиятының)(?:[^\n]|\n(?![ \t]*\n)){0,300}?"
    r"(?:шешімі|қаулысы)\b)"
)
#: the opening of an export (DOMAIN.md 2.1-2.3): a blank line, one to four title
#: lines (not a status label: a web page prints the label between blank lines
#: right above the requisites), a blank line, an optional status line, then the
#: requisites naming an act of a council or an akimat ("Решение ... от", "...
#: мәслихатының ... шешімі")
_EXPORT_HEAD = re.compile(
    rf"(?:\A|\n)[ \t]*\n(?!{_STATUS_LABEL})(?:{_TITLE_LINE}){{1,4}}[ \t]*\n"
    rf"(?:{_STATUS_LABEL}[^\n]*\n)?{_REQUISITES}"
)


def export_starts(text: str) -> list[int]:
    """Where each export held by the decoded ``text`` begins: ``0``, then the
    offset of the blank line opening each further one. One entry for a single
    act (and for a text with no recognisable opening).

    An opening is what every export starts with (DOMAIN.md 2.1-2.3): a title
    between blank lines, an optional status line, then requisites naming a
    council's or an akimat's act. An annex's approval block ("... шешіміне
    қосымша", "Приложение к решению") does not open an export."""
    out = [0]
    for m in _EXPORT_HEAD.finditer(text):
        at = m.start() + (text[m.start()] == "\n" and m.start() > 0)
        if text[:at].strip():  # blank lines above the first act open no second one
            out.append(at)
    return out


def split_exports(text: str) -> list[str]:
    """The decoded ``text`` cut into the exports it holds (:func:`export_starts`),
    each verbatim; concatenated, they are ``text`` again."""
    starts = export_starts(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def refuse_several_acts(text: str, source: str) -> None:
    """Raise :class:`InputError` (one line, exit code 2) when the decoded ``text``
    holds the openings of two or more exports (concatenated files: issue 16 read
    45 of them as one act with 46 effects), naming how many and how to split
    them (``lexversion split``, :func:`split_exports`); return otherwise."""
    n = len(export_starts(text))
    if n >= 2:
        raise InputError(
            source,
            f"holds {n} acts (concatenated exports, each opening with a title and "
            f"requisites): split it into one file per act with 'lexversion split {source} DIR'",
        )


#: the earliest date a maslikhat decision or an akimat resolution can bear (see module)
LOCAL_ACTS_FLOOR = date(1993, 12, 10)
#: how many years after today's year a stated date may still be
FUTURE_MARGIN_YEARS = 1


def check_front(front: Front, lang: str, today: date | None = None) -> Front:
    """``front`` with the dates of its requisites that cannot be facts made
    ``None``, each with a warning in ``front.header.warnings`` (see the module).
    ``today`` defaults to the current date. Never raises."""
    today = today or date.today()
    text = front.requisites.text
    header = front.header
    bad = impossible_dates(text, lang)
    placeholders: set[date] = set()
    if bad:
        masked = list(text)
        for _, _, d0, d1 in bad:
            masked[d0:d1] = "0" * (d1 - d0 - 1) + "1"
        header = read_header("".join(masked), lang)
    warnings = list(header.warnings)
    if bad:
        warnings += [f'requisites: "{text[s:e]}" is no date: read as unknown' for s, e, _, _ in bad]
        starts = {b[0] for b in bad}
        placeholders = {m.date for m in find_dates("".join(masked), lang) if m.start in starts}

    def fact(d: date | None, what: str) -> date | None:
        if d is None or d in placeholders:
            return None
        if d.year > today.year + FUTURE_MARGIN_YEARS:
            warnings.append(
                f"requisites: {what} dated {d.isoformat()}, later than next year: read as unknown"
            )
            return None
        if d < LOCAL_ACTS_FLOOR:
            warnings.append(
                f"requisites: {what} dated {d.isoformat()}, before maslikhats and akimats "
                f"existed ({LOCAL_ACTS_FLOOR.isoformat()}): read as unknown"
            )
            return None
        return d

    act = _act(header.act, fact, "the act")
    registration = header.registration
    if registration is not None:
        registration = Registration(
            registration.authority, fact(registration.date, "the registration"), registration.number
        )
    repealed_by = _act(header.repealed_by, fact, "the repealing act")
    checked = Header(
        act,
        header.act_span,
        registration,
        repealed_by,
        tuple(warnings),
        tuple(j for j in (_act(j, fact, "the joint act") for j in header.joint) if j),
    )
    if checked == front.header:
        return front
    status = "repealed" if repealed_by is not None else front.status
    return replace(front, header=checked, status=status)


def note_warnings(texts: Sequence[str], lang: str) -> list[str]:
    """A warning for each date-shaped text in the editorial notes ``texts`` that
    is no date ("Утратило силу решением ... от 31.02.2024 № 97"): such text is
    never read as a date, and the note's act keeps no date from it. The notes
    are short, so the scan costs nothing a parse would notice. Never raises."""
    return [
        f'editorial note: "{text[s:e]}" is no date: not read as one'
        for text in texts
        for s, e, _, _ in impossible_dates(text, lang)
    ]


def _act(
    act: ActRef | None, fact: Callable[[date | None, str], date | None], what: str
) -> ActRef | None:
    """``act`` with its date checked by ``fact`` (the act itself kept when its date goes)."""
    if act is None or act.date is None:
        return act
    d = fact(act.date, what)
    return act if d == act.date else replace(act, date=d)
