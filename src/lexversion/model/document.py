r"""The parsed document: provisions, blocks, annexes, metadata (DOMAIN.md 2, 6).

A :class:`Node` is a hierarchical provision (chapter, section, point, subpoint)
holding :class:`Block`\ s; an :class:`Attachment` an annex; :class:`Metadata`
what the header, notes and final points say about the act.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast

from lexversion.model.acts import (
    ActRef,
    Citation,
    CitedFact,
    CommencementRule,
    Effect,
    Note,
    Registration,
)
from lexversion.model.checks import Mismatch


class BlockKind(StrEnum):
    """What a :class:`Block` holds (DOMAIN.md 2, 6); members equal their strings."""

    P = "p"  #: a paragraph
    LIST = "list"  #: unnumbered items
    NOTE = "note"  #: an editorial note (DOMAIN.md 2.4)
    TABLE = "table"  #: a table or a passport, as rows of cells
    LAYOUT = "layout"  #: fixed-width lines kept line by line


class NodeKind(StrEnum):
    """What a :class:`Node` is in the hierarchy (DOMAIN.md 2.6); members equal their strings."""

    BODY = "body"  #: the container of a decision's or an annex's provisions
    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"
    PARAGRAPH = "paragraph"  #: a numbered point "1."
    POINT = "point"  #: a subpoint "1)"


class RepairKind(StrEnum):
    """What a :class:`Repair` did (DOMAIN.md 4.1-4.2); members equal their strings."""

    DISPLACED_LINK = "displaced_link"  #: a fragment moved back to its gap
    LETTER_SPACING = "letter_spacing"  #: a run of spaced letters closed up
    SPLIT_WORD = "split_word"  #: the pieces of a word in a mixed line joined
    DOUBT = "doubt"  #: evidence of an artifact left as printed
    INVALID_BYTE = "invalid_byte"  #: bytes that are not UTF-8 decoded as U+FFFD
    XML_CHAR = "xml_char"  #: a character XML cannot carry, shown visibly in the AKN


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its text, how many columns it spans, whether it heads a column."""

    text: str
    colspan: int = 1
    header: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A block of text inside a provision.

    ``kind``: ``p`` (a paragraph, ``text``; ``name`` its role in an extract:
    ``paragraph`` with ``num``, ``signature``, ``approval``, ``title``,
    ``omission``, ``rule``), ``list`` (unnumbered items: ``text`` the
    introduction or empty, ``items``), ``note`` (an editorial note, ``text``;
    ``lines`` an extract printed with it, line by line; ``extract`` the same
    extract as blocks; ``href`` the FRBR URI of the act it is taken from),
    ``table`` (``rows`` of cells, ``lines`` the ruling lines printed around it,
    ``name`` ``table`` or ``passport``), ``layout`` (fixed-width lines kept line
    by line: ``lines``, ``name``). Members of :class:`BlockKind`.
    """

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    name: str = ""
    eid: str = ""
    rows: tuple[tuple[Cell, ...], ...] = ()
    extract: tuple[Block, ...] = ()
    num: str = ""
    href: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    """A hierarchical provision: ``chapter``, ``section``, ``subsection``,
    ``paragraph`` (a numbered point "1."), ``point`` (a subpoint "1)"), or the
    container ``body``. ``blocks`` come before ``children`` (AKN ``intro``) or
    are the whole ``content`` when there are no children. Members of
    :class:`NodeKind`.
    """

    kind: NodeKind
    eid: str
    num: str | None = None
    heading: str | None = None
    blocks: tuple[Block, ...] = ()
    children: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Attachment:
    """An annex: its approval block, title and body (DOMAIN.md 2.8-2.9)."""

    eid: str
    approval: tuple[str, ...]
    title: str
    body: Node


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the header, notes and final points say about the act.

    ``joint``: the other issuers' identities of a joint act ("совместное
    постановление акимата ... и решение маслихата ...", two numbers of one date).
    ``commencement`` is the rule the act applies from (is put into effect:
    "қолданысқа енгізіледі", "вводится в действие"); ``in_force`` the rule of
    its entry into force ("күшіне енеді", "вступает в силу") when the text
    states it apart, else ``None`` (one rule for both).
    """

    lang: str
    title: str
    act_type: str | None
    issuer: str | None
    region: str | None
    body: str | None
    date: dt.date | None
    number: str | None
    registration: Registration | None
    status: str | None
    status_label: str | None
    repealed_by: ActRef | None
    commencement: CommencementRule | None
    notes: tuple[Note, ...] = ()
    effects: tuple[Effect, ...] = field(default=())
    publication: dt.date | None = None
    retroactive_from: dt.date | None = None
    joint: tuple[ActRef, ...] = ()
    in_force: CommencementRule | None = None


