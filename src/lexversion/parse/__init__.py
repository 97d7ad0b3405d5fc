"""Raw decision text -> :class:`Document` (metadata, structure, notes, effects, citations).

``parse(data)`` runs the pipeline steps of ARCHITECTURE.md up to the document
tree: decode and split lines (:mod:`lexversion.text.lines`), cut the layout into
parts (:mod:`.structure`), read the requisites (:mod:`.header`), assemble
provisions with eIds (:mod:`.tree`), read notes, commencement and effects
(:mod:`.effects`) and citations (:mod:`.citations`, spaCy rule matching).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from lexversion.akn import eids
from lexversion.errors import InputError
from lexversion.lang import fold_number, fold_text, vocab
from lexversion.model import (
    ActRef,
    Attachment,
    Block,
    Citation,
    CitedFact,
    Document,
    Effect,
    Metadata,
    Node,
    Note,
    Preface,
)
from lexversion.parse import citations as C
from lexversion.parse import effects as E
from lexversion.parse import layout as L
from lexversion.parse import structure, tree
from lexversion.parse.acts import is_own, same_act
from lexversion.parse.header import read_header
from lexversion.parse.marks import mark
from lexversion.text.decode import decode
from lexversion.text.language import detect_language
from lexversion.text.lines import OffsetMap, Paragraph, join_lines, split_lines

_ENDS = re.compile(r"[.;:!?)\"»_]$")
_DANGLING = re.compile(r"(?:\b(?:жылғы|жылы|от|года)|№|\bN|[-–])\s*$|\b\d{4}\s*$")


def forget_texts() -> None:
    """Empty the caches keyed by input text or words (citation scans, dictionary
    lookups), keeping what loading built (spaCy pipelines, matchers, vocabularies).

    For benchmarks: a parse timed after this call pays for every text it reads,
    as the first parse of an unseen document does in a warm process. Takes and
    returns nothing; never raises.
    """
    from lexversion.text import repair as repair

    C.find.cache_clear()
    repair.forget_words()


def parse(data: str | bytes, source: str = "<input>") -> Document:
    """Parse a raw decision export into a :class:`Document`.

    ``data``: the file's bytes (any encoding ``decode`` detects) or text.
    Raises :class:`~lexversion.errors.InputError` (exit code 2) for an empty,
    binary or undecodable file and for text that is not a legal act (no act
    date and number, no enacting formula, no numbered point). A truncated act
    parses with warnings.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    text = decode(data, source)
    lang = detect_language(text)
    lines = split_lines(text)
    parts = structure.split(lines, lang)
    warnings: list[str] = list(parts.warnings)

    title_para = join_lines(parts.title)
    title = title_para.text
    requisites = join_lines(parts.requisites)
    status_label = parts.status.text if parts.status else None
    if status_label is None and (glued := L.glued_status(requisites.text, lang)):
        # "Күшін жойғанҚостанай облыстық ...": the status label glued to the requisites
        rest = requisites.text[glued:]
        status_label = requisites.text[:glued]
        requisites = Paragraph(
            rest.strip(), requisites.lines, tree._shift(requisites.offsets, requisites.text, rest)
        )
    header = read_header(requisites.text, lang)
    warnings.extend(header.warnings)
    status_hit = L.status_of(status_label, lang) if status_label else None
    status = status_hit[1] if status_hit else None
    if header.repealed_by is not None:
        status = "repealed"

    body_root = tree.build(parts.body, lang)
    sources: list[tree.SourceMap] = []
    body = tree.freeze(body_root, "", sources)
    body = Node("body", "body", None, None, body.blocks, body.children)
    attachments: list[Attachment] = []
    for a, annex in enumerate(parts.annexes, start=1):
        eid = eids.part("attachment", a)
        root = tree.freeze(tree.build(annex.content, lang), eid, sources)
        attachments.append(
            Attachment(
                eid,
                tuple(ln.text for ln in annex.approval),
                join_lines(annex.title).text,
                Node("body", eid, None, None, root.blocks, root.children),
            )
        )

    act = header.act
    if act is None and not (parts.preamble or parts.body):
        raise InputError(
            source, "not a legal act: no act date and number, no enacting formula, no points"
        )
    if act is None:
        act = ActRef(None, None, None, None, None, None)
    act = ActRef(act.act_type, act.issuer, act.region, act.body, act.date, act.number, title)

    # editorial notes: preface notes and notes inside provisions
    notes: list[Note] = []
    effects: list[Effect] = []
    pre_notes: list[Block] = []
    pre_sources: list[tree.SourceMap] = [
        tree.SourceMap("preface", title_para.text, title_para.offsets),
        tree.SourceMap("preface", requisites.text, requisites.offsets),
    ]
    for k, part in enumerate(parts.notes, start=1):
        extract = tree.extract_parts([ln for p in part.extract for ln in p.lines], lang)
        pre_sources.append(
            tree.SourceMap(eids.child("preface", "container", k), part.para.text, part.para.offsets)
        )
        block = Block(
            "note",
            part.para.text,
            lines=tuple(p.text for p in part.extract),
            eid=eids.child("preface", "note", k),
            extract=tree.freeze_extract(
                extract, eids.child("preface", "container", k), pre_sources
            ),
        )
        pre_notes.append(block)
    scoped = [("whole", b) for b in pre_notes] + E.notes_in(body)
    for att in attachments:
        scoped += [(att.eid if s == att.eid else s, b) for s, b in E.notes_in(att.body)]
    for n, (scope, block) in enumerate(scoped, start=1):
        top = scope.split("__")[0] if scope.startswith("att_") else "whole"
        found = E.note_effects(block.text, block.lines, lang, top, act)
        notes.append(
            Note(
                block.eid or eids.part("note", n),
                block.text,
                tuple(f for f in found if f.type != "commencement"),
            )
        )
        effects.extend(found)
    effects = [_locate(e, body, attachments) for e in effects]
    effects = _merge_repeal(effects, header.repealed_by)
    effects.extend(E.body_effects(body, lang, act))
    rule, retro = E.own_commencement(body, lang)

    if parts.body and not body.children:
        warnings.append("body: no numbered points found")
    if parts.preamble and not any(
        L.matches(lang, "ENACTING_FORMULAS", p.text) for p in parts.preamble
    ):
        warnings.append("preamble: no enacting formula (ШЕШІМ ҚАБЫЛДАДЫ / РЕШИЛ)")
    last = next((ln.text for ln in reversed(lines) if not ln.blank), "")
    if (parts.body or attachments) and not _ENDS.search(last):
        warnings.append("text ends mid-sentence: the file may be truncated")
    if (
        re.search(vocab(lang).REPEAL_PREFIX, requisites.text, re.IGNORECASE)
        and header.repealed_by is None
    ):
        warnings.append(
            "requisites: a repeal clause names no readable act: the file may be truncated"
        )
    if requisites.text and _DANGLING.search(requisites.text):
        warnings.append("requisites end mid-reference: the file may be truncated")
    for att in attachments:
        if not att.body.children and not att.body.blocks:
            warnings.append(
                f"{att.eid}: annex '{att.title[:60]}' has no content: the file may be truncated"
            )
    doc_sources = pre_sources + _preamble_sources(parts.preamble) + sources
    warnings.extend(_slips(doc_sources, act, lang))

    meta = Metadata(
        lang=lang,
        title=title,
        act_type=act.act_type,
        issuer=act.issuer,
        region=act.region,
        body=act.body,
        date=act.date,
        number=act.number,
        registration=header.registration,
        status=status,
        status_label=status_label,
        repealed_by=header.repealed_by,
        commencement=rule,
        notes=tuple(notes),
        effects=tuple(effects),
        retroactive_from=retro,
        joint=header.joint,
    )
    # publication dates the corpus states (of this act, or of acts it names)
    pub_texts = [b.text + " " + " ".join(b.lines) for b in pre_notes] + [
        s.text for s in doc_sources[len(pre_sources) :]
    ]
    facts: list[CitedFact] = []
    for ref, when, basis in E.publications(pub_texts, lang):
        if same_act(ref, act) or (
            ref.number
            and act.number
            and fold_number(ref.number) == fold_number(act.number)
            and ref.region == act.region
        ):
            meta = replace(meta, publication=when)
        else:
            facts.append(CitedFact(ref, "publication", when, basis))
    citations = _citations(doc_sources, lang, act)
    doc = Document(
        source=source,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        meta=meta,
        preface=Preface(title, status_label, requisites.text, header.act_span, tuple(pre_notes)),
        preamble=tuple(p.text for p in parts.preamble),
        body=body,
        conclusions=tuple(p.text for p in parts.conclusions),
        attachments=tuple(attachments),
        citations=tuple(citations),
        facts=tuple(facts),
        warnings=tuple(warnings),
        repairs=tuple(parts.repairs),
    )
    return mark(doc)  # what the AKN projection marks up inside the texts


