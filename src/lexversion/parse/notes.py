"""Editorial notes -> :class:`~lexversion.model.Note`\\ s and the effects they record.

The database prints notes (kk *Ескерту*, ru *Сноска*, DOMAIN.md 2.4) before the
preamble and inside provisions; a note may announce an extract of the act it
names, printed after it. Two steps of :func:`lexversion.parse.parse`:
:func:`preface_notes` freezes the preface's notes as blocks (and records where
the preface's text came from); :func:`read_notes` reads every note, preface and
provisions, with :func:`lexversion.parse.effects.read_note`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lexversion.akn import eids
from lexversion.model import ActRef, Block, BlockKind, Effect, Note
from lexversion.parse import effects as E
from lexversion.parse import tree
from lexversion.parse.header import Front
from lexversion.parse.structure import Parts


@dataclass(frozen=True)
class PrefaceNotes:
    """The preface's notes as blocks (``preface__note_k``, with their extracts)
    and where the preface's text came from: title, requisites, then each note's
    extract (``sources``)."""

    blocks: tuple[Block, ...]
    sources: tuple[tree.SourceMap, ...]


@dataclass(frozen=True)
class NotesRead:
    """Every editorial note of a document (preface first, then provisions and
    annexes in document order) and the effects they record, located and with
    one repeal per repealing act (:func:`lexversion.parse.effects.merge_repeal`)."""

    notes: tuple[Note, ...]
    effects: tuple[Effect, ...]


def preface_notes(parts: Parts, front: Front, lang: str) -> PrefaceNotes:
    """Freeze the notes printed before the preamble (``parts.notes``), each
    extract as blocks under ``preface__container_k``. Never raises."""
    blocks: list[Block] = []
    sources: list[tree.SourceMap] = [
        tree.SourceMap("preface", front.title.text, front.title.offsets),
        tree.SourceMap("preface", front.requisites.text, front.requisites.offsets),
    ]
    for k, part in enumerate(parts.notes, start=1):
        extract = tree.extract_parts([ln for p in part.extract for ln in p.lines], lang)
        sources.append(
            tree.SourceMap(eids.child("preface", "container", k), part.para.text, part.para.offsets)
        )
        blocks.append(
            Block(
                BlockKind.NOTE,
                part.para.text,
                lines=tuple(p.text for p in part.extract),
                eid=eids.child("preface", "note", k),
                extract=tree.freeze_extract(
                    extract, eids.child("preface", "container", k), sources
                ),
            )
        )
    return PrefaceNotes(tuple(blocks), tuple(sources))


def read_notes(
    preface: PrefaceNotes,
    provisions: tree.Provisions,
    lang: str,
    act: ActRef,
    repealed_by: ActRef | None,
) -> NotesRead:
    """Read every note: the preface's (scope ``whole``), the body's and each
    annex's (scope ``att_k``), as :class:`~lexversion.model.Note`\\ s with the
    effects they record; then locate the provisions those effects name in the
    part the note sits in and merge the repeals with the requisites'
    ``repealed_by`` (DOMAIN.md 2.4, 5). ``act`` is the document's own act.
    Never raises.
    """
    scoped = [("whole", b) for b in preface.blocks] + E.notes_in(provisions.body)
    for att in provisions.attachments:
        scoped += [(att.eid if s == att.eid else s, b) for s, b in E.notes_in(att.body)]
    notes: list[Note] = []
    effects: list[Effect] = []
    rules: list[E.StatedRule] = []
    for n, (scope, block) in enumerate(scoped, start=1):
        where = scope.split("__")[0] if scope.startswith("att_") else "whole"
        reading = E.read_note(block.text, block.lines, lang, where, act)
        located = tuple(
            E.locate(e, provisions.body, provisions.attachments) for e in reading.effects
        )
        notes.append(Note(block.eid or eids.part("note", n), block.text, located))
        effects.extend(located)
        rules.extend(reading.rules)
    return NotesRead(tuple(notes), tuple(E.merge_repeal(effects, rules, repealed_by)))
