"""Letter spacing (DOMAIN.md 4.2): closing up spaced runs and mending split words.

Justified lines came out with a space between letters and two between words
("қ а б ы л д а д ы :"): runs of single characters are closed up
(:class:`CloseUp`, :data:`CLOSE_UP`). Mixed lines ("халық  санының өсу ін
қатамасыз  етед і .") split words only here and there: in a line whose words
are set apart by double spaces, pieces are joined where the joined word is
known and the pieces are not (:func:`mend_words`, :func:`segment`, by a
:class:`~.vocabulary.Vocabulary`); elsewhere only a detached hyphenated half
(" -қон") joins (:func:`mend_hyphens`). Every change is a
:class:`~lexversion.model.Repair`; no character is dropped or added.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from lexversion.model import Repair, RepairKind
from lexversion.text.lines import Line
from lexversion.text.repair.tokens import Tok, merge_tokens, tokens
from lexversion.text.repair.vocabulary import Vocabulary, artifacts, key

_CLOSER_CHARS = ".,;:!?)»%"
CLOSERS = frozenset(_CLOSER_CHARS)


def glued_closer(word: str) -> bool:
    """Whether ``word`` is one character with closing punctuation glued to it ("Ы:",
    "Л:", "І."): the last letter of a spaced run whose colon or stop the export did
    not space ("Ш Е Ш І М  Қ А Б Ы Л Д А Д Ы:", "Р Е Ш И Л:"), closed up with it."""
    return len(word) > 1 and word[0] not in CLOSERS and not word[1:].strip(_CLOSER_CHARS)


def _spaced_runs(words: Sequence[str], spaces: Sequence[int]) -> tuple[list[tuple[int, int]], int]:
    """Runs ``[i, j)`` of one-character words set one or two spaces apart, with at
    least one single space inside (two spaces part words, three part columns), the
    last one's closing punctuation included when glued to it (:func:`glued_closer`);
    and the most one-character words in a row one space apart in any run.
    ``spaces``: the spaces before each word."""
    runs: list[tuple[int, int]] = []
    longest = 0
    n = len(words)
    i = 0
    while i < n:
        if len(words[i]) != 1:
            i += 1
            continue
        j = i + 1
        best = cur = 1
        while j < n:
            space = spaces[j]
            if len(words[j]) != 1:
                if space == 1 and glued_closer(words[j]):
                    j += 1  # the last letter with its closing punctuation ("Д Ы:")
                break
            if space == 1:
                cur += 1
                if cur > best:
                    best = cur
            elif space == 2:
                cur = 1
            else:
                break
            j += 1
        if best > 1:
            runs.append((i, j))
            if best > longest:
                longest = best
        i = j
    return runs, longest


def _record(
    kind: RepairKind, line: Line, toks: Sequence[Tok], text: str, place: str = ""
) -> Repair:
    start = min([t.pieces[0][1] for t in toks])
    return Repair(kind, line.no, start, max([t.raw_end for t in toks]), text, start, place)


#: four one-character words one space apart (found from the space after the
#: first, which the search skips to)
SPACED_4 = re.compile(r" \S \S \S(?<=(?<!\S)\S \S \S \S)(?!\S)")
#: a piece a justified line may have split off a word: a short lower-case fragment
#: or lone punctuation ("өсу ін", "етед і .", "мерз імі", "Көші -қон")
FRAGMENT = re.compile(r"[^\W\d_]{1,3}|[.,;:)%]+|-\w+|[,.]\d+", re.UNICODE)


#: in a line as printed, a run of one-character words one or two spaces apart, its
#: last one's glued closing punctuation one space after as ``tail`` ("Д Ы:",
#: :func:`_spaced_runs`), else a word
_RUN_OR_WORD = re.compile(
    r"(?P<run>(?<!\S)\S(?:\s{1,2}\S(?!\S))+)"
    rf"(?:\s(?P<tail>[^\s{re.escape(_CLOSER_CHARS)}][{re.escape(_CLOSER_CHARS)}]+)(?!\S))?|\S+"
)
#: one-character words one space apart (in a run): a letter-spaced word
_SPACED_WORD = re.compile(r"\S(?:\s\S)*")
#: two one-character words one space apart (in a run)
_ONE_SPACE = re.compile(r"\S\s\S")


class CloseUp:
    """Closing up the letter-spaced runs of a line, the plain way: a token for every
    word of the line (a letter of a spaced run being a word), then :func:`close_up`.

    Called with a line and the list its repairs go to; returns the tokens of the
    line with its runs closed up and whether the line is spaced (DOMAIN.md 4.2).
    """

    def __call__(self, line: Line, repairs: list[Repair]) -> tuple[list[Tok], bool]:
        """The closed-up tokens of ``line`` and whether it is spaced; raises nothing."""
        return close_up(line, tokens(line), repairs)


class RunCloseUp(CloseUp):
    """Closing up a line as printed (no offset map) in one regex pass over its runs.

    A line as printed is closed up from its words and runs (:data:`_RUN_OR_WORD`),
    without a token for every letter. Sound because the runs :func:`_spaced_runs`
    finds are those with one space inside (:data:`_ONE_SPACE`), one-character
    words two spaces apart stay words, and a run of four letters one space apart
    (:data:`SPACED_4`) is what makes the longest run four or more; a repaired line
    (its pieces cut by an offset map) takes the plain way. The hypothesis property
    in tests/text/test_repair_strategies.py checks both give the same tokens.
    """

    def __call__(self, line: Line, repairs: list[Repair]) -> tuple[list[Tok], bool]:
        """The closed-up tokens of ``line`` and whether it is spaced; raises nothing."""
        if line.offsets is not None:
            return super().__call__(line, repairs)
        return _close_up_printed(line, repairs)


def _close_up_printed(line: Line, repairs: list[Repair]) -> tuple[list[Tok], bool]:
    """:class:`RunCloseUp` of a line as printed."""
    text = line.text
    if not SPACED_4.search(text):
        return tokens(line), False
    start = line.start
    out: list[Tok] = []
    append = out.append
    end = -1  # where the word before ends (none yet: the first word has the indent)
    for m in _RUN_OR_WORD.finditer(text):
        a, b = m.span()
        space = line.indent if end < 0 else a - end
        end = b
        w, tail = m.groups()  # the run and its glued closer, or neither for a word
        if w is None:  # a word
            w = m.group()
            append(Tok([(w, start + a)], a, space, False, w))
            continue
        if not _ONE_SPACE.search(w):  # one-character words two spaces apart: words
            for k in range(0, len(w), 3):
                append(Tok([(w[k], start + a + k)], a + k, space if not k else 2, False, w[k]))
            if tail:
                t = m.start(2)
                append(Tok([(tail, start + t)], t, 1, False, tail))
            continue
        texts: list[str] = []
        for s in _SPACED_WORD.finditer(w):  # a word: letters one space apart
            col = a + s.start()
            letters = s.group()[::2]
            r = start + col
            pieces = list(zip(letters, range(r, r + 2 * len(letters), 2), strict=True))
            append(Tok(pieces, col, 1 if texts else space, False, letters, True))
            texts.append(letters)
        if tail:  # the last letter with its closing punctuation joins the last word
            last = out[-1]
            last.pieces.append((tail, start + m.start(2)))
            last.text += tail
            texts[-1] += tail
        raw = start + a
        repairs.append(
            Repair(RepairKind.LETTER_SPACING, line.no, raw, start + b, " ".join(texts), raw)
        )
    return out, True


#: how every line is closed up
CLOSE_UP: CloseUp = RunCloseUp()


def close_up(line: Line, toks: list[Tok], repairs: list[Repair]) -> tuple[list[Tok], bool]:
    """Close up letter-spaced runs; return the tokens and whether the line is spaced
    (it has a run of four or more letters one space apart, DOMAIN.md 4.2)."""
    if not SPACED_4.search(line.text):
        return toks, False
    runs, longest = _spaced_runs([t.text for t in toks], [t.space for t in toks])
    if longest < 4:
        return toks, False
    out: list[Tok] = []
    i = 0
    for a, b in runs:
        out.extend(toks[i:a])
        words: list[list[Tok]] = [[toks[a]]]
        for k in range(a + 1, b):
            if toks[k].space == 1:
                words[-1].append(toks[k])
            else:
                words.append([toks[k]])
        merged = [merge_tokens(w) for w in words]
        for m in merged:
            m.final = True
        for m in merged[1:]:
            m.space = 1
        out.extend(merged)
        repairs.append(
            _record(RepairKind.LETTER_SPACING, line, toks[a:b], " ".join(m.text for m in merged))
        )
        i = b
    out.extend(toks[i:])
    return out, True


#: how a piece :func:`attaches` opens (closing punctuation, or a hyphen)
_ATTACH_OPENS = _CLOSER_CHARS + "-"


def attaches(prev: Tok, tok: Tok) -> bool:
    """Pieces that can only belong to the word before them in a justified line:
    lone punctuation (" ."), a decimal part (" ,1" after digits), a hyphenated
    second half (" -қон")."""
    t = tok.text
    if not t.strip(_CLOSER_CHARS):  # closing punctuation only
        return True
    c = t[0]
    if c in ",." and len(t) > 1 and t[1].isdigit() and prev.text[-1].isdigit():
        return True
    return c == "-" and len(t) > 1 and t[1].isalpha() and prev.text[-1].isalpha()


def word_bounds(word: str, words: Vocabulary, short: frozenset[str]) -> tuple[float, float]:
    """The least and the most :func:`word_score` of ``word`` can be before the
    dictionary is asked (the same when it need not be asked)."""
    k = key(word)
    if not k:
        return 0.0, 0.0
    if k[0].isdigit():
        return 1.0, 1.0
    if words.count(word):
        return 3.0, 3.0
    if k in short or word.strip('.,;:()"') in short:
        return 1.0, 1.0
    if len(k) == 3:  # -1 whether the dictionary has it or not
        return -1.0, -1.0
    return (-1.0, 2.0) if len(k) >= 4 else (-2.0, -1.0)


def word_score(word: str, words: Vocabulary, short: frozenset[str]) -> float:
    """How good a word ``word`` is: 3 known from the corpus, 2 (4 letters or more)
    or -1 from the dictionary, 1 a number or a short word, else -1 (-2 for one or
    two letters); 0 for punctuation alone."""
    lo, hi = word_bounds(word, words, short)
    if lo == hi:
        return lo
    return hi if words.in_dictionary(word) else lo


def _summed(
    spans: Sequence[tuple[int, int]],
    texts: Sequence[str],
    memo: dict[str, float],
    value: Callable[[str], float],
) -> float:
    """The sum of ``value`` over the words of a split: each span of ``texts`` (the
    pieces of a group) joined, its value kept in ``memo`` (a word recurs across
    the splits :func:`segment` weighs)."""
    total = 0.0
    for a, b in spans:
        x = "".join(texts[a:b])
        got = memo.get(x)
        if got is None:
            got = memo[x] = value(x)
        total += got
    return total


def segment(group: list[Tok], words: Vocabulary, short: frozenset[str]) -> list[list[Tok]]:
    """Best split of a group of one-space-apart pieces into words (joins only
    where a joined word scores better than its pieces; ties keep the print).

    Every split (a mask of the joins that are free) scores the sum of its words'
    :func:`word_score`, less 0.01 a join; a joined word must be known (corpus or
    dictionary). The splits are tried from the best their words could score
    (:func:`word_bounds`), so that the dictionary is asked only about the words
    of splits that may still win; the first best split in mask order wins."""
    n = len(group)
    texts = [t.text for t in group]
    forced = [False] + [attaches(group[k - 1], group[k]) for k in range(1, n)]
    # a number and a word never make one word ("2001 ж.", "1999-2002 ж.ж.")
    free = [
        k
        for k in range(1, n)
        if not forced[k]
        and texts[k - 1][-1].isdigit() == texts[k][0].isdigit()
        and texts[k - 1][-1] not in ",;:."
    ]
    if len(free) > 10:
        free = []
    highest: dict[str, float] = {}  # each word's upper bound, worked out once
    splits: list[tuple[float, int, list[tuple[int, int]], int]] = []
    for mask in range(1 << len(free)):
        joined = {k for b, k in enumerate(free) if mask >> b & 1}
        spans: list[tuple[int, int]] = []  # the words, as ranges of pieces
        start = 0
        for k in range(1, n):
            if not (forced[k] or k in joined):
                spans.append((start, k))
                start = k
        spans.append((start, n))
        most = _summed(spans, texts, highest, lambda x: word_bounds(x, words, short)[1])
        most -= 0.01 * len(joined)
        splits.append((-most, mask, spans, len(joined)))
    splits.sort()
    known: dict[str, bool] = {}  # the vocabulary's answers, asked once a word
    scores: dict[str, float] = {}
    best: list[tuple[int, int]] | None = None
    best_score = float("-inf")
    best_mask = -1
    for neg_most, mask, spans, joins in splits:
        if -neg_most < best_score or (-neg_most == best_score and mask > best_mask):
            break  # neither this split nor any after it can win
        # a joined word must be a known one: "өсу ін" -> "өсуін", never "БАҚ арқы." -> "БАҚарқы."
        fails = False
        for a, b in spans:
            if not all(forced[a + 1 : b]):
                x = "".join(texts[a:b])
                ok = known.get(x)
                if ok is None:
                    ok = known[x] = bool(words.count(x) or words.in_dictionary(x))
                if not ok:
                    fails = True
                    break
        if fails:
            continue
        score = _summed(spans, texts, scores, lambda x: word_score(x, words, short))
        score -= 0.01 * joins
        if score > best_score or (score == best_score and mask < best_mask):
            best, best_score, best_mask = spans, score, mask
    assert best is not None
    return [group[a:b] for a, b in best]


def mend_words(
    line: Line, toks: list[Tok], words: Vocabulary, repairs: list[Repair], justified: bool
) -> list[Tok]:
    """Join the pieces of split words. In a justified line (words two spaces
    apart) every one-space group holding a fragment (:data:`FRAGMENT`) is
    segmented by the vocabulary; elsewhere only a hyphenated half (" -қон")
    joins, and only into a known word."""
    if not justified:
        return mend_hyphens(line, toks, words, repairs)
    short = artifacts(words.lang).SHORT_WORDS
    out: list[Tok] = []
    group: list[Tok] = []

    def flush() -> None:
        if len(group) > 1 and any(
            t.text not in short and FRAGMENT.fullmatch(t.text) for t in group
        ):
            for part in segment(group, words, short):
                if len(part) > 1:
                    merged = merge_tokens(part)
                    repairs.append(_record(RepairKind.SPLIT_WORD, line, part, merged.text))
                    out.append(merged)
                else:
                    out.append(part[0])
        else:
            out.extend(group)

    for tok in toks:
        if (
            group
            and not tok.final
            and (
                (tok.space == 1 and not tok.glue and not group[-1].final)
                or (tok.text[0] in _ATTACH_OPENS and attaches(group[-1], tok))
            )
        ):
            group.append(tok)
            continue
        if len(group) > 1:
            flush()
        else:  # a word on its own (most of a justified line's): nothing to mend
            out += group
        group = [tok]
    flush()
    return out


def mend_hyphens(
    line: Line, toks: list[Tok], words: Vocabulary, repairs: list[Repair]
) -> list[Tok]:
    """Join a detached hyphenated half (" -қон") to the word before it when the
    joined word is known from the corpus (DOMAIN.md 4.2); returns the tokens and
    records a ``split_word`` repair per join in ``repairs``."""
    if "-" not in line.text:  # no hyphenated half in the line
        return toks
    out: list[Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.text[0] == "-"
            and tok.space == 1
            and not tok.glue
            and not prev.final
            and attaches(prev, tok)
            and words.count(prev.text + tok.text)
        ):
            merged = merge_tokens([prev, tok])
            repairs.append(_record(RepairKind.SPLIT_WORD, line, [prev, tok], merged.text))
            out[-1] = merged
        else:
            out.append(tok)
    return out


# --- displaced link text (DOMAIN.md 4.1) -------------------------------------------------------
def justified(toks: Sequence[Tok]) -> bool:
    """Whether three or more words after the first stand two or more spaces apart."""
    n = 0
    for tok in itertools.islice(toks, 1, None):
        if tok.space >= 2:
            n += 1
            if n == 3:
                return True
    return False
