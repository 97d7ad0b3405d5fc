"""Raw decision text -> :class:`Document` (metadata, structure, notes, effects, citations).

``parse(data)`` runs the pipeline steps of ARCHITECTURE.md up to the document
tree, each a function of the module it belongs to; :func:`parse` lists them in
order: decode, language, lines (:mod:`lexversion.text`); cut the layout into
parts and repair their export artifacts (:mod:`.structure`); read the front
and name the act (:mod:`.header`); assemble provisions and annexes with eIds
(:mod:`.tree`); read the editorial notes and their effects (:mod:`.notes`), the
act's own effects and commencement (:mod:`.effects`); warnings
(:mod:`.warnings`); publication facts (:mod:`.effects`); citations
(:mod:`.citations`, spaCy rule matching); the :class:`Document`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from lexversion.model import (
    ActRef,
    Citation,
    CommencementRule,
    Document,
    Effect,
    Metadata,
)
from lexversion.parse import citations as C
from lexversion.parse import effects as E
from lexversion.parse import notes as N
from lexversion.parse import plausibility, structure, tree
from lexversion.parse import warnings as W
from lexversion.parse.citations.amends import title_effects
from lexversion.parse.citations.cited import cited
from lexversion.parse.citations.cited import forget as forget_cited
from lexversion.parse.citations.identity import forget as forget_identities
from lexversion.parse.citations.national import forget as forget_titles
from lexversion.parse.consistency import mismatches
from lexversion.parse.header import Front, own_act, read_front, repeal_of
from lexversion.parse.marks import mark
from lexversion.parse.opening import unwrapped
from lexversion.text.decode import decode_input
from lexversion.text.language import detect_language, detect_script
from lexversion.text.lines import OffsetMap, Paragraph, split_lines
from lexversion.text.translit import View, to_cyrillic
from lexversion.text.xmlchars import xml_char_repairs


def forget_texts() -> None:
    """Empty the caches keyed by input text or words (citation scans, dictionary
    lookups, the canonical forms and URIs of cited acts, title keys), keeping what
    loading built (spaCy pipelines, matchers, vocabularies).

    For benchmarks: a parse timed after this call pays for every text it reads,
    as the first parse of an unseen document does in a warm process. Takes and
    returns nothing; never raises.
    """
    from lexversion.text import repair as repair

    C.find.cache_clear()
    forget_cited()
    forget_identities()
    forget_titles()
    repair.forget_words()


def parse(data: str | bytes, source: str = "<input>", max_bytes: int | None = None) -> Document:
    """Parse a raw decision export into a :class:`Document`.

    ``data``: the file's bytes (any encoding ``decode`` detects) or text;
    ``max_bytes`` the input size limit (default
    :func:`lexversion.text.decode.max_input_bytes`, ``0`` none).
    Raises :class:`~lexversion.errors.InputError` (exit code 2) for an input
    over the size limit, an empty, binary or undecodable file and for text
    that is not a legal act (no act date and number, no enacting formula, no
    numbered point). A truncated act parses with warnings; stray bytes that are
    not UTF-8 and characters XML cannot carry parse with a repair and a warning
    each (:mod:`lexversion.text.decode`, :mod:`lexversion.text.xmlchars`). A
    page in Latin-script Kazakh is read through its Cyrillic transliteration
    (:mod:`lexversion.text.translit`): the parts and metadata are that reading,
    ``Document.text`` stays the page as printed and citation offsets point
    into it.
    """
    decoded = decode_input(data, source, max_bytes)
    printed = decoded.text
    plausibility.refuse_several_acts(printed, source)
    view = to_cyrillic(printed) if detect_script(printed) == "latn" else None
    text = view.text if view else printed
    lang = detect_language(text)
    lines = split_lines(text)
    parts = structure.cut(lines, lang)
    parts = structure.repair(parts, lines, lang)
    front = plausibility.check_front(read_front(parts, lang), lang)
    provisions = tree.provisions(parts, lang)
    act = own_act(front, parts, source)
    front_notes = N.preface_notes(parts, front, lang)
    read = N.read_notes(
        front_notes,
        provisions,
        lang,
        act,
        front.header.repealed_by,
        unwrapped(text, lines, lang),
        (front.title.text, front.requisites.text),
    )
    commencement, retroactive = E.own_commencement(provisions.body, lang)
    in_force, applies = E.own_in_force(provisions.body, lang)
    commencement = applies or commencement
    sources = (*front_notes.sources, *_preamble_sources(parts.preamble), *provisions.sources)
    effects = _effects(read, provisions, sources, lang, act)
    input_repairs = (*decoded.repairs, *xml_char_repairs(printed))
    warnings = (
        *W.input_warnings(input_repairs),
        *W.document_warnings(parts, front, provisions, lines, sources, act, lang),
        *plausibility.note_warnings([b.text for b in front_notes.blocks], lang),
    )
    texts = _publication_texts(front_notes, sources[len(front_notes.sources) :])
    publication, facts = E.publication_facts(texts, lang, act)
    citations = _citations(sources, lang, act)
    if view is not None:
        citations = tuple(_to_printed(c, view) for c in citations)
        warnings = (*warnings, W.transliterated(view.alphabet))
    document = Document(
        source=source,
        text=printed,
        sha256=_sha256(data),
        meta=replace(
            _metadata(lang, front, act, commencement, retroactive, read, effects, publication),
            in_force=in_force,
        ),
        preface=front.preface(front_notes.blocks),
        preamble=tuple(p.text for p in parts.preamble),
        body=provisions.body,
        conclusions=tuple(p.text for p in parts.conclusions),
        attachments=provisions.attachments,
        citations=citations,
        facts=facts,
        warnings=warnings,
        repairs=(*parts.repairs, *input_repairs),
    )
    found = mismatches(document)
    if found:
        warnings = (*warnings, *(m.message for m in found))
        document = replace(document, warnings=warnings, mismatches=found)
    return mark(document)  # what the AKN projection marks up inside the texts


def _effects(
    read: N.NotesRead,
    provisions: tree.Provisions,
    sources: Sequence[tree.SourceMap],
    lang: str,
    act: ActRef,
) -> tuple[Effect, ...]:
    """The effects the document states, in order: those its notes record, its body's
    (amendments, repeals, substitutions) and those the titles of the acts it cites
    state (:func:`~lexversion.parse.citations.amends.title_effects`)."""
    return (
        *read.effects,
        *E.body_effects(provisions.body, lang, act),
        *E.body_substitutions(provisions.body, lang, act),
        *title_effects([s.text for s in sources], lang, act),
    )


def _sha256(data: str | bytes) -> str:
    """Hex SHA-256 of the input's bytes (text as UTF-8; a lone surrogate as
    ``surrogatepass`` writes it, so no text input fails to hash)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def _to_printed(c: Citation, view: View) -> Citation:
    """``c`` with its source span mapped from the transliterated view to the page as printed."""
    return replace(c, raw_start=view.to_source(c.raw_start), raw_end=view.to_source(c.raw_end))


