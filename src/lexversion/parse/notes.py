"""Editorial notes -> :class:`~lexversion.model.Note`\\ s and the effects they record.

The database prints notes (kk *Ескерту*, ru *Сноска*, DOMAIN.md 2.4) before the
preamble and inside provisions; a note may announce an extract of the act it
names, printed after it. Two steps of :func:`lexversion.parse.parse`:
:func:`preface_notes` freezes the preface's notes as blocks (and records where
the preface's text came from); :func:`read_notes` reads every note, preface and
provisions, with :func:`lexversion.parse.effects.read_note`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexversion.akn import eids
from lexversion.lang import fold_number, fold_text, noting
from lexversion.model import ActRef, Block, BlockKind, Effect, Note
from lexversion.parse import amending as A
from lexversion.parse import effects as E
from lexversion.parse import layout as L
from lexversion.parse import tree
from lexversion.parse.dates import year_first_order
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
    text: str = "",
    front: tuple[str, ...] = (),
) -> NotesRead:
    """Read every note: the preface's (scope ``whole``), the body's and each
    annex's (scope ``att_k``), as :class:`~lexversion.model.Note`\\ s with the
    effects they record; then locate the provisions those effects name in the
    part the note sits in and merge the repeals with the requisites'
    ``repealed_by`` (DOMAIN.md 2.4, 5). ``act`` is the document's own act.
    With the document's ``text``, the notes no part holds are read too
    (:func:`find_notes`: a mirror's notes and lists, a marker note the layout
    did not set apart), each once: one whose opening words a part's note or
    the ``front`` (title, requisites) holds, or whose acts are all read
    already, is left out. Never raises.
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
    if text:
        _read_loose(text, lang, act, provisions, front, (notes, effects, rules))
    return NotesRead(tuple(notes), tuple(E.merge_repeal(effects, rules, repealed_by)))


# ---------------------------------------------------------------- notes in plain text


@dataclass(frozen=True)
class FoundNote:
    """An editorial note found in plain text by :func:`find_notes`: its text,
    its span ``[start, end)`` in the text searched, and its shape: ``marker``
    (opened by "Ескерту." / "Сноска." / "Күші жойылды -"), ``mirror`` (a
    mirror's "Пункт 1 изложен в редакции решения ..."), ``front`` (a
    parenthesis after the requisites, "(в редакции решения ...)") or ``list``
    (one line of a mirror's list of amending acts, "Енгізілген өзгерістер:");
    ``order`` is the order of the page's year-first dates (:func:`year_first_order`)."""

    text: str
    start: int
    end: int
    shape: str
    order: str | None = None


#: a line that starts a numbered point ("1. Утвердить ...")
_NUMBERED_LINE = re.compile(r"(?:^|\n)[ \t]*\d{1,3}\.[ \t]")
#: where a note glued to the point after it ends: "... шешімімен.1. Қарқаралы ..."
_GLUED_POINT = re.compile(r"(?<=[\w)])\.(?=\s*\d{1,3}\.\s*[^\W\d])")


def _front_end(low: str, lang: str) -> int:
    """Offset of the first numbered point or enacting formula of ``low`` (a text
    folded and lower-cased): what comes before it is the act's front (title,
    requisites, notes). Each pattern is searched alone, so the regular
    expression engine skips ahead to its first literal."""
    found = [m.start() for p in (_NUMBERED_LINE, *A.enacting(lang)) if (m := p.search(low))]
    return min(found, default=len(low))


def _marker_note(line: str, lang: str) -> str | None:
    """``line`` up to its end (or up to the point glued after it) when a note
    marker opens it, else ``None``."""
    if not A.matches_start(lang, "MARKERS", line):
        return None
    if _GLUED_POINT.search(line) is None:  # the common case: nothing glued after it
        return line
    named = A.amending_acts(line, lang)
    cut = _GLUED_POINT.search(line, named[0].end if named else 0)
    return line[: cut.start() + 1] if cut else line


def find_notes(text: str, lang: str) -> list[FoundNote]:
    """Every editorial note of ``text`` (plain text, a paragraph a line, as web
    pages and mirrors print an act), in order, by what it says
    (:mod:`lexversion.lang.kk.notes`): lines a note marker opens (a point glued
    after the note left out), a mirror's provision notes, the front's
    amendment parentheses (only before the enacting formula and the first
    point, and only opening a line or a sentence, so a body's "(с изменениями,
    внесенными ...)" about a cited act is not taken), and each line of a list of
    amending acts under its heading. Raises nothing.
    """
    low = fold_text(text).lower()
    front = _front_end(low, lang)
    order: str | None = None
    out: list[FoundNote] = []
    closed: set[int] = set()  # lists whose end was seen
    for start, raw, listed in _candidate_lines(text, low, lang, front):
        body = raw.strip()
        lead = start + len(raw) - len(raw.lstrip())
        if order is None:  # the page's year-first order, from its front and this line
            order = year_first_order(text[:front] + " " + body) or ""
        if listed >= 0 and listed not in closed:
            if (
                body
                and not A.matches(lang, "LIST_ENDS", body)
                and _marker_note(body, lang) is None
                and A.amending_acts(body, lang, order=order or None)
            ):
                out.append(FoundNote(body, lead, lead + len(body), "list", order or None))
                continue
            closed.add(listed)
        found = _line_notes(body, lang, start < front)
        if isinstance(found, str):  # the heading of a list: its lines follow
            continue
        out.extend(
            FoundNote(note, lead + s, lead + s + len(note), shape, order or None)
            for note, s, shape in found
        )
    return out


