"""Parts -> a tree of provisions with eIds (AKN naming convention, section 4.8).

Hierarchy, outermost first: chapter ("1-тарау.", "Глава 1."), section and
subsection ("1.", "5.1." as headings in older programmes), paragraph (a
numbered point "1."), point (a subpoint "1)", "А)"). Unnumbered paragraphs
continue the innermost open provision; after a paragraph ending in ":" they
form an unnumbered list (AKN ``blockList``) until an item ends in ".".

eIds follow the AKN naming convention, every rule in :mod:`lexversion.akn.eids`:
the element's abbreviation (``chp``, ``sec``, ``subsec``, ``para``, ``point``,
``list``, ``item``) and its number with punctuation removed (``5.1.`` -> ``5-1``),
joined by ``__`` under the parent's eId; unnumbered elements take their ordinal
position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lexversion.akn import eids
from lexversion.model import Attachment, Block, BlockKind, Cell, Node, NodeKind
from lexversion.parse import layout as L
from lexversion.parse import tables
from lexversion.parse.structure import INDENT, Part, Parts, is_annex_start
from lexversion.text.lines import Line, OffsetMap, join_lines

LEVELS = {"body": 0, "chapter": 1, "section": 2, "subsection": 3, "paragraph": 4, "point": 5}
#: eId prefix of each level of the hierarchy (:data:`lexversion.akn.eids.PREFIX`)
ABBR = {kind: eids.PREFIX[kind] for kind in eids.HIERARCHY}


#: the block kinds build and freeze compare every block with, read off the enum
#: once: a member read off an enum class runs Python code each time (3.11)
_P, _LIST, _NOTE, _TABLE, _LAYOUT = (
    BlockKind.P,
    BlockKind.LIST,
    BlockKind.NOTE,
    BlockKind.TABLE,
    BlockKind.LAYOUT,
)
#: the node kinds build makes, read off the enum once (as the block kinds)
_BODY, _PARAGRAPH, _POINT = NodeKind.BODY, NodeKind.PARAGRAPH, NodeKind.POINT


@dataclass
class _Block:
    kind: BlockKind
    text: str = ""
    items: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    name: str = ""
    open: bool = True  # a list still taking items
    maps: list[OffsetMap] = field(default_factory=list)
    table: tables.Table | None = None
    extract: list[tuple[str, str, str, OffsetMap]] = field(default_factory=list)


@dataclass
class _Node:
    kind: NodeKind
    num: str | None = None
    heading: str | None = None
    blocks: list[_Block] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    maps: list[OffsetMap] = field(default_factory=list)  # heading's map


class SourceMap(NamedTuple):
    """Where the text of a frozen block came from: eId, text, offset map."""

    eid: str
    text: str
    offsets: OffsetMap


@dataclass(frozen=True)
class Provisions:
    """The decision's provisions and its annexes, frozen with eIds, and where
    every block's text came from (``sources``, in document order)."""

    body: Node
    attachments: tuple[Attachment, ...]
    sources: tuple[SourceMap, ...]


def provisions(parts: Parts, lang: str) -> Provisions:
    """Assemble the body parts and each annex's content into provisions with
    eIds (annex ``k`` under ``att_k``; DOMAIN.md 2.6-2.9). Never raises."""
    sources: list[SourceMap] = []
    root = freeze(build(parts.body, lang), "", sources)
    body = Node(_BODY, "body", None, None, root.blocks, root.children)
    attachments: list[Attachment] = []
    for a, annex in enumerate(parts.annexes, start=1):
        eid = eids.part("attachment", a)
        root = freeze(build(annex.content, lang), eid, sources)
        attachments.append(
            Attachment(
                eid,
                tuple(ln.text for ln in annex.approval),
                join_lines(annex.title).text,
                Node(_BODY, eid, None, None, root.blocks, root.children),
            )
        )
    return Provisions(body, tuple(attachments), tuple(sources))


def _add_text(top: _Node, text: str, omap: OffsetMap) -> None:
    last = top.blocks[-1] if top.blocks else None
    intro_colon = (last is None and (top.heading or "").endswith(":")) or (
        last is not None and last.kind == _P and last.text.rstrip().endswith(":")
    )
    if last is not None and last.kind == _LIST and last.open:
        last.items.append(text)
        last.maps.append(omap)
        last.open = text.rstrip().endswith((";", ":", ","))
        return
    if intro_colon and last is not None:
        top.blocks[-1] = _Block(_LIST, last.text, [text], maps=[last.maps[0], omap])
        top.blocks[-1].open = text.rstrip().endswith((";", ":", ","))
        return
    top.blocks.append(_Block(_P, text, maps=[omap]))


