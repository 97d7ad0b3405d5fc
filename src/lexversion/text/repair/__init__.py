"""Repair the export artifacts of a paragraph: displaced link text and letter spacing.

The exports are PDF text (DOMAIN.md 4). Two artifacts garble the words
themselves, and both are repaired here by moving and re-spacing characters
that are already in the source, never by dropping or inventing one
(ARCHITECTURE.md invariant 1):

* **Displaced link text** (DOMAIN.md 4.1). Hyperlinked words were taken out of
  their printed line and appended to its end, leaving a double space, a space
  before punctuation (" ," " ;" " )"), an empty pair of quotes (``" "``) or a
  line opening with a single space, a comma or a closing quote where they
  belong; when the line had no trailing space they stick to its last
  character ("бекітілсін.қосымшасына", "(решением", "РеспубликасыныңЖолдауымен").
  :func:`repair` moves each appended fragment back into its gap. A fragment
  must look like link text: an act or annex word ("қаулысына", "решением"),
  a pinpoint with its number ("статьей 26", "1) тармақшасына", "6-бабын"),
  a number after "№"/"N", or a quoted title of a law (titles end with
  "туралы" in Kazakh and open with "О"/"Об" in Russian). Where two readings
  fit the evidence equally, the line is left as printed and a ``doubt`` is
  recorded instead: a wrong move is worse than none.
* **Letter spacing** (DOMAIN.md 4.2). Justified lines came out with a space
  between letters and two between words ("қ а б ы л д а д ы :"); runs of
  single characters are closed up. Mixed lines ("халық  санының өсу ін
  қатамасыз  етед і .") split words only here and there: in a line whose
  words are set apart by double spaces, pieces are joined where the joined
  word is known and the pieces are not (:class:`Vocabulary`: words counted
  from the corpus, then Debian's hunspell word lists of Kazakh and Russian).

Look-alike letters (DOMAIN.md 3) are never changed in the text; every word
lookup folds them (:func:`lexversion.lang.fold_text`).

Every change is a :class:`Repair` (kind, source line, raw span, where the text
went); the repaired :class:`~lexversion.text.lines.Paragraph` keeps an offset map
from every character back to the source, moved fragments being pieces of
their own.
"""

from __future__ import annotations

import itertools
import operator
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import import_module, resources
from pathlib import Path
from types import ModuleType
from typing import Protocol

from lexversion.lang import fold_text, vocab
from lexversion.model import Repair
from lexversion.text.lines import Line, OffsetMap, Paragraph, join_lines

KINDS = ("displaced_link", "letter_spacing", "split_word", "doubt")


# --- vocabulary -------------------------------------------------------------------------------


class _Lookup(Protocol):
    def lookup(self, word: str) -> bool: ...


@cache
def _hunspell(name: str) -> _Lookup | None:
    """Debian's hunspell dictionary ``name`` (``/usr/share/hunspell/kk_KZ``), read with
    spylls; ``None`` when the package or spylls is missing (then only the corpus counts)."""
    base = Path("/usr/share/hunspell") / name
    if not base.with_suffix(".dic").exists():
        return None
    try:
        from spylls.hunspell import Dictionary  # type: ignore[import-untyped]
    except ImportError:
        return None
    d: _Lookup = Dictionary.from_files(str(base))
    return d


@lru_cache(maxsize=65536)
def _in_dictionary(lang: str, word: str) -> bool:
    d = _hunspell(_artifacts(lang).HUNSPELL)
    if not word or d is None:
        return False
    if d.lookup(word):
        return True
    lower = word.lower()  # a lower-case word was just looked up: not again
    return lower != word and bool(d.lookup(lower))


def forget_words() -> None:
    """Empty the per-word cache of hunspell lookups (benchmarks; see
    :func:`lexversion.parse.forget_texts`)."""
    _in_dictionary.cache_clear()


def key(word: str) -> str:
    """Lookup key of a word: look-alikes folded, lower-cased, outer punctuation stripped."""
    return fold_text(word).lower().strip(".,;:!?()«»\"'%")


@cache
def _artifacts(lang: str) -> ModuleType:
    return import_module(f"lexversion.lang.{lang}.artifacts")


