"""The citations of other acts in a text: the references with a date
(:func:`lexversion.parse.citations.assemble.find`) and, outside them, the codes and
laws named without one (:func:`lexversion.parse.citations.national.find_named`).
One function for the parser's citations and the AKN ``ref`` marks, so that every
citation is a ``ref`` and every ``ref`` a citation."""

from __future__ import annotations

from functools import lru_cache

from lexversion.model import ActRef
from lexversion.parse.citations.assemble import Found, find
from lexversion.parse.citations.identity import is_own
from lexversion.parse.citations.national import find_named
from lexversion.parse.citations.titles import quote_pairs


def _extent(f: Found) -> tuple[int, int]:
    """The span of a found reference with its quoted title."""
    if f.title_span is None:
        return f.start, f.end
    return min(f.start, f.title_span[0]), max(f.end, f.title_span[1])


def cited(text: str, lang: str, own: ActRef, *, loose_number: bool = False) -> tuple[Found, ...]:
    """Every citation of another act in ``text`` (a paragraph of clean text), in text
    order: :func:`find`'s (registration statements and the act ``own`` itself left
    out; ``loose_number`` as there), then the codes and laws :func:`find_named` finds
    outside them and their titles, as in effect on ``own``'s date (``title`` the name
    as written). Cached by text, language, act and flag: a parse asks for each
    text twice, for the document's citations and for its ``ref`` marks
    (:func:`lexversion.parse.marks.mark`); :func:`forget` forgets them."""
    return _cited(text, lang, own, loose_number)


@lru_cache(maxsize=4096)
def _cited(text: str, lang: str, own: ActRef, loose_number: bool) -> tuple[Found, ...]:
    """:func:`cited`, uncached."""
    found = find(text, lang, loose_number=loose_number)
    taken = [_extent(f) for f in found]
    out = [f for f in found if f.kind == "citation" and not is_own(f.act, own)]
    for start, end, act in find_named(text, lang, own.date, quote_pairs(text)):
        if not any(a < end and start < b for a, b in taken):
            out.append(Found(start, end, act, title=act.title))
    return tuple(sorted(out, key=lambda f: f.start))


def forget() -> None:
    """Forget every text :func:`cited` has seen (:func:`lexversion.parse.forget_texts`)."""
    _cited.cache_clear()


__all__ = ["cited", "forget"]