def _metadata(
    lang: str,
    front: Front,
    act: ActRef,
    commencement: CommencementRule | None,
    retroactive: date | None,
    read: N.NotesRead,
    effects: tuple[Effect, ...],
    publication: date | None,
) -> Metadata:
    """The act's :class:`Metadata`: its identity (``act``), what the front says
    (registration, status, repeal, joint issuers), its commencement rule and
    retroactivity, the notes and effects read, its stated publication date."""
    header = front.header
    status, repealed_by = repeal_of(front, read.effects)
    return Metadata(
        lang=lang,
        title=front.title.text,
        act_type=act.act_type,
        issuer=act.issuer,
        region=act.region,
        body=act.body,
        date=act.date,
        number=act.number,
        registration=header.registration,
        status=status,
        status_label=front.status_label,
        repealed_by=repealed_by,
        commencement=commencement,
        notes=read.notes,
        effects=effects,
        publication=publication,
        retroactive_from=retroactive,
        joint=header.joint,
    )


def _preamble_sources(paras: list[Paragraph]) -> list[tree.SourceMap]:
    """Where each preamble paragraph's text came from (eId ``preamble``)."""
    return [tree.SourceMap("preamble", p.text, p.offsets) for p in paras]


def _publication_texts(preface: N.PrefaceNotes, rest: Sequence[tree.SourceMap]) -> list[str]:
    """The texts that may state publication dates: each preface note with its
    extract, then the preamble, provisions and annexes (``rest``).

    A note without an extract is its text as the notes read it, not with a space
    after it: the same text is the same citation scan (remembered by text), while
    a trailing space made another one; what is read from it is the same, since no
    date, act reference or publication word ends in a space."""
    return [" ".join((b.text, *b.lines)) for b in preface.blocks] + [s.text for s in rest]


def _citations(sources: Sequence[tree.SourceMap], lang: str, own: ActRef) -> tuple[Citation, ...]:
    """Every citation of another act in ``sources``
    (:func:`lexversion.parse.citations.cited.cited`), with its FRBR work URI and
    raw-file span."""
    return tuple(
        _citation(s, f.act, f.start, f.end, f.title, f.pinpoint, f.registration)
        for s in sources
        for f in cited(s.text, lang, own)
    )


def _citation(
    s: tree.SourceMap,
    act: ActRef,
    start: int,
    end: int,
    title: str | None,
    pinpoint: str | None,
    registration: str | None,
) -> Citation:
    """The citation of ``act`` at ``[start, end)`` of source ``s``'s text."""
    return Citation(
        act,
        s.text[start:end],
        s.eid,
        start,
        end,
        *_raw_span(s.offsets, start, end),
        href=C.work_uri(act),
        title=title,
        pinpoint=pinpoint,
        registration=registration,
    )


def _raw_span(om: OffsetMap, start: int, end: int) -> tuple[int, int]:
    """[start, end) in the decoded source covering every character of clean text
    ``[start, end)``, pieces a repair moved included (DOMAIN.md 4.1)."""
    points = [om.to_raw(start), om.to_raw(end - 1)]
    for c, r in zip(om.clean_starts, om.raw_starts, strict=True):
        if start < c < end:
            points += [r, om.to_raw(c - 1)]
    return min(points), max(points) + 1