@dataclass(frozen=True)
class Vocabulary:
    """Word and word-pair counts of one language, for deciding repairs.

    ``words``/``pairs`` count :func:`key` s (pairs as ``"a b"``) in clean lines:
    lines without an artifact. :func:`vocabulary` loads the counts shipped in
    ``lang/<lang>/words.tsv`` and ``bigrams.tsv`` (counted from the corpus by
    ``scripts/build-vocabulary``); :meth:`with_lines` adds a document's own
    clean lines. :meth:`in_dictionary` asks Debian's hunspell word list of the
    language when it is installed.
    """

    lang: str
    words: Mapping[str, int]
    pairs: Mapping[str, int]
    lines: Sequence[Line] = ()
    _local: _CleanLines | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.lines and self._local is None:
            object.__setattr__(self, "_local", _CleanLines(self.lines))

    def count(self, word: str) -> int:
        """How often ``word`` occurs in clean text."""
        k = key(word)
        n = self.words.get(k, 0)
        return n + self._local.words()[k] if self._local is not None else n

    def pair(self, a: str, b: str) -> int:
        """How often ``a`` is followed by ``b`` in clean text."""
        ka, kb = key(a), key(b)
        n = self.pairs.get(f"{ka} {kb}", 0)
        return n + self._local.pair(ka, kb) if self._local is not None else n

    def in_dictionary(self, word: str) -> bool:
        """Whether the hunspell word list of the language has ``word`` (False without it)."""
        return _in_dictionary(self.lang, fold_text(word).strip(_STRIP))

    def dictionary_missing(self) -> str | None:
        """A warning when the hunspell word list of the language (or spylls) is not
        installed: then letter-spaced pieces join only into words of the corpus."""
        name = _artifacts(self.lang).HUNSPELL
        if _hunspell(name) is not None:
            return None
        return (
            f"the {name} word list (Debian hunspell-{self.lang}, read with spylls) is not "
            "installed: split words were checked against the corpus vocabulary only"
        )

    def with_lines(self, lines: Sequence[Line]) -> Vocabulary:
        """This vocabulary plus the counts of the clean lines among ``lines``
        (a document's own usage), counted when first needed."""
        return Vocabulary(self.lang, self.words, self.pairs, tuple(lines))


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The shipped vocabulary of ``lang`` ("kk" or "ru"); empty counts if the files are missing."""

    def read(name: str) -> dict[str, int]:
        out: dict[str, int] = {}
        try:
            text = resources.files(f"lexversion.lang.{lang}").joinpath(name).read_text("utf-8")
        except FileNotFoundError:
            return out
        for row in text.splitlines():
            if row and not row.startswith("#"):
                word, _, n = row.rpartition("\t")
                out[word] = int(n)
        return out

    return Vocabulary(lang, read("words.tsv"), read("bigrams.tsv"))


_STRIP = ".,;:!?()«»\"'%"


#: a link glued after punctuation inside a line ("сәйкес,бұйрығына"); the
#: punctuation is matched first, so the search skips to it
_GLUED_INSIDE = re.compile(r"[.,;:](?<=[^\W\d]{2}.)[^\W\d]{2}")
#: a character of a key: not outer punctuation, not a space
_KEY_CHAR = re.compile(r"[^\s.,;:!?()«»\"'%]")
_STRIP_SPACE = _STRIP + " "


def _has_key(text: str) -> bool:
    """Whether ``text`` has a word that is more than outer punctuation (a key,
    :func:`key`)."""
    rest = text.strip(_STRIP_SPACE)
    return bool(rest) and (not rest[0].isspace() or _KEY_CHAR.search(rest) is not None)


def _keys_of(text: str) -> list[str]:
    """The keys (:func:`key`) of the words of a folded, lower-cased ``text``."""
    return list(filter(None, map(str.strip, text.split(), itertools.repeat(_STRIP))))


class _CleanLines:
    """A document's lines as a vocabulary sees them (:meth:`Vocabulary.with_lines`):
    which are clean, and the word and pair counts of the clean ones.

    Each is worked out when first asked and kept: a document asks for a few
    words (letter-spaced pieces) or a few pairs (a word in a gap). ``judged``
    keeps :func:`_marked` of every line text judged so far, shared with the
    repairs of the same document (:func:`_suspect`).
    """

    __slots__ = ("_chains", "_folded", "_keys", "_pairs", "_words", "judged", "lines")

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.judged: dict[str, bool] = {}
        self._chains: str | None = None
        self._folded: tuple[list[Line], list[str]] | None = None
        self._keys: list[str] | None = None
        self._words: Counter[str] | None = None
        self._pairs: Counter[str] | None = None

    def chains(self) -> str:
        """The clean lines, folded and lower-cased, in runs a pair may run across,
        one a line: a run ends at a line that is not clean (:func:`_suspect` as a
        line inside a paragraph, or a link glued after punctuation inside it), at
        a line with no key, and after a line ending with a hyphen."""
        if self._chains is None:
            chains: list[str] = []
            chain: list[str] = []
            judged = self.judged
            for line in self.lines:
                t = line.text
                if not t:
                    continue
                # clean as _clean says (inlined: every line of the document passes here)
                if line.indent == 1 or t[0] in _OPENS_GAP:
                    clean = False
                else:
                    marked = judged.get(t)
                    if marked is None:
                        marked = judged[t] = _marked(t)
                    clean = not marked and not _GLUED_INSIDE.search(t)
                if not clean or not _has_key(t):
                    if chain:
                        chains.append(" ".join(chain))
                        chain = []
                    continue
                chain.append(t)
                if t[-1] == "-":
                    chains.append(" ".join(chain))
                    chain = []
            if chain:
                chains.append(" ".join(chain))
            self._chains = fold_text("\n".join(chains)).lower()
        return self._chains

    def keys(self) -> list[str]:
        """The keys of the clean lines in order, with ``"\\n"`` at the end of every
        run of lines a pair may run across (:meth:`chains`)."""
        if self._keys is None:
            keys: list[str] = []
            for c in self.chains().split("\n"):
                keys += _keys_of(c)
                keys.append("\n")
            self._keys = keys
        return self._keys

    def words(self) -> Counter[str]:
        """Counts of the keys in the clean lines."""
        if self._words is None:
            keys = map(str.strip, self.chains().split(), itertools.repeat(_STRIP))
            self._words = Counter(filter(None, keys))
        return self._words

    def pair(self, a: str, b: str) -> int:
        """How often key ``a`` is followed by key ``b`` in the clean lines (as
        :meth:`pairs` counts ``"a b"``). A document asks a few, so no pairs are
        counted: only the lines holding ``b`` are read, with the line before each."""
        if self._pairs is not None:
            return self._pairs[f"{a} {b}"]
        if a.split() != [a] or b.split() != [b]:
            return 0  # no key is empty or holds a space
        if self._folded is None:
            visible = [line for line in self.lines if line.text]
            text = fold_text("\n".join([line.text for line in visible])).lower()
            self._folded = (visible, text.split("\n"))
        visible, folded = self._folded
        n = 0
        for j in [j for j, t in enumerate(folded) if b in t]:
            if not self._clean(visible[j]):
                continue
            keys = _keys_of(folded[j])
            n += sum(1 for x, y in itertools.pairwise(keys) if x == a and y == b)
            if keys and keys[0] == b and j:  # across the line break
                before = visible[j - 1]
                if before.text[-1] != "-" and self._clean(before):
                    last = _keys_of(folded[j - 1])
                    if last and last[-1] == a:
                        n += 1
        return n

    def _clean(self, line: Line) -> bool:
        """Whether a non-blank ``line`` is clean (:meth:`chains`)."""
        t = line.text
        if line.indent == 1 or t[0] in _OPENS_GAP:
            return False
        marked = self.judged.get(t)
        if marked is None:
            marked = self.judged[t] = _marked(t)
        return not marked and not _GLUED_INSIDE.search(t)

    def pairs(self) -> Counter[str]:
        """Counts of the key pairs ``"a b"`` in the clean lines, across consecutive
        clean lines (blank ones skipped) except after a hyphen at a line end."""
        if self._pairs is None:
            pairs = Counter(map(" ".join, itertools.pairwise(self.keys())))
            for k in [k for k in pairs if "\n" in k]:
                del pairs[k]
            self._pairs = pairs
        return self._pairs


def count_clean(lines: Sequence[Line]) -> tuple[Counter[str], Counter[str]]:
    """Word and pair counts of the clean lines among ``lines``: lines with no sign
    of an artifact (:func:`_suspect`) nor a link glued after punctuation inside
    them. Pairs run across consecutive clean lines (blank ones skipped), except
    after a hyphen at a line end or a line with no word."""
    clean = _CleanLines(lines)
    return clean.words(), clean.pairs()


# --- tokens -----------------------------------------------------------------------------------


class _Tok:
    """A word of a line being repaired: verbatim pieces ``(text, raw offset)``,
    the column where it starts and the spaces before it in the printed line;
    ``text`` is the pieces joined (given when the caller has it)."""

    __slots__ = ("col", "final", "glue", "pieces", "space", "text")

    def __init__(
        self,
        pieces: list[tuple[str, int]],
        col: int,
        space: int,
        glue: bool = False,
        text: str | None = None,
        final: bool = False,
    ) -> None:
        self.pieces = pieces
        self.col = col
        self.space = space
        self.glue = glue  # rendered with no space before it
        self.final = final  # a word closed up from spaced letters: never joined again
        if text is None:
            text = pieces[0][0] if len(pieces) == 1 else "".join([t for t, _ in pieces])
        self.text = text

    @property
    def raw_start(self) -> int:
        return self.pieces[0][1]

    @property
    def raw_end(self) -> int:
        t, r = self.pieces[-1]
        return r + len(t)


_WORD = re.compile(r"\S+")


def _printed_words(line: Line) -> tuple[list[str], list[int], list[int]]:
    """The words of ``line`` (maximal runs of non-space characters), the column
    of each in its text and the spaces before each (the indent before the first)."""
    text = line.text
    words = text.split()
    if not words:
        return words, [], []
    find = text.find
    end = find(words[0])
    cols = [end]
    spaces = [line.indent]
    end += len(words[0])
    for w in itertools.islice(words, 1, None):
        a = find(w, end)  # the next occurrence of a word is where it stands
        cols.append(a)
        spaces.append(a - end)
        end = a + len(w)
    return words, cols, spaces


def _tokens(line: Line) -> list[_Tok]:
    """The words of ``line`` (maximal runs of non-space characters), each with
    its pieces: one for a line as printed, cut where the line's offset map
    starts a piece for a repaired line."""
    if line.offsets is None:  # a line as printed: one piece per word
        words, cols, spaces = _printed_words(line)
        start = line.start
        return [
            _Tok([(w, start + a)], a, space, False, w)
            for w, a, space in zip(words, cols, spaces, strict=True)
        ]
    text = line.text
    out: list[_Tok] = []
    space = line.indent
    end = 0
    marks = sorted(set(line.offsets.clean_starts))
    for m in _WORD.finditer(text):
        a, b = m.span()
        cuts = [a, *marks[bisect_right(marks, a) : bisect_left(marks, b)], b]
        pieces = [(text[x:y], line.to_raw(x)) for x, y in itertools.pairwise(cuts)]
        out.append(_Tok(pieces, a, space if not out else a - end, text=m.group()))
        end = b
    return out


def _split(tok: _Tok, k: int) -> tuple[_Tok, _Tok]:
    """Cut ``tok`` before its ``k``-th character; the right part is glued to the left."""
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    n = 0
    for t, r in tok.pieces:
        if n + len(t) <= k:
            left.append((t, r))
        elif n >= k:
            right.append((t, r))
        else:
            left.append((t[: k - n], r))
            right.append((t[k - n :], r + k - n))
        n += len(t)
    return _Tok(left, tok.col, tok.space, tok.glue), _Tok(right, tok.col + k, 0, True)


def _merge(toks: Sequence[_Tok]) -> _Tok:
    first = toks[0]
    pieces = [p for t in toks for p in t.pieces]
    return _Tok(pieces, first.col, first.space, first.glue, "".join([t.text for t in toks]))


def _words_apart(toks: Sequence[_Tok]) -> list[int]:
    """Spaces to print before each word: one, none before a glued word, and two
    between one-character words printed two or more spaces apart, so that no
    run of spaced letters appears that the print did not have (and a second
    repair finds nothing new). Glued words count as one word."""
    n = len(toks)
    out = [1] * n
    back = 0  # length of the word before, its glued parts included
    for i, tok in enumerate(toks):
        size = len(tok.text)
        if tok.glue or not i:
            out[i] = 0
            back += size
            continue
        if back == 1 and tok.space >= 2 and not tok.final:
            ahead = size  # this word with the parts glued after it
            j = i + 1
            while j < n and toks[j].glue:
                ahead += len(toks[j].text)
                j += 1
            if ahead == 1:
                out[i] = 2
        back = size
    return out


# The renderers give the text offsets and the source offsets of the pieces of
# their text, merged as :meth:`OffsetMap.of_pieces` merges them: text offsets
# rise piece by piece, so a piece that continues the last one kept (the same
# distance between the offsets) is dropped. Only that distance is kept: text
# less source offset, 1 before the first piece, which no piece continues (its
# text offset is 0).


def _render(toks: Sequence[_Tok]) -> tuple[str, list[int], list[int]]:
    """Flowing text, the words :func:`_words_apart`, and its pieces' text and
    source offsets. A space after a moved fragment maps to the word after it,
    keeping the map inside the source."""
    out: list[str] = []
    cs: list[int] = []
    rs: list[int] = []
    d = 1  # text less source offset of the last piece kept
    n = 0
    end = 0  # source offset after the word before
    for tok, gap in zip(toks, _words_apart(toks), strict=True):
        own = tok.pieces
        start = own[0][1]
        if gap:
            if end > start:
                for k in range(n, n + gap):
                    if k - start != d:
                        cs.append(k)
                        rs.append(start)
                        d = k - start
            out.append(" " * gap)
            n += gap
        text = tok.text
        out.append(text)
        if len(own) == 1:  # most words: one piece
            if n - start != d:
                cs.append(n)
                rs.append(start)
                d = n - start
            n += len(text)
            end = start + len(text)
            continue
        for t, r in own:
            if n - r != d:
                cs.append(n)
                rs.append(r)
                d = n - r
            n += len(t)
        end = n - d  # the last piece continues the last one kept
    return "".join(out), cs, rs


def _render_columns(toks: Sequence[_Tok]) -> tuple[str, list[int], list[int]]:
    """Fixed-width text: every word at its printed column, so table columns stay
    where they were; a closed-up word leaves its spaces after it. Returns the
    text and its pieces' text and source offsets: a padding space maps to the
    source character after the word before it (monotonic)."""
    out: list[str] = []
    cs: list[int] = []
    rs: list[int] = []
    d = 1  # text less source offset of the last piece kept
    n = 0
    end = 0  # source offset after the word before
    for i, tok in enumerate(toks):
        col = tok.col
        want = col if col > n else n + (0 if tok.glue or not i else 1)
        if i and want > n:
            # the first padding space may continue the word before; the others,
            # mapping to the same source offset, are pieces of their own
            if n - end != d:
                cs.append(n)
                rs.append(end)
            if want - n > 1:
                cs.extend(range(n + 1, want))
                rs.extend(itertools.repeat(end, want - n - 1))
            d = want - 1 - end
            out.append(" " * (want - n))
            n = want
        out.append(tok.text)
        for t, r in tok.pieces:
            if n - r != d:
                cs.append(n)
                rs.append(r)
                d = n - r
            n += len(t)
        end = n - d  # the last piece continues the last one kept
    return "".join(out), cs, rs


# --- letter spacing (DOMAIN.md 4.2) ----------------------------------------------------------

_CLOSER_CHARS = ".,;:!?)»%"
_CLOSERS = frozenset(_CLOSER_CHARS)


def _spaced_runs(words: Sequence[str], spaces: Sequence[int]) -> tuple[list[tuple[int, int]], int]:
    """Runs ``[i, j)`` of one-character words set one or two spaces apart, with at
    least one single space inside (two spaces part words, three part columns);
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
        while j < n and len(words[j]) == 1:
            space = spaces[j]
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


