"""Lines -> the parts of a decision: header, notes, preamble, body, conclusions, annexes.

The export keeps the printed layout (DOMAIN.md 2, 4): paragraphs open with an
indent, wrapped lines start at the margin, page breaks leave blank lines in the
middle of sentences. The header (title, status, requisites) and annex headers
(approval block, title) are the only places where blank lines separate blocks;
elsewhere a block ends only where the next one visibly begins (an indented
line, a heading, a ruled table, an annex). Every non-blank line lands in
exactly one block, which is what keeps the parse lossless.

Two steps of :func:`lexversion.parse.parse`: :func:`cut` reads the layout as
printed; :func:`repair` then repairs the export artifacts (DOMAIN.md 4.1-4.2)
of each part as cut, since a repair works within one paragraph or layout
block. :func:`split` runs both (``lexversion normalize`` shows its result).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from lexversion.model import Repair, RepairKind
from lexversion.parse import layout as L
from lexversion.parse.opening import cut_flat, is_flat, refine_front
from lexversion.parse.parts import INDENT, AnnexParts, Part, Parts
from lexversion.parse.parts import classify as _classify
from lexversion.parse.parts import split_decision as _split_decision
from lexversion.text import repair as R
from lexversion.text.lines import Line, Paragraph, join_lines

__all__ = ["INDENT", "AnnexParts", "Part", "Parts", "cut", "is_annex_start", "repair", "split"]


def _next_nonblank(lines: Sequence[Line], i: int) -> int:
    while i < len(lines) and lines[i].blank:
        i += 1
    return i


def is_annex_start(lines: Sequence[Line], i: int, lang: str) -> bool:
    """Does an annex approval block open at line ``i``? (DOMAIN.md 2.8)

    The line starts at the margin, reads like an opener ("... мәслихатының",
    "Приложение", "Утвержден решением"), and follows a blank line, an indented
    line or a finished sentence; a Kazakh opener also needs a closer
    ("қосымша", "бекітілген", "шешіміне") within the next eight lines.
    """
    line = lines[i]
    if not line.text or line.indent >= INDENT:  # blank or indented
        return False
    prev = lines[i - 1] if i > 0 else None  # the line above, unless a blank line parts them
    if (
        prev is not None
        and prev.text
        and prev.indent < INDENT
        and not (prev.text.endswith((".", ";", ":")) or L.is_rule(prev))
    ):
        return False  # a line running on from the one above (checked first: cheap)
    if not L.is_annex_opener(line.text, lang):
        return False
    if lang == "ru":
        return True
    window = [ln for ln in lines[i : i + 9] if not ln.blank]
    return any(L.is_annex_closer(ln.text, lang) for ln in window)


def _paragraphs(lines: Sequence[Line], lang: str) -> list[Paragraph]:
    """Group lines into paragraphs: an indented line (or an approval-list
    marker) opens one; lines at the margin and page breaks continue it."""
    groups: list[list[Line]] = []
    after_marker = False  # the previous line was an approval-list marker
    for ln in lines:
        if ln.blank:
            continue
        marker = bool(L.matches(lang, "APPROVAL_LIST", ln.text))
        opens = ln.indent >= INDENT or not groups or marker or after_marker
        after_marker = marker
        if opens:
            groups.append([ln])
        else:
            groups[-1].append(ln)
    return [join_lines(g) for g in groups]


def split(lines: Sequence[Line], lang: str) -> Parts:
    """``lines`` cut into :class:`Parts` and repaired: :func:`cut`, then :func:`repair`,
    the two steps :func:`lexversion.parse.parse` runs. Never raises on odd input."""
    return repair(cut(lines, lang), lines, lang)


def cut(lines: Sequence[Line], lang: str) -> Parts:
    """Cut ``lines`` into :class:`Parts` as printed (no repair yet, ``repairs``
    and ``warnings`` empty); never raises on odd input (a part may be empty).

    Text with no paragraph indentation at all (a web page's) is cut by what its
    lines say (:func:`lexversion.parse.opening.cut_flat`); the export's layout
    below."""
    if is_flat(lines):
        return cut_flat(lines, lang)
    parts = Parts()
    n = len(lines)
    i = _next_nonblank(lines, 0)
    # 1. title: the first group of lines at the margin (none when the text opens
    # with an indented paragraph: a page that prints notes or the body first)
    while i < n and lines[i].indent < INDENT and not lines[i].blank:
        parts.title.append(lines[i])
        i += 1
    i = _next_nonblank(lines, i)
    # 2. status label
    if i < n and lines[i].indent < INDENT and L.status_of(lines[i].text, lang):
        parts.status = lines[i]
        i = _next_nonblank(lines, i + 1)
    # 3. requisites: lines at the margin up to the first indented line
    while i < n and (lines[i].blank or lines[i].indent < INDENT):
        if is_annex_start(lines, i, lang) and parts.requisites:
            break
        if not lines[i].blank:
            parts.requisites.append(lines[i])
        i += 1
    # 4. editorial notes before the preamble (with a printed extract, if announced)
    while i < n:
        j = _next_nonblank(lines, i)
        if (
            j >= n
            or lines[j].indent < INDENT
            or not L.matches(lang, "NOTE_MARKERS", lines[j].text[:40])
        ):
            i = j
            break
        k = j + 1
        while (
            k < n
            and (lines[k].blank or lines[k].indent < INDENT)
            and not is_annex_start(lines, k, lang)
        ):
            k += 1
        note = join_lines(lines[j:k])
        part = Part("note", note)
        if L.matches(lang, "EXTRACT_MARKERS", note.text[-40:]):
            end = next((m for m in range(k, n) if L.is_rule(lines[m])), None)
            if end is not None:
                part.extract = [join_lines([ln]) for ln in lines[k : end + 1] if not ln.blank]
                k = end + 1
        parts.notes.append(part)
        i = k
    # 5. the decision itself runs to the first annex
    starts: list[int] = []
    for k in range(i, n):
        if not is_annex_start(lines, k, lang):
            continue
        # a second approval block right after the first ("Приложение к решению ...
        # Утверждены решением ...") belongs to the same annex header
        if starts and not any(
            ln.indent >= INDENT or L.chapter_num(ln.text, lang) for ln in lines[starts[-1] : k]
        ):
            continue
        starts.append(k)
    end = starts[0] if starts else n
    decision = _paragraphs(lines[i:end], lang)
    _split_decision(decision, lang, parts)
    refine_front(parts, lang)
    # 6. annexes
    for a, start in enumerate(starts):
        stop = starts[a + 1] if a + 1 < len(starts) else n
        parts.annexes.append(_annex(lines[start:stop], lang))
    return parts


def repair(parts: Parts, lines: Sequence[Line], lang: str) -> Parts:
    """``parts`` with the export artifacts of every paragraph and line repaired
    (DOMAIN.md 4.1-4.2, :mod:`lexversion.text.repair`), ``repairs`` listing
    each repair and doubt in part order, ``warnings`` one line per doubt.

    Runs on the parts as :func:`cut` made them: a paragraph is repaired as a
    whole (a displaced fragment goes back to a gap of its own paragraph), a
    layout block line by line; the cut itself reads the text as printed.
    ``lines`` (all of them) teach the dictionary the document's own words.
    ``parts`` is left as it was. Never raises.
    """
    words = R.vocabulary(lang).with_lines(lines)
    log: list[Repair] = []

    def para(p: Paragraph) -> Paragraph:
        q, found = R.repair(p, lang, words)
        log.extend(found)
        return q

    def block(ls: list[Line]) -> list[Line]:
        new, found = R.repair_lines(ls, lang, words)
        log.extend(found)
        return list(new)

    def part(x: Part) -> Part:
        if x.kind == "layout":
            new, found = R.repair_layout(x.lines, lang, x.name, words)
            log.extend(found)
            extract = [para(e) for e in x.extract]
            return replace(x, lines=list(new), para=join_lines(new), extract=extract)
        repaired = para(x.para)
        if not x.extract and repaired is x.para:  # most parts: nothing to repair
            return x
        return replace(x, para=repaired, extract=[para(e) for e in x.extract])

    title = block(parts.title)
    requisites = block(parts.requisites)
    notes = [part(x) for x in parts.notes]
    preamble = [para(p) for p in parts.preamble]
    body = [part(x) for x in parts.body]
    conclusions = [para(p) for p in parts.conclusions]
    annexes: list[AnnexParts] = []
    for annex in parts.annexes:
        approval = block(annex.approval)
        annex_title = block(annex.title)
        annexes.append(AnnexParts(approval, annex_title, [part(x) for x in annex.content]))
    warnings = [str(r) for r in log if not r.applied]
    if any(r.kind == RepairKind.SPLIT_WORD for r in log) and (
        missing := words.dictionary_missing()
    ):
        warnings.append(missing)
    return replace(
        parts,
        title=title,
        requisites=requisites,
        notes=notes,
        preamble=preamble,
        body=body,
        conclusions=conclusions,
        annexes=annexes,
        repairs=log,
        warnings=warnings,
    )


def _annex(lines: Sequence[Line], lang: str) -> AnnexParts:
    n = len(lines)
    k = 0
    while k < n:
        ln = lines[k]
        if not ln.blank and (
            ln.indent >= INDENT
            or L.chapter_num(ln.text, lang)
            or L.is_rule(ln)
            or (k > 0 and L.is_label_row(ln.text))
        ):
            break
        k += 1
    header = lines[:k]
    groups: list[list[Line]] = [[]]
    for ln in header:
        if ln.blank:
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(ln)
    groups = [g for g in groups if g]
    if len(groups) >= 2:
        approval = [ln for g in groups[:-1] for ln in g]
        title = groups[-1]
    else:
        flat = groups[0] if groups else []
        last = max((m for m, ln in enumerate(flat) if L.is_annex_closer(ln.text, lang)), default=-1)
        approval, title = flat[: last + 1], flat[last + 1 :]
    return AnnexParts(approval, title, _annex_content(lines[k:], lang))


def _annex_content(lines: Sequence[Line], lang: str) -> list[Part]:
    """Cut annex lines into headings, paragraphs, notes and fixed-width layout."""
    out: list[Part] = []
    n = len(lines)
    k = 0
    current: list[Line] = []
    current_kind = "p"
    current_level = ""

    def flush() -> None:
        nonlocal current, current_kind, current_level
        if current:
            para = join_lines(current)
            if current_kind == "p":
                out.append(_classify(para, lang))
            else:
                out.append(Part(current_kind, para, level=current_level))
        current, current_kind, current_level = [], "p", ""

    while k < n:
        ln = lines[k]
        text, indent = ln.text, ln.indent
        if not text:  # a blank line
            k += 1
            continue
        if indent < INDENT and L.chapter_num(text, lang):
            flush()
            out.append(Part("heading", join_lines([ln]), level="chapter"))
            k += 1
            continue
        if INDENT <= indent < 6 and (num := L.NUMBERED.match(text)):
            flush()
            current = [ln]
            current_kind = "heading"
            current_level = "subsection" if num.group("num").count(".") > 1 else "section"
            k += 1
            # a wrapped heading continues at the margin
            while (
                k < n
                and not lines[k].blank
                and lines[k].indent < INDENT
                and not L.is_tabular(lines[k])
            ):
                current.append(lines[k])
                k += 1
            flush()
            continue
        if indent >= 8 or L.is_rule(ln) or (indent < INDENT and L.is_label_row(text)):
            flush()
            k = _layout(lines, k, out)
            continue
        if indent >= INDENT:
            flush()
            current = [ln]
        elif current:
            current.append(ln)
        else:
            current = [ln]
        k += 1
    flush()
    return out


def _layout(lines: Sequence[Line], k: int, out: list[Part]) -> int:
    """Consume a fixed-width block from ``k``; return the index after it.

    A ruled table runs to its closing rule (or to the end of the annex); an
    unruled block (a two-column passport) runs to the next numbered heading or
    ordinary indented paragraph.
    """
    n = len(lines)
    start = k
    ruled = L.is_rule(lines[k])
    rules = 0
    block: list[Line] = []
    while k < n:
        ln = lines[k]
        if ruled:
            if L.is_rule(ln):
                rules += 1
            block.append(ln)
            k += 1
            # header rule, rule under the column heads, closing rule
            if rules >= 3:
                break
            continue
        if not ln.blank and INDENT <= ln.indent < 8 and k > start:
            break
        block.append(ln)
        k += 1
    kept = [ln for ln in block if not ln.blank]
    name = "table" if ruled else "passport"
    if len(kept) == 1 and L.is_rule(kept[0]):
        name = "rule"
    out.append(Part("layout", join_lines(kept), lines=kept, name=name))
    return k
