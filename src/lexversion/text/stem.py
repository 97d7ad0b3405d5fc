"""Stems of Kazakh and Russian words for search: one stem for a word's forms.

Russian: the Snowball Russian stemmer (PyStemmer, the C build of the Snowball
algorithms; M. Porter, *Snowball: a language for stemming algorithms*, 2001).

Kazakh: no maintained Kazakh stemmer installs from PyPI, so ours strips the
endings of the suffix table ``lang/kk/suffixes.tsv`` (data: the endings of
case, 3rd person possessive, plural, verb forms, passive voice and -лық/-лік
with their vowel-harmony and consonant variants; its header cites the
grammars). :func:`kk_stem` strips outermost first, at most one ending per
slot (case, possessive, plural, verb, voice, derivation), and only when

* the ending follows the sound it may follow (``тар`` after a voiceless
  consonant, ``лар`` after a vowel, ``на`` after the possessive ``ы``/``і``);
* its vowels agree with the stem's last vowel (vowel harmony);
* what is left has :data:`MIN_STEM` letters or more, one a vowel, and
  :data:`MIN_UNKNOWN_STEM` unless the Kazakh lexicon (Debian's hunspell-kk
  list) knows it: short stems are never cut further ("енді" stays "енді",
  "айында" "айында");
* the passive (voice) only after a verb form, -лық/-лік only when no verb
  form was stripped and the lexicon knows what is left.

Several parses may fit ("облысы" is облыс-ы or облы-сы): the shortest stem
wins, except that a stem the lexicon knows beats an unknown one a letter
shorter. The lexicon is a word list with fragments in it ("бюдж"), so a
stem it "knows" may still be wrong ("бюджетін" -> "бюдж", a participle
parse); the index and the query share the error, only other forms of the
word then miss. Words are given folded (:func:`lexversion.lang.fold_word`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import Stemmer

from lexversion.lang import fold_word
from lexversion.lang.kk import FINAL_VOICING

#: fewest letters a stem keeps (one of them a vowel)
MIN_STEM = 3
#: fewest letters of a stem the lexicon does not know (:func:`kk_lexicon`)
MIN_UNKNOWN_STEM = 5
#: Debian's hunspell-kk word list (``scripts/system-deps`` installs it)
KK_HUNSPELL = Path("/usr/share/hunspell/kk_KZ.dic")
#: the slots, outermost first
SLOTS = ("case", "possessive", "plural", "verb", "voice", "derivation")

#: a word :func:`fold_word` leaves as it is (the lexicon's fast path)
_PLAIN = re.compile("[а-яәғқңөұүһі]+")
_ROMAN_LOOKING = frozenset("ісхм")
_POSSESSIVE = frozenset("ыі")
_VOWELS = frozenset("аәеёоөұүыіэюяиу")
_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әеөүіэ")
_CLASSES: dict[str, frozenset[str]] = {
    "V": frozenset("аәеёоөұүыіэюя"),
    "S": frozenset("иуй"),
    "R": frozenset("р"),
    "L": frozenset("л"),
    "N": frozenset("мнң"),
    "Z": frozenset("жз"),
    "T": frozenset("кқпстфхцчшщбвгғд"),
}


@dataclass(frozen=True)
class Ending:
    """A row of ``suffixes.tsv``: ``slot``, the ``ending``, the letters the stem
    may end in (``after``), the letters put back in its place (``replace``),
    its ``harmony`` ("back", "front" or "" for none), and whether it follows
    the 3rd person possessive (``after_possessive``: class ``P``), which must
    then be stripped too."""

    slot: str
    ending: str
    after: frozenset[str]
    replace: str
    harmony: str
    after_possessive: bool = False


def _harmony_of(letters: str) -> str:
    """ "back", "front" or "" (no deciding vowel) for the last deciding vowel of ``letters``."""
    for ch in reversed(letters):
        if ch in _BACK:
            return "back"
        if ch in _FRONT:
            return "front"
    return ""


def parse_endings(tsv: str) -> tuple[Ending, ...]:
    """The endings of a ``suffixes.tsv`` text, longest first within each slot.

    Raises :class:`ValueError` naming the line for a row that does not have four
    columns, names an unknown slot or class.
    """
    rows: list[Ending] = []
    for n, line in enumerate(tsv.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or cols[0] not in (*SLOTS, "keep"):
            raise ValueError(f"suffixes.tsv line {n}: expected slot, ending, after, replace")
        after: set[str] = set()
        for item in cols[2].split() if cols[0] != "keep" else ():
            if item == "P":
                after |= _POSSESSIVE
            elif item in _CLASSES:
                after |= _CLASSES[item]
            elif len(item) == 1:
                after.add(item)
            else:
                raise ValueError(f"suffixes.tsv line {n}: unknown class {item!r}")
        harmony = "" if cols[1] in ("мен", "бен", "пен", "менен") else _harmony_of(cols[1])
        replace = "" if cols[3] == "-" else cols[3]
        rows.append(
            Ending(cols[0], cols[1], frozenset(after), replace, harmony, "P" in cols[2].split())
        )
    order = (*SLOTS, "keep")
    return tuple(sorted(rows, key=lambda e: (order.index(e.slot), -len(e.ending))))


def kk_table() -> str:
    """The text of ``lang/kk/suffixes.tsv``."""
    return resources.files("lexversion.lang.kk").joinpath("suffixes.tsv").read_text("utf-8")


@cache
def kk_endings() -> dict[str, tuple[Ending, ...]]:
    """The endings of ``lang/kk/suffixes.tsv`` by slot (``keep``: the words never
    cut), longest first."""
    rows = parse_endings(kk_table())
    return {slot: tuple(e for e in rows if e.slot == slot) for slot in (*SLOTS, "keep")}


@cache
def _kept() -> frozenset[str]:
    return frozenset(e.ending for e in kk_endings()["keep"])


def _fits(word: str, e: Ending) -> str | None:
    """The stem left when ending ``e`` is stripped from ``word``, or ``None``."""
    if not word.endswith(e.ending):
        return None
    base = word[: len(word) - len(e.ending)]
    if not base or base[-1] not in e.after:
        return None
    stem = base + e.replace
    if len(stem) < MIN_STEM or not any(ch in _VOWELS for ch in stem[:-1]):
        return None
    if e.harmony:
        stem_harmony = _harmony_of(stem)
        if stem_harmony and stem_harmony != e.harmony:
            return None
    return stem


def _parses(word: str, at: int, stripped: tuple[Ending, ...]) -> Iterator[Parse]:
    """Every parse of ``word`` stripping endings of slots ``SLOTS[at:]`` in order,
    ``stripped`` the endings already taken (outermost first)."""
    if at == len(SLOTS) or word in _kept():
        yield Parse(word, stripped)
        return
    slot = SLOTS[at]
    taken = {e.slot for e in stripped}
    last = stripped[-1] if stripped else None
    if slot == "possessive" and last and last.after_possessive and word[-1] in _POSSESSIVE:
        # the case ending follows the possessive: only parses that strip it
        for e in _endings_of(slot, word[-1]):
            stem = _fits(word, e)
            if stem is not None:
                yield from _parses(_voiced(stem, e), at + 1, (*stripped, e))
        return
    yield from _parses(word, at + 1, stripped)
    if slot == "voice" and "verb" not in taken and not _verbal_case(stripped):
        return
    if slot == "derivation" and taken & {"verb", "voice"}:
        return
    for e in _endings_of(slot, word[-1]):
        stem = _fits(word, e)
        if stem is not None:
            yield from _parses(_voiced(stem, e), at + 1, (*stripped, e))


@cache
def _by_last_letter() -> dict[tuple[str, str], tuple[Ending, ...]]:
    """The endings of each slot by their last letter, in :func:`kk_endings`' order."""
    out: dict[tuple[str, str], list[Ending]] = {}
    for slot, endings in kk_endings().items():
        for e in endings:
            out.setdefault((slot, e.ending[-1]), []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _endings_of(slot: str, last: str) -> tuple[Ending, ...]:
    """The endings of ``slot`` a word ending in ``last`` may end with: only those
    ending in that letter can fit (:func:`_fits` asks ``word.endswith``), so the
    parses are those of every ending of the slot, found with a tenth of the tests
    (tests/text/test_stem.py checks the stems agree over the corpus's words)."""
    return _by_last_letter().get((slot, last), ())


@dataclass(frozen=True)
class Parse:
    """A stem and the endings stripped to reach it, outermost first."""

    stem: str
    endings: tuple[Ending, ...]

    @property
    def derived(self) -> bool:
        """Whether a derivational ending (-лық/-лік) was stripped."""
        return any(e.slot == "derivation" for e in self.endings)


def _voiced(stem: str, e: Ending) -> str:
    """``stem`` as the bare word writes it: a last ғ г б before an ending that
    starts with a vowel is қ к п there (:data:`lexversion.lang.kk.FINAL_VOICING`)."""
    if e.ending[0] in _VOWELS and stem[-1] in FINAL_VOICING:
        return stem[:-1] + FINAL_VOICING[stem[-1]]
    return stem


def _verbal_case(stripped: tuple[Ending, ...]) -> bool:
    """Whether the only ending taken is a case ending written like a verb form
    (``ды``: the accusative and the past tense, "жойылды")."""
    return (
        len(stripped) == 1
        and stripped[0].slot == "case"
        and any(stripped[0].ending == e.ending for e in kk_endings()["verb"])
    )


@lru_cache(maxsize=65536)
def kk_stem(word: str) -> str:
    """The stem of folded Kazakh word ``word`` by the suffix table (module doc).

    Of the stems the table allows (those under :data:`MIN_UNKNOWN_STEM` letters,
    or stripped of -лық/-лік, only when the lexicon :func:`kk_lexicon` knows
    them), the shortest, a known stem one letter longer than an unknown one
    preferred (one-letter endings are doubtful): ``"қандастарды"`` -> ``"қандас"``,
    ``"шешіміне"`` -> ``"шешім"``, ``"облысының"`` -> ``"облыс"`` (not
    ``"облы"``), ``"бекітілсін"`` -> ``"бекіт"``. A word with a character other
    than a letter, or no vowel, is returned as it is. Raises nothing.
    """
    if not word.isalpha() or not any(ch in _VOWELS for ch in word):
        return word
    lexicon = kk_lexicon()
    parses = [
        p
        for p in _parses(word, 0, ())
        if p.stem in lexicon or (len(p.stem) >= MIN_UNKNOWN_STEM and not p.derived)
    ]
    stems = {p.stem for p in parses}
    if not stems:
        return word
    best = min(stems, key=lambda s: (len(s), s))
    # a one-letter ending is doubtful: the lexicon's word one letter longer wins
    # over a stem it does not know ("отбасы", not "отбас"; "тәртіп" is kept)
    longer = {s[:-1]: s for s in sorted(stems, reverse=True) if s in lexicon}
    while best not in lexicon and best in longer:
        best = longer[best]
    return best


@cache
def kk_lexicon() -> frozenset[str]:
    """Kazakh words known to be words: the entries of Debian's hunspell-kk word
    list (:data:`KK_HUNSPELL`, flags dropped; empty when it is not installed) and
    the words the suffix table keeps; they choose between the stems the table
    allows."""
    words = set(_kept())
    if KK_HUNSPELL.is_file():
        lines = KK_HUNSPELL.read_text("utf-8", errors="replace").splitlines()[1:]
        words.update(line.split("/", 1)[0] for line in lines)
    odd = _not_plain(words)
    return frozenset(fold_word(w) if w in odd else w for w in words)


#: a line of ``"\n".join(words)`` that is not :func:`_plain`: one with a character
#: other than a lower-case Kazakh Cyrillic letter, or made of Roman-numeral
#: look-alikes only (the empty word included)
_NOT_PLAIN_LINE = re.compile("^(?:.*[^а-яәғқңөұүһі\n].*|[ісхм]*)$", re.MULTILINE)


def _not_plain(words: Iterable[str]) -> set[str]:
    """The words of ``words`` that are not :func:`_plain`, found by one search over
    them joined by newlines instead of a test of each (a word holds no newline:
    the word list is cut into lines); tests/text/test_stem.py checks they agree."""
    listed = list(words)
    if not listed:  # no line at all, not one empty line
        return set()
    return {m.group() for m in _NOT_PLAIN_LINE.finditer("\n".join(listed))}


def _plain(word: str) -> bool:
    """Whether :func:`fold_word` leaves ``word`` as it is: lower-case Kazakh
    Cyrillic without ``ё``, not made only of Roman-numeral look-alikes (і х с м)."""
    return bool(_PLAIN.fullmatch(word)) and not set(word) <= _ROMAN_LOOKING


@cache
def _russian() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("russian")


@lru_cache(maxsize=65536)
def ru_stem(word: str) -> str:
    """The Snowball Russian stem of folded word ``word`` ("мигранты" -> "мигрант")."""
    return str(_russian().stemWord(word))


def stem(word: str, lang: str) -> str:
    """The stem of folded ``word`` in ``lang`` ("kk" or "ru"); any other language
    keeps the word. Raises nothing."""
    if lang == "kk":
        return kk_stem(word)
    if lang == "ru":
        return ru_stem(word)
    return word
