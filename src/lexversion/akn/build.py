"""Document -> Akoma Ntoso 3.0 XML with lxml (DOMAIN.md 6).

Layout: ``act`` with ``meta`` (FRBR identification, lifecycle, analysis with
passive and active modifications, references), ``preface`` (title, status,
requisites with ``docDate``/``docNumber``, editorial notes as ``remark``),
``preamble`` (its enacting formula as ``formula``), ``body`` (``paragraph`` /
``point`` / ``blockList``), ``conclusions`` (one ``signature`` with ``role`` and
``person`` per signatory; an approval list "Келісілген:" as a ``container``),
``attachments`` (each annex a ``doc name="annex"``). Fixed-width tables and
passports are ``table`` elements (``th``/``td``, ``colspan``; their ruling lines
kept as ``p class="rule"`` in the ``blockContainer`` around them); an extract of
another act printed with an editorial note is an ``embeddedStructure`` whose
``href`` is that act. Citations of other acts (:mod:`lexversion.parse.citations`)
are ``ref`` elements pointing at the cited work's FRBR URI.

Lifecycle ``eventRef`` dates are the *stated* dates of the acts that caused
them (adoption, registration, the amending or repealing act's adoption); dates
of entry into force carry a certainty AKN cannot express and live in the
version graph (``lexversion history``). Output is deterministic: no clock, no
randomness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from lxml import etree

from lexversion.akn import eids
from lexversion.akn.frbr import AKN_LANG, expression_uri, work_uri
from lexversion.akn.namespaces import NS, XHTML
from lexversion.lang import fold_text
from lexversion.model import ActRef, Block, Effect, Node
from lexversion.parse import layout as L
from lexversion.parse.acts import is_own
from lexversion.parse.citations import find
from lexversion.parse.citations import work_uri as cited_uri

if TYPE_CHECKING:
    from lexversion.model import Document

_NSMAP = {None: NS}
TAGS = {
    "chapter": "chapter",
    "section": "section",
    "subsection": "subsection",
    "paragraph": "paragraph",
    "point": "point",
}
_NAME_TAIL = re.compile(
    r"(?P<name>[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s?(?:[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s?)?[А-ЯӘІҢҒҮҰҚӨҺ][а-яәіңғүұқөһё]+)\s*$"
)


def _el(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    el = etree.Element(f"{{{NS}}}{tag}", attrib or {}, nsmap=cast(Any, _NSMAP))
    if text is not None:
        el.text = text
    return el


def _sub(
    parent: etree._Element,
    tag: str,
    attrib: dict[str, str] | None = None,
    text: str | None = None,
    ns: str = "",
) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns or NS}}}{tag}", attrib or {})
    if text is not None:
        el.text = text
    return el


Span = tuple[int, int, str, dict[str, str]]


def _inline(parent: etree._Element, text: str, spans: Iterable[Span]) -> None:
    """Fill ``parent`` with ``text``, wrapping each (start, end, tag, attrs) span
    in an inline element. Overlapping spans after the first are skipped."""
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
        last = _sub(parent, tag, attrs, text[start:end])
        pos = end
    rest = text[pos:]
    if last is None:
        parent.text = (parent.text or "") + rest
    else:
        last.tail = (last.tail or "") + rest


class _Builder:
    """Builds one document; holds the reference tables filled along the way."""

    def __init__(self, doc: Document, expression_date: date | None) -> None:
        self.doc = doc
        self.lang = doc.meta.lang
        self.own = doc.act
        self.expression_date = expression_date or doc.meta.date
        self.refs: dict[str, tuple[str, str, str]] = {}  # eId -> (kind, href, showAs)
        self.roles = 0

    # -- references -------------------------------------------------------------
    def act_ref(self, act: ActRef, kind: str) -> str:
        """eId of a passiveRef/activeRef to ``act`` (created once)."""
        href = _safe_work_uri(act) or "/akn/kz/act/unknown"
        for eid, (k, h, _) in self.refs.items():
            if k == kind and h == href:
                return eid
        eid = eids.part(kind, sum(1 for k, _, _ in self.refs.values() if k == kind) + 1)
        self.refs[eid] = (kind, href, _show(act))
        return eid

    def tlc(self, kind: str, eid: str, href: str, show: str) -> str:
        self.refs.setdefault(eid, (kind, href, show))
        return eid

    # -- text -------------------------------------------------------------------
    def ref_spans(self, text: str, *, loose: bool = False) -> list[Span]:
        """``ref`` spans of the citations of other acts in ``text`` (cached by text)."""
        out: list[Span] = []
        for f in find(text, self.lang, loose_number=loose):
            if f.kind != "citation" or is_own(f.act, self.own):
                continue
            href = cited_uri(f.act)
            if href:
                out.append((f.start, f.end, "ref", {"href": href}))
        return out

    def p(self, parent: etree._Element, text: str, cls: str | None = None) -> etree._Element:
        el = _sub(parent, "p", {"class": cls} if cls else None)
        _inline(el, text, self.ref_spans(text))
        return el

    def blocks(self, parent: etree._Element, blocks: Iterable[Block]) -> None:
        for b in blocks:
            if b.kind == "p":
                self.p(parent, b.text)
            elif b.kind == "list":
                bl = _sub(parent, "blockList", {"eId": b.eid})
                if b.text:
                    intro = _sub(bl, "listIntroduction")
                    _inline(intro, b.text, self.ref_spans(b.text))
                for j, item in enumerate(b.items, start=1):
                    it = _sub(bl, "item", {"eId": eids.child(b.eid, "item", j)})
                    self.p(it, item)
            elif b.kind == "note":
                self.note(parent, b)
            elif b.kind == "table":
                self.table(parent, b)
            elif b.kind == "layout":
                box = _sub(parent, "blockContainer", {"class": b.name or "layout"})
                for line in b.lines:
                    _sub(box, "p", None, line)

    def table(self, parent: etree._Element, b: Block) -> None:
        """A fixed-width table or passport: ``table`` with a row per printed row,
        ``th`` for header cells, ``colspan`` for headings across the table; the
        ruling lines stay as ``p class="rule"`` around it (first rule above)."""
        box = _sub(
            parent, "blockContainer", {"eId": eids.child(b.eid, "blockContainer"), "class": b.name}
        )
        rules = list(b.lines)
        if rules:
            _sub(box, "p", {"class": "rule"}, rules.pop(0))
        tab = _sub(box, "table", {"eId": b.eid, "class": b.name})
        for row in b.rows:
            tr = _sub(tab, "tr")
            for cell in row:
                attrs = {"colspan": str(cell.colspan)} if cell.colspan > 1 else None
                td = _sub(tr, "th" if cell.header else "td", attrs)
                self.p(td, cell.text)
        for rule in rules:
            _sub(box, "p", {"class": "rule"}, rule)

    def note(self, parent: etree._Element, b: Block) -> None:
        p = _sub(parent, "p", {"class": "editorialNote"})
        remark = _sub(p, "remark", {"status": "editorial"})
        _inline(remark, b.text, self.ref_spans(b.text, loose=True))
        if b.extract:
            self.extract(parent, b)
        elif b.lines:
            box = _sub(parent, "blockContainer", {"class": "extract"})
            for line in b.lines:
                _sub(box, "p", None, line)

    def extract(self, parent: etree._Element, b: Block) -> None:
        """The extract printed with note ``b`` as an ``embeddedStructure`` (AKN 3.0:
        "a full structure used as an extract from another document"), its
        ``href`` the act the note names; numbered points are ``paragraph``s."""
        base = eids.before(b.extract[0].eid, "paragraph")
        href = next(
            (
                cited_uri(f.act)
                for f in find(b.text, self.lang, loose_number=True)
                if f.kind == "citation" and not is_own(f.act, self.own) and cited_uri(f.act)
            ),
            None,
        )
        box = _sub(parent, "p", {"class": "extract"})
        attrs = {"eId": base}
        if href:
            attrs["href"] = href
        es = _sub(box, "embeddedStructure", attrs)
        for x in b.extract:
            if x.name == "paragraph":
                para = _sub(es, "paragraph", {"eId": x.eid})
                _sub(para, "num", None, x.num)
                self.p(_sub(para, "content"), x.text)
            elif x.name == "omission":
                _sub(_sub(es, "p", {"class": "omission"}), "omissis", None, x.text)
            elif x.name == "signature":
                self.signature(es, x.text, base)
            else:
                self.p(es, x.text, None if x.name == "p" else x.name)

    def signature(self, parent: etree._Element, text: str, prefix: str) -> None:
        """One signatory: ``p class="signature"`` holding a ``signature`` with the
        ``role`` (TLCRole) and, when the name is printed, the ``person`` (TLCPerson)."""
        m = _NAME_TAIL.search(text) if L.is_signature_like(text, self.lang) else None
        p = _sub(parent, "p", {"class": "signature"})
        sig = _sub(p, "signature")
        role_text = text[: m.start()].rstrip() if m else text.rstrip()
        self.roles += 1
        k = self.roles
        role_id = self.tlc(
            "TLCRole",
            eids.part("role", k),
            f"/ontology/role/kz/signatory_{k}",
            role_text or "signatory",
        )
        if role_text:
            _sub(
                sig,
                "role",
                {"eId": eids.child(prefix, "role", k), "refersTo": f"#{role_id}"},
                role_text,
            )
            sig[-1].tail = text[len(role_text) : m.start()] if m else text[len(role_text) :]
        if m:
            person_id = self.tlc(
                "TLCPerson",
                eids.part("person", k),
                f"/ontology/person/kz/{_slug(m.group('name'))}",
                m.group("name"),
            )
            _sub(
                sig,
                "person",
                {
                    "eId": eids.child(prefix, "person", k),
                    "refersTo": f"#{person_id}",
                    "as": f"#{role_id}",
                },
                m.group("name"),
            )
            sig[-1].tail = text[m.end() :]

    def node(self, parent: etree._Element, node: Node) -> None:
        el = _sub(parent, TAGS[node.kind], {"eId": node.eid})
        if node.num:
            _sub(el, "num", None, node.num)
        if node.heading:
            _sub(el, "heading", None, node.heading)
        if node.children:
            if node.blocks:
                self.blocks(_sub(el, "intro"), node.blocks)
            for c in node.children:
                self.node(el, c)
        else:
            content = _sub(el, "content")
            self.blocks(content, node.blocks)
            if not node.blocks:
                _sub(content, "p")

    def hier_root(self, parent: etree._Element, root: Node, prefix: str) -> None:
        """Children of a ``body``: hierarchy only, loose blocks in an ``hcontainer``."""
        if root.blocks:
            hc = _sub(
                parent, "hcontainer", {"eId": eids.child(prefix, "hcontainer", 1), "name": "text"}
            )
            content = _sub(hc, "content")
            self.blocks(content, root.blocks)
        for c in root.children:
            self.node(parent, c)
        if not root.blocks and not root.children:
            hc = _sub(
                parent, "hcontainer", {"eId": eids.child(prefix, "hcontainer", 1), "name": "text"}
            )
            _sub(_sub(hc, "content"), "p")

    # -- parts ------------------------------------------------------------------
    def preface(self, act: etree._Element) -> None:
        d = self.doc
        pre = _sub(act, "preface")
        title = _sub(pre, "p", {"class": "title"})
        doc_title = _sub(title, "docTitle")
        _inline(doc_title, d.preface.title, self.ref_spans(d.preface.title))
        if d.preface.status_label:
            st = _sub(pre, "p", {"class": "status"})
            _sub(st, "docStatus", None, d.preface.status_label)
        if d.preface.requisites:
            req = _sub(pre, "p", {"class": "requisites"})
            spans: list[Span] = []
            span = d.preface.requisites_act_span
            text = d.preface.requisites
            if span and d.meta.date:
                for dm in _date_spans(text[span[0] : span[1]], self.lang):
                    spans.append(
                        (
                            span[0] + dm[0],
                            span[0] + dm[1],
                            "docDate",
                            {"date": d.meta.date.isoformat()},
                        )
                    )
                num = text.rfind(d.meta.number or "\0", span[0], span[1])
                if d.meta.number and num >= 0:
                    spans.append((num, num + len(d.meta.number), "docNumber", {}))
            spans.extend(self.ref_spans(text))
            _inline(req, text, spans)
        for k, note in enumerate(d.preface.notes, start=1):
            box = _sub(
                pre,
                "container",
                {"name": "editorialNote", "eId": eids.child("preface", "container", k)},
            )
            self.note(box, note)

    def preamble(self, act: etree._Element) -> None:
        if not self.doc.preamble:
            return
        pre = _sub(act, "preamble")
        *head, last = self.doc.preamble
        for text in head:
            self.p(pre, text)
        m = _formula_start(last, self.lang)
        if m is None:
            self.p(pre, last)
            return
        if last[:m].strip():
            self.p(pre, last[:m].rstrip())
        formula = _sub(pre, "formula", {"name": "enactingFormula"})
        self.p(formula, last[m:])

    def conclusions(self, act: etree._Element) -> None:
        """Signatories grouped from the printed lines (:func:`layout.signature_groups`);
        an approval list ("Келісілген:") and the signatories after it in a
        ``container name="approvalList"``."""
        texts = self.doc.conclusions
        if not texts:
            return
        con = _sub(act, "conclusions")
        target = con
        lists = 0
        for kind, idx in L.signature_groups(texts, self.lang):
            if kind == "approval":
                lists += 1
                target = _sub(
                    con,
                    "container",
                    {"name": "approvalList", "eId": eids.child("conclusions", "container", lists)},
                )
                _sub(target, "p", {"class": "approvalList"}, texts[idx[0]])
                continue
            text = " ".join(texts[i] for i in idx)
            if target is not con or L.is_signature_like(text, self.lang):
                self.signature(target, text, "conclusions")
            else:
                _sub(target, "p", {"class": "signatureLine"}, text)

    def attachments(self, act: etree._Element) -> None:
        if not self.doc.attachments:
            return
        atts = _sub(act, "attachments")
        for n, att in enumerate(self.doc.attachments, start=1):
            a = _sub(atts, "attachment", {"eId": att.eid})
            doc = _sub(a, "doc", {"name": "annex"})
            self.identification(
                _sub(doc, "meta"), component=f"annex_{n}", name=att.title or "annex"
            )
            pre = _sub(doc, "preface")
            for line in att.approval:
                _sub(pre, "p", {"class": "approval"}, line)
            title = _sub(pre, "p", {"class": "title"})
            _sub(title, "docTitle", None, att.title)
            main = _sub(doc, "mainBody")
            if att.body.blocks:
                self.blocks(main, att.body.blocks)
            for c in att.body.children:
                self.node(main, c)
            if not att.body.blocks and not att.body.children:
                _sub(main, "p")

    # -- meta -------------------------------------------------------------------
    def identification(
        self, meta: etree._Element, component: str = "main", name: str | None = None
    ) -> None:
        m = self.doc.meta
        work = _safe_work_uri(self.own) or "/akn/kz/act/unknown/0000-01-01/nn"
        when = (self.expression_date or m.date or date(1900, 1, 1)).isoformat()
        expr = (
            expression_uri(self.own, self.lang, self.expression_date)
            if _safe_work_uri(self.own)
            else f"{work}/{AKN_LANG[self.lang]}@{when}"
        )
        ident = _sub(meta, "identification", {"source": "#lexversion"})
        w = _sub(ident, "FRBRWork")
        _sub(w, "FRBRthis", {"value": f"{work}/!{component}"})
        _sub(w, "FRBRuri", {"value": work})
        if name or m.title:
            _sub(w, "FRBRalias", {"value": name or m.title, "name": "title"})
        _sub(
            w, "FRBRdate", {"date": (m.date or date(1900, 1, 1)).isoformat(), "name": "Generation"}
        )
        _sub(w, "FRBRauthor", {"href": "#issuer"})
        _sub(w, "FRBRcountry", {"value": (m.region or "KZ").lower()})
        _sub(w, "FRBRsubtype", {"value": m.act_type or "act"})
        _sub(w, "FRBRnumber", {"value": m.number or "nn"})
        e = _sub(ident, "FRBRExpression")
        _sub(e, "FRBRthis", {"value": f"{expr}/!{component}"})
        _sub(e, "FRBRuri", {"value": expr})
        _sub(e, "FRBRdate", {"date": when, "name": "Generation"})
        _sub(e, "FRBRauthor", {"href": "#lexversion"})
        _sub(e, "FRBRlanguage", {"language": AKN_LANG[self.lang]})
        mf = _sub(ident, "FRBRManifestation")
        _sub(mf, "FRBRthis", {"value": f"{expr}/!{component}.xml"})
        _sub(mf, "FRBRuri", {"value": f"{expr}.xml"})
        _sub(mf, "FRBRdate", {"date": when, "name": "Generation"})
        _sub(mf, "FRBRauthor", {"href": "#lexversion"})

    def meta(self, act: etree._Element) -> etree._Element:
        m = self.doc.meta
        meta = _sub(act, "meta")
        self.identification(meta)
        self.tlc("TLCOrganization", "lexversion", "/ontology/organization/lexversion", "lexversion")
        self.tlc(
            "TLCOrganization",
            "issuer",
            f"/ontology/organization/kz/{_slug(m.issuer or 'unknown')}",
            m.issuer or "unknown",
        )
        # lifecycle
        events: list[tuple[date, str, str, str]] = []
        if m.date:
            events.append(
                (
                    m.date,
                    "generation",
                    self.tlc("TLCEvent", "adoption", "/ontology/event/adoption", "adoption"),
                    "original",
                )
            )
        if m.registration and m.registration.date:
            events.append(
                (
                    m.registration.date,
                    "generation",
                    self.tlc(
                        "TLCEvent", "registration", "/ontology/event/registration", "registration"
                    ),
                    "original",
                )
            )
        passive = [e for e in m.effects if e.affected is None and e.affecting is not None]
        active = [e for e in m.effects if e.affecting is None and e.affected is not None]
        for e in passive:
            assert e.affecting is not None
            src = self.act_ref(e.affecting, "passiveRef")
            if e.affecting.date:
                kind = "repeal" if e.type == "repeal" else "amendment"
                ev = self.tlc("TLCEvent", kind, f"/ontology/event/{kind}", kind)
                events.append((e.affecting.date, kind, ev, src))
        lc = _sub(meta, "lifecycle", {"source": "#lexversion"})
        for k, (d, typ, refers, src) in enumerate(
            sorted(events, key=lambda x: (x[0], x[1])), start=1
        ):
            if src == "original":
                self.tlc(
                    "original",
                    "original",
                    expression_uri(self.own, self.lang, m.date)
                    if _safe_work_uri(self.own)
                    else "/akn/kz/act/unknown",
                    m.title,
                )
            _sub(
                lc,
                "eventRef",
                {
                    "eId": eids.part("eventRef", k),
                    "date": d.isoformat(),
                    "source": f"#{src}",
                    "type": typ,
                    "refersTo": f"#{refers}",
                },
            )
        if passive or active:
            an = _sub(meta, "analysis", {"source": "#lexversion"})
            if active:
                am = _sub(an, "activeModifications")
                for k, e in enumerate(active, start=1):
                    self.textual_mod(
                        am,
                        e,
                        eids.part("activeModification", k),
                        self.act_ref(self.own, "activeRef"),
                        e.affected,
                        "#" + self.act_ref(e.affected, "activeRef") if e.affected else "",
                    )
            if passive:
                pm = _sub(an, "passiveModifications")
                for k, e in enumerate(passive, start=1):
                    assert e.affecting is not None
                    self.textual_mod(
                        pm,
                        e,
                        eids.part("passiveModification", k),
                        self.act_ref(e.affecting, "passiveRef"),
                        None,
                        "",
                    )
        return meta

    def textual_mod(
        self,
        parent: etree._Element,
        e: Effect,
        eid: str,
        source: str,
        affected: ActRef | None,
        dest: str,
    ) -> None:
        typ = {
            "repeal": "repeal",
            "substitution": "substitution",
            "new_edition": "substitution",
            "insertion": "insertion",
        }.get(e.type, "substitution")
        tm = _sub(parent, "textualMod", {"eId": eid, "type": typ})
        _sub(tm, "source", {"href": f"#{source}"})
        if affected is not None:
            target = _safe_work_uri(affected) or ""
            if e.scope == "annex":
                target += "/!annex_1"
            _sub(tm, "destination", {"href": target})
        else:
            scope = "" if e.scope == "whole" else e.scope
            _sub(
                tm,
                "destination",
                {"href": f"#{scope}" if scope else (_safe_work_uri(self.own) or "#")},
            )
        # <old>/<new> hold foreign markup only (anyOtherType): an XHTML span each
        for k, (word, _) in enumerate(e.pairs, start=1):
            _sub(_sub(tm, "old", {"eId": eids.child(eid, "old", k)}), "span", None, word, ns=XHTML)
        for k, (_, word) in enumerate(e.pairs, start=1):
            _sub(_sub(tm, "new", {"eId": eids.child(eid, "new", k)}), "span", None, word, ns=XHTML)

    def references(self, meta: etree._Element) -> None:
        refs = _sub(meta, "references", {"source": "#lexversion"})
        order = [
            "original",
            "passiveRef",
            "activeRef",
            "TLCOrganization",
            "TLCPerson",
            "TLCRole",
            "TLCEvent",
        ]
        for kind in order:
            for eid, (k, href, show) in self.refs.items():
                if k == kind:
                    _sub(refs, kind, {"eId": eid, "href": href, "showAs": show or eid})

    def build(self) -> etree._Element:
        root = _el("akomaNtoso")
        m = self.doc.meta
        act = _sub(root, "act", {"name": m.act_type or "act"})
        meta = self.meta(act)
        self.preface(act)
        self.preamble(act)
        body = _sub(act, "body")
        self.hier_root(body, self.doc.body, "")
        self.conclusions(act)
        self.attachments(act)
        self.references(meta)
        return root


def _formula_start(text: str, lang: str) -> int | None:
    from lexversion.lang import vocab

    k = fold_text(text).lower()
    for pat in vocab(lang).ENACTING_FORMULAS:
        m = re.search(pat, k)
        if m:
            # take the formula's opening word too ("ШЕШІМ ҚАБЫЛДАДЫ", "былай деп шешті")
            return m.start()
    return None


def _date_spans(text: str, lang: str) -> list[tuple[int, int]]:
    from lexversion.parse.dates import find_dates

    return [(d.start, d.end) for d in find_dates(text, lang)][:1]


def _safe_work_uri(act: ActRef) -> str | None:
    try:
        return work_uri(act)
    except ValueError:
        return None


def _show(act: ActRef) -> str:
    bits = [
        act.issuer or "",
        act.date.isoformat() if act.date else "",
        f"№ {act.number}" if act.number else "",
    ]
    return " ".join(b for b in bits if b) or "act"


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "x"


def document_to_akn(doc: Document, expression_date: str | date | None = None) -> bytes:
    """Serialise ``doc`` as AKN 3.0 XML bytes (UTF-8, with XML declaration)."""
    when = (
        date.fromisoformat(expression_date) if isinstance(expression_date, str) else expression_date
    )
    root = _Builder(doc, when).build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
