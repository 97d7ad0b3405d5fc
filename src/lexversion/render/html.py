"""AKN XML -> HTML through one jinja2 environment (templates in ``templates/``).

The AKN tree is first turned into a flat view model (a list of blocks with a
depth, a CSS class, a label and text segments, each segment optionally a
link), so the templates hold no logic (DEVELOPERS.md principle 8). Legal text
is always escaped (jinja2 autoescape).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from lxml import etree
from markupsafe import Markup

from lexversion.akn.namespaces import NS
from lexversion.i18n import LANGS, current, day, iso_day, term, translations
from lexversion.phrases import explain
from lexversion.render.text import all_text, table_lines

_WS = re.compile(r"\s+")
HIER = {"chapter", "section", "subsection", "paragraph", "point", "hcontainer"}


@dataclass(frozen=True)
class Segment:
    """A run of text, a link when ``href`` is set."""

    text: str
    href: str | None = None


@dataclass(frozen=True)
class ViewBlock:
    """One displayed block: ``kind`` (``title``, ``heading``, ``p``, ``item``,
    ``note``, ``layout``, ``annex``), ``depth``, ``label`` (num), ``eid``."""

    kind: str
    depth: int
    segments: tuple[Segment, ...]
    label: str = ""
    eid: str = ""


def _callables(lang: str) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
    """``gettext`` and ``ngettext`` for templates in ``lang``, with jinja2's
    "newstyle" meaning (``_("On %(day)s", day=d)``: the catalog's words are
    trusted markup, the variables are escaped) but without its per-call
    context lookups, which cost a page more than its other words."""
    t = translations(lang)

    def gettext(message: str, **variables: Any) -> Markup:
        rv = Markup(t.gettext(message))
        return rv % variables if variables else rv

    def ngettext(singular: str, plural: str, num: int, **variables: Any) -> Markup:
        return Markup(t.ngettext(singular, plural, num)) % {"num": num, **variables}

    return gettext, ngettext


@cache
def _environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("lexversion", "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        extensions=["jinja2.ext.i18n"],
        # the templates are package data, fixed while a process runs: jinja2's
        # default would stat each template's file at every render (7% of an
        # uncached work page's CPU in ``lexversion serve``)
        auto_reload=False,
    )
    gettext, ngettext = _callables(lang)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.globals["_"] = gettext  # the extension's ``_`` looks ``gettext`` up on every call
    env.globals["ui_lang"] = lang
    env.globals["ui_langs"] = LANGS
    env.filters["term"] = term
    env.filters["day"] = day
    env.filters["iso_day"] = iso_day
    env.filters["explain"] = explain
    return env


def environment() -> Environment:
    """The jinja2 environment of the current interface language
    (:func:`lexversion.i18n.current`), templates from the package's ``templates``.

    One environment a language, each with jinja2's ``i18n`` extension and that
    language's catalog installed (``_``, ``gettext``, ``ngettext`` in templates),
    ``ui_lang`` (for ``<html lang>``) and the filters ``term`` (a stored code in
    the reader's words, :func:`lexversion.i18n.term`), ``day`` (a date as the
    reader writes it) and ``iso_day`` (an ISO date string as the reader writes it).
    """
    return _environment(current())


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _segments(el: etree._Element) -> tuple[Segment, ...]:
    out: list[Segment] = []
    if el.text:
        out.append(Segment(el.text))
    for child in el:
        if _local(child) == "ref":
            out.append(Segment(all_text(child), child.get("href")))
        else:
            out.append(Segment(all_text(child)))
        if child.tail:
            out.append(Segment(child.tail))
    merged = [Segment(_WS.sub(" ", s.text), s.href) for s in out if s.text]
    if merged:
        merged[0] = Segment(merged[0].text.lstrip(), merged[0].href)
        merged[-1] = Segment(merged[-1].text.rstrip(), merged[-1].href)
    return tuple(merged)


def view(xml: bytes, *, full: bool = False) -> list[ViewBlock]:
    """The view model of an AKN document (see :func:`lexversion.render.text.akn_to_text`
    for what ``full`` includes). A pure function of its arguments, so the last
    64 are kept (a server showing one text on many dates parses it once), as
    :func:`~lexversion.render.text.akn_to_text` does. Raises
    ``lxml.etree.XMLSyntaxError`` for bytes that are not XML."""
    return list(_view(xml, full))


@lru_cache(maxsize=64)
def _view(xml: bytes, full: bool) -> tuple[ViewBlock, ...]:
    root = etree.fromstring(xml)
    out: list[ViewBlock] = []
    for part in root[0]:
        name = _local(part)
        if name == "preface":
            _preface(part, out, full)
        elif name in {"preamble", "conclusions"}:
            for p in part.iter(f"{{{NS}}}p"):
                out.append(ViewBlock("p", 0, _segments(p)))
        elif name == "body":
            for child in part:
                _node(child, 0, out, full)
        elif name == "attachments":
            for att in part:
                out.append(ViewBlock("annex", 0, (), eid=att.get("eId") or ""))
                for sub in att[0]:
                    if _local(sub) == "preface":
                        _preface(sub, out, True)
                    elif _local(sub) == "mainBody":
                        for child in sub:
                            _node(child, 0, out, full)
    return tuple(out)


def _preface(el: etree._Element, out: list[ViewBlock], full: bool) -> None:
    for child in el:
        cls = child.get("class") or ""
        if _local(child) == "container":
            if full:
                for p in child.iter(f"{{{NS}}}p"):
                    out.append(ViewBlock("note", 0, _segments(p)))
            continue
        if cls == "title":
            out.append(ViewBlock("title", 0, _segments(child)))
        elif full or cls not in {"status", "requisites"}:
            out.append(ViewBlock("p", 0, _segments(child)))


def _node(el: etree._Element, depth: int, out: list[ViewBlock], full: bool) -> None:
    name = _local(el)
    if name not in HIER:
        _block(el, depth, out, full)
        return
    num = el.find(f"{{{NS}}}num")
    heading = el.find(f"{{{NS}}}heading")
    label = all_text(num) if num is not None else ""
    if heading is not None:
        out.append(ViewBlock("heading", depth, _segments(heading), label, el.get("eId") or ""))
        label = ""
    first = True
    for child in el:
        cname = _local(child)
        if cname in {"content", "intro"}:
            for b in child:
                before = len(out)
                _block(b, depth, out, full)
                if first and label and len(out) > before:
                    out[before] = ViewBlock(
                        out[before].kind, depth, out[before].segments, label, el.get("eId") or ""
                    )
                    first = False
        elif cname in HIER:
            if first and label:
                out.append(ViewBlock("p", depth, (), label, el.get("eId") or ""))
                first = False
            _node(child, depth + 1, out, full)


def _block(b: etree._Element, depth: int, out: list[ViewBlock], full: bool) -> None:
    name = _local(b)
    cls = b.get("class") or ""
    if name == "p":
        if cls in {"editorialNote", "extract"}:
            if full:
                embedded = b.find(f"{{{NS}}}embeddedStructure")
                if embedded is None:
                    out.append(ViewBlock("note", depth, _segments(b)))
                else:
                    for sub in embedded:
                        kind = "note" if _local(sub) == "p" else ""
                        text = " ".join(all_text(sub).split())
                        out.append(ViewBlock(kind or "note", depth, (Segment(text),)))
            return
        out.append(ViewBlock("p", depth, _segments(b)))
    elif name == "table":
        out.append(ViewBlock("layout", depth, (Segment("\n".join(table_lines(b)) + "\n"),)))
    elif name == "blockList":
        for item in b:
            if _local(item) == "listIntroduction":
                out.append(ViewBlock("p", depth, _segments(item)))
            elif _local(item) == "item":
                p = item.find(f"{{{NS}}}p")
                out.append(
                    ViewBlock(
                        "item",
                        depth + 1,
                        _segments(p if p is not None else item),
                        "",
                        item.get("eId") or "",
                    )
                )
    elif name == "blockContainer":
        if cls == "extract" and not full:
            return
        table = b.find(f"{{{NS}}}table")
        if table is not None:  # a table read into cells: laid out again, rules left out
            _block(table, depth, out, full)
            return
        lines = tuple(Segment(all_text(p) + "\n") for p in b)
        out.append(ViewBlock("layout", depth, lines))


def render_html(
    xml: bytes, context: dict[str, Any], *, template: str = "expression.html", full: bool = False
) -> str:
    """HTML page of an expression: ``context`` (title, status, notes...) plus the view model."""
    return environment().get_template(template).render(blocks=view(xml, full=full), **context)