def _record(kind: str, line: Line, toks: Sequence[_Tok], text: str, place: str = "") -> Repair:
    start = min([t.pieces[0][1] for t in toks])
    return Repair(kind, line.no, start, max([t.raw_end for t in toks]), text, start, place)


#: four one-character words one space apart (found from the space after the
#: first, which the search skips to)
_SPACED_4 = re.compile(r" \S \S \S(?<=(?<!\S)\S \S \S \S)(?!\S)")
#: a piece a justified line may have split off a word: a short lower-case fragment
#: or lone punctuation ("өсу ін", "етед і .", "мерз імі", "Көші -қон")
_FRAGMENT = re.compile(r"[^\W\d_]{1,3}|[.,;:)%]+|-\w+|[,.]\d+", re.UNICODE)


#: in a line as printed, a run of one-character words one or two spaces apart
#: (:func:`_spaced_runs`), else a word
_RUN_OR_WORD = re.compile(r"(?<!\S)\S(?:\s{1,2}\S(?!\S))+|\S+")
#: one-character words one space apart (in a run): a letter-spaced word
_SPACED_WORD = re.compile(r"\S(?:\s\S)*")
#: two one-character words one space apart (in a run)
_ONE_SPACE = re.compile(r"\S\s\S")


def _closed_up_tokens(line: Line, repairs: list[Repair]) -> tuple[list[_Tok], bool]:
    """The tokens of ``line`` with letter-spaced runs closed up (:func:`_close_up`),
    and whether the line is spaced. A line as printed is closed up from its
    words and runs (:data:`_RUN_OR_WORD`), without a token for every letter:
    the runs :func:`_spaced_runs` finds are those with one space inside, and a
    run of four letters one space apart (:data:`_SPACED_4`) makes the longest
    run four or more."""
    if line.offsets is not None:
        return _close_up(line, _tokens(line), repairs)
    text = line.text
    if not _SPACED_4.search(text):
        return _tokens(line), False
    start = line.start
    out: list[_Tok] = []
    end = -1  # where the word before ends (none yet: the first word has the indent)
    for m in _RUN_OR_WORD.finditer(text):
        a, b = m.span()
        space = line.indent if end < 0 else a - end
        end = b
        w = m.group()
        if len(w) == 1 or not w[1].isspace():  # a word
            out.append(_Tok([(w, start + a)], a, space, False, w))
            continue
        if not _ONE_SPACE.search(w):  # one-character words two spaces apart: words
            for k in range(0, len(w), 3):
                out.append(_Tok([(w[k], start + a + k)], a + k, space if not k else 2, False, w[k]))
            continue
        texts: list[str] = []
        for s in _SPACED_WORD.finditer(w):  # a word: letters one space apart
            col = a + s.start()
            letters = s.group()[::2]
            r = start + col
            pieces = list(zip(letters, range(r, r + 2 * len(letters), 2), strict=True))
            out.append(_Tok(pieces, col, space if not texts else 1, False, letters, True))
            texts.append(letters)
        raw = start + a
        repairs.append(Repair("letter_spacing", line.no, raw, start + b, " ".join(texts), raw))
    return out, True


