"""A mirror's card of labelled fields, read when the act states no requisites (issue 12).

Mirrors of the database print what it knows of an act as a card of labelled
fields beside or above the text (zanorda.kz, online.zakon.kz): "Дата принятия:
17.02.2016", "Номер: 502", "Орган: Абайский районный маслихат", "Дата
регистрации:", "Номер регистрации:"; in Kazakh "Қабылданған күні", "Нөмірі",
"Қабылдау органы", "Тіркелген күні", "Тіркеу нөмірі"; a label and its value on
one line, the value on the next line, or in table cells ("| Акт түрі | шешім |").
The labels are ``CARD_LABELS`` of ``lang/kk`` and ``lang/ru``.

The card is the mirror's account, not the act's own words: the requisites
sentence, when printed, decides; without it, :func:`read_card` gives the
fields a card states, each read whole or left ``None`` (two different values
for one field say nothing), for :func:`lexversion.parse.header.complete` to
use with a basis saying so.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lexversion.lang import vocab
from lexversion.parse.dates import find_dates
from lexversion.parse.enacting import issuer_ending
from lexversion.parse.formula import low

#: an act's number as a card prints it: "502", "№ 5/40", "N 6С-41-7", "192-Қ"
_NUMBER = re.compile(r"(?:№|N)?\s*(?P<number>\w+(?:[/\-.]\w+)*)")


@dataclass(frozen=True)
class Card:
    """The fields a card states (``None`` when it does not, or says two things):
    the act's date, number, issuer (nominative), its body's kind and act type,
    and its registration's date and number."""

    date: datetime.date | None = None
    number: str | None = None
    issuer: str | None = None
    body: str | None = None
    act_type: str | None = None
    registration_date: datetime.date | None = None
    registration_number: str | None = None


@cache
def _labels(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), field) for p, field in getattr(vocab(lang), "CARD_LABELS", ()))


def field_of(text: str, lang: str) -> tuple[str, str] | None:
    """``(field, value)`` of a card line ("Номер принятия акта: 502", "| Акт түрі |
    шешім |", "Дата регистрации:"; value ``""`` when it is on the next line), or
    ``None`` for a line that is no card field. Raises nothing."""
    if "|" in text:
        cells = [c.strip() for c in text.split("|") if c.strip()]
        if not cells:
            return None
        label, value = cells[0], " ".join(cells[1:])
    elif ":" in text:
        label, value = text.split(":", 1)
    else:
        return None
    key = " ".join(low(label).strip(" .:").split())
    if not key or len(key) > 60:
        return None
    return next(((f, value.strip()) for p, f in _labels(lang) if p.fullmatch(key)), None)


def _date(value: str, lang: str) -> datetime.date | None:
    found = find_dates(value, lang)
    return found[0].date if len(found) == 1 and len(value) <= 40 else None


def _number(value: str) -> str | None:
    m = _NUMBER.fullmatch(value.strip(" .;"))
    if m is None or not any(c.isdigit() for c in m["number"]):
        return None
    return m["number"]


def _act_type(value: str, lang: str) -> str | None:
    words = low(value).split()
    types = vocab(lang).ACT_TYPES.items()
    return next(
        (t for stem, t in types if words and words[-1 if lang == "kk" else 0].startswith(stem)),
        None,
    )


def value_of(field: str, value: str, lang: str) -> tuple[object, str | None] | None:
    """``(value read, body kind)`` of a card ``field``'s printed ``value``: a date,
    an act's number read whole, an act type, an issuer in the nominative with its
    body's kind (``None`` elsewhere); ``None`` when it reads as no such value."""
    read: object = None
    body: str | None = None
    if field in ("date", "registration_date"):
        read = _date(value, lang)
    elif field in ("number", "registration_number"):
        read = _number(value)
    elif field == "act_type":
        read = _act_type(value, lang)
    elif field == "issuer" and (named := issuer_ending(value.strip(" ."), lang)):
        read, body = named
    return None if read is None else (read, body)


def read_card(fields: Sequence[tuple[str, str]], lang: str) -> Card:
    """The :class:`Card` that ``fields`` (``(field, value)`` pairs as
    :func:`field_of` reads them, in order) state. Raises nothing."""
    values: dict[str, set[object]] = {}
    body: str | None = None
    for field, value in fields:
        read = value_of(field, value, lang)
        if read is not None:
            values.setdefault(field, set()).add(read[0])
            body = read[1] or body
    one = {f: next(iter(v)) for f, v in values.items() if len(v) == 1}
    return Card(
        date=_as_date(one.get("date")),
        number=_as_str(one.get("number")),
        issuer=_as_str(one.get("issuer")),
        body=body if "issuer" in one else None,
        act_type=_as_str(one.get("act_type")),
        registration_date=_as_date(one.get("registration_date")),
        registration_number=_as_str(one.get("registration_number")),
    )


def _as_date(value: object) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) else None
