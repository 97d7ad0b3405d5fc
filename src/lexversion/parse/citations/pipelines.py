"""The blank spaCy pipelines of the citation scan and the region words they know.

Each language gets a blank pipeline (``make_doc`` only: the registered Kazakh
:class:`~lexversion.lang.kk.language.Kazakh`, spaCy's Russian) whose ``NORM``
reduces the vocabulary's inflected words to their stem (``lang/kk``, ``lang/ru``
``NORMS``) and gives the words naming a region (from the bilingual table
:mod:`lexversion.lang.regions`) one normal form, :data:`REGION_WORD`. No model is
loaded or downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from lexversion.lang import fold_text, vocab
from lexversion.lang.regions import REGIONS
from lexversion.parse.citations.keys import TokenClass

#: the normal form (``NORM``) of a word that names a region in an issuer phrase: the
#: first word of a Kazakh name ("Алматы", "Батыс" of "Батыс Қазақстан"), a Russian
#: region adjective ("Алматинского"), city name ("Шымкента") or the name of an oblast
#: printed after "область" ("Жетісу"). One normal form for all of them keeps the issuer
#: patterns few (spaCy's Matcher tries every pattern at every token); the region is
#: read back from the words (:mod:`lexversion.parse.citations.issuers`).
REGION_WORD = TokenClass.REGION.value


def _adjective_norms(lang: str) -> list[tuple[str, str]]:
    """Russian adjective stems of the regions ("туркестанск\\w*" -> "туркестанск"),
    longest first."""
    if lang != "ru":
        return []
    stems = {s.lower() for r in REGIONS for s in (r.ru_adj, *r.former_ru_adj) if s}
    return [(rf"{re.escape(s)}\w*", s) for s in sorted(stems, key=len, reverse=True)]


@dataclass(frozen=True)
class Names:
    """The words of :data:`lexversion.lang.regions.REGIONS` in issuer phrases.

    ``names``: kind (oblast, city) -> the Kazakh names (stems, former names) as
    lower-case words; ``adjectives``: kind -> the Russian adjective stems; ``cities``:
    the lower-case words of the Russian city names and genitives; ``named``: the
    Russian names that start with "область" ("область жетісу"), as words.
    """

    names: dict[str, frozenset[tuple[str, ...]]]
    adjectives: dict[str, frozenset[str]]
    cities: frozenset[str]
    named: frozenset[tuple[str, ...]]

    def sequences(self, lang: str) -> set[tuple[str, ...]]:
        """The names as the words of ``lang``'s issuer patterns match them: Kazakh
        names; Russian city names and oblast names after "область". Their first
        words take the normal form :data:`REGION_WORD`."""
        if lang == "kk":
            return {n for kind in self.names.values() for n in kind}
        return {(c,) for c in self.cities} | {n[1:] for n in self.named}


def _collect_names(nlp: Any) -> Names:
    """:class:`Names` of the regions, split into words by ``nlp``'s tokenizer."""

    def words(phrase: str) -> tuple[str, ...]:
        return tuple(phrase_words(nlp, phrase))

    kinds = ("oblast", "city")
    return Names(
        names={
            k: frozenset(
                words(n) for r in REGIONS if r.kind == k for n in (r.kk_stem, *r.former_kk)
            )
            for k in kinds
        },
        adjectives={
            k: frozenset(
                a.lower() for r in REGIONS if r.kind == k for a in (r.ru_adj, *r.former_ru_adj)
            )
            for k in kinds
        },
        cities=frozenset(
            w
            for r in REGIONS
            if r.kind == "city"
            for n in (r.ru, *r.former_ru_adj, *r.ru_genitive)
            for w in words(n)
        ),
        named=frozenset(
            words(r.ru)
            for r in REGIONS
            if r.kind == "oblast" and r.ru.lower().startswith("область")
        ),
    )


@cache
def pipeline(lang: str) -> Any:
    """The blank spaCy pipeline of ``lang`` ("kk" or "ru"), built once.

    Kazakh: :class:`lexversion.lang.kk.language.Kazakh` (``spacy.blank("kk")``);
    Russian: ``spacy.blank("ru")`` with the tokenizer infixes and ``NORM`` getter of
    :mod:`lexversion.lang.ru`. The ``NORM`` getter gives the words naming a region
    the normal form :data:`REGION_WORD`. No model is loaded or downloaded.
    """
    import spacy
    from spacy.attrs import NORM  # type: ignore[import-not-found]
    from spacy.util import compile_infix_regex

    from lexversion.lang.kk.language import norm_getter

    v = vocab(lang)
    if lang == "kk":
        import lexversion.lang.kk.language  # noqa: F401  (registers "kk" with spaCy)

        nlp = spacy.blank("kk")
    else:
        nlp = spacy.blank(lang)
        tokenizer: Any = nlp.tokenizer
        tokenizer.infix_finditer = compile_infix_regex(v.TOKENIZER_INFIXES).finditer
    first = {seq[0] for seq in _collect_names(nlp).sequences(lang)}
    regions = [(a, REGION_WORD) for a, _ in _adjective_norms(lang)]
    regions += [(re.escape(w), REGION_WORD) for w in sorted(first)]
    get = norm_getter([*regions, *v.NORMS], v.MONTHS, v.MONTH_ENDING)
    words: Any = nlp.vocab
    words.lex_attr_getters[NORM] = get
    for lex in words:  # words the vocabulary made before the getter was set ("1", "г.")
        lex.norm_ = get(lex.orth_)
    return nlp


@cache
def region_words(lang: str) -> Names:
    """:class:`Names` of ``lang``'s pipeline."""
    return _collect_names(pipeline(lang))


@cache
def _own_getter(lang: str) -> Callable[[str], str]:
    """``lang``'s ``NORM`` getter without :data:`REGION_WORD` (see :func:`own_norm`)."""
    from lexversion.lang.kk.language import norm_getter

    v = vocab(lang)
    return norm_getter([*_adjective_norms(lang), *v.NORMS], v.MONTHS, v.MONTH_ENDING)


@lru_cache(maxsize=4096)
def own_norm(lang: str, word: str) -> str:
    """The normal form of ``word`` without :data:`REGION_WORD`: a Russian region
    adjective its stem ("Алматинского" -> "алматинск"), a region's name its folded
    lower case. Cached by word."""
    return _own_getter(lang)(word)


def phrase_words(nlp: Any, phrase: str) -> list[str]:
    """The lower-case words of ``phrase`` (look-alike letters folded) as ``nlp``
    tokenizes it."""
    return [t.lower_ for t in nlp.make_doc(fold_text(phrase))]


class Strings(dict[int, str]):
    """Hash -> string of a vocabulary (normal forms, match keys), filled from its
    ``StringStore`` on first use (a dict lookup is a fraction of a ``StringStore``
    one)."""

    def __init__(self, store: Any) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, key: int) -> str:
        value: str = self.store[key]
        self[key] = value
        return value


@cache
def strings(lang: str) -> Strings:
    """:class:`Strings` of ``lang``'s pipeline."""
    return Strings(pipeline(lang).vocab.strings)


@cache
def norm_ids(lang: str, norms: tuple[str, ...]) -> frozenset[int]:
    """The hashes of the normal forms ``norms`` in ``lang``'s vocabulary."""
    return frozenset(pipeline(lang).vocab.strings.add(n) for n in norms)


@cache
def date_ids(lang: str) -> frozenset[int]:
    """The hashes of the normal forms one of which every date holds: the months, "#date"."""
    return norm_ids(lang, (*sorted(vocab(lang).MONTHS), TokenClass.DATE.value))