def _close_up(line: Line, toks: list[_Tok], repairs: list[Repair]) -> tuple[list[_Tok], bool]:
    """Close up letter-spaced runs; return the tokens and whether the line is spaced
    (it has a run of four or more letters one space apart, DOMAIN.md 4.2)."""
    if not _SPACED_4.search(line.text):
        return toks, False
    runs, longest = _spaced_runs([t.text for t in toks], [t.space for t in toks])
    if longest < 4:
        return toks, False
    out: list[_Tok] = []
    i = 0
    for a, b in runs:
        out.extend(toks[i:a])
        words: list[list[_Tok]] = [[toks[a]]]
        for k in range(a + 1, b):
            if toks[k].space == 1:
                words[-1].append(toks[k])
            else:
                words.append([toks[k]])
        merged = [_merge(w) for w in words]
        for m in merged:
            m.final = True
        for m in merged[1:]:
            m.space = 1
        out.extend(merged)
        repairs.append(_record("letter_spacing", line, toks[a:b], " ".join(m.text for m in merged)))
        i = b
    out.extend(toks[i:])
    return out, True


def _attaches(prev: _Tok, tok: _Tok) -> bool:
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


def _word_bounds(word: str, words: Vocabulary, short: frozenset[str]) -> tuple[float, float]:
    """The least and the most :func:`_word_score` of ``word`` can be before the
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


def _word_score(word: str, words: Vocabulary, short: frozenset[str]) -> float:
    """How good a word ``word`` is: 3 known from the corpus, 2 (4 letters or more)
    or -1 from the dictionary, 1 a number or a short word, else -1 (-2 for one or
    two letters); 0 for punctuation alone."""
    lo, hi = _word_bounds(word, words, short)
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
    the splits :func:`_segment` weighs)."""
    total = 0.0
    for a, b in spans:
        x = "".join(texts[a:b])
        got = memo.get(x)
        if got is None:
            got = memo[x] = value(x)
        total += got
    return total


def _segment(group: list[_Tok], words: Vocabulary, short: frozenset[str]) -> list[list[_Tok]]:
    """Best split of a group of one-space-apart pieces into words (joins only
    where a joined word scores better than its pieces; ties keep the print).

    Every split (a mask of the joins that are free) scores the sum of its words'
    :func:`_word_score`, less 0.01 a join; a joined word must be known (corpus or
    dictionary). The splits are tried from the best their words could score
    (:func:`_word_bounds`), so that the dictionary is asked only about the words
    of splits that may still win; the first best split in mask order wins."""
    n = len(group)
    texts = [t.text for t in group]
    forced = [False] + [_attaches(group[k - 1], group[k]) for k in range(1, n)]
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
        most = _summed(spans, texts, highest, lambda x: _word_bounds(x, words, short)[1])
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
        score = _summed(spans, texts, scores, lambda x: _word_score(x, words, short))
        score -= 0.01 * joins
        if score > best_score or (score == best_score and mask < best_mask):
            best, best_score, best_mask = spans, score, mask
    assert best is not None
    return [group[a:b] for a, b in best]


