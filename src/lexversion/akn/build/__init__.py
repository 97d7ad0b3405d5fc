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
``href`` is that act. Citations of other acts are ``ref`` elements pointing at
the cited work's FRBR URI.

A pure projection of the :class:`Document`: it reads no text again. What it marks
up inside a text (``ref``, ``docDate``, ``formula``, signatories) parse recorded in
``Document.marks`` (:mod:`lexversion.parse.marks`); eIds follow
:mod:`lexversion.akn.eids`, FRBR URIs :mod:`lexversion.akn.frbr`, and ``meta`` is
written by :mod:`lexversion.akn.build.meta`.

Time (:mod:`lexversion.akn.build.time`): lifecycle ``eventRef`` elements for
adoption, registration, entry into force and application, and each change
dated when it applies (not the amending act's adoption); ``temporalData``
groups them into the periods in force and applying; each ``textualMod`` names
its period, the amending provision and the provision amended; a day that is
not sure (an estimated entry into force) has its certainty, window and basis
in ``proprietary``. Output is deterministic: no clock, no randomness.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from lxml import etree

from lexversion.akn import eids
from lexversion.akn.build.meta import MetaBuilder, slug
from lexversion.akn.build.xml import Span, el, inline, sub
from lexversion.model import Block, DateFact, Node
from lexversion.text.xmlchars import xml_safe

if TYPE_CHECKING:
    from lexversion.model import Document

TAGS = {
    "chapter": "chapter",
    "section": "section",
    "subsection": "subsection",
    "paragraph": "paragraph",
    "point": "point",
}


class _Builder(MetaBuilder):
    """Builds one document from its parts and its recorded :class:`Marks`;
    holds the reference tables filled along the way."""

    def __init__(
        self,
        doc: Document,
        expression_date: date | None,
        applies: Mapping[str, DateFact] | None = None,
        in_force: DateFact | None = None,
    ) -> None:
        super().__init__(doc, expression_date, applies, in_force)
        self.marks = doc.marks
        self.roles = 0

    # -- text -------------------------------------------------------------------
    def ref_spans(self, text: str, *, loose: bool = False) -> list[Span]:
        """``ref`` spans of the citations of other acts in ``text``, as parse
        recorded them (``loose``: an editorial note's)."""
        table = self.marks.loose_refs if loose else self.marks.refs
        return [(r.start, r.end, "ref", {"href": r.href}) for r in table.get(text, ())]

    def p(self, parent: etree._Element, text: str, cls: str | None = None) -> etree._Element:
        """A ``p`` (of class ``cls``) holding ``text`` with its ``ref`` spans."""
        el = sub(parent, "p", {"class": cls} if cls else None)
        inline(el, text, self.ref_spans(text))
        return el

    def blocks(self, parent: etree._Element, blocks: Iterable[Block]) -> None:
        """``p``, ``blockList``, editorial notes, tables and layout boxes of ``blocks``."""
        for b in blocks:
            if b.kind == "p":
                self.p(parent, b.text)
            elif b.kind == "list":
                bl = sub(parent, "blockList", {"eId": b.eid})
                if b.text:
                    intro = sub(bl, "listIntroduction")
                    inline(intro, b.text, self.ref_spans(b.text))
                for j, item in enumerate(b.items, start=1):
                    it = sub(bl, "item", {"eId": eids.child(b.eid, "item", j)})
                    self.p(it, item)
            elif b.kind == "note":
                self.note(parent, b)
            elif b.kind == "table":
                self.table(parent, b)
            elif b.kind == "layout":
                box = sub(parent, "blockContainer", {"class": b.name or "layout"})
                for line in b.lines:
                    sub(box, "p", None, line)

    def table(self, parent: etree._Element, b: Block) -> None:
        """A fixed-width table or passport: ``table`` with a row per printed row,
        ``th`` for header cells, ``colspan`` for headings across the table; the
        ruling lines stay as ``p class="rule"`` around it (first rule above)."""
        box = sub(
            parent, "blockContainer", {"eId": eids.child(b.eid, "blockContainer"), "class": b.name}
        )
        rules = list(b.lines)
        if rules:
            sub(box, "p", {"class": "rule"}, rules.pop(0))
        tab = sub(box, "table", {"eId": b.eid, "class": b.name})
        for row in b.rows:
            tr = sub(tab, "tr")
            for cell in row:
                attrs = {"colspan": str(cell.colspan)} if cell.colspan > 1 else None
                td = sub(tr, "th" if cell.header else "td", attrs)
                self.p(td, cell.text)
        for rule in rules:
            sub(box, "p", {"class": "rule"}, rule)

    def note(self, parent: etree._Element, b: Block) -> None:
        """An editorial note as a ``remark``, then the extract printed with it."""
        p = sub(parent, "p", {"class": "editorialNote"})
        remark = sub(p, "remark", {"status": "editorial"})
        inline(remark, b.text, self.ref_spans(b.text, loose=True))
        if b.extract:
            self.extract(parent, b)
        elif b.lines:
            box = sub(parent, "blockContainer", {"class": "extract"})
            for line in b.lines:
                sub(box, "p", None, line)

    def extract(self, parent: etree._Element, b: Block) -> None:
        """The extract printed with note ``b`` as an ``embeddedStructure`` (AKN 3.0:
        "a full structure used as an extract from another document"), its
        ``href`` the act the note names; numbered points are ``paragraph``s."""
        base = eids.before(b.extract[0].eid, "paragraph")
        href = next((r.href for r in self.marks.loose_refs.get(b.text, ())), None)
        box = sub(parent, "p", {"class": "extract"})
        attrs = {"eId": base}
        if href:
            attrs["href"] = href
        es = sub(box, "embeddedStructure", attrs)
        for x in b.extract:
            if x.name == "paragraph":
                para = sub(es, "paragraph", {"eId": x.eid})
                sub(para, "num", None, x.num)
                self.p(sub(para, "content"), x.text)
            elif x.name == "omission":
                sub(sub(es, "p", {"class": "omission"}), "omissis", None, x.text)
            elif x.name == "signature":
                self.signature(es, x.text, base)
            else:
                self.p(es, x.text, None if x.name == "p" else x.name)

    def signature(self, parent: etree._Element, text: str, prefix: str) -> None:
        """One signatory: ``p class="signature"`` holding a ``signature`` with the
        ``role`` (TLCRole) and, when the name is printed, the ``person`` (TLCPerson)."""
        m = self.marks.signatures.get(text)
        p = sub(parent, "p", {"class": "signature"})
        sig = sub(p, "signature")
        role_text = text[: m.start].rstrip() if m else text.rstrip()
        self.roles += 1
        k = self.roles
        role_id = self.tlc(
            "TLCRole",
            eids.part("role", k),
            f"/ontology/role/kz/signatory_{k}",
            role_text or "signatory",
        )
        if role_text:
            sub(
                sig,
                "role",
                {"eId": eids.child(prefix, "role", k), "refersTo": f"#{role_id}"},
                role_text,
            )
            sig[-1].tail = xml_safe(text[len(role_text) : m.start] if m else text[len(role_text) :])
        if m:
            name = text[m.start : m.end]
            person_id = self.tlc(
                "TLCPerson", eids.part("person", k), f"/ontology/person/kz/{slug(name)}", name
            )
            sub(
                sig,
                "person",
                {
                    "eId": eids.child(prefix, "person", k),
                    "refersTo": f"#{person_id}",
                    "as": f"#{role_id}",
                },
                name,
            )
            sig[-1].tail = xml_safe(text[m.rest :])

    def node(self, parent: etree._Element, node: Node) -> None:
        """A provision: ``num``, ``heading``, then ``intro`` and children, or ``content``."""
        el = sub(parent, TAGS[node.kind], {"eId": node.eid})
        if node.num:
            sub(el, "num", None, node.num)
        if node.heading:
            sub(el, "heading", None, node.heading)
        if node.children:
            if node.blocks:
                self.blocks(sub(el, "intro"), node.blocks)
            for c in node.children:
                self.node(el, c)
        else:
            content = sub(el, "content")
            self.blocks(content, node.blocks)
            if not node.blocks:
                sub(content, "p")

    def hier_root(self, parent: etree._Element, root: Node, prefix: str) -> None:
        """Children of a ``body``: hierarchy only, loose blocks in an ``hcontainer``."""
        if root.blocks:
            hc = sub(
                parent, "hcontainer", {"eId": eids.child(prefix, "hcontainer", 1), "name": "text"}
            )
            content = sub(hc, "content")
            self.blocks(content, root.blocks)
        for c in root.children:
            self.node(parent, c)
        if not root.blocks and not root.children:
            hc = sub(
                parent, "hcontainer", {"eId": eids.child(prefix, "hcontainer", 1), "name": "text"}
            )
            sub(sub(hc, "content"), "p")

    # -- parts ------------------------------------------------------------------
    def preface(self, act: etree._Element) -> None:
        """``preface``: title, status, requisites (``docDate``, ``docNumber``), notes."""
        d = self.doc
        pre = sub(act, "preface")
        title = sub(pre, "p", {"class": "title"})
        doc_title = sub(title, "docTitle")
        inline(doc_title, d.preface.title, self.ref_spans(d.preface.title))
        if d.preface.status_label:
            st = sub(pre, "p", {"class": "status"})
            sub(st, "docStatus", None, d.preface.status_label)
        if d.preface.requisites:
            req = sub(pre, "p", {"class": "requisites"})
            spans: list[Span] = []
            span = d.preface.requisites_act_span
            text = d.preface.requisites
            if span and d.meta.date:
                if self.marks.doc_date:
                    start, end = self.marks.doc_date
                    spans.append((start, end, "docDate", {"date": d.meta.date.isoformat()}))
                num = text.rfind(d.meta.number or "\0", span[0], span[1])
                if d.meta.number and num >= 0:
                    spans.append((num, num + len(d.meta.number), "docNumber", {}))
            spans.extend(self.ref_spans(text))
            inline(req, text, spans)
        for k, note in enumerate(d.preface.notes, start=1):
            box = sub(
                pre,
                "container",
                {"name": "editorialNote", "eId": eids.child("preface", "container", k)},
            )
            self.note(box, note)

    def preamble(self, act: etree._Element) -> None:
        """``preamble``: its paragraphs, the enacting formula as ``formula``."""
        if not self.doc.preamble:
            return
        # its eId (AKN-NC 4.8: an unnumbered part) is what a note's effect on the
        # preamble names ("преамбула в редакции ...")
        pre = sub(act, "preamble", {"eId": eids.part("preamble")})
        *head, last = self.doc.preamble
        for text in head:
            self.p(pre, text)
        m = self.marks.formula
        if m is None:
            self.p(pre, last)
            return
        if last[:m].strip():
            self.p(pre, last[:m].rstrip())
        formula = sub(pre, "formula", {"name": "enactingFormula"})
        self.p(formula, last[m:])

    def conclusions(self, act: etree._Element) -> None:
        """Signatories grouped from the printed lines (as parse recorded them);
        an approval list ("Келісілген:") and the signatories after it in a
        ``container name="approvalList"``."""
        texts = self.doc.conclusions
        if not texts:
            return
        con = sub(act, "conclusions")
        target = con
        lists = 0
        for kind, idx in self.marks.signature_groups:
            if kind == "approval":
                lists += 1
                target = sub(
                    con,
                    "container",
                    {"name": "approvalList", "eId": eids.child("conclusions", "container", lists)},
                )
                sub(target, "p", {"class": "approvalList"}, texts[idx[0]])
                continue
            text = " ".join(texts[i] for i in idx)
            if target is not con or text in self.marks.signatures:
                self.signature(target, text, "conclusions")
            else:
                sub(target, "p", {"class": "signatureLine"}, text)

    def attachments(self, act: etree._Element) -> None:
        """``attachments``: each annex a ``doc name="annex"`` with its own ``meta``."""
        if not self.doc.attachments:
            return
        atts = sub(act, "attachments")
        for n, att in enumerate(self.doc.attachments, start=1):
            a = sub(atts, "attachment", {"eId": att.eid})
            doc = sub(a, "doc", {"name": "annex"})
            self.identification(sub(doc, "meta"), f"annex_{n}", att.title or "annex")
            pre = sub(doc, "preface")
            for line in att.approval:
                sub(pre, "p", {"class": "approval"}, line)
            title = sub(pre, "p", {"class": "title"})
            sub(title, "docTitle", None, att.title)
            main = sub(doc, "mainBody")
            if att.body.blocks:
                self.blocks(main, att.body.blocks)
            for c in att.body.children:
                self.node(main, c)
            if not att.body.blocks and not att.body.children:
                sub(main, "p")

    def build(self) -> etree._Element:
        """The ``akomaNtoso`` root of the document."""
        root = el("akomaNtoso")
        m = self.doc.meta
        act = sub(root, "act", {"name": m.act_type or "act"})
        meta = self.meta(act)
        self.preface(act)
        self.preamble(act)
        body = sub(act, "body")
        self.hier_root(body, self.doc.body, "")
        self.conclusions(act)
        self.attachments(act)
        self.references(meta)
        self.proprietary(meta)
        return root


def document_to_akn(
    doc: Document,
    expression_date: str | date | None = None,
    applies: Mapping[str, DateFact] | None = None,
    in_force: DateFact | None = None,
) -> bytes:
    """Serialise ``doc`` as AKN 3.0 XML bytes (UTF-8, with XML declaration).

    ``expression_date`` dates the expression (default: the last change its
    notes record, else adoption); ``applies`` maps an amending act's FRBR work
    URI to when its changes of ``doc`` apply, and ``doc``'s own work URI to
    when ``doc``'s act applies, where the caller knows better than the rules
    the text quotes (the version graph: the corpus sidecar's publication
    dates, the policy); ``in_force``: likewise ``doc``'s entry into force when
    its text states it apart; see :mod:`lexversion.akn.build.time`."""
    when = (
        date.fromisoformat(expression_date) if isinstance(expression_date, str) else expression_date
    )
    root = _Builder(doc, when, applies, in_force).build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
