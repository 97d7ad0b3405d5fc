"""The inline markup of a document's texts, read once by parse (issue 11).

:func:`mark` records in :class:`~lexversion.model.document.Marks` everything the
AKN projection (:mod:`lexversion.akn.build`) marks up inside a text, so that the
projection reads no text again: citations of other acts as ``ref`` spans with
their FRBR work URIs (:mod:`.citations`), the adoption date in the requisites
(``docDate``, :mod:`.dates`), where the enacting formula starts (``formula``),
how the conclusions group into signatories and where a signatory's name is
(``signature``, ``role``, ``person``; :func:`lexversion.parse.layout.signature_groups`).

The texts are the ones the projection writes, walked in the same way; a change
of any of them (a reversed substitution in :mod:`lexversion.timeline.modify`, an
annex set out as an edition of another act) calls :func:`mark` again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from lexversion.lang import fold_text, vocab
from lexversion.model import ActRef, Block, Document, Node
from lexversion.model.document import Marks, NameMark, RefMark
from lexversion.parse import layout as L
from lexversion.parse.citations import work_uri as cited_uri
from lexversion.parse.citations.cited import cited
from lexversion.parse.dates import find_dates

#: a signatory's name closing a signature line: "Р. Ибраимова", "А.Б. Серік"
_NAME_TAIL = re.compile(
    r"(?P<name>[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s?(?:[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s?)?[А-ЯӘІҢҒҮҰҚӨҺ][а-яәіңғүұқөһё]+)\s*$"
)


def mark(doc: Document) -> Document:
    """``doc`` with its :class:`~lexversion.model.document.Marks` (re)computed from
    its texts, language and own act. Pure; never raises."""
    return replace(doc, marks=_Marker(doc).marks())


def formula_start(text: str, lang: str) -> int | None:
    """Where the enacting formula ("ШЕШІМ ҚАБЫЛДАДЫ", "РЕШИЛ") starts in ``text``
    (the formula's opening word included), or ``None`` without one."""
    k = fold_text(text).lower()
    for pat in vocab(lang).ENACTING_FORMULAS:
        m = re.search(pat, k)
        if m:
            return m.start()
    return None


class _Marker:
    """Walks one document as the projection does, filling the tables of :class:`Marks`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lang = doc.meta.lang
        self.own: ActRef = doc.act
        self.refs: dict[str, tuple[RefMark, ...]] = {}
        self.loose: dict[str, tuple[RefMark, ...]] = {}
        self.signatures: dict[str, NameMark | None] = {}

    def ref(self, text: str, *, loose: bool = False) -> None:
        """Record the citations of other acts in ``text`` (once per text)."""
        table = self.loose if loose else self.refs
        if text in table:
            return
        out: list[RefMark] = []
        for f in cited(text, self.lang, self.own, loose_number=loose):
            href = cited_uri(f.act)
            if href:
                out.append(RefMark(f.start, f.end, href))
        table[text] = tuple(out)

    def signature(self, text: str) -> None:
        """Record whether ``text`` is signature-like and where its name is."""
        if text not in self.signatures and L.is_signature_like(text, self.lang):
            m = _NAME_TAIL.search(text)
            self.signatures[text] = NameMark(m.start(), m.end("name"), m.end()) if m else None

    def blocks(self, blocks: Iterable[Block]) -> None:
        """Mark ``blocks`` as :meth:`lexversion.akn.build._Builder.blocks` writes them."""
        for b in blocks:
            if b.kind == "p":
                self.ref(b.text)
            elif b.kind == "list":
                if b.text:
                    self.ref(b.text)
                for item in b.items:
                    self.ref(item)
            elif b.kind == "note":
                self.note(b)
            elif b.kind == "table":
                for row in b.rows:
                    for cell in row:
                        self.ref(cell.text)

    def note(self, b: Block) -> None:
        """Mark a note (numbers read loosely) and the extract printed with it."""
        self.ref(b.text, loose=True)
        for x in b.extract:
            if x.name == "signature":
                self.signature(x.text)
            elif x.name != "omission":
                self.ref(x.text)

    def node(self, node: Node) -> None:
        """Mark a provision's blocks and its children's."""
        self.blocks(node.blocks)
        for c in node.children:
            self.node(c)

    def preface(self) -> tuple[int, int] | None:
        """Mark the title, requisites and notes; the adoption date's span."""
        pre = self.doc.preface
        self.ref(pre.title)
        doc_date = None
        if pre.requisites:
            span = pre.requisites_act_span
            if span:
                found = find_dates(pre.requisites[span[0] : span[1]], self.lang)[:1]
                doc_date = next(((span[0] + d.start, span[0] + d.end) for d in found), None)
            self.ref(pre.requisites)
        for note in pre.notes:
            self.note(note)
        return doc_date

    def preamble(self) -> int | None:
        """Mark the preamble's paragraphs; where its formula starts."""
        if not self.doc.preamble:
            return None
        *head, last = self.doc.preamble
        for text in head:
            self.ref(text)
        m = formula_start(last, self.lang)
        if m is None:
            self.ref(last)
            return None
        if last[:m].strip():
            self.ref(last[:m].rstrip())
        self.ref(last[m:])
        return m

    def conclusions(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Group the conclusions into signatories and mark each signature."""
        texts = self.doc.conclusions
        if not texts:
            return ()
        groups = tuple((kind, tuple(idx)) for kind, idx in L.signature_groups(texts, self.lang))
        for kind, idx in groups:
            if kind != "approval":
                self.signature(" ".join(texts[i] for i in idx))
        return groups

    def marks(self) -> Marks:
        """The :class:`Marks` of the whole document."""
        doc_date = self.preface()
        formula = self.preamble()
        self.node(self.doc.body)
        groups = self.conclusions()
        for att in self.doc.attachments:
            self.node(att.body)
        return Marks(self.refs, self.loose, formula, doc_date, groups, self.signatures)