def _mend_words(
    line: Line, toks: list[_Tok], words: Vocabulary, repairs: list[Repair], justified: bool
) -> list[_Tok]:
    """Join the pieces of split words. In a justified line (words two spaces
    apart) every one-space group holding a fragment (:data:`_FRAGMENT`) is
    segmented by the vocabulary; elsewhere only a hyphenated half (" -қон")
    joins, and only into a known word."""
    if not justified:
        return _mend_hyphens(line, toks, words, repairs)
    short = _artifacts(words.lang).SHORT_WORDS
    out: list[_Tok] = []
    group: list[_Tok] = []

    def flush() -> None:
        if len(group) > 1 and any(
            t.text not in short and _FRAGMENT.fullmatch(t.text) for t in group
        ):
            for part in _segment(group, words, short):
                if len(part) > 1:
                    merged = _merge(part)
                    repairs.append(_record("split_word", line, part, merged.text))
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
                or _attaches(group[-1], tok)
            )
        ):
            group.append(tok)
        else:
            flush()
            group = [tok]
    flush()
    return out


def _mend_hyphens(
    line: Line, toks: list[_Tok], words: Vocabulary, repairs: list[Repair]
) -> list[_Tok]:
    if "-" not in line.text:  # no hyphenated half in the line
        return toks
    out: list[_Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.text[0] == "-"
            and tok.space == 1
            and not tok.glue
            and not prev.final
            and _attaches(prev, tok)
            and words.count(prev.text + tok.text)
        ):
            merged = _merge([prev, tok])
            repairs.append(_record("split_word", line, [prev, tok], merged.text))
            out[-1] = merged
        else:
            out.append(tok)
    return out


# --- displaced link text (DOMAIN.md 4.1) -------------------------------------------------------

_NUM = re.compile(r"\(?\d+(?:[-/.,]\d+)*(?:-[IVXLCІХ]+)?[.)]?|[IVXLCІХ]+|\d+-[а-яәғқңөұүһі]{1,3}")
_SIGN = frozenset({"№", "N"})
_SIGNED = re.compile(r"№\s?\d\S*")
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


@dataclass(frozen=True)
class _Gap:
    """Where a fragment belongs: before ``toks[pos]``; ``kind`` and its strength."""

    pos: int
    kind: str  # double | punct | quote | start | start_punct | start_quote

    @property
    def strength(self) -> int:
        return _STRENGTH.get(self.kind, 1)


_STRENGTH = {"punct": 3, "quote": 3, "double": 2, "start": 2, "start_punct": 2}


def _gaps(toks: Sequence[_Tok], first: bool) -> list[_Gap]:
    out: list[_Gap] = []
    if not first and toks:
        t = toks[0].text
        if toks[0].space == 1:
            out.append(_Gap(0, "start"))
        elif t[0] in ",;:.)" and not t[:2].startswith(("..", ". .")):
            out.append(_Gap(0, "start_punct"))
        elif t[0] == '"' and (len(t) == 1 or t[1] in _CLOSERS):
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
        a = _artifacts(lang)
        self.act = re.compile(a.LINK_ACTS, re.IGNORECASE)
        self.pin = re.compile(a.LINK_PINPOINTS, re.IGNORECASE)
        self.pin_num = re.compile(r"\d+(?:-\d+)*-(?:" + a.LINK_PINPOINTS + ")", re.IGNORECASE)
        self.title_last = re.compile(a.TITLE_LAST_WORD, re.IGNORECASE)
        self.title_first = re.compile(a.TITLE_FIRST_WORD, re.IGNORECASE)
        self.year = re.compile(a.YEAR_MARKER, re.IGNORECASE)
        self.num_first: bool = a.NUMBER_BEFORE_PINPOINT
        self.months = tuple(vocab(lang).MONTHS)

    def cls(self, tok: _Tok) -> str:
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

    def is_title_last(self, tok: _Tok) -> bool:
        return bool(self.title_last.fullmatch(key(tok.text)))

    def is_title_first(self, tok: _Tok) -> bool:
        return bool(self.title_first.fullmatch(key(tok.text))) and tok.text.strip('"')[0].isupper()

    def is_month(self, word: str | None) -> bool:
        return word is not None and key(word).startswith(self.months)


@cache
def _lex(lang: str) -> _Lex:
    return _Lex(lang)


@dataclass
class _Context:
    """What a line's repair may look at beyond the line: the line before (as
    repaired) and the first word of the line after, in the same paragraph."""

    first: bool
    prev_last: str | None
    next_first: str | None
    words: Vocabulary


@dataclass
class _Plan:
    """A reading of a line: for each gap, the token range ``(start, end)`` of its
    fragment, last gap first, and the strength of the evidence it explains."""

    fills: list[tuple[_Gap, int, int]] = field(default_factory=list)
    score: int = 0


def _lower_bound(gap: _Gap) -> int:
    """First index a fragment may start at: after the gap (after the closing quote
    of an empty pair of quotes)."""
    return gap.pos + 1 if gap.kind == "quote" else gap.pos


class _Classes:
    """The classes (:meth:`_Lex.cls`) of a line's tokens, each worked out when
    first asked: a fragment is told by the last two tokens before where it ends."""

    __slots__ = ("_got", "_lex", "_toks")

    def __init__(self, toks: Sequence[_Tok], lex: _Lex) -> None:
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
        return "".join([self[i] for i in range(max(0, end - 2), end)])


