"""Consistency of recorded effects with the text (issue 13, item 9).

A step of :func:`lexversion.parse.parse`. An editorial note recording that
words were replaced "throughout the text" (DOMAIN.md 5: "Бүкіл мәтін бойынша
... ауыстырылды", "по всему тексту ... заменены") states that the published
text no longer has the old words in that scope. Where it still has them, the
record and the text disagree (seed 000: "оралмандарды" stays in point 7 after
the substitution оралман -> қандас); each old form left is a
:class:`~lexversion.model.Mismatch`, reported as a warning and never
corrected (DOMAIN.md 4.6: slips of the source are kept as published).

Only substitutions the text records of itself are checked (its own notes: the
words were replaced in *this* text); the notes themselves, which quote the
old words, are not searched. Words are matched whole and as printed (the
notes list each case form: "оралмандарды", "Оралмандар").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lexversion.model import BlockKind, Document, EffectType, Mismatch, Node


def _texts(node: Node) -> Iterator[tuple[str, str]]:
    """(eId, text) of ``node`` and its descendants: headings and every block
    but editorial notes, each under the eId of the provision holding it."""
    if node.heading:
        yield node.eid, node.heading
    for b in node.blocks:
        if b.kind == BlockKind.NOTE:
            continue
        for t in (b.text, *b.items, *b.lines, *(c.text for row in b.rows for c in row)):
            if t:
                yield node.eid, t
    for c in node.children:
        yield from _texts(c)


def _in_scope(eid: str, scope: str) -> bool:
    """Whether provision ``eid`` lies in an effect's ``scope`` (``whole``: the
    act with its annexes; ``annex``: every annex; else an eId and its parts)."""
    if scope == "whole":
        return True
    if scope == "annex":
        return eid.startswith("att_")
    return eid == scope or eid.startswith(scope + "__")


def _provisions(doc: Document) -> list[tuple[str, str]]:
    """(eId, text) of every provision of ``doc``, the body's then each annex's."""
    out = list(_texts(doc.body))
    for att in doc.attachments:
        if att.title:
            out.append((att.eid, att.title))
        out += _texts(att.body)
    return out


def mismatches(doc: Document) -> tuple[Mismatch, ...]:
    """The old forms of the substitutions ``doc``'s own notes record as made
    that its text still has, one :class:`Mismatch` per (effect, old form), in
    the order of the effects and their pairs. Never raises."""
    texts: list[tuple[str, str]] | None = None
    out: list[Mismatch] = []
    for k, e in enumerate(doc.meta.effects):
        if e.type != EffectType.SUBSTITUTION or e.affected is not None or not e.pairs:
            continue
        texts = texts if texts is not None else _provisions(doc)
        for old, new in e.pairs:
            if not old.strip() or old == new:
                continue
            word = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
            where: dict[str, int] = {}
            for eid, t in texts:
                if _in_scope(eid, e.scope):
                    n = len(word.findall(t.replace(new, " ") if old in new else t))
                    if n:
                        where[eid] = where.get(eid, 0) + n
            if where:
                out.append(Mismatch(k, e.scope, old, new, tuple(where), sum(where.values())))
    return tuple(out)


__all__ = ["mismatches"]
