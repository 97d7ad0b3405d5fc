"""Apply and reverse recorded modifications on a parsed document.

Only what the text records exactly can be undone: a substitution "throughout
the text" of word X by word Y (DOMAIN.md 5) is reversed by replacing each
whole-word Y in its scope by X; an inserted provision is removed. A provision
set out in a new wording or excluded cannot be undone: its earlier text is
not in the record. Occurrences of X that the published text
kept (DOMAIN.md 5: some "оралмандарды" in seed 000 point 7 were not replaced)
stay as they are. Editorial notes recording the reversed effects, and the
database's status and repeal notes, are dropped from a reconstructed text:
they describe a later state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from lexversion.akn import eids
from lexversion.lang import vocab
from lexversion.model import Attachment, Block, BlockKind, Effect, EffectType, Node
from lexversion.parse.marks import mark

if TYPE_CHECKING:
    from lexversion.model import Document

Fn = Callable[[str], str]


def map_node(node: Node, fn: Fn, drop_note: Callable[[Block], bool]) -> Node:
    """A copy of ``node`` with ``fn`` applied to every text and the notes
    for which ``drop_note`` is true removed."""
    blocks = tuple(
        replace(
            b,
            text=fn(b.text),
            items=tuple(fn(i) for i in b.items),
            lines=tuple(fn(ln) for ln in b.lines),
        )
        for b in node.blocks
        if not (b.kind == BlockKind.NOTE and drop_note(b))
    )
    return replace(
        node,
        heading=fn(node.heading) if node.heading else node.heading,
        blocks=blocks,
        children=tuple(map_node(c, fn, drop_note) for c in node.children),
    )


def is_reversible(effect: Effect) -> bool:
    """True for effects whose earlier wording the record gives exactly: a
    substitution with its word pairs, an insertion of a located provision
    (an eId ``scope``, no pinpoint left to locate)."""
    if effect.type == EffectType.SUBSTITUTION:
        return bool(effect.pairs)
    return (
        effect.type == EffectType.INSERTION
        and effect.scope not in {"whole", "annex"}
        and effect.pinpoint is None
    )


def drop_provisions(node: Node, eids: set[str]) -> Node:
    """``node`` without the provisions whose eId is in ``eids``."""
    return replace(
        node, children=tuple(drop_provisions(c, eids) for c in node.children if c.eid not in eids)
    )


def _reverser(pairs: Sequence[tuple[str, str]]) -> Fn:
    table = {new: old for old, new in pairs}
    if not table:
        return lambda s: s
    alts = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    pat = re.compile(rf"(?<!\w)(?:{alts})(?!\w)")
    return lambda s: pat.sub(lambda m: table[m.group(0)], s)


def reverse(doc: Document, effects: Sequence[Effect]) -> Document:
    """The document as it read before ``effects`` (all reversible).

    Raises ``ValueError`` if an effect is not reversible. The result's
    preface keeps the title and the requisites up to the repeal clause; its
    notes and status label are dropped, and of its effects the reversed ones
    and the repeal.
    """
    from lexversion.model import Preface

    for e in effects:
        if not is_reversible(e):
            raise ValueError(f"cannot reverse a {e.type} effect")
    texts = {e.text for e in effects}

    def drop(b: Block) -> bool:
        return b.text in texts

    inserted = {e.scope for e in effects if e.type == EffectType.INSERTION}
    body = drop_provisions(doc.body, inserted)
    attachments: list[Attachment] = []
    whole = [e for e in effects if e.scope == "whole"]
    fn_whole = _reverser([p for e in whole for p in e.pairs])
    body = map_node(body, fn_whole, drop)
    for att in doc.attachments:
        scoped = [p for e in effects if e.scope in {"whole", att.eid} for p in e.pairs]
        body_att = drop_provisions(att.body, inserted)
        attachments.append(replace(att, body=map_node(body_att, _reverser(scoped), drop)))
    req = doc.preface.requisites
    m = re.search(vocab(doc.meta.lang).REPEAL_PREFIX, req, re.IGNORECASE)
    if m:
        req = req[: m.start()].rstrip()
    preface = Preface(doc.preface.title, None, req, doc.preface.requisites_act_span, ())
    # kept: what the act does to others and the changes this wording still holds
    # (its AKN's active and passive modifications); the reversed ones and the
    # repeal (later than every change) go
    kept = tuple(
        e
        for e in doc.meta.effects
        if e.affected is not None or (e not in effects and e.type != EffectType.REPEAL)
    )
    meta = replace(doc.meta, status=None, status_label=None, notes=(), effects=kept)
    # the texts changed: mark them again for the AKN projection
    return mark(replace(doc, preface=preface, body=body, attachments=tuple(attachments), meta=meta))


def _applier(pairs: Sequence[tuple[str, str]]) -> Fn:
    """Replace each whole-word old form of ``pairs`` by its new form."""
    return _reverser([(new, old) for old, new in pairs])


def apply_words(
    doc: Document, changes: Sequence[tuple[str, Sequence[tuple[str, str]]]]
) -> Document:
    """The document with the substitutions ``changes`` made: each (scope,
    (old, new) pairs) replaces every whole-word old form by the new one in its
    scope (``whole``: the act and its annexes; ``annex``: every annex; an
    annex's eId: that annex), the mirror of :func:`reverse`. Its notes and
    status stay (they describe the text as published); a change of words the
    text no longer has changes nothing. Raises nothing."""
    whole = [p for scope, pairs in changes if scope == "whole" for p in pairs]
    body = map_node(doc.body, _applier(whole), lambda b: False)
    attachments = tuple(
        replace(
            att,
            body=map_node(
                att.body,
                _applier(
                    [
                        p
                        for scope, pairs in changes
                        if scope in {"whole", "annex", att.eid}
                        for p in pairs
                    ]
                ),
                lambda b: False,
            ),
        )
        for att in doc.attachments
    )
    return mark(replace(doc, body=body, attachments=attachments))


def reprefix(node: Node, old: str, new: str) -> Node:
    """``node`` with every eId prefix ``old`` replaced by ``new`` (``""`` drops it)."""

    def fix(eid: str) -> str:
        return eids.rebase(eid, old, new)

    return replace(
        node,
        eid=fix(node.eid),
        blocks=tuple(replace(b, eid=fix(b.eid)) for b in node.blocks),
        children=tuple(reprefix(c, old, new) for c in node.children),
    )
