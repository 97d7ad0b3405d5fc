"""The words of a language, for deciding repairs (DOMAIN.md 4.2).

A :class:`Vocabulary` counts words and word pairs in clean lines (lines with no
evidence of an artifact, :mod:`.evidence`): the counts shipped in
``lang/<lang>/words.tsv`` and ``bigrams.tsv`` (built from the corpus by
``scripts/build-vocabulary``: :func:`build_vocabulary`, :func:`vocabulary_tsv`),
plus a document's own clean lines (:class:`CleanLines`), then Debian's hunspell
word lists of Kazakh and Russian. Look-alike letters (DOMAIN.md 3) are folded in
every lookup (:func:`key`).
"""

from __future__ import annotations

import gc
import itertools
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import import_module, resources
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import Protocol

from lexversion.lang import fold_text
from lexversion.text.lines import Line
from lexversion.text.repair.evidence import GLUED_INSIDE, OPENS_GAP, clean, marked


class _Lookup(Protocol):
    def lookup(self, word: str) -> bool:
        """Whether the dictionary has ``word``."""
        ...


#: where Debian installs hunspell dictionaries (packages hunspell-kk, hunspell-ru)
HUNSPELL_DIR = Path("/usr/share/hunspell")


def hunspell_dir() -> Path:
    """Where the hunspell dictionaries are looked for: ``$LEXVERSION_HUNSPELL_DIR``
    (another system's layout, or a directory without them), else :data:`HUNSPELL_DIR`."""
    return Path(os.environ.get("LEXVERSION_HUNSPELL_DIR") or HUNSPELL_DIR)


def hunspell_files(lang: str) -> tuple[Path, ...]:
    """The files of the hunspell dictionary repairs of ``lang`` read (``.aff``,
    ``.dic``), those installed; empty when the dictionary or spylls, which
    reads it, is missing (then repairs do without it)."""
    if find_spec("spylls") is None:
        return ()
    base = hunspell_dir() / artifacts(lang).HUNSPELL
    files = (base.with_suffix(".aff"), base.with_suffix(".dic"))
    return tuple(f for f in files if f.exists()) if files[1].exists() else ()


def _hunspell(name: str) -> _Lookup | None:
    """Debian's hunspell dictionary ``name`` (``/usr/share/hunspell/kk_KZ``), read with
    spylls; ``None`` when the package or spylls is missing (then only the corpus counts)."""
    return _hunspell_in(hunspell_dir(), name)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the ``with`` block, then as it was.

    For loading a large structure that lives on (a hunspell dictionary: ~54,000
    entries of several objects each): its allocations trigger full collections
    that walk every object alive, three during the Kazakh dictionary's load
    (~0.5 s CPU of a build), and reclaim next to nothing, the new objects being
    all reachable. Reference counting still frees what the block drops; a
    cycle it leaves is collected by the next collection after it. Takes and
    returns nothing; raises what the block raises (the collector restored).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@cache
def _hunspell_in(directory: Path, name: str) -> _Lookup | None:
    base = directory / name
    if not base.with_suffix(".dic").exists():
        return None
    try:
        from spylls.hunspell import Dictionary  # type: ignore[import-untyped]
    except ImportError:
        return None
    with collector_paused():
        d: _Lookup = Dictionary.from_files(str(base))
    return d


@lru_cache(maxsize=65536)
def _in_dictionary(lang: str, word: str) -> bool:
    d = _hunspell(artifacts(lang).HUNSPELL)
    if not word or d is None:
        return False
    if d.lookup(word):
        return True
    lower = word.lower()  # a lower-case word was just looked up: not again
    return lower != word and bool(d.lookup(lower))


def forget_words() -> None:
    """Empty the per-word cache of hunspell lookups (benchmarks, or after
    ``$LEXVERSION_HUNSPELL_DIR`` changed; see :func:`lexversion.parse.forget_texts`)."""
    _in_dictionary.cache_clear()


def key(word: str) -> str:
    """Lookup key of a word: look-alikes folded, lower-cased, outer punctuation stripped."""
    return fold_text(word).lower().strip(".,;:!?()«»\"'%")


@cache
def artifacts(lang: str) -> ModuleType:
    """The export-artifact word lists of ``lang`` (``lexversion.lang.<lang>.artifacts``:
    hunspell name, short words, link patterns); ``ModuleNotFoundError`` for another."""
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
    _local: CleanLines | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.lines and self._local is None:
            object.__setattr__(self, "_local", CleanLines(self.lines))

    @property
    def verdicts(self) -> dict[str, bool] | None:
        """The memo of :func:`.evidence.marked` by line text for the document whose
        lines this vocabulary counts (:meth:`with_lines`), shared by its clean-line
        counts and the repairs of the same document, so that each line is judged
        once; ``None`` for a vocabulary without a document's lines (then every
        line is judged on its own). The repairs add to it; nothing else should."""
        return self._local.judged if self._local is not None else None

    def count(self, word: str) -> int:
        """How often ``word`` occurs in clean text."""
        k = key(word)
        n = self.words.get(k, 0)
        return n + self._local.words().get(k, 0) if self._local is not None else n

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
        name = artifacts(self.lang).HUNSPELL
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


class CleanLines:
    """A document's lines as a vocabulary sees them (:meth:`Vocabulary.with_lines`):
    which are clean, and the word and pair counts of the clean ones.

    Each is worked out when first asked and kept: a document asks for a few
    words (letter-spaced pieces) or a few pairs (a word in a gap). ``judged``
    keeps :func:`marked` of every line text judged so far, shared with the
    repairs of the same document (:func:`.evidence.suspect`) through
    :attr:`Vocabulary.verdicts`. Takes the lines; raises nothing.
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
        one a line: a run ends at a line that is not clean (:func:`suspect` as a
        line inside a paragraph, or a link glued after punctuation inside it), at
        a line with no key, and after a line ending with a hyphen."""
        if self._chains is None:
            chains: list[str] = []
            chain: list[str] = []
            judged = self.judged
            glued = GLUED_INSIDE.search
            for line in self.lines:
                t = line.text
                if not t:
                    continue
                # clean(line, judged) and _has_key(t), inlined: every line passes here
                if line.indent == 1 or t[0] in OPENS_GAP:
                    ok = False
                else:
                    got = judged.get(t)
                    if got is None:
                        got = judged[t] = marked(t)
                    ok = not got and not glued(t)
                if not ok or not (_KEY_CHAR.match(t) or _has_key(t)):
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
            if not clean(visible[j], self.judged):
                continue
            keys = _keys_of(folded[j])
            n += sum(1 for x, y in itertools.pairwise(keys) if x == a and y == b)
            if keys and keys[0] == b and j:  # across the line break
                before = visible[j - 1]
                if before.text[-1] != "-" and clean(before, self.judged):
                    last = _keys_of(folded[j - 1])
                    if last and last[-1] == a:
                        n += 1
        return n

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
    of an artifact (:func:`suspect`) nor a link glued after punctuation inside
    them. Pairs run across consecutive clean lines (blank ones skipped), except
    after a hyphen at a line end or a line with no word."""
    clean = CleanLines(lines)
    return clean.words(), clean.pairs()


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