def _chunk(
    toks: Sequence[_Tok], end: int, lex: _Lex, gap: _Gap, ctx: _Context, every: _Classes
) -> list[int]:
    """Starts ``s`` such that ``toks[s:end]`` reads as link text for ``gap``
    (an act word, a pinpoint and its number, a signed number), longest first.
    ``every``: the classes of the tokens (no pattern is longer than two)."""
    classes = every.before(end)
    pats = ["A", "Q", "SN", "M", *(["NP", "P"] if lex.num_first else ["PN"])]
    starts = {end - len(p) for p in pats if classes.endswith(p)}
    prev = ctx.prev_last or ""
    if (
        gap.kind == "start"
        and classes.endswith("N")
        and (prev in _SIGN or re.search(r"\d-$", prev))
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
        q = next((k for k in range(end - 1, gap.pos, -1) if _QUOTE_WORD.match(toks[k].text)), None)
        if q is not None and _closes_after(toks, gap.pos, q, '"'):
            starts.add(q)
    return sorted(_extend_cap(toks, s, every, ctx) if s == end - 1 else s for s in starts if s >= 0)


def _extend_cap(toks: Sequence[_Tok], s: int, classes: _Classes, ctx: _Context) -> int:
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


def _title_part(toks: Sequence[_Tok], lo: int, end: int, lex: _Lex, gap: _Gap) -> int | None:
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


def _plans(toks: list[_Tok], gaps: list[_Gap], lex: _Lex, ctx: _Context) -> list[_Plan]:
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
            plan = _Plan()
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
                plan.fills.append((gap, s, end))
                if gap.pos != s:  # a fragment already in its gap moves nowhere
                    plan.score += gap.strength
                end = s
            else:
                moved = [g for g, s, _ in plan.fills if g.pos != s]
                if plan.score >= 2 and any(g.strength >= 2 for g in moved):
                    out.append(plan)
    return out


def _place(rest: Sequence[_Tok], at: int, gap: _Gap) -> str:
    if at == 0:
        return "to the line start"
    if gap.kind == "quote":
        return (
            f'into the empty quotes after "{rest[at - 2].text}"' if at >= 2 else "into the quotes"
        )
    return f'after "{rest[at - 1].text}"'


def _apply(
    line: Line, toks: list[_Tok], fills: Sequence[tuple[_Gap, int, int]], repairs: list[Repair]
) -> list[_Tok]:
    """Move each fragment ``toks[s:e]`` into its gap; record one repair per move.

    An opening quote or bracket at a fragment's head stays where it was (it
    opens what the next line goes on with) unless a closing one after the gap
    is waiting for it."""
    work = list(toks)
    moves: list[tuple[_Gap, list[_Tok], _Tok | None]] = []
    for gap, s, e in fills:
        if gap.pos == s:
            continue
        frag = toks[s:e]
        head = frag[0]
        if (
            head.text[0] in _OPENING
            and len(head.text) > 1
            and not _closes_after(toks, _lower_bound(gap), s, head.text[0])
        ):
            opener, word = _split(head, 1)
            i = next(i for i, t in enumerate(work) if t is head)
            work[i : i + 1] = [opener, word]
            frag = [word, *frag[1:]]
        anchor = toks[gap.pos] if gap.pos < len(toks) else None
        moves.append((gap, frag, anchor))
    gone = {id(t) for _, frag, _ in moves for t in frag}
    out = [t for t in work if id(t) not in gone]
    for gap, frag, anchor in reversed(moves):  # left to right
        at = len(out) if anchor is None else next(i for i, t in enumerate(out) if t is anchor)
        frag[0].glue = gap.kind == "quote"
        if anchor is not None:
            anchor.glue = gap.kind in ("punct", "quote", "start_punct", "start_quote")
        raw_to = anchor.raw_start if anchor is not None else out[-1].raw_end
        repairs.append(
            Repair(
                "displaced_link",
                line.no,
                frag[0].raw_start,
                frag[-1].raw_end,
                " ".join(t.text for t in frag),
                raw_to,
                "moved " + _place(out, at, gap),
            )
        )
        out[at:at] = frag
    return out


def _closes_after(toks: Sequence[_Tok], pos: int, stop: int, opener: str) -> bool:
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


def _glue_split(toks: list[_Tok]) -> int | None:
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
    left, right = _split(toks[-1], cut)
    toks[-1:] = [left, right]
    return len(toks) - 1


def _title_glue(toks: Sequence[_Tok], gaps: Sequence[_Gap]) -> int | None:
    """Index of the last token opening a quote glued to a word ('"О', '"Алматы')
    after every quote gap: the start of a shuffled quoted title."""
    title_gaps = [g for g in gaps if g.kind in ("quote", "start_quote")]
    if not title_gaps:
        return None
    for k in range(len(toks) - 1, title_gaps[-1].pos, -1):
        if _QUOTE_WORD.match(toks[k].text):
            return k
    return None


def _doubt(line: Line, toks: Sequence[_Tok], repairs: list[Repair], why: str) -> None:
    text = " ".join(t.text for t in toks)
    start = toks[0].raw_start
    repairs.append(
        Repair("doubt", line.no, start, toks[-1].raw_end, text, start, f'"{text}": {why}')
    )


#: the most gaps one line may show for displaced link text to be weighed (the
#: corpus's lines show at most two; :func:`_plans` weighs 2**n readings)
MAX_GAPS = 10


def _displace(
    line: Line, toks: list[_Tok], ctx: _Context, lang: str, repairs: list[Repair]
) -> tuple[list[_Tok], bool]:
    """Move displaced link text back (DOMAIN.md 4.1). Returns the tokens and
    whether the line stays as printed because of a doubt."""
    lex = _lex(lang)
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
    line: Line, toks: list[_Tok], gaps: list[_Gap], k: int, lex: _Lex, repairs: list[Repair]
) -> tuple[list[_Tok], bool]:
    """A line whose quoted titles were shuffled (DOMAIN.md 4.1, seed 001 lines
    55-66): the words after the last glued opening quote are cut into titles,
    which fill the line's quote gaps in order; a last title left over stays,
    opened at the line's end and going on in the next line."""
    work = list(toks)
    opener, word = _split(work[k], 1)
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


# --- lines and paragraphs ---------------------------------------------------------------------


def _fix_day(toks: list[_Tok], lex: _Lex, ctx: _Context) -> None:
    """Unglue a day number from link text appended after it ("2001 жылғы 2386-бабын"
    before "қаңтардағы" is "23" and "86-бабын"): the date keeps its day."""
    if len(toks) < 2 or not lex.is_month(ctx.next_first):
        return
    last = toks[-1]
    m = re.match(r"\d{3,}", last.text)
    if m is None or not lex.year.fullmatch(key(toks[-2].text)):
        return
    for n in (2, 1):
        if 1 <= int(last.text[:n]) <= 31 and last.text[n] != "0":
            day, rest = _split(last, n)
            rest.space, rest.glue = 1, False
            toks[-1:] = [day, rest]
            return


#: anything a repair could act on in a line's text: two spaces, a space before
#: punctuation, empty quotes, or two one-character words side by side (found at
#: the space after the first); one search, skipping to a space or a quote
_MARKED = re.compile(r'[\s"](?:(?<= )[ ,;:.)]|(?<=") "|(?<=\S\s)(?<!\S\S\s)\s*\S(?!\S))')
#: a detached hyphen (" -қон")
_DETACHED = re.compile(r"\s-\w")
#: a link glued to the last word (searched in that word alone): after closing
#: punctuation (inside the word, or opening it) or a bracket, or at a change of
#: case; each alternative is told by its one character, which the search skips to
_GLUED = re.compile(
    r"[.,;:)А-ЯӘҒҚҢӨҰҮҺІ]"
    r"(?:(?<=[^\W\d]{2}[.,;:])[^\W\d]{2}|(?<=[.,;:])(?<!..)[^\W\d]{2}"
    r"|(?<=\))\w|(?<=[^\W\d][А-ЯӘҒҚҢӨҰҮҺІ])[а-яәғқңөұүһі])"
)
#: a line opening with these (not opening a paragraph) leaves a gap before it
_OPENS_GAP = ',;:.)"'


def _marked(text: str) -> bool:
    """Whether a line's ``text`` shows evidence a repair looks for (most lines do
    not): two spaces, a space before punctuation, empty quotes, a detached hyphen,
    two one-character words side by side, or a link glued to the last word."""
    return bool(
        _MARKED.search(text)
        or (" -" in text and _DETACHED.search(text))
        or _GLUED.search(text.rsplit(None, 1)[-1])
    )


