"""Text printed without the export's layout -> the parts of an act, by what lines say.

The corpus (the database's PDF export) indents every paragraph by six spaces and
prints title, status and requisites at the margin; :func:`lexversion.parse.structure.cut`
reads that layout. Web pages of the same database and its mirrors print the same
acts with no indentation at all (issue 12): a line is a paragraph, table cells are
separated by ``|``, the title and the requisites share a line or come in the other
order, a status label is glued to the next word ("ЖаңаШығыс Қазақстан ..."), the
editorial notes or the body come first, a mirror adds its own card lines
("Енгізілген өзгерістер:", "Статус:", "Сведения об акте:").

Here the parts are found by what each line says (DOMAIN.md 2; layout a hint,
language the evidence): the decision starts at the enacting formula (or, without
one, at the first numbered point); before it, a line is a status label, a
requisites sentence (the act's own date and number with its act word in the
nominative, or a registration), a title ("... туралы", "Об ..."), or an editorial
line (kept as a note); after it come the points, the signatures, and each annex
from its approval block ("... № 194 шешіміне қосымша", "Приложение 1 к решению
..."). Every non-blank line lands in exactly one part (a line holding two parts is
cut in two pieces of itself), which keeps the parse lossless.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from lexversion.lang import vocab
from lexversion.parse import layout as L
from lexversion.parse.card import field_of, value_of
from lexversion.parse.citations import find
from lexversion.parse.enacting import body_of
from lexversion.parse.formula import formula_at, formulas_in, low
from lexversion.parse.parts import INDENT, AnnexParts, Part, Parts, classify, split_decision
from lexversion.text.lines import Line, join_lines

_Unit = list[Line]
#: a line that may continue the one before it: it opens with a lower-case letter, a
#: digit or a number sign ("№ 31/4", or the Latin "N 31/4" older acts print)
_CONTINUES = re.compile(r"^(?:[a-zа-яёәіңғүұқөһ0-9№]|N\s?\d)")
_SENTENCE_END = re.compile(r"[.:;!?|]$")


def is_flat(lines: Sequence[Line]) -> bool:
    """Whether ``lines`` carry no paragraph indentation at all (a web page's text):
    not one non-blank line is indented by :data:`INDENT` or more."""
    return not any(ln.indent >= INDENT for ln in lines if ln.text)


@cache
def _re(lang: str, name: str) -> re.Pattern[str] | None:
    pats = getattr(vocab(lang), name, None)
    if pats is None:
        return None
    if isinstance(pats, str):
        pats = (pats,)
    return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)


def has(lang: str, name: str, text: str) -> bool:
    """Whether vocabulary entry ``name`` of ``lang`` (if the language has it) is
    found in ``text``, folded and lower-cased."""
    pat = _re(lang, name)
    return bool(pat and pat.search(low(text)))


def _piece(line: Line, a: int, b: int) -> Line | None:
    """The part ``[a, b)`` of a line as printed, stripped, as a line of its own."""
    raw = line.text[a:b]
    text = raw.strip()
    if not text:
        return None
    return Line(line.no, line.start + a + (len(raw) - len(raw.lstrip())), line.indent, text)


def _units(lines: Sequence[Line], lang: str) -> list[_Unit]:
    """Non-blank lines grouped into paragraphs: a line continues the one before it
    (no blank line between) when that one does not end a sentence and this one
    opens with a lower-case letter, a digit that numbers no point, or "№" (a title,
    requisites or a signature wrapped by the page), or goes on with the enacting
    formula (:func:`_formula_goes_on`) or with its issuer (:func:`_issuer_goes_on`),
    or, in a copy wrapped at a width (:func:`wrap_width`), when the line before
    ends near it (:func:`_wrapped`); every other line opens one."""
    out: list[_Unit] = []
    after_blank = True
    width = wrap_width(lines)
    for ln in lines:
        if not ln.text:
            after_blank = True
            continue
        if (
            out
            and not after_blank
            and not _SENTENCE_END.search(out[-1][-1].text)
            and (
                (_CONTINUES.match(ln.text) and not _numbered(ln.text))
                or _formula_goes_on(out[-1][-1].text, ln.text, lang)
                or _issuer_goes_on(out[-1][-1].text, ln.text, lang)
                or _wrapped(out[-1][-1], ln, width)
            )
        ):
            out[-1].append(ln)
        else:
            out.append([ln])
        after_blank = False
    return out


#: how close to the wrap width a wrapped line ends: the next word did not fit, and
#: words of the acts are rarely longer
WRAP_SLACK = 15
#: the widths a copy is wrapped at (a PDF viewer's or a narrow window's); a page
#: prints a paragraph a line, most of them longer
WRAP_WIDTHS = range(40, 121)


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The width ``lines`` are wrapped at, when a copy wrapped them (a PDF's text
    selected without its indentation, a narrow window): of eight lines or more,
    at least half end within :data:`WRAP_SLACK` of the longest but one in twenty,
    which is in :data:`WRAP_WIDTHS`; ``None`` for a page's text, a paragraph a
    line. Layout as a hint: it only lets :func:`_units` read a line on where the
    language allows it. Raises nothing."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text and not L.is_tabular(ln))
    if len(lengths) < 8:
        return None
    width = lengths[len(lengths) * 19 // 20 - 1]
    full = sum(1 for n in lengths if n >= width - WRAP_SLACK)
    return width if width in WRAP_WIDTHS and 2 * full >= len(lengths) else None


#: a heading or a field label: up to three words, the first capitalised, and a colon
#: ("Бұрынғы редакциялар:", "Сведения об акте:")
_LABEL = re.compile(r"^[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]\S*(?:\s+\S+){0,2}:$")


#: the end of a line that ends with an act's number ("... 2024 года № 12/160-VIII"): the
#: requisites sentence, which the export prints without a full stop
_NUMBER_END = re.compile(r"(?:№|\bN)\s*\S*\d\S*$")


def _wrapped(before: Line, line: Line, width: int | None) -> bool:
    """Whether ``line`` goes on with ``before`` in a copy wrapped at ``width``:
    ``before`` ends within :data:`WRAP_SLACK` of it (the next word did not fit) and
    not with an act's number (:data:`_NUMBER_END`), ``line`` numbers no point and
    is no label (:data:`_LABEL`), and neither is a fixed-width row."""
    return (
        width is not None
        and len(before.text) >= width - WRAP_SLACK
        and not _NUMBER_END.search(before.text)
        and not _numbered(line.text)
        and not _LABEL.match(line.text)
        and not L.is_tabular(before)
        and not L.is_tabular(line)
    )


def unwrapped(text: str, lines: Sequence[Line], lang: str) -> str:
    """``text`` (whose :func:`~lexversion.text.lines.split_lines` are ``lines``) with
    the line breaks inside each paragraph of a wrapped copy (:func:`wrap_width`,
    :func:`_units`) made spaces, one character for one, so that what is read a line
    at a time (a mirror's list of amending acts, a note no part holds) reads the
    paragraph; ``text`` itself when no copy wrapped it (or the text is indented: the
    export's layout tells its paragraphs). Offsets do not move."""
    if not is_flat(lines) or wrap_width(lines) is None:
        return text
    out = list(text)
    for unit in _units(lines, lang):
        for ln in unit[1:]:
            out[ln.start - ln.indent - 1] = " "  # the line break before ``ln``
    return "".join(out)


def _formula_goes_on(before: str, line: str, lang: str) -> bool:
    """Whether ``line`` (short, in capitals) goes on with the enacting formula of
    the line ``before`` it: the formula broken over two lines ("... мәслихаты
    ШЕШІМ" / "ҚАБЫЛДАДЫ:"), or opened by ``line`` after its issuer ("... аудандық
    мәслихаты" / "ШЕШІМ ҚАБЫЛДАДЫ:", "... маслихат" / "РЕШИЛ:")."""
    if len(line) > 40 or not line[:1].isupper() or any(c.islower() for c in line):
        return False
    joined = f"{before[-60:]} {line}"
    cut = len(joined) - len(line)  # where ``line`` opens in ``joined``
    return any(
        f.end > cut and (f.start < cut or not joined[cut : f.start].strip())
        for f in formulas_in(joined, lang)
    )


def _issuer_goes_on(before: str, line: str, lang: str) -> bool:
    """Whether ``line`` goes on with the issuer phrase the line ``before`` it ends
    with, up to the enacting formula ``line`` holds: the issuer broken over two
    lines after its body word ("... акимат района" / "Марқакөл ПОСТАНОВЛЯЕТ:",
    "... акимат" / "Карагандинской области ПОСТАНОВЛЯЕТ и ..."). The body word is
    among the last two words of ``before`` and none stands in ``line`` before its
    formula, which opens within its first 60 characters."""
    if not any(body_of(w.strip(",;"), lang) for w in before.split()[-2:]):
        return False  # two words looked at before the formula search of the whole line
    formulas = formulas_in(line, lang)
    if not formulas or formulas[0].start > 60:
        return False
    return not any(body_of(w, lang) for w in line[: formulas[0].start].split())


def _text(unit: _Unit) -> str:
    return " ".join(ln.text for ln in unit)


def _numbered(text: str) -> bool:
    return bool(L.NUMBERED.match(text) or L.SUBPOINT.match(text))


def own_span(text: str, lang: str) -> tuple[int, int] | None:
    """Where the requisites sentence of the act itself is in ``text``: ``(start, end)``.

    kk: a reference with a date and number followed by its act word in the
    nominative ("... № 9/114 шешімі"), from the end of a title before it ("...
    туралы.") to the end of the text. ru: a sentence opening with the act's own
    name ("Решение маслихата ... от ... № 46") to the end of the text, or to its
    number when a title follows ("... № 113 О внесении ..."). ``None`` without one.
    """
    v = vocab(lang)
    for f in find(text, lang):
        if f.kind != "citation" or f.act.number is None:
            continue
        if lang == "kk":
            if not re.match(v.OWN_ACT_WORD, low(text[f.end : f.end + 40])):
                continue
            title_end = [m.end() for m in re.finditer(r"туралы\W*", low(text[: f.start]))]
            return (title_end[-1] if title_end else 0), len(text)
        start = max(text.rfind(". ", 0, f.start) + 2, 0) if ". " in text[: f.start] else 0
        if not re.match(v.OWN_ACT_START, low(text[start:])):
            continue
        rest = text[f.end :]
        title = re.match(r"\s*[«\"“]?\s*Об?\s", rest)
        return start, (f.end if title else len(text))
    return None


def _front_kind(text: str, lang: str) -> str:
    """What a line before the decision is: ``status``, ``note``, ``requisites``,
    ``title`` or ``other`` (a mirror's card line, kept as a note)."""
    if L.status_of(text, lang):
        return "status"
    marker = _re(lang, "NOTE_MARKERS")
    if marker is not None and marker.match(low(text).lstrip("( ")):
        return "note"
    if has(lang, "EDITORIAL_OPENERS", text):
        return "note"
    if own_span(text, lang) is not None or has(lang, "REGISTERED", text):
        return "requisites"
    if has(lang, "TITLE_END", text) or has(lang, "TITLE_START", text):
        return "title"
    return "other"


def _split_front(unit: _Unit, lang: str) -> list[tuple[str, Line]]:
    """The pieces of a one-line front unit with their kinds: a glued status label cut
    off ("ЖаңаШығыс ..."), a title and the requisites sharing the line cut apart,
    a trailing parenthesised editorial note ("(в редакции решения ...)") cut off the
    requisites. A unit of several lines is one piece of its own kind."""
    if len(unit) > 1:
        text = _text(unit)
        kind = _front_kind(text, lang)
        return [(kind, ln) for ln in unit]
    line = unit[0]
    out: list[tuple[str, Line]] = []
    glued = L.glued_status(line.text, lang)
    if glued:
        head = _piece(line, 0, glued)
        rest = _piece(line, glued, len(line.text))
        if head is not None and rest is not None:
            return [("status", head), *_split_front([rest], lang)]
    span = own_span(line.text, lang)
    if span is None:
        return [(_front_kind(line.text, lang), line)]
    a, b = span
    req_end = b
    tail = re.search(r"\s\((?=[^()]*(?:\([^()]*\)[^()]*)*\)\W*$)", line.text[a:b])
    if tail and b == len(line.text) and tail.start() > 0:
        req_end = a + tail.start()
    for kind, lo, hi in (("title", 0, a), ("requisites", a, req_end), ("note", req_end, b)):
        piece = _piece(line, lo, hi)
        if piece is not None:
            out.append((kind, piece))
    after = _piece(line, b, len(line.text))
    if after is not None:
        out.append(("title", after))
    return out


def _front(units: Sequence[_Unit], lang: str, parts: Parts) -> list[_Unit]:
    """File the units before the decision into ``parts`` (status, requisites, title,
    notes; the lines of one unit of one kind stay one part); return the units that
    are none of these, in order (a whole unit is returned as itself), for the caller
    to tell a preamble from editorial lines."""
    other: list[_Unit] = []
    last = pending = ""
    for unit in units:
        pending = _card_line(unit, pending, lang, parts)
        if pending:
            last = "note"
            continue
        pieces: list[tuple[str, Line]] = []
        for kind, line in _split_front(unit, lang):
            if kind == "title" and parts.title and last != "title":
                kind = "other"  # one title: a later title-like line is an editorial one
            if (
                kind == "other"
                and last == "requisites"
                and not _SENTENCE_END.search(parts.requisites[-1].text)
            ):
                kind = "requisites"  # the requisites sentence wrapped by the page
            if kind == "status" and parts.status is None:
                parts.status = line
            elif kind in ("requisites", "title"):
                (parts.requisites if kind == "requisites" else parts.title).append(line)
            else:
                pieces.append((kind, line))
            last = kind
        _file_rest(unit, pieces, parts, other)
    return other


def _card_line(unit: _Unit, pending: str, lang: str, parts: Parts) -> str:
    """File ``unit`` as a line of a mirror's card when it is one (a labelled field,
    or the value of the ``pending`` field whose label stood alone): its field and
    value into ``parts.card``, the unit as a note. Returns the field whose value
    is on the next line, ``"="`` for a line filed, ``""`` for no card line."""
    text = _text(unit)
    if len(text) > 200:
        return ""
    found = field_of(text, lang)
    if found is None and pending not in ("", "=") and value_of(pending, text, lang):
        found = (pending, text)  # the value of a label that stood alone
    elif found is None:
        return ""
    parts.notes.append(Part("note", join_lines(unit)))
    name, value = found
    if value:
        parts.card.append((name, value))
    return "=" if value else name


def _file_rest(
    unit: _Unit, pieces: list[tuple[str, Line]], parts: Parts, other: list[_Unit]
) -> None:
    """File a unit's notes and unread lines: a whole unread unit as itself."""
    if pieces and len(pieces) == len(unit) and all(k == "other" for k, _ln in pieces):
        other.append(unit)
        return
    for kind, line in pieces:
        if kind == "other":
            other.append([line])
        elif parts.notes and any(parts.notes[-1].para.lines[-1] is ln for ln in unit):
            note = parts.notes[-1]
            parts.notes[-1] = Part("note", join_lines([*note.para.lines, line]))
        else:
            parts.notes.append(Part("note", join_lines([line])))


def _start(units: Sequence[_Unit], lang: str) -> tuple[int | None, int]:
    """(index of the unit holding the enacting formula or ``None``, index where the
    decision starts): the formula's unit, else the first numbered point, else the
    end; an annex approval line before any point opens the decision too (a page
    that prints only an annex). A formula after the first point is not the act's."""
    first_point = next(
        (k for k, u in enumerate(units) if _numbered(u[0].text) or _is_annex_line(_text(u), lang)),
        len(units),
    )
    formula = next((k for k, u in enumerate(units[:first_point]) if _opens(units, k, lang)), None)
    return formula, (formula if formula is not None else first_point)


def _opens(units: Sequence[_Unit], k: int, lang: str) -> bool:
    """Whether unit ``k`` holds the enacting formula: one ended by its colon, or one
    that ends the unit right before the first numbered point."""
    found = formula_at(_text(units[k]), lang)
    if found is None:
        return False
    return found.closed or (k + 1 < len(units) and _numbered(units[k + 1][0].text))


def cut_flat(lines: Sequence[Line], lang: str) -> Parts:
    """Cut unindented ``lines`` into :class:`Parts` by what they say (see the module
    docstring). Never raises on odd input (any part may be empty)."""
    parts = Parts()
    units = _units(lines, lang)
    formula, start = _start(units, lang)
    other = _front(units[:start], lang, parts)
    preamble: list[_Unit] = []
    while formula is not None and other and other[-1] is units[start - 1 - len(preamble)]:
        if _SENTENCE_END.search(other[-1][-1].text):
            break
        preamble.insert(0, other.pop())  # a preamble line running on into the formula
    if formula is None and start < len(units):  # the unread lines just before the first point
        while other and other[-1][0].no > max(
            [ln.no for ln in parts.requisites + parts.title] or [0]
        ):
            preamble.insert(0, other.pop())
    for unit in other:
        parts.notes.append(Part("note", join_lines(unit)))
    parts.notes.sort(key=lambda p: p.para.lines[0].no)  # in source order
    annexes = _annex_starts(units, start, lang)
    end = annexes[0] if annexes else len(units)
    decision = [join_lines(u) for u in (*preamble, *units[start:end])]
    split_decision(decision, lang, parts)
    for a, first in enumerate(annexes):
        stop = annexes[a + 1] if a + 1 < len(annexes) else len(units)
        parts.annexes.append(_annex(units[first:stop], lang))
    return parts


def _cells(text: str) -> str:
    """The text of a line of table cells, the cell bars left out."""
    return " ".join(c.strip() for c in text.split("|") if c.strip())


def _is_annex_line(text: str, lang: str) -> bool:
    """Whether a line (its cells) closes or opens an annex approval block."""
    cells = _cells(text)
    if not cells or len(cells) > 300 or _numbered(cells) or cells.endswith((";", ":")):
        return False
    return has(lang, "ANNEX_LINE", cells) and not has(lang, "ANNEX_NOT", cells)


def _annex_starts(units: Sequence[_Unit], start: int, lang: str) -> list[int]:
    """Where each annex opens after the decision's start: an approval line, with the
    lines of cells before it that belong to the block ("Әкімдіктің | |", "2014 жылғы
    2 қыркүйектегі | |", "№ 432 қаулысына қосымша |"); a second approval line right
    after the first belongs to the same annex."""
    starts: list[int] = []
    k = start + 1 if start < len(units) and not _is_annex_line(_text(units[start]), lang) else start
    while k < len(units):
        text = _text(units[k])
        if not _is_annex_line(text, lang):
            k += 1
            continue
        first = k
        while (
            first - 1 > start
            and first - 1 > (starts[-1] if starts else -1)
            and _text(units[first - 1]).endswith("|")
            and not L.is_signature_like(_cells(_text(units[first - 1])), lang)
            and not _numbered(_text(units[first - 1]))
        ):
            first -= 1
        if not starts or first > _last_header(units, starts[-1], lang):
            starts.append(first)
        k += 1
    return starts


def _last_header(units: Sequence[_Unit], first: int, lang: str) -> int:
    """The last unit of the approval block that opens at ``first``."""
    k = first
    while k + 1 < len(units) and (
        _is_annex_line(_text(units[k + 1]), lang) or has(lang, "ANNEX_ALONE", _text(units[k]))
    ):
        k += 1
    return k


def _annex(units: Sequence[_Unit], lang: str) -> AnnexParts:
    """One annex: its approval block, the title line after it, its content (a
    chapter line is a heading, every other paragraph a part of its own)."""
    end = _last_header(units, 0, lang)
    while end + 1 < len(units) and not _is_annex_line(_text(units[end]), lang):
        end += 1  # the block's lines of cells up to its approval line
    approval = [ln for u in units[: end + 1] for ln in u]
    rest = units[end + 1 :]
    title: list[Line] = []
    if rest and "|" not in rest[0][0].text and not _numbered(rest[0][0].text):
        title, rest = list(rest[0]), rest[1:]
    content: list[Part] = []
    for u in rest:
        para = join_lines(u)
        if L.chapter_num(para.text, lang):
            content.append(Part("heading", para, level="chapter"))
        else:
            content.append(classify(para, lang))
    return AnnexParts(approval, title, content)


def refine_front(parts: Parts, lang: str) -> Parts:
    """``parts`` cut by the export's layout whose front named no requisites, its
    title lines read again by what they say (a title and the requisites on one
    line, the requisites before the title, a glued status label): ``parts`` itself,
    changed in place, when nothing is found."""
    if parts.requisites or not parts.title:
        return parts
    found = Parts()
    other = _front(_units(parts.title, lang), lang, found)
    if not found.requisites:
        return parts
    parts.title = found.title
    parts.requisites = found.requisites
    parts.status = parts.status or found.status
    parts.notes = [*found.notes, *(Part("note", join_lines(u)) for u in other), *parts.notes]
    return parts
