"""Displaced link text (DOMAIN.md 4.1): finding it and moving it back.

Hyperlinked words were taken out of their printed line and appended to its end,
leaving a double space, a space before punctuation (" ," " ;" " )"), an empty
pair of quotes (``" "``) or a line opening with a single space, a comma or a
closing quote where they belong (:func:`_gaps`); when the line had no trailing
space they stick to its last character ("бекітілсін.қосымшасына", "(решением",
"РеспубликасыныңЖолдауымен", :func:`_glue_split`). :func:`displace` moves each
appended fragment back into its gap. A fragment must look like link text
(:class:`_Lex`): an act or annex word, a pinpoint with its number, a number after
"№"/"N", or a quoted title of a law (titles end with "туралы" in Kazakh and open
with "О"/"Об" in Russian). Every consistent reading of a line is a plan
(:func:`_plans`); where two readings fit the evidence equally, the line is left
as printed and a ``doubt`` is recorded instead: a wrong move is worse than none.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from lexversion.lang import fold_text, vocab
from lexversion.model import Repair, RepairKind
from lexversion.text.lines import Line
from lexversion.text.repair.spacing import CLOSERS
from lexversion.text.repair.tokens import Tok, split_token
from lexversion.text.repair.vocabulary import Vocabulary, artifacts, key

_NUM = re.compile(r"\(?\d+(?:[-/.,]\d+)*(?:-[IVXLCІХ]+)?[.)]?|[IVXLCІХ]+|\d+-[а-яәғқңөұүһі]{1,3}")
_SIGN = frozenset({"№", "N"})
_SIGNED = re.compile(r"№\s?\d\S*")
#: a line ending in a number and a hyphen ("18-"), whose link text the next line holds
_ENDS_NUMBER_HYPHEN = re.compile(r"\d-$")
#: a day glued to link text ("2386-бабын"): three digits or more
_THREE_DIGITS = re.compile(r"\d{3,}")
#: how a number (:data:`_NUM`) opens when not with a digit
_NUM_OPENS = "(IVXLCІХ"
_OPENING = frozenset('"(«')
# where a strong glue splits a token (before the match's end): after closing
# punctuation before a word ("бекітілсін.қосымшасына", "сәйкес,бұйрығына",
# ";шешімінің", ")84"), or at a lower/upper case change inside a word
# ("РеспубликасыныңЖолдауымен", before the capital matched). Each opens with
# the one character it is told by, which the search skips to.
_GLUE_PUNCT = re.compile(r"[.,;:)](?:(?<=[^\W\d]{2}.)|(?<=^.)|(?<=\)))(?=[^\W_]{2,}[-\w]*$)")
_GLUE_CASE = re.compile(r"[А-ЯӘҒҚҢӨҰҮҺІ](?<=[а-яәғқңөұүһі].)(?=[а-яәғқңөұүһі]{2,}$)")
_QUOTE_WORD = re.compile(r'^"(?=\w)')


class _Gap(NamedTuple):
    """Where a fragment belongs: before ``toks[pos]``; ``kind`` and its strength.

    An immutable ``NamedTuple`` rather than a frozen dataclass, as
    :class:`~lexversion.text.lines.Line` is: a line's gaps are made for every
    line the passes see, and a tuple is made in a third of the time."""

    pos: int
    kind: str  # double | punct | quote | start | start_punct | start_quote

    @property
    def strength(self) -> int:
        """How strongly the gap shows displaced text: 3 a space before punctuation
        or empty quotes, 2 a double space or a line-start gap, else 1."""
        return _STRENGTH.get(self.kind, 1)


_STRENGTH = {"punct": 3, "quote": 3, "double": 2, "start": 2, "start_punct": 2}


def _gaps(toks: Sequence[Tok], first: bool) -> list[_Gap]:
    out: list[_Gap] = []
    if not first and toks:
        t = toks[0].text
        if toks[0].space == 1:
            out.append(_Gap(0, "start"))
        elif t[0] in ",;:.)" and not t[:2].startswith(("..", ". .")):
            out.append(_Gap(0, "start_punct"))
        elif t[0] == '"' and (len(t) == 1 or t[1] in CLOSERS):
            out.append(_Gap(0, "start_quote"))
    for k in range(1, len(toks)):
        t, prev = toks[k].text, toks[k - 1].text
        if toks[k].glue:
            continue
        if t[0] in ",;:.)" and not (
            t[0] in ",." and len(t) > 1 and t[1].isdigit() and prev[-1].isdigit()
        ):
            out.append(_Gap(k, "punct"))
        elif prev == '"' and t[0] == '"':
            out.append(_Gap(k, "quote"))
        elif toks[k].space >= 2:
            out.append(_Gap(k, "double"))
    return out


class _Lex:
    """Token classes of one language (act word, pinpoint, number, sign, title words)."""

    def __init__(self, lang: str) -> None:
        a = artifacts(lang)
        self.act = re.compile(a.LINK_ACTS, re.IGNORECASE)
        self.pin = re.compile(a.LINK_PINPOINTS, re.IGNORECASE)
        self.pin_num = re.compile(r"\d+(?:-\d+)*-(?:" + a.LINK_PINPOINTS + ")", re.IGNORECASE)
        self.title_last = re.compile(a.TITLE_LAST_WORD, re.IGNORECASE)
        self.title_first = re.compile(a.TITLE_FIRST_WORD, re.IGNORECASE)
        self.year = re.compile(a.YEAR_MARKER, re.IGNORECASE)
        self.num_first: bool = a.NUMBER_BEFORE_PINPOINT
        self.months = tuple(vocab(lang).MONTHS)
        #: the class patterns a fragment of link text ends with (:func:`_chunk`)
        self.fragments = ("A", "Q", "SN", "M", *(("NP", "P") if self.num_first else ("PN",)))
        self._lengths: dict[str, tuple[int, ...]] = {}

    def lengths(self, classes: str) -> tuple[int, ...]:
        """The lengths of the :attr:`fragments` patterns ``classes`` (those of the
        last two tokens before a fragment's end) ends with; kept by ``classes``."""
        got = self._lengths.get(classes)
        if got is None:
            got = self._lengths[classes] = tuple(
                len(p) for p in self.fragments if classes.endswith(p)
            )
        return got

    def cls(self, tok: Tok) -> str:
        """``A`` act word, ``P`` pinpoint, ``Q`` pinpoint with number, ``N`` number,
        ``S`` number sign, ``M`` sign glued to a number, ``C`` capitalised word, ``w``."""
        t = tok.text
        if t in _SIGN:
            return "S"
        c = t[0]  # each pattern below but the last three opens with one kind of character
        if c == "№" and _SIGNED.fullmatch(t):
            return "M"
        if (c.isdecimal() or c in _NUM_OPENS) and _NUM.fullmatch(t):
            return "N"
        k = fold_text(t).strip("\"'«»(").lower()
        if k[:1].isdecimal() and self.pin_num.fullmatch(k):
            return "Q"
        if self.act.fullmatch(k):
            return "A"
        if self.pin.fullmatch(k):
            return "P"
        if t[0].isupper() and t[1:].islower() and t.isalpha():
            return "C"
        return "w"

    def is_title_last(self, tok: Tok) -> bool:
        """Whether ``tok`` ends a title of a law ("туралы", DOMAIN.md 4.1)."""
        return bool(self.title_last.fullmatch(key(tok.text)))

    def is_title_first(self, tok: Tok) -> bool:
        """Whether ``tok`` opens a title of a law (capitalised "О"/"Об", DOMAIN.md 4.1)."""
        return bool(self.title_first.fullmatch(key(tok.text))) and tok.text.strip('"')[0].isupper()

    def is_month(self, word: str | None) -> bool:
        """Whether ``word`` (``None``: no word) is a month name of the language."""
        return word is not None and key(word).startswith(self.months)


@cache
def lex_of(lang: str) -> _Lex:
    """The token classes of ``lang`` ("kk" or "ru"), built once; ``ModuleNotFoundError``
    for another language (its artifacts module is missing)."""
    return _Lex(lang)


class Context(NamedTuple):
    """What a line's repair may look at beyond the line: the line before (as
    repaired) and the first word of the line after, in the same paragraph.

    An immutable ``NamedTuple`` (made for every suspect line; see :class:`_Gap`)."""

    first: bool
    prev_last: str | None
    next_first: str | None
    words: Vocabulary


class _Plan(NamedTuple):
    """A reading of a line: for each gap, the token range ``(start, end)`` of its
    fragment, last gap first, and the strength of the evidence it explains."""

    fills: tuple[tuple[_Gap, int, int], ...]
    score: int


def _lower_bound(gap: _Gap) -> int:
    """First index a fragment may start at: after the gap (after the closing quote
    of an empty pair of quotes)."""
    return gap.pos + 1 if gap.kind == "quote" else gap.pos


class _Classes:
    """The classes (:meth:`_Lex.cls`) of a line's tokens, each worked out when
    first asked: a fragment is told by the last two tokens before where it ends."""

    __slots__ = ("_got", "_lex", "_toks")

    def __init__(self, toks: Sequence[Tok], lex: _Lex) -> None:
        self._toks = toks
        self._lex = lex
        self._got = [""] * len(toks)

    def __getitem__(self, i: int) -> str:
        c = self._got[i]
        if not c:
            c = self._got[i] = self._lex.cls(self._toks[i])
        return c

    def before(self, end: int) -> str:
        """The classes of the (at most) two tokens before ``toks[end]``."""
        if end >= 2:
            return self[end - 2] + self[end - 1]
        return self[0] if end == 1 else ""


def _chunk(
    toks: Sequence[Tok], end: int, lex: _Lex, gap: _Gap, ctx: Context, every: _Classes
) -> list[int]:
    """Starts ``s`` such that ``toks[s:end]`` reads as link text for ``gap``
    (an act word, a pinpoint and its number, a signed number), longest first.
    ``every``: the classes of the tokens (no pattern is longer than two)."""
    classes = every.before(end)
    starts = {end - n for n in lex.lengths(classes)}
    prev = ctx.prev_last or ""
    if (
        gap.kind == "start"
        and classes.endswith("N")
        and (prev in _SIGN or _ENDS_NUMBER_HYPHEN.search(prev))
    ):
        starts.add(end - 1)  # the number of a "№"/"18-" that ends the line before
    if (
        gap.kind == "punct"
        and not starts
        and end == len(toks) >= 2
        and every[end - 1] in "wC"
        and toks[end - 1].text.isalpha()
        and ctx.next_first is not None
    ):
        # an ordinary word may fill a space before punctuation when both of its
        # new neighbourhoods are attested ("в , определяемом порядке")
        w = toks[end - 1].text
        if ctx.words.pair(toks[gap.pos - 1].text, w) and ctx.words.pair(
            toks[end - 2].text, ctx.next_first
        ):
            starts.add(end - 1)
    if gap.kind in ("double", "punct"):
        # a title's opening words glued to their quote, whose closing quote waits
        # after the gap ('Республикасының   көші-қоны туралы" Заңының "Халықтың')
        for q in range(end - 1, gap.pos, -1):  # the last word opening with a quote
            t = toks[q].text
            if t[0] == '"' and _QUOTE_WORD.match(t):
                if _closes_after(toks, gap.pos, q, '"'):
                    starts.add(q)
                break
    return sorted(_extend_cap(toks, s, every, ctx) if s == end - 1 else s for s in starts if s >= 0)


def _extend_cap(toks: Sequence[Tok], s: int, classes: _Classes, ctx: Context) -> int:
    """Take a capitalised word before a final act word into the fragment
    ("Әлеуметтік кодексіне") when the word before it reads on into the next line
    and the capitalised word does not (DOMAIN.md 4.1, seed 002 line 73).
    ``classes``: those of the tokens (:meth:`_Lex.cls`)."""
    if s < 2 or s != len(toks) - 1 or ctx.next_first is None:
        return s
    if classes[s] != "A" or classes[s - 1] != "C":
        return s
    w = ctx.words
    if w.pair(toks[s - 2].text, ctx.next_first) and not w.pair(toks[s - 1].text, ctx.next_first):
        return s - 1
    return s


def _title_part(toks: Sequence[Tok], lo: int, end: int, lex: _Lex, gap: _Gap) -> int | None:
    """Start of the quoted-title fragment ``toks[s:end]``: in Kazakh the words after
    the previous "туралы" up to a closing "туралы"; in Russian from the last
    "О"/"Об" (for an empty pair of quotes) or the lower-case words that end a
    title (for a line opening with its closing quote)."""
    if end <= lo:
        return None
    if lex.title_last.pattern != "(?!)":
        if not lex.is_title_last(toks[end - 1]):
            return None
        s = end - 1
        while s > lo and not lex.is_title_last(toks[s - 1]):
            s -= 1
        return s
    if gap.kind == "quote":
        return next((s for s in range(end - 1, lo - 1, -1) if lex.is_title_first(toks[s])), None)
    s = end
    while s > lo and toks[s - 1].text.isalpha() and toks[s - 1].text.islower():
        s -= 1
    return s if s < end else None


def _plans(toks: list[Tok], gaps: list[_Gap], lex: _Lex, ctx: Context) -> list[_Plan]:
    """Every consistent reading of the line: fragments peeled off its end, one per
    chosen gap, the last gap first; all fragments lie after the last chosen gap.
    (The fragment a gap takes depends on where the fragment must end, and a
    title's also on the lowest start: each is worked out once.)"""
    out: list[_Plan] = []
    classes = _Classes(toks, lex)
    chunks: dict[tuple[int, int], list[int]] = {}
    titles: dict[tuple[int, int, int], int | None] = {}
    for r in range(len(gaps), 0, -1):
        for chosen in itertools.combinations(range(len(gaps)), r):
            lo = _lower_bound(gaps[chosen[-1]])
            fills: list[tuple[_Gap, int, int]] = []
            score = 0
            end = len(toks)
            for g in reversed(chosen):
                gap = gaps[g]
                if gap.kind in ("quote", "start_quote"):
                    t = (g, lo, end)
                    if t in titles:
                        s = titles[t]
                    else:
                        s = titles[t] = _title_part(toks, lo, end, lex, gap)
                    starts = [] if s is None else [s]
                else:
                    c = chunks.get((g, end))
                    if c is None:
                        c = chunks[g, end] = _chunk(toks, end, lex, gap, ctx, classes)
                    starts = c
                starts = [s for s in starts if lo <= s < end]
                if not starts:
                    break
                s = starts[0]
                fills.append((gap, s, end))
                if gap.pos != s:  # a fragment already in its gap moves nowhere
                    score += gap.strength
                end = s
            else:
                moved = [g for g, s, _ in fills if g.pos != s]
                if score >= 2 and any(g.strength >= 2 for g in moved):
                    out.append(_Plan(tuple(fills), score))
    return out


def _place(rest: Sequence[Tok], at: int, gap: _Gap) -> str:
    if at == 0:
        return "to the line start"
    if gap.kind == "quote":
        return (
            f'into the empty quotes after "{rest[at - 2].text}"' if at >= 2 else "into the quotes"
        )
    return f'after "{rest[at - 1].text}"'


def _apply(
    line: Line, toks: list[Tok], fills: Sequence[tuple[_Gap, int, int]], repairs: list[Repair]
) -> list[Tok]:
    """Move each fragment ``toks[s:e]`` into its gap; record one repair per move.

    An opening quote or bracket at a fragment's head stays where it was (it
    opens what the next line goes on with) unless a closing one after the gap
    is waiting for it.

    Tokens are told apart by where they stand: ``(i, 0)`` is ``toks[i]``, and
    ``(i, 1)``/``(i, 2)`` the opening mark and the word a fragment's head
    ``toks[i]`` is cut into; an anchor (the token a gap is before) is ``(pos, 0)``."""
    work: list[tuple[tuple[int, int], Tok]] = [((i, 0), t) for i, t in enumerate(toks)]
    moves: list[tuple[_Gap, list[tuple[tuple[int, int], Tok]]]] = []
    gone: set[tuple[int, int]] = set()
    for gap, s, e in fills:
        if gap.pos == s:
            continue
        frag = [((i, 0), toks[i]) for i in range(s, e)]
        head = toks[s]
        if (
            head.text[0] in _OPENING
            and len(head.text) > 1
            and not _closes_after(toks, _lower_bound(gap), s, head.text[0])
        ):
            opener, word = split_token(head, 1)
            i = next(i for i, (k, _) in enumerate(work) if k == (s, 0))
            work[i : i + 1] = [((s, 1), opener), ((s, 2), word)]
            frag[0] = ((s, 2), word)
        moves.append((gap, frag))
        gone.update(k for k, _ in frag)
    out = [(k, t) for k, t in work if k not in gone]
    for gap, frag in reversed(moves):  # left to right
        anchor = (gap.pos, 0) if gap.pos < len(toks) else None
        at = len(out) if anchor is None else next(i for i, (k, _) in enumerate(out) if k == anchor)
        frag[0][1].glue = gap.kind == "quote"
        if anchor is not None:
            toks[gap.pos].glue = gap.kind in ("punct", "quote", "start_punct", "start_quote")
        raw_to = toks[gap.pos].raw_start if anchor is not None else out[-1][1].raw_end
        moved = [t for _, t in frag]
        repairs.append(
            Repair(
                RepairKind.DISPLACED_LINK,
                line.no,
                moved[0].raw_start,
                moved[-1].raw_end,
                " ".join(t.text for t in moved),
                raw_to,
                "moved " + _place([t for _, t in out], at, gap),
            )
        )
        out[at:at] = frag
    return [t for _, t in out]


def _closes_after(toks: Sequence[Tok], pos: int, stop: int, opener: str) -> bool:
    """Whether ``toks[pos:stop]`` holds a closing quote or bracket with no opening
    one before it: then an opening mark at a fragment's head moves with it
    ('Республикасының   көші-қоны туралы" Заңының "Халықтың', seed 003 line 128)."""
    closer = {"(": ")", "«": "»"}.get(opener, '"')
    depth = 0
    for t in toks[pos:stop]:
        x = t.text
        for i, ch in enumerate(x):
            if ch == opener and (opener != '"' or (i + 1 < len(x) and x[i + 1].isalnum())):
                depth += 1
            elif ch == closer and (closer != '"' or (i > 0 and x[i - 1].isalnum())):
                if depth == 0:
                    return True
                depth -= 1
    return False


def _glue_split(toks: list[Tok]) -> int | None:
    """Cut a link glued to the last word ("бекітілсін.қосымшасына") into two
    tokens; return the index of the glued fragment (the new last token)."""
    if not toks:
        return None
    t = toks[-1].text
    m = _GLUE_PUNCT.search(t)
    if m is not None:
        cut = m.end()
    elif (m := _GLUE_CASE.search(t)) is not None:
        cut = m.start()
    else:
        return None
    if not 0 < cut < len(t):
        return None
    left, right = split_token(toks[-1], cut)
    toks[-1:] = [left, right]
    return len(toks) - 1


def _title_glue(toks: Sequence[Tok], gaps: Sequence[_Gap]) -> int | None:
    """Index of the last token opening a quote glued to a word ('"О', '"Алматы')
    after every quote gap: the start of a shuffled quoted title."""
    title_gaps = [g for g in gaps if g.kind in ("quote", "start_quote")]
    if not title_gaps:
        return None
    for k in range(len(toks) - 1, title_gaps[-1].pos, -1):
        if _QUOTE_WORD.match(toks[k].text):
            return k
    return None


def _doubt(line: Line, toks: Sequence[Tok], repairs: list[Repair], why: str) -> None:
    text = " ".join(t.text for t in toks)
    start = toks[0].raw_start
    repairs.append(
        Repair(RepairKind.DOUBT, line.no, start, toks[-1].raw_end, text, start, f'"{text}": {why}')
    )


#: the most gaps one line may show for displaced link text to be weighed (the
#: corpus's lines show at most two; :func:`_plans` weighs 2**n readings)
MAX_GAPS = 10


def displace(
    line: Line, toks: list[Tok], ctx: Context, lang: str, repairs: list[Repair]
) -> tuple[list[Tok], bool]:
    """Move displaced link text back (DOMAIN.md 4.1). Returns the tokens and
    whether the line stays as printed because of a doubt."""
    lex = lex_of(lang)
    gaps = _gaps(toks, ctx.first)
    work = list(toks)
    glued = _glue_split(work)
    if glued is not None:
        cands = [g for g in gaps if g.pos < glued]
        if not cands:
            _doubt(line, work[glued:], repairs, "glued to the line's end, with no gap to take it")
            return toks, True
        strongest = max(g.strength for g in cands)
        fits = [g for g in cands if g.strength == strongest]
        if len(fits) > 1:
            _doubt(line, work[glued:], repairs, "glued to the line's end; more than one gap fits")
            return toks, True
        return _apply(line, work, [(fits[0], glued, len(work))], repairs), False
    if not gaps:
        return toks, False
    k = _title_glue(toks, gaps)
    if k is not None:
        return _titles(line, toks, gaps, k, lex, repairs)
    if len(gaps) > MAX_GAPS:
        # every subset of gaps is a reading (2**n of them): past this many the line
        # is no export artifact we know, and is left as printed with a doubt
        _doubt(line, work[-1:], repairs, f"{len(gaps)} gaps in one line; too many to weigh")
        return toks, True
    plans = _plans(work, gaps, lex, ctx)
    if not plans:
        if any(g.kind == "quote" for g in gaps):
            g = next(g for g in gaps if g.kind == "quote")
            _doubt(
                line, work[g.pos - 1 : g.pos + 1], repairs, "an empty title; no words to fill it"
            )
            return toks, True
        return toks, False
    top = max(p.score for p in plans)
    best = [p for p in plans if p.score == top]
    outcomes = {tuple((g.pos, s, e) for g, s, e in p.fills if g.pos != s) for p in best}
    if len(outcomes) > 1:
        _, s, e = best[0].fills[0]
        _doubt(line, work[s:e], repairs, "the displaced link text fits more than one gap")
        return toks, True
    return _apply(line, work, best[0].fills, repairs), False


def _titles(
    line: Line, toks: list[Tok], gaps: list[_Gap], k: int, lex: _Lex, repairs: list[Repair]
) -> tuple[list[Tok], bool]:
    """A line whose quoted titles were shuffled (DOMAIN.md 4.1, seed 001 lines
    55-66): the words after the last glued opening quote are cut into titles,
    which fill the line's quote gaps in order; a last title left over stays,
    opened at the line's end and going on in the next line."""
    work = list(toks)
    opener, word = split_token(work[k], 1)
    work[k : k + 1] = [opener, word]
    start = k + 1
    title_gaps = [g for g in gaps if g.kind in ("quote", "start_quote")]
    bounds = [start]
    if lex.title_last.pattern != "(?!)":
        bounds += [j + 1 for j in range(start, len(work) - 1) if lex.is_title_last(work[j])]
    else:
        bounds += [j for j in range(start + 1, len(work)) if lex.is_title_first(work[j])]
    bounds.append(len(work))
    parts = list(itertools.pairwise(bounds))
    if len(parts) not in (len(title_gaps), len(title_gaps) + 1):
        _doubt(line, work[start:], repairs, "the shuffled quoted titles cannot be told apart")
        return toks, True
    fills = [(g, s, e) for g, (s, e) in zip(title_gaps, parts, strict=False)]
    stay = work[parts[-1][0]] if len(parts) > len(title_gaps) else None
    out = _apply(line, work, list(reversed(fills)), repairs)
    if stay is not None:
        stay.glue = True
    return out, False


def fix_day(toks: list[Tok], lex: _Lex, ctx: Context) -> None:
    """Unglue a day number from link text appended after it ("2001 жылғы 2386-бабын"
    before "қаңтардағы" is "23" and "86-бабын"): the date keeps its day."""
    if len(toks) < 2 or not lex.is_month(ctx.next_first):
        return
    last = toks[-1]
    m = _THREE_DIGITS.match(last.text)
    if m is None or not lex.year.fullmatch(key(toks[-2].text)):
        return
    for n in (2, 1):
        if 1 <= int(last.text[:n]) <= 31 and last.text[n] != "0":
            day, rest = split_token(last, n)
            rest.space, rest.glue = 1, False
            toks[-1:] = [day, rest]
            return


#: anything a repair could act on in a line's text: two spaces, a space before
