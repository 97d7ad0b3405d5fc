"""Amendments a citation's title states: "<act A> ... өзгерістер енгізу туралы"
<act B> (Kazakh), <act B> "О внесении изменений в <act A>" (Russian) say that act B
amends act A (issue 13: seed 002 repeals decision No 106/15-VII by its title,
"... № 507-290 қаулысына өзгерістер енгізу туралы", the only place the corpus
records that amendment). The wording is ``AMENDING_TITLE`` of ``lang/<code>/citations``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from lexversion.lang import citing, fold_text
from lexversion.model import ActRef, Effect, EffectType
from lexversion.parse.citations.assemble import Found, find
from lexversion.parse.citations.identity import act_key, is_own


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    return re.compile(fold_text(citing(lang).AMENDING_TITLE), re.IGNORECASE)


def title_amendments(
    text: str, lang: str, found: Sequence[Found]
) -> list[tuple[ActRef, ActRef, str]]:
    """(amending act, amended act, the words) for each pair of consecutive
    references of ``found`` (in ``text``, in text order) that an amending title
    joins: in Kazakh the amended act comes first, in Russian the amending act."""
    pattern = _pattern(lang)
    out: list[tuple[ActRef, ActRef, str]] = []
    for first, second in pairwise(found):
        between = fold_text(text[first.end : second.start])
        if first.end > second.start or not pattern.search(between):
            continue
        words = text[first.start : second.end]
        if lang == "kk":
            out.append((second.act, first.act, words))
        else:
            out.append((first.act, second.act, words))
    return out


def title_effects(texts: Sequence[str], lang: str, own: ActRef) -> list[Effect]:
    """The amendments the titles of cited acts in ``texts`` state
    (:func:`title_amendments`), as ``amendment`` effects read from a citation
    (``source`` ``citation``); the act ``own`` itself stands as ``None``. One effect
    per (amending, amended) pair."""
    out: dict[tuple[object, object], Effect] = {}
    for text in texts:
        found = [f for f in find(text, lang) if f.kind == "citation"]
        for by, of, words in title_amendments(text, lang, found):
            affecting = None if is_own(by, own) else by
            affected = None if is_own(of, own) else of
            if affecting is None and affected is None:
                continue
            key = (act_key(by), act_key(of))
            out.setdefault(
                key,
                Effect(
                    EffectType.AMENDMENT, affecting, affected, "whole", (), None, "citation", words
                ),
            )
    return list(out.values())


__all__ = ["title_amendments", "title_effects"]