def build(parts: list[Part], lang: str) -> _Node:
    """Assemble parts into a mutable tree rooted at a ``body`` node."""
    root = _Node(_BODY)
    stack: list[_Node] = [root]

    def open_node(node: _Node) -> None:
        while len(stack) > 1 and LEVELS[stack[-1].kind] >= LEVELS[node.kind]:
            stack.pop()
        stack[-1].children.append(node)
        stack.append(node)

    for part in parts:
        text = part.para.text
        if part.kind == "heading":
            if part.level == "chapter":
                num, heading = L.chapter_split(text, lang)
            else:
                m = L.NUMBERED.match(text)
                assert m is not None
                num, heading = m.group("num"), text[m.end() :].strip()
            open_node(_Node(NodeKind(part.level), num, heading, maps=[part.para.offsets]))
        elif part.kind == "note":
            extract = [p.text for p in part.extract]
            stack[-1].blocks.append(
                _Block(
                    _NOTE,
                    text,
                    lines=extract,
                    maps=[part.para.offsets],
                    extract=extract_parts([ln for p in part.extract for ln in p.lines], lang),
                )
            )
        elif part.kind == "layout":
            table = tables.table(part.lines, part.name)
            stack[-1].blocks.append(
                _Block(
                    _TABLE if table else _LAYOUT,
                    lines=list(table.rules) if table else [ln.text for ln in part.lines],
                    name=part.name,
                    maps=[part.para.offsets],
                    table=table,
                )
            )
        elif (m := L.NUMBERED.match(text)) and m.group("num").count(".") == 1:
            node = _Node(_PARAGRAPH, m.group("num"))
            open_node(node)
            rest = text[m.end() :]
            if rest.strip():
                node.blocks.append(
                    _Block(_P, rest.strip(), maps=[part.para.offsets.suffix(text, rest)])
                )
        elif m := L.SUBPOINT.match(text):
            node = _Node(_POINT, m.group("num"))
            open_node(node)
            rest = text[m.end() :]
            if rest.strip():
                node.blocks.append(
                    _Block(_P, rest.strip(), maps=[part.para.offsets.suffix(text, rest)])
                )
        else:
            _add_text(stack[-1], text, part.para.offsets)
    return root


def freeze(node: _Node, eid: str, sources: list[SourceMap]) -> Node:
    """Freeze a mutable tree, assigning eIds under ``eid`` and recording every
    block's text and offset map in ``sources`` (for citations)."""
    seen: dict[str, int] = {}
    children: list[Node] = []
    counters: dict[str, int] = {}
    for child in node.children:
        counters[child.kind] = counters.get(child.kind, 0) + 1
        key = eids.clean_num(child.num) if child.num else str(counters[child.kind])
        child_eid = eids.join(eid, eids.unique(eids.part(child.kind, key), seen))
        children.append(freeze(child, child_eid, sources))
    blocks: list[Block] = []
    lists = 0
    tabs = 0
    notes = 0
    for b in node.blocks:
        if b.kind == _TABLE and b.table is not None:
            tabs += 1
            table_eid = eids.child(eid, "table", tabs)
            rows = []
            for row in b.table.rows:
                for c in row:
                    sources.append(SourceMap(table_eid, c.text, c.offsets))
                rows.append(tuple(Cell(c.text, c.colspan, c.header) for c in row))
            blocks.append(
                Block(
                    _TABLE,
                    lines=tuple(b.lines),
                    name=b.name,
                    eid=table_eid,
                    rows=tuple(rows),
                )
            )
            continue
        if b.kind == _NOTE:
            notes += 1
            note_eid = eids.child(eid, "note", notes)
            sources.append(SourceMap(eid, b.text, b.maps[0]))
            blocks.append(
                Block(
                    _NOTE,
                    b.text,
                    lines=tuple(b.lines),
                    eid=eid,
                    extract=freeze_extract(b.extract, note_eid, sources),
                )
            )
            continue
        if b.kind == _LIST:
            lists += 1
            list_eid = eids.child(eid, "blockList", lists)
            if b.text:
                sources.append(
                    SourceMap(eids.child(list_eid, "listIntroduction"), b.text, b.maps[0])
                )
            item_maps = b.maps[1:] if b.text else b.maps
            for j, (item, omap) in enumerate(zip(b.items, item_maps, strict=True), start=1):
                sources.append(SourceMap(eids.child(list_eid, "item", j), item, omap))
            blocks.append(Block(_LIST, b.text, tuple(b.items), eid=list_eid))
        else:
            if b.kind in (_P, _NOTE):
                sources.append(SourceMap(eid, b.text, b.maps[0]))
            blocks.append(Block(b.kind, b.text, lines=tuple(b.lines), name=b.name, eid=eid))
    return Node(node.kind, eid, node.num, node.heading, tuple(blocks), tuple(children))