@dataclass(frozen=True)
class Repair:
    """One repair of the source text, or a ``doubt`` where the text was left as printed.

    ``kind``: ``displaced_link`` (a fragment moved back to its gap),
    ``letter_spacing`` (a run of spaced letters closed up), ``split_word`` (the
    pieces of a word in a mixed line joined), ``doubt`` (evidence of an
    artifact that could not be repaired with confidence; nothing changed).
    ``line`` is the 1-based source line; ``raw_start``/``raw_end`` the span of
    the repaired characters in the decoded source; ``text`` the repaired text;
    ``raw_to`` the source offset of the new place (a move's gap; else
    ``raw_start``); ``place`` says where in words. Raises ``ValueError`` for a
    kind that is not one of :class:`RepairKind`.

    Two kinds repair the input rather than an export artifact (issue 16), and
    record in ``original`` what was there, so the input stays recoverable:
    ``invalid_byte`` (bytes that are not UTF-8 in an otherwise UTF-8 file, made
    U+FFFD in the decoded source; ``original`` their hex, "ff") and
    ``xml_char`` (a character XML 1.0 cannot carry, e.g. U+000B, kept in the
    decoded source and written in the AKN as ``text``, its visible stand-in;
    ``original`` the character itself). ``original`` is empty for the others.
    """

    #: a :class:`RepairKind`; a plain string of its values is made the member
    kind: RepairKind
    line: int
    raw_start: int
    raw_end: int
    text: str
    raw_to: int
    place: str = ""
    original: str = ""

    def __post_init__(self) -> None:
        if type(self.kind) is not RepairKind:
            object.__setattr__(self, "kind", RepairKind(self.kind))

    @property
    def applied(self) -> bool:
        """True unless the repair is only a ``doubt``."""
        return self.kind != RepairKind.DOUBT

    def __str__(self) -> str:
        if self.kind == RepairKind.DOUBT:
            return f"line {self.line}: {self.place} (left as printed)"
        return (
            f'line {self.line}: {self.kind.replace("_", " ")} "{self.text}" {self.place}'.rstrip()
        )

    def to_json(self) -> dict[str, Any]:
        """``{kind, line, raw_start, raw_end, raw_to, text, place}``, and
        ``original`` when the repair records one."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "line": self.line,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "raw_to": self.raw_to,
            "text": self.text,
            "place": self.place,
        }
        if self.original:
            out["original"] = self.original
        return out


@dataclass(frozen=True)
class Preface:
    """Title, status line, requisites and editorial notes, as printed."""

    title: str
    status_label: str | None
    requisites: str
    requisites_act_span: tuple[int, int] | None
    notes: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class RefMark:
    """A citation of another act to mark up as an AKN ``ref``: ``[start, end)`` in
    its text and ``href``, the cited work's FRBR URI."""

    start: int
    end: int
    href: str


@dataclass(frozen=True, slots=True)
class NameMark:
    """A signatory's printed name closing a signature line: ``[start, end)`` of the
    name, and ``rest``, where the text after it (kept as printed) begins."""

    start: int
    end: int
    rest: int