def _suspect(line: Line, first: bool, judged: dict[str, bool] | None = None) -> bool:
    """Whether ``line`` shows any evidence a repair looks for: :func:`_marked`
    text or (not opening a paragraph) a line opening with one space or with
    punctuation. ``judged`` keeps :func:`_marked` by text (a document's lines are
    judged once, for its vocabulary and for its repairs)."""
    t = line.text
    if not first and (line.indent == 1 or t[0] in _OPENS_GAP):
        return True
    if judged is None:
        return _marked(t)
    marked = judged.get(t)
    if marked is None:
        marked = judged[t] = _marked(t)
    return marked


def _repair_tokens(
    line: Line,
    lang: str,
    ctx: _Context,
    repairs: list[Repair],
    *,
    move: bool,
    value_col: int = 0,
) -> tuple[list[_Tok], bool, int]:
    """Tokens of a repaired line; whether the line keeps its printed spacing (a
    doubt); how many leading tokens sit left of ``value_col`` (a passport's labels,
    which no link text moves into)."""
    toks, spaced = _closed_up_tokens(line, repairs)
    if not toks:
        return toks, False, 0
    head: list[_Tok] = []
    frozen = 0  # no word starts left of column 0
    if value_col > 0:
        indent = line.indent
        frozen = sum(1 for t in toks if t.col + indent < value_col)
        head, toks = toks[:frozen], toks[frozen:]
    keep = False
    if spaced or _justified(toks):
        # a justified line: two spaces part its words, so they are no gaps; join
        # split words first, then look for the evidence that survives re-spacing
        # (as a second repair of the re-spaced line would)
        toks = _mend_words(line, toks, ctx.words, repairs, True)
        if move and toks:  # (without moves only the columns are rendered, not the spaces)
            gaps = _words_apart(toks)
            for k in range(1, len(toks)):
                toks[k].space = gaps[k]
            moved, doubted = _displace(line, toks, ctx, lang, repairs)
            toks = toks if doubted else moved
        return head + toks if head else toks, False, frozen
    if move and toks:
        trial = list(toks)
        _fix_day(trial, _lex(lang), ctx)
        if len(trial) > len(toks):
            found: list[Repair] = []
            out, keep = _displace(line, trial, ctx, lang, found)
            if any(r.kind == "displaced_link" for r in found):
                toks = out
                repairs.extend(found)
            else:
                toks, keep = _displace(line, toks, ctx, lang, repairs)
        else:
            toks, keep = _displace(line, toks, ctx, lang, repairs)
    if not keep:
        toks = _mend_words(line, toks, ctx.words, repairs, False)
    return head + toks if head else toks, keep, frozen


def _justified(toks: Sequence[_Tok]) -> bool:
    """Whether three or more words after the first stand two or more spaces apart."""
    n = 0
    for tok in itertools.islice(toks, 1, None):
        if tok.space >= 2:
            n += 1
            if n == 3:
                return True
    return False


def _line_of(line: Line, text: str, pieces: list[tuple[int, int]]) -> Line:
    if line.offsets is None and pieces == [(0, line.start)] and text == line.text:
        return line
    return Line(line.no, line.start, line.indent, text, OffsetMap.of_pieces(pieces))


def _rendered(line: Line, toks: Sequence[_Tok], text: str, cs: list[int], rs: list[int]) -> Line:
    """:func:`_line_of` the ``text`` and merged pieces (text offsets ``cs``, source
    offsets ``rs``) a renderer made of ``toks`` (the pieces are already what
    :meth:`OffsetMap.of_pieces` would keep)."""
    if len(toks) == 1 and len(toks[0].pieces) == 1:  # one piece: maybe the line as printed
        return _line_of(line, text, list(zip(cs, rs, strict=True)))
    return Line(line.no, line.start, line.indent, text, OffsetMap(tuple(cs), tuple(rs)))


def _first_word(line: Line | None) -> str | None:
    if line is None or line.blank:
        return None
    return line.text.split()[0]


def repair_lines(
    lines: Sequence[Line], lang: str, words: Vocabulary | None = None
) -> tuple[tuple[Line, ...], tuple[Repair, ...]]:
    """Repair the printed lines of one paragraph (in order; blank lines kept).

    Returns lines whose text is repaired, each with the offset map of its text
    back to the source, and the repairs. Line-level context: a line opening the
    paragraph has no line-start gap; the word before and after a line decide
    fragments that straddle it. ``lang`` is "kk" or "ru" (``KeyError`` otherwise).
    """
    words = words or vocabulary(lang)
    judged = words._local.judged if words._local is not None else None
    repairs: list[Repair] = []
    out: list[Line] = []
    nxt: dict[int, Line] | None = None  # the next non-blank line, when first needed
    prev_last: str | None = None
    prev_text: str | None = None  # a line as printed before, whose last word is prev_last
    first = True
    for line in lines:
        t = line.text
        if not t:
            out.append(line)
            continue
        # not _suspect(line, first, judged), inlined: every line of a document passes here
        if first or not (line.indent == 1 or t[0] in _OPENS_GAP):
            marked = judged.get(t) if judged is not None else None
            if marked is None:
                marked = _marked(t)
                if judged is not None:
                    judged[t] = marked
            if not marked:
                out.append(line)
                prev_text, first = t, False
                continue
        if prev_text is not None:
            prev_last, prev_text = prev_text.rsplit(" ", 1)[-1], None
        if nxt is None:
            visible = [ln for ln in lines if not ln.blank]
            nxt = {id(a): b for a, b in itertools.pairwise(visible)}
        ctx = _Context(first, prev_last, _first_word(nxt.get(id(line))), words)
        new = line
        for _ in range(4):  # a repair or a re-spacing can bring out another: repeat until settled
            found: list[Repair] = []
            toks, keep, _ = _repair_tokens(new, lang, ctx, found, move=True)
            done = new
            if keep:
                new = _line_of(new, new.text, list(new.pieces()))
            else:
                new = _rendered(new, toks, *_render(toks))
            if new.text == done.text:
                # nothing a reader sees moved (a fragment onto an identical word,
                # "решением решением"): which copy was displaced cannot be told,
                # so the line keeps its map and no move is claimed
                new = done
                repairs.extend(r for r in found if not r.applied and done is line)
                break
            repairs.extend(r for r in found if r.applied or done is line)
            if not _suspect(new, first, judged):
                break
        out.append(new)
        prev_last = new.text.split()[-1] if new.text.split() else None
        first = False
    return tuple(out), tuple(repairs)


