"""AKN XML -> plain text, one block per line, provisions indented by depth.

``full=True`` renders everything the document holds (title, status label,
requisites, editorial notes and extracts); ``full=False`` renders the
provisions in force only: the title, preamble, body, conclusions and annexes,
without the database's status line, requisites and editorial notes (those are
facts about the act, reported beside the text by ``show``).
"""

from __future__ import annotations

import functools
import re
import textwrap
from typing import TYPE_CHECKING

from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.akn.namespaces import NS

if TYPE_CHECKING:
    from lexversion.model import Document

_WS = re.compile(r"\s+")
HIER = {"chapter", "section", "subsection", "paragraph", "point", "hcontainer"}
_CELLS = {"td", "th"}


def all_text(el: etree._Element) -> str:
    """All text under ``el`` (lxml yields ``str`` for text documents)."""
    return "".join(str(t) for t in el.itertext())


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _text(el: etree._Element) -> str:
    return _WS.sub(" ", all_text(el)).strip()


@functools.lru_cache(maxsize=64)
def akn_to_text(xml: bytes, *, full: bool = True) -> str:
    """Plain text of an AKN document (UTF-8 XML bytes).

    A pure function of its arguments, so the last 64 answers are kept
    (``functools.lru_cache``): a server answering many dates of one work
    renders each expression's text once. Raises ``lxml.etree.XMLSyntaxError``
    for bytes that are not XML."""
    root = etree.fromstring(xml)
    out: list[str] = []
    act = root[0]
    for part in act:
        name = _local(part)
        if name == "meta":
            continue
        if name == "preface":
            _preface(part, out, full)
        elif name in {"preamble", "conclusions"}:
            for p in part.iter(f"{{{NS}}}p"):
                out.append(_text(p))
            out.append("")
        elif name == "body":
            for child in part:
                _hier(child, 0, out, full)
            out.append("")
        elif name == "attachments":
            for att in part:
                doc = att[0]
                out.append("")
                for sub in doc:
                    sname = _local(sub)
                    if sname == "preface":
                        _preface(sub, out, True)
                    elif sname == "mainBody":
                        for child in sub:
                            _hier(child, 0, out, full)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _preface(el: etree._Element, out: list[str], full: bool) -> None:
    for child in el:
        cls = child.get("class") or ""
        if _local(child) == "container":
            if full:
                _blocks(child, 0, out, full)
            continue
        if not full and cls in {"status", "requisites"}:
            continue
        out.append(_text(child))
    out.append("")


def _blocks(el: etree._Element, depth: int, out: list[str], full: bool) -> None:
    for child in el:
        _block(child, depth, out, full)


def _block(child: etree._Element, depth: int, out: list[str], full: bool) -> None:
    pad = "  " * depth
    name = _local(child)
    cls = child.get("class") or ""
    if name == "p":
        if cls in {"editorialNote", "extract"} and not full:
            return
        embedded = child.find(f"{{{NS}}}embeddedStructure")
        if embedded is not None:
            for sub in embedded:
                _hier(sub, depth + 1, out, full)
            return
        out.append(pad + _text(child))
    elif name == "table":
        out.extend(pad + line for line in table_lines(child))
    elif name == "blockList":
        for item in child:
            iname = _local(item)
            if iname == "listIntroduction":
                out.append(pad + _text(item))
            elif iname == "item":
                out.append(pad + "  " + _text(item))
    elif name == "blockContainer":
        if cls == "extract" and not full:
            return
        for p in child:
            if _local(p) == "table":
                out.extend(pad + line for line in table_lines(p))
            else:
                out.append(pad + all_text(p))
    elif name in {"container", "formula"}:
        _blocks(child, depth, out, full)


def table_lines(table: etree._Element, width: int = 28) -> list[str]:
    """An AKN ``table`` as fixed-width text: each cell wrapped to its column's
    width (the longest cell text of the column, at most ``width``), columns two
    spaces apart, a cell spanning columns as wide as they are together."""
    rows = [
        [(_text(c), int(c.get("colspan") or 1)) for c in tr if _local(c) in {"td", "th"}]
        for tr in table
        if _local(tr) == "tr"
    ]
    ncols = max((sum(span for _, span in r) for r in rows), default=0)
    widths = [3] * ncols
    for r in rows:
        k = 0
        for text, span in r:
            if span == 1 and k < ncols:
                widths[k] = max(widths[k], min(len(text), width))
            k += span
    out: list[str] = []
    for r in rows:
        cols: list[tuple[list[str], int]] = []
        k = 0
        for text, span in r:
            w = sum(widths[k : k + span]) + 2 * (span - 1)
            cols.append((textwrap.wrap(text, w, break_on_hyphens=False) or [""], w))
            k += span
        for i in range(max(len(lines) for lines, _ in cols)):
            out.append(
                "  ".join(
                    (lines[i] if i < len(lines) else "").ljust(w) for lines, w in cols
                ).rstrip()
            )
    return out


def _hier(el: etree._Element, depth: int, out: list[str], full: bool) -> None:
    name = _local(el)
    if name not in HIER:
        _block(el, depth, out, full)
        return
    pad = "  " * depth
    num = el.find(f"{{{NS}}}num")
    heading = el.find(f"{{{NS}}}heading")
    label = " ".join(
        x
        for x in (
            _text(num) if num is not None else "",
            _text(heading) if heading is not None else "",
        )
        if x
    )
    first = True
    for child in el:
        cname = _local(child)
        if cname in {"num", "heading"}:
            continue
        if cname in {"content", "intro"}:
            lines: list[str] = []
            _blocks(child, 0, lines, full)
            for ln in lines:
                if first and label:
                    out.append(f"{pad}{label} {ln}".rstrip())
                    first = False
                else:
                    out.append(pad + ("  " if label else "") + ln)
        elif cname in HIER:
            if first and label:
                out.append(pad + label)
                first = False
            _hier(child, depth + 1, out, full)
    if first and label:
        out.append(pad + label)


def document_text(doc: Document) -> str:
    """Full plain text of a parsed document (``parse --format text``)."""
    return akn_to_text(document_to_akn(doc), full=True)