def _locate(e: Effect, body: Node, attachments: list[Attachment]) -> Effect:
    """Turn a provision pinpoint ``scope|kind|num`` into the provision's eId,
    looked up in the part of the document the note sits in."""
    if e.scope.count("|") != 2:
        return e
    where, kind, num = e.scope.split("|")
    root = next((a.body for a in attachments if a.eid == where), body)
    return replace(e, scope=E.provision_eid(root, kind, num))


def _merge_repeal(effects: list[Effect], repealed_by: ActRef | None) -> list[Effect]:
    """One repeal effect per repealing act: the requisites name the act
    reliably, the note adds its commencement rule (and an extract may too)."""
    repeals = [e for e in effects if e.type == "repeal" and e.affected is None]
    rules = [e for e in effects if e.type == "commencement"]
    others = [e for e in effects if e not in repeals and e not in rules]
    if repealed_by is None and not repeals:
        return others
    by = repealed_by or repeals[0].affecting
    rule = next(
        (
            e.rule
            for e in repeals + rules
            if e.rule is not None
            and (e.affecting is None or by is None or e.affecting.date == by.date)
        ),
        None,
    )
    text = " ".join(e.text for e in repeals)
    source = "note" if repeals else "requisites"
    return [Effect("repeal", by, None, "whole", (), rule, source, text), *others]