def repair(
    p: Paragraph, lang: str, words: Vocabulary | None = None
) -> tuple[Paragraph, tuple[Repair, ...]]:
    """Repair a paragraph's export artifacts (DOMAIN.md 4.1-4.2).

    ``p``: printed lines joined by :func:`lexversion.text.lines.join_lines`;
    ``lang``: "kk" or "ru"; ``words``: the vocabulary (default: the shipped
    one of ``lang``). Returns the paragraph joined from the repaired lines —
    its offset map sends every character to its source offset, a moved
    fragment being a piece of its own — and the repairs, ``doubt`` s included.
    Idempotent: repairing the result changes nothing.
    """
    lines, repairs = repair_lines(p.lines, lang, words)
    if not repairs and all(map(operator.is_, lines, p.lines)):
        return p, ()
    return join_lines(lines), repairs


#: two or more spaces: a gap between columns (or between justified words)
_COLUMN_GAP = re.compile(r"\s{2,}")
#: how a word that is a fragment (:data:`_FRAGMENT`) and not 1-3 letters opens
_FRAGMENT_OPENS = ".,;:)%-"
#: a word opening with a hyphen after a space (" -қон")
_HYPHEN_WORD = re.compile(r"\s-")


def _unchanged_row(line: Line, short: frozenset[str]) -> Line | None:
    """The line a table row as printed (no offset map) repairs into when no
    repair can apply, else ``None``: a row whose evidence is only the spacing of
    its columns. Then no run of four letters is spaced (:func:`_close_up`), and
    no word is one a justified row's words may join (no :data:`_FRAGMENT` word
    outside ``short``, :func:`_mend_words`), nor a row with fewer than three
    column gaps a hyphenated half (:func:`_mend_hyphens`). Such a row renders
    as :func:`_render_columns` renders its words: the text as printed; the map
    has a piece for every padding space after the first of a gap, and one for
    the word after it (as :meth:`OffsetMap.of_pieces` merges them)."""
    text = line.text
    if (
        line.offsets is not None
        or not text.isprintable()  # a space other than a plain one (and some more)
        or text[0] == " "
        or text[-1] == " "
        or _SPACED_4.search(text)
    ):
        return None
    gaps = [m.span() for m in _COLUMN_GAP.finditer(text)]
    if len(gaps) >= 3:
        for w in text.split():
            if (
                (len(w) <= 3 or w[0] in _FRAGMENT_OPENS)
                and w not in short
                and _FRAGMENT.fullmatch(w)
            ):
                return None
    elif _HYPHEN_WORD.search(text):
        return None
    if " " not in text:  # one word: the line as printed
        return line
    start = line.start
    cs: list[int] = [0]
    rs: list[int] = [start]
    for b, a in gaps:
        cs.extend(range(b + 1, a + 1))
        rs.extend(itertools.repeat(start + b, a - b - 1))
        rs.append(start + a)
    return Line(line.no, start, line.indent, text, OffsetMap(tuple(cs), tuple(rs)))


def repair_layout(
    lines: Sequence[Line], lang: str, name: str, words: Vocabulary | None = None
) -> tuple[tuple[Line, ...], tuple[Repair, ...]]:
    """Repair the lines of a fixed-width block (a table or a passport, DOMAIN.md 4.5).

    Every word stays at its printed column, so columns keep their places: a
    closed-up word is followed by the spaces it gave up. Letter spacing is
    repaired in every cell; displaced link text only in a passport's value
    column (the column where its indented continuation lines start), since
    in a ruled table words from neighbouring cells abut by design.
    """
    words = words or vocabulary(lang)
    repairs: list[Repair] = []
    value_col = min((ln.indent for ln in lines if ln.indent >= 8), default=0)
    move = name == "passport" and value_col > 0
    judged = words._local.judged if words._local is not None else None
    short = _artifacts(lang).SHORT_WORDS
    out: list[Line] = []
    for line in lines:
        if not line.text or not _suspect(line, True, judged):
            out.append(line)
            continue
        if not move and (row := _unchanged_row(line, short)) is not None:
            out.append(row)
            continue
        ctx = _Context(True, None, None, words)
        toks, keep, frozen = _repair_tokens(
            line, lang, ctx, repairs, move=move, value_col=value_col if move else 0
        )
        if keep or not toks:
            out.append(line)
            continue
        if move and 0 < frozen < len(toks):
            # labels stay in their column; the value column flows from where it began
            text, cs, rs = _render_columns(toks[:frozen])
            col = max(toks[frozen].col, len(text) + 1)
            flow, fcs, frs = _render(toks[frozen:])
            end = toks[frozen - 1].raw_end
            pieces = list(zip(cs, rs, strict=True))
            pieces += [(n, end) for n in range(len(text), col)]
            pieces += [(col + c, r) for c, r in zip(fcs, frs, strict=True)]
            text = text.ljust(col) + flow
            out.append(_line_of(line, text, pieces))
        elif move and frozen == 0:
            out.append(_rendered(line, toks, *_render(toks)))
        else:
            out.append(_rendered(line, toks, *_render_columns(toks)))
    return tuple(out), tuple(repairs)


def repair_line(
    text: str, lang: str, words: Vocabulary | None = None
) -> tuple[str, tuple[Repair, ...]]:
    """Repair one printed line on its own (offsets in the repairs are into ``text``).

    ``text`` is a line as printed (leading spaces are its indent); returns the
    repaired text (flowing, one space between words) and the repairs.
    """
    stripped = text.lstrip(" ")
    line = Line(1, len(text) - len(stripped), len(text) - len(stripped), stripped.rstrip())
    (new,), repairs = repair_lines([line], lang, words)
    return new.text, repairs


def build_vocabulary(paths: Iterable[Path]) -> dict[str, tuple[Counter[str], Counter[str]]]:
    """Word and pair counts per language of the clean lines of the export files at
    ``paths`` (what ``scripts/build-vocabulary`` writes to ``lang/<lang>/*.tsv``)."""
    from lexversion.text.decode import decode
    from lexversion.text.language import detect_language
    from lexversion.text.lines import split_lines

    out: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for path in sorted(paths):
        text = decode(path.read_bytes(), path.name)
        words, pairs = count_clean(split_lines(text))
        w, p = out.setdefault(detect_language(text), (Counter(), Counter()))
        w.update(words)
        p.update(pairs)
    return out


def vocabulary_tsv(words: Counter[str], pairs: Counter[str]) -> dict[str, str]:
    """The ``words.tsv`` and ``bigrams.tsv`` texts of counts (sorted, one ``key\\tcount`` a row)."""

    def tsv(counts: Counter[str], what: str) -> str:
        rows = [f"# {what}: counted by scripts/build-vocabulary from the corpus's clean lines"]
        rows += [f"{k}\t{n}" for k, n in sorted(counts.items())]
        return "\n".join(rows) + "\n"

    return {"words.tsv": tsv(words, "words"), "bigrams.tsv": tsv(pairs, "word pairs")}
