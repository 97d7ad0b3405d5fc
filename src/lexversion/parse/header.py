"""The requisites paragraph -> the act's identity, registration and repeal.

The wider database writes requisites in more shapes than the corpus (issue 3):
"N" or "№", zero-padded days, registration by district justice offices ("№
1-16-101") or under newer numbers ("1368-01"), no registration at all, joint
acts of two issuers (two dates and numbers, or one date and two numbers "N 449
и N 27/5"), session and convocation numerals between issuer and date ("XVII
сессиясының", "VI созыва"), district councils (the oblast read from the
requisites when they name it), former region names (Оңтүстік Қазақстан is
Түркістан).

DOMAIN.md 2.3: "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы №
26-129 шешімі. Алматы облысы Әділет департаментінде 2018 жылы 9 қаңтарда №
4490 болып тіркелді. Күші жойылды - ... шешімімен"; "Решение ... от 19 февраля
2021 года № 22. Зарегистрировано Департаментом юстиции ... № 1691. Утратило
силу решением ...". Each act reference in the paragraph is classified by the
words around it (registration, repeal, or the act itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lexversion.lang import fold_text, vocab
from lexversion.model import ActRef, Registration
from lexversion.parse.citations import BODY_ACT_TYPES, issuers_in, regions_in
from lexversion.parse.citations.anchors import Anchor, find_anchors

#: a second number of the same date: "N 449 и N 27/5", "№ 449 және № 27/5"
_SECOND_NUMBER = re.compile(
    r"\s*(?:и|және|,)\s*(?:№|N)\s*(?P<number>\d+(?:[/\-](?:\d+|[IVXLІХ]+)(?![\wІ]))*)"
)


@dataclass(frozen=True)
class Header:
    """What the requisites say: the act, its registration, the repealing act."""

    act: ActRef | None
    act_span: tuple[int, int] | None
    registration: Registration | None
    repealed_by: ActRef | None
    warnings: tuple[str, ...]
    joint: tuple[ActRef, ...] = ()


def _registration(text: str, a: Anchor, prev_end: int, lang: str) -> Registration | None:
    after = fold_text(text[a.end : a.end + 40]).lower()
    before = fold_text(text[prev_end : a.start]).lower()
    if lang == "kk":
        if "тіркелді" not in after:
            return None
        clause = text[prev_end : a.start]
        authority = re.split(r"[.;]\s+", clause)[-1].strip(" .,")
    else:
        m = re.search(r"зарегистрирован\w*", before)
        if not m:
            return None
        authority = text[prev_end + m.end() : a.start].strip(" .,")
    return Registration(authority or None, a.act.date, a.act.number)


def read_header(text: str, lang: str) -> Header:
    """Classify the act references of the requisites paragraph ``text``.

    The first reference that is neither a registration nor a repeal is the act
    itself; further such references in the same sentence are the other
    issuers' sides of a joint act. Returns a :class:`Header`; missing parts are
    ``None`` with a warning.
    """
    warnings: list[str] = []
    act: Anchor | None = None
    joint: list[ActRef] = []
    registration: Registration | None = None
    repealed_by: ActRef | None = None
    repeal_re = re.compile(vocab(lang).REPEAL_PREFIX, re.IGNORECASE)
    prev_end = 0
    for a in find_anchors(text, lang):
        reg = _registration(text, a, prev_end, lang)
        before = fold_text(text[prev_end : a.start])
        if reg is not None and registration is None:
            registration = reg
        elif repeal_re.search(before):
            repealed_by = a.act
        elif act is None:
            act = a
        elif not re.search(r"\.\s", text[act.end : a.start]) and reg is None:
            joint.append(a.act)
        prev_end = a.end
    if act is None:
        warnings.append("requisites: no adoption date and number found")
        return Header(None, None, registration, repealed_by, tuple(warnings))
    own = act.act
    second = _SECOND_NUMBER.match(text, act.end)
    if second:
        own, other = _one_date_two_numbers(text, act, second.group("number"), lang)
        joint.insert(0, other)
    if own.region is None and own.body in BODY_ACT_TYPES:
        codes = {r for r in regions_in(text, lang) if r}
        if len(codes) == 1:
            own = replace(own, region=codes.pop())
    return Header(
        own,
        (act.start, act.end),
        registration,
        repealed_by,
        tuple(warnings),
        tuple(joint),
    )


def _one_date_two_numbers(text: str, act: Anchor, number: str, lang: str) -> tuple[ActRef, ActRef]:
    """A joint act printed with one date and two numbers: the issuers named before
    the date take the numbers in order ("акимата ... и решение ... маслихата от
    13 декабря 2013 года N 449 и N 27/5": 449 the akimat's, 27/5 the council's)."""
    named = [i for i in issuers_in(text[: act.end], lang)]
    first, second = act.act, replace(act.act, number=number)
    if len(named) >= 2:
        (n1, r1, b1), (n2, r2, b2) = named[-2], named[-1]
        first = replace(first, issuer=n1, region=r1, body=b1, act_type=BODY_ACT_TYPES[b1][0])
        second = replace(second, issuer=n2, region=r2, body=b2, act_type=BODY_ACT_TYPES[b2][0])
    return first, second