#: a line of dots standing for omitted text ("...", ". . .")
_OMISSION = re.compile(r"^(?:\.\s*){3,}$|^…$")


def extract_parts(lines: Sequence[Line], lang: str) -> list[tuple[str, str, str, OffsetMap]]:
    """A printed extract of another act (DOMAIN.md 2.4: an editorial note's
    "Үзінді:", "Выписка:") -> its parts in order: ``(role, num, text, offsets)``.

    Roles: ``p`` (a paragraph: an indented line opens it, lines at the margin
    continue it), ``paragraph`` (a numbered point "1.", ``num`` set),
    ``signature`` (short lines closing with a role or a name, grouped as
    :func:`lexversion.parse.layout.signature_groups` does), ``approval`` (an
    annex approval block, to its closing line), ``title`` (the annex title under
    it), ``omission`` ("...", ". . ."), ``rule`` (a ruling line).
    """
    groups: list[tuple[str, list[Line]]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if L.is_rule(ln) or _OMISSION.match(ln.text):
            groups.append(("rule" if L.is_rule(ln) else "omission", [ln]))
            i += 1
            continue
        if ln.indent < INDENT and is_annex_start(lines, i, lang):
            j = i
            while j < len(lines) and not L.is_annex_closer(lines[j].text, lang):
                j += 1
            j = min(j, len(lines) - 1)
            groups.append(("approval", list(lines[i : j + 1])))
            k = j + 1
            while k < len(lines) and lines[k].indent < INDENT and not L.is_rule(lines[k]):
                k += 1
            if k > j + 1:
                groups.append(("title", list(lines[j + 1 : k])))
            i = k
            continue
        if ln.indent >= INDENT or not groups or groups[-1][0] in {"rule", "omission", "title"}:
            role = "paragraph" if L.NUMBERED.match(ln.text) else "p"
            groups.append((role, [ln]))
        else:
            groups[-1][1].append(ln)
        i += 1
    out: list[tuple[str, str, str, OffsetMap]] = []
    run: list[tuple[str, list[Line]]] = []  # short paragraphs that may be signatures

    def flush() -> None:
        texts = [join_lines(g[1]).text for g in run]
        for kind, idx in L.signature_groups(texts, lang):
            para = join_lines([ln for k in idx for ln in run[k][1]])
            role = (
                "signature" if kind == "signature" and L.is_signature_like(para.text, lang) else "p"
            )
            out.append((role, "", para.text, para.offsets))
        run.clear()

    seen_point = False
    for role, group in groups:
        para = join_lines(group)
        if role == "p" and seen_point and len(L.despace(para.text)) <= 160:
            run.append((role, group))
            continue
        flush()
        if role == "paragraph":
            seen_point = True
            m = L.NUMBERED.match(para.text)
            assert m is not None
            rest = para.text[m.end() :]
            out.append((role, m.group("num"), rest.strip(), para.offsets.suffix(para.text, rest)))
        else:
            out.append((role, "", para.text, para.offsets))
    flush()
    return out


def freeze_extract(
    parts: Sequence[tuple[str, str, str, OffsetMap]], eid: str, sources: list[SourceMap]
) -> tuple[Block, ...]:
    """Frozen blocks of an extract; numbered points get eIds under ``eid``'s
    embedded structure (``<eid>__embeddedStructure_1__para_<n>``)."""
    out: list[Block] = []
    base = eids.child(eid, "embeddedStructure", 1)
    seen: dict[str, int] = {}
    for role, num, text, omap in parts:
        block_eid = base
        if role == "paragraph":
            block_eid = eids.join(
                base, eids.unique(eids.part("paragraph", eids.clean_num(num)), seen)
            )
        sources.append(SourceMap(block_eid, text, omap))
        out.append(Block(_P, text, name=role, eid=block_eid, num=num))
    return tuple(out)
