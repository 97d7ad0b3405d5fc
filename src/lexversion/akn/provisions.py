"""AKN expression -> the flat list of provisions a diff aligns.

A *provision* is one addressable unit of text: each hierarchy element
(``chapter``, ``section``, ``subsection``, ``paragraph``, ``point``,
``hcontainer``) and each list ``item``, with the text it holds itself (its
``heading`` and the blocks of its ``intro``/``content``/``wrapUp``; the
``listIntroduction`` of a list belongs to the provision holding the list, the
items are provisions of their own, and nested hierarchy elements are their own
provisions). The parts outside the hierarchy are one provision each, under a
key that is not an AKN eId: ``preface`` (the title; as ``show`` prints it),
``preamble``, ``conclusions``, ``att_N__preface`` (an annex's approval block and
title) and ``[att_N__]block_K`` (the K-th run of blocks directly in a body,
such as the fixed-width tables of seed 003).

Left out, as in ``show`` (:func:`lexversion.render.text.akn_to_text` with
``full=False``): ``meta``, the database's status label and requisites,
editorial notes (``p class="editorialNote"`` and their ``container``) and
printed extracts of other acts (``blockContainer class="extract"``). They are
facts about the act, not its wording, and change with every export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import cast

from lxml import etree

from lexversion.akn.namespaces import NS
from lexversion.errors import InputError

HIER = frozenset({"chapter", "section", "subsection", "paragraph", "point", "hcontainer"})
_OWN = frozenset({"intro", "content", "wrapUp"})
_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s]+)|\s+")
_SKIP_PREFACE = frozenset({"status", "requisites"})
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class Provision:
    """One unit of text: ``eid`` (AKN eId or a part key, see the module doc),
    ``label`` (the ``num`` as printed, ``""`` when none), ``kind`` (the AKN
    element name, or ``preface``/``preamble``/``conclusions``/``block``) and
    ``text`` (its blocks, whitespace collapsed, one block a line; fixed-width
    lines keep their inner spacing)."""

    eid: str
    label: str
    kind: str
    text: str

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """``text`` cut into tokens that concatenate back to it: each a word
        (``\\w+``) or a run of punctuation with the whitespace before it."""
        return tuple(_TOKEN.findall(self.text))

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The tokens without their whitespace: what the diff compares."""
        return tuple(t.lstrip() for t in self.tokens)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The distinct words."""
        return frozenset(self.words)


@dataclass(frozen=True)
class Expression:
    """What the diff reads from an AKN document: its title and provisions in
    document order."""

    title: str
    provisions: tuple[Provision, ...]


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _raw(el: etree._Element) -> str:
    # lxml yields ``str`` for text parsed from XML (the stubs say str | bytes)
    return "".join(cast("Iterable[str]", el.itertext()))


def _text(el: etree._Element) -> str:
    return " ".join(_raw(el).split())


def read(xml: bytes) -> Expression:
    """The title and provisions of an AKN 3.0 document (UTF-8 XML bytes).

    Raises :class:`InputError` when ``xml`` is not well-formed XML or not an
    ``akomaNtoso`` document with a document element.
    """
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError("AKN", f"not well-formed XML: {exc}") from None
    if _local(root) != "akomaNtoso" or len(root) == 0:
        raise InputError("AKN", f"not an Akoma Ntoso document (root <{_local(root)}>)")
    out: list[Provision] = []
    title = ""
    for part in root[0]:
        name = _local(part)
        if name == "preface":
            _part(out, "preface", "preface", _preface(part))
            t = part.find(f".//{{{NS}}}docTitle")
            title = _text(t) if t is not None else title
        elif name in {"preamble", "conclusions"}:
            _part(out, name, name, [_text(p) for p in part.iter(f"{{{NS}}}p") if not _is_note(p)])
        elif name in {"body", "mainBody"}:
            _body(part, "", out)
        elif name == "attachments":
            for att in part:
                prefix = f"{att.get('eId') or 'att'}__"
                for sub in att[0] if len(att) else ():
                    if _local(sub) == "preface":
                        _part(out, prefix + "preface", "preface", _preface(sub))
                    elif _local(sub) in {"mainBody", "body"}:
                        _body(sub, prefix, out)
    return Expression(title, tuple(out))


def _is_note(el: etree._Element) -> bool:
    return el.get("class") == "editorialNote"


def _part(out: list[Provision], key: str, kind: str, lines: list[str]) -> None:
    lines = [ln for ln in lines if ln]
    if lines:
        out.append(Provision(key, "", kind, "\n".join(lines)))


def _preface(el: etree._Element) -> list[str]:
    return [
        _text(child)
        for child in el
        if _local(child) == "p" and (child.get("class") or "") not in _SKIP_PREFACE
    ]


def _body(el: etree._Element, prefix: str, out: list[Provision]) -> None:
    run: list[str] = []
    count = 0
    for child in el:
        if _local(child) in HIER:
            if run:
                count += 1
                _part(out, f"{prefix}block_{count}", "block", run)
                run = []
            _hier(child, out)
        else:
            run.extend(_blocks(child, out))
    if run:
        _part(out, f"{prefix}block_{count + 1}", "block", run)


def _hier(el: etree._Element, out: list[Provision]) -> None:
    slot = len(out)
    out.append(Provision("", "", "", ""))  # the parent precedes its items and children
    label, lines = "", []
    children: list[etree._Element] = []
    for child in el:
        name = _local(child)
        if name == "num":
            label = _text(child)
        elif name == "heading":
            lines.append(_text(child))
        elif name in _OWN:
            for b in child:
                lines.extend(_blocks(b, out))
        elif name in HIER:
            children.append(child)
    out[slot] = Provision(el.get("eId") or "", label, _local(el), "\n".join(x for x in lines if x))
    for child in children:
        _hier(child, out)


def _blocks(b: etree._Element, out: list[Provision]) -> list[str]:
    """The lines ``b`` contributes to its provision; list items go to ``out``."""
    name = _local(b)
    if name == "p":
        return [] if _is_note(b) else [_text(b)]
    if name == "blockList":
        lines: list[str] = []
        for item in b:
            iname = _local(item)
            if iname == "listIntroduction" or iname == "listWrapUp":
                lines.append(_text(item))
            elif iname == "item":
                _item(item, out)
        return lines
    if name == "blockContainer":
        if b.get("class") == "extract":
            return []
        return [_raw(p).rstrip() for p in b if not _is_note(p)]
    if name in {"container", "formula", "intro", "content"}:
        if b.get("name") == "editorialNote":
            return []
        return [ln for c in b for ln in _blocks(c, out)]
    return [] if name in {"num", "heading"} else [_text(b)]


def _item(item: etree._Element, out: list[Provision]) -> None:
    slot = len(out)
    out.append(Provision("", "", "", ""))
    label, lines = "", []
    for child in item:
        if _local(child) == "num":
            label = _text(child)
        else:
            lines.extend(_blocks(child, out))
    out[slot] = Provision(item.get("eId") or "", label, "item", "\n".join(x for x in lines if x))
