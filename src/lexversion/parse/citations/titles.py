"""What stands next to an act reference: its quoted title, the pinpoint of the cited
provision and its number in the state register (DOMAIN.md 3 and 5).

"Астана қаласы мәслихатының ... шешімі" is often preceded or followed by its
quoted title, "Заңының 6-бабының 2-тармағына" / "статьей 26 Закона" carry a
pinpoint, "(зарегистрирован в Реестре ... № 33163)" a register number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lexversion.parse.citations.scan import Piece, Scan

#: the quotation marks of :func:`quote_pairs`
_QUOTES = re.compile('["«»]')


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the double quotes that pair up in ``text``.

    A quote after a space (or at the start, or after "(") that a non-space
    follows opens; one after a non-space opens only when no quote is open, else
    closes. Quotes nest ("... "Халықтың көші-қоны туралы" Заңына ... туралы").
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _QUOTES.finditer(text):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = ch == "«" or (
            ch == '"' and (before.isspace() or before in '(«"') and not after.isspace()
        )
        if ch == "»" or (not opens and stack) or (ch == '"' and not opens):
            if stack:
                pairs.append((stack.pop(), i))
            continue
        stack.append(i)
    return sorted(pairs)


def _title(
    text: str, pairs: Sequence[tuple[int, int]], before: int | None, after: int | None
) -> tuple[str, tuple[int, int]] | None:
    """The quoted title closing right before offset ``before`` or opening right
    after offset ``after`` (only spaces between), outermost pair."""
    for o, c in pairs:
        if (before is not None and c < before and not text[c + 1 : before].strip()) or (
            after is not None and o >= after and not text[after:o].strip()
        ):
            inner = text[o + 1 : c].strip()
            if inner:
                return inner, (o, c + 1)
    return None


def _chain(pins: Sequence[Piece], text: str) -> list[list[Piece]]:
    """Runs of pinpoint pieces separated by spaces only."""
    runs: list[list[Piece]] = []
    for p in pins:
        if runs and not text[runs[-1][-1].end : p.start].strip():
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _pinpoint(
    text: str, pins: Sequence[Piece], act_word: Piece | None, lang: str
) -> tuple[str, tuple[int, int]] | None:
    """Pinpoint next to the act-type word: after it in Kazakh ("Заңының 6-бабының
    2-тармағына"), before it in Russian ("статьей 26 Закона")."""
    if act_word is None:
        return None
    for run in _chain(pins, text):
        s, e = run[0].start, run[-1].end
        if (lang == "kk" and s >= act_word.end and not text[act_word.end : s].strip(" ,")) or (
            lang != "kk" and e <= act_word.start and not text[e : act_word.start].strip()
        ):
            return text[s:e], (s, e)
    return None


class Decoration(NamedTuple):
    """What stands next to a reference (:func:`decorate`), in the order of the fields
    of :class:`~lexversion.parse.citations.assemble.Found` it fills."""

    title: str | None = None
    title_span: tuple[int, int] | None = None
    pinpoint: str | None = None
    pinpoint_span: tuple[int, int] | None = None
    registration: str | None = None


#: a registration statement's: nothing
PLAIN = Decoration()


def _kazakh_title(
    text: str, pairs: Sequence[tuple[int, int]], start: int, end: int, word: Piece | None
) -> tuple[str, tuple[int, int]] | None:
    """The title of a Kazakh reference at ``start:end``: quoted inside it, else right
    before it or right after it (after its act-type word when that follows)."""
    after = word.end if word and word.start >= end and not text[end : word.start].strip() else end
    inner = [(o, c) for o, c in pairs if start <= o and c < end]
    if inner:
        return text[inner[0][0] + 1 : inner[0][1]].strip(), (inner[0][0], inner[0][1] + 1)
    return _title(text, pairs, start, after)


def decorate(
    text: str,
    sc: Scan,
    pairs: Sequence[tuple[int, int]],
    lang: str,
    start: int,
    end: int,
    word: Piece | None = None,
) -> Decoration:
    """The quoted title, pinpoint and register number next to the citation at
    ``start:end`` of ``text`` (``pairs``: its :func:`quote_pairs`; ``word``: its
    act-type word, else the first inside it or after it)."""
    if word is None:
        word = next((a for a in sc.acts if start <= a.start and a.end <= end), None) or next(
            (a for a in sc.acts if a.start >= end), None
        )
    if lang == "kk":
        title = _kazakh_title(text, pairs, start, end, word)
    else:
        title = _title(text, pairs, None, end)
    pin = _pinpoint(text, sc.pins, word, lang)
    reg = None
    tail = title[1][1] if title else end
    for r in sc.registers:
        if tail <= r.start < tail + 90 and "(" in text[tail : r.start + 1]:
            reg = r.value
            break
    return Decoration(
        title[0] if title else None,
        title[1] if title else None,
        pin[0] if pin else None,
        pin[1] if pin else None,
        reg,
    )
