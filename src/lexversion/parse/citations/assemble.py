"""Pieces of a scan assembled into act references (DOMAIN.md 3 and 5).

The pieces are assembled around each date in the word order of the language:
Russian names the act type and issuer before the date ("решение маслихата ... от
..."), Kazakh names the issuer before the date and the act type after the number
("... мәслихатының 2017 жылғы ... № 26-129 шешімі"); the Government is often named
after the number. A law is often cited by date and title only ("Қазақстан
Республикасының 2001 жылғы 23 қаңтардағы "..." Заңы").

Export artifacts (DOMAIN.md 4.1) may move one word inside a reference ("№
решение 152", "от 12 решение октября"); such references are accepted and the
moved word reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from lexversion.lang import citing, fold_text, vocab
from lexversion.model import ActRef
from lexversion.parse.citations.clauses import BisectClauses, Clauses
from lexversion.parse.citations.issuers import issuer_name
from lexversion.parse.citations.pipelines import norm_ids
from lexversion.parse.citations.scan import PREFILTER, Piece, Scan, Scanner, forget, scan
from lexversion.parse.citations.titles import PLAIN, decorate, quote_pairs
from lexversion.parse.citations.words import tokens

#: what may stand between a date and its "№": "года", "г.", "жылғы" (kk dotted dates)
_DATE_TO_NUMBER = re.compile(
    rf"\s*(?:(?:{'|'.join((*citing('ru').AFTER_DATE, *citing('kk').AFTER_DATE))})\s*)?$",
    re.IGNORECASE,
)

#: the act types each kind of body issues; the first is its usual one
BODY_ACT_TYPES: dict[str, tuple[str, ...]] = {
    "maslikhat": ("decision",),
    "akimat": ("resolution", "decision"),
    "government": ("resolution", "decree"),
    "ministry": ("order",),
}
#: act types whose issuer is the Republic (Parliament, the people by referendum)
NATIONAL = {"law", "code", "constitution"}


@dataclass(frozen=True, slots=True)
class Found:
    """A reference to an act in a paragraph.

    ``start``/``end``: the reference proper, from the issuer (when named before
    the date) or the act-type word (Russian, number-less laws) to the number (or
    date); ``act``: what it names (``number`` ``None`` for a law cited by date
    and title); ``moved``: a word the export moved into it; ``kind``:
    ``citation``, or ``registration`` for a registration statement ("...
    Әділет департаментінде ... № 4490 болып тіркелді"); ``title`` and
    ``title_span`` the quoted title next to it; ``pinpoint`` the cited provision
    as written ("6-бабының 2-тармағына", "статьей 26"); ``registration`` the
    cited act's number in the state register.
    """

    start: int
    end: int
    act: ActRef
    moved: str = ""
    kind: str = "citation"
    title: str | None = None
    title_span: tuple[int, int] | None = None
    pinpoint: str | None = None
    pinpoint_span: tuple[int, int] | None = None
    registration: str | None = None


def act_type_of(word: str, lang: str) -> str | None:
    """AKN subtype for an act-type word in any case form ("шешімімен" -> "decision");
    ``None`` for a word of no act type (``ACT_TYPES`` of ``lang/<code>``)."""
    w = fold_text(word.lower())
    for stem, subtype in sorted(vocab(lang).ACT_TYPES.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return str(subtype)
    return None


class _Paragraph(NamedTuple):
    """A paragraph being assembled: its text, language, scan, quote pairs, clauses
    and the single number a date may borrow (``loose``, empty without
    ``loose_number``)."""

    text: str
    lang: str
    sc: Scan
    pairs: list[tuple[int, int]]
    clauses: Clauses
    loose: list[str]


class _Window(NamedTuple):
    """Where the pieces of the reference around one date are looked for: the start of
    its clause, ``lo`` (that or the end of the reference before) and ``hi`` (the end of
    its clause or the next date), and ``end`` (its number's, else its date's)."""

    clause: int
    lo: int
    hi: int
    end: int


def _inside(pieces: Sequence[Piece], lo: int, hi: int) -> list[Piece]:
    """The pieces within offsets ``lo:hi``."""
    return [p for p in pieces if lo <= p.start and p.end <= hi]


def _act_type(acts: Sequence[Piece], lo: int, hi: int, *, last: bool) -> Piece | None:
    """The first (``last``: the last) act-type word within offsets ``lo:hi``."""
    inside = _inside(acts, lo, hi)
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def _number_of(p: _Paragraph, dm: Piece) -> tuple[str | None, int, str]:
    """(number, end, moved word) of the date ``dm``: the first "№ ..." that only
    "года"/"жылғы" separates from it, else the paragraph's single number (with
    ``loose_number``), else none (the reference ends with the date)."""
    text = p.text
    num = next(
        (
            n
            for n in p.sc.numbers
            if n.start >= dm.end and _DATE_TO_NUMBER.match(text[dm.end : n.start])
        ),
        None,
    )
    _when, displaced, _attributive = dm.value
    if num is not None:
        return num.value, num.end, displaced or num.extra
    if p.loose and len(p.loose) == 1:
        return p.loose[0], dm.end, displaced
    return None, dm.end, displaced


def _window(p: _Paragraph, i: int, end: int, done: Sequence[Found]) -> _Window:
    """The :class:`_Window` of the ``i``-th date, whose reference ends at ``end``,
    after the references ``done``."""
    dm = p.sc.dates[i]
    clause = p.clauses.start(dm.start)
    lo = max(clause, done[-1].end) if done else clause
    hi = p.clauses.end(end)
    if i + 1 < len(p.sc.dates):
        hi = min(hi, p.sc.dates[i + 1].start)
    return _Window(clause, lo, hi, end)


def _issuer(p: _Paragraph, dm: Piece, w: _Window) -> tuple[list[Piece], Piece | None]:
    """(issuers named before the date in its clause, the issuer): the nearest before
    the date, else the first right after the number (before an act-type word there,
    within 80 characters)."""
    before = _inside(p.sc.issuers, w.lo, dm.start)
    type_after = _act_type(p.sc.acts, w.end, w.hi, last=False)
    limit = min(w.hi, w.end + 80, type_after.start if type_after else w.hi)
    after = [s for s in p.sc.issuers if w.end <= s.start < limit]
    return before, before[-1] if before else (after[0] if after else None)


def _act_word(
    p: _Paragraph, dm: Piece, w: _Window, issuer: Piece | None, named_before: bool
) -> Piece | None:
    """The act-type word of a numbered reference: Russian the last before the issuer
    (named before) or date, else the first after the number; Kazakh the first after
    the number, else the last before the date."""
    acts = p.sc.acts
    if p.lang == "ru":
        stop = issuer.start if issuer and named_before else dm.start
        return _act_type(acts, w.lo, stop, last=True) or _act_type(acts, w.end, w.hi, last=False)
    return _act_type(acts, w.end, w.hi, last=False) or _act_type(acts, w.lo, dm.start, last=True)


def _numbered(
    p: _Paragraph,
    dm: Piece,
    w: _Window,
    number: str,
    moved: str,
    before: list[Piece],
    issuer: Piece | None,
) -> Found:
    """The reference of the date ``dm`` and its ``number``: act type from its word
    (else the moved word, else the issuer's usual one), issuer and region, body."""
    text, lang = p.text, p.lang
    word = _act_word(p, dm, w, issuer, bool(before))
    act_type = word.value if word else None
    if moved and act_type is None:
        act_type = act_type_of(moved, lang)
    body = None
    if issuer is not None:
        _region, body = issuer.value
        if act_type not in BODY_ACT_TYPES[body]:
            act_type = BODY_ACT_TYPES[body][0]
    elif act_type in NATIONAL:
        body = "parliament"
    start = min(dm.start, before[-1].start) if before else dm.start
    if (
        lang != "kk"
        and word is not None
        and word.end <= start
        and not text[word.end : start].strip()
    ):
        start = word.start  # Russian: "решение маслихата ... от ... № ..." from its act word
    registration = _is_registration(text, p.sc, w.lo, dm.start, w.end, lang)
    deco = PLAIN if registration else decorate(text, p.sc, p.pairs, lang, start, w.end, word)
    ref = ActRef(
        act_type=act_type,
        issuer=issuer_name(issuer.value[0], issuer.value[1], lang, issuer.extra)
        if issuer
        else None,
        region=issuer.value[0].code if issuer and issuer.value[0] else None,
        body=body,
        date=dm.value[0],
        number=number,
        title=deco.title,
    )
    kind = "registration" if registration else "citation"
    return Found(start, w.end, ref, moved, kind, *deco)


def _numberless_found(p: _Paragraph, dm: Piece, w: _Window, done: Sequence[Found]) -> Found | None:
    """The law, code or Constitution the date ``dm`` cites without a number, if any."""
    law = _numberless(p, dm, w.clause, done)
    if law is None:
        return None
    start, end, law_type = law
    deco = decorate(p.text, p.sc, p.pairs, p.lang, start, end)
    ref = ActRef(law_type, None, None, "parliament", dm.value[0], None, deco.title)
    return Found(start, end, ref, "", "citation", *deco)


def _assemble(p: _Paragraph) -> tuple[Found, ...]:
    """The references of the paragraph ``p``, date by date, in order."""
    out: list[Found] = []
    for i, dm in enumerate(p.sc.dates):
        number, end, moved = _number_of(p, dm)
        w = _window(p, i, end, out)
        if number is None:
            law = _numberless_found(p, dm, w, out)
            if law is not None:
                out.append(law)
            continue
        before, issuer = _issuer(p, dm, w)
        out.append(_numbered(p, dm, w, number, moved, before, issuer))
    return tuple(out)


def references(
    text: str,
    lang: str,
    loose_number: bool = False,
    *,
    scanner: Scanner = PREFILTER,
    clauses: type[Clauses] = BisectClauses,
) -> tuple[Found, ...]:
    """:func:`find` uncached, by the strategies ``scanner`` (which paragraphs are
    scanned) and ``clauses`` (how clause boundaries are found): the plain
    :class:`~lexversion.parse.citations.scan.Scanner` and
    :class:`~lexversion.parse.citations.clauses.Clauses` are the definitions the
    fast ones (the defaults) are tested against."""
    got = _references(text, lang, loose_number, scanner, clauses)
    return references(text, lang, False, scanner=scanner, clauses=clauses) if got is None else got


def _references(
    text: str, lang: str, loose_number: bool, scanner: Scanner, clauses: type[Clauses]
) -> tuple[Found, ...] | None:
    """:func:`references`, or ``None`` with ``loose_number`` when the paragraph has no
    single number to lend (its references are then those without the flag)."""
    if not scanner.worth(text) or not scanner.matched(tokens(text, lang)):
        return ()
    sc = scan(text, lang)
    if not sc.dates:
        return ()
    if loose_number and len({n.value for n in sc.numbers}) != 1:
        return None
    loose = sorted({n.value for n in sc.numbers}) if loose_number else []
    return _assemble(_Paragraph(text, lang, sc, quote_pairs(text), clauses(text), loose))


class _Find:
    """:func:`find` and its caches. ``find.cache_clear()`` empties every cache keyed
    by text or word: the references found, the scans they were assembled from and the
    words read (:func:`lexversion.parse.citations.scan.forget`);
    :func:`lexversion.parse.forget_texts` calls it. Pipelines and matchers stay."""

    __slots__ = ()

    def __call__(self, text: str, lang: str, *, loose_number: bool = False) -> tuple[Found, ...]:
        """Act references in ``text`` (one paragraph of clean text), in order.

        For each date followed by a number: the issuer is the nearest one named
        before the date in the same clause, else the first named right after the
        number (Government acts in Kazakh); the act type is the nearest act-type
        word before the issuer (Russian) or after the number (Kazakh), within the
        clause. A date without a number is a reference when it names a law, code or
        the Constitution: Kazakh "2001 жылғы 23 қаңтардағы ... Заңы" (an attributive
        date, the act word following in the clause), Russian "Закона ... от 6 апреля
        2016 года" ("от", the act word before in the clause). With ``loose_number``,
        a date whose number the export moved away takes the single "№ ..." found
        elsewhere in ``text`` (editorial notes). Results are cached by text
        (``find.cache_clear()`` forgets them).
        """
        return _find(text, lang, loose_number)

    @staticmethod
    def cache_clear() -> None:
        """Forget every text: the references found, the scans, the tokens and the
        words read from them."""
        _find.cache_clear()
        forget()


find = _Find()


@lru_cache(maxsize=8192)
def _find(text: str, lang: str, loose_number: bool) -> tuple[Found, ...]:
    """:func:`find`, cached by text and flag; the scan is shared by both flags."""
    got = _references(text, lang, loose_number, PREFILTER, BisectClauses)
    return _find(text, lang, False) if got is None else got


def _is_registration(text: str, sc: Scan, lo: int, start: int, end: int, lang: str) -> bool:
    """A registration statement: kk "... № 4490 болып тіркелді" (the verb right
    after the number), ru "Зарегистрировано ... 1 марта 2021 года № 1691" (the
    participle before the date, same sentence)."""
    v = vocab(lang)
    offsets, norms = sc.tokens.offsets, sc.tokens.norms
    if lang == "kk":
        first = bisect_left(offsets, end)  # the three tokens from offset ``end``
        return not norm_ids(lang, v.REGISTERED_AFTER).isdisjoint(norms[first : first + 3])
    sentence = max(lo, text.rfind(". ", 0, start) + 1)
    words = norms[bisect_left(offsets, sentence) : bisect_left(offsets, start)]
    return not norm_ids(lang, v.REGISTERED_BEFORE).isdisjoint(words)


def _kazakh_law(p: _Paragraph, dm: Piece) -> tuple[int, int, str] | None:
    """A Kazakh law cited by an attributive date and the act word after it in the
    clause ("Қазақстан Республикасының 2001 жылғы 23 қаңтардағы ... Заңы")."""
    text, sc = p.text, p.sc
    _, _, attributive = dm.value
    if not attributive:
        return None
    stop = min([*(n.start for n in sc.numbers if n.start > dm.end), len(text)])
    hi = min(p.clauses.end(dm.end), stop)
    word = _act_type(sc.acts, dm.end, hi, last=False)
    if word is None or word.value not in NATIONAL:
        return None
    start, end = dm.start, dm.end
    if not text[dm.end : word.start].strip() or _only_republic(p, dm.end, word.start):
        end = word.end
    rep = [r for r in sc.republic if r.end <= dm.start and not text[r.end : dm.start].strip()]
    if rep:
        start = rep[-1].start
    return start, end, word.value


def _russian_law(
    p: _Paragraph, dm: Piece, lo: int, done: Sequence[Found]
) -> tuple[int, int, str] | None:
    """A Russian law cited by "от" and a date after its act word in the clause from
    ``lo`` ("Закона ... от 6 апреля 2016 года")."""
    doc = p.sc.tokens.doc
    first = doc[dm.extra]
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is None or prev.lower_ != vocab(p.lang).DATE_PREPOSITION:
        return None
    word = _act_type(p.sc.acts, lo, dm.start, last=True)
    if word is None or word.value not in NATIONAL:
        return None
    if any(f.act.number and f.start >= word.start for f in done):
        return None  # the act word belongs to a numbered reference in between
    start = word.start if _only_republic(p, word.end, prev.idx) else prev.idx
    return start, dm.end, word.value


def _numberless(
    p: _Paragraph, dm: Piece, lo: int, done: Sequence[Found]
) -> tuple[int, int, str] | None:
    """(start, end, act type) of a law, code or the Constitution cited by the date
    ``dm`` (and title) without a number, in the clause from ``lo``."""
    if p.lang == "kk":
        return _kazakh_law(p, dm)
    return _russian_law(p, dm, lo, done)


def _only_republic(p: _Paragraph, s: int, e: int) -> bool:
    """Only the Republic's name ("Қазақстан Республикасы", "Республики Казахстан")
    stands between offsets ``s`` and ``e``."""
    text = p.text
    rest = text[s:e]
    for r in p.sc.republic:
        if s <= r.start and r.end <= e:
            rest = text[s : r.start] + text[r.end : e]
    words = [w for w in re.split(r"\s+", fold_text(rest).lower()) if w]
    return all(w.startswith(citing(p.lang).REPUBLIC_PREFIXES) for w in words)


__all__ = ["BODY_ACT_TYPES", "NATIONAL", "Found", "act_type_of", "find", "references"]
