"""The requisites paragraph -> the act's identity, registration and repeal.

DOMAIN.md 2.3: "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы №
26-129 шешімі. Алматы облысы Әділет департаментінде 2018 жылы 9 қаңтарда №
4490 болып тіркелді. Күші жойылды - ... шешімімен"; "Решение ... от 19 февраля
2021 года № 22. Зарегистрировано Департаментом юстиции ... № 1691. Утратило
силу решением ...". Each act reference in the paragraph is classified by the
words around it (registration, repeal, or the act itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexversion.lang import fold_text, vocab
from lexversion.model import ActRef, Registration
from lexversion.parse.acts import Anchor, find_anchors


@dataclass(frozen=True)
class Header:
    """What the requisites say: the act, its registration, the repealing act."""

    act: ActRef | None
    act_span: tuple[int, int] | None
    registration: Registration | None
    repealed_by: ActRef | None
    warnings: tuple[str, ...]


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
    itself. Returns a :class:`Header`; missing parts are ``None`` with a warning.
    """
    warnings: list[str] = []
    act: Anchor | None = None
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
        prev_end = a.end
    if act is None:
        warnings.append("requisites: no adoption date and number found")
    return Header(
        act.act if act else None,
        (act.start, act.end) if act else None,
        registration,
        repealed_by,
        tuple(warnings),
    )
