"""The enacting formula of a decision found by what it says, as pages print it (issue 12).

The formula closes the preamble (DOMAIN.md 2.5): "... аудандық мәслихаты ШЕШІМ
ҚАБЫЛДАДЫ:", "... маслихат РЕШИЛ:", a joint act's "... шешім етті және облыс
әкімдігі қаулы етеді:". Web pages and mirrors print it in more ways than the
export: in lower case inside the preamble's sentence ("... районный маслихат
решил:"), with its letters spaced ("Ш Е Ш І М  Қ А Б Ы Л Д А Д Ы:", "Р Е Ш И Л:"),
and without its colon at the end of its paragraph ("... мәслихаты ШЕШІМ
ҚАБЫЛДАДЫ"). The words are ``ENACTING_KINDS`` of ``lang/kk`` and ``lang/ru``.

A formula ends in a colon or in the conjunction that joins a joint act's second
issuer. Without either it counts only at the very end of its paragraph, printed
in capitals or right after the body that enacts ("... мәслихаты ШЕШТІ", "...
маслихат решил"), and the callers also ask that the numbered points follow it:
ordinary prose ("комиссия решила, что ...", "... деп шешті.") never counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lexversion.lang import fold_text, vocab
from lexversion.parse import layout as L

#: one-letter words one space apart, three or more: letter spacing ("Ш Е Ш І М",
#: "Р Е Ш И Л:"); the last letter may carry punctuation
_SPACED = re.compile(r"(?<!\S)\w(?: \w){2,}(?!\w)")
#: a cheap necessary condition for :data:`_SPACED`
_MAYBE_SPACED = re.compile(r" \w \w")


@dataclass(frozen=True)
class Formula:
    """An enacting formula found in a text: its span ``[start, end)`` in the text
    as printed, its words (folded, lower case, letter spacing closed up), the act
    type they enact, and whether a colon or a joint act's conjunction ends it
    (``closed``) or only the end of its paragraph."""

    start: int
    end: int
    words: str
    act_type: str
    closed: bool = True


def low(text: str) -> str:
    """``text`` folded (Latin ``i`` as Cyrillic) and lower-cased: same length."""
    return fold_text(text).lower()


def _closed_up(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded and lower-cased with its letter spacing closed up, and the
    offset in ``text`` of each character of the result (``None`` when nothing was
    closed up: the offsets are the same)."""
    k = low(text)
    if not _MAYBE_SPACED.search(k):
        return k, None
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _SPACED.finditer(k):
        out.append(k[pos : m.start()])
        where.extend(range(pos, m.start()))
        for i in range(m.start(), m.end(), 2):
            out.append(k[i])
            where.append(i)
        pos = m.end()
    out.append(k[pos:])
    where.extend(range(pos, len(k)))
    return "".join(out), where


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    v = vocab(lang)
    kinds = "|".join(f"(?:{p})" for p, _kind in v.ENACTING_KINDS)
    return re.compile(
        rf"(?<![\w])(?P<words>{kinds})(?:(?P<closed>{v.ENACTING_END})|(?=\s*\.?\s*$))"
    )


@cache
def _kinds(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), kind) for p, kind in vocab(lang).ENACTING_KINDS)


@cache
def _body_before(lang: str) -> re.Pattern[str]:
    bodies = "|".join(f"(?:{p})" for p, _kind in vocab(lang).ISSUER_BODIES)
    return re.compile(rf"(?<![\w])(?:{bodies})\s+$")


def formulas_in(text: str, lang: str) -> list[Formula]:
    """Every enacting formula of ``text`` in order (see the module docstring for
    what counts). Spans are offsets of ``text`` as printed. Raises nothing."""
    k, where = _closed_up(text)
    out: list[Formula] = []
    for m in _pattern(lang).finditer(k):
        words = m.group("words")
        start = where[m.start()] if where else m.start()
        end = where[m.end("words") - 1] + 1 if where else m.end("words")
        closed = m.group("closed") is not None
        if not closed and not (
            not any(c.islower() for c in text[start:end])
            or _body_before(lang).search(k, 0, m.start())
        ):
            continue
        kind = next((t for p, t in _kinds(lang) if p.fullmatch(" ".join(words.split()))), None)
        out.append(Formula(start, end, words, kind or "decision", closed))
    return out


def formula_at(text: str, lang: str) -> Formula | None:
    """The first enacting formula of ``text`` (:func:`formulas_in`), or ``None``."""
    found = formulas_in(text, lang)
    return found[0] if found else None


def states_formula(text: str, lang: str) -> bool:
    """Whether paragraph ``text`` holds an enacting formula: the export's words
    (``ENACTING_FORMULAS`` on the recognition key) or any :func:`formulas_in` finds."""
    return bool(L.matches(lang, "ENACTING_FORMULAS", text)) or bool(formulas_in(text, lang))


def formula_index(texts: Sequence[str], lang: str) -> int | None:
    """The index of the first of the decision's paragraphs ``texts`` that holds its
    enacting formula: one the export's words find, or one :func:`formulas_in` finds
    that is closed or ends the paragraph right before a numbered point; ``None``."""
    for k, text in enumerate(texts):
        if L.matches(lang, "ENACTING_FORMULAS", text):
            return k
        found = formulas_in(text, lang)
        if found and (
            found[0].closed
            or (
                k + 1 < len(texts)
                and (L.NUMBERED.match(texts[k + 1]) or L.SUBPOINT.match(texts[k + 1]))
            )
        ):
            return k
    return None