def _preamble_sources(paras: list[Paragraph]) -> list[tree.SourceMap]:
    return [tree.SourceMap("preamble", p.text, p.offsets) for p in paras]


def _citations(sources: list[tree.SourceMap], lang: str, own: ActRef) -> list[Citation]:
    """Every reference to another act in ``sources`` (registrations and the act
    itself left out), with its FRBR work URI and raw-file span."""
    out: list[Citation] = []
    for s in sources:
        for f in C.find(s.text, lang):
            if f.kind != "citation" or is_own(f.act, own):
                continue
            out.append(
                Citation(
                    f.act,
                    s.text[f.start : f.end],
                    s.eid,
                    f.start,
                    f.end,
                    *_raw_span(s.offsets, f.start, f.end),
                    href=C.work_uri(f.act),
                    title=f.title,
                    pinpoint=f.pinpoint,
                    registration=f.registration,
                )
            )
    return out


def _raw_span(om: OffsetMap, start: int, end: int) -> tuple[int, int]:
    """[start, end) in the decoded source covering every character of clean text
    ``[start, end)``, pieces a repair moved included (DOMAIN.md 4.1)."""
    points = [om.to_raw(start), om.to_raw(end - 1)]
    for c, r in zip(om.clean_starts, om.raw_starts, strict=True):
        if start < c < end:
            points += [r, om.to_raw(c - 1)]
    return min(points), max(points) + 1


def _slips(sources: list[tree.SourceMap], act: ActRef, lang: str) -> list[str]:
    """Slips of the source (DOMAIN.md 4.6): the act's number printed with
    another date elsewhere in the text. Reported, never corrected."""
    if act.number is None or act.date is None:
        return []
    out = []
    for s in sources:
        for f in C.find(s.text, lang):
            a = f.act
            if a.number and fold_text(a.number) == fold_text(act.number) and a.date != act.date:
                out.append(
                    f"the text dates act No {act.number} {a.date} where the requisites say {act.date} (kept as published)"
                )
    return sorted(set(out))
