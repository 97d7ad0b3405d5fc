"""The amending acts an editorial note names, and the effect the note records.

A note of the official database or of a mirror names each act that changed
(or repealed) the act it is printed in by a date and a number, in any of the
forms notes use (DOMAIN.md 2.4, 3): "Қарағанды қаласы әкімдігінің 30.09.2015
№ 46/10 (ресми жарияланған күннен бастап қолданысқа енгізіледі) қаулысымен",
"решением ... от 13.04.20 г. № 45/6", "... мәслихатының 2025.25.04. № 29/5
шешімімен", "решений ... от 5 февраля 2019 года № 372 (...); от 12 марта 2021
года № 19 (...)". :func:`amending_acts` reads every (date, number) pair, the
act's type from the word that names it, the issuer from the citation scan
(:func:`lexversion.parse.citations.anchors.find_anchors`) when it read the
same number, and each act's commencement rule from the text up to the next
act. :func:`amendment_effects` turns an amendment note into one effect per
amending act, naming the provision or part it changed. The wording is data in
:mod:`lexversion.lang.kk.notes` and :mod:`lexversion.lang.ru.notes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from lexversion.lang import fold_number, fold_text, noting, regex, vocab
from lexversion.model import ActRef, CommencementRule, Effect, EffectType, ProvisionRef
from lexversion.parse import layout as L
from lexversion.parse.citations.anchors import find_anchors
from lexversion.parse.commencement import commencement_rule
from lexversion.parse.dates import DateMatch, find_note_dates

#: "№ 46/10", "N 7/2-II", "№ VI-29/262", "№ №4-45-VIII", "№ 17/158-VI", "№ А-5/285"
_NUMBER = re.compile(r"(?:№|N(?=\s*\d))\s*(?:№\s*)?(?P<num>\w+(?:[/\-]\w+)*)")
#: what may stand between a date and its number: "года", "г.", "ж.", "жылғы"
#: a parenthesis opening a line or a sentence (:func:`front_parentheses`)
_OPENING_PARENTHESIS = re.compile(r"(?:^|(?<=[.)])\s*)\(")
_DATE_TO_NUMBER = re.compile(r"^\s*(?:года|год|г\.|ж\.|жылғы)?\s*,?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amending:
    """An act a note names: the act, its commencement rule as the note states
    it (or ``None``), and the span ``[start, end)`` of its date and number."""

    act: ActRef
    rule: CommencementRule | None
    start: int
    end: int


@cache
def _compiled(lang: str, name: str) -> re.Pattern[str]:
    items = getattr(noting(lang), name)
    if isinstance(items, str):
        items = (items,)
    if isinstance(items, dict):
        items = tuple(items)
    return re.compile("|".join(f"(?:{p})" for p in items) or r"(?!x)x", re.IGNORECASE)


def matches(lang: str, name: str, text: str) -> re.Match[str] | None:
    """Search ``text``'s recognition key for note wording ``name`` of ``lang``
    (:mod:`lexversion.lang.kk.notes`); ``None`` when absent. Raises nothing."""
    return _compiled(lang, name).search(L.key(text))


def _pairs(text: str, dates: list[DateMatch]) -> list[tuple[DateMatch, re.Match[str]]]:
    """(date, number) pairs: a number right after its date ("30.09.2015 № 46/10",
    "от 5 февраля 2019 года № 372"), or a date after "от" right after the number
    ("№ 372 от 5 февраля 2019 года")."""
    out: list[tuple[DateMatch, re.Match[str]]] = []
    used: set[int] = set()
    for m in _NUMBER.finditer(text):
        before = [d for d in dates if d.end <= m.start() and d.start not in used]
        if before and _DATE_TO_NUMBER.match(text[before[-1].end : m.start()]):
            used.add(before[-1].start)
            out.append((before[-1], m))
            continue
        after = [d for d in dates if d.start >= m.end() and d.start not in used][:1]
        if after and re.fullmatch(r"\s*от\s*", text[m.end() : after[0].start], re.IGNORECASE):
            used.add(after[0].start)
            out.append((after[0], m))
    return out


def named_pairs(text: str, lang: str, order: str | None = None) -> set[tuple[date, str]]:
    """The (date, folded number) of every act ``text`` names by a date and a
    number, registrations included: :func:`amending_acts` without the citation
    scan, to tell whether a note's acts were read already. Raises nothing."""
    dates = find_note_dates(text, lang, order)
    return {(d.date, fold_number(m["num"])) for d, m in _pairs(text, dates)} if dates else set()


def _act_type(text: str, start: int, end: int, lang: str) -> str | None:
    """The type of the act whose date and number span ``[start, end)``: Kazakh
    names it after the number and any parenthesis ("№ 46/10 (...) қаулысымен"),
    Russian before the date ("решением маслихата ... от")."""
    words = noting(lang).BY_ACT
    if lang == "kk":
        tail = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", " ", text[end : end + 400])
        first = re.match(r"\W*(\w+)", L.key(tail))
        return next((t for p, t in words.items() if first and re.fullmatch(p, first[1])), None)
    head = L.key(text[max(0, start - 200) : start])
    found = [(m.end(), t) for p, t in words.items() for m in re.finditer(rf"\b{p}", head)]
    return max(found)[1] if found else None


