"""Which parts of two texts to compare: the Rules with the Rules.

A decision that approves Rules carries them as its annex (``att_1``); the
same Rules may reach the store as a text of their own, a new edition of an
annex being stored as the act's text (No 152's Rules, DOMAIN.md 3). Compared
whole, such a pair sets a decision's enacting words against the Rules' first
chapter. When exactly one side has annexes, and one of them is titled more
like the other side's text than its own decision is ("Правила регулирования
миграционных процессов в городе Алматы" is nearer "Правила ... в Туркестанской
области", the annex, than "Об утверждении Правил ...", the decision), the
comparison is narrowed to that annex, titled by its own title; its eIds stay
those of the document (links to it keep working) and meet the other side's
through the alignment's second key, the eId without its ``att_N__`` prefix
(:func:`lexversion.diff.align.align`). Otherwise both sides stay whole (two
decisions align annex with annex by their eIds already).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from lexversion.akn.provisions import Expression, Provision

#: the least likeness of titles (rapidfuzz's ``ratio`` of the casefolded
#: titles, 0-100) for an annex to be taken as the other text's counterpart
LIKE_TITLE = 60.0

_ANNEX = re.compile(r"^(att_\d+)__")


def _annexes(expr: Expression) -> dict[str, list[Provision]]:
    """The provisions of each annex of ``expr``, by annex eId (``att_1``), in order."""
    out: dict[str, list[Provision]] = {}
    for p in expr.provisions:
        if m := _ANNEX.match(p.eid):
            out.setdefault(m.group(1), []).append(p)
    return out


def _annex_as_text(att: str, provisions: list[Provision]) -> Expression:
    """Annex ``att`` as a text of its own (its provisions, eIds unchanged),
    titled by the last line of its preface (the approval lines come first)."""
    preface = next((p.text for p in provisions if p.eid == f"{att}__preface"), "")
    title = preface.strip().splitlines()[-1] if preface.strip() else ""
    return Expression(title, tuple(provisions))


def _likeness(a: str, b: str) -> float:
    return float(fuzz.ratio(a.casefold(), b.casefold()))


def _narrow(
    whole: Expression, annexes: dict[str, list[Provision]], other: Expression
) -> Expression:
    """``whole`` narrowed to the one of its ``annexes`` titled most like ``other``
    when that annex is more like it than ``whole`` itself, or ``whole`` as it is."""
    if not other.title:
        return whole
    best, floor = None, max(LIKE_TITLE, _likeness(other.title, whole.title))
    for att, provisions in annexes.items():
        annex = _annex_as_text(att, provisions)
        score = _likeness(other.title, annex.title)
        if score > floor:
            best, floor = annex, score
    return best or whole


def comparable(old: Expression, new: Expression) -> tuple[Expression, Expression]:
    """``old`` and ``new`` narrowed so that Rules meet Rules (see the module doc);
    raises nothing."""
    old_annexes, new_annexes = _annexes(old), _annexes(new)
    if old_annexes and not new_annexes:
        return _narrow(old, old_annexes, new), new
    if new_annexes and not old_annexes:
        return old, _narrow(new, new_annexes, old)
    return old, new