@dataclass(frozen=True)
class Marks:
    """What the AKN projection marks up inside the document's texts, recorded by
    :func:`lexversion.parse.marks.mark` so that the projection reads no text again.

    Keyed by the very text the projection writes (a block's, a cell's, a preamble
    piece's), so a text a modification changed simply has no entry until the
    document is marked again:

    * ``refs``: text -> its citations of other acts (the act itself left out);
    * ``loose_refs``: the same for editorial notes, numbers read loosely; the
      first is also the act an extract printed with the note comes from;
    * ``formula``: where the enacting formula starts in the last preamble
      paragraph (``None``: no formula);
    * ``doc_date``: ``[start, end)`` of the adoption date inside the requisites;
    * ``signature_groups``: the conclusions grouped into ``(kind, indices)``
      (``approval`` or ``signature``);
    * ``signatures``: text -> the signatory's printed name (:class:`NameMark`),
      or ``None``, for each signature-like text (absent: not signature-like).
    """

    refs: Mapping[str, tuple[RefMark, ...]] = field(default_factory=dict)
    loose_refs: Mapping[str, tuple[RefMark, ...]] = field(default_factory=dict)
    formula: int | None = None
    doc_date: tuple[int, int] | None = None
    signature_groups: tuple[tuple[str, tuple[int, ...]], ...] = ()
    signatures: Mapping[str, NameMark | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """A parsed decision: metadata, structure, effects, citations, warnings, and
    the inline ``marks`` its AKN projection writes (:class:`Marks`).

    ``text`` is the decoded source; ``sha256`` the hash of its bytes (UTF-8
    when given text). Build it with :func:`parse`.
    """

    source: str
    text: str
    sha256: str
    meta: Metadata
    preface: Preface
    preamble: tuple[str, ...]
    body: Node
    conclusions: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    citations: tuple[Citation, ...]
    facts: tuple[CitedFact, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())
    repairs: tuple[Repair, ...] = field(default=())
    marks: Marks = field(default_factory=Marks)
    #: recorded substitutions the text disagrees with (issue 13, item 9)
    mismatches: tuple[Mismatch, ...] = field(default=())

    @property
    def act(self) -> ActRef:
        """The act this document is, as an :class:`ActRef`."""
        m = self.meta
        return ActRef(m.act_type, m.issuer, m.region, m.body, m.date, m.number, m.title)

    @property
    def partial(self) -> bool:
        """True for a header-only document (title, status, requisites)."""
        return not self.body.children and not self.attachments and not self.preamble

    def to_akn(self, expression_date: str | dt.date | None = None) -> bytes:
        """Deprecated: use :func:`lexversion.to_akn` (:func:`lexversion.akn.build.document_to_akn`).

        Akoma Ntoso 3.0 XML (UTF-8 bytes), valid against the official XSD.
        """
        return cast(bytes, _project("to_akn", "to_akn", self, expression_date))

    def to_json(self) -> dict[str, Any]:
        """Deprecated: use :func:`lexversion.to_json` (:func:`lexversion.akn.json.document_json`).

        The JSON object of ``schemas/document.schema.json``.
        """
        return cast(dict[str, Any], _project("to_json", "to_json", self))

    def tables(self) -> list[Block]:
        """The ``table`` blocks of the body and annexes, in document order."""
        out: list[Block] = []

        def walk(node: Node) -> None:
            out.extend(b for b in node.blocks if b.kind == "table")
            for c in node.children:
                walk(c)

        walk(self.body)
        for a in self.attachments:
            walk(a.body)
        return out

    def to_text(self) -> str:
        """Deprecated: use :func:`lexversion.to_text` (:func:`lexversion.render.text.document_text`).

        Plain text of the document, one provision per line.
        """
        return cast(str, _project("to_text", "to_text", self))


#: The projections of a :class:`Document` that live in higher layers (AKN, JSON,
#: text), bound by the package facade ``lexversion/__init__.py`` so that the model
#: imports nothing above it. Keys are the deprecated method names.
_PROJECTIONS: dict[str, Callable[..., Any]] = {}


def bind_projections(**functions: Callable[..., Any]) -> None:
    """Bind the functions behind the deprecated ``Document.to_*`` methods
    (``to_akn``, ``to_json``, ``to_text``). Called once by ``lexversion/__init__``."""
    _PROJECTIONS.update(functions)


def _project(method: str, replacement: str, *args: Any) -> Any:
    warnings.warn(
        f"Document.{method}() is deprecated and will be removed in the next release; "
        f"use lexversion.{replacement}(document)",
        DeprecationWarning,
        stacklevel=3,
    )
    return _PROJECTIONS[method](*args)