def amending_acts(
    text: str, lang: str, own: ActRef | None = None, order: str | None = None
) -> list[Amending]:
    """Every act ``text`` names by a date and a number, in order, ``own`` (the
    act the note is printed in) and registrations left out.

    Each act's issuer, region and body come from the citation scan when it
    read the same number; its type from the word naming it; its commencement
    rule from the text after it up to the next act. ``order`` is the order
    of year-first dates on the page (:func:`lexversion.parse.dates.year_first_order`)
    for a note whose own dates do not tell it. Raises nothing.
    """
    v = noting(lang)
    dates = find_note_dates(text, lang, order)
    if not dates:
        return []
    anchors = {fold_number(a.act.number or ""): a.act for a in find_anchors(text, lang)}
    pairs = _pairs(text, dates)
    out: list[Amending] = []
    for k, (d, m) in enumerate(pairs):
        start, end = min(d.start, m.start()), max(d.end, m.end())
        nxt = (
            min(pairs[k + 1][0].start, pairs[k + 1][1].start()) if k + 1 < len(pairs) else len(text)
        )
        if re.search(v.REGISTERED, L.key(text[end:nxt] if lang == "kk" else text[:start])):
            continue
        number = m["num"]
        is_own = own is not None and own.number and fold_number(own.number) == fold_number(number)
        if is_own and own is not None and own.date in (None, d.date):
            continue
        known = anchors.get(fold_number(number))
        act = (
            replace(known, date=d.date, number=number)
            if known is not None
            else ActRef(_act_type(text, start, end, lang), None, None, None, d.date, number)
        )
        if act.act_type is None:
            act = replace(act, act_type=_act_type(text, start, end, lang))
        out.append(Amending(act, commencement_rule(text[end:nxt], lang), start, end))
    return out


def _scope(
    text: str, lang: str, where: str, before: int
) -> tuple[EffectType, str, ProvisionRef | None]:
    """(effect type, scope, pinpoint) of an amendment note: the provision it names
    before the amending act (``before``) with its number, or a part (preamble,
    title, annex), else the whole part the note sits in (``where``)."""
    v, nv = vocab(lang), noting(lang)
    head = L.key(text[:before])
    kind = EffectType.AMENDMENT
    if re.search(r"толықтырылды|дополнен", head):
        kind = EffectType.INSERTION
    elif re.search(r"алып\s+тасталды|исключен", head):
        kind = EffectType.EXCLUSION
    prov = re.search(nv.PROVISION, head, re.IGNORECASE)
    if prov:
        what = v.PROVISION_KINDS.get(prov["what"].lower(), "paragraph")
        if kind == EffectType.AMENDMENT:
            kind = EffectType.PROVISION_AMENDED
        return kind, where, ProvisionRef(where, what, prov["num"])
    for pattern, part in nv.PARTS.items():
        if re.search(rf"(?:^|\W){pattern}", head, re.IGNORECASE):
            scope = where if part == "whole" else part
            if part != "whole" and kind == EffectType.AMENDMENT:
                kind = EffectType.PROVISION_AMENDED
            return kind, scope, None
    return kind, where, None


def provision_repeal(text: str, lang: str, where: str) -> ProvisionRef | None:
    """The provision a repeal note names before its repeal words ("Пункт 2
    утратил силу решением ...", "3-тармақтың күші жойылды - ..."): that
    provision ceased, not the act. ``None`` for a repeal of the whole act."""
    nv = noting(lang)
    k = L.key(text)
    rep = regex(nv.REPEAL).search(k)
    prov = regex(nv.PROVISION).search(k[: rep.start()]) if rep else None
    if prov is None:
        return None
    return ProvisionRef(
        where, vocab(lang).PROVISION_KINDS.get(prov["what"], "paragraph"), prov["num"]
    )


def amendment_effects(
    text: str, lang: str, where: str, own: ActRef | None, order: str | None = None
) -> tuple[Effect, ...]:
    """The effects an amendment note records: one per amending act it names
    (:func:`amending_acts`), typed and scoped by what the note says changed
    (a numbered provision: ``provision_amended``, ``insertion`` or
    ``exclusion`` with a pinpoint; the preamble or annex: ``provision_amended``;
    otherwise ``amendment`` of the part the note sits in, ``where``). Empty
    when the note names no act by date and number (DOMAIN.md 2.4). Raises nothing.
    """
    acts = amending_acts(text, lang, own, order)
    if not acts:
        return ()
    kind, scope, pinpoint = _scope(text, lang, where, acts[0].start)
    return tuple(Effect(kind, a.act, None, scope, (), a.rule, "note", text, pinpoint) for a in acts)


@cache
def enacting(lang: str) -> tuple[re.Pattern[str], ...]:
    """The enacting formulas of ``lang`` (:mod:`lexversion.lang.kk`), one pattern
    each, to search text folded and lower-cased (spacing as printed)."""
    return tuple(re.compile(p) for p in vocab(lang).ENACTING_FORMULAS)


def matches_start(lang: str, name: str, text: str) -> re.Match[str] | None:
    """Note wording ``name`` of ``lang`` at the very start of ``text`` (its first
    80 characters' recognition key); ``None`` when it does not open it."""
    return _compiled(lang, name).match(L.key(text[:80].lstrip()))


def front_parentheses(line: str, lang: str) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` in ``line`` of the parentheses that name the acts
    that amended the act ("(в редакции решения ... № 32/285)", "(заголовок в
    редакции решений ...)"), each opening the line or a sentence and holding a
    date and a number; up to its closing parenthesis (nested ones kept) or the
    end of the line. Raises nothing."""
    pattern = _compiled(lang, "FRONT_PARENTHESES")
    low = fold_text(line).lower()
    out: list[tuple[int, int]] = []
    for m in _OPENING_PARENTHESIS.finditer(low):
        at = m.end() - 1
        if not pattern.match(low, at):
            continue
        depth, end = 0, len(line)
        for k in range(at, len(line)):
            depth += {"(": 1, ")": -1}.get(line[k], 0)
            if depth == 0:
                end = k + 1
                break
        if amending_acts(line[at:end], lang):
            out.append((at, end))
    return out