def _candidate_lines(text: str, low: str, lang: str, front: int) -> list[tuple[int, str, int]]:
    """(offset, line, list) of the lines that may hold a note, in order: each
    line with one of the ``SCREEN_WORDS``, the front's lines with a
    parenthesis, and the lines after a list heading (:func:`_list_lines`)
    (``list`` the heading's offset; -1 for a line of no list). The words are
    found with ``str.find`` on ``low``, the lower-case folded text: the text is
    scanned a few times in C rather than line by line. Raises nothing."""
    starts: set[int] = set()
    for word in noting(lang).SCREEN_WORDS:
        p = low.find(word)
        while p >= 0:
            ls = low.rfind("\n", 0, p) + 1
            starts.add(ls)
            nl = low.find("\n", p)
            p = -1 if nl < 0 else low.find(word, nl)
    p = low.find("(", 0, front)
    while p >= 0:
        ls = low.rfind("\n", 0, p) + 1
        starts.add(ls)
        nl = low.find("\n", p)
        p = -1 if nl < 0 else low.find("(", nl, front)
    out: list[tuple[int, str, int]] = []
    for ls in sorted(starts):
        if out and ls < out[-1][0] + len(out[-1][1]):
            continue  # already taken as a list line
        line_end = low.find("\n", ls)
        line_end = len(text) if line_end < 0 else line_end + 1
        out.append((ls, text[ls:line_end], -1))
        if A.matches_start(lang, "LIST_HEADINGS", text[ls:line_end].strip()):
            out += [(k, line, ls) for k, line in _list_lines(text, line_end)]
    return out


def _list_lines(text: str, start: int) -> list[tuple[int, str]]:
    """(offset, line) of the lines of a list of amending acts whose heading ends
    at ``start``: up to the first blank line. A list printed with a blank line
    under its heading (a web copy that spaces every line) has its entries one
    blank line apart: it runs across single blank lines, to two in a row. Blank
    lines are left out. Raises nothing."""
    out: list[tuple[int, str]] = []
    spaced: bool | None = None  # whether a blank line follows the heading
    blanks = 0
    k = start
    while k < len(text):
        nxt = text.find("\n", k)
        nxt = len(text) if nxt < 0 else nxt + 1
        line = text[k:nxt]
        if line.strip():
            spaced = bool(spaced)
            blanks = 0
            out.append((k, line))
        elif spaced is None:
            spaced, blanks = True, 1
        elif not spaced or blanks:
            break
        else:
            blanks = 1
        k = nxt
    return out


def _line_notes(body: str, lang: str, in_front: bool) -> list[tuple[str, int, str]] | str:
    """The notes one line holds, as (text, offset in the line, shape), or
    ``"list"`` when it is the heading of a list of amending acts."""
    if A.matches_start(lang, "LIST_HEADINGS", body):
        return "list"
    note = _marker_note(body, lang)
    if note is not None:
        return [(note, 0, "marker")]
    if A.matches_start(lang, "MIRROR_OPENERS", body) and A.amending_acts(body, lang):
        return [(body, 0, "mirror")]
    if in_front and "(" in body:
        return [(body[a:b], a, "front") for a, b in A.front_parentheses(body, lang)]
    return []


def read_found(
    note: FoundNote, lang: str, own: ActRef | None, where: str = "whole"
) -> E.NoteReading:
    """What a note :func:`find_notes` found records: a list line is an amendment
    by the act it names (:func:`lexversion.parse.amending.amendment_effects`),
    any other note is read by :func:`lexversion.parse.effects.read_note`.
    Raises nothing."""
    if note.shape == "list":
        return E.NoteReading(effects=A.amendment_effects(note.text, lang, where, own, note.order))
    return E.read_note(note.text, (), lang, where, own)


def _already_read(note: FoundNote, lang: str, held: str, effects: list[Effect]) -> bool:
    """True when a note the structure found already holds ``note``: its opening
    words are in ``held`` (the recognition keys of the texts that may hold it,
    joined), or every act it names is already an affecting act."""
    if L.key(note.text)[:40] in held:
        return True
    named = A.named_pairs(note.text, lang, note.order)
    seen = {
        (e.affecting.date, fold_number(e.affecting.number or ""))
        for e in effects
        if e.affecting is not None
    }
    return bool(named) and named <= seen


def _read_loose(
    text: str,
    lang: str,
    act: ActRef,
    provisions: tree.Provisions,
    front: tuple[str, ...],
    into: tuple[list[Note], list[Effect], list[E.StatedRule]],
) -> None:
    """Append to ``into`` (notes, effects, rules) the notes of ``text`` that
    :func:`find_notes` finds and no part holds (:func:`read_notes`)."""
    notes, effects, rules = into
    found_notes = find_notes(text, lang)
    if not found_notes:
        return
    keys = "\n".join(L.key(t) for t in (*(n.text for n in notes), *front))
    for found in found_notes:
        # a list line or a front parenthesis is held only by an effect read already: the
        # layout may keep the list or the requisites as printed without reading them
        held = keys if found.shape in {"marker", "mirror"} else ""
        if _already_read(found, lang, held, effects):
            continue
        reading = read_found(found, lang, act)
        if not reading.effects:
            continue
        located = tuple(
            E.locate(e, provisions.body, provisions.attachments) for e in reading.effects
        )
        notes.append(Note(eids.part("note", len(notes) + 1), found.text, located))
        effects.extend(located)
        rules.extend(reading.rules)
