"""lxml helpers of the AKN projection: elements in the AKN 3.0 namespace, inline spans.

Pure functions over lxml trees; none raises on the text it is given: every text
and attribute value passes through :func:`lexversion.text.xmlchars.xml_safe`,
which shows a character XML cannot carry (U+000B, U+FFFF, a lone surrogate) as
a visible stand-in of one character (issue 16; parse records each one as an
``xml_char`` repair).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from lxml import etree

from lexversion.akn.namespaces import NS
from lexversion.text.xmlchars import NOT_XML, xml_safe

_NSMAP = {None: NS}

#: an inline element to wrap around ``text[start:end]``: (start, end, tag, attributes)
Span = tuple[int, int, str, dict[str, str]]


def _safe_attrib(attrib: dict[str, str] | None) -> dict[str, str]:
    """``attrib`` with every value XML-safe (the same dict when all are)."""
    if not attrib:
        return {}
    for v in attrib.values():
        if NOT_XML.search(v) is not None:
            return {k: xml_safe(v) for k, v in attrib.items()}
    return attrib


def _set_text(out: etree._Element, text: str) -> None:
    """``out.text = text``, the text made XML-safe only when lxml refuses it (a
    failed assignment changes nothing): the usual text pays no check."""
    try:
        out.text = text
    except ValueError:
        out.text = xml_safe(text)


def el(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    """A new root element ``tag`` in the AKN namespace (the default namespace)."""
    try:
        out = etree.Element(f"{{{NS}}}{tag}", attrib or {}, nsmap=cast(Any, _NSMAP))
    except ValueError:  # a value XML cannot carry (lxml checks before it builds)
        out = etree.Element(f"{{{NS}}}{tag}", _safe_attrib(attrib), nsmap=cast(Any, _NSMAP))
    if text is not None:
        _set_text(out, text)
    return out


def sub(
    parent: etree._Element,
    tag: str,
    attrib: dict[str, str] | None = None,
    text: str | None = None,
    ns: str = "",
) -> etree._Element:
    """A new last child ``tag`` of ``parent`` in namespace ``ns`` (AKN by default)."""
    try:
        out = etree.SubElement(parent, f"{{{ns or NS}}}{tag}", attrib or {})
    except ValueError:  # a value XML cannot carry (lxml appends nothing then)
        out = etree.SubElement(parent, f"{{{ns or NS}}}{tag}", _safe_attrib(attrib))
    if text is not None:
        _set_text(out, text)
    return out


def inline(parent: etree._Element, text: str, spans: Iterable[Span]) -> None:
    """Fill ``parent`` with ``text``, wrapping each (start, end, tag, attrs) span
    in an inline element. Overlapping spans after the first are skipped."""
    text = xml_safe(text)  # same length: the spans still fit
    pos = 0
    last: etree._Element | None = None
    for start, end, tag, attrs in sorted(spans, key=lambda s: s[0]):
        if start < pos or end <= start:
            continue
        chunk = text[pos:start]
        if last is None:
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        last = sub(parent, tag, attrs, text[start:end])
        pos = end
    rest = text[pos:]
    if last is None:
        parent.text = (parent.text or "") + rest
    else:
        last.tail = (last.tail or "") + rest
